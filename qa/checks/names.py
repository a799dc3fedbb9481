"""Proper names: a name in the source must appear in the aligned translation, spelled as
in the source or as a legitimate English form.

German capitalises every noun, so a source word counts as a name only on evidence: it is
in the exonym list, or is a place adjective or genitive of a name there (``Tschechien``
→ ``Czech Republic``, ``Münchner`` → ``Munich``), it follows a title or a first name
(``Präsident Macron``, ``Juliette Kayyem``), or it is not a German dictionary word
(simplemma) — nor a German word the dictionary lacks in this form: an inflected
adjective, a feminine ``-in`` noun, a spelling without ß/umlauts, a typo of a frequent
word, an interjection (``qa.lang.german.common_word_form``). Abbreviations (``BKA``,
``StZ``) are not taken for names: translations spell them out as often as they keep them.

Legitimate differences are accepted: exonyms (``qa/data/exonyms.tsv``), the English
adjectives of places (``qa/data/demonyms.tsv``: ``Frankreichs Präsident`` → ``the
French president``), transliteration patterns (sch↔sh, tsch↔ch, j↔y, w↔v, z↔s:
``Selenskyj``/``Zelensky``, ``Herzlia``/``Herzliya``), accents, the German genitive
``-s``, the name part of a German compound (``Siemens-Schuckertwerke`` → ``the
Siemens-Schuckert company``), abbreviations spelled out (``MdB`` → ``Bundestag member``,
``qa/data/german_abbreviations.tsv``).

The checks read the document around a pair as a human reader does: a person named in a
neighbouring sentence may be referred to by a pronoun or a description (``Castex`` →
``the prime minister``, ``sie`` → ``Stefanie``), and the source document's own spelling
of a name elsewhere is a legitimate one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import Container, Iterator

from qa.checks.base import Check, CheckContext, Example
from qa.model import FIX_REVIEW, Category, Finding, Severity
from qa.lang import english, german, quantities
from qa.lang import frequency as zipf_band
from qa.lang.dictionary import known_word
from qa.lang.wordnet import load_wordnet
from qa.lang.frequency import zipf
from qa.lang.function_words import GERMAN_DETERMINERS, STOPWORDS
from qa.lang.names import (abbreviation_spellings, demonyms, edit_distance,
                           english_adjectives, english_place_names, exonyms,
                           german_abbreviations, german_adjective_stems, name_key,
                           places_of_adjective, reverse_exonyms, within_edits)
from qa.lang.normalise import fold
from qa.lang.word_align import GERMAN_GRAMMAR_WORDS

#: a capitalised word; combining marks count as letters (``Gro\u0308ße``: text written
#: with decomposed umlauts, as some systems store it, is otherwise cut into ``Gro``)
_CAP_RE = re.compile(r"(?<![\w\-\u0300-\u036f])[A-ZÄÖÜÉ][\w\u0300-\u036f'’]*"
                     r"(?:-[A-ZÄÖÜÉ][\w\u0300-\u036f'’]*)*", re.UNICODE)
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_NAME_WORD_RE = re.compile(r"[\w'’\-]+")
_SPACES_HYPHENS_APOSTROPHES_RE = re.compile(r"[\s\-'’]+")
_SPACES_HYPHENS_RE = re.compile(r"[\s\-]+")
_SPACES_PUNCTUATION_RE = re.compile(r"[\s\-'’\"“”„]+")
def _genitive_base(token: str) -> str | None:
    if token.endswith("s") and len(token) > 4 and not token.endswith("ss"):
        return token[:-1]
    return None


def _place_bases(token: str) -> list[str]:
    """The name a German word may be formed from: the genitive (Frankreichs →
    Frankreich) and the place adjective (Grazer → Graz, Münchner → München)."""
    bases = []
    base = _genitive_base(token)
    if base:
        bases.append(base)
    if token.endswith("er") and len(token) > 5:
        bases.append(token[:-2])  # Grazer, Friedrichshafener, Washingtoner
        if token.endswith("ner"):
            bases.append(token[:-3] + "en")  # Münchner → München, Bremer is Bremen's
    return bases


def source_names(text: str, lexicon=None) -> tuple[tuple[str, int, int, str], ...]:
    """Names in a German text: (name as written, start, end, evidence). With a bilingual
    ``lexicon``, also German dictionary words that read as a first name and surname
    (:func:`_untranslatable_names`: simplemma's German list has many names)."""
    names = _source_names(text)
    if lexicon is None:
        return names
    extra = _untranslatable_names(text, lexicon)
    if not extra:
        return names
    known = {start for _, start, _, _ in names}
    return tuple(sorted(names + tuple(n for n in extra if n[1] not in known),
                        key=lambda n: n[1]))


@lru_cache(maxsize=1 << 17)  # a translation memory's sentences: NAM01 and NAM02 both read them
def _untranslatable_names(text: str, lexicon) -> tuple[tuple[str, int, int, str], ...]:
    """Capitalised German dictionary words the lexicon cannot translate but as themselves
    and that English text uses, side by side with another word that reads as a name
    (``Mick Fleetwood``, ``Lewis Hamilton``): evidence "no translation"; or that WordNet
    names as an instance (``nach Paris``, ``in Versailles``, ``Manchester City``):
    evidence "named entity". (A loanword the lexicon leaves as it is, ``Hotel``,
    ``Session``, is neither.)"""
    tokens = list(_CAP_RE.finditer(text))
    found = []
    wordnet = load_wordnet()
    for k, m in enumerate(tokens):
        token = m.group(0)
        beside = any(0 <= j < len(tokens) and text[min(tokens[j].end(), m.end()):
                                                   max(tokens[j].start(), m.start())] == " "
                     for j in (k - 1, k + 1))
        # (not a function word opening a sentence: Mit, Seine are instances too)
        instance = wordnet is not None and len(token) >= 3 and token[1:].islower() \
            and token.casefold() not in STOPWORDS \
            and token.casefold() not in GERMAN_GRAMMAR_WORDS and wordnet.names_an_instance(token)
        if not beside and not instance:
            continue  # (most capitalised words are neither: nothing to look up)
        if german.mixed_case_abbreviation(token) or german.interjection(token) \
                or not german.dictionary_word(token) or not _untranslatable(token, lexicon):
            continue
        if beside and _beside_name_word(tokens, k, text, lexicon):
            found.append((token, m.start(), m.end(), "no translation"))
        elif instance:
            found.append((token, m.start(), m.end(), "named entity"))
    return tuple(found)


#: characters before a capitalised word that are split to find the words before it
#: (the tests read the last two: a title, a speech verb, an article)
BEFORE_WINDOW = 200


def _last_word(words: list[str]) -> str:
    """The last of ``words`` without the punctuation around it, case-folded ("" for none):
    the word before a capitalised one."""
    return words[-1].strip(",;:()„“\"").casefold() if words else ""


@lru_cache(maxsize=1 << 17)  # a translation memory's sentences: NAM01 and NAM02 both read them
def _source_names(text: str) -> tuple[tuple[str, int, int, str], ...]:
    """:func:`source_names` without a lexicon. Cached: the names checks all read them for
    the same pairs."""
    names = []
    tokens = list(_CAP_RE.finditer(text))
    for k, m in enumerate(tokens):
        token = m.group(0)
        if token.isupper() or token.casefold() in STOPWORDS:
            continue  # abbreviations are often translated (BKA)
        if german.mixed_case_abbreviation(token) or german.interjection(token):
            continue  # StZ, MdB: spelt out as often as kept; Sooo, Brrr: no names
        short = len(token) < 3 or (text[m.end():m.end() + 1] == "." and len(token) <= 4)
        # the words before it, as far as the tests below look (the last two): a bounded
        # window, so a sentence of a million characters costs no square
        before = text[max(0, m.start() - BEFORE_WINDOW):m.start()].split()
        if short and not _speaker(text, m.start(), m.end(), before):
            # too short to judge, or Mrd., Mio., Abs.; but a speaker is a name however
            # short (", sagte Hu.")
            continue
        prev_word = _last_word(before)
        # "eine Frau Springt": Frau after an article is the noun, not a form of address
        title_before = prev_word in german.TITLES and not german.address_as_noun(
            prev_word, before[-2].strip(",;:()„“\"") if len(before) > 1 else "")
        # "Juliette Kayyem": a surname after a first name (a word taken for a name
        # itself); "Macrons Handynummer" is a genitive before a noun, not a first name
        # (an acronym or model number before a noun is not a first name: DCC
        # Programmiermodi, PTBS Krankheit, VS10 Videoverarbeitung; nor a brand or an
        # abbreviation: Smeg Küchengeräte, StZ Platz)
        previous = tokens[k - 1].group(0) if k > 0 else ""
        after_first_name = (k > 0 and tokens[k - 1].end() + 1 == m.start()
                            and bool(names) and names[-1][1] == tokens[k - 1].start()
                            and prev_word not in german.TITLES
                            and any(c.islower() for c in previous)
                            and not any(c.isdigit() for c in previous)
                            and not tokens[k - 1].group(0).endswith("s")
                            and not german.dictionary_word(tokens[k - 1].group(0)))
        if any(fold(form) in exonyms() for form in (token, *_place_bases(token))):
            evidence = "exonym"
        elif (title_before or after_first_name) and not german.role_noun(token) \
                and token.casefold() not in german.TITLES:
            evidence = "title"
        elif (german.dictionary_word(token) or short) \
                and _speaker(text, m.start(), m.end(), before) \
                and not german.role_noun(token) and token.casefold() not in german.TITLES:
            evidence = "speaker"  # Heil sagte, sagte Flick.: a name that is also a word
        elif _street_name(token):
            evidence = "street"  # Talstraße, Aidenbachstraße: a street's name
        elif german.dictionary_word(token) and _bare_subject(text, m.end(), before) \
                and not german.role_noun(token) and token.casefold() not in german.TITLES \
                and token.casefold() not in GERMAN_GRAMMAR_WORDS:
            evidence = "bare subject"  # machte Allan den 2:0-Endstand, hatte Werth alle
        elif not german.dictionary_word(token) and (zipf(token, "de") < zipf_band.VERY_FREQUENT
                                                    or zipf(token, "en") >= zipf_band.COMMON) \
                and not german.common_word_form(token) \
                and quantities.german_number_word(token) is None:
            # (frequent in both languages: a famous name, Putin, Paris, Twitter; a frequent
            # German word missing from the dictionary is rare in English; a feminine noun,
            # an inflected adjective, a spelling without ß or a typo is a German word;
            # so is a number written out: wurde Zwölfter)
            evidence = "not a German word"
        else:
            continue
        names.append((token, m.start(), m.end(), evidence))
    return tuple(names)


#: singular speech verbs: a bare capitalised word beside one is the speaker, a person
#: ("Heil sagte", "sagte Flick."), where a common noun would have its article
SPEECH_VERBS = frozenset("""sagte sagt nannte schrieb erklärte betonte meinte kündigte
teilte warnte forderte kritisierte ergänzte berichtete bestätigte lobte räumte""".split())
_OPENING_PUNCTUATION = tuple(",;:\"„“”'")
_PRONOUNS = frozenset("ich du er sie es wir ihr man".split())


def _speaker(text: str, start: int, end: int, before: list[str]) -> bool:
    """The word at ``start:end`` is a speaker: it opens the sentence (or follows a
    comma or quotation mark) straight before a speech verb, or follows a speech verb
    that follows a quotation or comma and ends the clause (``", sagte Hu."``)."""
    after = text[end:].lstrip()
    following = after.split(maxsplit=2)
    next_word = following[0].strip(",.;:") if following else ""
    opens = not before or before[-1].endswith(_OPENING_PUNCTUATION)
    if opens and next_word in SPEECH_VERBS and text[end:end + 1] == " ":
        # not "Später schrieb er", "Dazu sagte Müller", "Man teilte mit": an adverb or
        # pronoun opening the sentence, its subject after the verb
        subject_after = len(following) > 1 and (following[1].casefold() in _PRONOUNS
                                                or following[1][:1].isupper())
        word = text[start:end].casefold()
        return not subject_after and word not in _PRONOUNS and word not in GERMAN_GRAMMAR_WORDS
    return (len(before) >= 2 and before[-1] in SPEECH_VERBS
            and before[-2].endswith(_OPENING_PUNCTUATION)
            and (not after or after[0] in ".,;:!?)"))


def _untranslatable(token: str, lexicon) -> bool:
    """The lexicon has no translation for ``token`` but the word itself (nor for any part
    of a hyphenated one: US-Dollar is a dollar), and English text uses it at least as a
    common word (Zipf ≥ 3: Bush, Edgar, Hamilton; a German word with no entry, Polizei,
    is rare in English). Loanwords pass too (Session, Hotel): the caller asks for more.
    A stem that begins the word is the word itself, stemmed harder (Paris: ``pari``,
    ``par``)."""
    def itself(part: str, translation: str) -> bool:
        translation = translation.lower()
        return translation in (english.stem(part), english.stem(fold(part))) \
            or fold(part).lower().startswith(translation)

    return not any(t for part in token.split("-") if part
                   for t in lexicon.translations(part) if not itself(part, t)) \
        and zipf(token, "en") >= zipf_band.COMMON


def _name_word(token: str, lexicon) -> bool:
    """A capitalised word that reads as a name: no German word, or one the lexicon
    cannot translate (:func:`_untranslatable`), and no word German writes in lower case
    (Bin, Royal at a sentence start), title, role noun or grammar word."""
    low = token.casefold()
    if (len(token) < 3 or token.isupper() or low in STOPWORDS or low in GERMAN_GRAMMAR_WORDS
            or low in german.TITLES or german.role_noun(token)
            or german.lower_case_word(token.lower())):
        return False
    return not german.dictionary_word(token) or _untranslatable(token, lexicon)


def _beside_name_word(tokens, k: int, text: str, lexicon) -> bool:
    """The word ``tokens[k]`` reads as a name and so does a capitalised word a single space
    before or after it: a first name and a surname (Mick Fleetwood, Lewis Hamilton);
    German puts no two nouns side by side so."""
    neighbours = [j for j in (k - 1, k + 1) if 0 <= j < len(tokens)
                  and text[min(tokens[j].end(), tokens[k].end()):
                           max(tokens[j].start(), tokens[k].start())] == " "]
    return bool(neighbours) and _name_word(tokens[k].group(0), lexicon) and any(
        _name_word(tokens[j].group(0), lexicon) for j in neighbours)


#: endings of German street names (Talstraße, Aidenbachstraße, Mariahilfer Gasse)
STREET_ENDINGS = ("straße", "strasse", "gasse", "allee")
#: street words that are common nouns, not a street's name
STREET_NOUNS = frozenset("""straße strasse gasse allee landstraße landstrasse bundesstraße
bundesstrasse seitenstraße seitenstrasse nebenstraße nebenstrasse hauptverkehrsstraße
umgehungsstraße einbahnstraße ringstraße durchgangsstraße zufahrtsstraße autostraße
fußgängerstraße sackgasse baumallee landesstraße landesstrasse kreisstraße kreisstrasse
staatsstraße staatsstrasse gemeindestraße gemeindestrasse querstraße wohnstraße
schnellstraße schnellstrasse""".split())


def _street_name(token: str) -> bool:
    """A compound ending in Straße, Gasse or Allee that is not a common noun of streets
    (Landstraße, Landesstraße 1230, Sackgasse): a street's name, which translations keep."""
    low = token.casefold()
    return low.endswith(STREET_ENDINGS) and low not in STREET_NOUNS \
        and not low.endswith(tuple(f"{noun}n" for noun in ("straße", "strasse", "gasse", "allee")))


#: words that open a noun phrase: after a bare capitalised word between the verb and
#: them, that word is the subject with no article of its own, a name
_PHRASE_OPENERS = frozenset("""der die das den dem des ein eine einen einem einer kein
keine keinen keinem sein seine seinen seinem ihr ihre ihren ihrem alle allen""".split())


#: auxiliaries and modals before a bare subject (not the copulas: ``ist Nachbarland der
#: Ukraine``, ``wurde Weltmeister der``, a predicate noun needs no article)
_FINITE_AUXILIARIES = frozenset("hat hatte kann konnte muss musste will wollte".split())


def _bare_subject(text: str, end: int, before: list[str]) -> bool:
    """The capitalised word ending at ``end`` stands between a finite verb (a lower-case
    word whose lemma is a verb's: machte → machen) and the article of the next noun
    phrase: the subject of an inverted clause with no article of its own (``machte Allan
    den``, ``erzählte Bush dem Publikum``), which German allows names only."""
    after = text[end:].split(maxsplit=1)
    if not before or not after or text[end:end + 1] != " " or after[0] not in _PHRASE_OPENERS:
        return False
    verb = before[-1]
    if verb in _FINITE_AUXILIARIES:
        return True  # hatte Werth alle Prüfungen gewonnen
    if not verb.isalpha() or not verb.islower() or verb in STOPWORDS or \
            verb in GERMAN_GRAMMAR_WORDS or verb in _PHRASE_OPENERS:
        return False
    if len(before) > 1 and (before[-2].casefold() in _PHRASE_OPENERS
                            or before[-2].casefold() in STOPWORDS):
        return False  # die promovierte Juristin, nach eigenen Angaben: an adjective
    from qa.lang.dictionary import german_lemma

    # a past tense, weak (machte, erzählte) or strong (gelang, erfuhr): the lemma is a
    # verb's, the form is not an inflected adjective's (-e, -en, -er, -es, -em) nor a
    # present tense's (-t: "lehnt Gegenangebot der Gläubiger ab", a headline's object)
    lemma = german_lemma(verb)
    past = verb.endswith("te") or not verb.endswith(("e", "en", "er", "es", "em", "t"))
    return past and lemma != verb and lemma.islower() and lemma.endswith(("en", "ern", "eln"))


def name_groups(text: str, lexicon=None) -> list[list[tuple[str, int, int, str]]]:
    """Names grouped into multiword names (Donald Trump, Marine Le Pen): a translation
    that keeps any part (usually the surname) keeps the name."""
    groups: list[list[tuple[str, int, int, str]]] = []
    for name in source_names(text, lexicon):
        if groups and text[groups[-1][-1][2]:name[1]] in (" ", "\u00a0"):
            groups[-1].append(name)
        else:
            groups.append([name])
    return groups


def _known_entity(token: str) -> bool:
    """A word that occurs in news text at all (Trump, Twitter), not a typo."""
    return max(zipf(token, "de"), zipf(token, "en")) >= zipf_band.RARE


def _target_tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _CAP_RE.finditer(text)]


