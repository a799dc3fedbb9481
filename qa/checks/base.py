"""The check contract: what a check declares, what it reads, what it yields.

A check is a class with explicit attributes (``code``, ``name``, ``category``,
``severity``, ``summary``, ``examples``) and a ``check(pair, ctx)`` method that yields
:class:`~qa.model.Finding` objects for one aligned pair, or a ``run(ctx)`` method for
checks that need the whole document (alignment, consistency). Checks import only the
records (:mod:`qa.model`), the language knowledge (:mod:`qa.lang`, read through
``ctx.lang``), the language-free text helpers (:mod:`qa.text`) and this module.

``examples`` are the check's executable specification: in a bad example ``⟦…⟧`` marks
every span the check must flag (in the source for omissions, in the target otherwise);
a good example must yield nothing. The test suite runs each example with only that
check enabled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import (TYPE_CHECKING, Any, Callable, ClassVar, Hashable, Iterable, Iterator,
                    Mapping, TypeVar)

from qa.lang.lexis import Lexis
from qa.model import (FIX_REVIEW, FIX_SAFE, Category, Document, Finding, SegmentPair,
                      Severity, Span, TranslationUnit)

if TYPE_CHECKING:  # types only: checks never import the aligner, MT or termbase loading
    from qa.align import Alignment
    from qa.mt.service import MTService
    from qa.termbase import Termbase

CODE_RE = re.compile(r"^[A-Z]{3}\d{2}$")
NAME_RE = re.compile(r"^[a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*$")
MARK_OPEN, MARK_CLOSE = "⟦", "⟧"
#: why a check that needs the German–English lexicon is skipped, and the fix
LEXICON_FIX = ("no German–English lexicon: install Debian's trans-de-en "
               "(/usr/share/trans/de-en) or set lexicon = FILE")
T = TypeVar("T")


def sentence_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """The sentences of one side of a pair (a pair may hold several), by qa's own
    splitter: abbreviations, closing quotation marks and brackets as the document was
    split (:mod:`qa.segment`)."""
    from qa.segment import split_sentences

    return split_sentences(text, 0, len(text), lang)


def strip_marks(text: str) -> tuple[str, tuple[Span, ...]]:
    """Remove ``⟦…⟧`` marks; return the plain text and the marked spans in it."""
    spans = []
    out = []
    pos = 0
    start = None
    for ch in text:
        if ch == MARK_OPEN:
            start = pos
        elif ch == MARK_CLOSE:
            if start is None:
                raise ValueError(f"unbalanced {MARK_CLOSE} in example: {text!r}")
            spans.append((start, pos))
            start = None
        else:
            out.append(ch)
            pos += 1
    if start is not None:
        raise ValueError(f"unbalanced {MARK_OPEN} in example: {text!r}")
    return "".join(out), tuple(spans)


@dataclass(frozen=True)
class Example:
    """A source/target pair the check must flag exactly (bad) or leave alone (good).

    ``termbase`` rows (``{"de": …, "en": …, "forbidden": …}``) and ``config`` values let
    examples exercise checks that need them.
    """

    source: str
    target: str
    flagged: bool  # True for a bad example (must be flagged at the marks)
    note: str = ""
    termbase: tuple[Mapping[str, str], ...] = ()
    config: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def bad(cls, source: str, target: str, note: str = "", **kw) -> "Example":
        return cls(source, target, True, note, **kw)

    @classmethod
    def good(cls, source: str, target: str, note: str = "", **kw) -> "Example":
        return cls(source, target, False, note, **kw)

    @property
    def plain_source(self) -> str:
        return strip_marks(self.source)[0]

    @property
    def plain_target(self) -> str:
        return strip_marks(self.target)[0]

    @property
    def source_marks(self) -> tuple[Span, ...]:
        return strip_marks(self.source)[1]

    @property
    def target_marks(self) -> tuple[Span, ...]:
        return strip_marks(self.target)[1]


@dataclass(frozen=True)
class CheckContext:
    """What a check may read: the documents, the aligned pairs, the alignment evidence,
    the run's language knowledge, termbases, MT and the page-furniture patterns (a
    check's own tunables are set on the check object by :func:`qa.checks.select_checks`)."""

    source: Document
    target: Document
    pairs: tuple[SegmentPair, ...]
    alignment: Alignment
    lang: Lexis = field(default_factory=Lexis)
    termbases: tuple[Termbase, ...] = ()
    #: the MT service, for checks that declare ``needs_mt`` (None: MT cannot run)
    mt: MTService | None = None
    #: why ``mt`` is None, for the report's skipped list
    mt_skip_reason: str | None = None
    #: a user file of page-furniture patterns added to qa's own (ART01)
    residue_patterns: str | None = None
    #: a bilingual file's translation units (XLIFF, PO, TMX); empty for two documents
    units: tuple[TranslationUnit, ...] = ()
    #: what several checks compute from the same texts in one run (:meth:`shared`). Not
    #: an argument: a context made by ``replace`` starts empty
    memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def shared(self, function: Callable[..., T], *args: Hashable) -> T:
        """``function(*args)``, computed once per run: for a pure function several checks
        call on the same texts (a text's negators: POL01, MEA01 and MEA02 on every pair).
        The answer is shared, so a check must not change it."""
        key = (function, *args)
        try:
            return self.memo[key]
        except KeyError:
            value = self.memo[key] = function(*args)
            return value


