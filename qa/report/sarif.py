"""SARIF 2.1.0 for code-scanning UIs: rules from the check registry, one result per
finding located in the translation (an omission at the insertion point where the
missing sentence would go, see :mod:`qa.report.locations`) with the German span as a
related location, and the finding's stable ``fingerprint`` as ``partialFingerprints``.

Paths are relative to ``%SRCROOT%`` (the folder qa ran in: the repository root in CI),
so the log carries no machine path and code scanning maps results to repository files;
a file outside that folder is named by an absolute ``file:`` URI. Findings a baseline
accepts are results with an external, accepted suppression; stale baseline entries are
notes among the invocation's tool notifications.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from qa import __version__
from qa.checks import ALL_CHECKS
from qa.model import BaselineEntry, Finding, Report, Severity
from qa.report.locations import Region, display_path, primary, related

LEVELS = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning",
          Severity.INFO: "note"}
#: the base of every relative artifact URI: where qa ran (the repository root in CI)
SRCROOT = "%SRCROOT%"
#: the ``partialFingerprints`` key; its value is the finding's JSON ``fingerprint``
FINGERPRINT_KEY = "qaFinding/v2"


def artifact_location(path: str) -> dict:
    """A path under the working directory as a URI relative to ``%SRCROOT%``; any other
    as an absolute ``file:`` URI (a base id may only accompany a relative reference, and
    ``../`` would leave the repository)."""
    if Path(path).is_absolute() or path.replace("\\", "/").startswith("../"):
        return {"uri": Path(path).resolve().as_uri()}
    return {"uri": quote(path.replace("\\", "/")), "uriBaseId": SRCROOT}


def _physical(loc: Region) -> dict:
    region = {"startLine": loc.start_line, "startColumn": loc.start_column,
              "endLine": loc.end_line, "endColumn": loc.end_column}
    if loc.in_file:  # character offsets only where they are the file's (not HTML/DOCX)
        region.update(charOffset=loc.start, charLength=loc.end - loc.start)
    return {"artifactLocation": artifact_location(loc.path), "region": region}


def _rules() -> list[dict]:
    return [{"id": cls.code, "name": cls.name,
             "shortDescription": {"text": cls.summary},
             "fullDescription": {"text": " ".join((cls.__doc__ or cls.summary).split())},
             "defaultConfiguration": {"level": LEVELS[cls.severity]},
             "properties": {"category": cls.category.value, "severity": cls.severity.value}}
            for cls in ALL_CHECKS]


def _suppression(report: Report, finding: Finding) -> dict:
    """An accepted finding: suppressed outside the tool, by the baseline file."""
    acceptance = finding.accepted
    justification = acceptance.reason or f"accepted in {report.baseline or 'a baseline'}"
    return {"kind": "external", "status": "accepted", "justification": justification,
            "properties": {"by": acceptance.by, "date": acceptance.date,
                           "baseline": display_path(report.baseline) if report.baseline else None}}


def _result(report: Report, finding: Finding, index: dict[str, int]) -> dict:
    loc = primary(report, finding)
    result = {"ruleId": finding.code, "level": LEVELS[finding.severity],
              "message": {"text": finding.message},
              "locations": [{"physicalLocation": _physical(loc)}],
              "properties": {"category": finding.category.value,
                             "severity": finding.severity.value,
                             "segment": finding.segment,
                             "suggestion": finding.suggestion,
                             "confidence": finding.confidence,
                             "status": finding.status,
                             **({"unit": finding.data["unit"]} if "unit" in finding.data else {})}}
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    if finding.fingerprint:
        result["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    source = related(report, finding)
    if source is not None:
        what = "the untranslated source text" if loc.start == loc.end else "source text"
        result["relatedLocations"] = [{"id": 1, "physicalLocation": _physical(source),
                                       "message": {"text": what}}]
    if finding.accepted is not None:
        result["suppressions"] = [_suppression(report, finding)]
    return result


def _stale_notification(report: Report, entry: BaselineEntry) -> dict:
    """A baseline entry that matches no finding any more: a note saying to remove it."""
    notification = {"level": "note", "descriptor": {"id": "stale-baseline-entry"},
                    "message": {"text": f"stale baseline entry {entry.code} “{entry.text}” "
                                        f"({entry.fingerprint}) matches no finding any more: "
                                        "remove it"},
                    "properties": {"fingerprint": entry.fingerprint, "code": entry.code}}
    if report.baseline:
        notification["locations"] = [{"physicalLocation": {
            "artifactLocation": artifact_location(display_path(report.baseline))}}]
    return notification


def _run(report: Report, rules: list[dict], index: dict[str, int]) -> dict:
    return {"tool": {"driver": {"name": "qa", "version": __version__,
                                "informationUri": "https://example.invalid/qa",
                                "rules": rules}},
            "originalUriBaseIds": {SRCROOT: {"description": {
                "text": "The folder qa ran in: the repository root in CI."}}},
            "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": [
                _stale_notification(report, entry) for entry in report.stale]}],
            "columnKind": "unicodeCodePoints",
            "results": [_result(report, finding, index) for finding in report.findings],
            "properties": {"signature": report.signature, "score": report.score,
                           "passed": report.gate.passed,
                           "source": display_path(report.source.path),
                           "target": display_path(report.target.path)}}


def sarif_log(reports: list[Report]) -> dict:
    """One SARIF log, a run per report."""
    rules = _rules()
    index = {rule["id"]: k for k, rule in enumerate(rules)}
    return {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
            "runs": [_run(report, rules, index) for report in reports]}


def render_sarif(report: Report) -> str:
    return json.dumps(sarif_log([report]), ensure_ascii=False, indent=2) + "\n"