def _english_forms(name: str) -> list[str]:
    """The English exonyms of a German name (``Frankreich`` → ``France``)."""
    return list(exonyms().get(fold(name), ()))


def _forms(name: str) -> list[str]:
    """The name, its genitive-less and place-adjective bases, their English exonyms,
    and the English adjectives of those places (``Frankreichs`` → ``France``,
    ``French``)."""
    forms = [name, *_place_bases(name)]
    for form in list(forms):
        forms.extend(_english_forms(form))
    for form in list(forms):
        forms.extend(english_adjectives(form))
    return list(dict.fromkeys(forms))


def _name_parts(name: str) -> list[str]:
    """The parts of a hyphenated name a translation may keep alone: those that are not
    German common nouns (``Siemens`` of ``Siemens-Schuckertwerke``, ``Merkel`` of
    ``Merkel-Regierung``), and a name before a German head noun
    (``Schuckert|werke``)."""
    if "-" not in name:
        return []
    parts = []
    for part in name.split("-"):
        if len(part) < 4 or part.isupper() or (german.dictionary_word(part)
                                                and english.rare(part)):
            continue
        parts.append(part)
        for modifiers, head in german.compound_splits(part, min_left=4, min_head=4):
            if german.dictionary_word(head.capitalize()) and english.rare(head):
                parts.append(modifiers[0].capitalize())
                break
    return parts


