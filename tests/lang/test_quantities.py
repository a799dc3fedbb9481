"""Quantities in German and English text (qa.lang.quantities): the number tokens every
reader shares, NUM01's atoms built on them, and the aligner's number anchors.

Each case is text + language → expected result, with the reason it matters."""

from __future__ import annotations

from decimal import Decimal

import pytest

from qa.lang.quantities import (anchor_numbers, english_number_runs, extract_atoms, find_numbers,
                                german_compound_number, german_number_word, number_value)

# (text, lang, expected atoms as (kind, value, text[, unit]), reason)
ATOM_CASES = [
    # --- numbers and their conventions
    ("Der Umsatz stieg auf 4,2 Mrd. Euro.", "de",
     [("number", "4200000000", "4,2 Mrd. Euro", "EUR")],
     "German decimal comma, abbreviated scale word and currency after it"),
    ("Revenue rose to 4.2 billion euros.", "en",
     [("number", "4200000000", "4.2 billion euros", "EUR")],
     "the English rendering compares equal to the German one"),
    ("Rund 3.200 Stellen fallen weg.", "de", [("number", "3200", "3.200")],
     "a German dot before three digits groups thousands"),
    ("About 3,200 jobs will go.", "en", [("number", "3200", "3,200")],
     "an English comma before three digits groups thousands"),
    ("Es waren 1.234,5 Tonnen.", "de", [("number", "1234.5", "1.234,5")],
     "German grouping dot and decimal comma together"),
    ("It was 1,234.5 tonnes.", "en", [("number", "1234.5", "1,234.5")],
     "English grouping comma and decimal point together"),
    ("Es waren 10 000 Menschen.", "de", [("number", "10000", "10 000")],
     "thousands grouped by a plain space"),
    ("So far 272.000 infections were reported.", "en", [("number", "272000", "272.000")],
     "German grouping left in English copy means what the writer meant (NUM02 reports it)"),
    ("The rate is 3.125 percent.", "en", [("number", "3.125", "3.125 percent", "%")],
     "one English group not ending in 0 stays a decimal; the sentence's full stop is not "
     "part of the quantity"),
    ("Die Quote lag bei 5 %.", "de", [("number", "5", "5 %", "%")],
     "German writes a space before the percent sign"),
    ("The rate was 5%.", "en", [("number", "5", "5%", "%")], "a glued percent sign"),
    ("Kosten von EUR 3 Mio.", "de", [("number", "3000000", "EUR 3 Mio.", "EUR")],
     "a currency code before the number; the scale abbreviation keeps its dot"),
    ("Es kostet 11 bis 12 Mrd. Euro.", "de",
     [("number", "11000000000", "11"), ("number", "12000000000", "12 Mrd. Euro", "EUR")],
     "a range shares the scale word written after its second number"),
    ("It costs 11 to 12 billion euros.", "en",
     [("number", "11000000000", "11"), ("number", "12000000000", "12 billion euros", "EUR")],
     "the same range in English"),
    ("The firm raised $5bn and €3m.", "en",
     [("number", "5000000000", "$5bn", "USD"), ("number", "3000000", "€3m", "EUR")],
     "glued scale suffixes with money"),
    ("A 4K screen and a 5 m wall.", "en", [("number", "4", "4"), ("number", "5", "5")],
     "k and m scale only money: a 4K screen, a 5 m wall"),
    ("Der 24jährige kam mit dem A380.", "de", [("number", "24", "24"), ("number", "380", "380")],
     "numbers glued to letters are still quantities for NUM01"),
    # --- dates
    ("Er wurde am 20.07.2021 gewählt.", "de",
     [("date", "20", "20"), ("month", "7", "07"), ("number", "2021", "2021")],
     "a numeric date is day, month and year, not the decimal 20.07"),
    ("Bis 1.2.24 gilt das.", "de",
     [("date", "1", "1"), ("month", "2", "2"), ("number", "2024", "24")],
     "a two-digit year is read as 20xx"),
    ("Die Frist endet am 16.3. um Mitternacht.", "de",
     [("date", "16", "16"), ("month", "3", "3"), ("time", "00:00", "Mitternacht")],
     "day and month without a year, after a date word ('am'); midnight is a time"),
    ("Sie kamen 16.3. an.", "de", [("number", "16.3", "16.3")],
     "without a date word '16.3.' stays a number"),
    ("Am 20. Juli", "de", [("date", "20", "20"), ("month", "7", "Juli")],
     "an ordinal day before a month name; the ordinal dot is not part of it"),
    ("The deadline is 03/16.", "en", [("month", "3", "03"), ("date", "16", "16")],
     "US month first where the second number cannot be a month"),
    ("The deadline is 16/3/2024.", "en",
     [("date", "16", "16"), ("month", "3", "3"), ("number", "2024", "2024")],
     "otherwise day first, as the German source writes it"),
    ("in den 50ern des 19. Jahrhunderts", "de",
     [("decade", "1850", "50ern des 19. Jahrhunderts")],
     "a decade of a century is the 1850s (and matches the year 1850)"),
    # --- clock times
    ("Das Spiel beginnt um 18 Uhr.", "de", [("time", "18:00", "18 Uhr")],
     "the hour alone is a time only with 'Uhr'"),
    ("Das Spiel beginnt um 19.15 Uhr.", "de", [("time", "19:15", "19.15 Uhr")],
     "German hours and minutes with a dot"),
    ("The game starts at 6 p.m.", "en", [("time", "18:00", "6 p.m.")],
     "p.m. adds twelve hours; its final dot belongs to it"),
    ("The game starts at 9.30pm.", "en", [("time", "21:30", "9.30pm")],
     "a glued pm with minutes"),
    ("The talks ended at 12 am.", "en", [("time", "00:00", "12 am")],
     "12 am is midnight"),
    ("Es stand 22:15.", "de", [("time", "22:15", "22:15")],
     "a bare colon time is a time on both sides"),
    # --- weekdays and months
    ("Am Samstagabend und mittwochs.", "de",
     [("weekday", "6", "Samstagabend"), ("weekday", "3", "mittwochs")],
     "a weekday with a time of day, and the adverb"),
    ("On Saturday evening and on Wednesdays.", "en",
     [("weekday", "6", "Saturday"), ("weekday", "3", "Wednesdays")],
     "English weekdays, plural for every week"),
    ("Im März und im Mai.", "de", [("month", "3", "März"), ("month", "5", "Mai")],
     "German month names"),
    ("In May, prices may rise, Theresa May said.", "en", [("month", "5", "May")],
     "'May' is the month only after a cue or near a number: not the verb, not a name"),
    ("Ab Sept. gilt der Tarif.", "de", [("month", "9", "Sept.")],
     "an abbreviated month keeps its dot"),
    # --- spelled-out numbers
    ("Sie hat zwei Kinder und vier Millionen Euro.", "de",
     [("number", "2", "zwei"), ("number", "4000000", "vier Millionen Euro", "EUR")],
     "a spelled number alone is marked spelled; before a scale word it is definite, "
     "with the currency after it"),
    ("She has two children and a million dollars.", "en",
     [("number", "2", "two"), ("number", "1000000", "a million dollars", "USD")],
     "'a million' is a definite value; 'a' alone is no number"),
    ("Das ist eine gute Idee.", "de", [], "'eine' without a scale word is no number"),
    ("Zweiundsechzig kamen, dreihundertfünfzig blieben, der dritte ging.", "de",
     [("number", "62", "Zweiundsechzig"), ("number", "350", "dreihundertfünfzig"),
      ("number", "3", "dritte")],
     "German number words are one word however long, and ordinals count too"),
    ("Sixty-two came, one hundred and five stayed, the twenty-first left, one of them "
     "too.", "en",
     [("number", "62", "Sixty-two"), ("number", "105", "one hundred and five"),
      ("number", "21", "twenty-first")],
     "English number words run over hyphens and 'and'; a lone 'one' is no number"),
    ("Es kamen zweieinhalb Millionen.", "de", [("number", "2500000", "zweieinhalb Millionen")],
     "a German 'einhalb' number before a scale word"),
    ("nineteen sixty", "en", [("number", "19", "nineteen"), ("number", "60", "sixty")],
     "words that do not form one number stay two"),
    # --- notations whose digits are no plain numbers
    ("Sie ist 3½ Jahre alt.", "de", [("number", "3.5", "3½")], "a vulgar fraction"),
    ("She is 3 1/2 years old.", "en", [("number", "3.5", "3 1/2")],
     "a mixed number is one value, not a slash date"),
    ("in der Saison 1968/69", "de", [("number", "1968", "1968"), ("number", "1969", "69")],
     "a season's shortened second year is the full year"),
    ("in the 1999-00 season", "en", [("number", "1999", "1999"), ("number", "2000", "00")],
     "a shortened year crossing a century"),
    ("die 60er Jahre", "de", [("decade", "60", "60er")],
     "a decade without its century"),
    ("the 1960s and the seventies", "en",
     [("decade", "1960", "1960s"), ("decade", "70", "seventies")],
     "a decade with its century, and one in words"),
    # --- dates: the day of the month is a date
    ("vom 7. bis 9. Mai", "de",
     [("date", "7", "7"), ("date", "9", "9"), ("month", "5", "Mai")],
     "a range of days before a month name"),
    ("from the 10th to the 12th of September", "en",
     [("date", "10", "10"), ("date", "12", "12"), ("month", "9", "September")],
     "English ordinal days before 'of' and the month"),
    ("born on September 1st, 2004", "en",
     [("month", "9", "September"), ("date", "1", "1"), ("number", "2004", "2004")],
     "an English day after the month name"),
    ("(10.02.-11.02.)", "en",
     [("date", "10", "10"), ("month", "2", "02"), ("date", "11", "11"), ("month", "2", "02")],
     "a range of German day.month. dates kept in English copy"),
    # --- clock times
    ("zwischen 12 und 14 Uhr", "de", [("time", "12:00", "12"), ("time", "14:00", "14 Uhr")],
     "a range of hours shares its 'Uhr'"),
    ("between noon and 2 p.m.", "en",
     [("time", "12:00", "noon"), ("time", "14:00", "2 p.m.")], "noon is 12:00"),
    ("from 11 to 1 p.m.", "en", [("time", "11:00", "11"), ("time", "13:00", "1 p.m.")],
     "in a range the first hour may be before noon"),
    ("Um 24 Uhr schließt die Bar.", "de", [("time", "00:00", "24 Uhr")], "24 Uhr is midnight"),
]

