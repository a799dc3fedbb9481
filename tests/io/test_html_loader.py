"""HTML input: the article's prose without tags or entities, every offset mapped back to
the file's line and column, and a whole check run on an HTML article pair."""

from __future__ import annotations

import json

import pytest

from conftest import CORPORA
from qa.cli import main
from qa.config import Config
from qa.errors import InputError
from qa.io import load_text
from qa.io.html import load_html
from qa.runner import check_files, load_document

PAIR = CORPORA / "bridge-html"
# The pair's gold annotations; named so that tests/test_corpora.py (which opens de.txt in
# every folder with a gold.json) does not pick the pair up yet.
GOLD = json.loads((PAIR / "gold.json").read_text(encoding="utf-8"))


def _blocks(html: str) -> list[tuple[str, str]]:
    loaded = load_html(html)
    return [(loaded.text[s:e], kind) for s, e, kind in loaded.blocks]


def _raw_line_col(raw: str, offset: int) -> tuple[int, int]:
    """Line and column of ``offset`` counted directly in the raw file text."""
    line = raw.count("\n", 0, offset) + 1
    return line, offset - (raw.rfind("\n", 0, offset) + 1) + 1


def test_nested_inline_tags_are_dropped():
    assert _blocks("<p>Das <b>ist <i>ein</i></b> Test</p>") == [("Das ist ein Test", "text")]
    assert _blocks("<p>Ein<b>e</b> Ver<span>bind</span>ung.</p>") == [("Eine Verbindung.", "text")]


def test_entities_are_decoded():
    assert _blocks("<p>Müller &amp; Söhne&nbsp;GmbH: 5&#160;€, &#x20AC;, &euro; &unknown;</p>") == [
        ("Müller & Söhne\xa0GmbH: 5\xa0€, €, € &unknown;", "text")]


def test_whitespace_runs_collapse_and_br_is_a_space():
    html = "<p>  Erste Zeile,<br>zweite\n   Zeile.<br/>\r\n Ende. </p>"
    assert _blocks(html) == [("Erste Zeile, zweite Zeile. Ende.", "text")]


def test_empty_paragraphs_make_no_blocks():
    assert _blocks("<p></p><p>  \n </p><p><b> </b></p><p>Text.</p>") == [("Text.", "text")]


def test_block_kinds_and_implied_end_tags():
    html = ("<h2>Titel</h2><p>Eins<p>Zwei<ul><li>Punkt a<li>Punkt b</ul>"
            "<table><tr><td>A<td>B<tr><th>C</table><dl><dt>Wort<dd>Bedeutung</dl>"
            "<blockquote>Zitat</blockquote><figure><figcaption>Foto: X</figcaption></figure>")
    assert _blocks(html) == [
        ("Titel", "heading"), ("Eins", "text"), ("Zwei", "text"), ("Punkt a", "list"),
        ("Punkt b", "list"), ("A", "text"), ("B", "text"), ("C", "text"), ("Wort", "text"),
        ("Bedeutung", "text"), ("Zitat", "text"), ("Foto: X", "text")]


def test_scripts_styles_and_cdata_are_skipped():
    html = ("<html><head><title>Titel</title><style>p{}</style></head><body>"
            "<script>//<![CDATA[\nvar s = '<p>Nein</p>';\n//]]></script>"
            "<noscript><p>Bitte JavaScript</p></noscript><template><p>Vorlage</p></template>"
            "<![CDATA[ auch nicht ]]><!-- <p>Kommentar</p> -->"
            "<svg><text>Icon</text></svg><pre>code()</pre><p>Nur das.</p></body></html>")
    assert _blocks(html) == [("Nur das.", "text")]


def test_page_chrome_is_skipped_without_an_article():
    html = ("<body><nav>Startseite</nav><header><p>Logo</p><h1>Schlagzeile</h1></header>"
            "<p>Text.</p><aside>Mehr zum Thema</aside><footer>Impressum</footer></body>")
    assert _blocks(html) == [("Schlagzeile", "heading"), ("Text.", "text")]


def test_only_the_article_is_read_with_the_outside_headline():
    html = ("<body><h1>Schlagzeile</h1><p>Werbung außen.</p><div>Teaser</div>"
            "<article><header><p>Von Anna Berger</p></header><p>Text.</p>"
            "<nav>Inhalt</nav><div class='share'><button>Teilen</button>"
            "<button>Folgen</button></div><aside>Infokasten.</aside></article>"
            "<footer>Impressum</footer></body>")
    assert _blocks(html) == [("Schlagzeile", "heading"), ("Von Anna Berger", "text"),
                             ("Text.", "text"), ("Teilen", "text"), ("Folgen", "text"),
                             ("Infokasten.", "text")]


def test_xhtml_with_namespaces_and_self_closing_tags():
    html = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:x="http://www.w3.org/1999/xhtml">'
            '<body><x:p>Mit Präfix.</x:p><p>Zeile<br />weiter.</p><p/><p>Ende.</p></body></html>')
    assert _blocks(html) == [("Mit Präfix.", "text"), ("Zeile weiter.", "text"),
                             ("Ende.", "text")]