@lru_cache(maxsize=20_000)  # (more forms than re's own cache of 512 patterns holds)
def _whole_word_pattern(word: str) -> re.Pattern:
    """``word`` as a whole word: no word character before or after it."""
    return re.compile(rf"(?<![\w]){re.escape(word)}(?![\w])")


def _present(name: str, target: str, loose: bool = False) -> bool:
    """The name, or one of its legitimate forms, is in ``target``; ``loose`` also
    accepts a part of a hyphenated name (``Siemens-Schuckert company``)."""
    folded = fold(target)
    keys = _word_keys(target)
    squeezed = _SPACES_HYPHENS_APOSTROPHES_RE.sub("", folded)
    forms = _forms(name) + (_name_parts(name) if loose else [])
    for form in forms:
        if _whole_word_pattern(fold(form)).search(folded):
            return True
        if len(form) >= 6 and _SPACES_HYPHENS_APOSTROPHES_RE.sub("", fold(form)) in squeezed:
            return True  # Tiebreak → tie break, Home-Office → home office
        if " " not in form and name_key(form) in keys:
            return True
        if " " in form and name_key(form) in name_key(target):
            return True
    return False


#: sentences before and after a pair where a reader looks for a name the pair refers to
#: (a pronoun's antecedent comes before, usually within a paragraph; a name may also
#: be rendered one or two sentences off when sentences are split or merged)
NEIGHBOURS_BEFORE = 2
NEIGHBOURS_AFTER = 2
#: NAM04 looks further back: a person introduced earlier ("Dr. Stefanie Kramer") is
#: named again by the translation where the source says "sie" or "die Juristin"
ANTECEDENT_BEFORE = 5


