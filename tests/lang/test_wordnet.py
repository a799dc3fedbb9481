"""The WordNet reader (qa.lang.wordnet) on a small database written in WordNet's own
format (wndb(5)), so the tests need neither Debian's wordnet-base nor its licence."""

from __future__ import annotations

import pytest

from qa.lang import wordnet
from qa.lang.wordnet import WordNet, build_table, load_wordnet

LICENCE = "  1 This software and database is being provided to you, the LICENSEE\n"
# offsets are per file; pointers: symbol offset pos source/target (lemma numbers, hex)
DATABASE = {
    "data.adj": [
        "00000001 00 a 02 big 0 large 0 001 ! 00000002 a 0101 | above average in size",
        "00000002 00 a 01 small 0 001 ! 00000001 a 0101 | limited in size",
        "00000003 00 s 01 tiny 0 001 & 00000002 a 0000 | very small",
        "00000004 00 s 01 huge(a) 0 001 & 00000001 a 0000 | unusually great in size",
        "00000005 00 a 01 thermal 0 002 \\ 00000010 n 0101 ! 00000006 a 0101 | of heat",
        "00000006 00 a 01 nonthermal 0 002 \\ 00000010 n 0101 ! 00000005 a 0101 | not of heat",
    ],
    "data.noun": [
        "00000001 00 n 01 tournament 0 001 @ 00000002 n 0000 | a sporting competition",
        "00000002 00 n 02 contest 0 competition 0 001 @ 00000003 n 0000 | a struggle",
        "00000003 00 n 01 event 0 001 @ 00000006 n 0000 | something that happens",
        "00000004 00 n 01 closure 0 001 + 00000001 v 0101 | the act of closing",
        "00000005 00 n 01 opening 0 001 + 00000002 v 0101 | the act of opening",
        "00000006 00 n 01 happening 0 001 @ 00000009 n 0000 | an event",
        "00000009 00 n 01 phenomenon 0 001 @ 00000007 n 0000 | any state or process",
        "00000007 00 n 01 psychological_feature 0 000 | a feature of the mind",
        "00000008 00 n 01 More 0 001 @i 00000003 n 0000 | an English statesman",
        "00000010 00 n 01 heat 0 000 | a form of energy",
        "00000011 00 n 01 Paris 0 001 @i 00000003 n 0000 | a capital",
        "00000012 00 n 01 Monday 0 001 @ 00000003 n 0000 | a day of the week",
    ],
    "data.verb": [
        "00000001 00 v 01 close 0 002 ! 00000002 v 0101 + 00000004 n 0101 01 + 01 00 | shut",
        "00000002 00 v 01 open 0 002 ! 00000001 v 0101 + 00000005 n 0101 01 + 01 00 | open",
    ],
    "data.adv": [],
}
EXCEPTIONS = {"verb.exc": "fell fall\nbegan begin\n", "adj.exc": "bigger big\n"}


@pytest.fixture
def folder(tmp_path):
    for name, lines in DATABASE.items():
        (tmp_path / name).write_text(LICENCE + "".join(line + "  \n" for line in lines),
                                     encoding="utf-8")
    for name, text in EXCEPTIONS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.fixture
def net(folder) -> WordNet:
    return WordNet(build_table(folder))


def test_lemma_antonyms_in_both_directions(net):
    assert "small" in net.antonyms("big") and "big" in net.antonyms("small")
    assert "small" not in net.antonyms("large")  # lemma-level: the pointer is big's
    assert "tiny" in net.indirect_antonyms("large")  # but the cluster is the synset's


def test_satellites_are_indirect_antonyms_of_the_opposite_head_only(net):
    assert "tiny" in net.indirect_antonyms("big")
    assert "huge" in net.indirect_antonyms("small")  # the (a) position marker removed
    assert "tiny" not in net.antonyms("big")
    assert "huge" not in net.indirect_antonyms("tiny")  # two satellites are no antonyms


def test_derivations_of_antonyms_are_antonyms(net):
    assert "opening" in net.antonyms("closure")
    assert "closure" in net.antonyms("opening")


def test_a_derivation_of_both_antonyms_is_opposite_neither(net):
    assert net.antonyms("thermal") == frozenset({"nonthermal"})
    assert net.antonyms("heat") == frozenset()


def test_hypernyms_reach_three_levels_and_skip_phrases_and_names(net):
    assert {"contest", "competition", "event"} <= net.hypernyms("tournament")
    assert "happening" in net.hypernyms("tournament")
    assert "phenomenon" not in net.hypernyms("tournament")  # a fourth level
    assert "phenomenon" in net.hypernyms("contest")
    assert net.hypernyms("more") == frozenset()  # the statesman More is not "more"
    assert net.hypernyms("closure") == frozenset()  # no @ pointer
    # psychological_feature, a phrase, is no lemma
    assert net.hypernyms("event") == frozenset({"happening", "phenomenon"})


def test_one_word_names_of_instances_are_names(net):
    assert net.names_an_instance("Paris") and net.names_an_instance("More")
    assert not net.names_an_instance("Monday")  # capitalised, but a word, not an instance
    assert not net.names_an_instance("event") and not net.names_an_instance("Berlin")


def test_irregular_verb_forms_come_from_the_verb_exceptions_only(net):
    assert net.irregular_verb_form("began") and net.irregular_verb_form("Fell")
    assert not net.irregular_verb_form("bigger")  # an adjective's exception
    assert not net.irregular_verb_form("begin")


def test_synonyms_are_the_words_of_a_synset(net):
    assert "competition" in net.synonyms("contest")
    assert "large" in net.synonyms("big")
    assert "small" not in net.synonyms("big")


def test_lemma_stems_use_exceptions_and_detachment_rules(net):
    assert "fall" in net.lemma_stems("fell")
    assert "begin" in net.lemma_stems("began")
    assert "stop" in net.lemma_stems("stopped")  # doubled consonant undone
    assert "close" in net.lemma_stems("closing")
    assert "big" in net.lemma_stems("bigger")
    assert "b" not in net.lemma_stems("bed")  # no lemma under three letters


def test_load_builds_the_cache_once_and_reads_it_back(folder, tmp_path, monkeypatch):
    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path / "cache"))
    load_wordnet.cache_clear()
    try:
        first = load_wordnet(str(folder))
        cached = list((tmp_path / "cache" / "qa").glob("wordnet-*.marisa"))
        assert len(cached) == 1
        load_wordnet.cache_clear()
        again = load_wordnet(str(folder))
        assert again.antonyms("big") == first.antonyms("big") == frozenset({"small"})
        assert again.hypernyms("tournament") == first.hypernyms("tournament")
    finally:
        load_wordnet.cache_clear()


def test_missing_database_is_none_with_a_fix(tmp_path, monkeypatch):
    load_wordnet.cache_clear()
    monkeypatch.setattr(wordnet, "WORDNET_PATH", tmp_path / "absent")
    try:
        assert wordnet.default_wordnet_path() is None
        assert wordnet.signature() == "none"  # recorded in the run's language signature
        assert load_wordnet() is None
        assert load_wordnet(str(tmp_path)) is None  # a folder without data files
    finally:
        load_wordnet.cache_clear()
    assert "wordnet-base" in wordnet.FIX


def test_hypernym_levels_can_start_above_the_parent(folder):
    from qa.lang.wordnet import hypernym_pairs, read_synsets

    above_parent = {h for w, h in hypernym_pairs(read_synsets(folder), 3, 2) if w == "tournament"}
    assert above_parent == {"event", "happening"}
