"""Dropped content words: a source word with no counterpart where the translation's
grammar shows a gap.

Dictionary coverage alone cannot tell a dropped word from a free rendering: WMT human
references leave a third of the source content words without a dictionary counterpart
(qa.checks.adequacy). Two independent pieces of evidence together can:

- the translation is broken where a word is missing — a determiner with no noun after it
  (``the of``, ``the .``), a preposition before a full stop or comma with the space of
  the missing word (``in .``) or straight before another (``Ministry of in``), a
  preposition English never strands before clause punctuation (``according to,``), a
  possessive ending with no possessor (``of 's``), a subject pronoun straight before an
  article (``She that after``: the verb is missing), empty brackets or quotation marks
  (``()``) or a bracket opened onto a comma (``(, 1995)``); or a statement's clause
  that opens with its finite verb, its subject missing (``Is a popular pastime.``,
  ``Estimated that…``, ``In 1989, helped…``, ``while were absent``) — unless the
  source itself opens a sentence with its verb, as informal German drops subjects
  (irregular past forms such as ``Began`` are known from WordNet's verb exceptions where
  Debian's ``wordnet-base`` is installed, regular ones always). Headings, captions and
  bullet points drop subjects too, so this kind (``missing-subject``) is reported as
  ``minor``;
- a source content word that the dictionary can translate (or a capitalised one) has no
  counterpart in the per-pair word alignment (:mod:`qa.lang.word_align`), and the words
  aligned on either side of it put its counterpart where the translation breaks — or it
  is the only such word of the sentence (German word order puts it elsewhere: ``mit den
  Bundesstaaten in Kontakt`` → ``in contact with the states``). A missing subject is the
  German subject pronoun the translation has no English one for, or the unaccounted noun
  or name nearest the gap.

The finding names the source word (the omission) and says where the translation breaks.
Measured on DEMETR German (``python benchmarks/demetr.py``): no break in any of its 200
clean translations (MT and reference); on the WMT21–23 human references of the judged
set, none reported. Adjectives, adverbs and most verbs dropped leave grammatical
English behind and are not found here.
"""

from __future__ import annotations

import re
from typing import Callable, Iterator, NamedTuple

from qa.checks.base import Check, CheckContext, Example, sentence_spans
from qa.lang import german
from qa.lang.function_words import (GERMAN_FUNCTION_WORDS, GERMAN_OBLIQUE_ARTICLES,
                                    GERMAN_PREPOSITIONS)
from qa.lang.word_align import Word, WordAlignment, align_words, english_lemma
from qa.lang.wordnet import load_wordnet
from qa.model import Category, Finding, Severity

#: determiners that need a noun after them (his/her/this/those double as pronouns)
DETERMINERS = frozenset("the a an its their our my your".split())
#: what cannot follow a determiner directly: a preposition, a conjunction, a verb of
#: being or having, another determiner, a relative pronoun or punctuation
NOT_AFTER_DETERMINER = frozenset("""of in on at to for with from by and or but that is are
was were has have had the a an which who whose could would should shall itself himself
herself themselves""".split()) | set(".,;:!?)")
#: prepositions: before a full stop, comma, semicolon or colon *with a space between*
#: (where a word was taken out) a noun is missing; without the space English strands
#: prepositions freely (``what they paid for.``, ``the ghosts it called on.``)
PREPOSITIONS = frozenset("""of in on at with from by for into onto about during between
against without through toward towards according per""".split())
CLAUSE_PUNCTUATION = frozenset(".,;:!?")
#: a preposition straight after one of these lacks its noun (``Ministry of in``);
#: those that double as verb particles (in, on, for, by, with, through: ``filled in
#: with``, ``join in on``, ``run into with``) are left out, and ``at`` after them (``of
#: at least``)
PREPOSITIONS_BEFORE_NOUN = frozenset("of from during between against per".split())
NOT_AFTER_PREPOSITION = frozenset("of in on with from by into".split())
#: an empty pair of brackets or quotation marks: a name or term taken out
#: (straight quotation marks only when touching: ``"disable," "close"`` closes one and
#: opens the next)
_EMPTY_PAIR_RE = re.compile(r"\(\s*\)|\"\"|“\s*”|„\s*“|‘\s*’")
#: a bracket opened straight onto a comma or semicolon before the rest of its content:
#: its first item taken out (``(, 1995)`` for ``(James et al., 1995)``; not the emoticon
#: ``(;``, which closes nothing)
_BRACKET_OPENS_ON_PUNCTUATION_RE = re.compile(r"(\()\s*[,;]\s*[^\s()][^()]*\)")
#: a possessive ending with no possessor: a preposition or determiner straight before
#: ``'s`` (``a picture of 's leanings``); English writes the ending onto its noun
_ORPHAN_POSSESSIVE_RE = re.compile(
    r"\b(of|the|a|an|to|in|on|at|by|for|with|from)\s+['’]s(?![\w'’\-])", re.IGNORECASE)