# A near miss of a name is one edit off, two for keys of this length and more (Kayem for
# Kayyem is one; tuned on the corpora's planted misspellings against WMT references)
NEAR_MISS_TWO_EDITS_FROM = 7


def _near_miss(name: str, target: str) -> tuple[str, int, int] | None:
    keys = {name_key(form) for form in _forms(name) if " " not in form}
    key = name_key(name)
    if len(key) < 4:
        return None
    for token, start, end in _target_tokens(target):
        if name_key(token) in keys:
            continue
        other_key = name_key(token.removesuffix("'s").removesuffix("’s"))
        if any(k.startswith(other_key) and k[len(other_key):] in ("er", "ern", "ers", "s", "en", "es")
               for k in keys):
            continue  # Friedrichshafener → Friedrichshafen, Singapurs → Singapur
        if _same_compound(name, token):
            continue  # Museum-Bw for Museums-Bw: a linking s or ending dropped, no misspelling
        for candidate, offset in ((token, 0), (token.rstrip("s").removesuffix("'").removesuffix("’"), 0)):
            other = name_key(candidate)
            if other == key:
                break
            if within_edits(key, other, 1 if len(key) < NEAR_MISS_TWO_EDITS_FROM else 2):
                return token, start, start + len(candidate)
    return None


def _same_compound(name: str, token: str) -> bool:
    """Two hyphenated forms whose parts differ at most by a German linking element or
    ending (``Museums-Bw`` / ``Museum-Bw``)."""
    a, b = fold(name).split("-"), fold(token).split("-")
    if len(a) < 2 or len(a) != len(b):
        return False
    return all(x == y or (x.startswith(y) and x[len(y):] in ("s", "es", "n", "en", "e"))
               or (y.startswith(x) and y[len(x):] in ("s", "es", "n", "en", "e"))
               for x, y in zip(a, b))


def _window(sentences, indices: tuple[int, ...]) -> list[str]:
    low = max(0, min(indices) - NEIGHBOURS_BEFORE)
    high = min(len(sentences), max(indices) + NEIGHBOURS_AFTER + 1)
    return [sentences[i].text for i in range(low, high)]


def _rendered_nearby(name: str, pair, ctx: CheckContext, strict: bool) -> bool:
    """The translation renders the name in the sentences around the pair: a person or
    body named nearby may be referred to here by a pronoun or a description ("the
    prime minister"), or the sentences were split differently. ``strict`` (a place,
    which a translation does not replace by a pronoun): only where the translation
    renders it there as often as the source names it there, so that a neighbouring
    mention that renders the source's own does not count (Bangladesch in two source
    sentences, once in the translation)."""
    in_target = sum(1 for text in _window(ctx.target.sentences, pair.target)
                    if _present(name, text, loose=True))
    if not strict:
        return in_target > 0
    pattern = re.compile(rf"(?<!\w){re.escape(fold(name))}")
    in_source = sum(1 for text in _window(ctx.source.sentences, pair.source)
                    if pattern.search(fold(text)))
    return in_target >= max(in_source, 1)


