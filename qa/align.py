"""Paragraph-aware n:m sentence alignment by banded dynamic programming.

Beads 1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 1-3 and 3-1. A bead's cost adds up:

* a prior per bead type (1-1 common, null beads rare);
* Gale–Church length cost, with the target/source character ratio estimated from the
  documents themselves (German runs longer than English);
* cross-language anchors: numbers normalised across conventions (``4,2`` = ``4.2``,
  ``3.200`` = ``3,200``), identical tokens such as names, question marks and quotes —
  shared anchors lower the cost, anchors left unmatched inside a bead raise it;
* word-translation evidence from a bilingual :class:`~qa.lang.lexicon.Lexicon` (the Ding
  dictionary by default, plus the termbase), weighted like Hunalign's dictionary: the
  share of a bead's rare dictionary words matched across lowers its cost, a share near
  zero raises it, and each member of a 2-1 or 1-2 bead must find its own counterpart;
* paragraph structure: a bead that straddles a paragraph break, or starts a paragraph on
  one side only, pays a penalty.

The DP runs row by row (one row per source sentence) inside a band of target positions
centred on the character-proportional diagonal; rows are vectorised with numpy, and the
same-row 0-1 recurrence is a prefix-minimum scan. If the best path touches the band edge
the band is doubled and the DP rerun, so the result equals the unbanded optimum whenever
the band did not constrain it. Time and memory grow with ``sentences × band``.

Features (anchors, dictionary words, English stems) are interned to integer ids once and
kept per sentence as ragged integer arrays (:class:`_Rows`), not as sets of strings. The
similarity of two sentences inside the band — shared anchors, source words with a
translation in the target, target stems the source offers — is read from sorted inverted
indexes of the target side (one ``searchsorted`` per source feature, summed with
``bincount``), block by block of ``DP_BLOCK_ROWS`` rows as the DP reaches them, so memory
holds the ``sentences × band`` DP tables and one block's costs (100,000 sentences: about
350 MB in all).

A target that is a different article altogether is recognised from the documents' anchor
overlap; the caller then reports one critical finding instead of hundreds.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from itertools import chain
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from qa.lang import english
from qa.lang.lexicon import Lexicon
from qa.model import Document, SegmentPair
from qa.lang.function_words import STOPWORDS
from qa.lang.normalise import fold
from qa.lang.quantities import anchor_numbers
from qa.text import words

BEADS: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (1, 3),
                                      (3, 1), (2, 0), (3, 0), (0, 2), (0, 3))
# 2-0, 3-0, 0-2, 0-3 exist so that a dropped or added run of sentences inside one
# paragraph is one event, not three independent ones; they are reported as 1-0/0-1 beads.
BEAD_PRIOR = {(1, 1): 0.89, (1, 0): 0.01, (0, 1): 0.01, (2, 1): 0.04, (1, 2): 0.04,
              (2, 2): 0.003, (1, 3): 0.004, (3, 1): 0.004,
              (2, 0): 0.002, (3, 0): 0.0005, (0, 2): 0.002, (0, 3): 0.0005}
# Characters of English per character of German in human news translation (WMT21–22
# references: 0.97); blended with each document's own ratio, weighted by its size.
PRIOR_RATIO, PRIOR_RATIO_CHARS = 0.97, 2000.0


@dataclass(frozen=True)
class AlignParams:
    """Tunable weights of the alignment cost (defaults tuned on corpora/ and synthetic data)."""

    # Variance of (lt - r·ls) per character. Gale–Church used 6.8 for Hansard; WMT22
    # de→en human references give a mean of 1.4, so 2.0 keeps real variation cheap while
    # making a sentence that silently vanished into a merge expensive.
    variance: float = 2.0
    anchor_match: float = 1.2      # cost reduction per unit of shared anchor weight
    anchor_miss: float = 0.6       # cost per unit of anchor weight unmatched inside a bead
    anchor_null: float = 0.15      # cost per unit of anchor weight in a 1-0/0-1 bead
    absent_numbers: float = 1.0    # null-bead discount per number missing from the other side
    absent_cap: float = 3.0
    # Word-translation evidence (see _lexical_evidence): a bead's share of matched weight
    # gives a reduction up to lexicon_match at lexicon_full_share and above, a penalty up
    # to lexicon_miss at no match, none at lexicon_pivot; both scaled by how much evidence
    # the bead holds (full at lexicon_evidence). Measured with the Ding dictionary on the
    # perturbed WMT21/22 documents of benchmarks/alignment_peers.py, gold 1-1 beads
    # against the wrong pairs next to them: on true 1-1 beads with ≥ 4 units of expected
    # weight the median share is 0.6 and 0.2 % are below 0.05; on neighbouring wrong
    # pairs the median is 0 and 68 % are below 0.05.
    lexicon_match: float = 5.0
    lexicon_miss: float = 3.0
    lexicon_pivot: float = 0.15
    lexicon_full_share: float = 0.5
    lexicon_evidence: float = 4.0
    lexicon_member_miss: float = 3.0
    paragraph_straddle: float = 4.0
    paragraph_mismatch: float = 1.0
    recover_moved: bool = True     # pair paragraphs the translation moved (out of order)
    move_min_shared: float = 1.0   # anchor weight two unaligned runs must share to be tried as moved
    move_gain: float = 3.0         # cost saved per bead for a moved run to be paired
    move_gain_unanchored: float = 4.0  # the same for runs sharing no anchor (length alone)
    move_window: int = 16          # how far (sentences) an unanchored moved run may be
    band: int = 64                 # initial band width (target positions per row)
    max_df: int = 50               # anchors in more sentences than this are too common
    # Few shared names and numbers make a document pair unrelated only if its sentences
    # also pair badly: the median cost of the 1-1 beads of a real translation stays low
    # even when its anchors barely match (a WMT22 document sharing 1 of 10: 0.55), while
    # another article's is high (corpora/ article against another one's: 1.37, 1.39)
    unrelated_min_cost: float = 1.0


@dataclass(frozen=True)
class Alignment:
    """The aligned pairs plus the document-level evidence the checks read."""

    pairs: tuple[SegmentPair, ...]
    anchor_overlap: float
    source_anchors: int
    target_anchors: int
    shared_anchors: tuple[str, ...]
    unrelated: bool
    band: int
    evidence: dict = field(default_factory=dict)


# --- features ------------------------------------------------------------------------

def _anchor_features(text: str, lang: str, tokens: list[str] | None = None) -> set[str]:
    """Anchors of one sentence: ``#<number>``, ``=<token>``, ``~<cognate prefix>``,
    ``?`` and ``q`` (quotes). ``tokens``: the sentence's words, if already split."""
    feats = {"#" + number for number in anchor_numbers(text, lang)}
    tokens = words(text) if tokens is None else tokens
    feats.update(chain.from_iterable(map(_word_anchors, tokens)))
    if "?" in text:
        feats.add("?")
    if any(q in text for q in "\"“”„«»"):
        feats.add("q")
    return feats


@lru_cache(maxsize=1 << 17)
def _word_anchors(word: str) -> tuple[str, ...]:
    """The anchors one word gives (a word recurs across a long document: cached)."""
    low = word.lower()
    feats = []
    # hyphenated compounds also anchor by their parts: Élysée-Palast ~ Élysée Palace
    for part in {low, *low.split("-")}:
        if len(part) >= 3 and part not in STOPWORDS:
            feats.append("=" + part)
    # a weak cognate cue: Polizei ~ police, Demokratie ~ democracy, Millionen ~ million
    if len(low) >= 5 and low not in STOPWORDS:
        feats.append("~" + fold(low)[:4])
    return tuple(feats)


def _document_anchors(doc: Document, ids: defaultdict[str, int]) -> tuple["_Rows", set[str]]:
    """Each sentence's anchors as ids interned into ``ids`` (both documents share one
    table; it numbers a new anchor with its size), and the document's distinctive
    anchors (see :func:`_distinctive`). A long document's anchors are not kept as strings
    per sentence (100,000 sentences: 200 MB)."""
    rows: list[list[int]] = []
    distinctive: set[str] = set()
    for sentence in doc.sentences:
        tokens = words(sentence.text)
        feats = _anchor_features(sentence.text, doc.lang, tokens)
        rows.append([ids[f] for f in feats])
        distinctive.update(_distinctive(feats, tokens))
    return _Rows.from_lists(rows), distinctive


