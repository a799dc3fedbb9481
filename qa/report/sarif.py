"""SARIF 2.1.0 for code-scanning UIs: rules from the check registry, one result per
finding located in the target file (the source for omissions), the source span as a
related location, and fingerprints that stay stable across runs."""

from __future__ import annotations

import hashlib
import json
from collections import Counter

from qa import __version__
from qa.checks import ALL_CHECKS
from qa.model import Report, Severity
from qa.report.locations import Region, primary, related

LEVELS = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning",
          Severity.INFO: "note"}


def _physical(loc: Region) -> dict:
    return {"artifactLocation": {"uri": loc.path.replace("\\", "/")},
            "region": {"startLine": loc.start_line, "startColumn": loc.start_column,
                       "endLine": loc.end_line, "endColumn": loc.end_column,
                       "charOffset": loc.start, "charLength": loc.end - loc.start}}


def sarif_log(reports: list[Report]) -> dict:
    rules = [{"id": cls.code, "name": cls.name,
              "shortDescription": {"text": cls.summary},
              "fullDescription": {"text": " ".join((cls.__doc__ or cls.summary).split())},
              "defaultConfiguration": {"level": LEVELS[cls.severity]},
              "properties": {"category": cls.category.value, "severity": cls.severity.value}}
             for cls in ALL_CHECKS]
    index = {rule["id"]: k for k, rule in enumerate(rules)}
    runs = []
    for report in reports:
        results = []
        seen: Counter[str] = Counter()
        for finding in report.findings:
            loc = primary(report, finding)
            doc = report.target if finding.target_span else report.source
            text = doc.text[loc.start:loc.end]
            basis = f"{finding.code}|{loc.path}|{text}"
            seen[basis] += 1
            fingerprint = hashlib.sha256(f"{basis}|{seen[basis]}".encode()).hexdigest()[:32]
            result = {"ruleId": finding.code, "ruleIndex": index.get(finding.code, -1),
                      "level": LEVELS[finding.severity],
                      "message": {"text": finding.message},
                      "locations": [{"physicalLocation": _physical(loc)}],
                      "partialFingerprints": {"qaFinding/v1": fingerprint},
                      "properties": {"category": finding.category.value,
                                     "severity": finding.severity.value,
                                     "segment": finding.segment,
                                     "suggestion": finding.suggestion,
                                     "confidence": finding.confidence}}
            source = related(report, finding)
            if source is not None:
                result["relatedLocations"] = [{"id": 1, "physicalLocation": _physical(source),
                                               "message": {"text": "source text"}}]
            if result["ruleIndex"] < 0:
                del result["ruleIndex"]
            results.append(result)
        runs.append({"tool": {"driver": {"name": "qa", "version": __version__,
                                         "informationUri": "https://example.invalid/qa",
                                         "rules": rules}},
                     "columnKind": "unicodeCodePoints",
                     "results": results,
                     "properties": {"signature": report.signature, "score": report.score,
                                    "passed": report.gate.passed,
                                    "source": report.source.path}})
    return {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
            "runs": runs}


def render_sarif(report: Report) -> str:
    return json.dumps(sarif_log([report]), ensure_ascii=False, indent=2) + "\n"
