"""One defect, one finding: where several checks report the same text, the report keeps
the most specific diagnosis and folds the others' evidence into its ``data["also"]``,
so an editor never sees two findings (or two contradicting suggestions) for one defect.

Two findings describe the same text when their spans on the same side overlap (the
target span where both have one, else the source span). The order of specificity is
:data:`SPECIFICITY`: a termbase rule beats a general one (TRM01 over UNT02); a wrong
German number format beats a changed number (NUM02's ``11,500`` for ``11.500`` over
NUM01's reading of it as 11.5); a misspelled source name beats an inconsistency in the
translation (NAM02 over NAM03) and an "unexpected name" (NAM04); German left in the copy
beats an unexpected name (UNT02 over NAM04); page furniture beats an addition.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from qa.model import Category, Finding, Span

#: check codes from most to least specific; codes not listed come after, in code order
SPECIFICITY = ("TRM02", "TRM01", "TRM03", "NUM02", "NUM01", "ART01", "ART02", "ART03",
               "UNT02", "NAM02", "NAM01", "NAM03", "NAM04", "POL01", "TYP01",
               "TYP02", "TYP03", "TYP04", "TYP06", "FLU01", "TYP05")
_RANK = {code: rank for rank, code in enumerate(SPECIFICITY)}


def _rank(finding: Finding) -> tuple[int, str]:
    return (_RANK.get(finding.code, len(SPECIFICITY)), finding.code)


def _overlap(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _same_text(a: Finding, b: Finding, source: str, target: str) -> bool:
    if a.target_span and b.target_span:
        return _overlap(a.target_span, b.target_span)
    if a.target_span or b.target_span:
        return _kept_verbatim(a, b, source, target)
    return _overlap(a.source_span, b.source_span)


def _kept_verbatim(a: Finding, b: Finding, source: str, target: str) -> bool:
    """A source-side finding (a term not rendered) and a target-side one (German left in
    the copy) of the same pair that point at the same word: the source word was kept."""
    from qa.lang.normalise import fold

    src = a if a.source_span and not a.target_span else b
    tgt = b if src is a else a
    if src.segment != tgt.segment or not src.source_span or not tgt.target_span \
            or tgt.source_span:
        return False
    left = fold(source[src.source_span[0]:src.source_span[1]])
    right = fold(target[tgt.target_span[0]:tgt.target_span[1]])
    return bool(left) and bool(right) and (left == right or left[:5] == right[:5])


def _residue_addition(addition: Finding, artefact: Finding) -> bool:
    """An unaligned sentence that an artefact check recognises as page furniture."""
    return (addition.category is Category.ADDITION and artefact.category is Category.ARTEFACT
            and addition.target_span is not None and artefact.target_span is not None
            and artefact.target_span[0] <= addition.target_span[0]
            and addition.target_span[1] <= artefact.target_span[1])


def one_finding_per_defect(findings: Iterable[Finding], source: str = "",
                           target: str = "") -> list[Finding]:
    """``findings`` less those another, more specific finding already reports; the
    kept finding lists the others under ``data["also"]`` (code and message).
    ``source``/``target`` are the documents' texts the spans point into.

    Findings describing the same text form a group; its owner is the most specific by
    :data:`SPECIFICITY`, except that where a source-side finding (a term not rendered)
    meets the target-side one naming the word the translation kept, the target-side
    finding owns the group (that is where the editor fixes it) and takes the other's
    suggestion if it has none. The owner is never less serious than a finding it
    absorbs (a sentence left in German is not folded into its markup)."""
    findings = list(findings)
    artefacts = [f for f in findings if f.category is Category.ARTEFACT]
    # residue first: page furniture is not an addition, whatever the span lengths
    findings = [f for f in findings if f.category is not Category.ADDITION
                or not any(_residue_addition(f, a) for a in artefacts)]
    group = list(range(len(findings)))

    def root(k: int) -> int:
        while group[k] != k:
            group[k] = group[group[k]]
            k = group[k]
        return k

    for a, b in _same_text_pairs(findings, source, target):
        group[root(b)] = root(a)
    members: dict[int, list[Finding]] = {}
    for k, finding in enumerate(findings):
        members.setdefault(root(k), []).append(finding)
    kept = []
    for grouped in members.values():
        if len(grouped) == 1:
            kept.append(grouped[0])
            continue
        mixed = any(f.target_span for f in grouped) and any(not f.target_span for f in grouped)
        # never less serious than what it absorbs; then where the copy is fixed; then
        # the most specific
        owner = min(grouped, key=lambda f: (-f.severity.rank, mixed and not f.target_span,
                                            _rank(f)))
        others = [f for f in grouped if f is not owner]
        also = list(owner.data.get("also", ())) + [{"code": f.code, "message": f.message}
                                                   for f in sorted(others, key=_rank)]
        # a suggestion only from a finding about exactly these words
        suggestion = owner.suggestion or next(
            (f.suggestion for f in sorted(others, key=_rank) if f.suggestion and (
                f.target_span == owner.target_span or not f.target_span)), None)
        kept.append(replace(owner, suggestion=suggestion, data={**owner.data, "also": also}))
    return kept  # (the runner puts them in document order)


def _competes(a: Finding, b: Finding) -> bool:
    return a.code in _RANK and b.code in _RANK


def _same_text_pairs(findings: list[Finding], source: str, target: str):
    """The pairs of indices (a < b) of ``findings`` that compete for one defect: two
    codes of :data:`SPECIFICITY` (only pair-level diagnoses of a few words compete;
    sentence-level findings — alignment, MT, coverage — describe something else than the
    words inside), not the same code, about the same text (:func:`_same_text`).

    The same pairs as testing every two findings, found without doing so (a long
    document has thousands of findings): overlapping spans by a sweep over the spans in
    order, and a source-side finding against the target-side ones of its own segment."""
    ranked = [k for k, f in enumerate(findings) if f.code in _RANK]
    on_target = [k for k in ranked if findings[k].target_span]
    on_source = [k for k in ranked if not findings[k].target_span]
    pairs = _overlapping(findings, on_target, lambda f: f.target_span)
    pairs += _overlapping(findings, on_source, lambda f: f.source_span)
    # one side each: a term not rendered and the source word the translation kept
    kept_words: dict[str | None, list[int]] = {}
    for k in on_target:
        if not findings[k].source_span:
            kept_words.setdefault(findings[k].segment, []).append(k)
    for s in on_source:
        if not findings[s].source_span:
            continue
        for t in kept_words.get(findings[s].segment, ()):
            fs, ft = findings[s], findings[t]
            if fs.code != ft.code and _kept_verbatim(fs, ft, source, target):
                pairs.append((min(s, t), max(s, t)))
    return pairs


def _overlapping(findings: list[Finding], indices: list[int], span_of) -> list[tuple[int, int]]:
    """The pairs of ``indices`` (a < b) whose spans (``span_of``) overlap, codes differing."""
    spans = sorted(((span_of(findings[k]), k) for k in indices if span_of(findings[k])),
                   key=lambda item: item[0][0])
    pairs = []
    open_spans: list[tuple[tuple[int, int], int]] = []  # may still overlap what follows
    for span, k in spans:
        open_spans = [item for item in open_spans if item[0][1] > span[0]]
        for other, j in open_spans:
            if _overlap(span, other) and findings[k].code != findings[j].code:
                pairs.append((min(j, k), max(j, k)))
        open_spans.append((span, k))
    return pairs
