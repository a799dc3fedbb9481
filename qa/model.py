"""The records that flow through qa: documents, sentences, aligned pairs, findings, reports.

All records are frozen dataclasses. Positions are ``[start, end)`` offsets in Unicode code
points into ``Document.text`` (the decoded file, BOM removed, newlines as in the file);
reporters derive line and column from them. For HTML and DOCX input ``Document.text`` is
the prose extracted from the file, so offsets point into that extracted text, while
``Document.line_col`` maps them through ``Document.origin`` to the file's own line and
column (DOCX: paragraph number and character).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from operator import itemgetter
from typing import Any, Iterable, Mapping

Span = tuple[int, int]


class Severity(str, Enum):
    """MQM severity. ``info`` findings are shown but never fail a gate."""

    CRITICAL = "critical"
    MAJOR = "major"
    MINOR = "minor"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is worse: critical 3, major 2, minor 1, info 0."""
        return _SEVERITY_RANK[self]

    @property
    def penalty(self) -> int:
        """MQM penalty points: critical 25, major 5, minor 1, info 0."""
        return _SEVERITY_PENALTY[self]


_SEVERITY_RANK = {Severity.CRITICAL: 3, Severity.MAJOR: 2, Severity.MINOR: 1, Severity.INFO: 0}
_SEVERITY_PENALTY = {Severity.CRITICAL: 25, Severity.MAJOR: 5, Severity.MINOR: 1, Severity.INFO: 0}


class Category(str, Enum):
    """The fixed finding categories (MQM / W3C ITS 2.0 names)."""

    OMISSION = "omission"
    ADDITION = "addition"
    MISTRANSLATION = "mistranslation"
    UNTRANSLATED = "untranslated"
    TERMINOLOGY = "terminology"
    CONSISTENCY = "consistency"
    NUMBERS = "numbers"
    NAMES = "names"
    ARTEFACT = "artefact"
    TYPOGRAPHY = "typography"
    FLUENCY = "fluency"
    MARKUP = "markup"


@dataclass(frozen=True)
class Paragraph:
    """A paragraph-level unit: a prose paragraph, a heading or one list item."""

    index: int
    start: int
    end: int
    kind: str  # "text" | "heading" | "list"


@dataclass(frozen=True)
class Sentence:
    """One sentence; ``text == document.text[start:end]``."""

    index: int
    id: str  # "p3.s2": paragraph 3, sentence 2 (1-based)
    start: int
    end: int
    paragraph: int
    text: str

    def span(self, start: int, end: int) -> Span:
        """A match at ``start:end`` of this sentence's text, as a document span."""
        return (self.start + start, self.start + end)


@dataclass(frozen=True)
class Origin:
    """Where each character of an extracted text lies in the file it came from.

    HTML and DOCX loaders hand the checks prose without tags or XML, but findings must be
    shown at the file's own line and column. ``anchors`` are ``(text offset, file
    offset)`` pairs, one where a run of characters copied one-to-one from the file
    starts (after a tag, an entity, collapsed whitespace): the map stays small and the
    lookup is a bisection. ``line_starts`` are the file offsets where its lines start;
    for DOCX the "file" is one line per Word paragraph, so a line is a paragraph number.
    """

    anchors: tuple[tuple[int, int], ...]
    line_starts: tuple[int, ...] = (0,)

    def file_offset(self, offset: int, *, end: bool = False) -> int:
        """The file offset of text ``offset``; with ``end``, of the position just after
        character ``offset - 1`` (an exclusive span end stays before a following tag)."""
        if end and offset > 0:
            return self.file_offset(offset - 1) + 1
        k = bisect.bisect_right(self.anchors, offset, key=itemgetter(0)) - 1
        if k < 0:
            return offset
        text_at, file_at = self.anchors[k]
        return file_at + offset - text_at

    def line_col(self, offset: int, *, end: bool = False) -> tuple[int, int]:
        """1-based line and column in the file of text ``offset``."""
        position = self.file_offset(offset, end=end)
        line = max(0, bisect.bisect_right(self.line_starts, position) - 1)
        return line + 1, position - self.line_starts[line] + 1


