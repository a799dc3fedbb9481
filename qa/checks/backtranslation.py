"""Machine back-translation: each English target is translated back into German and
compared with the source, and the German source is translated into English and compared
with the human translation, both by chrF (sacrebleu; chrF++ reported too).

A pair is flagged only when its score is low both absolutely and relative to the
document's own distribution (robust z-score, blended with a prior for short documents),
so a loosely but correctly translated article does not light up. The length of the
translation against the forward MT is the evidence for an omission or addition inside
a sentence.

Needs MT models (``qa models list``); without them these checks are skipped with the
command that fixes it.
"""

from __future__ import annotations

import statistics
from typing import Iterator

from qa.checks.base import Check, CheckContext, Example
from qa.model import Category, Finding, Severity
from qa.robust import blended_median_mad, lower_limit, median_mad
from qa.text import chrf

def _scores(ctx: CheckContext) -> list[dict]:
    """Translations and chrF scores for every aligned pair (the service keeps the
    translations and chrF is memoised, so the second MT check of a run neither
    translates nor scores again)."""
    pairs = [p for p in ctx.pairs if p.source and p.target]
    back = ctx.mt.back_translate([p.target_text for p in pairs])
    forward = ctx.mt.forward_translate([p.source_text for p in pairs])
    rows = []
    for k, pair in enumerate(pairs):
        row = {"pair": pair, "backtranslation": back[k],
               "chrf_back": chrf(back[k], pair.source_text),
               "chrfpp_back": chrf(back[k], pair.source_text, word_order=2)}
        if forward is not None:
            row.update(forward=forward[k], chrf_forward=chrf(forward[k], pair.target_text),
                       chrfpp_forward=chrf(forward[k], pair.target_text, word_order=2))
        scores = [row["chrf_back"]] + ([row["chrf_forward"]] if forward is not None else [])
        row["score"] = sum(scores) / len(scores)
        rows.append(row)
    return rows


def _evidence(row: dict) -> dict:
    return {k: (round(v, 2) if isinstance(v, float) else v) for k, v in row.items() if k != "pair"}


class _MTCheck(Check):
    needs_mt = True
    #: chrF below this is poor for news sentences with OPUS-MT
    ABSOLUTE = 40.0
    #: robust standard deviations below the document's median chrF
    Z_LIMIT = 2.0
    #: the norm of a short document: OPUS-MT chrF on news sentences, counted as
    #: PRIOR_WEIGHT pairs; from this many pairs on, the document is its own norm
    PRIOR_MEDIAN = 60.0
    PRIOR_MAD = 10.0
    PRIOR_WEIGHT = 6
    #: the assumed spread in chrF points, so a few wild pairs cannot make everything
    #: normal and a uniform document does not flag small dips
    MIN_MAD = 3.0
    MAX_MAD = 12.0
    #: translations shorter than this (characters) are too short for chrF
    MIN_CHARS = 20
    #: target length / forward-MT length outside [SHORT, LONG]: an omission or addition
    SHORT = 0.6
    LONG = 1.6

    def skip_reason(self, ctx: CheckContext) -> str | None:
        if ctx.mt is None:
            return ctx.mt_skip_reason or "no MT model available"
        return None

    def limit(self, values: list[float]) -> float:
        """The chrF under which a pair is flagged: ``Z_LIMIT`` robust SDs below the
        document's median (blended with the prior for short documents; a weak model or
        a free translation lowers every score and must not flag every pair), and never
        above ``ABSOLUTE``."""
        if len(values) >= self.PRIOR_WEIGHT:
            median, mad = median_mad(values)
        else:
            median, mad = blended_median_mad(values, self.PRIOR_MEDIAN, self.PRIOR_MAD,
                                             self.PRIOR_WEIGHT)
        mad = min(max(mad, self.MIN_MAD), self.MAX_MAD)
        return min(self.ABSOLUTE, lower_limit(median, mad, self.Z_LIMIT))


class BackTranslation(_MTCheck):
    """Back-translation and forward MT both disagree with the pair (low chrF, absolutely
    and against the document's norm): likely a mistranslation."""

    code = "MTB01"
    name = "mt.backtranslation"
    category = Category.MISTRANSLATION
    severity = Severity.MAJOR
    summary = "Machine back-translation and forward MT disagree strongly with the sentence pair."
    tunables = ("ABSOLUTE", "Z_LIMIT", "PRIOR_MEDIAN", "PRIOR_MAD", "PRIOR_WEIGHT", "MIN_MAD",
                "MAX_MAD", "MIN_CHARS")
    examples = (
        Example.bad("Der Präsident besucht Berlin am Montag. Die Polizei meidet das Werk heute.",
                    "The president visits Berlin on Monday. ⟦The government criticises the "
                    "city on Friday.⟧"),
        Example.good("Der Präsident besucht Berlin am Montag. Die Polizei meidet das Werk heute.",
                     "The president visits Berlin on Monday. The police avoids the plant today."),
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.alignment.unrelated:
            return
        rows = [r for r in _scores(ctx) if len(r["pair"].target_text) >= self.MIN_CHARS]
        limit = self.limit([r["score"] for r in rows])
        for row in rows:
            if row["score"] >= limit:
                continue
            pair = row["pair"]
            message = (f"back-translation “{row['backtranslation'][:70]}” differs from the "
                       f"source (chrF {row['chrf_back']:.0f}")
            if "forward" in row:
                message += f"; MT of the source reads “{row['forward'][:70]}”, chrF " \
                           f"{row['chrf_forward']:.0f}"
            yield self.finding(
                message + ")", target_span=pair.target_span, segment=pair.id,
                data={**_evidence(row), "threshold": round(limit, 2)})


class LengthAgainstMT(_MTCheck):
    """The translation is much shorter (or longer) than the machine translation of its
    source sentence: something was left out (or added) inside the sentence."""

    code = "MTB02"
    name = "mt.length"
    category = Category.OMISSION
    severity = Severity.MINOR
    summary = "The translation is far shorter or longer than MT of the source sentence."
    tunables = ("MIN_CHARS", "PRIOR_WEIGHT", "SHORT", "LONG")
    examples = (
        Example.bad("Der Präsident besucht Berlin am Montag.", "⟦The president visits.⟧"),
        Example.good("Der Präsident besucht Berlin am Montag.",
                     "The president visits Berlin on Monday."),
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.alignment.unrelated:
            return
        rows = [r for r in _scores(ctx)
                if r.get("forward") and len(r["forward"]) >= self.MIN_CHARS]
        ratios = [len(r["pair"].target_text) / len(r["forward"]) for r in rows]
        # the document's typical ratio is the norm once there are enough pairs
        norm = statistics.median(ratios) if len(ratios) >= self.PRIOR_WEIGHT else 1.0
        for row, raw in zip(rows, ratios):
            forward = row["forward"]
            pair = row["pair"]
            ratio = raw / norm
            if self.SHORT <= ratio <= self.LONG:
                continue
            shorter = ratio < self.SHORT
            yield self.finding(
                f"the translation is {ratio:.0%} the length of MT of the source "
                f"(“{forward[:70]}”): {'something may be missing' if shorter else 'something may have been added'}",
                target_span=pair.target_span, segment=pair.id,
                category=Category.OMISSION if shorter else Category.ADDITION, data={**_evidence(row), "length_ratio": round(ratio, 3),
                                               "direction": "omission" if shorter else "addition"})
