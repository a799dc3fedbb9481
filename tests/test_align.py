"""The aligner: known pairings from perturbed corpora, banding, lexicons, unrelated texts."""

from __future__ import annotations

import dataclasses
import random

import pytest

from conftest import CORPORA, corpus_files, corpus_pairs
from qa.align import AlignParams, align_documents
from qa.evaluation.synthetic import build_pair, score_alignment
from qa.lang.lexicon import load_lexicon
from qa.runner import load_document


def _parallel_sentences() -> list[tuple[str, str]]:
    """Sentence pairs of the clean corpora (each clean translation is sentence-parallel)."""
    pairs = []
    for pair in corpus_pairs():
        source, clean, _ = corpus_files(pair)
        de = load_document(source, "de")
        en = load_document(clean, "en")
        assert len(de.sentences) == len(en.sentences)
        pairs += [(a.text, b.text) for a, b in zip(de.sentences, en.sentences)
                  if a.text[-1] in ".!?\"“”" and len(a.text) > 25]
    return pairs


PARALLEL = _parallel_sentences()


def _align(sp, **kw):
    s = load_document("s.txt", "de", text=sp.source)
    t = load_document("t.txt", "en", text=sp.target)
    return s, t, align_documents(s, t, **kw)


def test_known_pairing_with_merges_splits_drops_and_additions():
    """Micro-averaged over eight perturbed documents built from the corpora (the figures
    on real WMT data come from benchmarks/alignment.py)."""
    fillers = ["Readers can find more background on our website.",
               "The weather in the region remained unusually mild for the season.",
               "Several other questions remain unanswered, the report says."]
    f1 = []
    om_hit = om_gold = add_hit = add_gold = 0
    for seed in range(8):
        sp = build_pair(PARALLEL, random.Random(seed), p_merge=0.08, p_split=0.08,
                        p_drop=0.06, p_add=0.06, p_drop_paragraph=0.03, fillers=fillers)
        s, t, alignment = _align(sp)
        gold = sp.gold_sentences(s, t)
        f1.append(score_alignment(gold, alignment.pairs).f1)
        gold_om = {b[0][0] for b in gold if not b[1]}
        gold_add = {b[1][0] for b in gold if not b[0]}
        om_gold += len(gold_om)
        add_gold += len(gold_add)
        om_hit += len(gold_om & {p.source[0] for p in alignment.pairs if p.bead == "1-0"})
        add_hit += len(gold_add & {p.target[0] for p in alignment.pairs if p.bead == "0-1"})
    assert sum(f1) / len(f1) >= 0.9, f1
    # Over 40 seeds the corpora give omission recall 0.78 and addition recall 0.66 (the
    # bar of 0.7 held on these 8 seeds only by sampling luck until a fourth corpus pair
    # changed the draws); the bars sit under the 40-seed figures by the 8-seed noise.
    # Raising addition recall is issue 14's work, measured by benchmarks/alignment.py.
    assert om_hit / om_gold >= 0.65, (om_hit, om_gold)
    assert add_hit / add_gold >= 0.6, (add_hit, add_gold)


def test_clean_parallel_text_has_no_null_beads():
    sp = build_pair(PARALLEL, random.Random(7), p_merge=0, p_split=0, p_drop=0, p_add=0,
                    p_drop_paragraph=0)
    s, t, alignment = _align(sp)
    assert all(p.bead == "1-1" for p in alignment.pairs)
    assert score_alignment(sp.gold_sentences(s, t), alignment.pairs).f1 == 1.0


def test_band_gives_the_unbanded_result():
    rng = random.Random(3)
    long_pairs = [PARALLEL[rng.randrange(len(PARALLEL))] for _ in range(160)]
    sp = build_pair(long_pairs, rng, p_drop=0.05, p_add=0.05, p_drop_paragraph=0.05)
    s = load_document("s.txt", "de", text=sp.source)
    t = load_document("t.txt", "en", text=sp.target)
    full = align_documents(s, t, params=AlignParams(band=10_000))
    banded = align_documents(s, t, params=AlignParams(band=12))
    assert full.band == len(t.sentences) + 1
    assert banded.band < full.band
    assert [(p.source, p.target) for p in banded.pairs] == [(p.source, p.target)
                                                             for p in full.pairs]


def test_paragraph_pass_for_long_documents_keeps_accuracy():
    rng = random.Random(11)
    long_pairs = [PARALLEL[rng.randrange(len(PARALLEL))] for _ in range(400)]
    sp = build_pair(long_pairs, rng, p_drop=0.04, p_add=0.04, p_drop_paragraph=0.03)
    s, t, alignment = _align(sp, params=AlignParams(band=16))
    score = score_alignment(sp.gold_sentences(s, t), alignment.pairs)
    assert score.f1 >= 0.85, score


