"""Where a finding is, for reporters that need a file and line/column region."""

from __future__ import annotations

from dataclasses import dataclass

from qa.model import Document, Finding, Report


@dataclass(frozen=True)
class Region:
    path: str
    start: int
    end: int
    start_line: int
    start_column: int
    end_line: int
    end_column: int


def region(doc: Document, start: int, end: int) -> Region:
    line, col = doc.line_col(start)
    end_line, end_col = doc.line_col(max(start, end))
    return Region(doc.path, start, end, line, col, end_line, end_col)


def primary(report: Report, finding: Finding) -> Region:
    """The target span if any, else the source span, else the start of the target."""
    if finding.target_span:
        return region(report.target, *finding.target_span)
    if finding.source_span:
        return region(report.source, *finding.source_span)
    return region(report.target, 0, 0)


def related(report: Report, finding: Finding) -> Region | None:
    """The source span when the primary location is in the target."""
    if finding.target_span and finding.source_span:
        return region(report.source, *finding.source_span)
    return None
