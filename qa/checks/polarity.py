"""Polarity: a negation on one side of an aligned pair and none on the other.

German negators (nicht, kein…, nie, niemand, nichts, ohne, weder, nirgends) and English
ones (not, n't, no, never, nobody, nothing, without, neither, nor, none, nowhere) are
counted per pair. ``nicht nur … sondern auch`` / ``not only … but also`` are not
negations; ``erst`` (``erst 2026``) may legitimately become ``not … until``, ``kaum``
``hardly``. A pair is flagged when exactly one side negates: the most common polarity
error of MT (and of perturbations such as DEMETR's) adds or drops a single ``not``.

Lexical negation (``un-``, ``Nicht-``/``non-`` compounds, ``-los``/``-less``, ``fehlen``,
``refuse``) never raises a finding but balances an explicit negation on the other side:
``problemlos`` → ``without issue``, ``Nichtbemerken`` → ``not noticed``.

Known false positives: negation a translator adds or drops for style (``Nämlich den Ball
zu bewegen.`` → ``They just didn't move the ball.``).
"""

from __future__ import annotations

import re
from typing import Iterator

from qa.checks.base import Check, CheckContext, Example
from qa.model import Category, Finding, SegmentPair, Severity

GERMAN_NEGATION = re.compile(
    r"\b(?:nicht|kein|keine|keinen|keinem|keiner|keines|nie|niemals|niemand|niemanden|"
    r"niemandem|nichts|ohne|weder|nirgends|nirgendwo|keinesfalls|keineswegs|keinster|"
    r"keinerlei|nein)\b",
    re.IGNORECASE)
ENGLISH_NEGATION = re.compile(
    r"\b(?:not|never|nobody|nothing|without|neither|nor|none|nowhere|cannot|no(?!\.?\s*\d)(?!-))\b"
    r"|n\s?['’]\s?t\b|\bno one\b", re.IGNORECASE)  # (didn ’ t: tokenised MT output)
GERMAN_NOT_NEGATION = re.compile(r"\bnicht\s+nur\b|\bnichtsdestotrotz\b|\bnicht\s+zuletzt\b",
                                 re.IGNORECASE)
ENGLISH_NOT_NEGATION = re.compile(r"\bnot\s+(?:only|just|merely|least)\b|"
                                  r"n['’]t\s+(?:only|just|merely)\b|\bno\s+(?:doubt|"
                                  r"matter|wonder)\b|\bnonetheless\b|\bnevertheless\b|"
                                  r"\bwhether\s+or\s+not\b|\bor\s+not\b|"
                                  r"\bwhy\s+don['’]t\s+(?:you|we)\b|\bgoes\s+without\s+saying\b|"
                                  r"\b(?:do\s+not|don['’]t)\s+hesitate\b", re.IGNORECASE)
# German words whose English translation idiomatically carries a negation
GERMAN_IMPLICIT = re.compile(r"\b(?:erst|kaum|wenig|fehlen|fehlt|fehlte|fehlten|verweigert\w*|"
                             r"unmöglich\w*|ausgeschlossen|verhindert\w*|"
                             r"verboten\w*|nicht(?!s\b)\w+|\w{3,}los(?:e|en|er|es|em)?)\b",
                             re.IGNORECASE)
ENGLISH_IMPLICIT = re.compile(r"\b(?:hardly|barely|scarcely|fail\w*|lack\w*|refus\w*|"
                              r"impossible|unable|prevent\w*|ruled out|forbid\w*|absen\w+|little|few|"
                              r"banned|non-\w+|\w{3,}less|ignor\w+|neglect\w*|deny|denie\w+|"
                              r"denied|undoubtedly|doubtless|far\s+from)\b", re.IGNORECASE)


_UN_WORD = re.compile(r"\b[Uu]n(\w{4,})\b")


def _un_negated(text: str, lang: str) -> bool:
    """A word negated by the prefix un-: the rest is a word itself (unmöglich → möglich,
    unlikely → likely), which tells it from unter, ungefähr, under, until, united."""
    from qa.lang.dictionary import known_word

    for m in _UN_WORD.finditer(text):
        rest = m.group(1)
        if known_word(rest, lang) or (lang == "de" and known_word(rest.capitalize(), lang)):
            return True
    return False


def implicit_negation(text: str, lang: str) -> bool:
    """Lexical negation that a translation may render with an explicit one."""
    pattern = GERMAN_IMPLICIT if lang == "de" else ENGLISH_IMPLICIT
    return bool(pattern.search(text)) or _un_negated(text, lang)


def negations(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of negators, minus the idioms that are not negations."""
    pattern, exclude = ((GERMAN_NEGATION, GERMAN_NOT_NEGATION) if lang == "de"
                        else (ENGLISH_NEGATION, ENGLISH_NOT_NEGATION))
    excluded = [(m.start(), m.end()) for m in exclude.finditer(text)]
    return [(m.start(), m.end()) for m in pattern.finditer(text)
            if not any(a <= m.start() < b for a, b in excluded)]


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

    def check(self, pair: SegmentPair, ctx: CheckContext) -> Iterator[Finding]:
        if not pair.source or not pair.target:
            return
        de = negations(pair.source_text, "de")
        en = negations(pair.target_text, "en")
        if bool(de) == bool(en):
            return
        if en and implicit_negation(pair.source_text, "de"):
            return
        if de and implicit_negation(pair.target_text, "en"):
            return
        if en:
            start, end = en[0]
            word = pair.target_text[start:end]
            yield self.finding(
                f"the translation negates ({word!r}) but the source does not",
                target_span=pair.in_target(start, end),
                segment=pair.id, confidence=0.75, data={"target_negation": word})
        else:
            start, end = de[0]
            word = pair.source_text[start:end]
            yield self.finding(
                f"the source negates ({word!r}) but the translation does not",
                source_span=pair.in_source(start, end),
                segment=pair.id, confidence=0.75, data={"source_negation": word})
