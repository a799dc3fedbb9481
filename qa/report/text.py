"""Linter-style text: ``path:line:col: severity category CODE message``, then a summary.

A finding is placed in the target file when it has a target span, otherwise in the
source file (omissions), otherwise at the top of the target file. Findings a baseline
accepts are counted in the summary and listed only with ``show_accepted``
(``--show-accepted``); stale baseline entries are always listed, so the file is
cleaned up. ``quiet`` (``-q``) leaves out the lines about skipped checks.
"""

from __future__ import annotations

from qa.model import Finding, Report
from qa.text import escape_controls


def _location(report: Report, finding: Finding) -> str:
    if finding.target_span:
        doc, offset = report.target, finding.target_span[0]
    elif finding.source_span:
        doc, offset = report.source, finding.source_span[0]
    else:
        doc, offset = report.target, 0
    line, col = doc.line_col(offset)
    return f"{doc.path}:{line}:{col}"


def _line(report: Report, finding: Finding) -> str:
    text = (f"{_location(report, finding)}: {finding.severity.value} "
            f"{finding.category.value} {finding.code} {finding.message}")
    if finding.suggestion:
        text += f" (suggestion: {finding.suggestion})"
    if "unit" in finding.data:  # a bilingual file: the id the CAT tool shows
        text += f" [unit {finding.data['unit']}]"
    return text


def _accepted_line(report: Report, finding: Finding) -> str:
    why = finding.accepted.reason if finding.accepted and finding.accepted.reason else "no reason given"
    return (f"{_location(report, finding)}: accepted ({finding.severity.value}) "
            f"{finding.category.value} {finding.code} {finding.message} [{why}]")


def _stale_lines(report: Report) -> list[str]:
    return [f"{report.baseline}: stale baseline entry {entry.code} “{entry.text}” "
            f"({entry.fingerprint[:12]}…) matches no finding any more: remove it"
            for entry in report.stale]


def _units_line(report: Report) -> str:
    """How many units of a bilingual file were checked, and which the reader left out."""
    n = len(report.units)
    skipped = ", ".join(f"{reason} {count}" for reason, count in sorted(report.units_skipped.items()))
    return f"{n} unit{'s' if n != 1 else ''} checked" + (f" (left out: {skipped})" if skipped else "")


def render_text(report: Report, *, show_accepted: bool = False, quiet: bool = False) -> str:
    lines = [_accepted_line(report, f) if not f.is_open else _line(report, f)
             for f in report.findings if f.is_open or show_accepted]
    lines += _stale_lines(report)
    if not quiet:
        by_reason: dict[str, list[str]] = {}
        for skipped in report.skipped:
            by_reason.setdefault(skipped.reason, []).append(skipped.check)
        for reason, codes in by_reason.items():
            lines.append(f"skipped {', '.join(codes)}: {reason}")
    if report.units:
        lines.append(_units_line(report))
    counts = ", ".join(f"{n} {sev}" for sev, n in report.by_severity().items() if n)
    gate = report.gate
    n = len(report.open_findings)
    accepted = len(report.accepted_findings)
    accepted_note = (f" · {accepted} accepted"
                     + ("" if show_accepted else " (--show-accepted lists them)")
                     if accepted else "")
    lines.append(f"{n} finding{'s' if n != 1 else ''}{f' ({counts})' if counts else ''}"
                 f"{accepted_note} · score {report.score:g} · gate {gate.verdict} "
                 f"(--fail-on {gate.fail_on_name})")
    # each line on its own: a message quoting the translation keeps to its line, and its
    # escape sequences do not reach the terminal
    return "\n".join(escape_controls(line.replace("\n", " ")) for line in lines) + "\n"
