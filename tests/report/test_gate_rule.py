"""One gate rule: the JSON gate, JUnit failures and the HTML report's blocking findings
agree with each other and with ``Gate.blocks``, for every --fail-on and every severity;
JUnit lists only the checks that ran or were skipped."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from xml.etree import ElementTree

import pytest

from conftest import CORPORA
from qa.config import Config
from qa.model import Severity
from qa.report import render_html, render_json
from qa.report.junit import render_junit
from qa.runner import check_files, decide_gate

PAIR = CORPORA / "france-politics"
SEVERITIES = list(Severity)


@pytest.fixture(scope="module")
def report():
    """The defective pair, its findings given every severity in turn."""
    config = Config(mt=False, termbase=(str(PAIR / "terms.csv"),))
    base = check_files(PAIR / "de.txt", PAIR / "en.defective.txt", config)
    assert len(base.findings) >= len(SEVERITIES)
    findings = tuple(replace(f, severity=SEVERITIES[k % len(SEVERITIES)])
                     for k, f in enumerate(base.findings))
    return replace(base, findings=findings)


def _junit_failed(xml: str) -> set[str]:
    suite = ElementTree.fromstring(xml.split("\n", 1)[1]).find("testsuite")
    return {c.get("name").split()[0] for c in suite.findall("testcase")
            if c.find("failure") is not None}


def _html_blocking(html: str) -> set[int]:
    return {int(m.group(2)) for m in re.finditer(
        r'<li class="finding sev-\w+( blocking)?" id="item-f(\d+)"', html) if m.group(1)}


@pytest.mark.parametrize("fail_on", ["critical", "major", "minor", "never"])
def test_json_junit_and_html_agree_on_what_blocks(report, fail_on):
    gate = decide_gate(report.findings, report.score, Config(fail_on=fail_on))
    report = replace(report, gate=gate)
    threshold = {"critical": 3, "major": 2, "minor": 1, "never": 99}[fail_on]
    expected = [k for k, f in enumerate(report.findings)
                if f.severity is not Severity.INFO and f.severity.rank >= threshold]
    assert [k for k, f in enumerate(report.findings) if gate.blocks(f)] == expected

    summary = json.loads(render_json(report))["summary"]
    assert summary["passed"] is (not expected) and summary["fail_on"] == fail_on
    assert _junit_failed(render_junit(report)) == {report.findings[k].code for k in expected}
    assert _html_blocking(render_html(report)) == set(expected)


def test_gate_wording_is_shared(report):
    gate = decide_gate(report.findings, report.score, Config(fail_on="minor", min_score=99.0))
    assert gate.status == "failed" and gate.fail_on_name == "minor"
    assert gate.verdict == "failed: " + "; ".join(gate.reasons)
    assert gate.reasons[1] == f"score {report.score:g} below minimum 99"
    report = replace(report, gate=gate)
    html = render_html(report)
    assert f"✘ Failed: {'; '.join(gate.reasons)}" in html
    from qa.report import RENDERERS

    assert f"gate {gate.verdict} (--fail-on minor)" in RENDERERS["text"](report)
    assert f"gate {gate.verdict}\n" in RENDERERS["github"](report)
    passed = decide_gate([], 100.0, Config(fail_on="never"))
    assert (passed.verdict, passed.status, passed.fail_on_name) == ("passed", "passed", "never")


def test_junit_lists_only_checks_that_ran_or_were_skipped():
    config = Config(mt=False, termbase=(str(PAIR / "terms.csv"),), select=("NUM01", "MTB01"),
                    severity_policy="declared")
    report = check_files(PAIR / "de.txt", PAIR / "en.defective.txt", config)
    suite = ElementTree.fromstring(render_junit(report).split("\n", 1)[1]).find("testsuite")
    cases = {c.get("name").split()[0]: c for c in suite.findall("testcase")}
    assert set(cases) == {"NUM01", "MTB01"} and suite.get("tests") == "2"
    assert cases["MTB01"].find("skipped") is not None and suite.get("skipped") == "1"
    assert cases["NUM01"].find("failure") is not None and suite.get("failures") == "1"
