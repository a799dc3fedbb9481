"""Linter-style text: ``path:line:col: severity category CODE message``, then a summary.

A finding is placed in the target file when it has a target span, otherwise in the
source file (omissions), otherwise at the top of the target file.
"""

from __future__ import annotations

from qa.model import Finding, Report


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
    return text


def render_text(report: Report) -> str:
    lines = [_line(report, f) for f in report.findings]
    by_reason: dict[str, list[str]] = {}
    for skipped in report.skipped:
        by_reason.setdefault(skipped.reason, []).append(skipped.check)
    for reason, codes in by_reason.items():
        lines.append(f"skipped {', '.join(codes)}: {reason}")
    counts = ", ".join(f"{n} {sev}" for sev, n in report.by_severity().items() if n)
    gate = report.gate
    n = len(report.findings)
    lines.append(f"{n} finding{'s' if n != 1 else ''}{f' ({counts})' if counts else ''} · "
                 f"score {report.score:g} · gate {gate.verdict} (--fail-on {gate.fail_on_name})")
    return "\n".join(lines) + "\n"
