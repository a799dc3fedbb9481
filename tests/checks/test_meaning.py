"""MEA01/MEA02 (qa.checks.meaning): the substitution evidence on a toy lexicon and a toy
WordNet table, and the skipped entry without WordNet. The examples of both checks run in
test_examples.py against the installed WordNet."""

from __future__ import annotations

from qa.checks import meaning
from qa.checks.meaning import substitutions
from qa.config import Config
from qa.lang.wordnet import WordNet
from qa.runner import check_documents

ANTONYM = frozenset({"antonym"})


class ToyLexicon:
    """German word → English renderings, as :class:`qa.lang.lexicon.Lexicon` answers."""

    def __init__(self, table: dict[str, str]) -> None:
        self.table = {k.lower(): frozenset(v.split()) for k, v in table.items()}

    def translations(self, word: str) -> frozenset[str]:
        return self.table.get(word.lower(), frozenset())


LEXICON = ToyLexicon({"Preise": "price", "stiegen": "rise", "Forderungen": "demand",
                      "neuen": "new fresh", "Kosten": "cost", "mehr": "increase",
                      "Tote": "death", "Infektionen": "infection", "wurden": "were",
                      "registriert": "register", "vermutlich": "supposed presumptive"})
WORDNET = WordNet({"a\trise": "fall", "a\tfall": "rise", "a\tnew": "old", "a\told": "new",
                   "a\tmore": "less", "a\tless": "more", "a\tsupposed": "unlikely",
                   "i\tsupposed": "likely", "i\tpresumptive": "likely",
                   "s\tlikely": "probable presumptive", "x\tfell": "fall",
                   "x\trose": "rise"})


def found(source: str, target: str, relations=ANTONYM):
    return [(f.source.text, f.target.text, f.rendering)
            for f in substitutions(source, target, LEXICON, WORDNET, relations)]


def test_an_antonym_in_the_slot_of_an_unrendered_word_is_found():
    assert found("Die Preise stiegen.", "The prices fell.") == [("stiegen", "fell", "rise")]
    assert found("Die neuen Forderungen.", "The old demands.") == [("neuen", "old", "new")]


def test_a_rendered_source_word_is_not_reported():
    assert found("Die Preise stiegen.", "The prices rose and fell.") == []


def test_without_a_rendered_neighbour_the_relation_is_no_evidence():
    # "neuen" and "old" with nothing rendered around them: no slot to put "old" in
    assert found("Die neuen Forderungen.", "An old story was told about it.") == []


def test_a_repeated_source_word_is_rendered_once_nearest_in_place():
    source = "Mehr als 200 Infektionen und mehr als 30 Tote wurden registriert."
    target = "Less than 200 infections and more than 30 deaths were registered."
    assert found(source, target) == [("Mehr", "Less", "more")]


def test_another_sense_of_the_source_word_is_no_opposite():
    # likely is an indirect antonym of "supposed" but shares a synset with "presumptive"
    assert found("Vermutlich stiegen die Preise.", "The prices likely rose.") == []


def test_an_indirect_antonym_needs_two_renderings_it_opposes():
    lexicon = ToyLexicon({"Preise": "price", "sicher": "supposed"})
    wordnet = WordNet({"i\tsupposed": "likely"})
    assert substitutions("Die Preise sicher.", "The prices likely.", lexicon, wordnet,
                         ANTONYM) == []
    lexicon = ToyLexicon({"Preise": "price", "sicher": "supposed assumed"})
    wordnet = WordNet({"i\tsupposed": "likely", "i\tassumed": "likely"})
    assert [f.target.text for f in substitutions(
        "Die Preise sicher.", "The prices likely.", lexicon, wordnet, ANTONYM)] == ["likely"]


def test_hypernyms_are_judged_on_source_nouns_only():
    lexicon = ToyLexicon({"Die": "", "Regierung": "government", "Turnier": "tournament",
                          "begann": "begin", "gross": "large"})
    wordnet = WordNet({"h\ttournament": "contest event", "h\tlarge": "event"})
    relations = frozenset({"hypernym"})
    got = substitutions("Die Regierung begann das Turnier.",
                        "The government began the event.", lexicon, wordnet, relations)
    assert [(f.source.text, f.target.text, f.relation) for f in got] == \
        [("Turnier", "event", "hypernym")]
    assert substitutions("Die Regierung begann gross.", "The government began the event.",
                         lexicon, wordnet, relations) == []


def test_without_wordnet_the_checks_are_skipped_with_the_fix(monkeypatch, write):
    lexicon = write("lexicon.tsv", "de\ten\nPreise\tprices\nstiegen\trose\n")
    monkeypatch.setattr(meaning, "load_wordnet", lambda: None)
    report = check_documents("Die Preise stiegen.\n", "The prices fell.\n",
                             Config(select=("MEA01", "MEA02"), lexicon=lexicon))
    reasons = {s.check: s.reason for s in report.skipped}
    assert "wordnet-base" in reasons["MEA01"] and "wordnet-base" in reasons["MEA02"]
    assert report.checks_run == ()


