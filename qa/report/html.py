"""The editor's HTML report: one self-contained file (inline CSS and JS, no network),
side-by-side aligned text with every finding highlighted at its span, a filterable
findings list in document order, and the evidence behind each finding.

The editor acts in the page: *Accept* a finding (with a reason), *Copy fix*, *Apply
fix*; the decisions stay in the browser (localStorage, keyed by :func:`document_hash`)
and download as a baseline file (exactly :func:`qa.baseline.render`'s text) or as the
corrected translation. So the script never recomputes anything qa owns, every finding
carries its baseline entry stub (fingerprint, code, text) and its target span in UTF-16
code units (JavaScript's string offsets; the report's spans count code points).

Safety: all document text goes through Jinja2 autoescaping; the data for the script is
JSON with ``<``, ``>`` and ``&`` escaped; a Content-Security-Policy allows only this
page's own inline style and script (by hash), no network, no other script, no inline
style attributes (chart bars are SVG geometry, not styles).
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import json
import re
from dataclasses import replace
from functools import lru_cache
from importlib.resources import files
from typing import Any, Iterable

from qa.baseline import default_path
from qa.fingerprint import finding_text
from qa.model import Category, Document, Finding, Report, SegmentPair, Severity, Span

#: which severity colours a highlight that several findings share: the worst
ORDER = {Severity.CRITICAL: 0, Severity.MAJOR: 1, Severity.MINOR: 2, Severity.INFO: 3}
#: data keys that only hold qa's internal ids (sentence ids, alignment bead shapes)
INTERNAL_KEYS = frozenset({"sentences", "bead", "segment", "pair"})
#: an internal sentence id (``p6.s2``, ``t:p7.s3``): never shown to the editor
_INTERNAL_ID = re.compile(r"(?:t:)?p\d+\.s\d+")
#: data keys whose values are file paths: shown by base name only
PATH_KEYS = frozenset({"termbase", "lexicon", "file", "path", "model", "baseline"})
#: labels an editor reads for the data keys checks use; other keys are spelled out
LABELS = {
    "source": "In the source", "target": "In the translation",
    "source_unit": "Unit in the source", "target_unit": "Unit in the translation",
    "source_name": "Name in the source", "source_negation": "Negation in the source",
    "target_negation": "Negation in the translation", "term": "Term",
    "expected": "Expected", "forbidden": "Forbidden wording", "note": "Termbase note",
    "termbase": "Termbase", "variants": "Variants used", "german": "German words",
    "german_words": "German words", "words": "Words", "number": "Number as written",
    "missing": "Missing", "extra": "Extra", "kind": "Kind", "also": "Also found",
    "coverage": "Dictionary coverage", "threshold": "Threshold",
    "uncovered": "Words not covered", "declared_severity": "Severity the check declares",
    "aligned": "Has a source sentence", "codepoint": "Character code",
    "spellings": "Spellings (times used)", "accepted": "Accepted forms",
    "backtranslation": "Back-translation", "forward": "Machine translation of the source",
    "chrf_back": "chrF of the back-translation", "length_ratio": "Length ratio",
}
#: how long a deleted text is quoted in the list before it is cut
QUOTE_LIMIT = 60


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
    """JSON that cannot end its ``<script>`` element or open a comment in it."""
    return (json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")
            .replace(">", "\\u003e").replace("&", "\\u0026"))


def base_name(path: str) -> str:
    """The last component of a POSIX or Windows path: the page names files, never
    where they sit on someone's machine."""
    return re.split(r"[\\/]", path.rstrip("\\/"))[-1] or path


def document_hash(report: Report) -> str:
    """SHA-256 of the source and the translation text (each length-prefixed, so the
    boundary is unambiguous): the key of the editor's stored decisions, which thus
    follow the documents, not the report file's name or the run."""
    digest = hashlib.sha256()
    for text in (report.source.text, report.target.text):
        data = text.encode("utf-8")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


