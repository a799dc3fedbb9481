"""Bilingual files through the pipeline: units as the alignment, findings placed at the
file's line and column and naming their unit, inline codes, shifted units.

The readers have their own tests (tests/io/); here a small in-memory reading stands
in for one, so these tests are about what qa does with units."""

from __future__ import annotations

from qa.bilingual import check_reading
from qa.config import Config
from qa.io.base import line_starts_of
from qa.io.bilingual.units import Reading, Segment, Tag, Unit


def reading_of(rows: list[tuple[str, str, str | None]], tags=None) -> Reading:
    """A reading of a tab-separated 'file': one unit per line, ``id<TAB>de<TAB>en``."""
    tags = tags or {}
    lines, units, offset = [], [], 0
    for number, (uid, de, en) in enumerate(rows, 1):
        line = f"{uid}\t{de}\t{en or ''}"
        s_at = offset + len(uid) + 1
        t_at = s_at + len(de) + 1
        source_tags, target_tags = tags.get(uid, ((), ()))
        units.append(Unit(id=uid, source=Segment(de, ((0, s_at),), source_tags),
                          target=None if en is None else Segment(en, ((0, t_at),), target_tags),
                          line=number))
        lines.append(line)
        offset += len(line) + 1
    text = "\n".join(lines) + "\n"
    return Reading(path="memory.tsv", format="test", source_lang="de", target_lang="en",
                   text=text, line_starts=line_starts_of(text), units=iter(units))


def check(rows, tags=None, **settings):
    reading = reading_of(rows, tags)
    return check_reading(reading, Config(mt=False, **settings)), reading


ROWS = [
    ("u1", "Die Regierung legte am Montag den Haushalt vor.", "The government presented the budget on Monday."),
    ("u2", "Er umfasst 300 Millionen Euro.", "It amounts to 400 million euros."),
    ("u3", "Die Opposition kritisierte ihn scharf.", None),
    ("u4", "Der Minister verteidigte den Plan. Er sprach von einer Notwendigkeit.",
     "The minister defended the plan."),
]


def test_units_are_the_alignment_and_findings_name_their_unit_and_file_place():
    report, reading = check(ROWS)
    by_unit = {}
    for finding in report.findings:
        by_unit.setdefault(finding.data.get("unit"), []).append(finding.code)
    assert "NUM01" in by_unit["u2"]
    assert "UNT03" in by_unit["u3"]  # no target: an untranslated unit
    assert "OMA01" in by_unit["u4"]  # a sentence dropped inside a unit
    assert "u1" not in by_unit
    number = next(f for f in report.findings if f.code == "NUM01")
    line, col = report.target.line_col(number.target_span[0])
    raw = reading.text.splitlines()[line - 1]
    assert raw[col - 1:].startswith("400") and raw.startswith("u2\t")
    assert [u.id for u in report.units] == ["u1", "u2", "u3", "u4"]
    assert report.units[2].target_span is None


def test_inline_codes_on_one_side_are_markup_findings():
    rows = [("u1", "Klicken Sie hier, um fortzufahren.", "Click here to continue.")]
    codes = {"u1": ((Tag("x", "1", 12, 12), Tag("g", "2", 12, 16)), (Tag("g", "2", 6, 10),))}
    report, _ = check(rows, codes, select=("MRK01",))
    [finding] = report.findings
    assert finding.code == "MRK01" and "<x id=1>" in finding.message
    assert finding.data["unit"] == "u1"


def test_json_and_text_count_the_units(capsys):
    import json

    from qa.report import render_json, render_text

    report, _ = check(ROWS)
    units = json.loads(render_json(report))["units"]
    assert units == {"checked": 4, "untranslated": 1, "skipped": {}}
    assert "4 units checked" in render_text(report)


XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="news.txt" source-language="de" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="1">
        <source>Die Regierung legte am Montag den Haushalt vor.</source>
        <target state="translated">The government presented the budget on Monday.</target>
      </trans-unit>
      <trans-unit id="2">
        <source>Er umfasst <g id="1">300 Millionen</g> Euro.</source>
        <target state="translated">It amounts to 400 million euros.</target>
      </trans-unit>
      <trans-unit id="3" translate="no">
        <source>Impressum</source>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def test_one_bilingual_argument_is_checked_baselined_and_never_a_manifest(tmp_path, capsys):
    from qa.cli import main

    path = tmp_path / "news.xlf"
    path.write_text(XLIFF, encoding="utf-8")
    assert main(["check", str(path), "--no-mt"]) == 1
    out = capsys.readouterr().out
    assert f"{path}:11:50: major numbers NUM01" in out and "MRK01" in out
    assert out.splitlines()[0].endswith("[unit 2]")
    assert "2 units checked (left out: translate=no 1)" in out
    assert main(["baseline", str(path), "--no-mt"]) == 0
    assert (tmp_path / "news.xlf.qa-baseline.json").is_file()
    capsys.readouterr()
    assert main(["check", str(path), "--no-mt"]) == 0
    assert main(["fix", str(path), "--no-mt", "-o", str(tmp_path / "x.xlf")]) == 2
    assert "CAT tool" in capsys.readouterr().err


def test_units_nobody_has_translated_yet_are_left_out_and_counted(tmp_path):
    from qa.bilingual import check_bilingual
    from qa.config import Config

    content = XLIFF.replace('<target state="translated">It amounts',
                            '<target state="needs-translation">It amounts')
    path = tmp_path / "news.xlf"
    path.write_text(content, encoding="utf-8")
    report = check_bilingual(path, Config(mt=False))
    assert [u.id for u in report.units] == ["1"]
    assert report.units_skipped == {"translate=no": 1, "state=needs-translation": 1}
    assert not report.findings


def test_an_empty_or_copied_target_is_a_blocking_untranslated_unit():
    """An aligner's omission is a guess whose severity is earned; a unit with no target
    or with its German source copied is certain: UNT03, which keeps its declared
    severity and fails the gate, however short the string."""
    report, _ = check([("u1", "Die Opposition kritisierte ihn scharf.", None),
                       ("u2", "Der Minister schwieg.", "The minister said nothing."),
                       ("u3", "Papierkorb leeren", "Papierkorb leeren")])
    found = {(f.data["unit"], f.finding_class) for f in report.findings
             if f.code in ("UNT03", "OMA01")}
    assert found == {("u1", "UNT03.empty-target"), ("u3", "UNT03.copied-source")}
    assert all(f.severity.value == "major" for f in report.findings if f.code == "UNT03")
    assert not report.gate.passed


def test_ui_strings_are_not_page_furniture_and_reversed_files_are_refused(tmp_path):
    import pytest

    from qa.errors import InputError

    report, _ = check([("share", "Teilen", "Share"), ("print", "Drucken", "Print"),
                       ("news", "Newsletter abonnieren", "Subscribe to newsletter")])
    assert not [f for f in report.findings if f.code == "ART01"]
    reversed_rows = [(f"u{k}", en, de) for k, (_, de, en) in enumerate(ROWS) if en]
    with pytest.raises(InputError, match="looks"):
        check(reversed_rows)


def test_a_bilingual_file_s_baseline_is_its_own_and_the_page_downloads_that_name(tmp_path, capsys):
    import json
    import re

    from qa.cli import main
    from qa.report import render_html

    for name in ("a.xlf", "b.xlf"):
        (tmp_path / name).write_text(XLIFF, encoding="utf-8")
        assert main(["baseline", str(tmp_path / name), "--no-mt"]) == 0
    assert (tmp_path / "a.xlf.qa-baseline.json").is_file()
    assert (tmp_path / "b.xlf.qa-baseline.json").is_file()
    assert not (tmp_path / "qa-baseline.json").exists()
    assert main(["check", str(tmp_path / "a.xlf"), "--no-mt"]) == 0
    from qa.bilingual import check_bilingual
    from qa.config import Config

    html = render_html(check_bilingual(tmp_path / "a.xlf", Config(mt=False)))
    data = json.loads(re.search(r'<script type="application/json" id="[^"]+">(.*?)</script>',
                                html, re.S).group(1))
    assert data["baselineFile"] == "a.xlf.qa-baseline.json"


