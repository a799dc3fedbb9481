"""Meaning substitutions without a neural model: a translation word that is the opposite
(MEA01) or a more general word (MEA02) of what a source word means.

Evidence, per aligned pair: a source content word is *unrendered* when none of its
renderings — the Ding dictionary's translations (:mod:`qa.lang.lexicon`) of the word and
of its lemma — nor its own form or a cognate (a shared four-letter prefix) is in the
translation (a target word renders only the most specific source word it translates, and
one that repeats a part of a hyphenated source word only that word); a
target content word is *unexplained* when it translates, repeats or shares a prefix with
no source word. Target words are read as the WordNet lemmas they may be forms of
(``fell`` → ``fall``, ``stopped`` → ``stop``). WordNet (:mod:`qa.lang.wordnet`,
Debian's ``wordnet-base``) then relates the two, and the relation counts only in the
source word's slot: a source content word next to it is rendered by a target word
near the target word (``die neuen Forderungen`` → ``the old demands``).

- MEA01 ``antonym``: the unexplained target word is a WordNet antonym (lemma antonyms and
  their derivations; an indirect antonym of an adjective cluster only when it is
  opposite two of the source word's renderings, or one and the target word is a negated
  word: ``begrüßte`` → ``uninvited`` ↔ ``welcome``) of a rendering of the unrendered
  source word — ``Die Preise stiegen`` → ``Prices fell`` — or that rendering with a
  negative prefix (``verletzt`` → ``unharmed``: ``un`` + ``harmed``; ``in`` and the other
  prefixes that have other senses only where the dictionary gives the word for the German
  ``un``-word: ``unwichtig`` → ``inconsequential``): a mistranslation that says the
  opposite;
- MEA02 ``hypernym``: a source noun (capitalised inside the sentence) is rendered by a
  more general word, up to three levels up (``Turnier`` → ``event``): precision is
  lost. On DEMETR's clean sentences this fires on 9 of 199 (the translator's own
  generalisations: ``Entbindungsarzt`` → ``doctor``), so it is ``info``: shown to the
  editor, never counted. More specific words (hyponyms: ``Passagierflugzeug`` →
  ``airliner``, ``Stadtteil`` → ``borough``) are a translator's normal precision and not
  reported.

A free translation — a pair whose word alignment links fewer than half the source's
content words (:func:`qa.lang.word_align.free_translation`) — rewords: its substitutions are not
reported (on the WMT references they were false; a real one inside a free translation is
missed with them).

A pair negated on one side only is left to POL01: ``nicht gestiegen`` → ``fell`` and
``nicht einfach`` → ``hard`` render a negation by an antonym, and the one-sided negation
is POL01's finding if it is one. A ``nicht`` after the source word negates it (German
negates a verb after it: ``stiegen nicht``) within its clause only, and not when the word
is an adjective before its noun (``die neuen Forderungen könnten nicht erfüllt werden``
negates ``erfüllt``). A target word that shares a synset with a rendering of
the source word is another sense of it (``vermutlich`` → ``likely``), not its opposite; a
comparative or superlative WordNet lists (``later``, ``best``) is read with its own
synonyms, not its positive degree's (``late`` may mean ``former``).

Known false positives: free translations whose rendering is opposite to another sense of a
polysemous source word (``mehrere`` → ``few`` ↔ ``many``; ``ersten`` → ``first`` ↔
``second``), the judged precision on professional translations is in docs/accuracy.md.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, NamedTuple

from qa.checks.base import Check, CheckContext, Example
from qa.lang import english
from qa.lang.dictionary import german_lemma
from qa.lang.function_words import STOPWORDS
from qa.lang.negation import negators
from qa.lang.normalise import fold
from qa.lang.word_align import free_translation
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
#: a mark that ends a clause: a negator after it is not the word's (:func:`_negated`).
#: Not brackets and dashes: German sets an insertion between them and goes on with the
#: clause (``stiegen – anders als erwartet – nicht``)
CLAUSE_MARK = re.compile(r"[,;:]")
#: words shorter than this are not judged (too many senses, abbreviations)
MIN_LETTERS = 3

_TOY_LEXICON = (
    {"de": "Preise", "en": "prices"}, {"de": "stiegen", "en": "rose|climbed"},
    {"de": "Regierung", "en": "government"}, {"de": "Turnier", "en": "tournament"},
    {"de": "verletzt", "en": "injured|hurt|harmed"}, {"de": "Mann", "en": "man"},
    {"de": "begann", "en": "began|started"}, {"de": "Spiel", "en": "game|match"},
    {"de": "wurde", "en": "was|became"}, {"de": "abgesagt", "en": "cancelled|called off"},
    {"de": "wichtige", "en": "important|consequential"}, {"de": "Frage", "en": "question"},
    {"de": "unwichtig", "en": "unimportant|inconsequential"},
    {"de": "Moderator", "en": "host|presenter"}, {"de": "begrüßte", "en": "welcomed|greeted"},
    {"de": "Gast", "en": "guest"}, {"de": "Reparatur", "en": "repair"},
    {"de": "Stecker", "en": "plug"}, {"de": "ziehen", "en": "pull"},
    {"de": "früher", "en": "earlier|early|former"}, {"de": "Amt", "en": "office"},
    {"de": "Jahr", "en": "year"}, {"de": "neuen", "en": "new"},
    {"de": "Forderungen", "en": "demands"}, {"de": "erfüllt", "en": "met|fulfilled"},
    {"de": "Armut", "en": "poverty"}, {"de": "leben", "en": "live"},
    {"de": "helfen", "en": "help"},
)


class Word(NamedTuple):
    """A word of a substitution and its character offsets in the pair's text (the
    analysis itself reads words by index: :class:`_Analysis`)."""

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


@lru_cache(maxsize=1 << 17)
def _facts(word: str) -> tuple[bool, str, str | None]:
    """What the analysis asks of a word form, once per form: whether it is a content
    word, its fold, and its cognate prefix (None for a word of :data:`COGNATE_PREFIX`
    letters or fewer, which has none)."""
    folded = fold(word)
    return _content(word), folded, folded[:COGNATE_PREFIX] if len(word) > COGNATE_PREFIX else None


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


@lru_cache(maxsize=1 << 14)
def german_negation_renderings(word: str, lexicon) -> frozenset[str]:
    """The dictionary's renderings of the German ``un``-word of ``word`` (``verletzt`` →
    ``unverletzt`` → ``unharmed``, ``wichtigen`` → ``unwichtig`` → ``inconsequential``):
    the English words that say the word's opposite by negating it."""
    low = word.lower()
    if low.startswith("un") or len(word) < MIN_LETTERS:
        return frozenset()
    found: set[str] = set()
    for form in {word, german_lemma(word)}:
        negated = ("Un" if form[:1].isupper() else "un") + form[:1].lower() + form[1:]
        found |= lexicon.translations(negated)
    return frozenset(found)


