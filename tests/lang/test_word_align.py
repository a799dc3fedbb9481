"""The per-pair word alignment (qa.lang.word_align): what links, what is left over."""

from __future__ import annotations

from qa.lang import german
from qa.lang.lexicon import Lexicon
from qa.lang.word_align import align_words


def _lexicon(**entries: str) -> Lexicon:
    return Lexicon("test", {german.stem(de): en for de, en in entries.items()})


def _links(source: str, target: str, lexicon: Lexicon) -> set[tuple[str, str]]:
    alignment = align_words(source, target, lexicon)
    return {(alignment.source[i].text, alignment.target[j].text) for i, j, _ in alignment.links}


def test_dictionary_translations_link_and_the_rest_is_left_over():
    lexicon = _lexicon(Regierung="government", Haushalt="budget", Montag="monday")
    alignment = align_words("Die Regierung legte am Montag den Haushalt vor.",
                            "The government spoke about the weather.", lexicon)
    assert {w.text for w in alignment.unlinked_source()} == {"legte", "Montag", "Haushalt"}
    assert {w.text for w in alignment.unlinked_target()} == {"spoke", "weather"}
    assert _links("Die Regierung legte am Montag den Haushalt vor.",
                  "The government spoke about the weather.", lexicon) == {("Regierung", "government")}


def test_one_english_word_accounts_for_one_german_word():
    lexicon = _lexicon(neuen="new", neuartigen="new novel", Forderungen="demand")
    alignment = align_words("Die neuen und neuartigen Forderungen", "The new demands", lexicon)
    assert [w.text for w in alignment.unlinked_source()] in (["neuen"], ["neuartigen"])


def test_lemmas_link_inflected_verbs_on_both_sides():
    lexicon = _lexicon(sagen="say")
    assert ("sagte", "said") in _links("Er sagte es.", "He said so.", lexicon)


def test_numbers_names_and_exonyms_link_by_their_form():
    links = _links("In Griechenland wurden 272.000 Fälle bei Twitter gemeldet.",
                   "Twitter reported 272,000 cases in Greece.", _lexicon())
    assert {("Griechenland", "Greece"), ("272.000", "272,000"), ("Twitter", "Twitter")} <= links


def test_a_compound_takes_the_english_words_of_its_parts():
    lexicon = _lexicon(Kinder="child", Klinik="hospital clinic")
    alignment = align_words("Die Kinderklinik in Graz", "The children hospital in Graz", lexicon)
    assert alignment.unlinked_source() == [] and alignment.unlinked_target() == []


def test_a_hyphenated_word_takes_the_english_words_of_its_parts():
    lexicon = _lexicon(Präsident="president")
    alignment = align_words("US-Präsident Trump", "US President Trump", lexicon)
    assert alignment.unlinked_target() == []