def _distinctive(feats: set[str], tokens: list[str]) -> list[str]:
    """The anchors of a sentence that tell its document apart: numbers of two or more
    characters, and capitalised words (≥ 4 letters) after the first — names, and in
    German nouns."""
    caps = {w.lower() for w in tokens[1:] if w[:1].isupper() and len(w) >= 4}
    return [f for f in feats if (f[0] == "#" and len(f) > 2) or (f[0] == "=" and f[1:] in caps)]


def _intrinsic_weight(feature: str) -> float:
    """Multi-digit numbers are the strongest anchors; cognate prefixes and punctuation
    cues the weakest."""
    if feature[0] == "#":
        return 2.0 if len(feature.replace(".", "")) > 2 else 1.0
    if feature[0] == "~":
        return 0.3
    return {"?": 0.5, "q": 0.3}.get(feature, 1.0)


#: sentences around a bead within which a dictionary word's frequency is judged (the
#: band is 64 target sentences wide; 4× that covers re-centred and widened bands).
#: Counting over the whole document instead: bead F1 0.966 instead of 0.982 on a
#: 20,000-sentence document, 0.974 instead of 0.980 at 5,000, the same up to 2,000
#: (perturbed WMT documents built as benchmarks/alignment_peers.py builds them)
LEXICON_DF_WINDOW = 256
#: a dictionary word in more sentences than this per window is no evidence ("make",
#: "give"); measured with the benchmark's documents: 10 keeps bead F1 (20 and 50 the
#: same, 8 −0.002) and costs a 20,000-sentence alignment ~1 s less than 50
LEXICON_MAX_LOCAL_DF = 10


# --- ragged integer rows ------------------------------------------------------------

@dataclass(frozen=True)
class _Rows:
    """Ragged rows of integer feature ids (compressed sparse rows): row ``k`` holds
    ``ids[offsets[k]:offsets[k + 1]]``, each id at most once. A long document's features
    take a few bytes each this way instead of a Python set entry and string each."""

    offsets: np.ndarray  # int64, one more than there are rows
    ids: np.ndarray      # int64

    @staticmethod
    def from_lists(lists) -> "_Rows":
        lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
        offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        ids = np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(offsets[-1]))
        return _Rows(offsets, ids)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def row_index(self) -> np.ndarray:
        """The row of every entry of ``ids``."""
        return np.repeat(np.arange(len(self)), np.diff(self.offsets))

    def sums(self, per_id: np.ndarray) -> np.ndarray:
        """For each row, the sum of ``per_id`` over its ids."""
        return np.bincount(self.row_index(), weights=per_id[self.ids], minlength=len(self))

    def keep(self, per_id: np.ndarray) -> "_Rows":
        """The same rows holding only the ids where ``per_id`` is true."""
        kept = per_id[self.ids]
        lengths = np.bincount(self.row_index()[kept], minlength=len(self))
        return _Rows(np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64), self.ids[kept])

    def take(self, indices) -> "_Rows":
        """The rows at ``indices``, in that order."""
        indices = np.asarray(indices, dtype=np.int64)
        starts = self.offsets[indices]
        owner, pos = _ranges(starts, self.offsets[indices + 1] - starts)
        lengths = np.bincount(owner, minlength=len(indices))
        return _Rows(np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64), self.ids[pos])

    def union(self, members: list[list[int]]) -> "_Rows":
        """One row per group of consecutive rows (``members``): the ids of its rows."""
        group_of_row = np.repeat(np.arange(len(members)), [len(g) for g in members])
        groups = group_of_row[self.row_index()]
        span = int(self.ids.max()) + 1 if len(self.ids) else 1
        codes = np.unique(groups * span + self.ids)
        lengths = np.bincount(codes // span, minlength=len(members))
        return _Rows(np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64), codes % span)


def _ranges(starts: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Expand ranges ``starts[e] .. starts[e] + counts[e] - 1``: for every position, the
    range it comes from and the position itself."""
    owner = np.repeat(np.arange(len(counts)), counts)
    first = np.cumsum(counts) - counts
    return owner, np.repeat(starts - first, counts) + np.arange(int(counts.sum()))


def _postings(rows: _Rows, m: int, first: int = 0, stop: int | None = None) -> np.ndarray:
    """An inverted index of target units' features (of units first..stop-1, all by
    default) as one sorted array: the units holding feature ``f`` are the entries
    ``f·(m+1) + j + 1`` (j 0-based), so the units of a feature inside a band are one
    ``searchsorted`` away."""
    stop = len(rows) if stop is None else stop
    start, end = rows.offsets[first], rows.offsets[stop]
    units = np.repeat(np.arange(first, stop), np.diff(rows.offsets[first:stop + 1]))
    return np.sort(rows.ids[start:end] * (m + 1) + units + 1)


def _band_hits(rows: np.ndarray, feats: np.ndarray, postings: np.ndarray, lo: np.ndarray,
               width: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """For source entries (unit ``rows[e]`` holds feature ``feats[e]``), every target unit
    inside that row's band holding the feature: (entry, band column) pairs. Target j
    (0-based) of source row i sits at column j + 1 - lo[i + 1]."""
    row_lo = lo[rows + 1]
    base = feats * (m + 1)
    first = np.searchsorted(postings, base + row_lo)
    stop = np.searchsorted(postings, base + np.minimum(row_lo + width, m + 1))
    entry, pos = _ranges(first, stop - first)
    return entry, postings[pos] - base[entry] - row_lo[entry]


def _band_grid(first: int, stop: int, width: int, rows: np.ndarray, cols: np.ndarray,
               weights: np.ndarray) -> np.ndarray:
    """G[i - first, k] = sum of ``weights`` of the hits of source unit i-1 at band column
    k, for grid rows first <= i < stop."""
    flat = (rows + 1 - first) * width + cols
    return np.bincount(flat, weights=weights,
                       minlength=(stop - first) * width).reshape(stop - first, width)


# --- anchors --------------------------------------------------------------------------

@dataclass
class _AnchorEvidence:
    """Anchors of two documents interned to integer ids, with their weights."""

    source: _Rows            # per sentence, its anchors that weigh something
    target: _Rows
    weights: np.ndarray      # per anchor id
    source_expected: np.ndarray  # weight a sentence's anchors could match at most
    target_expected: np.ndarray
    source_absent: np.ndarray    # null-bead discount for numbers missing from the other side
    target_absent: np.ndarray


def _anchor_evidence(src: _Rows, tgt: _Rows, names: list[str],
                     params: AlignParams) -> _AnchorEvidence:
    """Anchor weights: inverse document frequency (the larger of the two documents'
    counts), too-common ones (``params.max_df``) dropped; a source anchor counts as
    "expected" only if it can occur on the other side at all (numbers and question marks
    always can). Numbers that occur nowhere on the other side are direct evidence that a
    sentence has no counterpart there: they make its null bead cheaper. ``src`` and
    ``tgt`` hold each sentence's anchor ids, ``names`` the anchor of each id."""
    df_s = np.bincount(src.ids, minlength=len(names))
    df_t = np.bincount(tgt.ids, minlength=len(names))
    df = np.maximum(df_s, df_t)
    intrinsic = np.array([_intrinsic_weight(f) for f in names], dtype=float)
    weights = np.where((df > 0) & (df <= params.max_df),
                       intrinsic / (1.0 + np.log(np.maximum(df, 1))), 0.0)
    number = np.array([f[0] == "#" for f in names], dtype=bool)
    always = number | np.array([f == "?" for f in names], dtype=bool)
    absent = params.absent_numbers * intrinsic * number
    weighty = weights > 0
    return _AnchorEvidence(
        src.keep(weighty), tgt.keep(weighty), weights,
        src.sums(weights * (always | (df_t > 0))), tgt.sums(weights * (always | (df_s > 0))),
        src.sums(absent * (df_t == 0)), tgt.sums(absent * (df_s == 0)))


# --- lexicon --------------------------------------------------------------------------

@dataclass
class _UnitLexicon:
    """One side's lexical evidence per unit (see :func:`_lexical_evidence`)."""

    #: source side: the dictionary words (ids) that weigh something; None on the target side
    words: _Rows | None
    #: source side: the weighty target stems its words translate to; target side: its stems
    stems: _Rows
    expected: np.ndarray  # weight each unit could match at most
    #: weight of every word of the unit the lexicon knows, matched anywhere or not:
    #: a sentence about something else still holds dictionary words (member penalty)
    known: np.ndarray

    def take(self, indices) -> "_UnitLexicon":
        return _UnitLexicon(None if self.words is None else self.words.take(indices),
                            self.stems.take(indices), self.expected[indices],
                            self.known[indices])


