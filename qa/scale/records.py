"""A checked pair as plain data: everything a batch run writes or prints for it.

A :class:`PairRecord` holds the pair's rendered reports (one text per format), its
entry of ``combined.json``, its SARIF run, its JUnit test suite, its row of
``index.html``, the lines printed for it and its GitHub annotations. Both executors
build their outputs from records (:func:`qa.batch.write_records`), so a run whose
records were kept in a results store (:mod:`qa.scale.store`) writes the same bytes as a
run that has just checked every pair. Records are JSON, never pickles: a store read
back from disk cannot run code.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

#: the record layout; part of the results store's run signature, so records of an
#: older layout are never read as this one
LAYOUT = 1


@dataclass(frozen=True)
class PairRecord:
    name: str
    source: str
    target: str
    error: str | None = None
    passed: bool = False  # the pair's gate passed (False for an error row)
    verdict: str = ""  # the gate's wording, for the index
    status: str = ""  # the gate's CSS class in the index (passed, failed)
    score: float = 0.0
    severity: dict[str, int] = field(default_factory=dict)  # open findings per severity
    reports: dict[str, str] = field(default_factory=dict)  # format → rendered report
    json_report: dict[str, Any] | None = None  # report_to_dict, for combined.json
    sarif_run: dict[str, Any] | None = None  # the pair's run of combined.sarif
    junit_suite: str = ""  # the pair's <testsuite> element of combined.junit.xml
    summary: tuple[str, ...] = ()  # what the run prints for the pair (pair_summary)
    annotations: str = ""  # its GitHub annotations (with a trailing newline)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "PairRecord":
        data = json.loads(text)
        data["summary"] = tuple(data.get("summary") or ())
        return cls(**data)


def record_of(result, formats: list[str], *, show_accepted: bool = False,
              quiet: bool = False) -> PairRecord:
    """The record of one :class:`qa.batch.PairResult`: its reports rendered in
    ``formats`` (text as ``--show-accepted`` and ``-q`` say) and its parts of the
    combined outputs."""
    from xml.etree.ElementTree import tostring

    from qa.batch import annotations, pair_summary
    from qa.report import render
    from qa.report.json_report import report_to_dict
    from qa.report.junit import junit_tree, xml_safe
    from qa.report.sarif import sarif_log

    spec = result.spec
    report = result.report
    if report is None:
        return PairRecord(spec.name, spec.source, spec.target, error=result.error,
                          annotations=annotations([result]))
    suite = junit_tree([report])[0]
    return PairRecord(
        spec.name, spec.source, spec.target, passed=report.gate.passed,
        verdict=report.gate.verdict, status=report.gate.status, score=report.score,
        severity=report.by_severity(),
        reports={fmt: render(report, fmt, show_accepted=show_accepted, quiet=quiet)
                 for fmt in formats},
        json_report=report_to_dict(report), sarif_run=sarif_log([report])["runs"][0],
        junit_suite=xml_safe(tostring(suite, encoding="unicode")),
        summary=tuple(pair_summary(result)), annotations=annotations([result]))