#: prepositions of two or three words that always take their noun after them, so English
#: never leaves them at the end of a clause (``according to, …``): straight before clause
#: punctuation, spaced or not, their noun is missing
_UNSTRANDABLE_RE = re.compile(
    r"\b(according to|in front of|on behalf of|in spite of|by means of)\s*[.,;:!?](?!\w)"
    # (an inserted remark is no gap: ``according to, among other things, the season``)
    r"(?!\s*(?:among other things|for example|for instance|e\.g\.|i\.e\.|inter alia"
    r"|in particular|of course)\b)",
    re.IGNORECASE)
#: a subject pronoun straight before an article or ``that``: the verb between them is
#: missing (``She that after a break…``, ``He the ball``); none of the 6,517 lines of the
#: WMT21–23 human references has one (``we the people`` is left out)
_SUBJECT_BEFORE_ARTICLE_RE = re.compile(r"\b(he|she|they)\s+(?:the|an?|that)\b", re.IGNORECASE)
#: a determiner before ``as`` and another determiner: the noun between is missing
#: (``around the as a business location``; not ``an as yet unknown woman``, ``its as is
#: condition``)
_DETERMINER_AS_RE = re.compile(r"\b(the|an?|its|their|our|my|your)\s+as\s+(?:the|an?)\b",
                               re.IGNORECASE)
#: a conjunction that ends a sentence: what it joined is missing (``public transport
#: and.``); none of the 7,737 sentences of the WMT21–23 human references has one
#: (not one listed after a comma as a word: ``the operators are if, else, and, or.``)
_CONJUNCTION_BEFORE_STOP_RE = re.compile(r"(?<!, )\b(and|or|but)\s*\.(?=\s|$)", re.IGNORECASE)
#: verbs that put the subject after them in a question (``Was he a friend?``, ``Is she
#: the one?``): a pronoun after one of them has its verb
INVERTING_VERBS = frozenset("""is was are were has had have does did do can could will would
shall should may might must""".split())
#: the breaks found by one pattern each: the gap opens where the pattern's group ends
_GAP_PATTERNS = (_BRACKET_OPENS_ON_PUNCTUATION_RE, _ORPHAN_POSSESSIVE_RE, _UNSTRANDABLE_RE,
                 _SUBJECT_BEFORE_ARTICLE_RE, _CONJUNCTION_BEFORE_STOP_RE, _DETERMINER_AS_RE)
#: pronouns whose break is a missing verb (a lower-case German word), not a noun
SUBJECT_PRONOUNS = frozenset({"he", "she", "they"})