# (text, lang, expected (kind, value, text) of the implied atoms, reason)
IMPLIED_CASES = [
    ("Das Achtelfinal-Hinspiel und der Doppelpack", "de",
     [("number", "16", "Achtelfinal"), ("number", "2", "Doppelpack")],
     "Achtelfinale is the last 16; Doppel- means two"),
    ("Die Zwölftklässler und die Dreierkoalition", "de",
     [("number", "12", "Zwölftklässler"), ("number", "3", "Dreierkoalition")],
     "a number word at the head of a compound"),
    ("Achtung, Zweifel und Einsatz", "de", [],
     "words that only begin like a number word imply none"),
    ("The town's centennial, a fortnight later", "en",
     [("number", "100", "centennial"), ("number", "14", "fortnight")],
     "English words that imply a number"),
    ("in the quarter-finals, three quarters of them; Zweidrittel", "en",
     [("number", "8", "quarter-finals"), ("number", "0.75", "three quarters")],
     "a quarter-final has eight teams; a fraction in words"),
    ("Zwei Drittel stimmten zu, ein Viertel nicht.", "de",
     [("number", "0.667", "Zwei Drittel"), ("number", "0.25", "ein Viertel")],
     "German fractions in words"),
    ("Die Samstagsausgabe, am Rosenmontag, in der Januarwoche", "de",
     [("weekday", "6", "Samstagsausgabe"), ("weekday", "1", "Rosenmontag"),
      ("month", "1", "Januarwoche")],
     "a weekday or month inside a German compound"),
    ('wie die "Welt am Sonntag" berichtet', "de", [("weekday", "7", "Sonntag")],
     "a weekday inside a quoted newspaper name"),
]