@dataclass
class _LexicalEvidence:
    """Word-translation evidence of two documents (see :func:`_lexical_evidence`)."""

    source: _UnitLexicon
    target: _UnitLexicon
    word_weights: np.ndarray   # per source dictionary word id
    stem_weights: np.ndarray   # per target stem id
    word_stems: _Rows          # per word id, its translations' ids among the target's stems


def _lexical_evidence(src_texts: list[str], tgt_texts: list[str], lexicon: Lexicon,
                      max_df: float = LEXICON_MAX_LOCAL_DF) -> _LexicalEvidence:
    """Lexicon evidence weighted the way Hunalign weights its dictionary, counted from
    both sides.

    * source side: a German content word is *matched* by a target sentence holding one
      of its translations (one word id per distinct set of translations, however many of
      them appear — a word with twenty Ding senses counts once);
    * target side: an English content word (its stem) is matched by a source sentence
      one of whose words it translates.

    Words and stems are integer ids; the target sentences matching a word are never
    listed: the band grids find them through the word's stems (:class:`_BandOverlap`).
    A word or stem weighs ``1 / (1 + ln df)``, df the number of sentences it occurs in
    (the larger of the two documents' counts, scaled to a window of
    ``LEXICON_DF_WINDOW`` sentences in long documents): rare words are strong evidence,
    and a word found in more than ``max_df`` sentences of such a window (a translation
    such as "make" or "give") is none. A sentence's *expected* weight is the sum of its
    words (source) or stems (target) that occur on the other side at all, so the share of
    it matched can be read as evidence for and, when low, against a bead.
    """
    # A word's frequency counts where the aligner compares sentences: within a window of
    # LEXICON_DF_WINDOW sentences, so a word used 200 times in a 20,000-sentence document
    # is as distinctive as one used 3 times in a 300-sentence article.
    scale = min(1.0, LEXICON_DF_WINDOW / max(1, len(src_texts), len(tgt_texts)))

    def rarity(df: np.ndarray) -> np.ndarray:
        local = np.maximum(1.0, df * scale)
        return np.where((df > 0) & (local <= max_df), 1.0 / (1.0 + np.log(local)), 0.0)

    # English stems of the target sentences, and in how many each occurs
    stem_ids: defaultdict[str, int] = defaultdict()
    stem_ids.default_factory = stem_ids.__len__  # a new stem's id: the stems before it
    target_stems = _Rows.from_lists(
        [[stem_ids[u] for u in {_content_stem(w) for w in _content_words(t)}] for t in tgt_texts])
    tgt_df = np.bincount(target_stems.ids, minlength=len(stem_ids))
    # source dictionary words: one id per distinct set of translations
    word_ids: dict[frozenset[str], int] = {}
    word_stems: list[tuple[int, ...]] = []  # translations found among the target's stems
    src_words: list[set[int]] = []  # a word counts once per sentence
    for text in src_texts:
        keys: set[int] = set()
        for w in _content_words(text):
            translations = lexicon.translations(w)
            if translations:
                key = word_ids.get(translations)
                if key is None:
                    key = word_ids[translations] = len(word_stems)
                    word_stems.append(tuple(stem_ids[u] for u in translations if u in stem_ids))
                keys.add(key)
        src_words.append(keys)
    source_words = _Rows.from_lists(src_words)
    word_df = np.bincount(source_words.ids, minlength=len(word_stems))
    # the target stems each source sentence offers (translations of its words)
    source_offers = _Rows.from_lists([set(chain.from_iterable(word_stems[k] for k in keys))
                                      for keys in src_words])
    stems_of_word = _Rows.from_lists(word_stems)
    matched = _matched_sentences(stems_of_word, target_stems, tgt_df, max_df, scale)
    word_weights = np.where(matched > 0, rarity(np.maximum(matched, word_df)), 0.0)
    src_df = np.bincount(source_offers.ids, minlength=len(stem_ids))
    # a stem common on either side is weak evidence
    stem_weights = np.where(src_df > 0, rarity(np.maximum(src_df, tgt_df)), 0.0)
    # known weight: a word or stem weighs even where nothing on the other side matches
    word_known = np.where(word_weights > 0, word_weights, rarity(word_df))
    english = np.array([lexicon.has_english(u) for u in stem_ids], dtype=bool)
    stem_known = np.where(stem_weights > 0, stem_weights, rarity(tgt_df) * english)
    source = _UnitLexicon(source_words.keep(word_weights > 0),
                          source_offers.keep(stem_weights > 0),
                          source_words.sums(word_weights), source_words.sums(word_known))
    target = _UnitLexicon(None, target_stems, target_stems.sums(stem_weights),
                          target_stems.sums(stem_known))
    return _LexicalEvidence(source, target, word_weights, stem_weights, stems_of_word)


def _matched_sentences(word_stems: _Rows, target_stems: _Rows, tgt_df: np.ndarray,
                       max_df: float, scale: float) -> np.ndarray:
    """For each source word, the number of target sentences holding one of its
    translations (0 where none does, or where one translation alone is in more than
    ``max_df`` sentences per window: too common to count, so the union is not formed)."""
    matched = np.zeros(len(word_stems), dtype=np.int64)
    dfs = tgt_df[word_stems.ids]
    most = np.zeros(len(word_stems), dtype=np.int64)
    np.maximum.at(most, word_stems.row_index(), dfs)
    sizes = np.diff(word_stems.offsets)
    usable = most * scale <= max_df
    single = (sizes == 1) & usable
    matched[single] = most[single]  # one translation: its own sentence count
    several = np.flatnonzero((sizes > 1) & usable)
    if len(several):
        postings = _postings(target_stems, len(target_stems))
        span = len(target_stems) + 1
        starts = np.searchsorted(postings, word_stems.ids * span)
        for w in several:
            lo, hi = word_stems.offsets[w], word_stems.offsets[w + 1]
            parts = [postings[s:s + c] for s, c in zip(starts[lo:hi], dfs[lo:hi])]
            matched[w] = len(np.unique(np.concatenate(parts) % span))
    return matched


@lru_cache(maxsize=1 << 17)
def _content_stem(word: str) -> str:
    """An English content word's stem (words recur across a long document: cached)."""
    return english.stem(word)


def _content_words(text: str) -> list[str]:
    return [w for w in words(text) if w.lower() not in STOPWORDS and len(w) > 2]