#: auxiliaries and modals that begin a statement only after their subject (``Is one of
#: the main attractions.``: the subject is missing); outside this list ``Should``,
#: ``Were`` and ``Had`` open conditionals (``Should you need help, …``), ``Have`` and
#: ``Do`` commands (``Have a nice week!``), ``May`` wishes and a month (``May God bless
#: you``, ``May saw record sales``)
OPENING_AUXILIARIES = frozenset("""is was are has can will would could must might does
did cannot""".split())
#: after a conjunction that opens a clause, any of these needs its subject first
#: (``while were absent``, ``so that could watch``); none of the 7,737 sentences of the
#: WMT21–23 human references has one straight after such a conjunction
CLAUSE_AUXILIARIES = OPENING_AUXILIARIES | frozenset("were had have should shall".split())
#: conjunctions that open a clause with its own subject (``as`` and ``than`` do not:
#: ``as was the case``; ``where`` and ``when`` open questions in informal English)
SUBORDINATORS = ("while", "because", "although", "though", "whereas", "unless", "so that")
#: words that can be the subject straight after an auxiliary that opens a sentence (a
#: question or request without its question mark: ``Could you please check this.``)
SUBJECT_WORDS = frozenset("""i you he she it we they there this that these those one
anyone anybody someone somebody everyone everybody anything something everything nothing
nobody none""".split())
#: German pronouns that are mostly subjects (not ``es``, the expletive of ``es gibt``,
#: ``Es ist leicht, … zu …``; not ``ihr``, mostly a possessive) and the English personal
#: pronouns, in any case: a source with more of the first than its translation has of
#: the second has lost a subject (``Er ist einer der…`` → ``Is one of…``); counting
#: English object forms too keeps ``sie`` as an object (``hat sie gesehen``) from counting
#: as a lost subject
GERMAN_SUBJECT_PRONOUNS = frozenset("er sie wir ich du man".split())
ENGLISH_PERSONAL_PRONOUNS = frozenset("he she it they we i you one him her them us me".split())
#: the prepositions after which a sentence-opening participle is a preposition itself
#: or heads a phrase (``Based on``, ``Compared to``, ``Followed by``, ``Coupled with``)
PARTICIPLE_PREPOSITIONS = frozenset("by on to with".split())
#: what a sentence-opening past form (``Estimated that…``, ``Trained as…``) must be
#: followed by to be a verb that lost its subject: a determiner, ``that``, a preposition
#: or particle, an ``-ing`` form — an adjective-like participle takes a noun (``Armed
#: men stormed…``)
AFTER_OPENING_VERB = (DETERMINERS | PREPOSITIONS | frozenset(
    "that this these those his her as back up out off down".split())) - PARTICIPLE_PREPOSITIONS
#: openers of an introductory phrase whose comma the subject follows (``In 1989, he
#: helped…``): a finite verb straight after that comma has lost its subject
INTRODUCTORY_OPENERS = frozenset("""in on at since after before during despite until for
nevertheless however meanwhile""".split())

_LEXICON = (
    {"de": "Ministerium", "en": "ministry"}, {"de": "Wirtschaft", "en": "economy"},
    {"de": "Samstag", "en": "Saturday"}, {"de": "Regierung", "en": "government"},
    {"de": "Stürme", "en": "storms"}, {"de": "beobachte", "en": "monitoring"},
    {"de": "betroffenen", "en": "affected"}, {"de": "Bundesstaaten", "en": "states"},
    {"de": "Stadien", "en": "stadiums"}, {"de": "Zuschauer", "en": "spectators"},
    {"de": "Saison", "en": "season"}, {"de": "gespielt", "en": "played"},
)


