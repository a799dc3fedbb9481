"""Loading: encodings, BOM, newlines, bad files, Markdown prose blocks and offsets."""

from __future__ import annotations

import pytest

from qa.errors import InputError
from qa.io import load_text, read_text_file
from qa.runner import load_document


def test_bom_is_removed_and_reported(write):
    path = write("a.txt", "\ufeffDer Satz ist kurz. Noch einer.\n".encode("utf-8"))
    text, bom = read_text_file(path)
    assert bom is True and text.startswith("Der")
    doc = load_document(path, "de")
    assert doc.bom is True
    assert doc.text[doc.sentences[0].start:doc.sentences[0].end] == "Der Satz ist kurz."


def test_crlf_is_kept_and_offsets_point_into_it(write):
    content = "Titel\r\n\r\nErster Satz hier. Zweiter Satz dort.\r\nDritter Absatz.\r\n"
    path = write("a.txt", content)
    doc = load_document(path, "de")
    assert doc.text == content
    assert doc.newline == "\r\n"
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text
        assert "\r" not in s.text and "\n" not in s.text
    assert [s.text for s in doc.sentences] == ["Titel", "Erster Satz hier.", "Zweiter Satz dort.",
                                               "Dritter Absatz."]
    assert doc.line_col(doc.sentences[-1].start) == (4, 1)


@pytest.mark.parametrize("content,problem", [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (b"\xef\xbb\xbf\n", "empty"),
    (b"Gr\xfc\xdfe aus M\xfcnchen.", "not valid UTF-8"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
])
def test_bad_files_raise_one_clear_line(write, content, problem):
    path = write("bad.txt", content)
    with pytest.raises(InputError) as err:
        load_text(path)
    message = str(err.value)
    assert problem in message and path in message and "\n" not in message


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        load_text(tmp_path / "nope.txt")
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(InputError, match="is a directory"):
        load_text(tmp_path / "dir.txt")


def test_unsupported_extension(write):
    path = write("a.odt", "Hallo Welt.")
    with pytest.raises(InputError, match="unsupported file type"):
        load_text(path)


MARKDOWN = """---
title: Test
---
# Macron in **Berlin**

Der Präsident kam am *Dienstag* an. Er traf [Olaf Scholz](https://example.org/a.b.html).

> Ein Zitat über zwei
> Zeilen.

- Erster Punkt.
- Zweiter Punkt

```
Code. Nicht prüfen.
```

<!-- Kommentar. -->

| Spalte eins. | Spalte zwei |
|---|---|
"""


def test_markdown_prose_only_with_original_offsets(write):
    path = write("a.md", MARKDOWN)
    doc = load_document(path, "de")
    texts = [s.text for s in doc.sentences]
    assert texts == [
        "Macron in **Berlin",
        "Der Präsident kam am *Dienstag* an.",
        "Er traf [Olaf Scholz](https://example.org/a.b.html).",
        "Ein Zitat über zwei\n> Zeilen.",
        "Erster Punkt.",
        "Zweiter Punkt",
        "Spalte eins.",
        "Spalte zwei",
    ]
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text
    assert not any("Code" in t or "Kommentar" in t or "title" in t for t in texts)
    kinds = [p.kind for p in doc.paragraphs]
    assert kinds[0] == "heading" and "list" in kinds
    masked = {doc.text[a:b] for a, b in doc.markup}
    assert "**" in masked and "](https://example.org/a.b.html)" in masked and ">" in masked


def test_markdown_link_url_does_not_split_sentences(write):
    path = write("b.md", "Siehe [hier](http://x.de/a. b.html) für mehr. Dann Ende.\n")
    doc = load_document(path, "de")
    assert len(doc.sentences) == 2


def test_decomposed_characters_are_composed_and_positions_stay_the_files(write):
    import unicodedata
    content = unicodedata.normalize("NFD", "# Größe\n\nDas Gehäuse ist über **Öl** gefüllt.\n")
    path = write("a.md", content)
    doc = load_document(path, "de")
    assert doc.text == unicodedata.normalize("NFC", content)[:len(doc.text)]
    assert [s.text for s in doc.sentences] == ["Größe", "Das Gehäuse ist über **Öl** gefüllt."]
    # line and column are the file's, counted in its own (decomposed) characters
    at = doc.text.index("gefüllt")
    assert doc.line_col(at) == (3, content.splitlines()[2].index("gefu") + 1)
    assert not doc.is_file_text  # qa fix refuses it rather than recompose the whole file


def test_composed_text_is_left_as_it_is(write):
    from qa.io import load_text
    from qa.io.base import composed
    loaded = load_text(write("a.txt", "Größe und Gehäuse.\n"))
    assert composed(loaded) is loaded
