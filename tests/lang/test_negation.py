"""Negation knowledge (qa.lang.negation), table-driven: each case says why it holds."""

from __future__ import annotations

import pytest

from qa.config import Config
from qa.lang.negation import lexical_negation, negation_cues, negators, neutral_expressions
from qa.runner import check_documents

# (text, lang, the negators found as (word, plain), reason)
NEGATORS = [
    ("Die Forderungen wurden nicht erfüllt.", "de", [("nicht", True)],
     "nicht negating the verb is a plain negator"),
    ("Es gab keinen Grund dafür.", "de", [("keinen", True)], "kein… is a plain negator"),
    ("Hab lange nix geschrieben.", "de", [("nix", True)], "colloquial nix (nichts)"),
    ("Des geht ned.", "de", [("ned", True)], "Bavarian/Austrian ned (nicht)"),
    ("Do is koan Platz.", "de", [("koan", True)], "Bavarian koan (kein)"),
    ("Ich hatte garkeine Zeit.", "de", [("garkeine", True)], "gar keine written as one word"),
    ("Ned Stark kam zurück.", "de", [], "capitalised Ned is a name, not the colloquial ned"),
    ("Er kam ohne Mantel.", "de", [("ohne", False)], "ohne is a weak negator (a preposition)"),
    ("Sie war nicht zu schlagen.", "de", [("nicht", False)],
     "nicht zu + infinitive is often rendered by un-…-able: weak"),
    ("Das ist nicht einfach.", "de", [("nicht", False)],
     "a negated adjective a translation may render by its antonym (hard): weak"),
    ("Er kam nicht nur pünktlich, sondern blieb auch.", "de", [],
     "nicht nur … sondern auch is neutral, no negator"),
    ("Die größte, wenn nicht gar einzige Hoffnung.", "de", [], "wenn nicht gar is neutral"),
    ("Ich überlegte, ob ich es bestelle oder nicht.", "de", [], "oder nicht is neutral"),
    ("Er ging nicht etwa als Moses.", "de", [], "nicht etwa is a fixed expression"),
    ("Der Bürgermeister durfte nicht fehlen.", "de", [],
     "the litotes nicht fehlen (be there) is neutral"),
    ("Das war nicht zuletzt ein Erfolg.", "de", [], "nicht zuletzt is no negation"),
    ("Gewonnen hat niemand Geringeres als sie.", "de", [],
     "niemand Geringeres als (none other than) is no negation"),
    ("The BA did not have to react.", "en", [("not", True)], "not on a verb is plain"),
    ("I don’t know.", "en", [("n’t", True)], "a typographic apostrophe"),
    ("I don´t know.", "en", [("n´t", True)], "an acute accent as apostrophe"),
    ("I dont know.", "en", [("dont", True)], "a contraction without an apostrophe"),
    ("He didn ’ t know.", "en", [("n ’ t", True)], "a tokenised contraction"),
    ("This is nothing new.", "en", [("nothing", True)], "nothing is a plain negator"),
    ("He came without a coat.", "en", [("without", False)], "without is a weak negator"),
    ("It is not good.", "en", [("not", False)],
     "a negated adjective may render an antonym (schlecht): weak"),
    ("On Amendment No 25", "en", [], "No before a number is an abbreviation"),
    ("It's not just about money.", "en", [], "not just is neutral"),
    ("The biggest, if not only, hope.", "en", [], "if not is neutral"),
    ("Shot with little to no funding.", "en", [], "little to no is a quantity"),
    ("That's nice, isn't it?", "en", [], "a tag question is neutral"),
    ("Whether or not it works.", "en", [], "or not is neutral"),
    ("The result was, no doubt, a success.", "en", [], "no doubt is no negation"),
    ("It was none other than the mayor.", "en", [], "none other than is no negation"),
    ("They accused him of not neglecting his duty.", "en", [("not", True)],
     "a negated verb stays a negation: the source may have the verb itself"),
]


@pytest.mark.parametrize("text,lang,expected,reason", NEGATORS, ids=[c[0] for c in NEGATORS])
def test_negators(text, lang, expected, reason):
    assert [(n.text, n.plain) for n in negators(text, lang)] == expected, reason


