"""Negation in German and English: explicit negators, fixed expressions whose negator
does not negate the statement, lexical negation, and words a translation commonly puts
in place of a negation.

Five kinds of knowledge:

- **negators** (:func:`negators`): words that negate a statement — ``nicht``, ``kein…``,
  ``nie``, ``nichts``, ``niemand``, ``weder``, their colloquial and misspelt forms
  (``nix``, ``ned``, ``nich``, ``koan``, ``garkeine``), ``not``/``n't`` (with any
  apostrophe glyph, or none: ``dont``), ``no``, ``never``, ``nothing``, ``nobody``… Each
  is *plain* (it negates the statement: a translation that drops it says the opposite)
  or *weak*: ``ohne``/``without`` and ``nein``/``no`` as an answer (often rendered by a
  preposition or dropped), ``nicht zu`` + infinitive (``nicht zu schlagen`` →
  ``unbeatable``), a negated adjective a translation may render by its antonym
  (``nicht einfach`` → ``difficult``, ``not good`` ← ``schlecht``).
- **not negations** (:data:`GERMAN_NOT_NEGATION`, :data:`ENGLISH_NOT_NEGATION`): fixed
  expressions with a negator that never negate: ``nicht zuletzt``/``not least``, ``no
  doubt``, ``nonetheless``, ``why don't you``, ``not to mention``, ``second to none``.
- **neutral expressions** (:func:`neutral_expressions`): fixed expressions with a
  negator that a translation may or may not render with one, so they neither count as a
  negation nor as its absence — ``nicht nur``/``not only``/``not just``, ``wenn nicht
  (gar)``/``if not``, ``oder nicht``/``or not``, ``nicht etwa``, ``nicht wahr``/``isn't
  it?``, ``little to no``, ``keine Frage``, and litotes (a negator on a lexically
  negative word: ``nicht fehlen`` → ``be there``, ``nicht selten`` → ``often``,
  ``not without``).
- **lexical negation** (:func:`lexical_negation`): a word that negates by itself, which a
  translation may render with an explicit negation (``unmöglich``, ``problemlos``,
  ``egal`` → ``doesn't matter``, ``ausgenommen`` → ``not included``, ``verfallen`` →
  ``not carried over``, ``Finger weg`` → ``don't touch``, ``nur noch`` → ``no longer``;
  ``unbeatable``, ``invincible``, ``cancelled``, ``expire``, ``exempt``, ``yet to``,
  ``too … to``, ``unless``).
- **negation cues** (:func:`negation_cues`): words that often stand in for a negation
  but are no negation themselves (``bevor`` → ``not yet``, ``nur`` → ``no more than``,
  ``schlecht`` → ``not good``; English negative-polarity items without a negator,
  ``anything``, ``ever``, ``any more``, and ``only``, ``until``, ``rather``). They do not
  cancel a one-sided negation, they make it weaker evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_I = re.IGNORECASE


@dataclass(frozen=True)
class Negator:
    """An explicit negator at ``start:end``; ``plain`` when it negates the statement
    (a translation that drops it says the opposite), else weak evidence."""

    start: int
    end: int
    text: str
    plain: bool


# --- German ------------------------------------------------------------------------

# plain negators, with colloquial and misspelt forms: nix/nüscht (nichts), ned/nich
# (nicht), koa/koan/koane (Bavarian kein), nimmer (nicht mehr), garnicht/garkeine
# (gar nicht/gar keine written as one word), nichtmal (nicht mal)
GERMAN_NEGATION = re.compile(
    r"\b(?:nicht|kein|keine|keinen|keinem|keiner|keines|nie|niemals|niemand|niemanden|"
    r"niemandem|nichts|weder|nirgends|nirgendwo|keinesfalls|keineswegs|keinster|"
    r"keinerlei|nichtmal|gar(?:nicht|nichts|nix|kein|keine|keinen|keinem|keiner|keines)|"
    r"überhauptnicht|überhauptkein\w*)\b", _I)
# the colloquial forms in lower case only (Ned and Koan are names and nouns too)
GERMAN_COLLOQUIAL_NEGATION = re.compile(
    r"\b(?:[Nn]ix|[Nn]üscht|[Nn]ischt|ned|nich|koa|koan|koane|koana|nimmer)\b")
# weak negators: a preposition and an answer a translation often renders otherwise
GERMAN_WEAK_NEGATION = re.compile(r"\b(?:ohne|nein|nee|nö)\b", _I)
GERMAN_NOT_NEGATION = re.compile(
    r"\bnicht\s+zuletzt\b|\bnichtsdestotrotz\b|\bnichtsdestoweniger\b|"
    r"\bnicht\s+zu\s+vergessen\b|\bkein\s+Wunder\b|\bnicht\s+umsonst\b|"
    r"\bnicht\s+von\s+ungefähr\b|"
    # niemand Geringeres als / kein anderer als: "none other than"
    r"\b(?:niemand\w*|kein\w*)\s+(?:geringere\w*|andere\w*)\s+als\b", _I)
GERMAN_NEUTRAL = re.compile(
    r"\bnicht\s+(?:nur|bloß|allein|einfach\s+nur)\b|\bwenn\s+nicht\b|"
    r"\boder\s+(?:auch\s+)?nicht\b|\bnicht\s+etwa\b|\bnicht\s+wahr\b|"
    r"\bkeine\s+Frage\b|\b(?:wenig|kaum)\w*\s+(?:bis|oder)\s+(?:gar\s+)?(?:kein\w*|nichts)\b|"
    r"\bnicht\s+schlecht\b|\bnicht\s+übel\b", _I)
# a negated adjective a translation may render by its antonym (nicht einfach → hard):
# adjectives in -bar/-lich/-ig/-isch/-sam/-haft/-fähig and frequent evaluative ones
_GERMAN_ANTONYM_PRONE = (
    r"gut|gute\w*|einfach|leicht|schwer|klar|richtig|falsch|genug|viel|viele|oft|lang|"
    r"lange|weit|gleich|sicher|gern|gerne|ganz|immer|alle|groß|klein|neu|alt|hoch|"
    r"\w{2,}(?:bar|lich|ig|isch|sam|haft|fähig)")
_GERMAN_ADJECTIVE_NEGATION = re.compile(
    r"\bnicht\s+(?:(?:so|sehr|besonders|allzu|gerade|wirklich|ganz|mehr|sonderlich)\s+)?"
    rf"(?:{_GERMAN_ANTONYM_PRONE})(?:e|en|er|es|em)?\b",
    _I)
# nicht zu + infinitive: "cannot be …", which English often says with un-/in-…-able
_GERMAN_MODAL_INFINITIVE = re.compile(r"\bnicht\s+(?:mehr\s+|so\s+leicht\s+)?zu\s+"
                                      r"(?-i:[a-zäöüß]+(?:en|ern|eln))\b", _I)

GERMAN_LEXICAL = re.compile(
    r"\b(?:erst|kaum|wenig|fehlen|fehlt|fehlte|fehlten|verweigert\w*|"
    r"unmöglich\w*|ausgeschlossen|verhindert\w*|verbot\w*|Verbot\w*|"
    r"nicht(?!s\b)\w+|\w{3,}los(?:e|en|er|es|em)?|\w{3,}frei(?:e|en|er|es|em)?|"
    # indifference: egal → "doesn't matter"
    r"egal|gleichgültig\w*|wurscht|schnuppe|"
    # exception and exclusion: ausgenommen → "not included"
    r"ausgenommen|Ausnahme\w*|außer|abgesehen|anstatt|stattdessen|es\s+sei\s+denn|"
    # statt as a preposition, not the particle of stattfinden (findet nicht statt)
    r"statt\s+(?:zu|dass|de[sr]|eine?[srnm]?|seine?[srnm]?|ihre?[srnm]?)|"
    # ending, lapsing, blocking, cancelling: verfallen → "not carried over"
    r"verf[aä]ll\w*|verfiel\w*|abgelaufen|gesperrt|sperrt|sperren|\w*sperre|abgesagt|"
    r"Absage\w*|entf[aä]ll\w*|entfiel\w*|nur\s+noch|"
    # refusing, avoiding, omitting, forgetting, lacking
    r"vermeid\w*|vermied\w*|verzicht\w*|verpass\w*|vergess\w*|vergaß\w*|vergiss\w*|"
    r"weiger\w*|ablehn\w*|abgelehnt|leugn\w*|bestreit\w*|bestritt\w*|unterlass\w*|"
    r"aufhör\w*|aufgehört|mangel\w*|Mangel|selten\w*|gering\w*|"
    # prohibition: Finger weg! → "Don't touch!"
    r"(?:Finger|Hände|Pfoten)\s+weg|"
    # too … to: zu groß, um … zu → "not … enough"
    r"zu\s+(?-i:[a-zäöüß]\w*),?\s+um)\b", _I)
GERMAN_CUES = re.compile(r"\b(?:bevor|nur|noch|schlecht\w*|falsch\w*|schwer|schwierig\w*|"
                         r"anders|vorbei|allenfalls|höchstens|bislang|bisher)\b", _I)

# --- English -----------------------------------------------------------------------

_APOSTROPHE = "['’‘´`ʼ]"
ENGLISH_NEGATION = re.compile(
    r"\b(?:not|never|nobody|nothing|nothin|nuthin|neither|nor|none|nowhere|cannot|noone|"
    r"no-one|no(?!\.?\s*\d)(?!-)|"
    # contractions written without an apostrophe (informal): dont, didnt, isnt…
    r"(?:do|does|did|is|are|was|were|have|has|had|could|would|should|must|need|ai)nt)\b"
    rf"|n\s?{_APOSTROPHE}\s?t\b|\bno one\b", _I)  # (didn ’ t: tokenised MT output)
ENGLISH_WEAK_NEGATION = re.compile(r"\b(?:without|nope)\b", _I)
ENGLISH_NOT_NEGATION = re.compile(
    r"\bnot\s+least\b|\bno\s+(?:doubt|matter|wonder)\b|\bnonetheless\b|\bnevertheless\b|"
    rf"\bwhy\s+(?:not|don{_APOSTROPHE}?t)\s+(?:you|we)\b|\bgoes\s+without\s+saying\b|"
    rf"\b(?:do\s+not|don{_APOSTROPHE}?t)\s+hesitate\b|\bnot\s+to\s+mention\b|"
    r"\bsecond\s+to\s+none\b|\bnone\s+other\s+than\b|\bnothing\s+but\b|"
    r"\bno\s+(?:less|fewer)\s+than\b", _I)
ENGLISH_NEUTRAL = re.compile(
    r"\bnot\s+(?:only|just|merely|simply|solely)\b|"
    rf"n{_APOSTROPHE}?t\s+(?:only|just|merely|simply|solely)\b|"
    r"\bif\s+not\b|\bor\s+not\b|\b(?:little|few)\s+(?:to|or)\s+no\b|"
    r"\bno\s+question\b|\bnot\s+bad\b|\bno\s+small\b|\bnot\s+a\s+few\b|"
    # tag questions: …, isn't it? / …, don't you?
    rf",\s*\w+n{_APOSTROPHE}?t\s+(?:it|he|she|they|we|you|i|there|that)\s*\?", _I)
_ENGLISH_ANTONYM_PRONE = (
    r"good|bad|easy|hard|clear|right|wrong|enough|much|many|often|long|far|same|sure|"
    r"always|all|quite|very|too|well|big|small|new|old|high|low|"
    r"\w{3,}(?:able|ible|ful|ous|ic|al|ant|ent)|\w{3,}(?<![erv])ive")
_ENGLISH_ADJECTIVE_NEGATION = re.compile(
    rf"\b(?:not|n{_APOSTROPHE}?t)\s+(?:(?:so|very|particularly|really|that|too|exactly)\s+)?"
    rf"(?:{_ENGLISH_ANTONYM_PRONE})\b", _I)

ENGLISH_LEXICAL = re.compile(
    r"\b(?:hardly|barely|scarcely|fail\w*|lack\w*|refus\w*|"
    r"impossible|unable|prevent\w*|ruled out|forbid\w*|absen\w+|little|few|"
    r"banned|non-\w+|\w{3,}less|ignor\w+|neglect\w*|deny|denie\w+|"
    r"denied|undoubtedly|doubtless|far\s+from|"
    # cancelling, expiring, exempting, excluding: are cancelled ← werden nicht stattfinden
    r"cancel\w*|call(?:s|ed|ing)?\s+off|expir\w*|exempt\w*|exclud\w*|except\w*|omit\w*|"
    r"skip\w*|avoid\w*|refrain\w*|ceas\w+|stop|stops|stopped|stopping|quit|"
    r"miss|missed|misses|missing|rarely|seldom|unless|instead|rather\s+than|"
    r"yet\s+to|free\s+(?:of|from)|\w+-free|"
    r"(?:put|puts|putting|set|sets|setting|leave|leaves|leaving|left)\s+aside|"
    r"(?:aside|apart)\s+from|"
    # too … to: too hot to touch ← so heiß, dass man es nicht anfassen kann
    r"too\s+\w+\s+to)\b", _I)
ENGLISH_CUES = re.compile(
    r"\b(?:any|anything|anybody|anyone|anywhere|ever|anymore|at\s+all|any\s+longer|"
    r"yet|only|until|till|before|rather|other\s+than|beyond|poor\w*|wrong|bad|"
    r"difficult|hard|different\w*|less|fewer)\b", _I)


# --- negation by prefix ------------------------------------------------------------

_UN_WORD = re.compile(r"\b[Uu]n(\w{4,})\b")
# in-/im-/il-/ir-/dis-/non- adjectives: the rest is a word and the whole an adjective
_ENGLISH_PREFIX_ADJECTIVE = re.compile(
    r"\b(?:in|im|il|ir|dis|non)((?=\w{6,}\b)\w+(?:able|ible|ent|ant|ive|ect|ete|ous|al|ar|"
    r"ful|ic))\b",
    _I)


@lru_cache(maxsize=50_000)
def _known(word: str, lang: str) -> bool:
    from qa.lang.dictionary import known_word

    return known_word(word, lang)


def prefix_negated(text: str, lang: str) -> bool:
    """A word negated by a prefix whose rest is a word itself: un- (``unmöglich`` →
    ``möglich``, ``unlikely`` → ``likely``), which tells it from ``unter``, ``ungefähr``,
    ``under``, ``until``, ``united``; in English also in-/im-/il-/ir-/dis-/non-
    adjectives (``invincible`` → ``vincible``, ``irrelevant``), not ``investment`` or
    ``important``."""
    for m in _UN_WORD.finditer(text):
        rest = m.group(1)
        if _known(rest, lang) or (lang == "de" and _known(rest.capitalize(), lang)):
            return True
    if lang == "en":
        for m in _ENGLISH_PREFIX_ADJECTIVE.finditer(text):
            if not m.group(0).lower().endswith("ment") and _known(m.group(1).lower(), "en"):
                return True
    return False


# --- public ------------------------------------------------------------------------

def _spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _inside(start: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in spans)


_LITOTES_NEGATOR = {"de": re.compile(r"\b(?:nicht|kein\w*)\s+", _I),
                    "en": re.compile(rf"\b(?:not|never|n{_APOSTROPHE}t)\s+", _I)}


# the lexically negative words an English litotes negates: a negated verb (not
# neglecting, not failing) stays a negation, since the source may have the verb itself
_ENGLISH_LITOTES_WORD = re.compile(r"(?:a\s+)?(?:without|little|few|bad)", _I)
# the German words whose negation is a litotes: inherently negative ones (fehlen, ohne,
# Mangel, wenig, selten, schlecht) — not a state that can plainly be negated (nicht
# gesperrt is open, not a double negative)
_GERMAN_LITOTES_WORD = re.compile(r"(?:fehl\w*|ohne|mangel\w*|wenig\w*|selten\w*|"
                                  r"schlecht\w*|verkehrt\w*|gering\w*)", _I)


def _litotes(text: str, lang: str) -> list[tuple[int, int]]:
    """A negator on a lexically negative word within the next two words (``nicht
    fehlen``, ``nicht ohne``, ``nicht unwichtig``, ``kein Mangel``; ``not without``,
    ``not unlike``, ``not a little``): a double negation a translation may render as a
    plain statement (``durfte nicht fehlen`` → ``had to be there``)."""
    found = []
    for m in _LITOTES_NEGATOR[lang].finditer(text):
        following = text[m.end():].split()[:2]
        for count in range(1, len(following) + 1):
            window = " ".join(following[:count]).rstrip(".,;:!?")
            if not window.strip():
                continue  # only punctuation follows (tokenised text: "nicht .")
            if lang == "de":
                negative = prefix_negated(window, "de") or \
                    bool(_GERMAN_LITOTES_WORD.fullmatch(window.split()[-1]))
            else:
                negative = prefix_negated(window, "en") or \
                    bool(_ENGLISH_LITOTES_WORD.fullmatch(window))
            if negative:
                found.append((m.start(), m.end() + len(window)))
                break
    return found


def neutral_expressions(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of fixed expressions with a negator that a translation may or may not
    render with one (``nicht nur``, ``if not``, ``or not``, ``nicht etwa``, litotes):
    they neither count as a negation nor as its absence."""
    pattern = GERMAN_NEUTRAL if lang == "de" else ENGLISH_NEUTRAL
    return _spans(pattern, text) + _litotes(text, lang)


