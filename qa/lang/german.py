"""German words: stems, compounds, titles and role nouns, and the questions the checks
ask of a token — "is this a German dictionary word (so not a name)?", "does this token
read as German rather than English (so left untranslated)?", "does the source use this
capitalised word like a name or like a common noun?".

The two questions differ on purpose: a names check wants any dictionary word or compound
of dictionary words (``Spähsoftware`` is not a name), the untranslated check wants
evidence that the word is German *and not English* (``Manager`` is both, so it is not
flagged), judged by relative frequency in the two languages.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa.lang import data
from qa.lang import frequency as zipf_band
from qa.lang.dictionary import known_word
from qa.lang.frequency import zipf
from qa.lang.names import exonyms
from qa.lang.normalise import fold

#: German inflection endings, longest first where one contains another
INFLECTION_ENDINGS = ("ern", "en", "er", "es", "em", "e", "n", "s")
#: prefixes of German verbal nouns and derivations (Verimpfung, Entladung, Zerlegung)
DERIVATION_PREFIXES = ("ver", "be", "ent", "zer", "miss", "ge", "er")

# Margins on the German-minus-English Zipf difference for "reads as German" (tuned on
# DEMETR codemix against the WMT21 references, issue 3): a lower-case word this much more
# frequent in German is German (nicht, dass, plötzlich) …
LOWERCASE_GERMAN_MARGIN = 2.8
# … any word this much more frequent …
GERMAN_MARGIN = 3.0
# … or a smaller margin where the English frequency is low (OCCASIONAL) or modest (COMMON)
GERMAN_MARGIN_RARE_IN_ENGLISH = 1.5
GERMAN_MARGIN_UNCOMMON_IN_ENGLISH = 2.0
#: a word the dictionary lacks is read as a German compound only from this length on
MIN_UNKNOWN_COMPOUND = 10


def stem(word: str, min_stem: int = 4) -> str:
    """Lower case, one inflection ending removed if ``min_stem`` letters remain:
    ``Regierungen`` → ``regierung``."""
    w = word.lower()
    for ending in INFLECTION_ENDINGS:
        if len(w) - len(ending) >= min_stem and w.endswith(ending):
            return w[: -len(ending)]
    return w


def stems(word: str, min_stem: int = 3) -> set[str]:
    """Every form of ``word`` with one inflection ending removed (``min_stem`` letters
    left), as written: the forms a term lookup tries."""
    return {word[: -len(e)] for e in INFLECTION_ENDINGS
            if word.endswith(e) and len(word) - len(e) >= min_stem}


#: a word longer than this is no compound worth splitting (the longest German ones in use
#: are about 40 letters; the record, Rindfleischetikettierungsüberwachungsaufgaben-
#: übertragungsgesetz, has 63): a longer "word" is a run of letters in hostile or broken
#: input, and splitting it would cost the square of its length
MAX_COMPOUND_LETTERS = 64


def compound_splits(word: str, min_left: int = 3, min_head: int = 4):
    """The ways to read ``word`` as a German compound: for each cut, the modifier's
    possible stems (as written, without a linking ``s``/``n``, without ``en``) and the
    head, lower-cased: ``Wirtschaftsstandort`` → … (["wirtschafts", "wirtschaft"],
    "standort") …. The checks that recognise compounds differ in what they accept as a
    word (a names check wants any dictionary word, the untranslated check a frequent
    German one), so the test is theirs; the splitting is shared."""
    low = word.lower().replace("-", "")
    if len(low) > MAX_COMPOUND_LETTERS:
        return
    for cut in range(min_left, len(low) - min_head + 1):
        left = low[:cut]
        stems = [left]
        if left.endswith(("s", "n")):
            stems.append(left[:-1])
        if left.endswith("en"):
            stems.append(left[:-2])
        yield [stem for stem in stems if len(stem) >= min_left], low[cut:]




@lru_cache(maxsize=100_000)
def dictionary_word(token: str) -> bool:
    """A German dictionary word (any inflected form, or with a genitive ``s``), or a
    compound of German words: not a name. For a hyphenated word the head decides
    (``US-Heimatschutzministerium``, ``Harvard-Professorin``)."""
    if "-" in token:
        return dictionary_word(token.rsplit("-", 1)[1])
    if known_word(token, "de") or known_word(token.lower(), "de"):
        return True
    if len(token) > 1 and token.endswith("s") and known_word(token[:-1], "de"):
        return True
    return compound_of_words(token)


def _known(word: str) -> bool:
    return known_word(word.capitalize(), "de") or known_word(word, "de")


@lru_cache(maxsize=100_000)
def compound_of_words(token: str) -> bool:
    """Spähsoftware, Handynummer, Windkraftanlagenbauer: German words joined, possibly
    with a linking s/n/en, or a derivation of a German word (Verimpfung); the dictionary
    lacks most compounds, and names are not made so."""
    low = token.lower().replace("-", "")
    for prefix in DERIVATION_PREFIXES:
        if low.startswith(prefix) and len(low) - len(prefix) >= 5 and _known(low[len(prefix):]):
            return True
    # heads of four letters and more; three (Versand|art) only in longer words
    for modifiers, head in compound_splits(low, min_left=3, min_head=3 if len(low) >= 9 else 4):
        if not _known(head):
            continue
        if any(_known(m) or (len(m) >= 8 and compound_of_words(m)) for m in modifiers):
            return True
        # a verb stem or an elided e: Abhol|termin (abholen), Farb|darstellung (Farbe)
        left = modifiers[0]
        if len(left) >= 4 and (_known(left + "en") or _known(left + "e")):
            return True
    return False


@lru_cache(maxsize=1)
def loanwords() -> frozenset[str]:
    """German words English copy uses as they are (qa/data/german_in_english.txt),
    case-folded."""
    return data.word_set("german_in_english.txt")


@lru_cache(maxsize=200_000)
def reads_german(token: str) -> bool:
    """Evidence that ``token``, found in English text, is a German word rather than an
    English one (or a loanword English uses): in the German dictionary and far more
    frequent in German than in English (``Rotorblätter``, ``plötzlich``, ``nicht``); a
    hyphenated word by its head; a long word the dictionary lacks when it splits into
    frequent German words."""
    if "-" in token:
        head = token.rsplit("-", 1)[1]
        return len(head) >= 4 and reads_german(head)
    if len(token) < 3 or token.casefold() in loanwords():
        return False
    de = zipf(token, "de")
    en = zipf(token, "en")
    if not known_word(token, "de"):
        # extremists is not Extre|mists: an English word is no compound
        return (len(token) >= MIN_UNKNOWN_COMPOUND and en < zipf_band.OCCASIONAL
                and frequent_german_compound(token))
    diff = de - en
    if token.islower() and diff >= LOWERCASE_GERMAN_MARGIN:
        return True
    if en >= zipf_band.COMMON and known_word(token, "en"):
        return False  # Manager, Pegasus: English too
    return (diff >= GERMAN_MARGIN
            or (en < zipf_band.OCCASIONAL and diff >= GERMAN_MARGIN_RARE_IN_ENGLISH)
            or (en < zipf_band.COMMON and diff >= GERMAN_MARGIN_UNCOMMON_IN_ENGLISH)
            or (en == zipf_band.ABSENT and de > zipf_band.TRACE))


def frequent_german_compound(token: str) -> bool:
    """A long word made of two frequent German words that are not English ones, with an
    optional linking element: Wirtschafts|standort, Boot|fahren."""
    for modifiers, head in compound_splits(token, min_left=4, min_head=4):
        if not (known_word(head.capitalize(), "de")
                and zipf(head, "de") >= zipf_band.COMMON and zipf(head, "en") < zipf_band.UNCOMMON):
            continue
        if any(zipf(m, "de") >= zipf_band.COMMON and zipf(m, "en") < zipf_band.OCCASIONAL
               for m in modifiers):
            return True
    return False


#: titles and roles before a name (Präsident Macron, Frau Merkel), lower case
TITLES = {"präsident", "präsidentin", "minister", "ministerin", "kanzler", "kanzlerin",
         "herr", "frau", "dr", "prof", "bürgermeister", "bürgermeisterin", "chef", "chefin",
         "premierminister", "premierministerin", "ministerpräsident", "ministerpräsidentin",
         "vorsitzende", "vorsitzender", "sprecher", "sprecherin", "trainer", "trainerin",
         "regierungssprecher", "professor", "professorin", "bezirksleiterin",
         "bezirksleiter", "vorstandschef", "vorstandschefin", "finanzvorstand", "papst",
         "könig", "königin", "prinz", "prinzessin", "senator", "senatorin", "general",
         "us-präsident", "ex-präsident", "staatschef", "regierungschef", "gouverneur"}
# Role nouns: after "Herr"/"Frau" they are a form of address (Herr Präsident, Frau
# Ratspräsidentin), not a surname; compounds end in one of them.
ROLE_HEADS = ("präsident", "präsidentin", "minister", "ministerin", "vorsitzende",
              "vorsitzender", "kommissar", "kommissarin", "kanzler", "kanzlerin", "sekretär",
              "sekretärin", "abgeordnete", "abgeordneter", "botschafter", "botschafterin",
              "meister", "meisterin", "kollege", "kollegin", "berichterstatter",
              "berichterstatterin", "direktor", "direktorin", "professor", "professorin",
              "doktor", "pfarrer", "pfarrerin", "beauftragte", "beauftragter", "sprecher",
              "sprecherin", "vertreter", "vertreterin", "generalsekretär", "staatssekretär",
              "führer", "führerin", "leiter", "leiterin", "gründer", "gründerin",
              "inhaber", "inhaberin", "mitglied", "berater", "beraterin")
ROLE_HEADS_FOLDED = tuple(fold(h) for h in ROLE_HEADS)


def role_noun(token: str) -> bool:
    """Präsident, Ratspräsidentin, Ausschussvorsitzender: a role, not a name."""
    return fold(token).endswith(ROLE_HEADS_FOLDED)


#: words before a German common noun: articles, prepositions, determiners
NOUN_CUES = {"der", "die", "das", "dem", "den", "des", "ein", "eine", "einen", "einem",
             "einer", "eines", "im", "am", "zum", "zur", "vom", "beim", "bei", "mit", "für",
             "über", "unter", "gegen", "ohne", "durch", "zu", "kein", "keine", "jede", "jeder",
             "diese", "dieser", "diesen", "seine", "seiner", "ihre", "ihrer", "unsere"}


def used_as_name(token: str, source: str) -> bool:
    """True when the source uses this capitalised word like a name: it occurs there, and
    never after an article or preposition (``Seehofer sagte``, ``Eintracht Frankfurt``),
    whereas common nouns come with one (``die Saison``, ``bei Rotorblättern``)."""
    if not source or not token[:1].isupper():
        return False
    if "-" in token:
        # Baden-Württemberg, Alzenau-Mitte: a hyphenated name is kept verbatim, every
        # part capitalised (Harvard-Professorin is caught by its article below)
        if not all(part[:1].isupper() for part in token.split("-")) or token not in source:
            return False
    if zipf(token, "de") >= zipf_band.EVERYDAY:
        return False  # Präsident, Saison: too common in German to be a name
    if fold(token) in exonyms():
        return False  # Kalifornien, Nordkorea: the German name of a place English names otherwise
    stem = fold(token)[:5]
    words = re.findall(r"[\w'’\-]+|[.!?:;]", source)
    seen = False
    for k, word in enumerate(words):
        if fold(word).startswith(stem) or fold(word.rsplit("-", 1)[-1]).startswith(stem):
            if fold(word) == fold(token) + "er":
                continue  # die Friedrichshafener Renngemeinschaft: a place adjective
            before = words[k - 1] if k > 0 else "."
            if before in ".!?:;":
                # at a sentence start every German noun is capitalised bare; only a
                # hyphenated name (Baden-Württemberg) tells itself apart there
                seen = seen or ("-" in token and word == token)
                continue
            seen = True
            if before.casefold() in NOUN_CUES or (
                    before.islower() and len(before) > 4 and before.endswith(("en", "er", "es", "em"))):
                return False  # an article, preposition or inflected adjective: a noun
    return seen


# ---------------------------------------------------------------------------------------
# Capitalised words that are not names: what the names checks ask before they take a
# capitalised source word for a name.

#: articles and determiners before "Frau"/"Herr" that make it the noun (eine Frau springt),
#: not the form of address (Frau Merkel)
ADDRESS_NOUN_CUES = {"ein", "eine", "einer", "einem", "einen", "die", "der", "dem", "den",
                     "des", "diese", "dieser", "diesem", "diesen", "jede", "jeder", "jedem",
                     "jeden", "keine", "keiner", "keinen", "alte", "alter", "junge", "junger",
                     "ältere", "älterer", "andere", "anderer", "weitere", "weiterer"}

#: endings of the agent nouns a feminine -in is formed from (Finder|in, Direktor|in)
AGENT_NOUN_ENDINGS = ("er", "or", "ent", "ant", "eur", "ist", "ege", "oge", "at", "ling")


@lru_cache(maxsize=1)
def interjections() -> frozenset[str]:
    """German interjections (qa/data/german_interjections.txt), case-folded."""
    return data.word_set("german_interjections.txt")


def interjection(token: str) -> bool:
    """An interjection or expressive word (Tja, Sooo, Brrr, Hmmm): listed, one letter
    three times in a row, or no vowel at all in a word that is not in capitals."""
    word = token.casefold()
    if word in interjections():
        return True
    if re.search(r"([^\W\d_])\1\1", word):
        return True
    return word.isalpha() and not token.isupper() and not re.search(r"[aeiouyäöü]", word)


def mixed_case_abbreviation(token: str) -> bool:
    """An abbreviation written in mixed case (StZ, MdB, GmbH, BaWü): at most six letters,
    two capitals or more, and capitals at least half of them (McCord is a name)."""
    if token[1:].islower() or not token[1:]:
        return False  # (most words: one capital at most)
    letters = [c for c in token if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return 2 <= capitals < len(letters) <= 6 and 2 * capitals >= len(letters)


def address_as_noun(previous: str, before_previous: str) -> bool:
    """``eine Frau``, ``der Herr``: Frau/Herr after an article or determiner is the noun
    (woman, gentleman), so the word after it is no surname (eine Frau Springt …)."""
    return previous.casefold() in ("frau", "herr") and before_previous.casefold() in ADDRESS_NOUN_CUES


def lower_case_word(word: str) -> bool:
    """``word`` (lower case) is in the German word list as written: a verb, adjective or
    adverb form (nouns and names are listed capitalised)."""
    from qa.lang import dictionary

    words = dictionary._word_list("de")  # the exact-case list; None without the trie
    if words is None:
        return known_word(word, "de") and german_lemma_lower(word)
    return word in words


def verb_form(token: str) -> bool:
    """``token`` is an inflected form of a German verb: written in lower case it is a
    known word whose lemma is another word ending in ``-n`` (``läuft`` → ``laufen``,
    ``hätte`` → ``haben``, ``ausgepackt`` → ``auspacken``; not ``neuen`` → ``neu`` or the
    adverb ``oben``). A German statement that opens with one has dropped its subject
    (``Läuft seit Monaten.``), as informal writing does."""
    from qa.lang.dictionary import german_lemma

    low = token.lower()
    if not lower_case_word(low):
        return False
    lemma = german_lemma(low)
    return lemma != low and lemma[:1].islower() and lemma.endswith("n")


def german_lemma_lower(word: str) -> bool:
    from qa.lang.dictionary import german_lemma

    return german_lemma(word)[:1].islower()


def inflected_adjective(token: str) -> bool:
    """A capitalised inflected adjective or participle (Überschüssiges at a sentence
    start): the word list lacks the form, but has the lower-case stem once an adjective
    ending is removed."""
    low = token.lower()
    if "-" in low or len(low) < 6:
        return False
    return any(low.endswith(ending) and lower_case_word(low[: -len(ending)])
               for ending in ("es", "em", "en", "er", "e") if len(low) - len(ending) >= 4)


def feminine_noun(token: str) -> bool:
    """A feminine person noun formed with -in/-innen from a German agent noun the word
    list has (Finderin, Gutachterinnen), which the list itself may lack."""
    for suffix in ("innen", "in"):
        base = token[: -len(suffix)]
        if token.endswith(suffix) and len(base) >= 4 and base.endswith(AGENT_NOUN_ENDINGS) \
                and known_word(base, "de"):
            return True
    return False


def spelling_variant(token: str) -> bool:
    """A German word in a spelling without ß or umlauts (Swiss, older or typed on a
    foreign keyboard: Grusse for Grüße, Strasse for Straße): ss → ß and at most two of
    a/o/u → ä/ö/ü give a word of the list. A spelling English text uses (Strauss, Kuhl)
    is a name's."""
    if "-" in token or len(token) < 4 or zipf(token, "en") >= zipf_band.TRACE:
        return False
    variants = {token}
    if "ss" in token:
        variants.add(token.replace("ss", "ß"))
    for _ in range(2):
        for variant in list(variants):
            for k, c in enumerate(variant):
                if c in "aouAOU":
                    umlaut = {"a": "ä", "o": "ö", "u": "ü", "A": "Ä", "O": "Ö", "U": "Ü"}[c]
                    variants.add(variant[:k] + umlaut + variant[k + 1:])
        if len(variants) > 64:
            break
    variants.discard(token)
    return any(known_word(v, "de") for v in variants)


