"""GitHub Actions workflow commands: one annotation per finding on the file and line.

Open findings are ``::error`` (critical, major), ``::warning`` (minor) or ``::notice``
(info), placed in the translation (an omission at the insertion point where the missing
sentence would go, see :mod:`qa.report.locations`), so they show inline in a pull
request's diff. A finding a baseline accepts is a ``::notice`` titled ``accepted`` with
the editor's reason: visible, never an error or a warning. A stale baseline entry is a
``::notice`` on the baseline file asking to remove it. The last line is a plain summary.
"""

from __future__ import annotations

from qa.text import escape_controls
from qa.model import BaselineEntry, Finding, Report, Severity
from qa.report.locations import display_path, primary, related

COMMANDS = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning",
            Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    # the workflow-command escapes, then any other control character written out (a
    # translation's terminal escape sequences must not reach the Actions log)
    return escape_controls(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _message(report: Report, finding: Finding) -> str:
    """The finding's message, its suggestion, the German place for a finding shown in
    the translation, and for an accepted finding the editor's reason."""
    message = finding.message + (f" (suggestion: {finding.suggestion})" if finding.suggestion else "")
    source = related(report, finding)
    if source is not None and not finding.target_span:
        message += f" [German: {source.path}:{source.start_line}:{source.start_column}]"
    if "unit" in finding.data:  # a bilingual file: the unit the CAT tool shows
        message += f" [unit {finding.data['unit']}]"
    if finding.accepted is not None:
        message = f"accepted: {finding.accepted.reason or 'no reason given'} — {message}"
    return message


def annotation(report: Report, finding: Finding) -> str:
    """One ``::error``/``::warning``/``::notice`` line for ``finding``."""
    loc = primary(report, finding)
    command = COMMANDS[finding.severity] if finding.is_open else "notice"
    title = f"{finding.code} {finding.name}" + ("" if finding.is_open else " (accepted)")
    props = (f"file={_escape_property(loc.path)},line={loc.start_line},col={loc.start_column},"
             f"endLine={loc.end_line},endColumn={loc.end_column},"
             f"title={_escape_property(title)}")
    return f"::{command} {props}::{_escape_data(_message(report, finding))}"


def stale_annotation(report: Report, entry: BaselineEntry) -> str:
    """A ``::notice`` on the baseline file: this entry matches no finding any more."""
    where = f"file={_escape_property(display_path(report.baseline))}," if report.baseline else ""
    text = (f"stale baseline entry {entry.code} “{entry.text}” ({entry.fingerprint}) "
            "matches no finding any more: remove it")
    return f"::notice {where}title={_escape_property('qa baseline')}::{_escape_data(text)}"


def error_annotation(path: str, message: str) -> str:
    """An ``::error`` on a file qa could not check (a batch run's error row)."""
    return (f"::error file={_escape_property(display_path(path))},title=qa::"
            f"{_escape_data(message)}")


def render_github(report: Report) -> str:
    lines = [annotation(report, f) for f in report.findings]
    lines += [stale_annotation(report, entry) for entry in report.stale]
    accepted = len(report.accepted_findings)
    counted = f"{len(report.open_findings)} open findings" + (f", {accepted} accepted" if accepted else "")
    lines.append(escape_controls(f"qa: {display_path(report.target.path)}: {counted}, score "
                                 f"{report.score:g}, gate {report.gate.verdict}"))
    return "\n".join(lines) + "\n"