def negated_rendering(lemmas: frozenset[str], renderings: frozenset[str],
                      dictionary_negations) -> str | None:
    """The rendering a target word negates by a prefix
    (:data:`english.NEGATIVE_PREFIXES`), or None: ``unharmed`` is ``un`` + ``harmed``, a
    rendering of ``verletzt``. A prefix of :data:`english.PLAIN_NEGATIVE_PREFIXES` is
    enough; another (``in``: ``income``) counts only
    when ``dictionary_negations()`` — the renderings of the German ``un``-word
    (:func:`german_negation_renderings`), asked for only then — include the target word."""
    for lemma, prefix, base in _prefixed(lemmas):
        if base in renderings and (prefix in english.PLAIN_NEGATIVE_PREFIXES
                                   or lemma in dictionary_negations()):
            return base
    return None


@lru_cache(maxsize=1 << 16)
def _prefixed(lemmas: frozenset[str]) -> tuple[tuple[str, str, str], ...]:
    """Each way a target word's lemmas split into a negative prefix and a base of at
    least :data:`english.MIN_NEGATED_BASE` letters, the longest lemma (the word itself)
    first; empty for most words, once per word."""
    return tuple((lemma, prefix, lemma[len(prefix):])
                 for lemma in sorted(lemmas, key=lambda lemma: (-len(lemma), lemma))
                 for prefix in english.NEGATIVE_PREFIXES
                 if lemma.startswith(prefix)
                 and len(lemma) - len(prefix) >= english.MIN_NEGATED_BASE)