@dataclass(frozen=True)
class Document:
    """A loaded and segmented document.

    ``blocks`` are the prose regions the loader found (Markdown syntax, code and front
    matter excluded); ``markup`` are inline markup ranges inside prose that checks
    should not read as words (``**``, link targets, inline code). ``origin`` is set when
    ``text`` is extracted from the file rather than the file itself (HTML, DOCX): then
    offsets are into the extracted text and :meth:`line_col` gives the file's position;
    None means the text is the file.
    """

    path: str
    text: str
    lang: str
    format: str
    newline: str
    bom: bool
    blocks: tuple[Span, ...]
    markup: tuple[Span, ...]
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    origin: Origin | None = field(default=None, repr=False)
    _line_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = [0]
        text = self.text
        pos = text.find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = text.find("\n", pos + 1)
        object.__setattr__(self, "_line_starts", tuple(starts))

    @property
    def chars(self) -> int:
        return len(self.text)

    @property
    def is_file_text(self) -> bool:
        """Whether ``text`` is the file's decoded text (plain text, Markdown), so that
        spans replaced in it give the corrected file (``qa fix``, the HTML report's
        download); prose extracted from HTML or DOCX is not."""
        return self.origin is None

    @cached_property
    def words(self) -> int:
        """Words in the prose (sentences), as counted for the MQM score."""
        from qa.text import count_words

        return sum(count_words(s.text) for s in self.sentences)

    def line_col(self, offset: int, *, end: bool = False) -> tuple[int, int]:
        """1-based line and column (in code points) of a character offset, in the file
        as written (through ``origin`` for extracted text). ``end``: the offset is an
        exclusive span end, placed right after the character before it."""
        if self.origin is not None:
            return self.origin.line_col(offset, end=end)
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1


@dataclass(frozen=True)
class SegmentPair:
    """An alignment bead: source sentences ↔ target sentences.

    ``bead`` is ``"<n>-<m>"``; ``1-0`` is a source sentence with no counterpart (an
    omission), ``0-1`` a target sentence with none (an addition).
    """

    id: str
    bead: str
    source: tuple[int, ...]
    target: tuple[int, ...]
    source_span: Span | None
    target_span: Span | None
    source_text: str
    target_text: str
    cost: float

    def in_source(self, start: int, end: int) -> Span:
        """A match at ``start:end`` of ``source_text``, as a span of the source document."""
        assert self.source_span is not None, "an addition has no source text"
        return (self.source_span[0] + start, self.source_span[0] + end)

    def in_target(self, start: int, end: int) -> Span:
        """A match at ``start:end`` of ``target_text``, as a span of the target document."""
        assert self.target_span is not None, "an omission has no target text"
        return (self.target_span[0] + start, self.target_span[0] + end)


@dataclass(frozen=True)
class InlineCode:
    """An inline code of a bilingual file's segment (an XLIFF ``<x/>`` or ``<g>``, a
    TMX ``<ph>``, a PO ``%s``) at ``[start, end)`` of its document's text (``start ==
    end`` for a code without content). ``key`` is what must match across source and
    target: the code's family and id (a ``bpt``/``ept`` pair is one family)."""

    kind: str
    id: str
    start: int
    end: int

    @property
    def key(self) -> tuple[str, str]:
        family = {"ept": "bpt", "ec": "sc", "ex": "bx"}.get(self.kind, self.kind)
        return family, self.id


@dataclass(frozen=True)
class TranslationUnit:
    """A unit of a bilingual file (XLIFF, PO, TMX) as the checks see it: its id, where
    its text lies in the source and target documents (``target_span`` None: no
    translation), the aligned pairs inside it, its inline codes and its tool state."""

    id: str
    line: int
    source_span: Span
    target_span: Span | None
    pairs: tuple[str, ...]
    source_codes: tuple[InlineCode, ...] = ()
    target_codes: tuple[InlineCode, ...] = ()
    state: str | None = None


