"""The names checks' reading of the source around a pair (qa.checks.names)."""

from __future__ import annotations

from qa.checks.names import _abbreviations, _nearby_source, _word_keys
from qa.lang import german
from qa.lang.names import german_abbreviations
from qa.model import Sentence


def _whole(texts: list[str]) -> tuple[str, frozenset[str], tuple[str, ...]]:
    """What _nearby_source assembles from its sentences, read off the joined text."""
    joined = " ".join(texts)
    expansions = [long_ for w in _abbreviations(joined)
                  for long_ in german_abbreviations().get(w, ())]
    text = joined + (" " + " ".join(expansions) if expansions else "")
    return text, _word_keys(text), _abbreviations(text)


def test_the_source_around_a_pair_is_the_joined_sentences_read_whole():
    texts = ["Der MdB Müller-Lüdenscheid sprach.", "Die StZ berichtete über die EU.",
             "Sie sagte: „Das BKA ermittelt.“", "Nichts weiter.", "O’Neill kam-",
             "nicht.", "Die WamS schrieb es.", "Ende."]
    sentences = []
    start = 0
    for k, text in enumerate(texts):
        sentences.append(Sentence(index=k, id=f"p1.s{k + 1}", start=start,
                                  end=start + len(text), paragraph=1, text=text))
        start += len(text) + 1
    def same(got, expected) -> None:
        (text, keys, abbreviations), (whole_text, whole_keys, whole_abbreviations) = got, expected
        assert (text, abbreviations) == (whole_text, whole_abbreviations)
        assert all(key in keys for key in whole_keys)
        assert not any(key in keys for key in ("castex", "ende nicht", ""))

    for index in range(len(texts)):
        low, high = max(0, index - 5), min(len(texts), index + 3)
        same(_nearby_source(sentences, (index,), texts[index]), _whole(texts[low:high]))
    assert "Mitglied" in _nearby_source(sentences, (0,), texts[0])[0]  # MdB spelled out
    # no sentences: the pair's own text
    same(_nearby_source(sentences, (), "Die SPD."), _whole(["Die SPD."]))


def test_a_dictionary_word_beside_a_speech_verb_is_read_as_the_speakers_name():
    from qa.checks.names import source_names

    def evidence(text: str) -> list[tuple[str, str]]:
        return [(name, why) for name, _, _, why in source_names(text)]

    assert evidence("Heil sagte, das Gesetz gelte.") == [("Heil", "speaker")]
    assert evidence("„Es geht“, sagt Zimmermann, der für Graf Zeppelin startet.")[0] == (
        "Zimmermann", "speaker")
    assert evidence("Später schrieb er eine Geschichte.") == []  # the subject follows
    assert evidence("Dazu sagte Müller nichts.")[:1] != [("Dazu", "speaker")]
    assert evidence("Man teilte mir mit, dass es regnet.") == []
    assert evidence("Die Polizei sagte, es sei ruhig.") == []  # a noun has its article
    # a speaker's name however short; other short words and abbreviations are no names
    assert evidence("„Wir werden die Emissionen senken“, sagte Hu.") == [("Hu", "speaker")]
    assert evidence("Das kostet nun 3 Mrd. Euro mehr.") == []
    assert evidence("Im Jahr 2020 kam es zum Streit, so Hu.") == []  # no speech verb


def test_a_first_name_and_surname_the_lexicon_cannot_translate_are_a_name():
    from qa.checks.names import source_names
    from qa.lang.lexicon import Lexicon

    lexicon = Lexicon("test", {german.stem("Verlust"): "loss", german.stem("Band"): "band"})
    found = [(name, why) for name, _, _, why in source_names(
        "Mick Fleetwood sprach von einem Verlust für die Band.", lexicon)]
    assert ("Mick", "no translation") in found and ("Fleetwood", "no translation") in found
    assert source_names("Mick Fleetwood sprach von einem Verlust.") == ()  # no lexicon
    # a loanword beside a noun is no name: German puts no two nouns side by side so,
    # and Biker alone has no neighbour that reads as a name
    assert source_names("Das Wetter lockt Biker auf die Straßen.", lexicon) == ()