def _negated_word(lemmas: frozenset[str], wordnet: WordNet) -> bool:
    """A target word made of a plain negative prefix and a word WordNet knows
    (``uninvited``: ``un`` + ``invited``; not ``united``, ``uniform``)."""
    for lemma in lemmas:
        for prefix in english.PLAIN_NEGATIVE_PREFIXES:
            base = lemma[len(prefix):]
            if lemma.startswith(prefix) and len(base) >= english.MIN_NEGATED_BASE and any(
                    wordnet.synonyms(b) or wordnet.antonyms(b) or wordnet.hypernyms(b)
                    or wordnet.indirect_antonyms(b) for b in wordnet.lemma_stems(base)):
                return True
    return False


class _Analysis:
    """One pair read for substitutions, before any relation is tested: its words (by
    index; :class:`Word` offsets only for the words a finding names), the renderings of
    the source words, the lemmas of the target content words, and the two lists the
    relations are tested between. Shared by MEA01 and MEA02 (:func:`by_relation`)."""

    __slots__ = ("source", "target", "src_words", "tgt_words", "src_facts", "tgt_facts",
                 "renderings", "tgt_lemmas", "unrendered", "unexplained", "wordnet",
                 "lexicon", "src_content", "_spans")

    def __init__(self, source: str, target: str, src_words: list[str], tgt_words: list[str],
                 src_facts: list, tgt_facts: list, renderings: list[frozenset[str]],
                 tgt_lemmas: dict[int, frozenset[str]], wordnet: WordNet, lexicon) -> None:
        self.source, self.target = source, target
        self.lexicon = lexicon
        self.src_words, self.tgt_words = src_words, tgt_words
        self.src_facts, self.tgt_facts = src_facts, tgt_facts
        self.renderings, self.tgt_lemmas, self.wordnet = renderings, tgt_lemmas, wordnet
        self.unrendered: list[int] = []
        self.unexplained: list[int] = []
        #: the source content words (indices, in order), for the slot test
        self.src_content = [k for k, facts in enumerate(src_facts) if facts[0]]
        self._spans: dict[str, list[tuple[int, int]]] = {}

    def span(self, side: str, k: int) -> tuple[int, int]:
        """The offsets of word ``k`` of ``side`` ("source" or "target"): the words are
        found with the same pattern, so the k-th match is the k-th word."""
        if side not in self._spans:
            text = self.source if side == "source" else self.target
            self._spans[side] = [m.span() for m in WORD_RE.finditer(text)]
        return self._spans[side][k]

    def word(self, side: str, k: int) -> Word:
        words = self.src_words if side == "source" else self.tgt_words
        return Word(words[k], *self.span(side, k))

    def negates(self, i: int, j: int) -> str | None:
        """The rendering of source word ``i`` that target word ``j`` negates by a prefix
        (:func:`negated_rendering`), or None. Not for a capitalised source word: a German
        noun, and English ``un`` on a noun makes a verb of removal, no negation (``Stecker
        ziehen`` → ``unplug``; ``unmask``, ``unearth``)."""
        if not _prefixed(self.tgt_lemmas[j]) or self.src_words[i][:1].isupper():
            return None
        return negated_rendering(self.tgt_lemmas[j], self.renderings[i], lambda: (
            german_negation_renderings(self.src_words[i], self.lexicon)))