def test_a_negative_prefix_on_a_rendering_negates_it():
    """``un``/``non`` + a rendering is its negation; ``in`` (also "into": ``income``)
    only when the dictionary gives the word for the German ``un``-word too."""
    from qa.checks.meaning import negated_rendering

    none = lambda: frozenset()  # noqa: E731 - no German un-word renderings
    assert negated_rendering(frozenset({"unharm", "unharmed"}),
                             frozenset({"harm", "harmed", "injured"}), none) == "harmed"
    assert negated_rendering(frozenset({"income"}), frozenset({"come"}), none) is None
    assert negated_rendering(frozenset({"inconsequential"}), frozenset({"consequential"}),
                             none) is None
    assert negated_rendering(frozenset({"inconsequential"}), frozenset({"consequential"}),
                             lambda: frozenset({"inconsequential"})) == "consequential"
    assert negated_rendering(frozenset({"union"}), frozenset({"ion"}), none) is None


def test_a_prefixed_rendering_is_found_in_the_slot_of_an_unrendered_word():
    lexicon = ToyLexicon({"Preise": "price", "stabil": "stable steady"})
    found = substitutions("Die Preise sind stabil.", "The prices are unstable.", lexicon,
                          WORDNET, ANTONYM)
    assert [(f.source.text, f.target.text, f.rendering) for f in found] == \
        [("stabil", "unstable", "stable")]
    # a noun's rendering with un is a verb of removal (Stecker → plug: unplug)
    lexicon = ToyLexicon({"Stecker": "plug", "Reparatur": "repair"})
    assert substitutions("Vor der Reparatur den Stecker ziehen.", "Unplug before the repair.",
                         lexicon, WORDNET, ANTONYM) == []


def test_a_compared_form_wordnet_lists_has_its_own_senses():
    """``later`` is not ``former`` as ``late`` may be: the synonyms of a comparative's
    positive degree do not make it another sense of a rendering; a verb form keeps its
    lemma's (``taken`` → ``take``)."""
    from qa.checks.meaning import _senses

    wordnet = WordNet({"s\tlate": "former previous", "s\tlater": "subsequently",
                       "s\ttaken": "occupied", "s\ttake": "go", "x\tlater": "late",
                       "x\ttaken": "take"})
    assert "former" not in _senses("later", wordnet.lemma_stems("later"), wordnet)
    assert "go" in _senses("taken", wordnet.lemma_stems("taken"), wordnet)
    # a noun in -er is no comparison (number: numb)
    wordnet = WordNet({"s\tnumber": "count", "h\tnumber": "amount", "s\tnumb": "dead"})
    assert "dead" in _senses("number", frozenset({"number", "numb"}), wordnet)


def test_a_target_word_repeating_part_of_a_hyphenated_source_word_renders_only_that():
    """``Top`` repeats ``Top-Musiker``'s first part: it does not render ``besten`` (whose
    renderings include ``top``), which then stays unrendered for ``worst``."""
    lexicon = ToyLexicon({"besten": "best good top", "Gitarristen": "guitarist",
                          "nannten": "called"})
    wordnet = WordNet({"a\tbest": "worst", "a\tworst": "best"})
    found = substitutions("Top-Musiker nannten ihn einen der besten Gitarristen.",
                          "Top musicians called him one of the worst guitarists.",
                          lexicon, wordnet, ANTONYM)
    assert [(f.source.text, f.target.text) for f in found] == [("besten", "worst")]


def test_a_nicht_after_a_clause_mark_or_after_a_noun_phrase_does_not_negate_the_word():
    """German negates a verb with a ``nicht`` after it (``stiegen nicht``), but not a word
    of another clause (``in Armut leben, können wir nicht``) nor an adjective before its
    noun (``die neuen Forderungen könnten nicht erfüllt werden``)."""
    from qa.checks.meaning import Word, _attributive, _negated
    from qa.lang.negation import negators

    clause = "Da viele in Armut leben, können wir nicht helfen."
    armut = Word("Armut", 12, 17)
    assert clause[armut.start:armut.end] == "Armut"
    assert not _negated(armut, negators(clause, "de"), after=True, text=clause)
    fell = "Die Preise stiegen nicht."
    stiegen = Word("stiegen", 11, 18)
    assert _negated(stiegen, negators(fell, "de"), after=True, text=fell)
    aside = "Die Preise stiegen – wie erwartet – nicht."
    assert _negated(stiegen, negators(aside, "de"), after=True, text=aside)
    demands = "Die neuen Forderungen könnten nicht erfüllt werden."
    assert _attributive(Word("neuen", 4, 9), demands)
    assert not _attributive(Word("stiegen", 11, 18), "Die Preise stiegen Anfang Mai nicht.")
    assert not _attributive(Word("stiegen", 11, 18), fell)


def test_a_substitution_in_a_free_translation_is_not_reported(monkeypatch, write):
    # a pair whose word alignment links fewer than half the source's content words
    # rewords freely: its unrendered word and added opposite are no evidence
    lexicon = write("lexicon.tsv", "de\ten\nPreise\tprices\nstiegen\trose\nMai\tMay\n"
                    "Markt\tmarket\nKunden\tcustomers\n")
    monkeypatch.setattr(meaning, "load_wordnet", lambda: WORDNET)

    def codes(source: str, target: str) -> list[str]:
        report = check_documents(source, target, Config(select=("MEA01",), lexicon=lexicon,
                                                        mt=False))
        return [f.code for f in report.findings]

    source = "Die Preise stiegen im Mai auf dem Markt für Kunden.\n"
    assert codes(source, "The prices fell in May on the market for customers.\n") == ["MEA01"]
    assert codes(source, "In spring, the prices fell, shoppers said.\n") == []