class _BandOverlap:
    """The evidence two sides share, per pair of units inside a band: the weight of
    shared anchors, of source words whose translation the target unit holds, and of
    target stems the source unit's words translate to. Built once per pair of unit lists
    (source entries in unit order), read for each band and block of rows the search
    tries: the target units a block's band can reach are a window of the target, whose
    inverted index (:func:`_postings`) is small enough for fast lookups."""

    def __init__(self, src: "_Units", tgt: "_Units", weights: "_FeatureWeights"):
        self.n, self.m = len(src.items), len(tgt.items)
        self.anchor_rows, self.anchor_ids = src.anchors.row_index(), src.anchors.ids
        self.anchor_weights = weights.anchors
        self.target_anchors = tgt.anchors
        self._window_key: tuple | None = None
        self._window_postings = np.zeros(0, dtype=np.int64)
        self.lexical = src.lexicon is not None and tgt.lexicon is not None
        if self.lexical:
            self.target_stems = tgt.lexicon.stems
            offers = src.lexicon.stems
            self.offer_rows, self.offer_ids = offers.row_index(), offers.ids
            self.stem_weights = weights.stems
            # each (source unit, word) entry once per translation the target holds
            src_words = src.lexicon.words
            owner, pos = _ranges(weights.word_stems.offsets[src_words.ids],
                                 np.diff(weights.word_stems.offsets)[src_words.ids])
            self.word_rows = src_words.row_index()
            self.word_entry, self.word_stem = owner, weights.word_stems.ids[pos]
            self.word_entry_rows = self.word_rows[owner]
            self.word_of_entry = src_words.ids
            self.word_weights = weights.words

    def anchor_grid(self, lo: np.ndarray, width: int, first: int, stop: int) -> np.ndarray:
        """G[i - first, k] for grid rows first <= i < stop: the weight of the anchors
        source unit i-1 shares with target lo[i]+k-1."""
        e0, e1 = _entries(self.anchor_rows, first, stop)
        rows, ids = self.anchor_rows[e0:e1], self.anchor_ids[e0:e1]
        postings = self._window(self.target_anchors, lo, width, first, stop)
        entry, col = _band_hits(rows, ids, postings, lo, width, self.m)
        return _band_grid(first, stop, width, rows[entry], col,
                          self.anchor_weights[ids[entry]])

    def word_grid(self, lo: np.ndarray, width: int, first: int, stop: int) -> np.ndarray:
        """The same for source unit i-1's words with a translation in target lo[i]+k-1 —
        a word counts once however many of its translations are there."""
        e0, e1 = _entries(self.word_entry_rows, first, stop)
        postings = self._window(self.target_stems, lo, width, first, stop)
        pair, col = _band_hits(self.word_entry_rows[e0:e1], self.word_stem[e0:e1],
                               postings, lo, width, self.m)
        hits = np.unique(self.word_entry[e0:e1][pair] * width + col)
        entry, col = hits // width, hits % width
        return _band_grid(first, stop, width, self.word_rows[entry], col,
                          self.word_weights[self.word_of_entry[entry]])

    def stem_grid(self, lo: np.ndarray, width: int, first: int, stop: int) -> np.ndarray:
        """The same for target lo[i]+k-1's stems that source unit i-1 offers."""
        e0, e1 = _entries(self.offer_rows, first, stop)
        rows, ids = self.offer_rows[e0:e1], self.offer_ids[e0:e1]
        postings = self._window(self.target_stems, lo, width, first, stop)
        entry, col = _band_hits(rows, ids, postings, lo, width, self.m)
        return _band_grid(first, stop, width, rows[entry], col,
                          self.stem_weights[ids[entry]])


    def _window(self, target: _Rows, lo: np.ndarray, width: int, first: int,
                stop: int) -> np.ndarray:
        """The inverted index of the target units the bands of grid rows first..stop-1
        reach (target j, 0-based, at column j + 1 - lo[i]); the last one built is kept,
        as the stems' serves two grids."""
        j0 = max(0, int(lo[first]) - 1)
        j1 = min(self.m, int(lo[stop - 1]) - 1 + width)
        key = (id(target), j0, j1)
        if self._window_key != key:
            self._window_key = key
            self._window_postings = _postings(target, self.m, j0, max(j0, j1))
        return self._window_postings


def _entries(rows: np.ndarray, first: int, stop: int) -> tuple[int, int]:
    """The span of source entries (sorted by unit) that grid rows first..stop-1 read:
    grid row i holds source unit i-1."""
    e0, e1 = np.searchsorted(rows, [first - 1, stop - 1])
    return int(e0), int(e1)


# --- cost pieces ----------------------------------------------------------------------

def _log_erfc_neg(x: np.ndarray) -> np.ndarray:
    """-log(erfc(x)) for x ≥ 0, stable for large x (Abramowitz–Stegun 7.1.26)."""
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                                                                           + t * 1.061405429))))
    return x * x - np.log(np.maximum(poly, 1e-300))


def _length_cost(ls: np.ndarray, lt: np.ndarray, ratio: float, variance: float) -> np.ndarray:
    mean = (ls + lt / ratio) / 2.0
    delta = np.abs(lt - ls * ratio) / np.sqrt(np.maximum(mean, 1.0) * variance)
    # -log P(|δ|) with P = 2(1 - Φ(|δ|)) = erfc(|δ|/√2)
    return _log_erfc_neg(delta / math.sqrt(2.0))


#: rows above a block that its beads' similarity reads reach (a 3-1 bead: two)
GRID_LOOKBACK = max(a for a, _ in BEADS) - 1


class _Grid:
    """Index arithmetic for arrays laid out as [row i, column k] with j = lo[i] + k."""

    def __init__(self, n: int, m: int, lo: np.ndarray, width: int,
                 rows: np.ndarray | None = None):
        self.n, self.m, self.lo, self.width = n, m, lo, width
        self.rows = np.arange(n + 1) if rows is None else rows
        self.cols = np.arange(width)
        self.J = lo[self.rows][:, None] + self.cols[None, :]
        #: the first row of the similarity grids built for these rows: they read up to
        #: GRID_LOOKBACK rows above their first (a 3-1 bead)
        self.row0 = max(0, int(self.rows[0]) - GRID_LOOKBACK) if len(self.rows) else 0
        self._shift_index: dict = {}  # (p, q) -> flat gather index and validity
        self._shifted: dict = {}      # (grid, p, q) -> shifted grid (see shifted)

    def block(self, first: int, stop: int) -> "_Grid":
        """The same band restricted to rows first..stop-1 (arrays built on it have
        stop - first rows; arrays it reads, such as similarity grids, stay whole)."""
        return _Grid(self.n, self.m, self.lo, self.width, np.arange(first, stop))

    def shifted(self, grid: np.ndarray, p: int, q: int) -> np.ndarray:
        """out[i, k] = grid[i-p, column of j-q in row i-p], 0 where outside the band;
        ``grid`` holds rows ``row0`` onwards. Read-only: the beads of a block read the
        same shifts of the same grids (a 2-2 bead all four of its 1-1 cells), so each is
        gathered once per block."""
        if p == 0 and q == 0:  # the rows themselves (a view: block rows are contiguous)
            if not len(self.rows):
                return grid[:0]
            return grid[self.rows[0] - self.row0:self.rows[-1] + 1 - self.row0]
        cached = self._shifted.get((id(grid), p, q))
        if cached is not None and cached[0] is grid:
            return cached[1]
        index = self._shift_index.get((p, q))
        if index is None:
            rows = self.rows - p
            valid_rows = rows >= 0
            rows_c = np.where(valid_rows, rows, 0)
            cols = self.cols[None, :] - q + (self.lo[self.rows] - self.lo[rows_c])[:, None]
            valid = valid_rows[:, None] & (cols >= 0) & (cols < self.width)
            index = self._shift_index[(p, q)] = (
                (rows_c[:, None] - self.row0) * self.width + np.clip(cols, 0, self.width - 1),
                valid)
        flat, valid = index
        out = np.where(valid, grid.reshape(-1)[flat], 0.0)
        self._shifted[(id(grid), p, q)] = (grid, out)
        return out


def _prefix(values) -> np.ndarray:
    return np.concatenate([[0.0], np.cumsum(np.asarray(values, dtype=float))])


#: sentences per unit of the band-centring pass when paragraphs hold one sentence each
#: (a 20,000-line one-sentence-per-line pair: aligner 27 → 9 s, bead F1 unchanged at 0.989; at 5,000 the same F1)
COARSE_MIN_SENTENCES = 4


