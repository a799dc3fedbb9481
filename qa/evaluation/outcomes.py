"""What qa says about one evaluation item, and the rates built from many of them.

Every dataset in the accuracy evaluation reduces qa's report on an item (a one-sentence
pair, or one segment of a longer document) to an :class:`Outcome`: the categories and
check codes of its findings above ``info`` and their highest severity. Recall, the
false-positive rate and precision are then counted from outcomes the same way for
every dataset.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Iterable, Sequence

from qa.config import Config
from qa.errors import QAError
from qa.model import Finding, Severity
from qa.runner import check_documents


@dataclass(frozen=True)
class Outcome:
    """qa's verdict on one item: findings above info, or the input refused (exit 2,
    which a user sees as loudly as a finding, so it counts as flagged)."""

    categories: frozenset[str] = frozenset()
    codes: frozenset[str] = frozenset()
    severity: int = 0  # highest severity rank among the findings (0: none above info)
    refused: bool = False

    @property
    def flagged(self) -> bool:
        return self.refused or bool(self.codes)

    def flagged_as(self, categories: Iterable[str]) -> bool:
        """Flagged by a finding of one of ``categories`` (refused input counts)."""
        return self.refused or bool(self.categories & set(categories))

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> "Outcome":
        above = [f for f in findings if f.severity is not Severity.INFO]
        return cls(frozenset(f.category.value for f in above), frozenset(f.code for f in above),
                   max((f.severity.rank for f in above), default=0))


REFUSED = Outcome(refused=True, severity=Severity.CRITICAL.rank)


def pair_outcome(source: str, target: str, config: Config) -> Outcome:
    """qa's outcome on one document pair given as text."""
    try:
        report = check_documents(source, target, config)
    except QAError:  # e.g. a translation that is only "." — the user gets exit 2
        return REFUSED
    except Exception as exc:  # a crash is a bug to fix, not a reason to lose the run
        print(f"qa eval: warning: {type(exc).__name__}: {exc} on {target[:60]!r}", file=sys.stderr)
        return REFUSED
    return Outcome.of(report.findings)


def segment_outcomes(sources: Sequence[str], targets: Sequence[str], config: Config,
                     chunk: int = 40) -> list[Outcome]:
    """Outcomes per segment of a test set: documents of ``chunk`` segments, one paragraph
    each, so the aligner sees real paragraph structure; findings are mapped back to
    their segment through their spans. Empty segments, and segments of a chunk the
    loader refuses, come out unflagged."""
    found: list[list[Finding]] = [[] for _ in sources]
    for start in range(0, len(sources), chunk):
        src = sources[start:start + chunk]
        tgt = targets[start:start + chunk]
        keep = [k for k in range(len(src)) if src[k].strip() and tgt[k].strip()]
        if not keep:
            continue
        source_text = "\n\n".join(src[k].strip() for k in keep) + "\n"
        target_text = "\n\n".join(tgt[k].strip() for k in keep) + "\n"
        try:
            report = check_documents(source_text, target_text, config)
        except QAError:
            continue
        for finding in report.findings:
            if finding.source_span:
                paragraphs, pos = report.source.paragraphs, finding.source_span[0]
            elif finding.target_span:
                paragraphs, pos = report.target.paragraphs, finding.target_span[0]
            else:
                continue
            index = next((i for i, p in enumerate(paragraphs) if p.start <= pos < p.end + 1), None)
            if index is not None and index < len(keep):
                found[start + keep[index]].append(finding)
    return [Outcome.of(fs) for fs in found]


def pct(part: int, whole: int) -> float | None:
    """``part`` of ``whole`` in per cent (one decimal), None when there is no whole."""
    return round(100 * part / whole, 1) if whole else None


def precision(true_positives: int, false_positives: int) -> float | None:
    """Precision in per cent at the mix of positives and negatives actually checked."""
    return pct(true_positives, true_positives + false_positives)


def category_rates(outcomes: Sequence[Outcome]) -> dict[str, float]:
    """Share (%) of ``outcomes`` with a finding of each category, largest first."""
    counts: dict[str, int] = {}
    for outcome in outcomes:
        for category in outcome.categories:
            counts[category] = counts.get(category, 0) + 1
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return {category: pct(n, len(outcomes)) for category, n in ordered}


def code_counts(outcomes: Sequence[Outcome]) -> dict[str, int]:
    """Items with a finding of each check code, largest first."""
    counts: dict[str, int] = {}
    for outcome in outcomes:
        for code in outcome.codes:
            counts[code] = counts.get(code, 0) + 1
        if outcome.refused:
            counts["refused"] = counts.get("refused", 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
