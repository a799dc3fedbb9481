"""Lexical adequacy: how much of each aligned pair a bilingual lexicon can account for.

A source content word is *covered* when one of its dictionary translations, its own form
(names, numbers, cognates sharing a four-letter prefix) appears in the target; a target
content word is covered when it translates, or repeats, a source word. Pairs whose
coverage falls far below the document's own norm (robust z-score under −2, blended with a
prior norm for short documents) and below an absolute floor (25 %) are reported, naming
the uncovered words: a low source side suggests an omission inside the sentence, a low
target side an addition.

Dictionary coverage is weak evidence — on WMT human references it varies from 20 % to
100 % — so these findings are ``info``: shown to the editor with the words to look at,
never failing a gate.

The lexicon is the Ding dictionary from Debian's ``trans-de-en`` (read where installed)
or the file given as ``lexicon``; without one these checks are listed as skipped.
Known false positives: free, idiomatic translations of short sentences.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from qa.checks.base import Check, CheckContext, Example
from qa.model import Category, Finding, Severity
from qa.lang.function_words import STOPWORDS
from qa.lang.normalise import fold
from qa.robust import blended_median_mad, lower_limit
from qa.text import words

_LEXICON = (
    {"de": "Regierung", "en": "government"}, {"de": "legte", "en": "presented|laid"},
    {"de": "vorlegen", "en": "present"}, {"de": "Haushalt", "en": "budget|household"},
    {"de": "Montag", "en": "Monday"}, {"de": "Opposition", "en": "opposition"},
    {"de": "kritisierte", "en": "criticised|criticized"}, {"de": "Entwurf", "en": "draft"},
    {"de": "scharf", "en": "sharply|sharp"}, {"de": "Ausgaben", "en": "spending|expenses"},
    {"de": "sieht", "en": "provides|sees"}, {"de": "Milliarden", "en": "billion"},
)


def _content(text: str) -> list[str]:
    return [w for w in words(text) if len(w) >= 3 and w.lower() not in STOPWORDS]


def coverage(source: str, target: str, lexicon) -> tuple[list[str], list[str], int, int]:
    """(uncovered source words, uncovered target words, source total, target total)."""
    uncovered_src, uncovered_tgt, src_total, tgt_total = _coverage(source, target, lexicon)
    return list(uncovered_src), list(uncovered_tgt), src_total, tgt_total


#: pairs whose coverage is kept for the second of LEX01/LEX02: a whole translation memory
#: (100,000 units ≈ 35 MB), else LEX02 recomputes what LEX01 computed (13 % of a
#: 100,000-unit run, benchmarks/bilingual_check.py)
COVERAGE_MEMO = 1 << 17


@lru_cache(maxsize=COVERAGE_MEMO)
def _coverage(source: str, target: str,
              lexicon) -> tuple[tuple[str, ...], tuple[str, ...], int, int]:
    """:func:`coverage`, computed once for the pair: LEX01 and LEX02 both read it."""
    src_words, tgt_words = _content(source), _content(target)
    tgt_forms = {fold(w) for w in tgt_words}
    tgt_stems = {lexicon.english_stem(w) for w in tgt_words}
    tgt_prefixes = {fold(w)[:4] for w in tgt_words if len(w) >= 5}
    translations: set[str] = set()
    uncovered_src = []
    for word in src_words:
        options = set(lexicon.translations(word))
        translations |= options
        if options & tgt_stems or fold(word) in tgt_forms or (
                len(word) >= 5 and fold(word)[:4] in tgt_prefixes):
            continue
        uncovered_src.append(word)
    src_forms = {fold(w) for w in src_words}
    src_prefixes = {fold(w)[:4] for w in src_words if len(w) >= 5}
    uncovered_tgt = [w for w in tgt_words
                     if lexicon.english_stem(w) not in translations and fold(w) not in src_forms
                     and not (len(w) >= 5 and fold(w)[:4] in src_prefixes)]
    return tuple(uncovered_src), tuple(uncovered_tgt), len(src_words), len(tgt_words)


class _Adequacy(Check):
    needs_lexicon = True
    side = "source"
    # Coverage of WMT21 de→en human references with the Ding dictionary: median 0.67, MAD
    # 0.13, 2nd percentile 0.25 (python benchmarks/demetr.py reports the effect).
    PRIOR_MEDIAN = 0.67
    PRIOR_MAD = 0.13
    #: the prior counts as this many pairs of the document
    PRIOR_WEIGHT = 8
    #: a side with fewer content words is not judged (too little evidence)
    MIN_WORDS = 5
    #: coverage above this is never reported, however unusual for the document
    FLOOR = 0.25
    #: robust standard deviations below the document's (blended) median
    Z_LIMIT = 2.0
    #: the smallest spread assumed, so a uniform document does not flag small dips
    MIN_MAD = 0.05
    tunables = ("PRIOR_MEDIAN", "PRIOR_MAD", "PRIOR_WEIGHT", "MIN_WORDS", "FLOOR", "Z_LIMIT",
                "MIN_MAD")

    def threshold(self, values: list[float]) -> float:
        """``Z_LIMIT`` robust SDs below the document's coverage blended with the prior
        norm, and never above ``FLOOR``."""
        median, mad = blended_median_mad(values, self.PRIOR_MEDIAN, self.PRIOR_MAD,
                                         self.PRIOR_WEIGHT)
        return min(self.FLOOR, lower_limit(median, max(mad, self.MIN_MAD), self.Z_LIMIT))

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.alignment.unrelated:
            return
        rows = [(pair, coverage(pair.source_text, pair.target_text, ctx.lang.lexicon))
                for pair in ctx.pairs if pair.source and pair.target]
        index = 0 if self.side == "source" else 1
        total_index = 2 if self.side == "source" else 3
        values = [1 - len(c[index]) / c[total_index] for _, c in rows
                  if c[total_index] >= self.MIN_WORDS]
        limit = self.threshold(values)
        for pair, c in rows:
            total = c[total_index]
            if total < self.MIN_WORDS:
                continue
            value = 1 - len(c[index]) / total
            if value >= limit:
                continue
            uncovered = c[index]
            where = "source" if self.side == "source" else "translation"
            span = pair.source_span if self.side == "source" else pair.target_span
            yield self.finding(
                f"only {value:.0%} of the {where} words are accounted for on the other side; "
                f"unmatched: {', '.join(uncovered[:8])}",
                source_span=span if self.side == "source" else None,
                target_span=span if self.side == "target" else None,
                segment=pair.id,
                data={"coverage": round(value, 3), "threshold": round(limit, 3),
                      "uncovered": uncovered})


class SourceCoverage(_Adequacy):
    """Much of an aligned source sentence has no counterpart in its translation
    (words dropped inside the sentence)."""

    code = "LEX01"
    name = "adequacy.source-coverage"
    category = Category.OMISSION
    severity = Severity.INFO
    summary = "Many source words of a sentence pair have no translation on the target side."
    side = "source"
    examples = (
        Example.bad("⟦Die Regierung legte am Montag den umstrittenen Haushalt für das kommende "
                    "Jahr vor, den die Opposition scharf kritisierte.⟧",
                    "On Monday the government spoke at length about the weather in the north.",
                    termbase=_LEXICON,
                    config={"lexicon": "none"}),
        Example.good("Die Regierung legte am Montag den Haushalt vor, den die Opposition "
                     "scharf kritisierte.",
                     "On Monday the government presented the budget, which the opposition "
                     "sharply criticised.", termbase=_LEXICON, config={"lexicon": "none"}),
    )


class TargetCoverage(_Adequacy):
    """Much of an aligned translation has no counterpart in its source sentence
    (material added inside the sentence)."""

    code = "LEX02"
    name = "adequacy.target-coverage"
    category = Category.ADDITION
    severity = Severity.INFO
    summary = "Many words of a translated sentence have no counterpart in the source."
    side = "target"
    examples = (
        Example.bad("Die Regierung legte am Montag den Haushalt für das kommende Jahr vor, "
                    "den viele Beobachter erwartet hatten.",
                    "⟦The government said that thousands of furious farmers blocked every "
                    "motorway around the capital.⟧", termbase=_LEXICON,
                    config={"lexicon": "none"}),
        Example.good("Die Regierung legte am Montag den Haushalt vor.",
                     "The government presented the budget on Monday.", termbase=_LEXICON,
                     config={"lexicon": "none"}),
    )
