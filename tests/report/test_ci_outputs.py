"""SARIF (validated against the official 2.1.0 schema), JUnit, GitHub annotations, and
several outputs in one run."""

from __future__ import annotations

import html
import json
from xml.etree import ElementTree

import jsonschema
import pytest

from conftest import CORPORA, FIXTURES, REPO
from qa.checks import ALL_CHECKS
from qa.cli import main

PAIR = CORPORA / "france-politics"
# the checks' declared severities: these tests are about how each format renders them
ARGS = [str(PAIR / "de.txt"), str(PAIR / "en.defective.txt"), "--termbase",
        str(PAIR / "terms.csv"), "--no-mt", "--severity-policy", "declared"]
SCHEMA = json.loads((FIXTURES / "schemas" / "sarif-schema-2.1.0.json").read_text())


@pytest.fixture(autouse=True)
def _at_repository_root(monkeypatch):
    """CI outputs name files relative to the folder qa runs in: here the repository."""
    monkeypatch.chdir(REPO)


def run(capsys, *extra):
    code = main(["check", *ARGS, *extra])
    return code, capsys.readouterr().out


def test_sarif_validates_and_is_stable(capsys):
    code, out = run(capsys, "--format", "sarif")
    log = json.loads(out)
    jsonschema.validate(log, SCHEMA)
    assert code == 1
    run_ = log["runs"][0]
    assert [r["id"] for r in run_["tool"]["driver"]["rules"]] == [c.code for c in ALL_CHECKS]
    levels = {r["ruleId"]: r["level"] for r in run_["results"]}
    assert levels["OMA01"] == "error"
    # one defect, one finding: the inconsistent spelling (NAM03) of the misspelled name is
    # folded into the NAM02 result, not a second result
    assert levels["NAM02"] == "error" and "NAM03" not in levels
    term = next(r for r in run_["results"] if r["ruleId"] == "TRM02")
    region = term["locations"][0]["physicalLocation"]["region"]
    assert region["charLength"] == len("Elysee Palace") and region["startLine"] == 5
    _, again = run(capsys, "--format", "sarif")
    prints = [r["partialFingerprints"] for r in run_["results"]]
    assert prints == [r["partialFingerprints"] for r in json.loads(again)["runs"][0]["results"]]
    assert len({p["qaFinding/v2"] for p in prints}) == len(prints)


def test_sarif_fingerprints_are_the_json_fingerprints(capsys):
    _, sarif = run(capsys, "--format", "sarif")
    _, report = run(capsys, "--format", "json")
    assert [r["partialFingerprints"]["qaFinding/v2"] for r in json.loads(sarif)["runs"][0]["results"]] \
        == [f["fingerprint"] for f in json.loads(report)["findings"]]


def test_omission_is_anchored_at_the_insertion_point_in_the_translation(capsys):
    """The German sentence missing after 'bypassing parliament.' (line 11): shown where
    its translation would go, so it appears in a pull request's diff of the translation;
    the German span is the related location."""
    _, out = run(capsys, "--format", "sarif")
    omission = next(r for r in json.loads(out)["runs"][0]["results"] if r["ruleId"] == "OMA01")
    where = omission["locations"][0]["physicalLocation"]
    assert where["artifactLocation"] == {"uri": "corpora/france-politics/en.defective.txt",
                                         "uriBaseId": "%SRCROOT%"}
    target = (PAIR / "en.defective.txt").read_text(encoding="utf-8")
    offset = where["region"]["charOffset"]
    assert where["region"]["charLength"] == 0
    assert target[:offset].endswith("accuses the government of bypassing parliament.")
    assert (where["region"]["startLine"], where["region"]["startColumn"]) == (11, 63)
    german = omission["relatedLocations"][0]["physicalLocation"]
    assert german["artifactLocation"]["uri"] == "corpora/france-politics/de.txt"
    source = (PAIR / "de.txt").read_text(encoding="utf-8")
    start = german["region"]["charOffset"]
    assert source[start:start + german["region"]["charLength"]].startswith("Bereits zum dritten Mal")
    _, github = run(capsys, "--format", "github")
    line = next(l for l in github.splitlines() if "OMA01" in l)
    assert "file=corpora/france-politics/en.defective.txt,line=11,col=63," in line
    assert line.endswith("[German: corpora/france-politics/de.txt:11:67]")


