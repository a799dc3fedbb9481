"""The run's language object: signature, termbase words, detector."""

from __future__ import annotations

from qa.lang.lexis import Lexis
from qa.termbase import TermEntry, Termbase


def test_signature_names_word_lists_detector_and_lexicon():
    signature = Lexis().signature()
    assert "wordfreq-" in signature and "simplemma-" in signature
    assert "detector-lingua" in signature and "lexicon-none" in signature
    assert "wordnet-" in signature  # MEA01/MEA02 and NAM01 read it where installed
    assert Lexis(language_detector="langdetect").signature() != signature


def test_termbase_words_are_folded_words_of_the_english_renderings():
    termbase = Termbase("t.csv", (TermEntry(de=("Élysée-Palast",), en=("Élysée Palace",)),
                                  TermEntry(de=("Bundestag",), en=("Bundestag",))))
    words = Lexis(termbases=(termbase,)).termbase_words
    assert {"elysee", "élysée", "palace", "bundestag"} <= words


def test_german_probability_uses_the_configured_detector():
    lexis = Lexis()
    assert lexis.german_probability("Die Regierung schwieg dazu jedoch.") > 0.7
    assert lexis.german_probability("The government said nothing.") < 0.3