def _analyse(source: str, target: str, lexicon, wordnet: WordNet) -> _Analysis | None:
    """The pair's unrendered source content words and unexplained target content words
    (see :func:`substitutions`), or None when either list is empty (most pairs): then
    no relation can be found.

    A target word renders the source words whose renderings include it, and of those
    only the most specific (fewest renderings): ``regional`` renders ``regionale`` (2
    renderings), not also ``lokalen`` (10), which then stays unrendered; and of a word
    the source repeats, one occurrence, the one nearest in relative place (``mehr als
    272.000 … mehr als 28.000`` → ``less than 272,000 … more than 28,000``)."""
    tgt_words = WORD_RE.findall(target)
    tgt_facts = [_facts(w) for w in tgt_words]
    tgt_content = [j for j, facts in enumerate(tgt_facts) if facts[0]]
    if not tgt_content:
        return None
    src_words = WORD_RE.findall(source)
    src_facts = [_facts(w) for w in src_words]
    tgt_lemmas = {j: wordnet.lemma_stems(tgt_words[j]) for j in tgt_content}
    renderings = [renderings_of(w, lexicon, wordnet) for w in src_words]
    # source words (indices, in order) by rendering, for the renderings a target
    # content word may be a form of: the words a target word may render, without
    # testing every source word against every target word
    wanted = frozenset().union(*tgt_lemmas.values())
    by_rendering: dict[str, list[int]] = {}
    for i, options in enumerate(renderings):
        for lemma in wanted.intersection(options):
            by_rendering.setdefault(lemma, []).append(i)

    # explained: translates (a lemma is a rendering of some source word), repeats or
    # shares a prefix with a source word
    src_folds = {facts[1] for facts in src_facts}
    src_prefixes = {facts[2] for facts in src_facts if facts[2] is not None}
    unexplained = [j for j in tgt_content
                   if not any(lemma in by_rendering for lemma in tgt_lemmas[j])
                   and tgt_facts[j][1] not in src_folds
                   and (tgt_facts[j][2] is None or tgt_facts[j][2] not in src_prefixes)]
    if not unexplained:
        return None
    analysis = _Analysis(source, target, src_words, tgt_words, src_facts, tgt_facts,
                         renderings, tgt_lemmas, wordnet, lexicon)
    rendered_by_target = _rendered_by_target(analysis, tgt_content, by_rendering)
    tgt_folds = {facts[1] for facts in tgt_facts}
    tgt_prefixes = {facts[2] for facts in tgt_facts if facts[2] is not None}
    unrendered = [i for i, (content, folded, prefix) in enumerate(src_facts)
                  if content and renderings[i] and i not in rendered_by_target
                  and folded not in tgt_folds and (prefix is None or prefix not in tgt_prefixes)]
    if not unrendered:
        return None
    # the target words some relation of an unrendered word's renderings reaches, or that
    # negate one of them: the only ones a relation can be found for (in most pairs none)
    analysis.unrendered = unrendered
    reaches = [_reach(renderings[i], wordnet) for i in unrendered]
    unexplained = [j for j in unexplained if not all(map(tgt_lemmas[j].isdisjoint, reaches))
                   or _prefixed(tgt_lemmas[j]) and any(analysis.negates(i, j) for i in unrendered)]
    if not unexplained:
        return None
    analysis.unrendered, analysis.unexplained = unrendered, unexplained
    return analysis