class MissingName(Check):
    """A name of the source sentence is absent from its translation (no exact, exonym
    or transliterated form), and no near-miss spelling is there either; nor does the
    translation render it in a neighbouring sentence (a person or organisation may be a
    pronoun or a description there; a place only counts where the translation has it as
    often as the source around the pair).

    Finding kinds, by the evidence that the source word is a name:

    - ``exonym``: a place (or person) in the exonym list, or its genitive or adjective
      (``Bangladesch``, ``Münchner``);
    - ``after-title``: it follows a title or a first name (``Präsident Macron``);
    - ``speaker``: a German word used as a name beside a speech verb, with no article
      (``Heil sagte``, ``sagte Flick.``);
    - ``street``: a compound ending in Straße, Gasse or Allee that is no common noun of
      streets (``Talstraße``);
    - ``bare-subject``: a German word with no article between a finite verb and the next
      noun phrase's article, the subject of an inverted clause (``machte Allan den``,
      ``hatte Werth alle``): German lets only names go without an article there;
    - ``no-translation``: a German word list's word the bilingual lexicon has no entry
      for, and English text uses, beside another such word or a non-German one (a first
      name and a surname: ``Mick Fleetwood``, ``Edgar Veguilla``);
    - ``named-entity``: a German word list's word the bilingual lexicon leaves as it is
      and WordNet names as an instance (``Paris``, ``Versailles``, ``Manchester``);
    - ``not-german-word``: no German word, but one that news text uses (``Hermes``).
      Rare words that are no German ones are not reported: mostly compounds and typos;
    - ``named-elsewhere``: a German word the document names a person or body with
      elsewhere, after a first name or title or as a speaker (``Isabell Werth`` … ``hat
      Werth gewonnen``), here with no article before it (``der Koch`` is the cook).
    """

    code = "NAM01"
    name = "names.missing"
    category = Category.NAMES
    severity = Severity.MAJOR
    summary = "A person, place or organisation named in the source is missing from the translation."
    examples = (
        Example.bad("US-Präsident ⟦Trump⟧ schrieb auf Twitter, er beobachte die Stürme.",
                    "The US President wrote on Twitter that he was watching the storms."),
        Example.bad("Bisher wurden in ⟦Spanien⟧ mehr als 28.000 Tote registriert.",
                    "So far more than 28,000 deaths have been registered in Paraguay."),
        Example.bad("⟦Heil⟧ sagte, für die Fleischbranche sei 2017 ein Gesetz in Kraft getreten.",
                    "He said that a law came into force for the meat industry in 2017.",
                    "a name that is also a German word, read as one beside a speech verb"),
        Example.good("In Tschechien und München sprach Selenskyj mit Castex.",
                     "In the Czech Republic and Munich, Zelensky spoke with Castex."),
    )

    #: the finding class of each kind of evidence that the source word is a name
    KINDS = {"exonym": "exonym", "title": "after-title", "not a German word": "not-german-word",
             "speaker": "speaker", "no translation": "no-translation",
             "bare subject": "bare-subject", "street": "street", "named entity": "named-entity",
             "named elsewhere": "named-elsewhere"}
    uses_lexicon = True

    def check(self, pair, ctx: CheckContext) -> Iterator[Finding]:
        if not pair.source or not pair.target:
            return
        groups = name_groups(pair.source_text, ctx.lang.lexicon)
        if self.document_names:
            groups = sorted(groups + _named_elsewhere(pair.source_text, groups,
                                                      self.document_names),
                            key=lambda group: group[0][1])
        for group in groups:
            if any(_present(n[0], pair.target_text, loose=True)
                   or _near_miss(n[0], pair.target_text) for n in group):
                continue
            if len(group) > 1 and _present(" ".join(n[0] for n in group), pair.target_text):
                continue  # a name English translates whole: Mariä Himmelfahrt → Assumption
            if all(n[3] == "not a German word" and not _known_entity(n[0]) for n in group):
                continue  # a typo or unknown compound is not evidence of a name
            if any(_rendered_nearby(n[0], pair, ctx, strict=n[3] == "exonym") for n in group):
                continue  # rendered in a neighbouring sentence (a pronoun or description
                # stands for it here, or the sentences were split differently)
            name = " ".join(n[0] for n in group)
            start, end = group[0][1], group[-1][2]
            evidence = next((n[3] for n in group if n[3] != "not a German word"), group[0][3])
            english_forms = [f for n in group for f in _forms(n[0])[1:]
                             if f not in _place_bases(n[0])]
            yield self.finding(
                f"{name!r} is not in the translation",
                source_span=pair.in_source(start, end), segment=pair.id,
                suggestion=english_forms[0] if english_forms else name,
                kind=self.KINDS[evidence],
                data={"name": name, "evidence": evidence, "accepted": _forms(name)})


    #: German dictionary words the source document uses as a name (:meth:`prepare`)
    document_names: frozenset[str] = frozenset()

    def prepare(self, ctx: CheckContext) -> None:
        """The German dictionary words the source document uses as a person's or body's
        name somewhere: a speaker, an untranslatable first name and surname."""
        words = set()
        for pair in ctx.pairs:
            for group in name_groups(pair.source_text, ctx.lang.lexicon):
                last = group[-1]
                if last[3] in NAMING_EVIDENCE and german.dictionary_word(last[0]):
                    words.add(last[0])
        self.document_names = frozenset(words)


#: the evidence that a German dictionary word is a person's or body's name, strong enough
#: to read the same word elsewhere in the document as that name
NAMING_EVIDENCE = frozenset({"speaker", "no translation"})


def _named_elsewhere(text: str, groups, known: frozenset[str]
                     ) -> list[list[tuple[str, int, int, str]]]:
    """The words of ``text`` the document names a person or body with elsewhere
    (``known``) that ``groups`` do not hold already, where no article makes them a noun."""
    taken = {start for group in groups for _, start, _, _ in group}
    out = []
    for m in _CAP_RE.finditer(text):
        if m.group(0) not in known or m.start() in taken:
            continue
        if _last_word(text[max(0, m.start() - 40):m.start()].split()) in GERMAN_DETERMINERS:
            continue
        out.append([(m.group(0), m.start(), m.end(), "named elsewhere")])
    return out


class MisspelledName(Check):
    """A source name appears in the translation with a near-miss spelling (one or two
    letters off after allowing for transliteration): ``Castex`` → ``Casteix``. Not where
    the source document spells the name as the translation does elsewhere (the
    translation normalised a variant: ``Wolodomyr`` beside ``Wolodymyr``), nor where
    hyphenated parts differ by a German linking element (``Museums-Bw``/``Museum-Bw``)."""

    code = "NAM02"
    name = "names.misspelled"
    category = Category.NAMES
    severity = Severity.MAJOR
    summary = "A name is misspelled in the translation."
    examples = (
        Example.bad("Premierminister Castex überstand das Votum.",
                    "Prime Minister ⟦Casteix⟧ survived the vote."),
        Example.bad("Die Harvard-Professorin Juliette Kayyem widerspricht.",
                    "Harvard professor Juliette ⟦Kayem⟧ disagrees."),
        Example.good("Premierminister Castex überstand das Votum.",
                     "Prime Minister Castex survived the vote."),
        Example.good("Selenskyj traf Chruschtschows Enkelin in Herzlia.",
                     "Zelensky met Khrushchev's granddaughter in Herzliya."),
    )

    def _document_keys(self, ctx: CheckContext) -> frozenset[str]:
        """The name keys of the whole source document, computed once per run (through
        the text-keyed cache a long document's entry was pushed out by its sentences'
        and recomputed: quadratic on a translation memory)."""
        if getattr(self, "_keys_of", None) is not ctx.source:
            self._keys_of, self._keys = ctx.source, _word_keys.__wrapped__(ctx.source.text)
        return self._keys

    def check(self, pair, ctx: CheckContext) -> Iterator[Finding]:
        if not pair.source or not pair.target:
            return
        nearby_keys = None
        for name, _, _, _ in source_names(pair.source_text):
            if _present(name, pair.target_text):
                continue
            miss = _near_miss(name, pair.target_text)
            if miss:
                token, start, end = miss
                if nearby_keys is None:
                    nearby_keys = self._document_keys(ctx)
                if name_key(token) in nearby_keys or name_key(pair.target_text[start:end]) in nearby_keys:
                    continue  # the source document spells it so elsewhere (Wolodymyr beside
                    # Wolodomyr): the translation normalised a variant, or names another
                yield self.finding(
                    f"{pair.target_text[start:end]!r} looks like a misspelling of {name!r}",
                    target_span=pair.in_target(start, end), segment=pair.id,
                    suggestion=name, fix=FIX_REVIEW, data={"source": name, "target": token})


