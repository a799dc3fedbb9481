"""--format xliff: the checked XLIFF file back with ITS 2.0 quality issues, and nothing
else changed."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from qa.cli import main

ITS = "http://www.w3.org/2005/11/its"
XLIFF_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="news.txt" source-language="de" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="1">
        <source>Die Regierung legte am Montag den Haushalt vor.</source>
        <target state="translated">The government presented the budget on Monday.</target>
      </trans-unit>
      <trans-unit id="2">
        <source>Er umfasst <g id="1">300 Millionen</g> Euro.</source>
        <target state="translated">It amounts to <g id="1">400 million</g> euros &amp; more.</target>
      </trans-unit>
      <trans-unit id="3">
        <source>Die Opposition kritisierte ihn scharf.</source>
        <target/>
      </trans-unit>
    </body>
  </file>
</xliff>
"""
XLIFF_20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en">
  <file id="f1">
    <unit id="u1">
      <segment id="s1">
        <source>Er umfasst <pc id="1">300 Millionen</pc> Euro.</source>
        <target>It amounts to <pc id="1">400 million</pc> euros.</target>
      </segment>
    </unit>
  </file>
</xliff>
"""


def _without_annotations(text: str) -> str:
    text = re.sub(r' xmlns:its="[^"]*" its:version="2.0"', "", text)
    text = re.sub(r"<mrk (?:mtype=\"x-its\"|id=\"qa\d+\" type=\"its:any\") its:[^>]*>", "", text)
    return text.replace("</mrk>", "")


@pytest.mark.parametrize("content", [XLIFF_12, XLIFF_20], ids=["xliff-1.2", "xliff-2.0"])
def test_every_finding_is_an_its_issue_on_its_unit_and_nothing_else_changes(content, tmp_path, capsys):
    path = tmp_path / "news.xlf"
    path.write_text(content, encoding="utf-8")
    out = tmp_path / "news.its.xlf"
    code = main(["check", str(path), "--no-mt", "-o", str(out)])
    assert code == 1, capsys.readouterr().err
    annotated = out.read_text(encoding="utf-8")
    tree = etree.fromstring(annotated.encode("utf-8"))  # well-formed
    issues = tree.findall(".//{*}mrk[@{%s}locQualityIssueType]" % ITS)
    types = {m.get(f"{{{ITS}}}locQualityIssueType") for m in issues}
    assert "numbers" in types
    assert all(m.getparent().tag.endswith(("target", "source", "mrk")) for m in issues)
    assert all(0 <= int(m.get(f"{{{ITS}}}locQualityIssueSeverity")) <= 100 for m in issues)
    assert _without_annotations(annotated) == content
    if content is XLIFF_12:
        assert "untranslated" in types  # the empty target (UNT03): on the unit's source


def test_xliff_format_for_two_plain_documents_is_one_line(tmp_path, capsys):
    de, en = tmp_path / "de.txt", tmp_path / "en.txt"
    de.write_text("Ein Satz.", encoding="utf-8")
    en.write_text("One sentence.", encoding="utf-8")
    code = main(["check", str(de), str(en), "--no-mt", "--format", "xliff"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "needs an XLIFF file as its input" in err


@pytest.mark.parametrize("newline, bom", [("\r\n", False), ("\n", True)], ids=["crlf", "bom"])
def test_crlf_and_bom_files_come_back_byte_for_byte(newline, bom, tmp_path, capsys):
    path = tmp_path / "news.xlf"
    raw = ("\ufeff" if bom else "") + XLIFF_12.replace("\n", newline)
    path.write_bytes(raw.encode("utf-8"))
    out = tmp_path / "out.xlf"
    main(["check", str(path), "--no-mt", "--baseline", "none", "-o", str(out)])
    annotated = out.read_bytes().decode("utf-8")
    etree.fromstring(annotated.lstrip("\ufeff").encode("utf-8"))
    assert _without_annotations(annotated) == raw


SEGMENTED = """<?xml version="1.0" encoding="UTF-8"?>
<x:xliff version="1.2" xmlns:x="urn:oasis:names:tc:xliff:document:1.2">
<x:file original="a" source-language="de" target-language="en" datatype="plaintext"><x:body>
<x:trans-unit id="1"><x:source>Er kam um 8 Uhr. Sie ging um 9 Uhr.</x:source>
<x:seg-source><x:mrk mtype="seg" mid="1">Er kam um 8 Uhr.</x:mrk> <x:mrk mtype="seg" mid="2">Sie ging um 9 Uhr.</x:mrk></x:seg-source>
<x:target><x:mrk mtype="seg" mid="1">He came at 7.</x:mrk> <x:mrk mtype="seg" mid="2"/></x:target></x:trans-unit>
<x:trans-unit id="2"><x:source>Das Ende.</x:source><x:target>The end.</x:target></x:trans-unit>
</x:body></x:file></x:xliff>
"""


def test_issues_sit_inside_their_segment_marker_in_the_file_s_prefix(tmp_path, capsys):
    """A finding of one sentence of a segmented unit is marked inside that sentence's
    <mrk mtype="seg">, never around the segment markers; an omission of an empty
    segment sits on its source segment; the XLIFF prefix is the file's."""
    path = tmp_path / "seg.xlf"
    path.write_text(SEGMENTED, encoding="utf-8")
    out = tmp_path / "out.xlf"
    main(["check", str(path), "--no-mt", "--baseline", "none", "-o", str(out)])
    tree = etree.fromstring(out.read_bytes())
    issues = tree.findall(".//{urn:oasis:names:tc:xliff:document:1.2}mrk[@mtype='x-its']")
    types = {m.get(f"{{{ITS}}}locQualityIssueType"): m for m in issues}
    assert {"numbers", "untranslated"} <= set(types)
    def segment(issue):  # the element around the issue and any issues nested with it
        parent = issue.getparent()
        while parent.get("mtype") == "x-its":
            parent = parent.getparent()
        return parent

    for issue in issues:
        assert segment(issue).get("mtype") == "seg"  # inside a segment marker
    assert segment(types["numbers"]).get("mid") == "1"
    assert segment(types["untranslated"]).getparent().tag.endswith("seg-source")


def test_an_its_prefix_already_bound_is_used_and_a_taken_one_avoided(tmp_path, capsys):
    bound = XLIFF_12.replace('<xliff version="1.2" ',
                             '<xliff version="1.2" xmlns:i="http://www.w3.org/2005/11/its" ')
    taken = XLIFF_12.replace('<xliff version="1.2" ', '<xliff version="1.2" xmlns:its="urn:other" ')
    for content in (bound, taken):
        path = tmp_path / "news.xlf"
        path.write_text(content, encoding="utf-8")
        out = tmp_path / "out.xlf"
        main(["check", str(path), "--no-mt", "--baseline", "none", "-o", str(out)])
        tree = etree.fromstring(out.read_bytes())  # well-formed, namespaces declared
        assert tree.findall(".//{*}mrk[@{%s}locQualityIssueType]" % ITS)