class Utf16Offsets:
    """Code-point offsets of one text as UTF-16 code-unit offsets (JavaScript string
    indices): every astral character before an offset adds one unit."""

    def __init__(self, text: str) -> None:
        self._astral = [k for k, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def __call__(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._astral, offset)


def location(report: Report, finding: Finding) -> str:
    """Where the editor finds the finding: ``line 12`` (or ``lines 12–14``) of the
    translation, ``source line 5`` for a finding only in the source (an omission),
    ``whole document`` for one with no span; in a bilingual file its unit first
    (``unit p5 · line 30``)."""
    unit = f"unit {finding.data['unit']} · " if "unit" in finding.data else ""
    return unit + _lines(report, finding)


def _lines(report: Report, finding: Finding) -> str:
    if finding.target_span:
        doc, span, name = report.target, finding.target_span, "line"
    elif finding.source_span:
        doc, span, name = report.source, finding.source_span, "source line"
    else:
        return "whole document"
    first = doc.line_col(span[0])[0]
    last = doc.line_col(max(span[0], span[1] - 1))[0]
    return f"{name} {first}" if first == last else f"{name}s {first}–{last}"


def suggestion_text(report: Report, finding: Finding) -> str | None:
    """The suggestion as the editor reads it; an empty replacement of a span is a
    deletion, shown as ``delete “…”`` with the words it removes."""
    if finding.suggestion is None:
        return None
    if finding.suggestion == "" and finding.target_span:
        words = " ".join(report.target.text[slice(*finding.target_span)].split())
        if len(words) > QUOTE_LIMIT:
            words = words[:QUOTE_LIMIT - 1] + "…"
        return f"delete “{words}”"
    return finding.suggestion


def _readable(key: str, value: Any) -> str | None:
    """A data value as text an editor reads; None for values that are only internal
    ids. Paths are cut to their base name."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str):
        if _INTERNAL_ID.fullmatch(value):
            return None
        return base_name(value) if key in PATH_KEYS or _is_absolute(value) else value
    if isinstance(value, dict):
        if {"code", "message"} <= set(value):
            return f"{value['code']}: {value['message']}"
        parts = [(k, _readable(str(k), v)) for k, v in value.items()]
        return ", ".join(f"{k}: {text}" for k, text in parts if text is not None) or None
    if isinstance(value, (list, tuple)):
        parts = [_readable(key, v) for v in value]
        separator = "; " if any(isinstance(v, dict) for v in value) else ", "
        return separator.join(p for p in parts if p is not None) or None
    return None if value is None else str(value)


def _is_absolute(text: str) -> bool:
    return text.startswith("/") or bool(re.match(r"[A-Za-z]:[\\/]|\\\\", text))


def readable_data(data: dict[str, Any]) -> list[list[str]]:
    """A finding's data as ``[label, value]`` rows: labelled for the editor, without
    qa's internal ids, file paths by base name."""
    rows = []
    for key, value in data.items():
        if key in INTERNAL_KEYS:
            continue
        text = _readable(key, value)
        if text:
            rows.append([LABELS.get(key, key.replace("_", " ").capitalize()), text])
    return rows


def _overlaps(span: Span, cell: Span | None) -> bool:
    """Whether a finding's span touches a cell's text (an empty span: lies in it)."""
    if cell is None:
        return False
    if span[0] == span[1]:
        return cell[0] <= span[0] <= cell[1]
    return span[0] < cell[1] and cell[0] < span[1]


def _covered(report: Report, finding: Finding) -> list[SegmentPair]:
    """The pairs a finding's spans touch, in order; the finding's own pair when its
    spans touch none."""
    pairs = [p for p in report.pairs
             if (finding.source_span and _overlaps(finding.source_span, p.source_span))
             or (finding.target_span and _overlaps(finding.target_span, p.target_span))]
    return pairs or [p for p in report.pairs if p.id == finding.segment]


def _flagged(pairs: Iterable[SegmentPair], side: str, span: Span | None) -> list[list]:
    """The pairs' text on one side as ``[text, flagged]`` runs (flagged: inside
    ``span``), sentences joined by a space: the evidence panel marks the words the
    finding is about inside their sentences."""
    runs: list[list] = []
    for pair in pairs:
        cell: Span | None = getattr(pair, f"{side}_span")
        if cell is None:
            continue
        text = getattr(pair, f"{side}_text")
        if runs:
            runs.append([" ", False])
        cuts = [0, len(text)]
        if span is not None and _overlaps(span, cell):
            cuts = [0, max(0, span[0] - cell[0]), min(len(text), span[1] - cell[0]), len(text)]
        for k, (a, b) in enumerate(zip(cuts, cuts[1:])):
            if a < b:
                runs.append([text[a:b], k == 1])
    return runs


def _entry_stub(report: Report, finding: Finding) -> dict[str, str] | None:
    """The baseline entry accepting ``finding`` minus the decision (reason, by, date)."""
    if finding.fingerprint is None:
        return None
    return {"fingerprint": finding.fingerprint, "code": finding.code,
            "text": finding_text(finding, report.source, report.target)}


def _would_block(report: Report, finding: Finding) -> bool:
    """Whether the finding blocks the gate while it is open: the page recomputes
    "blocking" when the editor accepts or un-accepts it."""
    return report.gate.blocks(replace(finding, accepted=None))


def finding_record(report: Report, fid: str, finding: Finding,
                   utf16: Utf16Offsets) -> dict[str, Any]:
    """Everything the template and the script show or need of one finding; ``fix`` is
    set only for a fix the page can apply (a literal replacement of the span in a
    translation whose text is the file)."""
    covered = _covered(report, finding)
    span = finding.target_span
    applicable = bool(finding.fix and span and finding.suggestion is not None
                      and report.target.is_file_text)
    return {
        "id": fid, "code": finding.code, "name": finding.name,
        "category": finding.category.value, "severity": finding.severity.value,
        "message": finding.message, "location": location(report, finding),
        "suggestion": finding.suggestion,
        "suggestion_text": suggestion_text(report, finding),
        "fix": finding.fix if applicable else None,
        "span": [utf16(span[0]), utf16(span[1])] if span else None,
        "blocking": report.gate.blocks(finding),
        "blocks_when_open": _would_block(report, finding),
        "entry": _entry_stub(report, finding),
        "accepted": finding.accepted.to_dict() if finding.accepted else None,
        "source": _flagged(covered, "source", finding.source_span),
        "translation": _flagged(covered, "target", finding.target_span),
        "details": readable_data(dict(finding.data)),
    }


def _pieces(text: str, offset: int, marks: list[tuple[Span, str, Finding]],
            badged: set[str]) -> list[dict]:
    """A cell's text split at finding boundaries into text runs (with the ids of the
    findings covering them) and severity badges, each badge right after the last
    character its finding covers in this cell (``badged``: the findings whose span
    ends in this cell)."""
    length = len(text)

    def clip(position: int) -> int:
        return max(0, min(length, position - offset))

    cuts = sorted({0, length, *(clip(s) for (s, _), _, _ in marks),
                   *(clip(e) for (_, e), _, _ in marks)})
    pieces: list[dict] = []
    for k, point in enumerate(cuts):
        pieces.extend({"badge": True, "id": fid, "code": f.code, "severity": f.severity.value}
                      for (_, e), fid, f in marks if fid in badged and clip(e) == point)
        if k + 1 == len(cuts):
            break
        following = cuts[k + 1]
        covering = [(fid, f) for (s, e), fid, f in marks
                    if clip(s) <= point and following <= clip(e) and s < e]
        pieces.append({"text": text[point:following],
                       "ids": " ".join(fid for fid, _ in covering),
                       "severity": min((f.severity for _, f in covering), key=ORDER.get).value
                       if covering else ""})
    return pieces


def _badge_cells(report: Report, numbered: list[tuple[str, Finding]], side: str) -> dict[str, str]:
    """Finding id → the pair whose cell shows its badge on one side: the last pair its
    span touches, so a span over several sentences is badged where it ends."""
    cells = {}
    for fid, finding in numbered:
        span = getattr(finding, f"{side}_span")
        if not span:
            continue
        for pair in report.pairs:
            if _overlaps(span, getattr(pair, f"{side}_span")):
                cells[fid] = pair.id
    return cells


def _cell(pair: SegmentPair, side: str, numbered: list[tuple[str, Finding]],
          badge_cells: dict[str, str]) -> list[dict]:
    cell: Span | None = getattr(pair, f"{side}_span")
    if cell is None:
        return []
    marks = [(span, fid, f) for fid, f in numbered
             if (span := getattr(f, f"{side}_span")) and _overlaps(span, cell)]
    badged = {fid for _, fid, _ in marks if badge_cells.get(fid) == pair.id}
    return _pieces(getattr(pair, f"{side}_text"), cell[0], marks, badged)


def _rows(report: Report, numbered: list[tuple[str, Finding]]) -> list[dict]:
    """The aligned table: one row per pair, every finding highlighted in every pair
    its span covers."""
    source_badges = _badge_cells(report, numbered, "source")
    target_badges = _badge_cells(report, numbered, "target")
    return [{"id": pair.id, "bead": pair.bead,
             "source": _cell(pair, "source", numbered, source_badges),
             "target": _cell(pair, "target", numbered, target_badges),
             "paragraph_start": _starts_paragraph(report, pair)}
            for pair in report.pairs]


def _starts_paragraph(report: Report, pair: SegmentPair) -> bool:
    doc, index = (report.source, pair.source[0]) if pair.source else (report.target, pair.target[0])
    first = doc.sentences[index]
    return first.start == doc.paragraphs[first.paragraph].start


def _chart(counts: dict[str, int]) -> list[dict]:
    """Bars as SVG widths in percent of the largest count (at least 2, so a count of
    one is visible)."""
    top = max(counts.values(), default=0) or 1
    return [{"name": name, "count": n, "width": max(2.0, round(100 * n / top, 1))}
            for name, n in counts.items() if n]


def _target_file(doc: Document) -> dict[str, Any]:
    """What the script needs to write the corrected translation: the file's name, its
    exact decoded text and whether it began with a byte-order mark; ``editable`` False
    (and no text) when the text is not the file."""
    editable = doc.is_file_text
    return {"name": base_name(doc.path), "text": doc.text if editable else "",
            "bom": doc.bom, "editable": editable}


def render_html(report: Report) -> str:
    css, js = _assets()
    numbered = [(f"f{k}", f) for k, f in enumerate(report.findings)]
    utf16 = Utf16Offsets(report.target.text)
    findings = [finding_record(report, fid, f, utf16) for fid, f in numbered]
    page_data = {"document": document_hash(report), "target": _target_file(report.target),
                 "findings": findings,
                 # the name qa looks for beside the translation (qa.baseline.default_path)
                 "baselineFile": default_path(report.target.path, bilingual=bool(report.units)).name,
                 # entries of checks that did not run: the downloaded baseline keeps them
                 "dormant": [entry.to_dict() for entry in report.dormant]}
    csp = ("default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; "
           f"style-src {_csp_hash(css)}; script-src {_csp_hash(js)}")
    by_category = report.by_category()
    return _template().render(
        report=report, css=css, js=js, csp=csp, data_json=_json_for_script(page_data),
        findings=findings, rows=_rows(report, numbered),
        by_severity=_chart(report.by_severity()), by_category=_chart(by_category),
        open_total=len(report.open_findings), accepted_total=len(report.accepted_findings),
        baseline_name=base_name(report.baseline) if report.baseline else None,
        categories=[c.value for c in Category if any(f.category is c for f in report.findings)],
        severities=[s.value for s in Severity],
        fail_on=report.gate.fail_on_name,
        verdict=report.gate.verdict[:1].upper() + report.gate.verdict[1:])
