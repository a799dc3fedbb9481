"""Meaning substitutions without a neural model: a translation word that is the opposite
(MEA01) or a more general word (MEA02) of what a source word means.

Evidence, per aligned pair: a source content word is *unrendered* when none of its
renderings — the Ding dictionary's translations (:mod:`qa.lang.lexicon`) of the word and
of its lemma — nor its own form or a cognate (a shared four-letter prefix) is in the
translation (a target word renders only the most specific source word it translates); a
target content word is *unexplained* when it translates, repeats or shares a prefix with
no source word. Target words are read as the WordNet lemmas they may be forms of
(``fell`` → ``fall``, ``stopped`` → ``stop``). WordNet (:mod:`qa.lang.wordnet`,
Debian's ``wordnet-base``) then relates the two, and the relation counts only in the
source word's slot: a source content word next to it is rendered by a target word
near the target word (``die neuen Forderungen`` → ``the old demands``).

- MEA01 ``antonym``: the unexplained target word is a WordNet antonym (lemma antonyms and
  their derivations; an indirect antonym of an adjective cluster only when it is
  opposite two of the source word's renderings) of a rendering of the unrendered source
  word — ``Die Preise stiegen`` → ``Prices fell`` — a mistranslation that says the
  opposite;
- MEA02 ``hypernym``: a source noun (capitalised inside the sentence) is rendered by a
  more general word, up to three levels up (``Turnier`` → ``event``): precision is
  lost. On DEMETR's clean sentences this fires on 9 of 199 (the translator's own
  generalisations: ``Entbindungsarzt`` → ``doctor``), so it is ``info``: shown to the
  editor, never counted. More specific words (hyponyms: ``Passagierflugzeug`` →
  ``airliner``, ``Stadtteil`` → ``borough``) are a translator's normal precision and not
  reported.

A pair negated on one side only is left to POL01: ``nicht gestiegen`` → ``fell`` and
``nicht einfach`` → ``hard`` render a negation by an antonym, and the one-sided negation
is POL01's finding if it is one. A target word that shares a synset with a rendering of
the source word is another sense of it (``vermutlich`` → ``likely``), not its opposite.

Known false positives: free translations whose rendering is opposite to another sense of a
polysemous source word (``mehrere`` → ``few`` ↔ ``many``; ``ersten`` → ``first`` ↔
``second``), the judged precision on professional translations is in docs/accuracy.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, NamedTuple

from qa.checks.base import Check, CheckContext, Example
from qa.lang.dictionary import german_lemma
from qa.lang.function_words import STOPWORDS
from qa.lang.negation import negators
from qa.lang.normalise import fold
from qa.lang.wordnet import FIX, WordNet, load_wordnet
from qa.model import Category, Finding, SegmentPair, Severity
from qa.text import WORD_RE

#: function words that have antonyms a perturbation or an MT error swaps (``more`` ↔
#: ``less``, ``before`` ↔ ``after``): content words for these checks
OPPOSABLE_FUNCTION_WORDS = frozenset({"mehr", "weniger", "vor", "nach", "more", "less",
                                      "before", "after"})
#: renderings of German comparison words the dictionary lacks or buries among others
#: (Ding gives ``mehr`` only as ``increase``, ``augment``)
FUNCTION_RENDERINGS = {"mehr": frozenset({"more"}), "weniger": frozenset({"less", "fewer"}),
                       "vor": frozenset({"before"}), "nach": frozenset({"after"})}
#: English particles a dictionary gives as renderings of German adverbs and separable
#: prefixes (``heraus`` → ``out``): their WordNet antonyms (``out`` ↔ ``in`` and its
#: cluster, ``trendy``, ``made``…) are no evidence about a content word
PARTICLES = frozenset({"in", "out", "up", "down", "on", "off", "over", "under", "through",
                       "away", "back", "about", "around", "along", "forth"})
#: cognates: a source and a target word sharing this many first letters (``Opposition``,
#: ``opposition``) render each other, as in LEX01/LEX02
COGNATE_PREFIX = 4
#: an indirect antonym (an adjective opposite a satellite of the word's antonym:
#: ``verletzt`` → ``injured`` ↔ ``unharmed``) counts when it is opposite this many of the
#: source word's renderings: one is mostly another sense (``mehrere`` → ``few`` ↔
#: ``many``); on DEMETR's antonyms and the judged WMT references 19 of 41 and 8 of 81
#: such findings had two or more
INDIRECT_SUPPORT = 2
#: the slot test: one of this many source content words either side of the source word
#: is rendered by a target word within TARGET_WINDOW tokens of the target word
#: (``die neuen Forderungen`` → ``the old demands``: ``Forderungen`` → ``demands``).
#: Without it, DEMETR's 100 antonyms gave 44 hits and the judged WMT references 178
#: findings (all but one false); with it 40 and 81
SOURCE_CONTEXT = 2
TARGET_WINDOW = 3
#: a negator this close to a word (characters, about five words) negates it: a pair of
#: paragraphs may have negations elsewhere on both sides and still render ``nicht
#: möglich`` by ``impossible``
NEGATION_REACH = 30
#: words shorter than this are not judged (too many senses, abbreviations)
MIN_LETTERS = 3

_TOY_LEXICON = (
    {"de": "Preise", "en": "prices"}, {"de": "stiegen", "en": "rose|climbed"},
    {"de": "Regierung", "en": "government"}, {"de": "Turnier", "en": "tournament"},
    {"de": "verletzt", "en": "injured|hurt"}, {"de": "Mann", "en": "man"},
    {"de": "begann", "en": "began|started"}, {"de": "Spiel", "en": "game|match"},
    {"de": "wurde", "en": "was|became"}, {"de": "abgesagt", "en": "cancelled|called off"},
)


class Word(NamedTuple):
    """A word token and its character offsets in the pair's text (a named tuple: a
    20,000-sentence pair makes millions of them)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Substitution:
    """A source word not rendered and the target word that stands where its translation
    would: ``relation`` is what the target word is to the translation ``rendering``."""

    source: Word
    target: Word
    rendering: str
    relation: str  # "antonym" | "hypernym"


