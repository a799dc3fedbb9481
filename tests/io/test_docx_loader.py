"""DOCX input: body, tables, footnotes and tracked changes read as accepted text, positions
as paragraph:character, and damaged or hostile files refused with one line (exit 2).

The documents are written at test time with python-docx (plus hand-made XML for what it
cannot write: tracked changes, footnotes), so no binary sample is committed.
"""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from conftest import CORPORA
from qa.cli import main
from qa.errors import InputError
from qa.io import load_text
from qa.io import docx as docx_loader
from qa.io.html import load_html
from qa.runner import load_document

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
MEGABYTE = 1024 * 1024


def _bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _append_xml(paragraph, xml: str) -> None:
    paragraph._p.append(parse_xml(f'<w:wrap {nsdecls("w")}>{xml}</w:wrap>')[0])


def _paragraph_xml(document, *pieces: str):
    """A body paragraph made of raw run-level XML pieces (tracked changes, fields)."""
    paragraph = document.add_paragraph()
    for piece in pieces:
        _append_xml(paragraph, piece)
    return paragraph


def _with_part(data: bytes, part: str, xml: bytes, rel_type: str, content_type: str) -> bytes:
    """``data`` (a .docx) with one more part related from the main document."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>", f'<Override PartName="/{part}" ContentType="{content_type}"/>'
                    "</Types>".encode())
            elif item.filename == "word/_rels/document.xml.rels":
                name = part.split("/", 1)[1]
                content = content.replace(
                    b"</Relationships>",
                    f'<Relationship Id="rIdQa1" Type="{rel_type}" Target="{name}"/>'
                    "</Relationships>".encode())
            target.writestr(item, content)
        target.writestr(part, xml)
    return out.getvalue()


def _footnotes_xml(*notes: str, doctype: str = "") -> bytes:
    separator = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
                 "</w:p></w:footnote>")
    body = "".join(f'<w:footnote w:id="{k + 1}"><w:p>{_run(text)}</w:p></w:footnote>'
                   for k, text in enumerate(notes))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
            f'<w:footnotes xmlns:w="{W_NS}">{separator}{body}</w:footnotes>').encode("utf-8")


@pytest.fixture
def sample(write):
    """A German article: title, heading, text with tracked changes, a list, an empty
    paragraph, a table, a text box and two footnotes."""
    document = docx.Document()
    document.add_heading("Neue Brücke für Radfahrer", level=0)  # Title style
    document.add_heading("Der Beschluss", level=1)
    _paragraph_xml(
        document, _run("Der Rat hat "),
        f'<w:ins w:id="1" w:author="Red" w:date="2026-01-01T00:00:00Z">{_run("am Dienstag ")}</w:ins>',
        '<w:del w:id="2" w:author="Red" w:date="2026-01-01T00:00:00Z"><w:r>'
        '<w:delText xml:space="preserve">gestern </w:delText></w:r></w:del>',
        _run("den Bau beschlossen."),
        f'<w:moveFrom w:id="3" w:author="Red">{_run(" Alter Satz.")}</w:moveFrom>',
        f'<w:moveTo w:id="4" w:author="Red">{_run(" Verschobener Satz.")}</w:moveTo>')
    document.add_paragraph("Erster Punkt der Liste", style="List Bullet")
    document.add_paragraph("")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Kosten"
    table.cell(0, 1).text = "48 Millionen Euro"
    _paragraph_xml(document, _run("Vor dem Kasten."),
                   '<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
                   f'<w:txbxContent><w:p>{_run("Im Textkasten.")}</w:p></w:txbxContent>'
                   "</v:textbox></v:shape></w:pict></w:r>",
                   '<w:r><w:tab/></w:r>', _run("Nach dem Tab."))
    data = _with_part(_bytes(document), "word/footnotes.xml",
                      _footnotes_xml("Quelle: Stadtverwaltung.", "Stand: Januar."),
                      FOOTNOTES_REL, FOOTNOTES_TYPE)
    return write("de.docx", data)


def test_blocks_kinds_and_accepted_changes(sample):
    loaded = load_text(sample)
    assert loaded.format == "docx"
    assert [(loaded.text[s:e], kind) for s, e, kind in loaded.blocks] == [
        ("Neue Brücke für Radfahrer", "heading"),
        ("Der Beschluss", "heading"),
        ("Der Rat hat am Dienstag den Bau beschlossen. Verschobener Satz.", "text"),
        ("Erster Punkt der Liste", "list"),
        ("Kosten", "text"),
        ("48 Millionen Euro", "text"),
        ("Vor dem Kasten.\tNach dem Tab.", "text"),
        ("Quelle: Stadtverwaltung.", "text"),
        ("Stand: Januar.", "text"),
    ]
    assert "gestern" not in loaded.text and "Alter Satz" not in loaded.text
    assert "Textkasten" not in loaded.text


def test_links_fields_content_controls_and_space_only_runs_are_read(write):
    document = docx.Document()
    _paragraph_xml(
        document, _run("Der"), _run(" "), _run("Rat"),
        f'<w:hyperlink w:anchor="x">{_run(" tagt")}</w:hyperlink>',
        f'<w:fldSimple w:instr="DATE">{_run(" heute")}</w:fldSimple>',
        f'<w:sdt><w:sdtPr><w:alias w:val="Ort"/></w:sdtPr><w:sdtContent>{_run(" in Kehl")}'
        "</w:sdtContent></w:sdt>",
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', _run("."),
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    assert load_text(write("a.docx", _bytes(document))).text == "Der Rat tagt heute in Kehl."


def test_python_docx_alone_would_miss_insertions(sample):
    """Why the loader reads the XML itself: python-docx's text drops inserted runs."""
    paragraph = docx.Document(sample).paragraphs[2]
    assert "am Dienstag" not in paragraph.text