LEXICAL = [
    ("Das ist auch egal.", "de", True, "egal is rendered by 'doesn't matter'"),
    ("Getränke sind ausgenommen.", "de", True, "ausgenommen is rendered by 'not included'"),
    ("Die Versuche verfallen.", "de", True, "verfallen is rendered by 'not carried over'"),
    ("Die Münzannahme ist gesperrt.", "de", True, "gesperrt is rendered by 'no longer accepted'"),
    ("Finger weg!", "de", True, "Finger weg is rendered by 'Don't touch'"),
    ("Es gilt nur noch heute.", "de", True, "nur noch is rendered by 'no longer'"),
    ("Bekomme ich das problemlos zurück?", "de", True, "-los negates"),
    ("Das Produkt ist glutenfrei.", "de", True, "-frei negates (gluten-free, no gluten)"),
    ("Ein Treffer ist unwahrscheinlich.", "de", True, "un- on a word (wahrscheinlich)"),
    ("Die Sitzung findet statt.", "de", False, "statt as the particle of stattfinden"),
    ("Ungefähr zehn Leute kamen.", "de", False, "ungefähr: un- on no word"),
    ("She was invincible.", "en", True, "in- on a word (vincible) with an adjective ending"),
    ("On price it is unbeatable.", "en", True, "un- on a word (beatable)"),
    ("The events are cancelled.", "en", True, "cancelled renders 'finden nicht statt'"),
    ("It has yet to be explained.", "en", True, "yet to renders 'noch nicht'"),
    ("Members are exempt.", "en", True, "exempt renders a negation"),
    ("Points expire in May.", "en", True, "expire renders a negation"),
    ("Putting aside the truly dangerous ones.", "en", True, "put aside: not dealing with"),
    ("It is too hot to touch.", "en", True, "too … to: so … that not"),
    ("This is an important investment.", "en", False,
     "important and investment are no in- negations"),
    ("The children were united.", "en", False, "united: un- on no word"),
]


@pytest.mark.parametrize("text,lang,expected,reason", LEXICAL, ids=[c[0] for c in LEXICAL])
def test_lexical_negation(text, lang, expected, reason):
    assert lexical_negation(text, lang) is expected, reason


NEUTRAL = [
    ("Ob er kommt oder nicht.", "de", True, "oder nicht is an alternative"),
    ("Das ist nicht unerheblich.", "de", True, "the litotes nicht unerheblich"),
    ("Das ist nicht gut.", "de", False, "a plain negated adjective is no fixed expression"),
    ("He was not without doubts.", "en", True, "the litotes not without"),
    ("He did not fail to pay.", "en", False, "a negated verb is no litotes here"),
]


@pytest.mark.parametrize("text,lang,expected,reason", NEUTRAL, ids=[c[0] for c in NEUTRAL])
def test_neutral_expressions(text, lang, expected, reason):
    assert bool(neutral_expressions(text, lang)) is expected, reason


CUES = [
    ("Bevor es eingebaut wird.", "de", ["Bevor"], "bevor often becomes 'not yet'"),
    ("I haven't seen anything.", "en", ["anything"], "a negative-polarity item"),
    ("The house is big.", "en", [], "no cue"),
]


@pytest.mark.parametrize("text,lang,expected,reason", CUES, ids=[c[0] for c in CUES])
def test_negation_cues(text, lang, expected, reason):
    assert negation_cues(text, lang) == expected, reason


# the kinds POL01 gives its findings (the check's rule on top of this knowledge)
KINDS = [
    ("Die neuen Forderungen könnten nicht erfüllt werden.", "The new demands could be met.",
     "POL01.explicit-dropped", "a plain nicht on the verb, no negation or cue in the target"),
    ("Die Räume sind hell.", "The rooms are not bright.", "POL01.explicit-added",
     "a plain not, no negation or cue in the source"),
    ("Das ist nicht einfach.", "That is hard.", "POL01.weak-dropped",
     "a negated adjective may become its antonym"),
    ("Bevor es eingebaut wird, kleben.", "Glue it while it is not attached.",
     "POL01.weak-added", "bevor is a cue for 'not yet'"),
]


@pytest.mark.parametrize("source,target,kind,reason", KINDS, ids=[c[2] for c in KINDS])
def test_polarity_kinds(source, target, kind, reason):
    report = check_documents(source, target, Config(select=("POL01",)))
    assert [f.finding_class for f in report.findings] == [kind], reason