def test_junit_parses_with_a_case_per_check(capsys):
    code, out = run(capsys, "--format", "junit")
    root = ElementTree.fromstring(out.split("\n", 1)[1])
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    # every check that applies to two documents (those of a bilingual file's units do not)
    applicable = [cls for cls in ALL_CHECKS if not cls.reads_units]
    assert len(cases) == len(applicable) == int(suite.get("tests"))
    failed = {c.get("name").split()[0] for c in cases if c.find("failure") is not None}
    assert {"OMA01", "ADA01", "TRM02", "NUM01"} <= failed
    assert int(suite.get("failures")) == len(failed)
    assert any(c.find("skipped") is not None for c in cases)  # MT and adequacy skipped


def test_github_annotations(capsys):
    _, out = run(capsys, "--format", "github")
    lines = out.splitlines()
    assert any(l.startswith("::error file=") and "title=OMA01 alignment.omission" in l for l in lines)
    assert not any(l.startswith("::warning file=") for l in lines)  # every finding is major
    for line in lines[:-1]:
        props = line.split("::")[1]
        assert ",line=" in props and ",col=" in props and ",endColumn=" in props


def test_several_outputs_in_one_run(capsys, tmp_path):
    code = main(["check", *ARGS, "--format", "json", "-o", str(tmp_path / "a.json"),
                 "--format", "sarif", "-o", str(tmp_path / "a.sarif")])
    assert code == 1
    assert json.loads((tmp_path / "a.json").read_text())["version"] == 1
    assert json.loads((tmp_path / "a.sarif").read_text())["version"] == "2.1.0"
    code = main(["check", *ARGS, "--format", "junit", "--format", "json",
                 "--output-dir", str(tmp_path / "out")])
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "en.defective.json", "en.defective.junit.xml"]


def test_mismatched_outputs_are_a_usage_error(capsys, tmp_path):
    code = main(["check", *ARGS, "--format", "json", "--format", "sarif", "-o", str(tmp_path / "x")])
    assert code == 2 and "-o FILE" in capsys.readouterr().err


def test_minor_findings_are_warnings(capsys, tmp_path):
    (tmp_path / "de.txt").write_text("Die Regierung schwieg dazu am Montag.\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("The government said nothing on Monday .\n", encoding="utf-8")
    main(["check", str(tmp_path / "de.txt"), str(tmp_path / "en.txt"), "--no-mt",
          "--format", "github"])
    lines = capsys.readouterr().out.splitlines()
    assert any(l.startswith("::warning file=") and "TYP04" in l for l in lines), lines


def test_sarif_for_html_gives_the_file_lines_and_no_extracted_text_offsets(tmp_path, monkeypatch):
    """HTML prose is extracted: line/column are the file's, character offsets into the
    extracted text would point into markup, so SARIF leaves them out."""
    from qa.config import Config
    from qa.report.sarif import sarif_log
    from qa.runner import check_files

    pair = CORPORA / "bridge-html"
    report = check_files(pair / "de.html", pair / "en.defective.html", Config(mt=False))
    raw = (pair / "en.defective.html").read_text(encoding="utf-8").splitlines()
    results = sarif_log([report])["runs"][0]["results"]
    number = next(r for r in results if r["ruleId"] == "NUM01")
    region = number["locations"][0]["physicalLocation"]["region"]
    assert "charOffset" not in region and "charLength" not in region
    line = raw[region["startLine"] - 1]
    # the region is exactly the flagged words in the file (an entity inside, no tag after)
    assert region["endLine"] == region["startLine"]
    covered = line[region["startColumn"] - 1:region["endColumn"] - 1]
    assert html.unescape(covered) == "84\u00a0million euros" and "<" not in covered