class InconsistentName(Check):
    """One name spelled two ways in the translation (``Kayyem`` and ``Kayem``)."""

    code = "NAM03"
    name = "names.inconsistent"
    category = Category.CONSISTENCY
    severity = Severity.MINOR
    summary = "A name is spelled in two different ways within the translation."
    examples = (
        Example.bad("Kayyem widerspricht. Kayyem war früher im Ministerium. Kayyem lehrt.",
                    "Kayyem disagrees. Kayyem used to work at the ministry. ⟦Kayem⟧ teaches."),
        Example.good("Kayyem widerspricht. Kayyem war früher im Ministerium.",
                     "Kayyem disagrees. Kayyem used to work at the ministry."),
        Example.good("Russland droht. Die russische Armee rückt vor. Russland schweigt.",
                     "Russia threatens. The Russian army advances. Russia is silent."),
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        spellings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        source = fold(ctx.source.text)
        for sentence in ctx.target.sentences:
            for token, start, end in _target_tokens(sentence.text):
                word = token.removesuffix("'s").removesuffix("’s")
                if len(word) >= 4 and not german.dictionary_word(word) and word.casefold() not in STOPWORDS:
                    spellings[word].append(sentence.span(start, start + len(word)))
        names = sorted(spellings, key=lambda w: (-len(spellings[w]), w))
        # spellings one edit apart share a key or a one-deletion variant of it (the
        # SymSpell trick): index every name under those, compare only within buckets
        keys = {w: name_key(w) for w in names}
        buckets: dict[str, list[str]] = defaultdict(list)
        for w in names:
            key = keys[w]
            for variant in {key, *(key[:i] + key[i + 1:] for i in range(len(key)))}:
                buckets[variant].append(w)
        seen = set()
        for major in names:
            if len(major) < 5 or major in seen:
                continue
            key = keys[major]
            candidates = {w for variant in {key, *(key[:i] + key[i + 1:] for i in range(len(key)))}
                          for w in buckets[variant]}
            for minor in sorted(candidates):
                if minor == major or minor in seen or len(spellings[minor]) > len(spellings[major]):
                    continue
                if len(spellings[minor]) == len(spellings[major]) and fold(minor) in source:
                    continue  # equal counts: trust the spelling the source has
                if _derived_form(keys[major], keys[minor]):
                    continue  # Russia / Russian, Austria / Austrian, E-PROM / E-PROMs
                if edit_distance(keys[major], keys[minor]) == 1:
                    seen.add(minor)
                    for start, end in spellings[minor]:
                        yield self.finding(
                            f"{minor!r} — elsewhere spelled {major!r}",
                            target_span=(start, end), suggestion=major, fix=FIX_REVIEW,
                            data={"spellings": {major: len(spellings[major]),
                                                minor: len(spellings[minor])}})


_DERIVATION_ENDINGS = ("n", "an", "ian", "s", "es", "ns", "ans", "ians")


def _derived_form(a: str, b: str) -> bool:
    """One name key is the other plus an English ending (a demonym, a plural)."""
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short) and long_[len(short):] in _DERIVATION_ENDINGS


@lru_cache(maxsize=4096)
def _word_keys(text: str) -> frozenset[str]:
    return frozenset(map(name_key, _NAME_WORD_RE.findall(text)))


def _place_in_source(place: str, source_text: str) -> bool:
    """An English place (``France``, ``Bavaria``) is in the German source: its German
    name, that name with another ending (Bayern → bayerische), or a German adjective or
    demonym of it (französisch, Franzosen)."""
    folded = fold(place)
    source = fold(source_text)
    lower = source_text.lower()

    def found(stem: str, text: str) -> bool:
        # inside a word from five letters on: the head of a compound (Niederbayern →
        # Lower Bavaria, niederbayerisch); shorter stems only at a word's start; a name
        # of several words with any endings (der Vereinten Nationen)
        if " " in stem:
            return re.search(r"\s+".join(re.escape(german.stem(w, min_stem=4)) + r"\w*"
                                         for w in stem.split()), text) is not None
        return stem in text if len(stem) >= 5 else re.search(
            rf"(?<!\w){re.escape(stem)}", text) is not None

    for de in {*reverse_exonyms().get(folded, ()), folded}:
        if found(de, source) or found(german.stem(de, min_stem=5), source):
            return True
    return any(found(stem, lower) for stem in german_adjective_stems(place))


def _in_source(token: str, source_text: str, source_keys: Container[str]) -> bool:
    folded = fold(token)
    source = fold(source_text)
    if folded in reverse_exonyms() and _place_in_source(token, source_text):
        return True
    # an adjective or demonym of a place the source names (French ← Frankreich,
    # Munichite ← Münchnerin)
    places = places_of_adjective(token) or {
        fold(base) for base in english.demonym_bases(token)
        if fold(base) in reverse_exonyms() or fold(base) in demonyms_of_places()}
    if any(_place_in_source(place, source_text) for place in places):
        return True
    if name_key(token) in source_keys or folded in source:
        return True
    if len(folded) >= 7 and folded[-1] in "aeiou" and \
            re.search(rf"(?<!\w){re.escape(folded[:-1])}", source):
        return True  # Bundesliga ← Bundesligisten: a German derivation of the name
    squeezed = _SPACES_PUNCTUATION_RE.sub("", source)
    if len(folded) >= 8 and _SPACES_HYPHENS_RE.sub("", folded).rstrip("e") in squeezed:
        return True  # Schwanthalerhöhe ← Schwanthaler Höh: written apart or clipped
    if "-" in token:
        # EU-Mercosur ← "der EU und dem Mercosur", Jubilee-Wiesn ← Jubiläums-Wiesn: some part
        # in the source, every other part an English word
        parts = [(part, _in_source(part, source_text, source_keys))
                 for part in token.split("-") if part]
        if any(found for _, found in parts) and all(found or english.ordinary_word(part)
                                                    for part, found in parts):
            return True
    if any(c.isdigit() for c in token) or token.isupper():
        # codes written apart or hyphenated in the source: E 95, CoV-2
        if folded in _SPACES_HYPHENS_RE.sub("", source):
            return True
    # the same name with another German ending (Evangelischer ← Evangelischen)
    stem = german.stem(folded, min_stem=5)
    return stem != folded and re.search(rf"(?<!\w){re.escape(stem)}", source) is not None