#: ``Finding.fix``: the suggestion literally replaces the target span and is mechanical
#: (a quote, an apostrophe, a number's format, a forbidden term): ``qa fix`` applies it
FIX_SAFE = "safe"
#: ``Finding.fix``: the suggestion literally replaces the target span, but an editor
#: should read it first (deleting a sentence, a doubled word): only applied by hand
FIX_REVIEW = "review"


@dataclass(frozen=True)
class Acceptance:
    """An editor's decision that a finding is acceptable (from a baseline entry)."""

    reason: str = ""
    by: str = ""
    date: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"reason": self.reason, "by": self.by, "date": self.date}


@dataclass(frozen=True)
class BaselineEntry:
    """One accepted finding in a baseline file (:mod:`qa.baseline`): its fingerprint, and
    for the people reading the file, its check, the text it was about and why it was
    accepted, by whom, when."""

    fingerprint: str
    code: str
    text: str = ""
    reason: str = ""
    by: str = ""
    date: str = ""

    @property
    def acceptance(self) -> Acceptance:
        return Acceptance(self.reason, self.by, self.date)

    def to_dict(self) -> dict[str, str]:
        return {"fingerprint": self.fingerprint, "code": self.code, "text": self.text,
                "reason": self.reason, "by": self.by, "date": self.date}