def test_one_sentence_per_line_documents_centre_the_band_on_runs_of_lines(monkeypatch):
    """A document of one-sentence paragraphs would make the band-centring pass a second
    sentence-level alignment: its units are then runs of COARSE_MIN_SENTENCES lines, and
    the beads are those the line-by-line pass gives."""
    import qa.align as align

    rng = random.Random(5)
    lines = [PARALLEL[rng.randrange(len(PARALLEL))] for _ in range(300)]
    sp = build_pair(lines, rng, p_drop=0.04, p_add=0.04, p_drop_paragraph=0.0)
    de = "\n\n".join(sp.source[a:b] for a, b in sp.source_units)
    en = "\n\n".join(sp.target[a:b] for a, b in sp.target_units)
    s = load_document("s.txt", "de", text=de)
    t = load_document("t.txt", "en", text=en)
    assert len(s.paragraphs) == len(s.sentences)  # one sentence per line
    sizes = []
    real = align._Units.by_paragraph

    def spy(units, doc, min_sentences=1):
        coarse = real(units, doc, min_sentences)
        sizes.append(len(coarse.items))
        return coarse

    monkeypatch.setattr(align._Units, "by_paragraph", spy)
    params = AlignParams(band=16)
    grouped = [(p.source, p.target) for p in align_documents(s, t, params=params).pairs]
    assert sizes[0] <= len(s.sentences) / align.COARSE_MIN_SENTENCES + 1
    monkeypatch.setattr(align, "COARSE_MIN_SENTENCES", 1)
    sizes.clear()
    by_line = [(p.source, p.target) for p in align_documents(s, t, params=params).pairs]
    assert sizes[0] == len(s.sentences) and grouped == by_line


def test_every_sentence_is_in_exactly_one_pair():
    sp = build_pair(PARALLEL, random.Random(5), p_drop=0.1, p_add=0.1)
    s, t, alignment = _align(sp)
    src = [i for p in alignment.pairs for i in p.source]
    tgt = [j for p in alignment.pairs for j in p.target]
    assert src == list(range(len(s.sentences)))
    assert tgt == list(range(len(t.sentences)))
    for p in alignment.pairs:
        assert p.bead in {"1-1", "1-0", "0-1", "2-1", "1-2", "2-2", "1-3", "3-1"}


def test_numbers_across_conventions_anchor_the_alignment():
    de = ("Der Umsatz stieg auf 4,2 Mrd. Euro. Die Firma beschäftigt 3.200 Menschen. "
          "Der Gewinn sank um 12,5 Prozent.")
    en = ("Revenue rose to 4.2 billion euros. The company's profit fell by 12.5 percent.")
    s = load_document("s.txt", "de", text=de)
    t = load_document("t.txt", "en", text=en)
    alignment = align_documents(s, t)
    assert [p.bead for p in alignment.pairs] == ["1-1", "1-0", "1-1"]


def test_lexicon_resolves_what_length_cannot(write):
    de = ("Sie kündigte an, vor den Verfassungsrat zu ziehen. Ein Urteil wird im März erwartet.")
    en = ("She announced that she would take the matter to the Constitutional Council. "
          "Observers expect the court to side with the government. "
          "A ruling is expected in March.")
    s = load_document("s.txt", "de", text=de)
    t = load_document("t.txt", "en", text=en)
    lexicon = load_lexicon(write("lex.tsv", "de\ten\nVerfassungsrat\tConstitutional Council\n"
                                             "Urteil\truling|verdict\n"))
    alignment = align_documents(s, t, lexicon=lexicon)
    assert [p.bead for p in alignment.pairs] == ["1-1", "0-1", "1-1"]


def test_apertium_dix_lexicon(write):
    dix = write("x.dix", """<?xml version="1.0" encoding="UTF-8"?>
<dictionary><section id="main" type="standard">
<e><p><l>government<s n="n"/></l><r>Regierung<s n="n"/></r></p></e>
<e><p><l>constitutional<b/>council<s n="n"/></l><r>Verfassungsrat<s n="n"/></r></p></e>
<e><i>Berlin<s n="np"/></i></e>
</section></dictionary>""")
    lexicon = load_lexicon(dix)
    assert lexicon.translations("Regierungen") == {"government"}
    assert lexicon.translations("Verfassungsrates") == {"constitutional", "council"}
    assert "berlin" in lexicon.translations("Berlin")