def _rendered_by_target(analysis: _Analysis, tgt_content: list[int],
                        by_rendering: dict[str, list[int]]) -> set[int]:
    """The source words (indices) a target content word renders: of the candidates
    (source words with one of its lemmas among their renderings) those with the fewest
    renderings, and of each such form the occurrence nearest in relative place. A target
    word that repeats a part of a hyphenated source word renders that word, no other
    (``Top-Musiker … besten`` → ``Top musicians … worst``: ``Top`` is not ``besten``)."""
    renderings, src_facts = analysis.renderings, analysis.src_facts
    rendered: set[int] = set()
    parts = {fold(part) for word in analysis.src_words if "-" in word
             for part in word.split("-") if part} if "-" in analysis.source else set()
    for j in tgt_content:
        if analysis.tgt_facts[j][1] in parts:
            continue
        candidates = sorted({i for lemma in analysis.tgt_lemmas[j]
                             for i in by_rendering.get(lemma, ())})
        if not candidates:
            continue
        fewest = min(len(renderings[i]) for i in candidates)
        specific = {src_facts[i][1] for i in candidates if len(renderings[i]) == fewest}
        for form in specific:  # of repeated words, the occurrence nearest in place
            options = [i for i in candidates if src_facts[i][1] == form and i not in rendered]
            if len(options) > 1:  # (offsets only for a repeated word: most have one)
                place = analysis.span("target", j)[0] / len(analysis.target)
                options = [min(options, key=lambda i: abs(
                    analysis.span("source", i)[0] / len(analysis.source) - place))]
            rendered.update(options)
    return rendered


def _found(analysis: _Analysis, relations: frozenset[str]) -> list[Substitution]:
    """The substitutions of ``relations`` in an analysed pair: for each unexplained
    target word the first unrendered source word it is related to whose slot it stands
    in (:func:`_anchored`)."""
    found = []
    for j in analysis.unexplained:
        match = next(((i, rendering, relation) for i, rendering, relation
                      in _related(analysis, j, relations) if _anchored(analysis, i, j)), None)
        if match:
            i, rendering, relation = match
            found.append(Substitution(analysis.word("source", i), analysis.word("target", j),
                                      rendering, relation))
    return found


def _renders(analysis: _Analysis, i: int, j: int) -> bool:
    """Source word ``i`` is translated, repeated or shares a prefix with target word ``j``."""
    (_, src_fold, src_prefix), (_, tgt_fold, tgt_prefix) = \
        analysis.src_facts[i], analysis.tgt_facts[j]
    return bool(analysis.renderings[i] & analysis.tgt_lemmas[j]) or src_fold == tgt_fold or (
        src_prefix is not None and src_prefix == tgt_prefix)


def _anchored(analysis: _Analysis, i: int, j: int) -> bool:
    """The slot test (:data:`SOURCE_CONTEXT`, :data:`TARGET_WINDOW`): a source content
    word next to ``i`` is rendered by a target content word near ``j``."""
    src_content = analysis.src_content
    k = bisect_left(src_content, i)  # (i is a content word: it is there)
    context = src_content[max(0, k - SOURCE_CONTEXT):k] + src_content[k + 1:k + 1 + SOURCE_CONTEXT]
    near = [*range(max(0, j - TARGET_WINDOW), j),
            *range(j + 1, min(len(analysis.tgt_words), j + 1 + TARGET_WINDOW))]
    window = [w for w in near if analysis.tgt_facts[w][0]]
    return any(_renders(analysis, a, b) for a in context for b in window)


def substitutions(source: str, target: str, lexicon, wordnet: WordNet,
                  relations: frozenset[str]) -> list[Substitution]:
    """The substitutions of ``relations`` in one pair: each unexplained target word
    related to a translation of an unrendered source word (one per target word); see
    :func:`_analyse` for which words are which."""
    analysis = _analyse(source, target, lexicon, wordnet)
    return [] if analysis is None else _found(analysis, relations)


#: the relations MEA01 and MEA02 test, each on its own (a target word may give both)
RELATIONS = (frozenset({"antonym"}), frozenset({"hypernym"}))


def by_relation(source: str, target: str, lexicon, wordnet: WordNet) -> tuple[Substitution, ...]:
    """The substitutions of each relation of :data:`RELATIONS` in one pair, each found
    as :func:`substitutions` finds it for that relation alone: the pair is analysed
    once for both checks (the empty tuple for most pairs)."""
    analysis = _analyse(source, target, lexicon, wordnet)
    if analysis is None:
        return ()
    return tuple(found for relations in RELATIONS for found in _found(analysis, relations))


