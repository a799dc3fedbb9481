"""Word knowledge (qa.lang), table-driven: each case says why it holds."""

from __future__ import annotations

import pytest

from qa.lang import english, german, names

READS_GERMAN = [
    ("nicht", True, "a German function word, rare in English"),
    ("plötzlich", True, "lower-case word far more frequent in German"),
    ("Rotorblätter", True, "a German compound noun"),
    ("Wirtschaftsstandort", True, "compound of two frequent German words"),
    ("Harvard-Professorin", True, "a hyphenated word is judged by its German head"),
    ("Manager", False, "German dictionary word, but frequent English too"),
    ("Pegasus", False, "a name English uses as often"),
    ("Kindergarten", False, "a German loanword English copy keeps"),
    ("extremists", False, "an English word is no German compound (Extre|mists)"),
    ("house", False, "English"),
]


@pytest.mark.parametrize("word,expected,reason", READS_GERMAN, ids=[c[0] for c in READS_GERMAN])
def test_reads_german(word, expected, reason):
    assert german.reads_german(word) is expected, reason


DICTIONARY_WORD = [
    ("Regierung", True, "a German dictionary word"),
    ("Spähsoftware", True, "a compound of German words, so not a name"),
    ("Verimpfung", True, "a derivation (ver-) of a German word"),
    ("US-Heimatschutzministerium", True, "hyphenated: the head decides"),
    ("Kayyem", False, "a surname: no German word, no compound"),
    ("Castex", False, "a surname"),
]


@pytest.mark.parametrize("word,expected,reason", DICTIONARY_WORD,
                         ids=[c[0] for c in DICTIONARY_WORD])
def test_dictionary_word(word, expected, reason):
    assert german.dictionary_word(word) is expected, reason


STEMS = [
    ("Regierungen", 4, "regierung", "plural -en removed"),
    ("Hauses", 4, "haus", "genitive -es removed"),
    ("Kindern", 4, "kind", "dative plural -ern removed"),
    ("Bayern", 5, "bayer", "-n removed, five letters kept (Bayern → bayerisch)"),
    ("Rat", 4, "rat", "too short to strip anything"),
]


@pytest.mark.parametrize("word,min_stem,expected,reason", STEMS, ids=[c[0] for c in STEMS])
def test_german_stem(word, min_stem, expected, reason):
    assert german.stem(word, min_stem=min_stem) == expected, reason


def test_german_stems_are_every_single_ending_removed():
    assert german.stems("kindern") == {"kind", "kinder"}
    assert german.stems("rat") == set()


ENGLISH_STEMS = [("governments", "government"), ("churches", "church"),
                 ("policies", "policy"), ("class", "class"), ("bus", "bus")]


@pytest.mark.parametrize("word,expected", ENGLISH_STEMS, ids=[c[0] for c in ENGLISH_STEMS])
def test_english_stem(word, expected):
    assert english.stem(word) == expected


@pytest.mark.parametrize("word,expected,reason", [
    ("government", True, "frequent English"),
    ("the", True, "function word"),
    ("Zelensky", False, "a name is no ordinary word"),
    ("xqz", False, "not a word"),
])
def test_ordinary_english_word(word, expected, reason):
    assert english.ordinary_word(word) is expected, reason


@pytest.mark.parametrize("german_form,english_form,reason", [
    ("Selenskyj", "Zelensky", "z/s and yj/y transliteration"),
    ("Kudryzkyj", "Kudrytskyi", "Ukrainian names in German vs English transliteration"),
    ("Chruschtschow", "Khrushchov", "tsch/ch and kh/ch"),
    ("Herzlia", "Herzliya", "iy/i"),
])
def test_name_keys_meet_across_transliterations(german_form, english_form, reason):
    assert names.name_key(german_form) == names.name_key(english_form), reason


def test_exonyms_both_ways():
    assert "Czech Republic" in names.exonyms()["tschechien"]
    assert "munchen" in names.reverse_exonyms()["munich"]


@pytest.mark.parametrize("a,b,distance", [("castex", "casteix", 1), ("kayyem", "kayem", 1),
                                          ("castex", "castex", 0), ("a", "abcdef", 3)])
def test_edit_distance_is_capped_at_three(a, b, distance):
    assert names.edit_distance(a, b) == distance


@pytest.mark.parametrize("token,source,expected,reason", [
    ("Seehofer", "Am Montag sagte Seehofer, er sei zufrieden.", True,
     "occurs without an article: used as a name"),
    ("Saison", "Nach der Saison ist vor der Saison.", False, "always after an article: a noun"),
    ("Seehofer", "Seehofer sagte, er sei zufrieden.", False,
     "only at a sentence start, where every noun is capitalised: no evidence"),
    ("Baden-Württemberg", "Baden-Württemberg wählt.", True,
     "a hyphenated name kept verbatim tells itself apart even at a sentence start"),
])
def test_used_as_name_in_the_source(token, source, expected, reason):
    assert german.used_as_name(token, source) is expected, reason


@pytest.mark.parametrize("word,expected", [("Ratspräsidentin", True), ("Ausschussvorsitzender", True),
                                           ("Macron", False)])
def test_role_nouns(word, expected):
    assert german.role_noun(word) is expected


@pytest.mark.parametrize("word,expected", [("Geschäftsführer", True), ("Abteilungsleiterin", True)])
def test_role_nouns_of_leading(word, expected):
    assert german.role_noun(word) is expected


