"""Polarity: a negation on one side of an aligned pair and none on the other.

The word knowledge lives in :mod:`qa.lang.negation`: explicit negators (German ``nicht``,
``kein…``, ``nie``, ``nichts``, ``niemand``, ``weder``, ``ohne`` and colloquial ``nix``,
``ned``, ``koan``; English ``not``, ``n't``, ``no``, ``never``, ``nothing``, ``without``…),
fixed expressions that are no negation (``nicht zuletzt``, ``no doubt``), neutral ones a
translation may or may not render with a negation (``nicht nur``/``not only``, ``wenn
nicht gar``/``if not``, ``oder nicht``/``or not``, ``nicht etwa``, litotes such as
``nicht fehlen``), lexical negation (``unmöglich``, ``problemlos``, ``egal``,
``ausgenommen``; ``invincible``, ``cancelled``, ``expire``, ``yet to``) and negation
cues (``bevor``, ``nur``; ``anything``, ``only``).

The rule: a pair is flagged when exactly one side has an explicit negator and the other
side has none, no neutral expression and no lexical negation (``problemlos`` → ``without
issue``, ``das ist egal`` → ``that doesn't matter``, ``nicht zu schlagen`` →
``invincible``). A source sentence left in English (a quotation, a copied definition) is
read with the English negators as well. The most common polarity error of MT (and of
perturbations such as DEMETR's) adds or drops a single ``not``.

Finding kinds (``POL01.kind``):

- ``explicit-dropped``: the source has a plain negator (``nicht``, ``kein``, ``nie``,
  ``nichts``…) negating the statement — not ``nicht zu`` + infinitive, not a negated
  adjective a translation may render by its antonym (``nicht einfach`` → ``hard``) — and
  the translation has no negation, no lexical negation and no negation cue at all.
- ``explicit-added``: the translation has a plain negator (``not``, ``n't``, ``no``,
  ``never``…) that is not on an antonym-prone adjective (``not good`` ← ``schlecht``), and
  the source has no negation, no lexical negation and no negation cue.
- ``weak-dropped`` / ``weak-added``: the other one-sided negations — a weak negator
  (``ohne``/``without``, ``nein``, ``nicht zu schlagen``, ``nicht einfach``, ``not
  good``) or a cue on the other side that often stands in for a negation (``bevor`` →
  ``not yet``, ``nur`` → ``no more than``; ``anything``, ``only``, ``until``).

Known false positives: negation a translator adds or drops for style (``Nämlich den Ball
zu bewegen.`` → ``They just didn't move the ball.``) and antonyms beyond the lexicon
(``nicht gelungen`` → ``botched``).
"""

from __future__ import annotations

from typing import Iterator

from qa.checks.base import Check, CheckContext, Example
from qa.lang.detect import language_evidence
from qa.lang.negation import (Negator, lexical_negation, negation_cues, negators,
                              neutral_expressions)
from qa.model import Category, Finding, SegmentPair, Severity

def _reads_english(text: str, min_words: int) -> bool:
    return language_evidence(text).looks("en", minimum=min_words)


class PolarityMismatch(Check):
    """One side of an aligned pair negates and the other does not."""

    code = "POL01"
    name = "polarity.negation"
    category = Category.MISTRANSLATION
    severity = Severity.MAJOR
    summary = "A negation is present on one side of a sentence pair and missing on the other."
    examples = (
        Example.bad("Die BA habe schnell reagieren müssen.",
                    "The BA did ⟦not⟧ have to react quickly."),
        Example.bad("Die neuen Forderungen könnten ⟦nicht⟧ erfüllt werden.",
                    "The new demands could be met."),
        Example.good("Die neuen Forderungen könnten nicht erfüllt werden.",
                     "The new demands could not be met."),
        Example.good("Erst 2026 will der Konzern wieder Gewinn machen.",
                     "The group does not expect to return to profit until 2026."),
    )

    #: a source sentence of at least this many words whose function words read as
    #: English (a copied definition or quotation) is read with the English negators too
    ENGLISH_SOURCE_MIN_WORDS = 8
    tunables = ("ENGLISH_SOURCE_MIN_WORDS",)

    def _source_negators(self, text: str, ctx: CheckContext) -> tuple[Negator, ...]:
        found = ctx.shared(negators, text, "de")  # (shared with MEA01 and MEA02)
        if _reads_english(text, self.ENGLISH_SOURCE_MIN_WORDS):
            found = found + negators(text, "en")
        return found

    def _source_neutral(self, text: str) -> bool:
        return bool(neutral_expressions(text, "de")) or (
            _reads_english(text, self.ENGLISH_SOURCE_MIN_WORDS)
            and bool(neutral_expressions(text, "en")))

    def check(self, pair: SegmentPair, ctx: CheckContext) -> Iterator[Finding]:
        if not pair.source or not pair.target:
            return
        source, target = pair.source_text, pair.target_text
        de = self._source_negators(source, ctx)
        en = ctx.shared(negators, target, "en")
        if bool(de) == bool(en):
            return
        if de:
            if neutral_expressions(target, "en") or lexical_negation(target, "en"):
                return
            strong = [n for n in de if n.plain]
            kind = "explicit-dropped" if strong and not negation_cues(target, "en") \
                else "weak-dropped"
            negator = (strong or de)[0]
            yield self.finding(
                f"the source negates ({negator.text!r}) but the translation does not",
                source_span=pair.in_source(negator.start, negator.end), segment=pair.id,
                data={"source_negation": negator.text}, kind=kind)
            return
        if self._source_neutral(source) or lexical_negation(source, "de"):
            return
        strong = [n for n in en if n.plain]
        kind = "explicit-added" if strong and not negation_cues(source, "de") else "weak-added"
        negator = (strong or en)[0]
        yield self.finding(
            f"the translation negates ({negator.text!r}) but the source does not",
            target_span=pair.in_target(negator.start, negator.end), segment=pair.id,
            data={"target_negation": negator.text}, kind=kind)
