"""Function words of German and English: frequent, short, language-specific words used
as whole-document language evidence, to keep identical-token anchors meaningful and as
stop words."""

from __future__ import annotations

# Function words: frequent, short, language-specific. Used for whole-document language
# evidence and to keep identical-token anchors meaningful. Words that are the same in
# both languages ("in", "so", "man") are left out of both lists.
GERMAN_FUNCTION_WORDS = frozenset("""
der die das den dem des ein eine einer eines einem einen und oder aber nicht auch
ist sind war waren wird werden wurde wurden hat haben hatte hatten sein seine seiner
ihre ihrer ihren ihr sich mit von zu zum zur auf aus bei nach über unter vor für
durch gegen ohne um als wie wenn dass daß ob noch schon nur sehr mehr bereits dies
diese dieser dieses diesem diesen jedoch sowie nun dann doch wir sie er es ich du
auch einem kann können muss müssen soll sollen will wollen keine kein keinen im am
vom beim ins ans seit bis zwischen während wegen dort hier heute gestern laut
""".split())

ENGLISH_FUNCTION_WORDS = frozenset("""
the a an and or but not also is are was were be been being has have had will would
shall should can could may might must of to for with from by on at as than that
this these those there their they them he she it its we our you your his her which
who whom whose what when where while because although if then into onto about after
before between during without within against over under very more most already only
just such some any each every all both either neither no yes however said says
""".split())

STOPWORDS = GERMAN_FUNCTION_WORDS | ENGLISH_FUNCTION_WORDS

#: German prepositions, with their contractions with an article (``beim``, ``zur``): a
#: noun after one is its object, not a sentence's subject
GERMAN_PREPOSITIONS = frozenset("""
an auf aus bei bis durch für gegen hinter in mit nach neben ohne seit statt trotz um unter
über von vor während wegen zu zwischen laut gemäß samt außer entlang innerhalb außerhalb
am ans beim im ins vom zum zur fürs ums
""".split())

#: German articles that never mark the nominative (dative, genitive, accusative forms): a
#: noun after one is no subject
GERMAN_OBLIQUE_ARTICLES = frozenset("dem den des einem einen eines".split())

#: German articles and determiners: a capitalised word after one is a noun (``das
#: Heil``), not the person the same word names elsewhere
GERMAN_DETERMINERS = frozenset("""der die das dem den des ein eine einer eines einem einen
kein keine keiner keines keinem keinen dieser diese dieses diesem diesen jeder jede jedes
jedem jeden""".split())
