"""The editor's HTML report: one self-contained file (inline CSS and JS, no network),
side-by-side aligned text with every finding highlighted at its span, a filterable
findings list, and the evidence behind each finding.

Safety: all document text goes through Jinja2 autoescaping; the findings data for the
script is JSON with ``<``, ``>`` and ``&`` escaped; a Content-Security-Policy allows
only this page's own inline style and script (by hash), no network, no other script.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from importlib.resources import files

from qa.model import Category, Finding, Report, SegmentPair, Severity

SEVERITY_LABEL = {"critical": "C", "major": "M", "minor": "m", "info": "i"}
ORDER = {Severity.CRITICAL: 0, Severity.MAJOR: 1, Severity.MINOR: 2, Severity.INFO: 3}


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str]:
    base = files("qa").joinpath("report/assets")
    return (base.joinpath("report.css").read_text(encoding="utf-8"),
            base.joinpath("report.js").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _template():
    from jinja2 import Environment, select_autoescape

    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    text = files("qa").joinpath("report/assets/report.html.j2").read_text(encoding="utf-8")
    return env.from_string(text)


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _json_for_script(value) -> str:
    return (json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")
            .replace(">", "\\u003e").replace("&", "\\u0026"))


def _pieces(text: str, offset: int, marks: list[tuple[int, int, int, Finding]]):
    """Split a cell's text at finding boundaries: (text, [finding ids], [badges after])."""
    points = {0, len(text)}
    for start, end, _, _ in marks:
        points.add(max(0, min(len(text), start - offset)))
        points.add(max(0, min(len(text), end - offset)))
    cuts = sorted(points)
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [(fid, f) for s, e, fid, f in marks if s - offset <= a and b <= e - offset]
        ending = [(fid, f) for s, e, fid, f in marks if e - offset == b]
        pieces.append({"text": text[a:b],
                       "ids": " ".join(f"f{fid}" for fid, _ in covering),
                       "severity": min((f.severity for _, f in covering), key=ORDER.get).value
                       if covering else "",
                       "badges": [{"id": f"f{fid}", "label": SEVERITY_LABEL[f.severity.value],
                                   "code": f.code, "severity": f.severity.value}
                                  for fid, f in ending]})
    return pieces


def _rows(report: Report, numbered: list[tuple[int, Finding]]):
    by_segment: dict[str, list[tuple[int, Finding]]] = {}
    for fid, f in numbered:
        by_segment.setdefault(f.segment or "", []).append((fid, f))
    rows = []
    for pair in report.pairs:
        rows.append(_row(report, pair, by_segment.get(pair.id, []), numbered))
    return rows


def _row(report: Report, pair: SegmentPair, own, numbered):
    source_marks = [(f.source_span[0], f.source_span[1], fid, f) for fid, f in numbered
                    if f.source_span and pair.source_span
                    and pair.source_span[0] <= f.source_span[0] < pair.source_span[1]]
    target_marks = [(f.target_span[0], f.target_span[1], fid, f) for fid, f in numbered
                    if f.target_span and pair.target_span
                    and pair.target_span[0] <= f.target_span[0] < pair.target_span[1]]
    source_pieces = _pieces(pair.source_text, pair.source_span[0], source_marks) \
        if pair.source_span else []
    target_pieces = _pieces(pair.target_text, pair.target_span[0], target_marks) \
        if pair.target_span else []
    paragraph = (report.source.sentences[pair.source[0]].paragraph if pair.source
                 else report.target.sentences[pair.target[0]].paragraph)
    return {"id": pair.id, "bead": pair.bead, "source": source_pieces, "target": target_pieces,
            "paragraph_start": _starts_paragraph(report, pair), "paragraph": paragraph}


def _starts_paragraph(report: Report, pair: SegmentPair) -> bool:
    if pair.source:
        first = report.source.sentences[pair.source[0]]
        return first.start == report.source.paragraphs[first.paragraph].start
    first = report.target.sentences[pair.target[0]]
    return first.start == report.target.paragraphs[first.paragraph].start


def _chart(counts: dict[str, int]) -> list[dict]:
    top = max(counts.values()) if counts and max(counts.values()) else 1
    return [{"name": name, "count": n, "width": round(100 * n / top, 1)}
            for name, n in counts.items() if n]


def render_html(report: Report) -> str:
    css, js = _assets()
    ordered = sorted(report.findings, key=lambda f: (ORDER[f.severity], f.code))
    numbered = [(k, f) for k, f in enumerate(report.findings)]
    ids = {id(f): k for k, f in numbered}
    findings = [{"id": f"f{ids[id(f)]}", "code": f.code, "name": f.name,
                 "category": f.category.value, "severity": f.severity.value,
                 "label": SEVERITY_LABEL[f.severity.value], "message": f.message,
                 "suggestion": f.suggestion, "segment": f.segment,
                 "blocking": report.gate.blocks(f),
                 "data": json.dumps(dict(f.data), ensure_ascii=False, indent=1) if f.data else ""}
                for f in ordered]
    evidence = {item["id"]: {k: item[k] for k in ("code", "name", "category", "severity",
                                                  "message", "suggestion", "data")}
                for item in findings}
    data_json = _json_for_script(evidence)
    csp = ("default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; "
           f"style-src {_csp_hash(css)}; script-src {_csp_hash(js)}")
    return _template().render(
        report=report, css=css, js=js, csp=csp, data_json=data_json, findings=findings,
        rows=_rows(report, numbered), by_severity=_chart(report.by_severity()),
        by_category=_chart(report.by_category()),
        categories=[c.value for c in Category if report.by_category()[c.value]],
        severities=[s.value for s in Severity],
        fail_on=report.gate.fail_on_name,
        verdict=report.gate.verdict[:1].upper() + report.gate.verdict[1:])