def _related(analysis: _Analysis, j: int, relations: frozenset[str]
             ) -> Iterator[tuple[int, str, str]]:
    """The unrendered source words (indices) target word ``j`` stands in ``relations``
    to, with the rendering that relates them (the first in alphabetical order) and the
    relation."""
    lemmas, wordnet = analysis.tgt_lemmas[j], analysis.wordnet
    near = None  # the lemmas and their synonyms, only for a word some relation reaches
    for i in analysis.unrendered:
        renderings = analysis.renderings[i]
        negated = analysis.negates(i, j) if "antonym" in relations else None
        if negated is None and lemmas.isdisjoint(_reach(renderings, wordnet)):
            continue  # opposite or more general than none of its renderings (most words)
        if near is None:
            near = _senses(analysis.tgt_words[j], lemmas, wordnet)
        if not near.isdisjoint(renderings):
            continue  # a synonym of one of its renderings: another sense of the word
        options = sorted(renderings - PARTICLES)
        if "antonym" in relations:
            if negated is not None:
                yield i, negated, "antonym"
                continue
            direct = [r for r in options if lemmas & wordnet.antonyms(r)]
            indirect = [r for r in options if lemmas & wordnet.indirect_antonyms(r)]
            # one indirect antonym is mostly another sense (mehrere → few ↔ many), unless
            # the target word is a negated word (begrüßt → uninvited ↔ welcome)
            if direct or len(indirect) >= INDIRECT_SUPPORT or (
                    indirect and _negated_word(lemmas, wordnet)):
                yield i, (direct or indirect)[0], "antonym"
                continue
        if not analysis.src_words[i][0].isupper() or i == 0 and analysis.span("source", 0)[0] == 0:
            continue  # generalisations are judged on nouns: a capitalised word inside the sentence
        for rendering in options:
            if "hypernym" in relations and lemmas & wordnet.hypernyms(rendering):
                yield i, rendering, "hypernym"
                break


def _senses(word: str, lemmas: frozenset[str], wordnet: WordNet) -> frozenset[str]:
    """The lemmas of a target word and the words it may mean (their synonyms), for the
    test that it is another sense of a rendering. A comparative or superlative that
    WordNet lists as a word of its own (``later``, ``best``) has its own senses, not
    every one of its positive degree's: ``later`` is not ``former`` as ``late`` may be,
    ``best`` not ``serious`` as ``good`` may be; so those are left out. A regular form that
    is a noun in WordNet (it has hypernyms) is no comparison: ``former``, ``number``,
    ``player`` keep their lemmas' senses."""
    form = english.stem(word.lower())
    if form in lemmas and wordnet.synonyms(form) and (
            form in english.IRREGULAR_COMPARISON or not wordnet.hypernyms(form)):
        lemmas = frozenset(lemma for lemma in lemmas if not english.positive_degree(form, lemma))
    return lemmas.union(*map(wordnet.synonyms, lemmas))


@lru_cache(maxsize=1 << 15)
def _reach(renderings: frozenset[str], wordnet: WordNet) -> frozenset[str]:
    """Every stem any relation may lead to from these renderings (antonyms, indirect
    antonyms, hypernyms): a target word outside it stands in no relation to them."""
    out: set[str] = set()
    for r in renderings - PARTICLES:
        out |= wordnet.antonyms(r) | wordnet.indirect_antonyms(r) | wordnet.hypernyms(r)
    return frozenset(out)


def _negated(word: Word, found: list, after: bool, text: str = "") -> bool:
    """A negator within :data:`NEGATION_REACH` characters before the word, or ``after``
    it too (German negates a verb after it: ``stiegen nicht``; English ``impossible to
    run without issues`` is no negated ``impossible``) in the same clause: a negator
    after a clause mark of ``text`` (:data:`CLAUSE_MARK`) negates the next clause (``in
    Armut leben, können wir nicht``)."""
    return any(n.end >= word.start - NEGATION_REACH
               and (n.start < word.start or after and n.start <= word.end + NEGATION_REACH
                    and not CLAUSE_MARK.search(text, word.end, n.start))
               for n in found)