_EDIT_LETTERS = "abcdefghijklmnopqrstuvwxyzäöüß"


@lru_cache(maxsize=20_000)
def typo_of_word(token: str) -> bool:
    """A rare token one keystroke from a very frequent German word (Gerdt for Gerät,
    Kannt for kann): a typo in the source, not a name. The token itself must be rare in
    German (below COMMON) and unknown to English (below TRACE): a name of that shape
    (Smeg, Marler) turns up in English text too."""
    if len(token) < 4 or "-" in token or not token.isalpha():
        return False
    if zipf(token, "de") >= zipf_band.COMMON or zipf(token, "en") >= zipf_band.TRACE:
        return False
    low = token.lower()
    candidates = set()
    for k in range(len(low) + 1):
        if k < len(low):
            candidates.add(low[:k] + low[k + 1:])  # a letter too many
            for c in _EDIT_LETTERS:
                candidates.add(low[:k] + c + low[k + 1:])  # a wrong letter
        if k < len(low) - 1:
            candidates.add(low[:k] + low[k + 1] + low[k] + low[k + 2:])  # two swapped
        for c in _EDIT_LETTERS:
            candidates.add(low[:k] + c + low[k:])  # a letter missing
    candidates.discard(low)
    # (the dictionary first: most candidates are no words, and it answers that faster)
    return any(known_word(c, "de") and zipf(c, "de") >= zipf_band.VERY_FREQUENT
               for c in candidates if len(c) >= 3)


def common_word_form(token: str) -> bool:
    """A capitalised German word the dictionary lacks in this form, but still a common
    word rather than a name: an inflected adjective, a feminine person noun, a spelling
    without ß or umlauts, a typo of a frequent word, an interjection."""
    return (interjection(token) or inflected_adjective(token) or feminine_noun(token)
            or spelling_variant(token) or typo_of_word(token))
