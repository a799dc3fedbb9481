"""The Markdown loader (qa.io.markdown): which lines are prose blocks, of which kind, and
which inline ranges are syntax. Each case is Markdown → expected blocks, with a reason."""

from __future__ import annotations

import pytest

from qa.io.markdown import load_markdown

# (markdown, expected blocks as (kind, text), reason)
BLOCK_CASES = [
    ("---\ntitle: Titel\n---\nText.\n", [("text", "Text.")],
     "front matter is no prose"),
    ("# Titel mit Hash ##\nText.\n", [("heading", "Titel mit Hash"), ("text", "Text.")],
     "an ATX heading is a block of its own; closing hashes are no text"),
    ("Titel\n=====\n\nUntertitel\n---\n", [("heading", "Titel"), ("heading", "Untertitel")],
     "setext underlines turn the paragraph above into a heading"),
    ("Eine Zeile\nund noch eine.\n", [("text", "Eine Zeile\nund noch eine.")],
     "lines of one paragraph are one block"),
    ("Absatz eins.\n\nAbsatz zwei.\n", [("text", "Absatz eins."), ("text", "Absatz zwei.")],
     "a blank line ends a paragraph"),
    ("> Ein Zitat\n> über zwei Zeilen.\nDanach.\n",
     [("text", "Ein Zitat\n> über zwei Zeilen."), ("text", "Danach.")],
     "a quote's lines are one block; where the quote ends a new paragraph starts"),
    ("Absatz\n> Zitat\n", [("text", "Absatz"), ("text", "Zitat")],
     "where a quote starts a new paragraph starts"),
    (">> Tief zitiert.\n> > Noch tiefer.\n\nDanach Prosa.\n",
     [("text", "Tief zitiert.\n> > Noch tiefer."), ("text", "Danach Prosa.")],
     "nested quote markers are all stripped, with or without spaces between them"),
    ("- eins\n- zwei\n  weiter\n1. drei\n2) vier\n",
     [("list", "eins"), ("list", "zwei\n  weiter"), ("list", "drei"), ("list", "vier")],
     "each list item is a block; an indented line continues it"),
    ("| A | B |\n|---|:-:|\n| 1 | 2 |\n",
     [("text", "A"), ("text", "B"), ("text", "1"), ("text", "2")],
     "each table cell is a block; the separator row is none"),
    ("```python\ncode = 1\n```\n~~~\nmehr\n~~~~\nText.\n", [("text", "Text.")],
     "fenced code (backticks or tildes) is no prose"),
    ("    eingerückt\n\nText\n    weiter\n", [("text", "Text\n    weiter")],
     "an indented line is code only where no paragraph is open"),
    ("<div>\nHTML\n</div>\n\n<!-- ein\nKommentar -->\nText.\n", [("text", "Text.")],
     "an HTML block runs to a blank line, a comment to its end"),
    ("[ref]: https://example.com\nText.\n", [("text", "Text.")],
     "a link reference definition is no prose"),
    ("Eins.\n***\nZwei.\n", [("text", "Eins."), ("text", "Zwei.")],
     "a thematic break ends a paragraph"),
    ("Ende ohne Zeilenumbruch", [("text", "Ende ohne Zeilenumbruch")],
     "the last line needs no newline"),
]


@pytest.mark.parametrize("markdown, expected, reason", BLOCK_CASES,
                         ids=[c[2][:40] for c in BLOCK_CASES])
def test_blocks(markdown, expected, reason):
    loaded = load_markdown(markdown)
    assert [(kind, markdown[s:e]) for s, e, kind in loaded.blocks] == expected, reason


# (markdown, inline ranges that must be markup, words that must stay prose, reason)
MARKUP_CASES = [
    ("Ein **fettes** und *kursives* Wort.", {"**", "*"}, {"fettes", "kursives"},
     "emphasis markers are syntax, the words prose"),
    ("Siehe [hier](https://x.de/a.b) bitte.", {"[", "](https://x.de/a.b)"}, {"hier"},
     "a link's target is syntax, its text prose"),
    ("Mit `code` und ![Bild](b.png) da.", {"`code`", "![Bild](b.png)"}, {"Mit", "da."},
     "inline code and images are syntax whole"),
    ("Ein <span>Tag</span> und <https://a.b>.", {"<span>", "</span>", "<https://a.b>"},
     {"Tag"}, "inline HTML tags and autolinks are syntax"),
    ("Kein \\*Stern\\* und [Ref][r].", {"\\", "[", "][r]"}, {"Stern"},
     "backslash escapes and reference links"),
    ("> Zitat eins\n> Zitat zwei", {">"}, {"Zitat"},
     "the quote marker between a paragraph's lines is syntax"),
    ("> Zitat\n>> Verschachtelt.\n\nDanach echte Prosa.", {">>"},
     {"Verschachtelt.", "Danach", "echte", "Prosa."},
     "a nested quote's markers are syntax, the text after them and after the quote prose"),
]


@pytest.mark.parametrize("markdown, markup, prose, reason", MARKUP_CASES,
                         ids=[c[3][:40] for c in MARKUP_CASES])
def test_markup(markdown, markup, prose, reason):
    loaded = load_markdown(markdown)
    masked = {markdown[s:e] for s, e in loaded.markup}
    assert markup <= masked, reason
    for word in prose:  # no markup range covers any part of a prose word
        at = markdown.find(word)
        while at >= 0:
            assert not any(s < at + len(word) and at < e for s, e in loaded.markup), (word, reason)
            at = markdown.find(word, at + 1)
    for s, e in loaded.markup:
        assert any(bs <= s and e <= be for bs, be, _ in loaded.blocks), "markup lies in prose"


def test_crlf_offsets_point_into_the_file_as_written():
    markdown = "# Titel\r\n\r\nEin **Satz**\r\nzwei.\r\n"
    loaded = load_markdown(markdown)
    assert loaded.newline == "\r\n"
    assert [(kind, markdown[s:e]) for s, e, kind in loaded.blocks] == \
        [("heading", "Titel"), ("text", "Ein **Satz**\r\nzwei.")]
    assert {markdown[s:e] for s, e in loaded.markup} == {"**"}