def demonyms_of_places() -> frozenset[str]:
    """The English places (folded) the demonym table knows."""
    return frozenset(demonyms())


@lru_cache(maxsize=4096)
def _abbreviations(text: str) -> tuple[str, ...]:
    """The abbreviations in a German text: capitals (BR, LZ) or mixed case (StZ, MdB)."""
    # most words have one capital at most: skipped before the per-word call (a
    # translation memory has millions of words)
    return tuple(w for w in _LETTERS_RE.findall(text) if not w[1:].islower()
                 and ((w.isupper() and 2 <= len(w) <= 6) or german.mixed_case_abbreviation(w)))


def _nearby_source(sentences, indices: tuple[int, ...],
                   source: str) -> tuple[str, "_KeysOf", tuple[str, ...]]:
    """The source sentences around a pair (:data:`ANTECEDENT_BEFORE` before, the pair's,
    :data:`NEIGHBOURS_AFTER` after, joined by spaces; the pair's ``source`` where they have
    no text) with what their abbreviations stand for appended (MdB → Mitglied des
    Bundestages, for finding a name the translation spells out), the keys of its words
    (:func:`_word_keys`) and its abbreviations (:func:`_abbreviations`).

    Words and abbreviations never span the spaces the sentences are joined with, so those
    of the whole are the sentences' own put together: each sentence is read once (they
    are cached), not once for each of the eight pairs whose window it is in."""
    parts = []
    if indices:
        low = max(0, min(indices) - ANTECEDENT_BEFORE)
        high = min(len(sentences), max(indices) + NEIGHBOURS_AFTER + 1)
        parts = [sentences[i].text for i in range(low, high)]
    if not " ".join(parts):
        parts = [source]
    abbreviations = tuple(a for part in parts for a in _abbreviations(part))
    expansions = [long_ for w in abbreviations for long_ in german_abbreviations().get(w, ())]
    appended = " " + " ".join(expansions) if expansions else ""
    text = " ".join(parts) + appended
    keys = _KeysOf((*(_word_keys(part) for part in parts), _word_keys(appended)))
    return text, keys, abbreviations + _abbreviations(appended)


class _KeysOf:
    """The word keys of several texts as one collection that answers ``in`` (read a
    few times per pair: cheaper than joining the sentences' sets for every pair)."""

    __slots__ = ("parts",)

    def __init__(self, parts: tuple[frozenset[str], ...]) -> None:
        self.parts = parts

    def __contains__(self, key: object) -> bool:
        return any(key in part for part in self.parts)


#: abbreviation_spellings, memoised: the same abbreviations are in the window of the
#: eight pairs around each sentence that has one
_spellings = lru_cache(maxsize=4096)(abbreviation_spellings)


def _spelled_out(target: str, source_abbreviations: tuple[str, ...]) -> set[int]:
    """Starts of the target words that spell out an abbreviation of the source (its
    :func:`_abbreviations`): the initials of capitalised words (short lower-case words
    between them allowed) are its letters or capitals (Stuttgarter Zeitung ← StZ, Welt
    am Sonntag ← WamS), or the parts of one German compound are (Landeszeitung ← LZ)."""
    if not source_abbreviations:
        return set()
    spellings_of = {a: _spellings(a) for a in set(source_abbreviations)}
    all_spellings = {spelling for spellings in spellings_of.values() for spelling in spellings}
    all_firsts = {spelling[:1] for spelling in all_spellings}
    if target.isascii() and not any(map(target.__contains__, all_firsts)):
        return set()  # no word of it begins with a spelling's first letter (most targets)
    words = [(m.group(0), m.start(), m.end()) for m in _LETTERS_RE.finditer(target)]
    capitalised = [i for i, (word, _, _) in enumerate(words) if word[:1].isupper()]
    covered: set[int] = set()
    # (qa.lang.names.abbreviates, spelled out: initials of two letters at least that are
    # one of the abbreviation's spellings; a run's initials only grow, so a run longer
    # than both spellings can stop)
    for spellings in spellings_of.values():
        longest = max(len(spelling) for spelling in spellings)
        firsts = {spelling[:1] for spelling in spellings}
        for i in capitalised:
            if words[i][0][:1] not in firsts:  # (a capital is its own upper case)
                continue  # the run's initials start with this word's: no spelling does
            run_starts, initials = [], ""
            for j in range(i, len(words)):
                if j > i and target[words[j - 1][2]:words[j][1]] not in (" ", "-"):
                    break
                if words[j][0][:1].isupper():
                    run_starts.append(words[j][1])
                    initials += words[j][0][:1]
                    spelled = initials.upper()
                    if len(spelled) >= 2 and spelled in spellings:
                        covered.update(run_starts)
                        break
                    if len(spelled) > longest:
                        break
                elif len(words[j][0]) > 4:
                    break
    # the parts of one German compound (Landes|zeitung ← LZ): two initials
    for i in capitalised:
        word, start, _ = words[i]
        first = word.lower()[:1].upper()
        if first not in all_firsts and (len(first) == 1 or not any(
                spelling.startswith(first) for spelling in all_spellings)):
            continue  # every split's initials start with the word's first letter
        for modifiers, head in german.compound_splits(word, min_left=3, min_head=4):
            initials = (modifiers[0][:1] + head[:1]).upper()
            if len(initials) >= 2 and initials in all_spellings and \
                    german.dictionary_word(head.capitalize()):
                covered.add(start)
                break
    return covered


