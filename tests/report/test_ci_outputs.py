"""SARIF (validated against the official 2.1.0 schema), JUnit, GitHub annotations, and
several outputs in one run."""

from __future__ import annotations

import json
from xml.etree import ElementTree

import jsonschema

from conftest import CORPORA, FIXTURES
from qa.checks import ALL_CHECKS
from qa.cli import main

PAIR = CORPORA / "france-politics"
ARGS = [str(PAIR / "de.txt"), str(PAIR / "en.defective.txt"), "--termbase",
        str(PAIR / "terms.csv"), "--no-mt"]
SCHEMA = json.loads((FIXTURES / "schemas" / "sarif-schema-2.1.0.json").read_text())


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
    assert levels["OMA01"] == "error" and levels["NAM03"] == "warning"
    omission = next(r for r in run_["results"] if r["ruleId"] == "OMA01")
    assert omission["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("de.txt")
    term = next(r for r in run_["results"] if r["ruleId"] == "TRM02")
    region = term["locations"][0]["physicalLocation"]["region"]
    assert region["charLength"] == len("Elysee Palace") and region["startLine"] == 5
    _, again = run(capsys, "--format", "sarif")
    prints = [r["partialFingerprints"] for r in run_["results"]]
    assert prints == [r["partialFingerprints"] for r in json.loads(again)["runs"][0]["results"]]
    assert len({p["qaFinding/v1"] for p in prints}) == len(prints)


def test_junit_parses_with_a_case_per_check(capsys):
    code, out = run(capsys, "--format", "junit")
    root = ElementTree.fromstring(out.split("\n", 1)[1])
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    assert len(cases) == len(ALL_CHECKS) == int(suite.get("tests"))
    failed = {c.get("name").split()[0] for c in cases if c.find("failure") is not None}
    assert {"OMA01", "ADA01", "TRM02", "NUM01"} <= failed
    assert int(suite.get("failures")) == len(failed)
    assert any(c.find("skipped") is not None for c in cases)  # MT and adequacy skipped


def test_github_annotations(capsys):
    _, out = run(capsys, "--format", "github")
    lines = out.splitlines()
    assert any(l.startswith("::error file=") and "title=OMA01 alignment.omission" in l for l in lines)
    assert any(l.startswith("::warning file=") for l in lines)
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
