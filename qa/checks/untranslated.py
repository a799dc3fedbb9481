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
from functools import lru_cache
from typing import Iterator

from qa.checks.base import Check, CheckContext, Example
from qa.model import Category, Finding, SegmentPair, Severity
from qa.text import excerpt
from qa.lang import frequency as zipf_band
from qa.lang.frequency import zipf
from qa.lang.function_words import STOPWORDS
from qa.lang.german import reads_german, role_noun, used_as_name
from qa.lang.names import exonyms
from qa.lang.normalise import address_spans, fold

_TOKEN_RE = re.compile(r"[^\W\d_][\w'’]*(?:-[\w'’]+)*", re.UNICODE)
_CORPORATE = {"AG", "GmbH", "SE", "KG", "Group", "Inc", "Ltd", "Co"}
_JOINERS = {"der", "die", "das", "des", "dem", "den", "und", "von", "zu", "zum", "zur", "im",
            "am", "ein", "eine", "für", "mit"}
_LOCATIVE = {"in", "at", "near", "from", "outside", "around", "of"}


def _name_like(token: str) -> bool:
    """A capitalised word that reads as a first name or other name, not English prose."""
    return (token[:1].isupper() and not reads_german(token) and not token.endswith(("'s", "’s"))
            and token.casefold() not in STOPWORDS and zipf(token, "en") < zipf_band.VERY_FREQUENT)


#: how much of a German sentence UNT01's message quotes
EXCERPT_CHARS = 80


def _acronym(token: str) -> bool:
    """AfD, DFB, EuGH, DFB-Pokal: abbreviations and names built on them."""
    head = token.split("-", 1)[0]
    return sum(c.isupper() for c in head) >= 2


def surnames(text: str) -> frozenset[str]:
    """Capitalised words (casefolded) that follow a name-like word somewhere in ``text``:
    the surnames of the people a document names in full (*Petra Sommer*), which a later
    sentence uses alone (*“…,” Sommer said*) and which are no untranslated nouns there."""
    tokens = _TOKEN_RE.findall(text)
    return frozenset(b.casefold() for a, b in zip(tokens, tokens[1:])
                     if b[:1].isupper() and _name_like(a))


def german_spans(text: str, protected: set[str], source: str = "",
                 names: frozenset[str] = frozenset()) -> tuple[list[tuple[int, int]], int, int]:
    """Spans of German words/phrases in an English sentence, plus counts (German, all).
    ``source`` (the aligned German) tells names from untranslated nouns; ``names`` are
    surnames the document introduced (:func:`surnames`)."""
    spans, german, total = _german_spans(text, frozenset(protected), source, frozenset(names))
    return list(spans), german, total


#: sentences whose German spans are kept for the second of UNT01/UNT02 (both read them
#: for every sentence): a 20,000-sentence document's, else UNT02 repeats UNT01's work
GERMAN_SPANS_MEMO = 1 << 15


@lru_cache(maxsize=GERMAN_SPANS_MEMO)
def _german_spans(text: str, protected: frozenset[str], source: str,
                  names: frozenset[str]) -> tuple[tuple[tuple[int, int], ...], int, int]:
    addresses = address_spans(text)
    if addresses:
        tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)
                  if not any(a <= m.start() < b for a, b in addresses)]
        words = [tok for tok, _, _ in tokens]
    else:
        words = _TOKEN_RE.findall(text)  # where they are is read only if one is German
    # most words read as English: the other tests only for those that read as German
    flags = list(map(reads_german, words))
    if not any(flags):
        return (), 0, len(words)
    if not addresses:
        tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
    for k, tok in enumerate(words):
        is_german = (flags[k] and tok.casefold() not in protected
                     and not _acronym(tok) and tok.casefold() not in names)
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
        flags[k] = is_german
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
    return tuple(spans), sum(flags), len(tokens)


_QUOTES = "\"“”„»«‚‘’'"
_RUN_JOINERS = {"am", "an", "von", "vom", "van", "der", "den", "dem", "des", "und", "zu", "zur",
                "zum", "im", "auf", "ob", "la", "le", "de", "di", "da"}