@lru_cache(maxsize=1 << 16)
def _content(word: str) -> bool:
    low = word.lower()
    return len(word) >= MIN_LETTERS and (low not in STOPWORDS or low in OPPOSABLE_FUNCTION_WORDS)


def _tokens(text: str) -> list[Word]:
    return [Word(m.group(0), m.start(), m.end()) for m in WORD_RE.finditer(text)]


def _lemmas(renderings: Iterable[str], wordnet: WordNet) -> frozenset[str]:
    """Dictionary renderings with the lemmas they may be forms of: Ding pairs inflected
    forms too (``stieg`` → ``rose``, a form of ``rise``)."""
    return frozenset().union(*(wordnet.lemma_stems(r) for r in renderings), frozenset())


@lru_cache(maxsize=1 << 16)
def renderings_of(word: str, lexicon, wordnet: WordNet) -> frozenset[str]:
    """The English lemma stems a German word may be translated by: the dictionary's
    renderings of the word and of its lemma (``begann`` → ``beginnen``, ``wichtigsten``
    → ``wichtig``: the dictionary's light stemmer misses strong and superlative forms),
    and of :data:`FUNCTION_RENDERINGS`."""
    found = set(lexicon.translations(word))
    lemma = german_lemma(word)
    if lemma != word:
        found |= lexicon.translations(lemma)
    found |= FUNCTION_RENDERINGS.get(word.lower(), frozenset())
    return _lemmas(found, wordnet)