def negators(text: str, lang: str) -> tuple[Negator, ...]:
    """Explicit negators, minus those in expressions that are no negation or neutral (a
    tuple: checks share one text's answer, see CheckContext.shared)."""
    if lang == "de":
        plain, weak, exclude = GERMAN_NEGATION, GERMAN_WEAK_NEGATION, GERMAN_NOT_NEGATION
        colloquial = GERMAN_COLLOQUIAL_NEGATION
    else:
        plain, weak, exclude = ENGLISH_NEGATION, ENGLISH_WEAK_NEGATION, ENGLISH_NOT_NEGATION
        colloquial = None
    strong = [m for pattern in (plain, colloquial) if pattern is not None
              for m in pattern.finditer(text)]
    weak_matches = list(weak.finditer(text))
    if not strong and not weak_matches:
        return ()  # most sentences: no negator, nothing to exclude or weaken
    if lang == "de":
        weakening = _spans(_GERMAN_ADJECTIVE_NEGATION, text) + \
            _spans(_GERMAN_MODAL_INFINITIVE, text)
    else:
        weakening = _spans(_ENGLISH_ADJECTIVE_NEGATION, text)
    excluded = _spans(exclude, text) + neutral_expressions(text, lang)
    found = [Negator(m.start(), m.end(), m.group(0), not _inside(m.start(), weakening))
             for m in strong if not _inside(m.start(), excluded)]
    found += [Negator(m.start(), m.end(), m.group(0), False)
              for m in weak_matches if not _inside(m.start(), excluded)]
    return tuple(sorted(found, key=lambda n: n.start))


def lexical_negation(text: str, lang: str) -> bool:
    """Lexical negation that a translation may render with an explicit one."""
    pattern = GERMAN_LEXICAL if lang == "de" else ENGLISH_LEXICAL
    return bool(pattern.search(text)) or prefix_negated(text, lang)


def negation_cues(text: str, lang: str) -> list[str]:
    """Words that often stand in for a negation without being one (``bevor`` → ``not
    yet``; English negative-polarity items such as ``anything`` with no negator)."""
    pattern = GERMAN_CUES if lang == "de" else ENGLISH_CUES
    return [m.group(0) for m in pattern.finditer(text)]