@pytest.mark.parametrize("text, lang, expected, reason", IMPLIED_CASES,
                         ids=[c[0][:40] for c in IMPLIED_CASES])
def test_implied_atoms(text, lang, expected, reason):
    implied = [(a.kind, a.value, a.text) for a in extract_atoms(text, lang) if a.implied]
    assert implied == [tuple(e) for e in expected], reason


def test_alternate_readings():
    """Atoms that may be read two ways match either reading (Atom.keys)."""
    day, month, _year = extract_atoms("on 01/12/21", "en")
    assert ("month", "1") in day.keys and ("date", "12") in month.keys, \
        "01/12/21 is 1 December or, US style, January 12"
    (days,) = extract_atoms("Die Frist beträgt 14 Tage.", "de")
    assert ("number", "2") in days.keys, "14 days are two weeks"
    (decade,) = extract_atoms("die 60er Jahre", "de")
    assert ("decade", "1960") in decade.keys and ("decade", "1860") in decade.keys
    (known,) = extract_atoms("the 1750s", "en")
    assert ("decade", "1850") not in known.keys, "a decade with its century is that one"
    (date,) = [a for a in extract_atoms("Am 20. Juli", "de") if a.kind == "date"]
    assert ("number", "20") in date.keys, "a day of the month is also a plain number"