COMMON_WORD_FORMS = [
    ("Finderin", True, "a feminine person noun (Finder + -in) the dictionary lacks"),
    ("Überschüssiges", True, "an inflected adjective, capitalised at a sentence start"),
    ("Grusse", True, "Grüße spelled without ß and umlaut"),
    ("Gerdt", True, "a typo of Gerät (d for ä), rare and unknown to English"),
    ("Kannt", True, "a typo of kann"),
    ("Sooo", True, "expressive lengthening"),
    ("Brrr", True, "no vowel: an interjection"),
    ("Tja", True, "a listed interjection"),
    ("Kayyem", False, "a surname"),
    ("Veguilla", False, "a rare surname is one edit from no frequent German word"),
    ("Smeg", False, "a brand English text knows is no typo of Steg"),
    ("Strauss", False, "a spelling English uses is a name's (Strauß)"),
    ("Stefanie", False, "a first name"),
]


@pytest.mark.parametrize("word,expected,reason", COMMON_WORD_FORMS,
                         ids=[c[0] for c in COMMON_WORD_FORMS])
def test_common_word_forms_are_no_names(word, expected, reason):
    assert german.common_word_form(word) is expected, reason


@pytest.mark.parametrize("word,expected,reason", [
    ("StZ", True, "capitals and lower case mixed, short"),
    ("MdB", True, "Mitglied des Bundestages"),
    ("GmbH", True, "half of the letters capitals"),
    ("McCord", False, "a name with an inner capital"),
    ("YouTube", False, "a brand: too long"),
    ("CDU", False, "all capitals: an abbreviation, but not a mixed-case one"),
])
def test_mixed_case_abbreviations(word, expected, reason):
    assert german.mixed_case_abbreviation(word) is expected, reason


@pytest.mark.parametrize("previous,before,expected", [
    ("Frau", "eine", True), ("Herr", "der", True), ("Frau", "sagte", False), ("Präsident", "der", False)])
def test_frau_after_an_article_is_the_noun(previous, before, expected):
    assert german.address_as_noun(previous, before) is expected


@pytest.mark.parametrize("word,expected,reason", [
    ("Wallbound", True, "wall + bound"),
    ("Microtransactions", True, "an English prefix + an English word"),
    ("Grabenfels", False, "German parts are no English compound"),
    ("Stefanie", False, "a name"),
])
def test_english_compounds(word, expected, reason):
    assert english.compound_word(word) is expected, reason


def test_demonym_bases():
    assert "Munich" in english.demonym_bases("Munichite")
    assert english.demonym_bases("Rome") == []


def test_places_and_their_adjectives():
    assert "French" in names.english_adjectives("France")
    assert "franzos" in names.german_adjective_stems("France")
    assert names.places_of_adjective("Polish") == {"poland"}
    assert names.places_of_adjective("government") == set()
    # the exonym table has names only; adjectives live in the demonym table
    assert "Bavarian" not in names.exonyms()["bayern"]
    assert "bavaria" in names.english_place_names()
    assert "who" not in names.english_place_names()  # WHO: an acronym, not a place


@pytest.mark.parametrize("abbreviation,words,expected", [
    ("StZ", ["Stuttgarter", "Zeitung"], True),
    ("LZ", ["Landes", "zeitung"], True),
    ("WamS", ["Welt", "Sonntag"], True),
    ("BKA", ["Bundes", "Kriminal", "Amt"], True),
    ("SZ", ["Süddeutsche", "Zeitung"], True),
    ("StZ", ["Stuttgart"], False),
])
def test_abbreviations_spelled_out(abbreviation, words, expected):
    assert names.abbreviates(abbreviation, words) is expected


def test_german_abbreviations_table():
    assert any("Bundestag" in long_ for long_ in names.german_abbreviations()["MdB"])


def test_within_edits_is_the_near_miss_test_of_edit_distance():
    import random

    rng = random.Random(3)
    for _ in range(3000):
        a = "".join(rng.choice("abcd") for _ in range(rng.randint(0, 8)))
        b = "".join(rng.choice("abcd") for _ in range(rng.randint(0, 8)))
        for limit in (1, 2):
            assert names.within_edits(a, b, limit) == (0 < names.edit_distance(a, b) <= limit)
    assert names.within_edits("casteix", "castex", 1)
    assert not names.within_edits("castex", "castex", 2)
    assert not names.within_edits("reichsbahn", "rechsbhan", 2)  # three edits


def test_fold_drops_every_combining_mark_as_unicode_classes_it():
    import unicodedata

    from qa.lang.normalise import fold

    def by_decomposition(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
        return "".join(c for c in decomposed if not unicodedata.combining(c))

    samples = ["Élysée-Palast", "Straße", "Ǆemal", "ﬁnal", "Zoë", "Łódź", "a\u0301b\u0327c",
               "Ὀδυσσεύς", "plain ascii", "İstanbul"]
    for text in samples:
        assert fold.__wrapped__(text) == by_decomposition(text), text


def test_a_german_verb_form_is_a_lower_case_word_whose_lemma_is_a_verb():
    from qa.lang.german import verb_form
    for word in ("Läuft", "hätte", "Funktioniert", "ausgepackt", "wurde", "Tut"):
        assert verb_form(word), word
    # adjectives, adverbs, nouns and the infinitive itself are not (its own lemma)
    for word in ("neuen", "besten", "oben", "bisher", "Kongress", "Wagen", "laufen"):
        assert not verb_form(word), word


def test_the_positive_degree_of_a_compared_english_form():
    positive = english.positive_degree
    assert positive("later", "late") and positive("earliest", "early")
    assert positive("bigger", "big") and positive("best", "good") and positive("happier", "happy")
    assert not positive("taken", "take") and not positive("later", "later")