def _defined_acronym(word: str, before: str) -> bool:
    """An abbreviation the translation defines in passing: ``Military History Museum
    (MHM)``, ``Foot-and-mouth disease (FMD)``: its letters, in order, are initials of
    the words just before the bracket, the first letter that of the first such word."""
    letters = word.rstrip("s")
    if not before.endswith("(") or not letters.isupper() or len(letters) < 2:
        return False
    initials = [w[0].upper() for w in _LETTERS_RE.findall(before[-120:])]
    for size in range(len(letters), min(len(initials), 2 * len(letters) + 2) + 1):
        window = initials[-size:]
        if window[0] != letters[0]:
            continue
        rest = iter(window[1:])
        if all(letter in rest for letter in letters[1:]):
            return True
    return False


def _shouted_word(word: str) -> bool:
    """An English word in capitals (a heading: TROUBLESHOOTING), not an acronym."""
    return word.isupper() and len(word) >= 5 and english.ordinary_word(word.lower())


class UnexpectedName(Check):
    """A name in the translation that the source does not have (no exact, exonym or
    transliterated counterpart, no German adjective of the place, no abbreviation it
    spells out) in the pair or the sentences around it (five before, for a pronoun's
    antecedent; two after): typically a name the translation got wrong (``Donald
    Trump`` → ``Erwin Huber``).

    Finding kinds, strongest first (a run of words takes its strongest):

    - ``misspelled-source-word``: a source word copied with a letter or two wrong
      (``Rechsbahn`` for ``Reichsbahn``);
    - ``acronym``: capitals English does not use as a common acronym (``AGC``);
    - ``place``: an English place name of the exonym list whose German form (or
      adjective) the source lacks (``Moscow``, ``Indian Ocean``), however frequent the
      English word;
    - ``word``: a word English does not know, nor is an English compound (``Kürstadt``).
    """

    code = "NAM04"
    name = "names.unexpected"
    category = Category.NAMES
    severity = Severity.MAJOR
    summary = "The translation names a person, place or organisation the source does not."
    examples = (
        Example.bad("US-Präsident Donald Trump schrieb auf Twitter.",
                    "US President ⟦Erwin Huber⟧ wrote on Twitter."),
        Example.good("In Tschechien und München sprach Selenskyj mit Castex.",
                     "In the Czech Republic and Munich, Zelensky spoke with Castex."),
        Example.good("Maul- und Klauenseuche (MKS) breitet sich aus.",
                     "Foot-and-mouth disease (FMD) is spreading."),
    )

    def check(self, pair, ctx: CheckContext) -> Iterator[Finding]:
        if not pair.source or not pair.target:
            return
        source = pair.source_text
        # the source sentences around the pair: a name the translation gives for a
        # pronoun or a description ("says Stefanie" for "sagt sie") is named there
        nearby, nearby_keys, abbreviations = _nearby_source(ctx.source.sentences, pair.source,
                                                            source)
        source_words = [w for w in _LETTERS_RE.findall(source) if len(w) >= 5]
        protected = ctx.lang.termbase_words
        tokens = _target_tokens(pair.target_text)
        spelled_out = _spelled_out(pair.target_text, abbreviations)
        places = _place_phrases(pair.target_text, tokens, nearby)
        run: list[tuple[str, int, int, str]] = []
        for k, (token, start, end) in enumerate(tokens + [("", 10**9, 10**9)]):
            word = token.removesuffix("'s").removesuffix("’s").rstrip("'’")
            kind = self._kind(word, start, pair.target_text, source_words) if word else None
            if start in places:
                kind = "place"  # Indian Ocean: a place named in words that are no names
            suspicious = kind is not None and fold(word) not in protected \
                and (start not in spelled_out or kind == "misspelled-source-word") \
                and (start in places or not _in_source(word, nearby, nearby_keys)) \
                and not _misspelling_of_source(word, source) \
                and not _defined_acronym(word, pair.target_text[:start].rstrip())
            if suspicious and (not run or pair.target_text[run[-1][2]:start].strip() == ""):
                run.append((word, start, start + len(word), kind))
                continue
            if run:
                text = pair.target_text[run[0][1]:run[-1][2]]
                kinds = {r[3] for r in run}
                yield self.finding(
                    f"{text!r} is not named in the source",
                    target_span=pair.in_target(run[0][1], run[-1][2]),
                    segment=pair.id, data={"name": text},
                    kind=next(k for k in self.KINDS if k in kinds))
                run = []
            if suspicious:
                run.append((word, start, start + len(word), kind))

    #: finding classes, strongest evidence first (a run of words takes its strongest)
    KINDS = ("misspelled-source-word", "acronym", "place", "word")

    @staticmethod
    def _kind(word: str, start: int, target: str, source_words: list[str]) -> str | None:
        """Why ``word`` reads as a name the source should have, or None if it does not:
        a near copy of a source word, an acronym English does not use, an English place
        name, or a word English does not know."""
        if word.isupper():
            if len(word) < 2 or english.common_acronym(word) or _shouted_word(word):
                return None
            return "misspelled-source-word" if _near_source_word(word, source_words) else "acronym"
        if fold(word) in english_place_names():
            return "place"  # Moscow, France: a place whose German name the source lacks
        sentence_start = start == 0 or target[:start].rstrip()[-1:] in ".!?\"“:"
        if english.ordinary_word(word) or (sentence_start and known_word(word.lower(), "en")):
            return None
        if english.compound_word(word):
            return None  # Wallbound, Microtransactions: English made of English words
        return "misspelled-source-word" if _near_source_word(word, source_words) else "word"


def _place_phrases(target: str, tokens, source: str) -> set[int]:
    """Starts of the words of multiword English place names in the target (Indian
    Ocean, Baltic Sea) that the source does not have."""
    starts: set[int] = set()
    for i in range(len(tokens)):
        for size in (3, 2):
            window = tokens[i:i + size]
            if len(window) < size or any(target[a[2]:b[1]] != " " for a, b in zip(window, window[1:])):
                continue
            phrase = target[window[0][1]:window[-1][2]]
            if fold(phrase) in english_place_names() and not _place_in_source(phrase, source):
                starts.update(start for _, start, _ in window)
                break
    return starts


def _near_source_word(word: str, source_words: list[str]) -> bool:
    """``word`` is a source word with a letter or two wrong (Rechsbahn for Reichsbahn):
    a copy of the source spelled wrong."""
    key = name_key(word)
    return len(key) >= 5 and any(within_edits(key, name_key(w), 2) for w in source_words)


def _misspelling_of_source(word: str, source: str) -> bool:
    """NAM02 reports near-misses of source names (Casteix for Castex); not NAM04 too."""
    key = name_key(word)
    return any(within_edits(key, name_key(n[0]), 2) for n in source_names(source))