def test_codes_are_marked():
    atoms = extract_atoms("Der A380 und die F1 und 24 Stunden", "de")
    assert [a.code for a in atoms] == [True, True, False]


def test_number_words():
    assert german_number_word("zwanzigsten") == (Decimal(20), True)
    assert german_number_word("siebte") == (Decimal(7), True)
    assert german_number_word("eintausendzweihundert") == (Decimal(1200), False)
    assert german_number_word("ein") is None and german_number_word("Leute") is None
    assert german_compound_number("Achtsamkeit") is None
    assert [(v, o) for _, _, v, o in english_number_runs("two thousand and twenty")] == \
        [(Decimal(2020), False)]


@pytest.mark.parametrize("text, lang, expected, reason", ATOM_CASES,
                         ids=[c[0][:40] for c in ATOM_CASES])
def test_atoms(text, lang, expected, reason):
    atoms = extract_atoms(text, lang)
    got = [(a.kind, a.value, a.text) + ((a.unit,) if a.unit else ()) for a in atoms]
    assert got == [tuple(e) for e in expected], reason
    for atom in atoms:
        assert text[atom.start:atom.end] == atom.text, "spans point into the text"


def test_spelled_marks_only_lone_number_words():
    atoms = extract_atoms("Sie hat zwei Kinder und vier Millionen Euro.", "de")
    assert [a.spelled for a in atoms] == [True, False]


# (raw, lang, value, reason)
VALUE_CASES = [
    ("4,2", "de", "4.2", "German decimal comma"),
    ("4.2", "en", "4.2", "English decimal point"),
    ("4,2", "en", "4.2", "a wrong-convention decimal is still read as a decimal"),
    ("3.200", "de", "3200", "German grouping"),
    ("3,200", "en", "3200", "English grouping"),
    ("3.200", "en", "3200", "German grouping in English copy, ending in 0"),
    ("3.125", "en", "3.125", "a single group not ending in 0 is an English decimal"),
    ("1.234.567", "en", "1234567", "several German groups in English copy"),
    ("1.234,5", "de", "1234.5", "German grouping and decimal"),
    ("1,234.5", "en", "1234.5", "English grouping and decimal"),
    ("10\u202f000", "en", "10000", "a narrow no-break space groups thousands"),
]


@pytest.mark.parametrize("raw, lang, value, reason", VALUE_CASES)
def test_number_value(raw, lang, value, reason):
    assert number_value(raw, lang) == Decimal(value), reason