def test_unrelated_documents_are_recognised():
    de = load_document(CORPORA / "france-politics" / "de.txt", "de")
    en_other = load_document(CORPORA / "business-windpower" / "en.txt", "en")
    en_same = load_document(CORPORA / "france-politics" / "en.txt", "en")
    assert align_documents(de, en_other).unrelated
    assert not align_documents(de, en_same).unrelated


def test_params_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        AlignParams().band = 3  # type: ignore[misc]


MOVED_DE = """Der Stadtrat von Freiburg beschloss am Dienstag einen Haushalt von 412 Millionen Euro.

Oberbürgermeister Martin Horn sprach von einem schwierigen Jahr für die Kommune.

Die Grünen und die SPD stimmten dafür, die CDU stimmte mit 14 Stimmen dagegen. Kritik kam auch vom Bund der Steuerzahler.

Der Haushalt sieht 38 neue Stellen bei der Feuerwehr vor. Die Schulsanierung in Haslach kostet 27 Millionen Euro.

Die nächste Sitzung ist für den 14. März geplant.
"""
MOVED_EN = """Freiburg city council on Tuesday adopted a budget of 412 million euros.

Mayor Martin Horn spoke of a difficult year for the municipality.

The budget provides for 38 new posts in the fire brigade. The renovation of the schools in Haslach costs 27 million euros.

The Greens and the SPD voted in favour, the CDU voted against with 14 votes. Criticism also came from the Taxpayers' Association.

The next meeting is scheduled for 14 March.
"""


def test_moved_paragraph_is_paired_out_of_order_not_omitted_and_added():
    s = load_document("s.txt", "de", text=MOVED_DE)
    t = load_document("t.txt", "en", text=MOVED_EN)
    pairs = align_documents(s, t).pairs
    assert all(p.source and p.target for p in pairs), [(p.source, p.target) for p in pairs]
    assert {(p.source, p.target) for p in pairs} >= {((2,), (4,)), ((3,), (5,)),
                                                     ((4,), (2,)), ((5,), (3,))}
    # the pairs stay in source order, whatever order the target takes
    assert [p.source for p in pairs] == sorted(p.source for p in pairs)


def test_moved_paragraphs_in_perturbed_documents_are_mostly_recovered():
    """Paragraphs swapped with their neighbour: most come back as pairs, and the
    recovery leaves documents without moves exactly as the monotone aligner had them."""
    # averaged over eight documents: one document's F1 swings with the draw (0.74–1.0
    # over 20 seeds of the corpora, mean 0.90), and any new corpus pair changes the draws
    with_recovery, without = [], []
    off = dataclasses.replace(AlignParams(), recover_moved=False)
    for seed in range(8):
        moved = build_pair(PARALLEL, random.Random(seed), p_merge=0, p_split=0, p_drop=0,
                           p_add=0, p_drop_paragraph=0, p_move_paragraph=0.3)
        s, t, alignment = _align(moved)
        gold = moved.gold_sentences(s, t)
        with_recovery.append(score_alignment(gold, alignment.pairs).f1)
        without.append(score_alignment(gold, align_documents(s, t, params=off).pairs).f1)
    assert sum(with_recovery) / 8 >= 0.85, with_recovery
    assert sum(with_recovery) > sum(without), (with_recovery, without)


def test_number_anchors_are_the_number_model_s_values():
    """The aligner's number anchors are qa.lang.quantities' values: one reading of digits
    for the aligner and NUM01 (4,2 = 4.2; 3.200 = 3,200; German grouping left in English
    copy reads as meant); numbers glued to letters anchor nothing."""
    from qa.align import _anchor_features

    def numbers(text, lang):
        return {f for f in _anchor_features(text, lang) if f.startswith("#")}

    assert numbers("Rund 3.200 Stellen und 4,2 Mrd. Euro.", "de") == {"#3200", "#4.2"}
    assert numbers("About 3,200 jobs and 4.2 billion euros.", "en") == {"#3200", "#4.2"}
    assert numbers("So far 272.000 infections.", "en") == numbers("Bisher 272.000 Fälle.", "de")
    assert numbers("Der A380 fliegt mit 1.5A, COVID-19.", "de") == {"#19"}