class Check:
    """Base class of all checks. Subclasses set the class attributes and override
    :meth:`check` (per pair) or :meth:`run` (whole document).

    A check object lives for one run (:func:`qa.checks.select_checks` makes new ones), so
    what it computes once per document (an index, a table) it may keep on ``self`` in
    :meth:`prepare`.

    ``tunables`` names the check's tuned constants: class attributes in upper case with
    a comment on where their value came from. A run may override them under
    ``[tool.qa.checks.CODE]`` (``z-limit = 2.5`` for ``Z_LIMIT``); overrides are
    validated against the defaults' types and recorded in the report's signature.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity]
    summary: ClassVar[str]
    examples: ClassVar[tuple[Example, ...]] = ()
    #: the check needs machine translation (``ctx.mt``); MT is loaded only if one runs
    needs_mt: ClassVar[bool] = False
    #: the check needs a bilingual lexicon (``ctx.lang.lexicon``); loaded only if one runs
    needs_lexicon: ClassVar[bool] = False
    #: the check is sharper with the lexicon but runs without it
    uses_lexicon: ClassVar[bool] = False
    #: names of tuned class constants a run may override (see the class docstring)
    tunables: ClassVar[tuple[str, ...]] = ()

    def __init__(self, overrides: Mapping[str, Any] | None = None) -> None:
        for attribute, value in (overrides or {}).items():
            if attribute not in self.tunables:
                raise ValueError(f"{self.code} has no tunable {attribute!r}")
            setattr(self, attribute, value)

    @classmethod
    def tunable_defaults(cls) -> dict[str, Any]:
        """The tunables and their default values."""
        return {attribute: getattr(cls, attribute) for attribute in cls.tunables}

    #: reads a bilingual file's units (``ctx.units``): skipped for two plain documents;
    #: its examples are run as units, one per paragraph
    reads_units = False

    def skip_reason(self, ctx: CheckContext) -> str | None:
        """Why this check cannot run in ``ctx`` (no termbase, no model…), or None if it
        can. The runner lists a skipped check and its reason in the report. Here: a
        check that ``needs_lexicon`` cannot run without one."""
        if self.needs_lexicon and ctx.lang.lexicon is None:
            return LEXICON_FIX
        return None

    def prepare(self, ctx: CheckContext) -> None:
        """Compute, once per run and before the pairs, what :meth:`check` reads."""

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        # Pairs of an unrelated target are not translations of each other: ALN01 says
        # so once, and pair-level checks stay quiet instead of flooding the report.
        if ctx.alignment.unrelated:
            return
        self.prepare(ctx)
        for pair in ctx.pairs:
            yield from self.check(pair, ctx)

    def check(self, pair: SegmentPair, ctx: CheckContext) -> Iterator[Finding]:
        return iter(())

    def finding(self, message: str, *, source_span: Span | None = None,
                target_span: Span | None = None, segment: str | None = None,
                suggestion: str | None = None, fix: str | None = None,
                data: Mapping[str, Any] | None = None,
                severity: Severity | None = None,
                category: Category | None = None, kind: str | None = None) -> Finding:
        """A finding stamped with this check's code, name, category and severity (a check
        whose evidence can point either way may name the category per finding). ``kind``
        names the finding class; its confidence is measured (:mod:`qa.earned`), never
        set by the check. ``fix`` (FIX_SAFE or FIX_REVIEW) says that ``suggestion`` is the
        literal replacement of ``target_span`` (the HTML report's *Apply fix*; ``qa fix``
        applies the safe ones)."""
        if fix is not None and (fix not in (FIX_SAFE, FIX_REVIEW) or suggestion is None
                                or target_span is None):
            raise ValueError(f"{self.code}: a fix needs a target span and a suggestion")
        return Finding(code=self.code, name=self.name, category=category or self.category,
                       severity=severity or self.severity, message=message,
                       source_span=source_span, target_span=target_span, segment=segment,
                       suggestion=suggestion, fix=fix, data=dict(data or {}),
                       kind=kind)