def test_misplaced_arguments_get_one_line_that_says_what_to_do(tmp_path, capsys):
    from qa.cli import main

    xlf = tmp_path / "a.xlf"
    xlf.write_text(XLIFF, encoding="utf-8")
    html = tmp_path / "de.html"
    html.write_text("<p>Ein Satz.</p>", encoding="utf-8")
    for argv, needle in ((["check", str(xlf), str(xlf)], "give it alone"),
                         (["check", str(html)], "give SOURCE and TARGET"),
                         (["fix", str(xlf)], "CAT tool")):
        assert main([*argv, "--no-mt"]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and needle in err, err


def test_ci_outputs_place_an_untranslated_unit_at_its_own_source_and_name_it(tmp_path, capsys):
    import json

    from qa.cli import main

    path = tmp_path / "news.xlf"
    path.write_text(XLIFF.replace('<target state="translated">It amounts to 400 million euros.</target>',
                                  "<target/>"), encoding="utf-8")
    main(["check", str(path), "--no-mt", "--format", "github"])
    lines = [l for l in capsys.readouterr().out.splitlines() if "UNT03" in l]
    assert len(lines) == 1 and ",line=10," in lines[0] and "[unit 2]" in lines[0]
    main(["check", str(path), "--no-mt", "--format", "sarif"])
    [result] = [r for r in json.loads(capsys.readouterr().out)["runs"][0]["results"]
                if r["ruleId"] == "UNT03"]
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 10
    assert result["properties"]["unit"] == "2"


def test_reordered_placeholders_are_the_same_codes_and_no_numbers():
    """%2$s in the translation stands for the source's second %s: no MRK01, and the
    placeholders' digits are markup, not numbers for NUM01."""
    placeholders = {"u1": ((Tag("placeholder", "%s", 0, 2), Tag("placeholder", "%s", 7, 9)),
                           (Tag("placeholder", "%2$s", 0, 4), Tag("placeholder", "%1$s", 8, 12)))}
    report, _ = check([("u1", "%s von %s Dateien", "%2$s of %1$s files")], placeholders)
    assert [f.code for f in report.findings if f.code in ("MRK01", "NUM01")] == []


def test_decomposed_units_are_checked_composed_and_placed_in_the_file(tmp_path):
    import unicodedata

    from qa.bilingual import check_bilingual

    text = unicodedata.normalize("NFD", XLIFF.replace(
        "Er umfasst", "Für Bürger umfasst er").replace("It amounts to", "For citizens it is"))
    path = tmp_path / "news.xlf"
    path.write_text(text, encoding="utf-8")
    composed_path = tmp_path / "composed.xlf"
    composed_path.write_text(unicodedata.normalize("NFC", text), encoding="utf-8")
    report = check_bilingual(str(path), Config(mt=False))
    same = check_bilingual(str(composed_path), Config(mt=False))
    assert [(f.code, f.kind) for f in report.findings] == [(f.code, f.kind) for f in same.findings]
    assert "Für Bürger" in report.source.text
    number = next(f for f in report.findings if f.code == "NUM01")
    line, col = report.target.line_col(number.target_span[0])
    assert text.splitlines()[line - 1][col - 1:].startswith("400")
    source_line, source_col = report.source.line_col(report.source.text.index("Bürger"))
    assert text.splitlines()[source_line - 1][source_col - 1:].startswith("Bu\u0308rger")
