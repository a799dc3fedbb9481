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
from qa.text import chrf

ABSOLUTE = 40.0          # chrF below this is poor for news sentences with OPUS-MT
Z_LIMIT = 2.0
PRIOR_MEDIAN, PRIOR_MAD, PRIOR_WEIGHT = 60.0, 10.0, 6
MIN_CHARS = 20
SHORT, LONG = 0.6, 1.6   # target length / forward-MT length


def _scores(ctx: CheckContext) -> list[dict]:
    """Translations and scores for every aligned pair, computed once per run."""
    if "mt_scores" in ctx.cache:
        return ctx.cache["mt_scores"]
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
    ctx.cache["mt_scores"] = rows
    return rows


def _limit(values: list[float]) -> float:
    n = len(values)
    median = statistics.median(values) if values else PRIOR_MEDIAN
    mad = statistics.median(abs(v - median) for v in values) if values else PRIOR_MAD
    if n >= PRIOR_WEIGHT:
        # enough pairs: the document is its own norm (a weak model or a free translation
        # lowers every score, and must not flag every pair)
        return min(ABSOLUTE, median - Z_LIMIT * 1.4826 * min(max(mad, 3.0), 12.0))
    median = (median * n + PRIOR_MEDIAN * PRIOR_WEIGHT) / (n + PRIOR_WEIGHT)
    # a spread of 3–12 chrF points: a few wild pairs must not make everything normal
    mad = min(max((mad * n + PRIOR_MAD * PRIOR_WEIGHT) / (n + PRIOR_WEIGHT), 3.0), 12.0)
    return min(ABSOLUTE, median - Z_LIMIT * 1.4826 * mad)


def _evidence(row: dict) -> dict:
    return {k: (round(v, 2) if isinstance(v, float) else v) for k, v in row.items() if k != "pair"}


class _MTCheck(Check):
    needs_mt = True

    def skip_reason(self, ctx: CheckContext) -> str | None:
        if getattr(ctx, "mt", None) is None:
            return ctx.settings.get("mt_skip_reason") or "no MT model available"
        return None


class BackTranslation(_MTCheck):
    """Back-translation and forward MT both disagree with the pair (low chrF, absolutely
    and against the document's norm): likely a mistranslation."""

    code = "MTB01"
    name = "mt.backtranslation"
    category = Category.MISTRANSLATION
    severity = Severity.MAJOR
    summary = "Machine back-translation and forward MT disagree strongly with the sentence pair."
    examples = (
        Example.bad("Der Präsident besucht Berlin am Montag. Die Polizei meidet das Werk heute.",
                    "The president visits Berlin on Monday. ⟦The government criticises the "
                    "city on Friday.⟧", config={"mt_models": (
                        ("back", "tests/fixtures/mt/tiny-en-de"),
                        ("forward", "tests/fixtures/mt/tiny-de-en")), "mt_cache": "off"}),
        Example.good("Der Präsident besucht Berlin am Montag. Die Polizei meidet das Werk heute.",
                     "The president visits Berlin on Monday. The police avoids the plant today.",
                     config={"mt_models": (("back", "tests/fixtures/mt/tiny-en-de"),
                                           ("forward", "tests/fixtures/mt/tiny-de-en")),
                             "mt_cache": "off"}),
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.alignment.unrelated:
            return
        rows = [r for r in _scores(ctx) if len(r["pair"].target_text) >= MIN_CHARS]
        limit = _limit([r["score"] for r in rows])
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
                confidence=min(0.95, 0.5 + (limit - row["score"]) / 100),
                data={**_evidence(row), "threshold": round(limit, 2)})


class LengthAgainstMT(_MTCheck):
    """The translation is much shorter (or longer) than the machine translation of its
    source sentence: something was left out (or added) inside the sentence."""

    code = "MTB02"
    name = "mt.length"
    category = Category.OMISSION
    severity = Severity.MINOR
    summary = "The translation is far shorter or longer than MT of the source sentence."
    examples = (
        Example.bad("Der Präsident besucht Berlin am Montag.",
                    "⟦The president visits.⟧", config={"mt_models": (
                        ("back", "tests/fixtures/mt/tiny-en-de"),
                        ("forward", "tests/fixtures/mt/tiny-de-en")), "mt_cache": "off"}),
        Example.good("Der Präsident besucht Berlin am Montag.",
                     "The president visits Berlin on Monday.", config={"mt_models": (
                         ("back", "tests/fixtures/mt/tiny-en-de"),
                         ("forward", "tests/fixtures/mt/tiny-de-en")), "mt_cache": "off"}),
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.alignment.unrelated:
            return
        rows = [r for r in _scores(ctx)
                if r.get("forward") and len(r["forward"]) >= MIN_CHARS]
        ratios = [len(r["pair"].target_text) / len(r["forward"]) for r in rows]
        # the document's typical ratio is the norm once there are enough pairs
        norm = statistics.median(ratios) if len(ratios) >= PRIOR_WEIGHT else 1.0
        for row, raw in zip(rows, ratios):
            forward = row["forward"]
            pair = row["pair"]
            ratio = raw / norm
            if SHORT <= ratio <= LONG:
                continue
            shorter = ratio < SHORT
            yield self.finding(
                f"the translation is {ratio:.0%} the length of MT of the source "
                f"(“{forward[:70]}”): {'something may be missing' if shorter else 'something may have been added'}",
                target_span=pair.target_span, segment=pair.id, confidence=0.6,
                category=Category.OMISSION if shorter else Category.ADDITION, data={**_evidence(row), "length_ratio": round(ratio, 3),
                                               "direction": "omission" if shorter else "addition"})
