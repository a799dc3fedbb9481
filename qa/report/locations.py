"""Where a finding is, for the CI reporters (SARIF, GitHub annotations, JUnit, batch
summaries) that need a file and a line/column region.

CI tools show a finding inline only where the pull request changed a file, and a
translation's pull request changes the translation, not the German. So every finding is
placed in the translation: at its target span if it has one; a finding about source
words only (a name, number or term the translation lacks) at the target sentence(s) its
source sentence is aligned to; an omission, whose source sentence has no counterpart, at
the insertion point where the missing translation would go. The German span is then a
related location. Paths are shown relative to the working directory (the repository
root in CI) when the file lies under it.
"""

from __future__ import annotations

from dataclasses import dataclass

from qa.model import Document, Finding, Report, SegmentPair
from qa.paths import display_path


@dataclass(frozen=True)
class Region:
    path: str
    start: int
    end: int
    start_line: int
    start_column: int
    end_line: int
    end_column: int
    #: whether ``start``/``end`` are offsets into the file (False for the prose extracted
    #: from HTML or DOCX, where only the line/column are the file's)
    in_file: bool = True


def region(doc: Document, start: int, end: int) -> Region:
    line, col = doc.line_col(start)
    # a span's end is placed right after its last character: in extracted text the next
    # character may sit past markup (a tag) in the file
    end_line, end_col = doc.line_col(max(start, end), end=end > start)
    return Region(display_path(doc.path), start, end, line, col, end_line, end_col,
                  in_file=doc.is_file_text)


def insertion_point(pairs: tuple[SegmentPair, ...], segment: str | None) -> int | None:
    """The target offset where the translation of the unaligned source bead ``segment``
    would go: the end of the nearest preceding bead with target text, else the start of
    the next one; None when ``segment`` is not a bead or the translation has none."""
    index = next((k for k, pair in enumerate(pairs) if pair.id == segment), None)
    if index is None:
        return None
    before = [p.target_span for p in pairs[:index] if p.target_span]
    if before:
        return before[-1][1]
    after = [p.target_span for p in pairs[index + 1:] if p.target_span]
    return after[0][0] if after else None


def _aligned_target(report: Report, finding: Finding) -> tuple[int, int] | None:
    """The target span of the bead a source-only finding belongs to, or the insertion
    point (an empty span) when that bead has no target text (an omission)."""
    pair = next((p for p in report.pairs if p.id == finding.segment), None)
    if pair is not None and pair.target_span:
        return pair.target_span
    point = insertion_point(report.pairs, finding.segment)
    return None if point is None else (point, point)


def _place(report: Report, finding: Finding) -> tuple[Document, int, int]:
    """The document and span a CI tool shows the finding at (see :func:`primary`)."""
    if finding.target_span:
        return (report.target, *finding.target_span)
    if finding.source_span and report.units:
        # a bilingual file: the source is in the same file, inside the finding's unit
        return (report.source, *finding.source_span)
    if finding.source_span:
        anchor = _aligned_target(report, finding)
        if anchor is not None:
            return (report.target, *anchor)
        return (report.source, *finding.source_span)
    return (report.target, 0, 0)


def primary(report: Report, finding: Finding) -> Region:
    """Where a CI tool shows the finding: its target span; for a source-only finding the
    aligned target sentence or, for an omission, the insertion point in the translation
    (an empty region); the source span only when the translation offers no place at all
    (it has no sentences)."""
    return region(*_place(report, finding))


def related(report: Report, finding: Finding) -> Region | None:
    """The source span, when the primary location is in the translation."""
    if finding.source_span and _place(report, finding)[0] is report.target:
        return region(report.source, *finding.source_span)
    return None
