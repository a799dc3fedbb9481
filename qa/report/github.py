"""GitHub Actions workflow commands: one annotation per finding on the file and line."""

from __future__ import annotations

from qa.model import Report, Severity
from qa.report.locations import primary

COMMANDS = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning",
            Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    lines = []
    for f in report.findings:
        loc = primary(report, f)
        props = (f"file={_escape_property(loc.path)},line={loc.start_line},col={loc.start_column},"
                 f"endLine={loc.end_line},endColumn={loc.end_column},"
                 f"title={_escape_property(f'{f.code} {f.name}')}")
        message = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
        lines.append(f"::{COMMANDS[f.severity]} {props}::{_escape_data(message)}")
    lines.append(f"qa: {len(report.findings)} findings, score {report.score:g}, "
                 f"gate {report.gate.verdict}")
    return "\n".join(lines) + "\n"