def test_a_word_the_lexicon_leaves_as_it_is_and_wordnet_names_is_a_name():
    import pytest

    from qa.checks.names import source_names
    from qa.lang.lexicon import Lexicon
    from qa.lang.wordnet import load_wordnet

    if load_wordnet() is None:
        pytest.skip("WordNet (Debian's wordnet-base) is not installed")
    lexicon = Lexicon("test", {german.stem("Paris"): "Paris", german.stem("Hotel"): "hotel",
                               german.stem("Post"): "mail|post"})
    assert ("Paris", "named entity") in [(n, why) for n, _, _, why in source_names(
        "Sie fuhren in einer Kutsche zurück nach Paris.", lexicon)]
    # a loanword is no instance; a word the lexicon translates otherwise is a word
    assert source_names("Sie fuhren in einer Kutsche zurück ins Hotel.", lexicon) == ()
    assert source_names("Sie brachten den Brief zur Post.", lexicon) == ()
    # function words that WordNet also has as names (MIT, the Seine)
    assert source_names("Mit der Bahn fuhren sie. Seine Frau kam mit.", lexicon) == ()


def test_a_word_with_no_article_between_the_verb_and_the_next_article_is_a_name():
    from qa.checks.names import source_names

    def evidence(text: str) -> list[tuple[str, str]]:
        return [(name, why) for name, _, _, why in source_names(text)]

    assert ("Allan", "bare subject") in evidence("In der Nachspielzeit machte Allan den Endstand perfekt.")
    assert evidence("Schon beim ersten Turnier hatte Werth alle Prüfungen gewonnen.") == [
        ("Werth", "bare subject")]
    # an adjective before the noun, a predicate noun after a copula: no names
    assert ("Angaben", "bare subject") not in evidence(
        "Nordkorea hatte nach eigenen Angaben keine Infektion.")
    assert evidence("Trotz kleiner Erfolge gelang Green kein Comeback.") == [("Green", "bare subject")]
    assert evidence("Sie nahm die promovierte Juristin die Arbeit auf.") == []
    assert ("Gegenangebot", "bare subject") not in evidence(
        "Argentinien lehnt Gegenangebot der Gläubiger ab")  # a present tense: a headline
    assert ("Nachbarland", "bare subject") not in evidence("Moldau ist Nachbarland der Ukraine.")


def test_a_compound_ending_in_strasse_is_a_street_name_unless_a_kind_of_road():
    from qa.checks.names import source_names

    assert [(n, why) for n, _, _, why in source_names("Ein Zeuge hörte Geräusche in der Talstraße.")] \
        == [("Talstraße", "street")]
    assert source_names("Sie bog auf die Landesstraße 1230 ein.") == ()
    assert source_names("Die Straßen waren leer.") == ()


def test_decomposed_umlauts_numbers_and_interjections_are_no_names():
    from qa.checks.names import _source_names
    found = _source_names("Er behauptet sich dank seiner Gro\u0308ße, wenn Licht auf das "
                          "Geha\u0308use fällt. Strelow wurde Zwölfter. Achso, das war es.")
    assert [name for name, *_ in found] == ["Strelow"]


def test_a_word_the_document_names_a_speaker_with_is_a_name_elsewhere_too():
    from qa.config import Config
    from qa.runner import check_documents

    de = ("Heil sagte, das Gesetz gelte ab Januar. Es betreffe viele Betriebe. Die Branche "
          "protestierte. Die Gewerkschaften begrüßten es. Im Sommer soll es Ergänzungen "
          "geben. Im Mai will Heil dazu Vorschläge machen.")
    en = ("Heil said the law would apply from January. It would affect many companies. The "
          "industry protested. The unions welcomed it. There are to be additions in summer. "
          "The minister wants to make proposals on this in May.")
    found = [(f.code, f.kind, de[f.source_span[0]:f.source_span[1]])
             for f in check_documents(de, en, Config(mt=False)).findings if f.code == "NAM01"]
    assert found == [("NAM01", "named-elsewhere", "Heil")]
    # with an article the word is the noun (salvation), not the minister
    de_noun = de.replace("Im Mai will Heil dazu", "Im Mai soll das Heil dazu")
    assert not [f for f in check_documents(de_noun, en, Config(mt=False)).findings
                if f.code == "NAM01"]
