"""News-copy sentence splitting, case by case (issue 14, item 1).

Each case is a short German or English text written for this test, the exact sentences
qa should split it into, and the one trap it tests. The cases follow the error classes
``benchmarks/segmentation.py`` finds on the WMT21/22 sentences joined into paragraphs:
quotations, closing quotes and brackets after the period, ordinals and dates,
abbreviations, initials, ellipses, headlines without final punctuation, lists, repeated
punctuation; a last group tests each rule of the splitter with cases that must split
and cases that must not.

The expected splits follow the WMT convention the benchmark measures against: a
quotation of several sentences is split at each of its sentence ends, like running text.

Cases qa gets wrong today are marked ``xfail(strict=True)`` with the wrong split it
makes, so that a fix in ``qa/segment.py`` turns them into unexpected passes that must be
unmarked — the list doubles as a to-do list (empty since the splitter's own rules).
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from qa.io import load_text
from qa.segment import segment


class Case(NamedTuple):
    """One text, the sentences it must split into, and the trap it tests."""

    name: str
    lang: str
    text: str
    expected: list[str]
    trap: str
    #: why qa fails the case today; None when it passes
    fails: str | None = None


CASES = [
    # --- quotations of several sentences, closing quotes and brackets after the period
    Case("de-quote-several", "de",
         "„Wir haben lange verhandelt. Am Ende stand ein Kompromiss“, sagte die Ministerin."
         " Die Opposition widersprach.",
         ["„Wir haben lange verhandelt.",
          "Am Ende stand ein Kompromiss“, sagte die Ministerin.",
          "Die Opposition widersprach."],
         "a quotation of two sentences is split at its inner sentence end"),
    Case("en-quote-several", "en",
         "“This was a great season,” the captain said. “It will be hard to repeat."
         " We will try.”",
         ["“This was a great season,” the captain said.", "“It will be hard to repeat.",
          "We will try.”"],
         "a quotation of two sentences after a reporting clause"),
    Case("en-quote-resumed", "en",
         "“This was a great season,” the captain said, “and it should motivate us to defend "
         "the cup. It will be hard.”",
         ["“This was a great season,” the captain said, “and it should motivate us to defend "
          "the cup.", "It will be hard.”"],
         "a quotation resumed after the reporting clause holds a sentence end"),
    Case("de-closing-quote", "de",
         "Der Trainer sagte: „Wir sind bereit.“ Das Spiel beginnt um acht.",
         ["Der Trainer sagte: „Wir sind bereit.“", "Das Spiel beginnt um acht."],
         "German closing quote after the period stays with its sentence"),
    Case("en-closing-quote", "en",
         'The coach said: "We are ready." The match starts at eight.',
         ['The coach said: "We are ready."', "The match starts at eight."],
         "straight closing quote after the period"),
    Case("en-curly-closing-quote", "en",
         "She called the plan “a mistake.” Nobody answered.",
         ["She called the plan “a mistake.”", "Nobody answered."],
         "curly closing quote after the period"),
    Case("en-german-style-quotes", "en",
         "The singer spoke of a “great loss“ for the whole band."
         " The drummer founded it in 1967.",
         ["The singer spoke of a “great loss“ for the whole band.",
          "The drummer founded it in 1967."],
         "English text with a German-style closing quote “…“ before the sentence end"),
    Case("en-question-quote", "en",
         '"Why now?" he asked. Nobody knew.',
         ['"Why now?" he asked.', "Nobody knew."],
         "a quoted question inside a sentence is no sentence end"),
    Case("de-guillemets", "de",
         "Der Verband nannte das Urteil »überfällig«. »Wir sind erleichtert«, hieß es.",
         ["Der Verband nannte das Urteil »überfällig«.", "»Wir sind erleichtert«, hieß es."],
         "German guillemets »…« open the next sentence"),
    Case("de-bracket-after-period", "de",
         "Die Halle bleibt geschlossen (der Grund ist ein Wasserschaden.) Der Betrieb läuft "
         "woanders weiter.",
         ["Die Halle bleibt geschlossen (der Grund ist ein Wasserschaden.)",
          "Der Betrieb läuft woanders weiter."],
         "a closing bracket after the period ends the sentence"),
    Case("en-bracketed-sentence", "en",
         "The hall stays closed. (The cause is water damage.) Work continues elsewhere.",
         ["The hall stays closed.", "(The cause is water damage.)", "Work continues elsewhere."],
         "a whole sentence in brackets"),
    Case("de-bracket-date", "de",
         "Der Preis stieg um 5 Prozent (Stand: 1.7.). Experten rechnen mit mehr.",
         ["Der Preis stieg um 5 Prozent (Stand: 1.7.).", "Experten rechnen mit mehr."],
         "a date ending in a period inside brackets before the full stop"),
    # --- German ordinals and dates
    Case("de-ordinal-month", "de",
         "Die Wahl findet am 3. Oktober statt. Die Briefwahl beginnt früher.",
         ["Die Wahl findet am 3. Oktober statt.", "Die Briefwahl beginnt früher."],
         "day ordinal before a month name"),
    Case("de-ordinal-year", "de",
         "Am 9. November 1989 fiel die Mauer. Am 3. Oktober 1990 folgte die Einheit.",
         ["Am 9. November 1989 fiel die Mauer.", "Am 3. Oktober 1990 folgte die Einheit."],
         "two full dates, each starting a sentence"),
    Case("de-numeric-date", "de",
         "Das Gesetz gilt seit dem 16.3. für alle Betriebe. Ausnahmen gibt es kaum.",
         ["Das Gesetz gilt seit dem 16.3. für alle Betriebe.", "Ausnahmen gibt es kaum."],
         "numeric date without a year inside the sentence"),
    Case("de-numeric-date-end", "de",
         "Die Frist endet am 16.3. Danach gilt das neue Recht.",
         ["Die Frist endet am 16.3.", "Danach gilt das neue Recht."],
         "numeric date without a year at the sentence end"),
    Case("de-ordinal-rank", "de",
         "Der Läufer wurde beim Rennen 10. und war damit zufrieden. Im Vorjahr war er Dritter.",
         ["Der Läufer wurde beim Rennen 10. und war damit zufrieden.",
          "Im Vorjahr war er Dritter."],
         "a rank ordinal followed by a lower-case word"),
    Case("de-ordinal-noun", "de",
         "Zum 50. Geburtstag kamen viele Gäste. Es wurde lange gefeiert.",
         ["Zum 50. Geburtstag kamen viele Gäste.", "Es wurde lange gefeiert."],
         "an ordinal before a capitalised noun"),
    Case("de-century", "de",
         "Die Kirche stammt aus dem 12. Jahrhundert. Sie wird renoviert.",
         ["Die Kirche stammt aus dem 12. Jahrhundert.", "Sie wird renoviert."],
         "an ordinal century"),
    Case("de-number-at-end", "de",
         "Der Verein beendete die Saison auf Platz 10. Der Trainer muss gehen.",
         ["Der Verein beendete die Saison auf Platz 10.", "Der Trainer muss gehen."],
         "a cardinal number ends the sentence; the next starts with a capital"),
    Case("de-formula-one", "de",
         "Er fuhr drei Jahre in der Formel 1. Danach wechselte er.",
         ["Er fuhr drei Jahre in der Formel 1.", "Danach wechselte er."],
         "a name ending in a number ends the sentence"),
    # --- abbreviations
    Case("de-zb", "de",
         "Viele Städte, z. B. Bonn und Köln, erhöhen die Gebühren. Andere warten ab.",
         ["Viele Städte, z. B. Bonn und Köln, erhöhen die Gebühren.", "Andere warten ab."],
         "'z. B.' before a capitalised name"),
    Case("de-ua", "de",
         "Es sprachen u. a. Vertreter der Kirchen. Die Debatte dauerte Stunden.",
         ["Es sprachen u. a. Vertreter der Kirchen.", "Die Debatte dauerte Stunden."],
         "'u. a.' before a capitalised noun"),
    Case("de-ua-closed", "de",
         "Die Band spielte ihre größten Hits, u.a. „Sommer“. Das Publikum sang mit.",
         ["Die Band spielte ihre größten Hits, u.a. „Sommer“.", "Das Publikum sang mit."],
         "'u.a.' written closed, before an opening quote"),
    Case("de-titles", "de",
         "Dr. Weber wohnt in der Hauptstraße Nr. 12 in St. Ingbert. Er ist Arzt.",
         ["Dr. Weber wohnt in der Hauptstraße Nr. 12 in St. Ingbert.", "Er ist Arzt."],
         "'Dr.', 'Nr.' and 'St.' in one sentence"),
    Case("de-editor-note", "de",
         "Die Zahlen (Anm. d. Red.) stammen vom Amt. Sie sind vorläufig.",
         ["Die Zahlen (Anm. d. Red.) stammen vom Amt.", "Sie sind vorläufig."],
         "an editor's note of abbreviations in brackets"),
    Case("de-ca", "de",
         "Es kamen ca. 300 Menschen. Die Polizei war da.",
         ["Es kamen ca. 300 Menschen.", "Die Polizei war da."],
         "'ca.' before a number"),
    Case("de-max", "de",
         "Das Gerät darf max. 300 Watt ziehen. Sonst schaltet es ab.",
         ["Das Gerät darf max. 300 Watt ziehen.", "Sonst schaltet es ab."],
         "'max.' before a number"),
    Case("en-max", "en",
         "The device may draw max. 300 watts. Otherwise it switches off.",
         ["The device may draw max. 300 watts.", "Otherwise it switches off."],
         "'max.' before a number"),
    Case("de-etc-at-end", "de",
         "Im Kurs lernt man Lesen, Schreiben etc. Die Gebühr ist gering.",
         ["Im Kurs lernt man Lesen, Schreiben etc.", "Die Gebühr ist gering."],
         "'etc.' ends the sentence; the next starts with a capital"),
    Case("en-us", "en",
         "The U.S. Senate passed the bill on Tuesday. The House votes next week.",
         ["The U.S. Senate passed the bill on Tuesday.", "The House votes next week."],
         "'U.S.' before a capitalised noun"),
    Case("en-us-at-end", "en",
         "The company moved its headquarters to the U.S. The move cost millions.",
         ["The company moved its headquarters to the U.S.", "The move cost millions."],
         "'U.S.' ends the sentence"),
    Case("en-titles", "en",
         "Dr. Brown lives at No. 4 St. James Street. He is retired.",
         ["Dr. Brown lives at No. 4 St. James Street.", "He is retired."],
         "'Dr.', 'No.' and 'St.' in one sentence"),
    Case("en-inc-inside", "en",
         "Shares of Apple Inc. rose 2 percent. Analysts were surprised.",
         ["Shares of Apple Inc. rose 2 percent.", "Analysts were surprised."],
         "'Inc.' inside the sentence"),
    Case("en-inc-at-end", "en",
         "The shares belong to Acme Inc. The deal closed in May.",
         ["The shares belong to Acme Inc.", "The deal closed in May."],
         "'Inc.' ends the sentence; the next starts with 'The'"),
    Case("en-month-abbreviation", "en",
         "The vote is on Oct. 3. The result follows a day later.",
         ["The vote is on Oct. 3.", "The result follows a day later."],
         "an abbreviated month, then a day number ending the sentence"),
    # --- initials
    Case("en-initial", "en",
         "The airport is named after John F. Kennedy. It opened in 1948.",
         ["The airport is named after John F. Kennedy.", "It opened in 1948."],
         "a middle initial"),
    Case("en-two-initials", "en",
         "The report by J. R. Smith was published. It caused a stir.",
         ["The report by J. R. Smith was published.", "It caused a stir."],
         "two initials"),
    Case("de-initial", "de",
         "Der Roman von Thomas M. Berger erscheint im Mai. Er spielt in Berlin.",
         ["Der Roman von Thomas M. Berger erscheint im Mai.", "Er spielt in Berlin."],
         "a middle initial in German"),
    Case("de-hyphenated-initial", "de",
         "Sie landeten am John-F.-Kennedy-Flughafen. Dort warteten Reporter.",
         ["Sie landeten am John-F.-Kennedy-Flughafen.", "Dort warteten Reporter."],
         "an initial inside a hyphenated compound"),
    Case("de-letter-at-end", "de",
         "Die Besucher trafen sich in Halle P. Sie wurden dort begrüßt.",
         ["Die Besucher trafen sich in Halle P.", "Sie wurden dort begrüßt."],
         "a single capital letter ends the sentence (a hall's name, not an initial)"),
    # --- ellipses
    Case("de-ellipsis-inside", "de",
         "Er zögerte … und ging dann doch. Niemand hielt ihn auf.",
         ["Er zögerte … und ging dann doch.", "Niemand hielt ihn auf."],
         "an ellipsis inside the sentence"),
    Case("en-dots-at-end", "en",
         "We waited and waited... Then the doors opened.",
         ["We waited and waited...", "Then the doors opened."],
         "three dots end the sentence"),
    Case("en-ellipsis-char-at-end", "en",
         "He waited… Then he left.",
         ["He waited…", "Then he left."],
         "the ellipsis character ends the sentence"),
    Case("de-ellipsis-at-end", "de",
         "Wir warteten und warteten … Dann öffneten sich die Türen.",
         ["Wir warteten und warteten …", "Dann öffneten sich die Türen."],
         "a spaced ellipsis character ends the sentence"),
    # --- headlines, lists, repeated punctuation, trailing tags
    Case("de-headline", "de",
         "Sturm legt Bahnverkehr lahm\nIn Norddeutschland fielen am Montag viele Züge aus.",
         ["Sturm legt Bahnverkehr lahm", "In Norddeutschland fielen am Montag viele Züge aus."],
         "a headline without final punctuation on its own line"),
    Case("en-headline", "en",
         "Storm halts rail traffic\nMany trains were cancelled in the north on Monday.",
         ["Storm halts rail traffic", "Many trains were cancelled in the north on Monday."],
         "a headline without final punctuation on its own line"),
    Case("de-dash-list", "de",
         "Die Polizei rät:\n- Fenster schließen.\n- Keller meiden.",
         ["Die Polizei rät:", "- Fenster schließen.", "- Keller meiden."],
         "a dash list after a colon"),
    Case("en-numbered-list", "en",
         "The plan has three steps. 1. Count the votes. 2. Publish the result.",
         ["The plan has three steps.", "1. Count the votes.", "2. Publish the result."],
         "numbered items run into one paragraph"),
    Case("de-score", "de",
         "Das Spiel endete 2:1. „Wir sind zufrieden“, sagte der Trainer.",
         ["Das Spiel endete 2:1.", "„Wir sind zufrieden“, sagte der Trainer."],
         "a score before a quotation that opens the next sentence"),
    Case("de-repeated-exclamation", "de",
         "Total enttäuscht!!! Was soll ich jetzt machen?",
         ["Total enttäuscht!!!", "Was soll ich jetzt machen?"],
         "repeated exclamation marks end the sentence"),
    Case("en-repeated-exclamation", "en",
         "Totally disappointed!!! What should I do now?",
         ["Totally disappointed!!!", "What should I do now?"],
         "repeated exclamation marks end the sentence"),
    Case("de-agency-tag", "de",
         "Die Gespräche sollen am Montag weitergehen. (dpa)",
         ["Die Gespräche sollen am Montag weitergehen. (dpa)"],
         "a news agency tag in brackets stays with the last sentence"),
    # --- the splitter's own rules (qa/segment.py), each with cases that must not split
    Case("de-ordinal-two-days", "de",
         "Das Fest findet am 3. und 4. Mai statt. Der Eintritt ist frei.",
         ["Das Fest findet am 3. und 4. Mai statt.", "Der Eintritt ist frei."],
         "two day ordinals joined by 'und' before a month"),
    Case("de-ordinal-three-digits", "de",
         "Sie feierte ihren 100. Geburtstag im Heim. Die Familie kam.",
         ["Sie feierte ihren 100. Geburtstag im Heim.", "Die Familie kam."],
         "a three-digit ordinal before a noun"),
    Case("de-year-at-end", "de",
         "Das Werk schloss im Jahr 2019. Mitarbeiter wurden entlassen.",
         ["Das Werk schloss im Jahr 2019.", "Mitarbeiter wurden entlassen."],
         "a year ends the sentence even before a noun (years are no ordinals)"),
    Case("de-spaced-date", "de",
         "Der Vertrag gilt ab dem 16. 3. 2020 für alle. Er endet nie.",
         ["Der Vertrag gilt ab dem 16. 3. 2020 für alle.", "Er endet nie."],
         "a date written with spaces: a number follows each period"),
    Case("de-range-at-end", "de",
         "Der Wert reicht von 1 - 99. Er sollte klein sein.",
         ["Der Wert reicht von 1 - 99.", "Er sollte klein sein."],
         "a number after a dash is no list label"),
    Case("de-million-at-end", "de",
         "Die Stadt zahlte 3 Mio. Die Opposition protestierte.",
         ["Die Stadt zahlte 3 Mio.", "Die Opposition protestierte."],
         "an abbreviation that may end a sentence, before an article"),
    Case("de-minutes-before-noun", "de",
         "Drinnen reichen 5 min. Flugzeit völlig aus. Draußen nicht.",
         ["Drinnen reichen 5 min. Flugzeit völlig aus.", "Draußen nicht."],
         "an abbreviation before a noun stays in its sentence"),
    Case("de-pysbd-abbreviation", "de",
         "Die Firma zahlt zzt. Gehälter in Euro. Das bleibt so.",
         ["Die Firma zahlt zzt. Gehälter in Euro.", "Das bleibt so."],
         "an abbreviation known from pysbd's German list ('zzt.') before a noun"),
    Case("de-zb-before-article", "de",
         "Viele Parteien, z. B. Die Linke, stimmten dagegen. Der Antrag fiel.",
         ["Viele Parteien, z. B. Die Linke, stimmten dagegen.", "Der Antrag fiel."],
         "'z. B.' never ends a sentence, not even before an article"),
    Case("de-language-note", "de",
         "Das Wort „Catcalling“ (dt. Katzenrufe) ist neu. Es stammt aus den USA.",
         ["Das Wort „Catcalling“ (dt. Katzenrufe) ist neu.", "Es stammt aus den USA."],
         "'dt.' before the German word in brackets"),
    Case("de-list-labels", "de",
         "Die neuen Teile sind: A. Der Hebel. B. Das Netzteil.",
         ["Die neuen Teile sind: A. Der Hebel.", "B. Das Netzteil."],
         "letters labelling list items after a colon and at a sentence start"),
    Case("de-dash-opens-sentence", "de",
         "Die Lieferung kam schnell. - Die Verpackung war beschädigt.",
         ["Die Lieferung kam schnell.", "- Die Verpackung war beschädigt."],
         "a dash opens the next sentence"),
    Case("de-ellipsis-before-noun", "de",
         "Er wartete ... Stunden vergingen. Dann kam der Bus.",
         ["Er wartete ...", "Stunden vergingen.", "Dann kam der Bus."],
         "an ellipsis before a capital ends the sentence"),
    Case("en-etc-at-end", "en",
         "We sell books, maps etc. Prices vary. Books, maps etc. are cheap.",
         ["We sell books, maps etc.", "Prices vary.", "Books, maps etc. are cheap."],
         "'etc.' closes an enumeration: a capital after it starts a sentence"),
    Case("en-letter-at-end", "en",
         "The mayor called it his plan B. The council disagreed.",
         ["The mayor called it his plan B.", "The council disagreed."],
         "a single capital letter ends the sentence before an article"),
    Case("en-number-at-end", "en",
         "They drove on Route 66. Traffic was heavy.",
         ["They drove on Route 66.", "Traffic was heavy."],
         "in English a number and a period before a capital end the sentence"),
    Case("en-lower-no", "en",
         "See the provisions (no. 2 to 7) below. They apply.",
         ["See the provisions (no. 2 to 7) below.", "They apply."],
         "'no.' in lower case before a number"),
    Case("en-no-at-end", "en",
         "The minister said no. Peter Smith resigned the next day.",
         ["The minister said no.", "Peter Smith resigned the next day."],
         "'no.' is an abbreviation only before a number"),
    Case("de-art-at-end", "de",
         "Das regelt Art. 5 des Grundgesetzes. Er tat es auf seine Art. Kritiker lobten ihn.",
         ["Das regelt Art. 5 des Grundgesetzes.", "Er tat es auf seine Art.",
          "Kritiker lobten ihn."],
         "'Art.' is an abbreviation before a number, the noun 'Art' before a noun"),
    Case("en-me-at-end", "en",
         "The noise does not bother me. I would buy it again.",
         ["The noise does not bother me.", "I would buy it again."],
         "a common word that pysbd lists as an abbreviation ('me') ends the sentence"),
    Case("en-list-after-emoticon", "en",
         "Only two stars. :( 1. For the slow delivery. 2. For the price.",
         ["Only two stars. :( 1. For the slow delivery.", "2. For the price."],
         "a list number after a sign that follows a sentence end is a label"),
    Case("en-bracket-closed-late", "en",
         "The club (see above, Ed. ) has closed. It reopens soon.",
         ["The club (see above, Ed. ) has closed.", "It reopens soon."],
         "a bracket closed after a space continues the sentence"),
]


def _params() -> list:
    """One pytest parameter per case; a failing case carries its strict xfail."""
    return [pytest.param(case, id=case.name,
                         marks=[pytest.mark.xfail(strict=True, reason=case.fails)]
                         if case.fails else [])
            for case in CASES]


def _sentences(text: str, lang: str) -> list[str]:
    doc = segment(load_text("x.txt", text=text), lang, "x.txt")
    return [s.text for s in doc.sentences]


@pytest.mark.parametrize("case", _params())
def test_news_copy_split(case: Case) -> None:
    assert _sentences(case.text, case.lang) == case.expected, case.trap


def test_cases_are_well_formed() -> None:
    """Names are unique, both languages are covered, and every expected sentence is
    text of the case in order (a typo in the expectation would look like a qa bug)."""
    assert len({case.name for case in CASES}) == len(CASES)
    assert {case.lang for case in CASES} == {"de", "en"}
    for case in CASES:
        assert " ".join(case.expected) == " ".join(case.text.split()), case.name