def test_every_character_maps_to_its_place_in_the_file():
    """Outside collapsed spaces and entities, the character at each mapped file offset is
    the extracted character itself."""
    raw = (PAIR / "de.html").read_text(encoding="utf-8")
    loaded = load_html(raw)
    origin = loaded.origin
    for start, end, _ in loaded.blocks:
        for offset in range(start, end):
            char = loaded.text[offset]
            at = origin.file_offset(offset)
            if char == " ":
                assert raw[at].isspace() or raw[at] == "<", (offset, raw[at - 10:at + 10])
            elif raw[at] == "&":
                continue  # an entity: its decoded character sits at the "&"
            else:
                assert raw[at] == char, (offset, char, raw[at - 10:at + 10])


@pytest.mark.parametrize("newline,bom", [("\n", False), ("\r\n", False), ("\r\n", True)])
def test_line_col_of_a_word_is_its_place_in_the_file(write, newline, bom):
    body = newline.join([
        "<html><body>",
        "  <h1>Die Schlagzeile</h1>",
        "  <p>Das <b>ist <i>ein</i></b> Test&nbsp;mit",
        "     Umbruch und &amp; Entität.</p>",
        "</body></html>",
    ])
    raw_bytes = ("\ufeff" if bom else "").encode("utf-8") + body.encode("utf-8")
    path = write("a.html", raw_bytes)
    doc = load_document(path, "de")
    assert doc.bom is bom and doc.format == "html" and doc.newline == newline
    for word in ("Schlagzeile", "ein", "Test", "mit", "Umbruch", "Entität"):
        offset = doc.text.index(word)
        assert doc.line_col(offset) == _raw_line_col(body, body.index(word)), word
        end = body.index(word) + len(word)
        assert doc.line_col(offset + len(word), end=True) == _raw_line_col(body, end), word
    for sentence in doc.sentences:
        assert doc.text[sentence.start:sentence.end] == sentence.text
        assert "<" not in sentence.text and "&amp;" not in sentence.text


def test_text_given_for_an_html_path_is_parsed():
    loaded = load_text("article.html", text="<p>Nur <em>dieser</em> Satz.</p>")
    assert loaded.text == "Nur dieser Satz." and loaded.format == "html"


def test_other_charsets_are_refused_with_one_line(write):
    path = write("latin.html", '<meta charset="iso-8859-1"><p>Gr\xfc\xdfe</p>'.encode("latin-1"))
    with pytest.raises(InputError) as err:
        load_text(path)
    assert "iso-8859-1" in str(err.value) and "\n" not in str(err.value)


def test_a_page_without_prose_is_refused(write):
    path = write("empty.html", "<html><head><title>Nichts</title></head><body></body></html>")
    with pytest.raises(InputError, match="no prose"):
        load_document(path, "de")


def _config() -> Config:
    return Config(termbase=(str(PAIR / "terms.csv"),), mt=False)


def test_clean_html_pair_is_clean():
    report = check_files(PAIR / GOLD["source"], PAIR / GOLD["clean"], _config())
    assert [f.code for f in report.findings if f.severity.value != "info"] == []
    assert report.gate.passed


def test_planted_defects_are_found_at_their_place_in_the_file():
    report = check_files(PAIR / GOLD["source"], PAIR / GOLD["defective"], _config())
    assert not report.gate.passed
    for defect in GOLD["defects"]:
        source_side = defect["side"] == "source"
        doc = report.source if source_side else report.target
        raw = (PAIR / (GOLD["source"] if source_side else GOLD["defective"])).read_text(
            encoding="utf-8")
        start = doc.text.index(defect["text"])
        hits = [f for f in report.findings if f.category.value == defect["category"]
                and (f.source_span if source_side else f.target_span)
                and (f.source_span if source_side else f.target_span)[0] <= start
                < (f.source_span if source_side else f.target_span)[1]]
        assert hits, (defect, [(f.code, f.message) for f in report.findings])
        assert doc.line_col(start) == _raw_line_col(raw, raw.index(defect["text"])), defect


def test_qa_check_on_html_files_reports_file_locations(capsys):
    source, target = PAIR / GOLD["source"], PAIR / GOLD["defective"]
    code = main(["check", str(source), str(target), "--no-mt",
                 "--termbase", str(PAIR / "terms.csv")])
    out, err = capsys.readouterr()
    assert code == 1, err
    raw_target = target.read_text(encoding="utf-8")
    raw_source = source.read_text(encoding="utf-8")
    share = _raw_line_col(raw_target, raw_target.index("Share this article"))
    number = _raw_line_col(raw_target, raw_target.index("84&nbsp;million"))
    omitted = _raw_line_col(raw_source, raw_source.index("Baubeginn ist"))
    lines = out.splitlines()
    for path, (line, col), code in ((target, share, "artefact ART01"),
                                    (target, number, "numbers NUM01"),
                                    (source, omitted, "omission OMA01")):
        assert any(l.startswith(f"{path}:{line}:{col}: ") and f" {code} " in l
                   for l in lines), (path, line, col, code, out)
    assert "ART02" not in out  # the tags of an HTML file are not leftover markup
