"""The JSON report, contract version 1 (schema: ``qa/schemas/report-v1.schema.json``).

Deterministic: the same input gives byte-identical output (no timestamps, stable order).
"""

from __future__ import annotations

import json
from typing import Any, Iterator

from qa.model import Document, Report
from qa.paths import display_path


def _document(doc: Document) -> dict[str, Any]:
    return {"path": doc.path, "lang": doc.lang, "chars": doc.chars, "words": doc.words}


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data, in contract order."""
    return {
        "version": 1,
        "tool": {"name": "qa", "version": report.version, "signature": report.signature},
        "documents": {"source": _document(report.source), "target": _document(report.target)},
        "summary": {
            "pairs": len(report.pairs),
            "findings": len(report.open_findings),
            "accepted": len(report.accepted_findings),
            "by_severity": report.by_severity(),
            "by_category": report.by_category(),
            "score": report.score,
            "fail_on": report.gate.fail_on_name,
            "passed": report.gate.passed,
        },
        "segments": [
            {"id": p.id, "bead": p.bead,
             "source_span": list(p.source_span) if p.source_span else None,
             "target_span": list(p.target_span) if p.target_span else None,
             "source": p.source_text, "target": p.target_text}
            for p in report.pairs
        ],
        "findings": [f.to_dict() for f in report.findings],
        "skipped": [{"check": s.check, "reason": s.reason} for s in report.skipped],
        "baseline": None if report.baseline is None else {
            "path": display_path(report.baseline), "accepted": len(report.accepted_findings),
            "stale": [entry.to_dict() for entry in report.stale],
            "dormant": [entry.to_dict() for entry in report.dormant]},
        "units": None if not report.units else {
            "checked": len(report.units),
            "untranslated": sum(1 for u in report.units if u.target_span is None),
            "skipped": dict(sorted(report.units_skipped.items()))},
    }


def render_json(report: Report) -> str:
    return "".join(json_parts(report))


def _indented(value: Any, level: int) -> str:
    """``value`` as ``json.dumps(…, indent=2)`` writes it ``level`` levels deep."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)


def json_parts(report: Report) -> Iterator[str]:
    """The JSON report in parts to be written one after another — the same bytes as
    ``json.dumps(report_to_dict(report), ensure_ascii=False, indent=2)`` and a newline —
    each segment and finding its own part: no one string holds the report of a long
    document (100,000 sentences: ~57 million characters, which a single ``dumps`` and
    its pieces held at once, ~300 MB at the peak)."""
    yield "{"
    for k, (key, value) in enumerate(report_to_dict(report).items()):
        yield ("\n" if k == 0 else ",\n") + f"  {json.dumps(key, ensure_ascii=False)}: "
        if isinstance(value, list) and value:
            yield "["
            for i, item in enumerate(value):
                yield ("\n    " if i == 0 else ",\n    ") + _indented(item, 2)
            yield "\n  ]"
        else:
            yield _indented(value, 1)
    yield "\n}\n"