# (text, lang, expected tokens as (raw, normalised value, standalone), anchors, reason)
NUMBER_CASES = [
    ("Rund 3.200 Stellen, 4,2 Prozent.", "de", [("3.200", "3200", True), ("4,2", "4.2", True)],
     {"3200", "4.2"}, "values are convention-free, so both languages anchor alike"),
    ("About 3,200 jobs, 4.2 percent.", "en", [("3,200", "3200", True), ("4.2", "4.2", True)],
     {"3200", "4.2"}, "the English side gives the same anchors"),
    ("So far 272.000 infections.", "en", [("272.000", "272000", True)], {"272000"},
     "the anchor has the value NUM01 reads, matching a German '272.000'"),
    ("Am 20. Juli", "de", [("20", "20", True)], {"20"}, "an ordinal's dot is not part of it"),
    ("Er wurde am 20.07.2021 gewählt.", "de", [("20.07", "20.07", True)], {"20.07"},
     "a token knows no dates (atoms read them); the year after the second dot is no token"),
    ("COVID-19 und 2020", "de", [("19", "19", True), ("2020", "2020", True)], {"19", "2020"},
     "a hyphen does not glue a number to a word"),
    ("Der A380 und G7 und 24jährige", "de",
     [("380", "380", False), ("7", "7", False), ("24", "24", False)], set(),
     "numbers glued to letters are tokens but no anchors"),
    ("The firm raised $5bn at 9.30pm.", "en", [("5", "5", False), ("9.30", "9.3", False)],
     set(), "a glued suffix keeps a number from anchoring, decimals included"),
    ("Es waren 1.5A und 0,5m.", "de", [("1.5", "1.5", False), ("0,5", "0.5", False)], set(),
     "no part of a glued decimal ('1' of '1.5A') anchors either"),
    ("Es waren 10 000 Menschen, v.2 und ,5", "de", [("10 000", "10000", True)], {"10000"},
     "space-grouped thousands are one number; digits after a dot or comma are none"),
    ("Score: 22:15", "en", [("22", "22", True), ("15", "15", True)], {"22", "15"},
     "a colon separates two tokens"),
]


@pytest.mark.parametrize("text, lang, tokens, anchors, reason", NUMBER_CASES,
                         ids=[c[0][:40] for c in NUMBER_CASES])
def test_find_numbers_and_anchors(text, lang, tokens, anchors, reason):
    found = find_numbers(text, lang)
    assert [(n.raw, n.normalized, n.standalone) for n in found] == tokens, reason
    assert all(text[n.start:n.end] == n.raw for n in found)
    assert anchor_numbers(text, lang) == anchors, reason


def test_atoms_build_on_the_number_tokens():
    """Each number atom starts at a find_numbers token and scales its value: there is
    one reading of digits."""
    text = "Revenue of 4.2 billion euros, 272.000 visitors and 3,200 jobs."
    tokens = find_numbers(text, "en")
    atoms = extract_atoms(text, "en")
    assert [(a.start, a.text[:len(t.raw)]) for a, t in zip(atoms, tokens)] == \
        [(t.start, t.raw) for t in tokens]
    assert [t.normalized for t in tokens] == ["4.2", "272000", "3200"]
    assert [a.value for a in atoms] == ["4200000000", "272000", "3200"]


def test_every_implied_number_pattern_holds_one_of_its_cues():
    # a text without any cue skips the implied-number search: a pattern added without
    # its cue would silently never match
    from qa.lang.quantities import IMPLIED_CUES, IMPLIED_NUMBERS

    for lang, table in IMPLIED_NUMBERS.items():
        for pattern, _ in table:
            if pattern.startswith("(?-i:"):
                continue  # the case-sensitive capital O, tested on the text itself
            for alternative in pattern.split("|"):
                assert any(cue in alternative for cue in IMPLIED_CUES[lang]), alternative


@pytest.mark.parametrize("text,lang,value", [
    ("Sie stehen im Halbfınale.", "de", "4"),  # dotless ı: re.IGNORECASE reads it as i
    ("They met twıce.", "en", "2"),
])
def test_letters_that_fold_unlike_lower_case_are_still_read(text, lang, value):
    # the cue tests compare lower-cased text; these letters match the patterns without
    # lower-casing to the cue, so a text with one of them runs every pattern
    assert [a.value for a in extract_atoms(text, lang) if a.implied] == [value]


def test_a_sentence_without_digits_or_number_words_has_no_atoms_and_one_with_them_does():
    assert extract_atoms("Die Regierung schwieg dazu am Abend.", "de") == []
    assert [a.value for a in extract_atoms("Die Regierung tagte am 3. Mai um 18 Uhr.", "de")] \
        == ["3", "5", "18:00"]


def test_decade_words_in_letters_regexes_fold_differently_are_no_crash():
    """Decade words are matched ignoring case the way regexes do, which also matches
    "ſ" (long s) and dotted capitals; the word is read when casefolding brings it back to
    a known one and skipped otherwise, never a KeyError."""
    from qa.lang.quantities import extract_atoms

    long_s = extract_atoms("in den ſechzigerjahren", "de")
    plain = extract_atoms("in den sechzigerjahren", "de")
    assert [a.value for a in long_s] == [a.value for a in plain] and plain
    extract_atoms("in the SİXTİES", "en")  # no exception