def _alternation(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_WORD_END = r"(?![\w'’\-/])"
#: the words a break begins with (found by one fast scan; what follows each is then
#: matched in place: scanning for the whole pattern costs twice the CPU)
_HEAD_RE = re.compile(rf"\b(?:{_alternation(DETERMINERS | PREPOSITIONS)})\b", re.IGNORECASE)
_AFTER_DETERMINER_RE = re.compile(
    rf"\s*[{re.escape(''.join(p for p in NOT_AFTER_DETERMINER if len(p) == 1))}](?!\w)"
    rf"|\s+(?:{_alternation(w for w in NOT_AFTER_DETERMINER if len(w) > 1)}){_WORD_END}")
_AFTER_PREPOSITION_RE = re.compile(r"\s+[.,;:!?](?!\w)")
_AFTER_NOUN_PREPOSITION_RE = re.compile(
    rf"\s+(?:{_alternation(NOT_AFTER_PREPOSITION)}){_WORD_END}")


def breaks(target: str) -> list[tuple[int, str]]:
    """Where the English is broken by a missing word: (character offset where the gap
    opens, the broken text). A plain scan of the translation: the alignment is computed
    only for the few pairs that have a break."""
    found = []
    for m in _HEAD_RE.finditer(target):
        if m.start() and target[m.start() - 1] in "'’.-":
            continue  # inside a word: U.S.-the, don't-a
        word = m.group(0).lower()
        if m.group(0) == "A" and not _opens_sentence(target, m.start()):
            continue  # a letter: Vitamin A, Plan A, the A 45
        follows = None
        if word in DETERMINERS:
            follows = _AFTER_DETERMINER_RE.match(target, m.end())
        if follows is None and word in PREPOSITIONS:
            follows = _AFTER_PREPOSITION_RE.match(target, m.end())
        if follows is None and word in PREPOSITIONS_BEFORE_NOUN:
            follows = _AFTER_NOUN_PREPOSITION_RE.match(target, m.end())
        if follows is not None:
            found.append((m.end(), target[m.start():follows.end()]))
    for m in _EMPTY_PAIR_RE.finditer(target):
        found.append((m.start(), m.group(0)))
    for pattern in _GAP_PATTERNS:
        found += [(m.end(1), m.group(0)) for m in pattern.finditer(target)
                  if pattern is not _SUBJECT_BEFORE_ARTICLE_RE
                  or _word_before(target, m.start()) not in INVERTING_VERBS]
    return found


_WORD_RE = re.compile(r"[\w'’\-]+")
_SUBORDINATOR_AUXILIARY_RE = re.compile(
    rf"\b(?:{_alternation(SUBORDINATORS)})\s+({_alternation(CLAUSE_AUXILIARIES)}){_WORD_END}")


def _past_form(word: str) -> bool:
    """Whether ``word`` reads as a past form of a verb: a regular one (``estimated``,
    ``trained``; not a name such as ``Alfred``, which is its own lemma) or an irregular
    one in WordNet's verb exceptions (``began``, ``lost``; none without WordNet)."""
    low = word.lower()
    if len(low) >= 5 and low.endswith("ed"):
        lemma = english_lemma(low)  # a name is its own lemma, capitalised: Alfred
        return lemma != low and lemma[:1].islower()
    wordnet = load_wordnet()
    return wordnet is not None and wordnet.irregular_verb_form(low)


#: an introductory phrase before its comma is at most this long (``In an emotional
#: response,``; ``Since the founding of Asunción in 1537,``): a longer one is likely a
#: clause of its own with its subject
INTRODUCTORY_PHRASE_CHARS = 60


def subject_gaps(target: str) -> list[tuple[int, str]]:
    """Where a clause of the translation opens with its finite verb, its subject missing:
    (character offset where the gap opens, the broken text). Statements only: a sentence
    with a question mark may put its verb first. Sentences are qa's own (abbreviations,
    closing quotation marks)."""
    found = []
    for start, end in sentence_spans(target, "en"):
        if "?" in target[start:end]:
            continue
        words = list(_WORD_RE.finditer(target, start, end))
        if len(words) < 2:
            continue
        first, second = words[0].group(0), words[1].group(0)
        if not first[:1].isupper() or (first.isupper() and len(first) > 1):
            continue  # a lower-case start is no sentence's; IS, CAN: acronyms
        if first.lower() in OPENING_AUXILIARIES and _verb_without_subject(words):
            found.append((words[0].start(), target[words[0].start():words[1].end()]))
        elif _past_form(first) and _opening_past_form(words) \
                and not re.search("[,:]", target[words[0].end():end]):
            # a comma hands a participle phrase over to its subject (``Asked about it,
            # officials said…``); a colon closes a caption (``Organized the show: …``)
            found.append((words[0].start(), target[words[0].start():words[1].end()]))
        elif first.lower() in INTRODUCTORY_OPENERS:
            comma = target.find(",", words[0].end(), end)
            after = [w for w in words if w.start() > comma] if comma >= 0 else []
            if comma - words[0].start() <= INTRODUCTORY_PHRASE_CHARS and len(after) > 1 \
                    and after[0].group(0).islower() and (  # Allied forces, Red Bull: names
                        _verb_without_subject(after)
                        if after[0].group(0) in OPENING_AUXILIARIES
                        else _past_form(after[0].group(0)) and (
                            _opening_past_form(after) or after[1].group(0)[:1].isupper())):
                # (a past form takes a name as its object: ``In 1989, helped Brooks…``)
                found.append((after[0].start(), target[after[0].start():after[1].end()]))
    for m in _SUBORDINATOR_AUXILIARY_RE.finditer(target):
        before = target[max(0, m.start() - 12):m.start()].lower()
        if re.search(r"\b(?:a|the|quite a)\s+$", before):
            continue  # a while: the noun
        if m.group(0).lower().startswith("so") and re.search(r"(?:,|\band)\s*$", before):
            continue  # ``…, so that will delay it``: so, and ``that`` the subject
        found.append((m.start(1), m.group(0)))
    return found


def _verb_without_subject(words: list[re.Match]) -> bool:
    """Whether a clause's opening verb (``words[0]``) is followed by no word that could be
    its subject: not a pronoun (an inverted question or request: ``Could you please check
    this.``), nor a name or number (``May 5``, ``Can Dündar``, ``Will Smith``): a lower-case
    word, which the verb needs after it (``Is a popular pastime``, ``Was greeted``)."""
    after = words[1].group(0)
    return after[:1].islower() and after.lower() not in SUBJECT_WORDS


def _opening_past_form(words: list[re.Match]) -> bool:
    """Whether the word after a sentence-opening past form makes it a verb that lost its
    subject: its object or particle (``Estimated that``, ``Traveled back``, ``Lost the
    first set``), or an ``-ing`` form with its own object (``Began funding the…``); not a
    noun the participle describes (``Armed men``, ``Renewed fighting broke out``)."""
    after = words[1].group(0).lower()
    if after in AFTER_OPENING_VERB:
        return True
    return after.endswith("ing") and len(words) > 2 and \
        words[2].group(0).lower() in DETERMINERS | SUBJECT_WORDS


def _opens_sentence(text: str, offset: int) -> bool:
    """Whether ``offset`` begins the text or follows a sentence's end (and any opening
    quotation mark or bracket)."""
    before = text[:offset].rstrip(" \"“„'‘(")
    return not before or before[-1] in ".!?\n"


def _word_before(text: str, offset: int) -> str:
    """The word before ``offset`` (lower-cased), looked for in the 40 characters before."""
    words = re.findall(r"[\w'’]+", text[max(0, offset - 40):offset])
    return words[-1].lower() if words else ""


def _expected_region(alignment: WordAlignment, word: Word) -> tuple[int, int]:
    """The target word indices between which ``word``'s counterpart would stand: the
    targets of its nearest linked neighbours (the sentence's edge where it has none)."""
    links = alignment.source_links
    left = [i for i in links if i < word.index]
    right = [i for i in links if i > word.index]
    low = max(links[max(left)]) if left else -1
    high = min(links[min(right)]) if right else len(alignment.target)
    return min(low, high), max(low, high)


#: a determiner left with no noun (a subject pronoun with no verb) where the word
#: alignment places no unaccounted word (German word order differs: ``zog … noch als
#: Kleinkind nach Kalifornien`` → ``moved to California as a.``) takes the unaccounted
#: noun (verb) nearest in relative place, if it lies within this share of the sentence's
#: length of the gap
NEAREST_WORD_REACH = 0.3


def _distance(word: Word, place: float, length: int) -> float:
    """How far ``word`` lies from relative place ``place`` in a text of ``length``
    characters, as a share of the text."""
    return abs(word.start / max(1, length) - place)


def _nearest(candidates: list[Word], used: set[int], place: float, length: int,
             fits: Callable[[Word], bool]) -> list[Word]:
    """The unaccounted source word that ``fits`` nearest to relative place ``place``,
    within :data:`NEAREST_WORD_REACH`; none otherwise."""
    fitting = [w for w in candidates if w.index not in used and fits(w)
               and _distance(w, place, length) <= NEAREST_WORD_REACH]
    return sorted(fitting, key=lambda w: _distance(w, place, length))[:1]


def _noun(word: Word) -> bool:
    """A capitalised source word not opening the sentence: a German noun or name."""
    return word.text[:1].isupper() and word.start > 0


def _lower_case(word: Word) -> bool:
    """A lower-case source word: a verb, where a subject pronoun lost one."""
    return word.text[:1].islower()


def _name_like(word: Word, candidates: list[Word], lexicon) -> bool:
    """Whether an unaccounted capitalised source word reads as (part of) a name: the
    dictionary does not know it, it joins an acronym (``ESPN-Angaben``), or another
    unaccounted capitalised word stands beside it (``Vereinten Nationen``)."""
    if not word.text[:1].isupper():
        return False
    if not lexicon.translations(word.text):
        return True
    if any(part.isupper() and len(part) > 1 for part in word.text.split("-")):
        return True
    return any(abs(other.index - word.index) == 1 and other.text[:1].isupper()
               for other in candidates)


def _drops_subjects(source: str) -> bool:
    """Whether a sentence of the source opens with its verb: informal German drops the
    subject (``Läuft seit Monaten ohne Probleme.`` → ``Has been running for months…``,
    ``Können wir nur empfehlen!``), and so does its faithful translation; a command or
    question opens with its verb too (``Legen Sie…``)."""
    for start, end in sentence_spans(source, "de"):
        words = _WORD_RE.findall(source, start, end)
        if words and (german.verb_form(words[0]) or (
                len(words) > 1 and words[1].lower() in GERMAN_SUBJECT_PRONOUNS
                and german.lower_case_word(words[0].lower()))):
            return True
    return False


def _missing_subject(alignment: WordAlignment, candidates: list[Word], used: set[int],
                     place: float, length: int, lexicon) -> Word | None:
    """The source word a subject gap at relative place ``place`` lost: a German subject
    pronoun when the source has more of them than the translation has English ones, else
    the unaccounted noun or name nearest the gap (within :data:`NEAREST_WORD_REACH`) that
    may be a subject, at the sentence's start too when a verb follows it."""
    pronouns = [w for w in alignment.source
                if w.text.lower() in GERMAN_SUBJECT_PRONOUNS and w.index not in used]
    english = sum(re.split("['’]", w.text.lower())[0] in ENGLISH_PERSONAL_PRONOUNS
                  for w in alignment.target)
    if len(pronouns) > english:
        return min(pronouns, key=lambda w: _distance(w, place, length))
    nearest = _nearest(candidates, used, place, length, lambda w: (
        _noun(w) or w.text[:1].isupper() and _opens_statement(alignment, w))
        and _may_be_subject(alignment, w))
    return nearest[0] if nearest else None


def _opens_statement(alignment: WordAlignment, noun: Word) -> bool:
    """Whether the word opening the source is a noun or name before the finite verb
    (``Behörden erwarteten…``, ``Murray verlor…``): German writes it in lower case
    nowhere, and a verb form follows it. A verbless heading (``Funktion nicht
    einwandfrei``) has no subject to lose, and a verb opening the sentence is none."""
    following = alignment.source[noun.index + 1] if noun.index + 1 < len(alignment.source) else None
    return (not german.lower_case_word(noun.text.lower()) and following is not None
            and german.verb_form(following.text))


def _may_be_subject(alignment: WordAlignment, noun: Word) -> bool:
    """Whether a German noun may be its clause's subject: the first word before it that
    is no lower-case adjective is no preposition (``beim Flanieren``) and no article
    that never marks the nominative (``dem Besuch``)."""
    for k in range(noun.index - 1, max(-1, noun.index - ATTRIBUTES_BEFORE_NOUN - 2), -1):
        word = alignment.source[k].text
        low = word.lower()
        if low in GERMAN_PREPOSITIONS or low in GERMAN_OBLIQUE_ARTICLES:
            return False
        if low in GERMAN_FUNCTION_WORDS or not (word.islower() and german.lower_case_word(word)):
            return True  # an article that may be nominative, a conjunction, a noun
    return True


#: lower-case words (adjectives, adverbs) looked through before a noun for its article
#: or preposition: ``von den schon zuvor beschädigten Dämmen``
ATTRIBUTES_BEFORE_NOUN = 3


class Dropped(NamedTuple):
    """A source word with no counterpart where the translation breaks."""

    word: Word
    #: the broken target text
    text: str
    #: ``broken-target`` (a word missing inside a phrase) or ``missing-subject`` (a
    #: clause that opens with its verb)
    kind: str


def dropped_at_breaks(source: str, target: str, lexicon) -> list[Dropped]:
    """Each break in the translation with an unaccounted, translatable source word
    expected there."""
    found = breaks(target)
    subjects = subject_gaps(target)
    if subjects and _drops_subjects(source):
        subjects = []
    if not found and not subjects:
        return []
    alignment = align_words(source, target, lexicon)
    candidates = [w for w in alignment.unlinked_source()
                  if lexicon.translations(w.text) or w.text[:1].isupper()]
    out = []
    used = set()
    for offset, text in subjects:
        missing = _missing_subject(alignment, candidates, used, offset / max(1, len(target)),
                                   len(source), lexicon)
        if missing is not None:
            out.append(Dropped(missing, text, "missing-subject"))
            used.add(missing.index)
    for offset, text in found:
        # the gap opens after the last target word that ends before it
        gap = max((w.index for w in alignment.target if w.end <= offset), default=-1)
        at_gap = [w for w in candidates if w.index not in used
                  and _expected_region(alignment, w)[0] <= gap < _expected_region(alignment, w)[1]]
        if not at_gap and len(candidates) == 1 and not used:
            at_gap = candidates  # German word order moved it: the only word unaccounted for
        head = text.split()[0].lower().rstrip(".,;:!?")
        if not at_gap and (head in DETERMINERS or head in SUBJECT_PRONOUNS):
            at_gap = _nearest(candidates, used, offset / max(1, len(target)), len(source),
                              _noun if head in DETERMINERS else _lower_case)
        if not at_gap and _UNSTRANDABLE_RE.fullmatch(text):
            # ``according to,``: what is missing is who says so, a name
            at_gap = _nearest(candidates, used, offset / max(1, len(target)), len(source),
                              lambda w: _noun(w) and _name_like(w, candidates, lexicon))
        if at_gap:
            out.append(Dropped(at_gap[0], text, "broken-target"))
            used.add(at_gap[0].index)
    return out


class DroppedWord(Check):
    """A source content word has no counterpart, and the translation is broken where it
    would stand (``Ministry of Economy`` → ``Ministry of in``; ``in Spanien`` → ``in .``): a word
    dropped from the translation."""

    code = "WRD01"
    name = "words.dropped"
    category = Category.OMISSION
    severity = Severity.MAJOR
    summary = "A source word is missing from the translation, which is broken where it would stand."
    needs_lexicon = True
    examples = (
        Example.bad("Das Ministerium für ⟦Wirtschaft⟧ in Buenos Aires teilte das am Samstag mit.",
                    "The Ministry of in Buenos Aires announced that on Saturday.",
                    termbase=_LEXICON, config={"lexicon": "none"}),
        Example.bad("Die Saison wurde ohne Zuschauer in den ⟦Stadien⟧ gespielt.",
                    "The season was played without spectators in the.",
                    termbase=_LEXICON, config={"lexicon": "none"}),
        Example.good("Das Ministerium für Wirtschaft in Buenos Aires teilte das am Samstag mit.",
                     "The Ministry of Economy in Buenos Aires announced that on Saturday.",
                     termbase=_LEXICON, config={"lexicon": "none"}),
        Example.bad("⟦Er⟧ ist eine Hauptattraktion des Landes.",
                    "Is a main attraction of the country.",
                    "a statement that opens with its verb has lost its subject",
                    termbase=_LEXICON, config={"lexicon": "none"}),
        Example.good("Läuft seit Monaten ohne Probleme.",
                     "Has been running for months without problems.",
                     "the source drops its subject too (informal German)",
                     termbase=_LEXICON, config={"lexicon": "none"}),
        Example.good("Nur 750 Besucher waren zugelassen, doch die kamen auf ihre Kosten.",
                     "Only 750 visitors were let in, and they got what they paid for.",
                     "a preposition English leaves at the end of a clause is no gap",
                     termbase=_LEXICON, config={"lexicon": "none"}),
        Example.good("Die Regierung beobachte die Stürme.",
                     "The government is monitoring the storms that the states were cared for .",
                     "a break with no unaccounted source word at it is not reported",
                     termbase=_LEXICON, config={"lexicon": "none"}),
    )

    def check(self, pair, ctx: CheckContext) -> Iterator[Finding]:
        if not pair.source or not pair.target:
            return
        for word, text, kind in dropped_at_breaks(pair.source_text, pair.target_text,
                                                  ctx.lang.lexicon):
            subject = kind == "missing-subject"
            where = (f"where a clause opens with its verb at {text!r}"
                     if subject else f"which breaks off at {text!r}")
            # a clause without its subject is weaker evidence than a broken phrase
            # (headings, captions and bullet points drop subjects): advisory
            yield self.finding(
                f"{word.text!r} has no counterpart in the translation, {where}",
                source_span=pair.in_source(word.start, word.end), segment=pair.id,
                severity=Severity.MINOR if subject else None,
                kind=kind, data={"word": word.text, "break": text})