@dataclass(frozen=True)
class Finding:
    """One problem found in a translation, with its exact place and evidence.

    ``fingerprint`` (set by the runner, :mod:`qa.fingerprint`) identifies the finding
    across runs and edits elsewhere in the document; ``accepted`` is set when a baseline
    accepts it: an accepted finding is listed but never blocks and scores nothing.
    """

    code: str
    name: str
    category: Category
    severity: Severity
    message: str
    source_span: Span | None = None
    target_span: Span | None = None
    segment: str | None = None
    suggestion: str | None = None
    confidence: float | None = None
    data: Mapping[str, Any] = field(default_factory=dict)
    #: the finding class within its check (``number-changed``, ``month-missing``): the
    #: unit whose precision is measured and whose severity is earned; None: the check's
    #: findings are one class
    kind: str | None = None
    #: FIX_SAFE or FIX_REVIEW when ``suggestion`` literally replaces ``target_span``;
    #: None when the suggestion is advice (or there is none)
    fix: str | None = None
    fingerprint: str | None = None
    #: the fingerprints the finding would have by the other source sentences of its bead
    #: (:mod:`qa.fingerprint`); matched by baselines, never written
    aliases: tuple[str, ...] = field(default=(), compare=False, repr=False)
    accepted: Acceptance | None = None

    @property
    def status(self) -> str:
        """``open``, or ``accepted`` by a baseline."""
        return "open" if self.accepted is None else "accepted"

    @property
    def is_open(self) -> bool:
        return self.accepted is None

    @property
    def finding_class(self) -> str:
        """``CODE`` or ``CODE.kind``: what precision is judged and severity earned by."""
        return f"{self.code}.{self.kind}" if self.kind else self.code

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the finding (contract version 1)."""
        return {
            "code": self.code,
            "class": self.finding_class,
            "name": self.name,
            "category": self.category.value,
            "severity": self.severity.value,
            "message": self.message,
            "source_span": list(self.source_span) if self.source_span else None,
            "target_span": list(self.target_span) if self.target_span else None,
            "segment": self.segment,
            "suggestion": self.suggestion,
            "confidence": None if self.confidence is None else round(float(self.confidence), 3),
            "data": dict(self.data),
            "fix": self.fix,
            "fingerprint": self.fingerprint,
            "status": self.status,
            "acceptance": self.accepted.to_dict() if self.accepted else None,
        }


@dataclass(frozen=True)
class Skipped:
    """A check that did not run, and why (no termbase, no model, crashed…)."""

    check: str
    reason: str


@dataclass(frozen=True)
class Gate:
    """The gate verdict, computed once per report (:meth:`decide`).

    The one home of the gate rule (:meth:`blocks`) and of the verdict wording
    (:attr:`verdict`, :attr:`reasons`): the runner, every reporter and batch runs ask
    the gate instead of comparing severities or building "passed/failed" themselves.
    """

    passed: bool
    fail_on: Severity | None  # None: never fail on findings
    min_score: float | None
    reasons: tuple[str, ...]

    @classmethod
    def decide(cls, findings: Iterable[Finding], score: float, fail_on: Severity | None,
               min_score: float | None) -> Gate:
        """Fail when a finding blocks (see :meth:`blocks`) or the score is below
        ``min_score``; each cause is one line of ``reasons``."""
        rule = cls(passed=True, fail_on=fail_on, min_score=min_score, reasons=())
        reasons = []
        blocking = sum(1 for f in findings if rule.blocks(f))
        if blocking:
            reasons.append(f"{blocking} finding{'s' if blocking != 1 else ''} "
                           f"at or above {fail_on.value}")  # type: ignore[union-attr]
        if min_score is not None and score < min_score:
            reasons.append(f"score {score:g} below minimum {min_score:g}")
        return cls(passed=not reasons, fail_on=fail_on, min_score=min_score,
                   reasons=tuple(reasons))

    def blocks(self, finding: Finding) -> bool:
        """The gate rule: a finding blocks the gate iff it is open (not accepted by a
        baseline), its severity is not ``info`` and ranks at or above ``fail_on`` (never,
        with ``fail_on`` None)."""
        return (self.fail_on is not None and finding.accepted is None
                and finding.severity is not Severity.INFO
                and finding.severity.rank >= self.fail_on.rank)

    @property
    def fail_on_name(self) -> str:
        """``fail_on`` as configured: a severity name, or ``never``."""
        return self.fail_on.value if self.fail_on is not None else "never"

    @property
    def status(self) -> str:
        """One word: ``passed`` or ``failed``."""
        return "passed" if self.passed else "failed"

    @property
    def verdict(self) -> str:
        """``passed``, or ``failed: `` and the reasons joined by ``; ``."""
        return "passed" if self.passed else "failed: " + "; ".join(self.reasons)


@dataclass(frozen=True)
class Report:
    """Everything a reporter renders: documents, pairs, findings, verdict, signature."""

    version: str
    signature: str
    source: Document
    target: Document
    pairs: tuple[SegmentPair, ...]
    findings: tuple[Finding, ...]
    checks_run: tuple[str, ...]
    skipped: tuple[Skipped, ...]
    score: float
    gate: Gate
    #: the baseline file this run read (as given), if any
    baseline: str | None = None
    #: baseline entries of checks that ran which match no finding any more
    stale: tuple[BaselineEntry, ...] = ()
    #: baseline entries of checks that did not run this time (MT off, --select): kept
    #: as they are, so a baseline written from this report does not lose them
    dormant: tuple[BaselineEntry, ...] = ()
    #: a bilingual file's units (empty for two documents) and the units its reader
    #: left out, by reason ({"translate=no": 3, "fuzzy": 1})
    units: tuple[TranslationUnit, ...] = ()
    units_skipped: Mapping[str, int] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return self.gate.passed

    @property
    def open_findings(self) -> tuple[Finding, ...]:
        """The findings no baseline accepts: what the gate, the score and the counts see."""
        return tuple(f for f in self.findings if f.accepted is None)

    @property
    def accepted_findings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.accepted is not None)

    def by_severity(self) -> dict[str, int]:
        """Open findings per severity (accepted ones are counted apart)."""
        counts = {s.value: 0 for s in Severity}
        for f in self.open_findings:
            counts[f.severity.value] += 1
        return counts

    def by_category(self) -> dict[str, int]:
        """Open findings per category."""
        counts = {c.value: 0 for c in Category}
        for f in self.open_findings:
            counts[f.category.value] += 1
        return counts