def test_forward_pass_equals_the_textbook_recursion(monkeypatch):
    """The vectorised forward pass (priced block by block, source-consuming beads
    gathered per row, 0-1 as a prefix-minimum scan, 0-2/0-3 relaxed on the scanned row)
    fills the same table as
    D[i][j] = min over beads of D[i-a][j-b] + cost, and the backtraced path's bead costs
    add up to the total."""
    import numpy as np

    import qa.align as align

    captured = []
    real_fill = align._fill_table

    def spy(costs_of, g):
        D, B = real_fill(costs_of, g)
        captured.append((costs_of(g), g, D, B))  # every bead's cost over the whole band
        return D, B

    monkeypatch.setattr(align, "_fill_table", spy)
    sp = build_pair(PARALLEL[:40], random.Random(4), p_merge=0.1, p_split=0.1, p_drop=0.1,
                    p_add=0.1)
    _align(sp, params=AlignParams(band=1000, recover_moved=False))
    (costs, g, D, B), = captured
    n, m = g.n, g.m
    assert g.width == m + 1 and not g.lo.any()  # unbanded: column k is target position k
    ref = np.full((n + 1, m + 1), np.inf)
    ref[0, 0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            for t, (a, b) in enumerate(align.BEADS):
                if i >= a and j >= b and (i, j) != (0, 0):
                    ref[i, j] = min(ref[i, j], ref[i - a, j - b] + float(costs[t][i, j]))
    np.testing.assert_allclose(D, ref, rtol=0, atol=1e-6)
    path = align._backtrace(D, B, g)
    assert (path[-1][0], path[-1][1]) == (n, m)
    assert sum(cost for *_, cost in path) == pytest.approx(D[n, m], abs=1e-6)


COUNCIL_LEXICON = ("de\ten\nStadtrat\tcity council\nHaushalt\tbudget\nbeschließen\tadopt|pass\n"
                   "Schule\tschool\nGebäude\tbuilding\nrenovieren\trenovate|refurbish\n"
                   "Sommer\tsummer\nBürgermeister\tmayor\nSteuer\ttax\n"
                   "Bank\tbank|bench|seat\nJahr\tyear\n")


def test_a_word_with_many_senses_is_one_piece_of_evidence(write):
    """Hunalign-style weighting: a German word counts once however many of its senses
    the target holds, and a word whose translation is in more than ``max_df`` sentences
    is no evidence at all."""
    import numpy as np

    from qa.align import _BandOverlap, _FeatureWeights, _lexical_evidence, _Rows, _Units

    lexicon = load_lexicon(write("lex.tsv", COUNCIL_LEXICON))
    evidence = _lexical_evidence(["Die Bank steht im Park."], ["The bank, a bench, a seat."],
                                 lexicon)
    assert len(evidence.source.words.ids) == 1 and evidence.source.expected[0] == 1.0
    # the band grid of source words found in the target: the one word counts once
    units = [_Units([None], _Rows.from_lists([[]]), np.zeros(1), np.zeros(1), side, np.ones(1))
             for side in (evidence.source, evidence.target)]
    weights = _FeatureWeights(np.zeros(0), evidence.word_weights, evidence.stem_weights,
                              evidence.word_stems)
    grid = _BandOverlap(*units, weights).word_grid(np.zeros(2, dtype=np.int64), 2, 0, 2)
    assert grid[1, 1] == 1.0
    common = _lexical_evidence(["Das Jahr war gut."], ["A year.", "Next year.", "The year."],
                               lexicon, max_df=2)
    assert not len(common.source.words.ids) and common.source.expected[0] == 0.0


def test_an_omitted_sentence_is_not_hidden_in_a_merge_beside_a_translated_one(write):
    """A German sentence whose dictionary words find nothing in the English it is merged
    with is an omission, even where the lengths favour the 2-1 merge: each member of a
    multi-sentence bead must find its own counterpart (``lexicon_member_miss``)."""
    de = ("Der Stadtrat hat den Haushalt beschlossen. "
          "Der Bürgermeister will eine Steuer auf jedes Gebäude. "
          "Das Gebäude der Schule wird im Sommer renoviert.")
    en = ("The city council has adopted the budget after a long debate. "
          "The school building will be renovated in the summer.")
    s = load_document("s.txt", "de", text=de)
    t = load_document("t.txt", "en", text=en)
    lexicon = load_lexicon(write("lex.tsv", COUNCIL_LEXICON))
    beads = [p.bead for p in align_documents(s, t, lexicon=lexicon).pairs]
    assert beads == ["1-1", "1-0", "1-1"]
    blind = dataclasses.replace(AlignParams(), lexicon_member_miss=0.0)
    assert [p.bead for p in align_documents(s, t, lexicon=lexicon, params=blind).pairs] \
        == ["2-1", "1-1"]
