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
        assert "omission" in types  # the empty target: on the unit's source


def test_xliff_format_for_two_plain_documents_is_one_line(tmp_path, capsys):
    de, en = tmp_path / "de.txt", tmp_path / "en.txt"
    de.write_text("Ein Satz.", encoding="utf-8")
    en.write_text("One sentence.", encoding="utf-8")
    code = main(["check", str(de), str(en), "--no-mt", "--format", "xliff"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "annotated copy of an XLIFF file" in err
