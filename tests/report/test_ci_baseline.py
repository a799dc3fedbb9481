"""CI outputs with a baseline: accepted findings are suppressed in SARIF, notices in GitHub
annotations and never JUnit failures; stale baseline entries are reported in each; SARIF
paths are relative to %SRCROOT% (the folder qa ran in) and carry no machine path."""

from __future__ import annotations

import json
import shutil
from xml.etree import ElementTree

import jsonschema
import pytest

from conftest import CORPORA, FIXTURES
from qa import baseline
from qa.cli import main
from qa.config import Config
from qa.model import BaselineEntry
from qa.runner import check_files

SCHEMA = json.loads((FIXTURES / "schemas" / "sarif-schema-2.1.0.json").read_text())
REASON = "house style keeps the English name"
STALE = BaselineEntry(fingerprint="0" * 32, code="NUM01", text="999", reason="an old number")


@pytest.fixture
def article(tmp_path, monkeypatch):
    """The defective France pair copied to ./article/ (the working directory is the
    temporary folder), with a baseline accepting its three TRM02 findings plus one
    stale entry."""
    folder = tmp_path / "article"
    folder.mkdir()
    for name in ("de.txt", "en.defective.txt", "terms.csv"):
        shutil.copy(CORPORA / "france-politics" / name, folder / name)
    monkeypatch.chdir(tmp_path)
    config = Config(mt=False, termbase=("article/terms.csv",), severity_policy="declared")
    report = check_files("article/de.txt", "article/en.defective.txt", config)
    accepted = [f for f in report.findings if f.code == "TRM02"]
    assert len(accepted) == 3
    entries = baseline.entries_for(accepted, report.source, report.target, reason=REASON,
                                   by="A. Editor", when="2026-01-05")
    (folder / baseline.FILE_NAME).write_text(baseline.render([*entries, STALE]), encoding="utf-8")
    return tmp_path


def _run(capsys, fmt: str) -> tuple[int, str]:
    code = main(["check", "article/de.txt", "article/en.defective.txt", "--termbase",
                 "article/terms.csv", "--baseline", "article/qa-baseline.json", "--no-mt",
                 "--severity-policy", "declared", "--format", fmt])
    return code, capsys.readouterr().out


def test_sarif_suppresses_accepted_findings_and_notes_stale_entries(article, capsys):
    _, out = _run(capsys, "sarif")
    log = json.loads(out)
    jsonschema.validate(log, SCHEMA)
    run = log["runs"][0]
    suppressed = [r for r in run["results"] if "suppressions" in r]
    assert {r["ruleId"] for r in suppressed} == {"TRM02"} and len(suppressed) == 3
    assert suppressed[0]["suppressions"] == [{
        "kind": "external", "status": "accepted", "justification": REASON,
        "properties": {"by": "A. Editor", "date": "2026-01-05",
                       "baseline": "article/qa-baseline.json"}}]
    assert all(r["properties"]["status"] == "open" for r in run["results"] if r not in suppressed)
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert len(notes) == 1 and notes[0]["level"] == "note"
    assert STALE.fingerprint in notes[0]["message"]["text"]
    assert notes[0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "article/qa-baseline.json", "uriBaseId": "%SRCROOT%"}


def test_sarif_paths_are_relative_to_srcroot_without_machine_paths(article, capsys):
    code = main(["check", str(article / "article" / "de.txt"),
                 str(article / "article" / "en.defective.txt"), "--no-mt", "--format", "sarif"])
    out = capsys.readouterr().out
    assert code in (0, 1) and str(article) not in out
    run = json.loads(out)["runs"][0]
    assert "%SRCROOT%" in run["originalUriBaseIds"]
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
            for r in run["results"] for loc in r["locations"] + r.get("relatedLocations", [])}
    assert uris == {"article/en.defective.txt", "article/de.txt"}


def test_sarif_names_a_file_outside_the_working_directory_by_file_uri(article, capsys, monkeypatch):
    (article / "elsewhere").mkdir()
    monkeypatch.chdir(article / "elsewhere")
    main(["check", "../article/de.txt", "../article/en.defective.txt", "--no-mt", "--format", "sarif"])
    log = json.loads(capsys.readouterr().out)
    jsonschema.validate(log, SCHEMA)
    where = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert where == {"uri": (article / "article" / "en.defective.txt").as_uri()}


def test_github_accepted_findings_are_notices_and_stale_entries_too(article, capsys):
    code, out = _run(capsys, "github")
    lines = out.splitlines()
    accepted = [l for l in lines if "TRM02" in l]
    assert len(accepted) == 3
    assert all(l.startswith("::notice file=article/en.defective.txt,") for l in accepted)
    assert all("title=TRM02 terminology.forbidden (accepted)::" in l
               and f"::accepted: {REASON} — " in l for l in accepted)
    assert any(l.startswith("::error ") for l in lines)  # NUM01 stays an error
    stale = [l for l in lines if "stale baseline entry" in l]
    assert stale == [f"::notice file=article/qa-baseline.json,title=qa baseline::stale baseline "
                     f"entry NUM01 “999” ({STALE.fingerprint}) matches no finding any more: remove it"]
    assert lines[-1].startswith("qa: article/en.defective.txt: 6 open findings, 3 accepted, score")
    assert code == 1


def test_junit_accepted_findings_are_listed_never_failures(article, capsys):
    _, out = _run(capsys, "junit")
    suite = ElementTree.fromstring(out.split("\n", 1)[1]).find("testsuite")
    cases = {c.get("name").split()[0]: c for c in suite.findall("testcase")}
    assert cases["TRM02"].find("failure") is None
    listed = cases["TRM02"].find("system-out").text.splitlines()
    assert len(listed) == 3 and all(l.startswith(f"accepted ({REASON}): article/en.defective.txt:")
                                    for l in listed)
    assert cases["NUM01"].find("failure") is not None
    assert "TRM02" not in {n for n, c in cases.items() if c.find("failure") is not None}
    stale = suite.find("system-out").text
    assert stale.startswith("article/qa-baseline.json: stale baseline entry NUM01 “999”")
    assert suite.get("name") == "article/de.txt → article/en.defective.txt"