#: the next word of a text after a word: whether it is capitalised (a German noun)
_NEXT_WORD = re.compile(r"\s+(\w)")


def _attributive(word: Word, text: str) -> bool:
    """A German adjective before its noun (``die neuen Forderungen``): a lower-case word
    followed by a capitalised one, not a verb form (``stiegen Anfang Mai`` is
    ``steigen``'s). A ``nicht`` after its noun phrase negates the clause's verb (``die
    neuen Forderungen könnten nicht erfüllt werden``), not the adjective."""
    following = _NEXT_WORD.match(text, word.end)
    if not word.text[:1].islower() or following is None or not following.group(1).isupper():
        return False
    lemma = german_lemma(word.text)
    return not (lemma.islower() and lemma.endswith(("en", "ern", "eln")))


class _Substitution(Check):
    needs_lexicon = True
    relations: frozenset[str] = frozenset()

    def skip_reason(self, ctx: CheckContext) -> str | None:
        reason = super().skip_reason(ctx)  # the lexicon
        if reason is None and load_wordnet() is None:
            return FIX
        return reason

    def prepare(self, ctx: CheckContext) -> None:
        self._wordnet = load_wordnet()

    def check(self, pair: SegmentPair, ctx: CheckContext) -> Iterator[Finding]:
        if not pair.source or not pair.target:
            return
        source, target = pair.source_text, pair.target_text
        # (shared: POL01 and the other relation's check read the same)
        source_negators = ctx.shared(negators, source, "de")
        target_negators = ctx.shared(negators, target, "en")
        if bool(source_negators) != bool(target_negators):
            return  # an antonym may render a negation; a one-sided one is POL01's
        free = None
        for found in ctx.shared(by_relation, source, target, ctx.lang.lexicon, self._wordnet):
            if found.relation not in self.relations:
                continue
            if free is None:  # (aligned only for the few pairs with a substitution)
                free = free_translation(source, target, ctx.lang.lexicon)
            if free:
                return  # a free translation rewords: its substitutions are no evidence
            if _negated(found.source, source_negators, after=not _attributive(found.source, source),
                        text=source) != \
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
        Example.bad("Der Mann wurde verletzt.", "The man was ⟦unharmed⟧.",
                    note="un + harmed, a rendering of verletzt: WordNet puts unharmed and "
                         "injured in two clusters, the prefix says not",
                    termbase=_TOY_LEXICON, config={"lexicon": "none"}),
        Example.bad("Das ist eine wichtige Frage.", "That is an ⟦inconsequential⟧ question.",
                    note="in + consequential, and the dictionary gives it for unwichtig",
                    termbase=_TOY_LEXICON, config={"lexicon": "none"}),
        Example.bad("Der Moderator begrüßte den Gast.", "The host ⟦uninvited⟧ the guest.",
                    note="one indirect antonym (of welcome) counts for a negated word",
                    termbase=_TOY_LEXICON, config={"lexicon": "none"}),
        Example.bad("Er trat das Amt früher im Jahr an.", "He took office ⟦later⟧ in the year.",
                    note="later is no former, as late may be: a compared form's own senses",
                    termbase=_TOY_LEXICON, config={"lexicon": "none"}),
        Example.bad("Die neuen Forderungen könnten nicht erfüllt werden.",
                    "The ⟦old⟧ demands could not be met.",
                    note="the nicht after the noun phrase negates erfüllt, not neuen",
                    termbase=_TOY_LEXICON, config={"lexicon": "none"}),
        Example.bad("Viele leben in Armut, wir können nicht helfen.",
                    "Many live in ⟦wealth⟧, we cannot help.",
                    note="the nicht after the comma negates the next clause",
                    termbase=_TOY_LEXICON, config={"lexicon": "none"}),
        Example.good("Vor der Reparatur den Stecker ziehen.", "Unplug before the repair.",
                     note="un on a noun's rendering makes a verb of removal, no negation",
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
