"""The aligner's banded similarity grids (qa.align._BandOverlap) against a brute-force
reading of the same features: integer feature rows, target-window inverted indexes,
searchsorted and bincount must add up what sentence-by-sentence set intersection does."""

import random

import numpy as np

from qa.align import _BandOverlap, _band_lows, _FeatureWeights, _Rows, _UnitLexicon, _Units


def _random_rows(rng, units, features, most):
    return [sorted(rng.sample(range(features), rng.randrange(most + 1))) for _ in range(units)]


def _units(anchors, lexicon=None):
    k = len(anchors)
    return _Units([None] * k, _Rows.from_lists(anchors), np.zeros(k), np.zeros(k), lexicon,
                  np.ones(k))


def test_band_grids_equal_set_intersections_inside_the_band():
    rng = random.Random(7)
    n, m, n_anchor, n_word, n_stem = 90, 80, 40, 25, 30
    src_anchor, tgt_anchor = _random_rows(rng, n, n_anchor, 5), _random_rows(rng, m, n_anchor, 5)
    src_words, src_offers = _random_rows(rng, n, n_word, 4), _random_rows(rng, n, n_stem, 4)
    tgt_stems = _random_rows(rng, m, n_stem, 6)
    word_stems = _random_rows(rng, n_word, n_stem, 3)
    anchor_w = np.array([rng.random() for _ in range(n_anchor)])
    word_w = np.array([rng.random() for _ in range(n_word)])
    stem_w = np.array([rng.random() for _ in range(n_stem)])
    src = _units(src_anchor, _UnitLexicon(_Rows.from_lists(src_words),
                                          _Rows.from_lists(src_offers), np.zeros(n), np.zeros(n)))
    tgt = _units(tgt_anchor, _UnitLexicon(None, _Rows.from_lists(tgt_stems), np.zeros(m),
                                          np.zeros(m)))
    overlap = _BandOverlap(src, tgt, _FeatureWeights(anchor_w, word_w, stem_w,
                                                     _Rows.from_lists(word_stems)))
    width = 16
    centre = np.round(np.arange(n + 1) * m / n).astype(np.int64)
    lo = _band_lows(centre, width, m)
    for first, stop in ((0, n + 1), (0, 7), (30, 61), (85, n + 1)):
        grids = (overlap.anchor_grid(lo, width, first, stop),
                 overlap.word_grid(lo, width, first, stop),
                 overlap.stem_grid(lo, width, first, stop))
        expected = [np.zeros((stop - first, width)) for _ in range(3)]
        for i in range(max(first, 1), stop):
            for k in range(width):
                j = lo[i] + k - 1  # target j (0-based) at column k of row i
                if not 0 <= j < m:
                    continue
                s, t = i - 1, j
                expected[0][i - first, k] = sum(anchor_w[f]
                                                for f in set(src_anchor[s]) & set(tgt_anchor[t]))
                # a word counts once however many of its translations the target holds
                expected[1][i - first, k] = sum(word_w[w] for w in src_words[s]
                                                if set(word_stems[w]) & set(tgt_stems[t]))
                expected[2][i - first, k] = sum(stem_w[u]
                                                for u in set(src_offers[s]) & set(tgt_stems[t]))
        for got, want in zip(grids, expected):
            assert want.any()
            np.testing.assert_allclose(got, want, rtol=0, atol=1e-12)