def test_line_col_is_paragraph_and_character(sample):
    doc = load_document(sample, "de")
    # Word's paragraphs in order, empty ones and table cells counted, footnotes last
    paragraphs = ["Neue Brücke für Radfahrer", "Der Beschluss",
                  "Der Rat hat am Dienstag den Bau beschlossen. Verschobener Satz.",
                  "Erster Punkt der Liste", "", "Kosten", "48 Millionen Euro",
                  "Vor dem Kasten.\tNach dem Tab.", "Quelle: Stadtverwaltung.", "Stand: Januar."]
    words = {"Radfahrer": 1, "Beschluss": 2, "Dienstag": 3, "Verschobener": 3, "Erster": 4,
             "Millionen": 7, "Nach dem Tab": 8, "Quelle": 9, "Januar": 10}
    for word, number in words.items():
        place = (number, paragraphs[number - 1].index(word) + 1)
        assert doc.line_col(doc.text.index(word)) == place, word
    assert doc.line_col(doc.text.index("Radfahrer") + len("Radfahrer"), end=True) == (1, 26)
    for sentence in doc.sentences:
        assert doc.text[sentence.start:sentence.end] == sentence.text


def test_text_for_a_docx_path_is_refused():
    with pytest.raises(InputError, match="read from its file"):
        load_text("a.docx", text="Hallo Welt.")


def _cli_error(path, capsys) -> str:
    code = main(["check", str(path), str(path), "--no-mt"])
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    assert err.startswith("qa: error: ") and err.count("\n") == 1, err
    assert "internal error" not in err and "Traceback" not in err
    return err


def test_a_docx_that_is_not_a_zip_exits_2_with_one_line(write, capsys):
    path = write("plain.docx", "Hallo Welt, das ist kein Word-Dokument.")
    assert "not a DOCX file (not a zip archive)" in _cli_error(path, capsys)


def test_a_password_protected_docx_exits_2_with_one_line(write, capsys):
    path = write("secret.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    assert "password-protected" in _cli_error(path, capsys)


def test_a_zip_that_is_not_a_word_document_exits_2(write, capsys):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "Hallo")
    path = write("other.docx", buffer.getvalue())
    assert "not a readable Word document" in _cli_error(path, capsys)


def test_an_oversized_part_is_refused_before_unpacking(write, capsys):
    """A zip bomb: a small file whose document part would unpack beyond the limit."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b" " * (docx_loader.MAX_XML_PART_BYTES + 1))
    assert len(buffer.getvalue()) < MEGABYTE
    path = write("bomb.docx", buffer.getvalue())
    err = _cli_error(path, capsys)
    assert "word/document.xml unpacks to" in err and "limit" in err


def test_the_whole_unpacked_size_is_bounded(sample, monkeypatch):
    monkeypatch.setattr(docx_loader, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(InputError, match="unpacks to"):
        load_text(sample)


def test_a_part_declaring_a_doctype_is_refused(write, capsys):
    """Word writes no DOCTYPE; one that declares entities (a billion laughs, an external
    entity) is refused in one line, not parsed, and no text silently vanishes."""
    laughs = ('<!DOCTYPE w:footnotes [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
              '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>')
    document = docx.Document()
    document.add_paragraph("Der Text des Artikels.")
    notes = _footnotes_xml("Fußnote &c; Ende.", doctype=laughs)
    data = _with_part(_bytes(document), "word/footnotes.xml", notes, FOOTNOTES_REL,
                      FOOTNOTES_TYPE)
    error = _cli_error(write("laughs.docx", data), capsys)
    assert "declares a DOCTYPE" in error and "word/footnotes.xml" in error


def _docx_from_html(html_path, docx_path) -> None:
    """Write the prose of an HTML article as a Word document, headings as headings."""
    loaded = load_html(html_path.read_text(encoding="utf-8"))
    document = docx.Document()
    for start, end, kind in loaded.blocks:
        text = loaded.text[start:end]
        if kind == "heading":
            document.add_heading(text, level=1)
        else:
            document.add_paragraph(text)
    document.save(docx_path)


def test_qa_check_on_docx_files_reports_paragraph_and_character(tmp_path, capsys):
    pair = CORPORA / "bridge-html"
    source, target = tmp_path / "de.docx", tmp_path / "en.docx"
    _docx_from_html(pair / "de.html", source)
    _docx_from_html(pair / "en.defective.html", target)
    code = main(["check", str(source), str(target), "--no-mt",
                 "--termbase", str(pair / "terms.csv")])
    out, err = capsys.readouterr()
    assert code == 1, err
    paragraphs = [p.text for p in docx.Document(target).paragraphs]
    number = next(k for k, text in enumerate(paragraphs, 1) if "84" in text)
    share = paragraphs.index("Share this article") + 1
    lines = out.splitlines()
    assert any(l.startswith(f"{target}:{number}:{paragraphs[number - 1].index('84') + 1}: ")
               and " NUM01 " in l for l in lines), out
    assert any(l.startswith(f"{target}:{share}:1: ") and " ART01 " in l for l in lines), out
    source_paragraphs = [p.text for p in docx.Document(source).paragraphs]
    omitted = next(k for k, text in enumerate(source_paragraphs, 1) if "Baubeginn" in text)
    column = source_paragraphs[omitted - 1].index("Baubeginn") + 1
    assert any(l.startswith(f"{source}:{omitted}:{column}: ") and " OMA01 " in l
               for l in lines), out