def substitutions(source: str, target: str, lexicon, wordnet: WordNet,
                  relations: frozenset[str]) -> list[Substitution]:
    """The substitutions of ``relations`` in one pair: each unexplained target word
    related to a translation of an unrendered source word (one per target word).

    A target word renders the source words whose renderings include it, and of those
    only the most specific (fewest renderings): ``regional`` renders ``regionale`` (2
    renderings), not also ``lokalen`` (10), which then stays unrendered; and of a word
    the source repeats, one occurrence, the one nearest in relative place (``mehr als
    272.000 … mehr als 28.000`` → ``less than 272,000 … more than 28,000``)."""
    src, tgt = _tokens(source), _tokens(target)
    tgt_lemmas = {w: wordnet.lemma_stems(w.text) for w in tgt}
    position = {w: k for k, w in enumerate(src)}
    tgt_folds = {fold(w.text) for w in tgt}
    tgt_prefixes = {fold(w.text)[:COGNATE_PREFIX] for w in tgt if len(w.text) > COGNATE_PREFIX}
    src_folds = {fold(w.text) for w in src}
    src_prefixes = {fold(w.text)[:COGNATE_PREFIX] for w in src if len(w.text) > COGNATE_PREFIX}
    renderings = {w: renderings_of(w.text, lexicon, wordnet) for w in src}
    every_rendering = frozenset().union(*renderings.values(), frozenset())
    # source words by rendering: the words a target word may render, without testing
    # every source word against every target word
    by_rendering: dict[str, list[Word]] = {}
    for w in src:
        for r in renderings[w]:
            by_rendering.setdefault(r, []).append(w)

    rendered_by_target: set[Word] = set()
    for t in tgt:
        candidates = sorted({w for lemma in tgt_lemmas[t] for w in by_rendering.get(lemma, ())},
                            key=position.__getitem__) if _content(t.text) else []
        if candidates:
            fewest = min(len(renderings[w]) for w in candidates)
            specific = {fold(w.text) for w in candidates if len(renderings[w]) == fewest}
            for form in specific:  # of repeated words, the occurrence nearest in place
                nearest = min((w for w in candidates
                               if fold(w.text) == form and w not in rendered_by_target),
                              key=lambda w: abs(w.start / len(source) - t.start / len(target)),
                              default=None)
                if nearest is not None:
                    rendered_by_target.add(nearest)

    def rendered(w: Word) -> bool:
        return w in rendered_by_target or fold(w.text) in tgt_folds or (
            len(w.text) > COGNATE_PREFIX and fold(w.text)[:COGNATE_PREFIX] in tgt_prefixes)

    def explained(w: Word) -> bool:
        return bool(tgt_lemmas[w] & every_rendering) or fold(w.text) in src_folds or (
            len(w.text) > COGNATE_PREFIX and fold(w.text)[:COGNATE_PREFIX] in src_prefixes)

    unrendered = [w for w in src if _content(w.text) and renderings[w] and not rendered(w)]
    unexplained = [w for w in tgt if _content(w.text) and not explained(w)]
    if not unrendered or not unexplained:
        return []
    src_content = [w for w in src if _content(w.text)]

    def renders(s: Word, t: Word) -> bool:
        return bool(renderings[s] & tgt_lemmas[t]) or fold(s.text) == fold(t.text) or (
            len(s.text) > COGNATE_PREFIX and len(t.text) > COGNATE_PREFIX
            and fold(s.text)[:COGNATE_PREFIX] == fold(t.text)[:COGNATE_PREFIX])

    def anchored(s: Word, t: Word) -> bool:
        i, j = src_content.index(s), tgt.index(t)
        context = src_content[max(0, i - SOURCE_CONTEXT):i] + \
            src_content[i + 1:i + 1 + SOURCE_CONTEXT]
        window = [w for w in tgt[max(0, j - TARGET_WINDOW):j] + tgt[j + 1:j + 1 + TARGET_WINDOW]
                  if _content(w.text)]
        return any(renders(a, b) for a in context for b in window)

    found = []
    for t in unexplained:
        match = next((m for m in _related(t, tgt_lemmas[t], unrendered, renderings, wordnet,
                                          relations) if anchored(m.source, t)), None)
        if match:
            found.append(match)
    return found


def _related(t: Word, lemmas: frozenset[str], unrendered: list[Word], renderings,
             wordnet: WordNet, relations: frozenset[str]) -> Iterator[Substitution]:
    """The unrendered source words ``t`` stands in ``relations`` to, with the rendering
    that relates them (the first in alphabetical order)."""
    near = lemmas | frozenset().union(*map(wordnet.synonyms, lemmas))
    for s in unrendered:
        if near & renderings[s]:
            continue  # a synonym of one of its renderings: another sense of the word
        reach = _reach(renderings[s], wordnet)
        if not (lemmas & reach):
            continue  # opposite or more general than none of its renderings (most words)
        options = sorted(renderings[s] - PARTICLES)
        if "antonym" in relations:
            direct = [r for r in options if lemmas & wordnet.antonyms(r)]
            indirect = [r for r in options if lemmas & wordnet.indirect_antonyms(r)]
            if direct or len(indirect) >= INDIRECT_SUPPORT:
                yield Substitution(s, t, (direct or indirect)[0], "antonym")
                continue
        if not s.text[0].isupper() or s.start == 0:
            continue  # generalisations are judged on nouns: a capitalised word inside the sentence
        for rendering in options:
            if "hypernym" in relations and lemmas & wordnet.hypernyms(rendering):
                yield Substitution(s, t, rendering, "hypernym")
                break


@lru_cache(maxsize=1 << 15)
def _reach(renderings: frozenset[str], wordnet: WordNet) -> frozenset[str]:
    """Every stem any relation may lead to from these renderings (antonyms, indirect
    antonyms, hypernyms): a target word outside it stands in no relation to them."""
    out: set[str] = set()
    for r in renderings - PARTICLES:
        out |= wordnet.antonyms(r) | wordnet.indirect_antonyms(r) | wordnet.hypernyms(r)
    return frozenset(out)