def align_documents(source: Document, target: Document, lexicon: Lexicon | None = None,
                    params: AlignParams | None = None) -> Alignment:
    """Align the sentences of two documents; see the module docstring for the model."""
    params = params or AlignParams()
    src, tgt = source.sentences, target.sentences
    n, m = len(src), len(tgt)
    ids: defaultdict[str, int] = defaultdict()
    ids.default_factory = ids.__len__  # a new anchor's id: the number of anchors before it
    src_anchor, src_distinctive = _document_anchors(source, ids)
    tgt_anchor, tgt_distinctive = _document_anchors(target, ids)

    anchors = _anchor_evidence(src_anchor, tgt_anchor, list(ids), params)
    del ids
    weights = _FeatureWeights(anchors.weights)
    lex_src = lex_tgt = None
    if lexicon is not None:
        evidence = _lexical_evidence([s.text for s in src], [t.text for t in tgt], lexicon)
        lex_src, lex_tgt = evidence.source, evidence.target
        weights = _FeatureWeights(anchors.weights, evidence.word_weights,
                                  evidence.stem_weights, evidence.word_stems)

    len_s = np.array([max(1, len(s.text)) for s in src], dtype=float)
    len_t = np.array([max(1, len(t.text)) for t in tgt], dtype=float)
    # The document's own ratio is skewed by the omissions and additions we are looking
    # for; a prior worth 2,000 characters keeps short documents sane.
    ratio = float((len_t.sum() + PRIOR_RATIO * PRIOR_RATIO_CHARS)
                  / (len_s.sum() + PRIOR_RATIO_CHARS))
    ratio = min(max(ratio, 0.5), 2.0)

    fine_s = _Units(src, anchors.source, anchors.source_expected, anchors.source_absent,
                    lex_src, len_s)
    fine_t = _Units(tgt, anchors.target, anchors.target_expected, anchors.target_absent,
                    lex_tgt, len_t)
    centre = _proportional_centre(len_s, len_t)

    if min(n, m) > 4 * params.band:
        # Long documents: align paragraphs first (the same DP over paragraph units) and
        # centre the sentence band on that path, so drift from omissions and additions
        # anywhere in the document stays inside the band.
        # A document of one-sentence paragraphs (one sentence per line) would make this
        # pass the sentence-level one again: its units are then runs of paragraphs.
        per_unit = 1 if min(n / max(1, len(source.paragraphs)),
                            m / max(1, len(target.paragraphs))) >= 2 else COARSE_MIN_SENTENCES
        coarse_s = fine_s.by_paragraph(source, per_unit)
        coarse_t = fine_t.by_paragraph(target, per_unit)
        # (the paragraph pass only centres the band: names and numbers place it as well
        # as the dictionary does — same beads on the benchmark's documents — for less,
        # so coarse units carry no lexical evidence)
        coarse_path, _ = _search(coarse_s, coarse_t, weights, ratio, params,
                                 _proportional_centre(coarse_s.lengths, coarse_t.lengths))
        centre = _refine_centre(coarse_path, coarse_s.members, coarse_t.members, n)
    path, width = _search(fine_s, fine_t, weights, ratio, params, centre)

    pairs = _build_pairs(source, target, path)
    if params.recover_moved:
        pairs = _recover_moved(pairs, fine_s, fine_t, weights, ratio, params, source, target)
    overlap, n_src, n_tgt, shared = _document_overlap(src_distinctive, tgt_distinctive)
    nulls = sum(1 for p in pairs if p.bead in ("1-0", "0-1"))
    null_share = nulls / max(1, len(pairs))
    # "Another article" is a judgement about documents: a sentence or two carry too few
    # names and numbers to make it (a translated organisation name shares nothing).
    enough = min(n_src, n_tgt) >= 8 and min(n, m) >= 3
    costs = sorted(p.cost for p in pairs if p.bead == "1-1")
    pairs_badly = not costs or costs[len(costs) // 2] >= params.unrelated_min_cost
    unrelated = bool(n and m) and ((enough and overlap < 0.15 and pairs_badly) or
                                   (not enough and null_share >= 0.6 and min(n, m) >= 3))
    evidence = {"anchor_overlap": round(overlap, 3), "source_anchors": n_src,
                "target_anchors": n_tgt, "shared_anchors": list(shared[:12]),
                "null_beads": nulls, "length_ratio": round(ratio, 3)}
    return Alignment(tuple(pairs), overlap, n_src, n_tgt, tuple(shared), unrelated, width,
                     evidence)


@dataclass(frozen=True)
class _Unit:
    text: str
    paragraph: int


@dataclass
class _FeatureWeights:
    """What each interned feature weighs: anchors, and with a lexicon the source
    dictionary words and target stems (see :func:`_lexical_evidence`)."""

    anchors: np.ndarray
    words: np.ndarray | None = None
    stems: np.ndarray | None = None
    word_stems: _Rows | None = None  # per word id, its translations among the target's stems


@dataclass
class _Units:
    """One side's alignment units (sentences, or paragraphs in the coarse pass) and
    their per-unit evidence."""

    items: list
    anchors: _Rows  # per unit, its anchors (ids) that weigh something
    weights: np.ndarray
    absent: np.ndarray
    lexicon: _UnitLexicon | None
    lengths: np.ndarray
    members: list | None = None  # coarse units: the sentence indices of each

    def subset(self, indices: list[int]) -> "_Units":
        """The units at ``indices`` (in that order), with their evidence."""
        return _Units(items=[self.items[k] for k in indices],
                      anchors=self.anchors.take(indices),
                      weights=self.weights[indices], absent=self.absent[indices],
                      lexicon=None if self.lexicon is None else self.lexicon.take(indices),
                      lengths=self.lengths[indices])

    def by_paragraph(self, doc: Document, min_sentences: int = 1) -> "_Units":
        """Coarse units: paragraphs, consecutive ones joined until a unit holds at least
        ``min_sentences`` sentences. They carry anchors and lengths, no lexicon (the
        band-centring pass does not read it)."""
        groups: dict[int, list[int]] = defaultdict(list)
        for k, sentence in enumerate(self.items):
            groups[sentence.paragraph].append(k)
        members: list[list[int]] = []
        for p in sorted(groups):
            if members and len(members[-1]) < min_sentences:
                members[-1] = members[-1] + groups[p]
            else:
                members.append(groups[p])
        return _Units(
            items=[_Unit(doc.text[self.items[g[0]].start:self.items[g[-1]].end], 0)
                   for g in members],
            anchors=self.anchors.union(members),
            weights=np.array([self.weights[g].sum() for g in members]),
            absent=np.array([self.absent[g].sum() for g in members]),
            lexicon=None,
            lengths=np.array([self.lengths[g].sum() for g in members]),
            members=members)


def _search(src: _Units, tgt: _Units, weights: _FeatureWeights, ratio: float,
            params: AlignParams, centre: np.ndarray):
    """Banded DP with re-centring: a path that touches the band edge was constrained, so
    the band is re-centred on it and, on every second retry, doubled."""
    n, m = len(src.items), len(tgt.items)
    width = min(m + 1, params.band)
    overlap = _BandOverlap(src, tgt, weights)
    retries = 0
    while True:
        lo = _band_lows(centre, width, m)
        path = _run_dp(src, tgt, overlap, ratio, lo, width, params)
        if width >= m + 1 or not _touches_edge(path, lo, width, m):
            return path, width
        retries += 1
        centre = _path_centre(path, n)
        if retries % 2 == 0:
            width = min(m + 1, width * 2)


def _refine_centre(coarse_path, src_members, tgt_members, n: int) -> np.ndarray:
    """Sentence-level band centre from a paragraph-level path (linear inside beads)."""
    centre = np.zeros(n + 1, dtype=np.int64)
    s_first = [g[0] for g in src_members] + [n]
    t_first = [g[0] for g in tgt_members] + [sum(len(g) for g in tgt_members)]
    for i, j, t, _ in coarse_path:
        a, b = BEADS[t]
        s0, s1 = s_first[i - a], s_first[i]
        t0, t1 = t_first[j - b], t_first[j]
        if s1 > s0:
            x = np.arange(s0, s1 + 1)
            centre[s0:s1 + 1] = np.round(t0 + (x - s0) * (t1 - t0) / (s1 - s0)).astype(np.int64)
    return np.maximum.accumulate(centre)


def _proportional_centre(len_s: np.ndarray, len_t: np.ndarray) -> np.ndarray:
    """For each source position, the target position at the same share of the text."""
    cum_s = _prefix(len_s) / max(len_s.sum(), 1.0)
    cum_t = _prefix(len_t) / max(len_t.sum(), 1.0)
    return np.searchsorted(cum_t, cum_s).astype(np.int64)


def _path_centre(path, n: int) -> np.ndarray:
    """For each row, the target position where ``path`` passes it."""
    centre = np.zeros(n + 1, dtype=np.int64)
    for i, j, _, _ in path:
        centre[i] = j
    return np.maximum.accumulate(centre)


def _band_lows(centre: np.ndarray, width: int, m: int) -> np.ndarray:
    if width >= m + 1:
        return np.zeros(len(centre), dtype=np.int64)
    lo = np.clip(centre - width // 2, 0, max(0, m - width + 1)).astype(np.int64)
    lo[0] = 0
    return np.maximum.accumulate(lo)


def _touches_edge(path, lo, width, m) -> bool:
    for i, j, _, _ in path:
        k = j - lo[i]
        if (k == 0 and lo[i] > 0) or (k == width - 1 and lo[i] + width - 1 < m):
            return True
    return False


def _run_dp(src: _Units, tgt: _Units, overlap: _BandOverlap, ratio: float,
            lo: np.ndarray, width: int, params: AlignParams):
    """One banded DP pass; returns the best path as (i, j, bead index, bead cost) cells,
    where i and j count the source and target units consumed."""
    g = _Grid(len(src.items), len(tgt.items), lo, width)
    tables = _CostTables(src, tgt, g, overlap)
    D, B = _fill_table(lambda block: _bead_costs(tables, block, ratio, params), g)
    return _backtrace(D, B, g)


class _CostTables:
    """One DP pass's per-unit evidence as prefix sums over the band, so that the totals
    of any bead (its lengths, anchor weights, absent numbers) are one subtraction, plus
    the banded anchor and lexicon similarity of every sentence pair."""

    def __init__(self, src: _Units, tgt: _Units, g: _Grid, overlap: _BandOverlap):
        n, m = g.n, g.m
        self.g = g
        self.overlap = overlap
        self.lexical = overlap.lexical
        self._grids_for: tuple = (None, None)  # the block whose grids are built, and them
        self._memo_for: tuple = (None, None)   # the block whose shared pieces are kept
        if self.lexical:
            self.lex_es, self.lex_et = _prefix(src.lexicon.expected), _prefix(tgt.lexicon.expected)
            self.lex_ks, self.lex_kt = _prefix(src.lexicon.known), _prefix(tgt.lexicon.known)
        self.ps, self.pt = _prefix(src.lengths), _prefix(tgt.lengths)
        self.pws, self.pwt = _prefix(src.weights), _prefix(tgt.weights)
        self.pabs_s, self.pabs_t = _prefix(src.absent), _prefix(tgt.absent)
        self.para_s = np.array([u.paragraph for u in src.items] + [-1])
        self.para_t = np.array([u.paragraph for u in tgt.items] + [-1])
        # whether unit k starts a paragraph (the end position counts as a start)
        self.start_s = np.concatenate([[True], self.para_s[1:n] != self.para_s[:n - 1], [True]])
        self.start_t = np.concatenate([[True], self.para_t[1:m] != self.para_t[:m - 1], [True]])

    def grids(self, g: _Grid) -> tuple[np.ndarray, np.ndarray | None, np.ndarray | None]:
        """The similarity grids the rows of ``g`` read (from row ``g.row0``): shared
        anchors, source words found in the target and target words explained by the
        source — the last two kept apart so a bead's members can be judged one by one.
        Built per block of rows, so memory holds a block's grids, not the band's."""
        block, grids = self._grids_for
        if block is not g:
            first, stop = g.row0, int(g.rows[-1]) + 1 if len(g.rows) else g.row0
            args = (g.lo, g.width, first, stop)
            overlap = self.overlap
            grids = (overlap.anchor_grid(*args),
                     overlap.word_grid(*args) if self.lexical else None,
                     overlap.stem_grid(*args) if self.lexical else None)
            self._grids_for = (g, grids)
        return grids

    def _memo(self, g: _Grid) -> dict:
        """Pieces of bead costs the beads of one block share (a 2-1 and a 3-1 bead the
        same target span, every bead ending at j the same clipped positions): computed
        once per block."""
        block, memo = self._memo_for
        if block is not g:
            memo = {}
            self._memo_for = (g, memo)
        return memo

    def _source_span(self, g: _Grid, a: int, params: AlignParams) -> "_Span":
        """The source side of beads taking ``a`` source units, per row (column vectors)."""
        memo = self._memo(g)
        span = memo.get(("s", a))
        if span is None:
            n = g.n
            ra = np.clip(g.rows - a, 0, n)  # first source unit of the bead (per row)
            span = memo[("s", a)] = _Span(
                first=ra,
                length=(self.ps[g.rows] - self.ps[ra])[:, None],
                weight=(self.pws[g.rows] - self.pws[ra])[:, None],
                absent=np.minimum(self.pabs_s[g.rows] - self.pabs_s[ra],
                                  params.absent_cap)[:, None],
                straddles=(self.para_s[np.clip(g.rows - 1, 0, n)] != self.para_s[ra])[:, None],
                starts=self.start_s[ra][:, None],
                expected=(self.lex_es[g.rows] - self.lex_es[ra])[:, None] if self.lexical else None)
        return span

    def _target_span(self, g: _Grid, b: int, params: AlignParams) -> "_Span":
        """The target side of beads taking ``b`` target units, per cell."""
        memo = self._memo(g)
        span = memo.get(("t", b))
        if span is None:
            m = g.m
            Jc = memo.get("Jc")
            if Jc is None:
                Jc = memo["Jc"] = np.clip(g.J, 0, m)
                memo["para_last"] = self.para_t[np.clip(Jc - 1, 0, m)]
            Jb = np.clip(g.J - b, 0, m)
            span = memo[("t", b)] = _Span(
                first=Jb,
                length=self.pt[Jc] - self.pt[Jb],
                weight=self.pwt[Jc] - self.pwt[Jb],
                absent=np.minimum(self.pabs_t[Jc] - self.pabs_t[Jb], params.absent_cap),
                straddles=memo["para_last"] != self.para_t[Jb],
                starts=self.start_t[Jb],
                expected=(self.lex_et[Jc] - self.lex_et[Jb]) if self.lexical else None)
        return span

    def pair(self, g: _Grid, a: int, b: int, prior: float, ratio: float,
             params: AlignParams) -> np.ndarray:
        """Cost of an a-b bead (both sides non-empty) ending at each cell of the rows of
        ``g``: prior, length fit, shared and unmatched anchors, changed numbers, lexicon
        overlap, and the paragraph structure it crosses."""
        src, tgt = self._source_span(g, a, params), self._target_span(g, b, params)
        ls = np.broadcast_to(src.length, g.J.shape)
        cost = prior + _length_cost(ls, tgt.length, ratio, params.variance)
        sim = self.grids(g)[0]
        matched = sum(g.shifted(sim, p, q) for p in range(a) for q in range(b))
        matched = np.minimum(matched, np.minimum(src.weight, tgt.weight))
        unmatched = np.maximum(src.weight + tgt.weight - 2 * matched, 0.0)
        cost = cost - params.anchor_match * matched + params.anchor_miss * unmatched
        # Numbers found only in the source facing numbers found only in the target
        # are a changed number (a mistranslation), as much evidence for pairing the
        # sentences as for leaving them unaligned: the bead gets the same discount.
        cost = cost - np.minimum(src.absent, tgt.absent)
        if self.lexical:
            cost = cost + self._lexical(g, a, b, src, tgt, params)
        # paragraph structure
        cost = cost + params.paragraph_straddle * (src.straddles | tgt.straddles)
        mismatch = src.starts != tgt.starts
        return cost + params.paragraph_mismatch * mismatch

    def _lexical(self, g: _Grid, a: int, b: int, src: "_Span", tgt: "_Span",
                 params: AlignParams) -> np.ndarray:
        """The lexical cost of an a-b bead: the bead's matched share as a whole, plus,
        in a bead of several sentences, a penalty for each member sentence whose words
        find no counterpart in the other side (an omitted or added sentence hidden in a
        merge next to a translated one)."""
        _, src_grid, tgt_grid = self.grids(g)
        src_cells = [[g.shifted(src_grid, p, q) for q in range(b)] for p in range(a)]
        tgt_cells = [[g.shifted(tgt_grid, p, q) for q in range(b)] for p in range(a)]
        matched = sum(sum(row) for row in src_cells) + sum(sum(row) for row in tgt_cells)
        cost = _lexical_cost(matched, src.expected + tgt.expected, params)
        if a > 1:
            for p in range(a):  # source sentence i-1-p
                cost = cost + _member_penalty(sum(src_cells[p]), self._source_known(g, p),
                                              params)
        if b > 1:
            for q in range(b):  # target sentence j-1-q
                cost = cost + _member_penalty(sum(row[q] for row in tgt_cells),
                                              self._target_known(g, q), params)
        return cost

    def _source_known(self, g: _Grid, p: int) -> np.ndarray:
        """Known lexical weight of source unit i-1-p, per row (a column vector)."""
        memo = self._memo(g)
        own = memo.get(("ks", p))
        if own is None:
            row = np.clip(g.rows - p, 1, g.n)
            own = memo[("ks", p)] = (self.lex_ks[row] - self.lex_ks[row - 1])[:, None]
        return own

    def _target_known(self, g: _Grid, q: int) -> np.ndarray:
        """Known lexical weight of target unit j-1-q, per cell."""
        memo = self._memo(g)
        own = memo.get(("kt", q))
        if own is None:
            col = np.clip(g.J - q, 1, g.m)
            own = memo[("kt", q)] = self.lex_kt[col] - self.lex_kt[col - 1]
        return own

    def source_null(self, g: _Grid, a: int, prior: float, params: AlignParams) -> np.ndarray:
        """Cost of a run of a source sentences with no counterpart, inside one paragraph
        (inf where the run would cross a paragraph break)."""
        src = self._source_span(g, a, params)
        cost = prior + params.anchor_null * src.weight - src.absent
        return np.broadcast_to(np.where(~src.straddles, cost, np.inf), g.J.shape).copy()

    def target_null(self, g: _Grid, b: int, prior: float, params: AlignParams) -> np.ndarray:
        """Cost of a run of b target sentences with no counterpart, inside one paragraph."""
        tgt = self._target_span(g, b, params)
        return np.where(~tgt.straddles, prior + params.anchor_null * tgt.weight - tgt.absent,
                        np.inf)


@dataclass
class _Span:
    """One side of the beads that take a given number of units on it, over a block of
    the band: the first unit of the span, and the span's totals (see _CostTables)."""

    first: np.ndarray
    length: np.ndarray
    weight: np.ndarray     # anchor weight
    absent: np.ndarray     # absent-number discount, capped
    straddles: np.ndarray  # the span crosses a paragraph break
    starts: np.ndarray     # the span starts a paragraph
    expected: np.ndarray | None  # lexical weight it could match


def _lexical_cost(matched: np.ndarray, expected: np.ndarray, params: AlignParams) -> np.ndarray:
    """Cost (negative: a reward) of a bead from the share of its expected lexical weight
    that is matched: a reward above ``lexicon_pivot``, a penalty below, both scaled by the
    evidence the bead holds (a bead with one dictionary word says little either way)."""
    share = np.minimum(1.0, matched / np.maximum(expected, 1e-9))
    confidence = np.minimum(1.0, expected / params.lexicon_evidence)
    reward = params.lexicon_match * np.clip((share - params.lexicon_pivot)
                                            / (params.lexicon_full_share - params.lexicon_pivot),
                                            0.0, 1.0)
    penalty = params.lexicon_miss * np.clip(1.0 - share / params.lexicon_pivot, 0.0, 1.0)
    return confidence * (penalty - reward)


def _member_penalty(matched: np.ndarray, expected: np.ndarray, params: AlignParams) -> np.ndarray:
    """Penalty for one sentence of a multi-sentence bead whose share of matched lexical
    weight is below ``lexicon_pivot``, scaled by the evidence it holds."""
    share = np.minimum(1.0, matched / np.maximum(expected, 1e-9))
    confidence = np.minimum(1.0, expected / params.lexicon_evidence)
    return confidence * params.lexicon_member_miss * np.clip(1.0 - share / params.lexicon_pivot,
                                                              0.0, 1.0)


def _bead_costs(tables: _CostTables, g: _Grid, ratio: float,
                params: AlignParams) -> list[np.ndarray | None]:
    """The cost of each bead type (in BEADS order) ending at every band cell; inf where
    the bead does not fit (before the documents' start, past the target's end)."""
    I = g.rows[:, None]
    valid_cell = g.J <= g.m
    costs: list[np.ndarray | None] = []
    for a, b in BEADS:
        prior = -math.log(BEAD_PRIOR[(a, b)])
        ok = valid_cell & (I - a >= 0) & (g.J - b >= 0)
        if a and b:
            cost = tables.pair(g, a, b, prior, ratio, params)
        elif a:
            cost = tables.source_null(g, a, prior, params)
        else:
            cost = tables.target_null(g, b, prior, params)
        # float32 halves the memory of the largest arrays; D accumulates in float64
        costs.append(np.where(ok, cost, np.inf).astype(np.float32))
    return costs


def _fill_table(costs_of, g: _Grid) -> tuple[np.ndarray, np.ndarray]:
    """The forward pass, row by row: D[i, k] is the cheapest way to align the first i
    source units with the first lo[i] + k target units, B[i, k] the last bead's index.

    ``costs_of(block)`` gives the cost of each bead type on a block of rows (see
    :func:`_bead_costs`); blocks of ``DP_BLOCK_ROWS`` rows are priced as the pass reaches
    them, so memory holds one block's costs, not the whole band's (100,000 sentences
    otherwise took 2.2 GB)."""
    n, width = g.n, g.width
    # Beads that consume source sentences come from earlier rows: for row i they are
    # gathered in one fancy-index read of the flattened table and reduced with argmin.
    # The cell at index `sentinel` is always +inf and stands for "outside the band".
    down = [t for t, (a, b) in enumerate(BEADS) if a > 0]
    down_a = np.array([BEADS[t][0] for t in down])
    down_b = np.array([BEADS[t][1] for t in down])
    down_index = np.array(down, dtype=np.int8)
    null_t = BEADS.index((0, 1))
    D = np.full((n + 1) * width + 1, np.inf)
    sentinel = (n + 1) * width
    B = np.zeros((n + 1, width), dtype=np.int8)
    for first in range(0, n + 1, DP_BLOCK_ROWS):
        stop = min(n + 1, first + DP_BLOCK_ROWS)
        block = g.block(first, stop)
        costs = costs_of(block)
        invalid = block.J > g.m  # past the target's end
        partial = invalid.any(axis=1)
        # float64 once per block, not a float32 + float64 mix per row (same sums)
        down_costs = np.stack([costs[t] for t in down], axis=1).astype(np.float64)
        c01 = np.where(np.isfinite(costs[null_t]), costs[null_t], 1e12).astype(np.float64)
        # the 0-1 recurrence of each row is a prefix-minimum over these running sums
        c01[:, 0] = 0.0
        running = np.cumsum(c01, axis=1)
        # 0-2 and 0-3 costs from the first column they can end in
        same_row = [(t, b, costs[t][:, b:].astype(np.float64)) for t, (a, b) in enumerate(BEADS)
                    if a == 0 and b > 1]
        del costs, c01
        gather_from = max(first, 1)
        index = _gather_index(gather_from, stop, g.lo, width, down_a, down_b, sentinel)
        for r, i in enumerate(range(first, stop)):
            if i == 0:
                cand = np.full(width, np.inf)
                cand[0] = 0.0
                back = np.zeros(width, dtype=np.int8)
            else:
                values = D[index[i - gather_from]]
                values += down_costs[r]
                best = values.argmin(axis=0)
                cand = np.minimum.reduce(values, axis=0)  # = values[best, column]
                back = down_index[best]
            cand = _same_row(r, cand, back, running[r], same_row, null_t)
            if partial[r]:
                cand[invalid[r]] = np.inf
            D[i * width:(i + 1) * width] = cand
            B[i] = back
    return D[:-1].reshape(n + 1, width), B


#: rows of the band priced and filled together: 1,024 rows × 12 beads × a 64-wide band
#: is ~3 MB of costs, and per-row numpy work is gathered into few large operations
DP_BLOCK_ROWS = 1024


def _gather_index(first: int, stop: int, lo: np.ndarray, width: int, down_a: np.ndarray,
                  down_b: np.ndarray, sentinel: int) -> np.ndarray:
    """For rows first..stop-1, the flat table index each down-consuming bead reads its
    predecessor from, per column (``sentinel`` where the predecessor lies outside the
    band): shape (rows, beads, width)."""
    i = np.arange(first, stop)[:, None]                                # (rows, 1)
    rows = i - down_a[None, :]                                         # (rows, beads)
    rows_c = np.maximum(rows, 0)
    shift = (lo[i] - lo[rows_c]) - down_b[None, :]
    src_cols = np.arange(width)[None, None, :] + shift[:, :, None]
    valid = (rows[:, :, None] >= 0) & (src_cols >= 0) & (src_cols < width)
    return np.where(valid, rows_c[:, :, None] * width + src_cols, sentinel)


def _same_row(i: int, cand: np.ndarray, back: np.ndarray, running: np.ndarray, same_row,
              null_t: int) -> np.ndarray:
    """Relax row i (of the block's arrays) with the beads that consume target units only
    (0-1, 0-2, 0-3): they depend on cells to their left, so a prefix-minimum scan over the
    row's running sums of 0-1 costs handles 0-1, and 0-2/0-3 are relaxed on the scanned
    row, rescanning while they improve it. Returns the relaxed row; ``back`` is updated
    in place. (Called once per row: written for few numpy calls, in place where the
    arrays are the row's own.)"""
    while True:
        row = np.minimum.accumulate(cand - running)
        row += running
        # (cand - C) + C is not exactly cand in floating point: demand a real gain.
        from_left = row < cand - 1e-9
        row = np.where(from_left, row, cand)
        np.copyto(back, null_t, where=from_left)
        improved = False
        for t, b, cost in same_row:
            values = row[:-b] + cost[i]
            better = values < row[b:] - 1e-9
            if np.count_nonzero(better):
                np.copyto(row[b:], values, where=better)
                np.copyto(back[b:], t, where=better)
                improved = True
        if not improved:
            return row
        cand = row


def _backtrace(D: np.ndarray, B: np.ndarray, g: _Grid):
    """The best path from the end cell back to the start, in document order."""
    lo = g.lo
    path = []
    i, j = g.n, g.m
    k = j - int(lo[i])
    if not (0 <= k < g.width) or not np.isfinite(D[i, k]):
        raise RuntimeError("alignment band did not reach the end of the documents")
    while i > 0 or j > 0:
        t = int(B[i, j - lo[i]])
        a, b = BEADS[t]
        cost = float(D[i, j - lo[i]] - D[i - a, j - b - lo[i - a]])
        path.append((i, j, t, cost))
        i, j = i - a, j - b
    path.reverse()
    return path


def _runs(indices: list[int], units: "_Units") -> list[list[int]]:
    """Maximal runs of consecutive indices inside one paragraph."""
    runs: list[list[int]] = []
    for k in sorted(indices):
        if runs and runs[-1][-1] == k - 1 and units.items[k - 1].paragraph == units.items[k].paragraph:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def _recover_moved(pairs: list[SegmentPair], src: "_Units", tgt: "_Units",
                   weights: _FeatureWeights, ratio: float, params: AlignParams,
                   source: Document, target: Document) -> list[SegmentPair]:
    """Pair up runs of unaligned source and target sentences that translate each other
    out of order — a paragraph the translator or editor moved. The main DP is monotone,
    so it can only call such a paragraph an omission here and an addition there.

    Candidates are a source run and a target run sharing anchors (numbers, names), or,
    sharing none, a target run within ``params.move_window`` sentences of where the
    source run would stand (a neighbour swap). They are aligned with the same DP, and the
    result is kept only when pairing them costs clearly less than leaving every sentence
    unaligned (``params.move_gain`` per bead; ``move_gain_unanchored`` and at least two
    beads on length evidence alone)."""
    null_s = {p.source[0]: p.cost for p in pairs if not p.target}
    null_t = {p.target[0]: p.cost for p in pairs if not p.source}
    if not null_s or not null_t:
        return pairs
    runs_s, runs_t = _runs(list(null_s), src), _runs(list(null_t), tgt)

    def feats(units, run):
        rows = units.anchors
        return set(rows.ids[rows.offsets[run[0]]:rows.offsets[run[-1] + 1]].tolist())

    feats_t = [feats(tgt, run) for run in runs_t]
    by_feature: dict[str, set[int]] = defaultdict(set)
    for r, fs in enumerate(feats_t):
        for f in fs:
            by_feature[f].add(r)
    candidates = []
    for q, run in enumerate(runs_s):
        fs = feats(src, run)
        for r in {r for f in fs for r in by_feature.get(f, ())}:
            # summed exactly: the candidates' order must not depend on set order
            shared = math.fsum(weights.anchors[list(fs & feats_t[r])])
            if shared >= params.move_min_shared:
                candidates.append((shared, q, r))
    # Without shared anchors only a neighbour swap is tried: the target run lies within a
    # few sentences of where the source run would be, and must pay off by far more.
    expected = _expected_targets(pairs)
    anchored = {(q, r) for _, q, r in candidates}
    starts = [run[0] for run in runs_t]  # runs come sorted by position
    for q, run in enumerate(runs_s):
        here = expected.get(run[0])
        if here is None:
            continue
        lo = bisect.bisect_left(starts, here - params.move_window)
        hi = bisect.bisect_right(starts, here + params.move_window)
        for r in range(lo, hi):
            if (q, r) not in anchored and 0.5 <= len(runs_t[r]) / len(run) <= 2.0:
                candidates.append((0.0, q, r))
    used_s: set[int] = set()
    used_t: set[int] = set()
    recovered: list[SegmentPair] = []
    covered_s: set[int] = set()
    covered_t: set[int] = set()
    for shared, q, r in sorted(candidates, reverse=True):
        if q in used_s or r in used_t:
            continue
        rs, rt = runs_s[q], runs_t[r]
        sub_s, sub_t = src.subset(rs), tgt.subset(rt)
        path, _ = _search(sub_s, sub_t, weights, ratio, params,
                          _proportional_centre(sub_s.lengths, sub_t.lengths))
        beads = [(i, j, t, cost) for i, j, t, cost in path if BEADS[t][0] and BEADS[t][1]]
        if not beads:
            continue
        null_cost = sum(null_s[rs[i - BEADS[t][0] + k]] for i, _, t, _ in beads
                        for k in range(BEADS[t][0]))
        null_cost += sum(null_t[rt[j - BEADS[t][1] + k]] for _, j, t, _ in beads
                         for k in range(BEADS[t][1]))
        gain = null_cost - sum(cost for *_, cost in beads)
        needed = params.move_gain if shared > 0 else params.move_gain_unanchored
        if gain < needed * len(beads) or (shared == 0 and len(beads) < 2):
            continue
        used_s.add(q)
        used_t.add(r)
        for i, j, t, cost in beads:
            a, b = BEADS[t]
            s_idx = tuple(rs[i - a + k] for k in range(a))
            t_idx = tuple(rt[j - b + k] for k in range(b))
            covered_s.update(s_idx)
            covered_t.update(t_idx)
            recovered.append(_pair(source, target, s_idx, t_idx, cost))
    if not recovered:
        return pairs
    kept = [p for p in pairs if not (p.source and not p.target and p.source[0] in covered_s)
            and not (p.target and not p.source and p.target[0] in covered_t)]
    # keep source order; an addition stays where it stood among the source positions
    merged, queue = [], sorted(recovered, key=lambda p: p.source[0])
    for pair in kept:
        while queue and pair.source and queue[0].source[0] < pair.source[0]:
            merged.append(queue.pop(0))
        merged.append(pair)
    return merged + queue


def _expected_targets(pairs: list[SegmentPair]) -> dict[int, int]:
    """For each unaligned source sentence, the target position it would have in order:
    just after the last target sentence aligned before it."""
    expected: dict[int, int] = {}
    last = 0
    for pair in pairs:
        if pair.source and pair.target:
            last = max(last, pair.target[-1] + 1)
        elif pair.source:
            expected[pair.source[0]] = last
    return expected


def _pair(source: Document, target: Document, s_idx: tuple[int, ...], t_idx: tuple[int, ...],
          cost: float) -> SegmentPair:
    s_span = (source.sentences[s_idx[0]].start, source.sentences[s_idx[-1]].end) if s_idx else None
    t_span = (target.sentences[t_idx[0]].start, target.sentences[t_idx[-1]].end) if t_idx else None
    pid = source.sentences[s_idx[0]].id if s_idx else "t:" + target.sentences[t_idx[0]].id
    return SegmentPair(
        id=pid, bead=f"{len(s_idx)}-{len(t_idx)}", source=s_idx, target=t_idx,
        source_span=s_span, target_span=t_span,
        source_text=source.text[s_span[0]:s_span[1]] if s_span else "",
        target_text=target.text[t_span[0]:t_span[1]] if t_span else "",
        cost=round(cost, 4))


def _build_pairs(source: Document, target: Document, path) -> list[SegmentPair]:
    expanded = []
    for i, j, t, cost in path:
        a, b = BEADS[t]
        if a and b or a + b == 1:
            expanded.append((i, j, t, cost))
            continue
        # a multi-sentence null bead is reported as consecutive 1-0 / 0-1 beads
        unit = BEADS.index((1, 0) if a else (0, 1))
        for k in range(a + b):
            ii = i - a + k + 1 if a else i
            jj = j - b + k + 1 if b else j
            expanded.append((ii, jj, unit, cost / (a + b)))
    pairs = []
    for i, j, t, cost in expanded:
        a, b = BEADS[t]
        pairs.append(_pair(source, target, tuple(range(i - a, i)), tuple(range(j - b, j)), cost))
    return pairs


def _document_overlap(s_set: set[str], t_set: set[str]):
    """Share of the documents' distinctive anchors (see :func:`_distinctive`) in common."""
    shared = sorted(s_set & t_set)
    denom = min(len(s_set), len(t_set))
    overlap = len(shared) / denom if denom else 1.0
    return overlap, len(s_set), len(t_set), shared
