"""Untranslated German in the English translation: whole sentences, and words or phrases
inside English sentences, with the span of just the German part.

Token evidence: the word is in simplemma's German dictionary and not its English one, and
wordfreq finds it far more frequent in German than in English (``Rotorblätter``,
``plötzlich``, ``nicht``); hyphenated compounds count when their head is German
(``Harvard-Professorin``). Not flagged: words common in English too (``Manager``,
``Pegasus``, ``Kindergarten``), names (not German dictionary words, or a surname after a
first name: ``Sabine Krüger``), company names before ``AG``/``GmbH``, and termbase
renderings (do-not-translate entries such as ``Bundestag``). Sentence level: most words
German-looking and the language detector (lingua restricted to German/English, or
langdetect seeded, per ``language-detector`` in the config) agrees.

Known false negatives: German words that are also English words (``also``, ``will``,
``die``); known false positives: a German surname that is a dictionary word, standing
alone (``Krüger said``).
"""

from __future__ import annotations

import re
from typing import Iterator

from qa.checks.base import Check, CheckContext, Example
from qa.model import Category, Finding, SegmentPair, Severity
from qa.lang import frequency as zipf_band
from qa.lang.frequency import zipf
from qa.lang.function_words import STOPWORDS
from qa.lang.german import reads_german, used_as_name

_TOKEN_RE = re.compile(r"[^\W\d_][\w'’]*(?:-[\w'’]+)*", re.UNICODE)
_CORPORATE = {"AG", "GmbH", "SE", "KG", "Group", "Inc", "Ltd", "Co"}
_JOINERS = {"der", "die", "das", "des", "dem", "den", "und", "von", "zu", "zum", "zur", "im",
            "am", "ein", "eine", "für", "mit"}
_LOCATIVE = {"in", "at", "near", "from", "outside", "around", "of"}


def _name_like(token: str) -> bool:
    """A capitalised word that reads as a first name or other name, not English prose."""
    return (token[:1].isupper() and not reads_german(token) and not token.endswith(("'s", "’s"))
            and token.casefold() not in STOPWORDS and zipf(token, "en") < zipf_band.VERY_FREQUENT)


def _acronym(token: str) -> bool:
    """AfD, DFB, EuGH, DFB-Pokal: abbreviations and names built on them."""
    head = token.split("-", 1)[0]
    return sum(c.isupper() for c in head) >= 2


def german_spans(text: str, protected: set[str], source: str = "") -> tuple[list[tuple[int, int]], int, int]:
    """Spans of German words/phrases in an English sentence, plus counts (German, all).
    ``source`` (the aligned German) tells names from untranslated nouns."""
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
    flags = []
    for k, (tok, _, _) in enumerate(tokens):
        is_german = reads_german(tok) and tok.casefold() not in protected and not _acronym(tok)
        if is_german and used_as_name(tok, source):
            is_german = False
        if is_german and tok[0].isupper() and k > 0:
            prev = tokens[k - 1][0]
            nxt = tokens[k + 1][0] if k + 1 < len(tokens) else ""
            # a surname after a first name (Sabine Krüger), a company (Nordwind AG), a
            # place English writes the same way after a locative (in Bayreuth — but not
            # in Südostasien, a German exonym)
            if (k > 1 and _name_like(prev)) or nxt in _CORPORATE or (
                    prev in _LOCATIVE and zipf(tok, "en") >= zipf_band.RARE):
                is_german = False
        flags.append(is_german)
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(tokens):
        if not flags[k]:
            k += 1
            continue
        start, end = tokens[k][1], tokens[k][2]
        j = k + 1
        while j < len(tokens):
            if flags[j]:
                end = tokens[j][2]
                j += 1
            elif tokens[j][0].casefold() in _JOINERS and j + 1 < len(tokens) and flags[j + 1]:
                j += 1
            else:
                break
        spans.append((start, end))
        k = j
    return spans, sum(flags), len(tokens)


class _UntranslatedBase(Check):
    # A whole sentence is German (UNT01, and UNT02 then stays quiet on it) when it has
    # MIN_WORDS words or more, at least GERMAN_SHARE of them read as German, and the
    # sentence detector agrees with at least DETECTOR_PROBABILITY (set in issue 3 on
    # DEMETR codemix and the WMT21 references)
    MIN_WORDS = 3
    GERMAN_SHARE = 0.5
    DETECTOR_PROBABILITY = 0.7
    tunables = ("MIN_WORDS", "GERMAN_SHARE", "DETECTOR_PROBABILITY")

    def _pieces(self, pair: SegmentPair, ctx: CheckContext):
        protected = ctx.lang.termbase_words
        for index in pair.target:
            sentence = ctx.target.sentences[index]
            spans, german, total = german_spans(sentence.text, protected, pair.source_text)
            yield sentence, spans, german, total

    def _is_german_sentence(self, text: str, german: int, total: int, ctx: CheckContext) -> bool:
        if total < self.MIN_WORDS or german / total < self.GERMAN_SHARE:
            return False
        return ctx.lang.german_probability(text) >= self.DETECTOR_PROBABILITY


class UntranslatedSentence(_UntranslatedBase):
    """A whole sentence or line of the translation is still German."""

    code = "UNT01"
    name = "untranslated.sentence"
    category = Category.UNTRANSLATED
    severity = Severity.CRITICAL
    summary = "A sentence of the translation was left in German."
    examples = (
        Example.bad("Die Opposition kritisierte den Besuch. Die Regierung schwieg.",
                    "The opposition criticised the visit. ⟦Die Regierung schwieg dazu "
                    "jedoch.⟧"),
        Example.good("Die Opposition kritisierte den Besuch. Die Regierung schwieg.",
                     "The opposition criticised the visit. The government said nothing."),
    )

    def check(self, pair: SegmentPair, ctx: CheckContext) -> Iterator[Finding]:
        for sentence, _, german, total in self._pieces(pair, ctx):
            if self._is_german_sentence(sentence.text, german, total, ctx):
                yield self.finding(
                    f"sentence left in German: “{sentence.text[:80]}”",
                    target_span=(sentence.start, sentence.end), segment=pair.id,
                    confidence=0.9, data={"german_words": german, "words": total})


class UntranslatedWords(_UntranslatedBase):
    """German words or phrases inside an English sentence."""

    code = "UNT02"
    name = "untranslated.words"
    category = Category.UNTRANSLATED
    severity = Severity.MAJOR
    summary = "German words were left untranslated inside an English sentence."
    examples = (
        Example.bad("Die Harvard-Professorin Kayyem widerspricht.",
                    "The ⟦Harvard-Professorin⟧ Kayyem disagrees."),
        Example.bad("Die neuen Forderungen könnten nicht erfüllt werden.",
                    "The new demands could ⟦nicht⟧ be met."),
        Example.good("Bezirksleiterin Sabine Krüger sprach mit dem Manager.",
                     "District head Sabine Krüger spoke to the manager."),
    )

    def check(self, pair: SegmentPair, ctx: CheckContext) -> Iterator[Finding]:
        for sentence, spans, german, total in self._pieces(pair, ctx):
            if self._is_german_sentence(sentence.text, german, total, ctx):
                continue  # UNT01 reports the whole sentence
            for start, end in spans:
                text = sentence.text[start:end]
                yield self.finding(
                    f"German left untranslated: {text!r}",
                    target_span=sentence.span(start, end),
                    segment=pair.id, confidence=0.8, data={"german": text})