def _negated(word: Word, found: list, after: bool) -> bool:
    """A negator within :data:`NEGATION_REACH` characters before the word, or ``after``
    it too (German negates a verb after it: ``stiegen nicht``; English ``impossible to
    run without issues`` is no negated ``impossible``)."""
    return any(n.end >= word.start - NEGATION_REACH
               and (n.start < word.start or after and n.start <= word.end + NEGATION_REACH)
               for n in found)


class _Substitution(Check):
    needs_lexicon = True
    relations: frozenset[str] = frozenset()

    def skip_reason(self, ctx: CheckContext) -> str | None:
        if ctx.lang.lexicon is None:
            return ("no German–English lexicon: install Debian's trans-de-en "
                    "(/usr/share/trans/de-en) or set lexicon = FILE")
        if load_wordnet() is None:
            return FIX
        return None

    def prepare(self, ctx: CheckContext) -> None:
        self._wordnet = load_wordnet()

    def check(self, pair: SegmentPair, ctx: CheckContext) -> Iterator[Finding]:
        if not pair.source or not pair.target:
            return
        source, target = pair.source_text, pair.target_text
        source_negators, target_negators = negators(source, "de"), negators(target, "en")
        if bool(source_negators) != bool(target_negators):
            return  # an antonym may render a negation; a one-sided one is POL01's
        for found in substitutions(source, target, ctx.lang.lexicon, self._wordnet,
                                   self.relations):
            if _negated(found.source, source_negators, after=True) != \
                    _negated(found.target, target_negators, after=False):
                continue  # nicht möglich → impossible, in a paragraph negated elsewhere too
            yield self.finding(
                self.message(found),
                source_span=pair.in_source(found.source.start, found.source.end),
                target_span=pair.in_target(found.target.start, found.target.end),
                segment=pair.id, kind=found.relation,
                data={"source_word": found.source.text, "target_word": found.target.text,
                      "expected": found.rendering, "relation": found.relation})

    def message(self, found: Substitution) -> str:
        raise NotImplementedError


class AntonymSubstitution(_Substitution):
    """A translation word says the opposite of a source word that is not rendered."""

    code = "MEA01"
    name = "meaning.antonym"
    category = Category.MISTRANSLATION
    severity = Severity.MAJOR
    summary = ("A translation word is the opposite (a WordNet antonym) of a dictionary "
               "translation of a source word that is not rendered.")
    relations = frozenset({"antonym"})
    examples = (
        Example.bad("Die Preise stiegen.", "The prices ⟦fell⟧.",
                    termbase=_TOY_LEXICON, config={"lexicon": "none"}),
        Example.bad("Der Mann wurde verletzt.", "The man was ⟦uninjured⟧.",
                    termbase=_TOY_LEXICON, config={"lexicon": "none"}),
        Example.good("Die Preise stiegen.", "The prices rose.",
                     termbase=_TOY_LEXICON, config={"lexicon": "none"}),
        Example.good("Die Preise stiegen nicht.", "The prices fell.",
                     note="a negation rendered by an antonym: POL01's pair, not this one",
                     termbase=_TOY_LEXICON, config={"lexicon": "none"}),
    )

    def message(self, found: Substitution) -> str:
        return (f"{found.target.text!r} is the opposite of {found.rendering!r}, a translation "
                f"of {found.source.text!r}, which the translation does not render")


class HypernymSubstitution(_Substitution):
    """A translation word is a more general word than a source noun that is not
    rendered: the translation is vaguer than the source."""

    code = "MEA02"
    name = "meaning.hypernym"
    category = Category.MISTRANSLATION
    severity = Severity.INFO
    summary = ("A translation word is a more general word (a WordNet hypernym) than a "
               "dictionary translation of a source noun that is not rendered.")
    relations = frozenset({"hypernym"})
    examples = (
        Example.bad("Die Regierung begann das Turnier.", "The government started the ⟦event⟧.",
                    termbase=_TOY_LEXICON, config={"lexicon": "none"}),
        Example.good("Die Regierung begann das Turnier.",
                     "The government started the tournament.",
                     termbase=_TOY_LEXICON, config={"lexicon": "none"}),
    )

    def message(self, found: Substitution) -> str:
        return (f"{found.target.text!r} is more general than {found.rendering!r}, a translation of "
                f"{found.source.text!r}, which the translation does not render")