def _name_run(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The run of capitalised words (joined by name particles) around ``start:end``."""
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN_RE.finditer(sentence)]
    inside = [k for k, (s, e, _) in enumerate(tokens) if s < end and start < e]
    if not inside:
        return start, end
    first, last = inside[0], inside[-1]

    def joined(a: int, b: int) -> bool:  # only spaces between two neighbouring tokens
        return sentence[tokens[a][1]:tokens[b][0]].strip() == ""

    def capital(k: int) -> bool:  # (The, A: an English sentence start is no name)
        return tokens[k][2][:1].isupper() and tokens[k][2].casefold() not in STOPWORDS

    while first > 0 and joined(first - 1, first) and (
            capital(first - 1) or (tokens[first - 1][2] in _RUN_JOINERS and first > 1
                                   and joined(first - 2, first - 1) and capital(first - 2))):
        first -= 1
    while last + 1 < len(tokens) and joined(last, last + 1) and (
            capital(last + 1) or (tokens[last + 1][2] in _RUN_JOINERS
                                  and last + 2 < len(tokens) and joined(last + 1, last + 2)
                                  and capital(last + 2))):
        last += 1
    return tokens[first][0], tokens[last][1]


def _in_source(words: list[str], folded_source: str) -> bool:
    """The words, in this order, in the source — allowing German case endings and a
    hyphen for a space (der Rheinischen Post, DFB-Pokal)."""
    parts = [re.escape(fold(w)[:-2] if len(w) > 5 else fold(w)) + r"\w*" for w in words]
    return re.search(r"(?<!\w)" + r"[\s\-]+".join(parts), folded_source) is not None


def _kept_name(sentence: str, start: int, end: int, folded_source: str) -> bool:
    """``start:end`` is part of a name or title of several words (or a quoted one) that
    the source has: some stretch of the capitalised run around it, two words or more,
    is in the source (Bild am Sonntag, Marcus König, "Rheinische Post")."""
    run_start, run_end = _name_run(sentence, start, end)
    words = [(m.start() + run_start, m.group(0))
             for m in _TOKEN_RE.finditer(sentence[run_start:run_end])]
    inside = [k for k, (s, w) in enumerate(words) if start <= s < end]
    if not inside:
        return False
    quoted = (run_start > 0 and sentence[run_start - 1] in _QUOTES
              and sentence[run_end:run_end + 1] in _QUOTES)
    if quoted and _in_source([w for _, w in words], folded_source):
        return True
    lower = words[inside[0]][1][:1].islower()
    if lower and any(words[k][1] not in _RUN_JOINERS for k in inside):
        return False  # only particles (von, und, am) belong inside a name
    for first in range(0, inside[0] + 1):
        for last in range(max(inside[-1], first + 1), len(words)):
            if lower and (first == inside[0] or last == inside[-1]):
                continue  # a particle only inside a name (Florian von Brunn), not at its edge
            if _in_source([w for _, w in words[first:last + 1]], folded_source):
                return True
    return False


def _same_spelling(a: str, b: str) -> bool:
    """The same word but for how umlauts are written (Allgäu, Allgaeu)."""
    def plain(word: str) -> str:
        return fold(word).replace("ae", "a").replace("oe", "o").replace("ue", "u")
    return plain(a) == plain(b)


def _kind(sentence: str, start: int, end: int, source: str, lexicon) -> str | None:
    """The finding class of German words at ``sentence[start:end]``, or None where they
    are a name or title the translation rightly keeps from the source."""
    folded_source = fold(source)
    text = sentence[start:end]
    if sentence[start - 1:start] in "#@" and start > 0:
        return None  # a hashtag or handle is a name
    if not any(role_noun(word) for word in text.split()) \
            and _kept_name(sentence, start, end, folded_source):
        # Bild am Sonntag, Florian von Brunn, "Rheinische Post" (but not a title before a
        # name: the Harvard-Professorin Kayyem)
        return None
    if text[:1].islower():
        return "lowercase"
    if " " in text:
        return "word"  # German words in a row that are no name of the source
    if fold(text) in exonyms() or fold(text.rsplit("-", 1)[-1]) in exonyms():
        return "exonym"
    if fold(text) not in folded_source:
        return "word"
    if lexicon is None:
        return "unverified"
    head = text.rsplit("-", 1)[-1]
    translations = lexicon.translations(head)
    if not translations or any(_same_spelling(t, head) for t in translations):
        # kept from the source, and the dictionary has no English word for it, or gives
        # the word itself (Düsseldorf, Allgäu): a name
        return None
    return "word"


class _UntranslatedBase(Check):
    # A whole sentence is German (UNT01, and UNT02 then stays quiet on it) when it has
    # MIN_WORDS words or more, at least GERMAN_SHARE of them read as German, and the
    # sentence detector agrees with at least DETECTOR_PROBABILITY (set in issue 3 on
    # DEMETR codemix and the WMT21 references)
    MIN_WORDS = 3
    GERMAN_SHARE = 0.5
    DETECTOR_PROBABILITY = 0.7
    tunables = ("MIN_WORDS", "GERMAN_SHARE", "DETECTOR_PROBABILITY")

    def prepare(self, ctx: CheckContext) -> None:
        self._names = surnames(ctx.target.text)

    def _pieces(self, pair: SegmentPair, ctx: CheckContext):
        protected = ctx.lang.termbase_words
        for index in pair.target:
            sentence = ctx.target.sentences[index]
            spans, german, total = german_spans(sentence.text, protected, pair.source_text,
                                                self._names)
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
                    f"sentence left in German: “{excerpt(sentence.text, EXCERPT_CHARS, at_word=True)}”",
                    target_span=(sentence.start, sentence.end), segment=pair.id,
                    data={"german_words": german, "words": total})


class UntranslatedWords(_UntranslatedBase):
    """German words or phrases inside an English sentence.

    Names and titles the translation keeps from the source are English copy, not German
    left in it: a run of capitalised words (with joiners such as ``am``, ``von``,
    ``und``) or a quoted title that the source has verbatim (``Bild am Sonntag``,
    ``Florian von Brunn``, ``Stuttgarter Zeitung``), and a single capitalised word kept
    from the source that the German–English dictionary does not translate (a name:
    ``Seehofer``, ``Bielefeld``). Finding kinds: ``lowercase`` (a lower-case German word:
    ``nicht``, ``plötzlich``), ``exonym`` (a German place name English writes otherwise:
    ``Nürnberg``), ``word`` (a capitalised word the dictionary translates: ``Dressur``),
    ``unverified`` (no dictionary to tell a name from a noun).
    """

    code = "UNT02"
    name = "untranslated.words"
    category = Category.UNTRANSLATED
    severity = Severity.MAJOR
    summary = "German words were left untranslated inside an English sentence."
    uses_lexicon = True
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
                kind = _kind(sentence.text, start, end, pair.source_text, ctx.lang.lexicon)
                if kind is None:
                    continue  # a name or title the translation keeps from the source
                yield self.finding(
                    f"German left untranslated: {text!r}",
                    target_span=sentence.span(start, end), kind=kind,
                    segment=pair.id, data={"german": text})
