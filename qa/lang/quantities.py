"""Quantities in German and English text: numbers with scale words and units, dates,
months, weekdays, clock times, decades, fractions and numbers written as words, each
normalised to a convention-free *atom* so that ``4,2 Mrd. Euro`` and ``4.2 billion
euros`` compare equal.

Number knowledge lives here: German and English number words (cardinals, ordinals,
compounds: ``zweiundsechzig``, ``Sixty-two``, ``twenty-first``, ``Zwölftklässler``),
words that imply a number (``Achtelfinale`` and ``last 16``, ``centennial``,
``Doppel-``), clock words (``noon``, ``Mitternacht``), decades, fractions, seasons
(``1968/69``), durations that convert (``14 Tage`` = two weeks), and weekdays and
months inside compounds and newspaper names (``Samstagsausgabe``, ``"Welt am
Sonntag"``).

One model of numbers: :func:`find_numbers` reads every number written in digits and its
value under the German or English convention (:func:`number_value`). NUM01's atoms
(:func:`extract_atoms`) are built on these tokens; the aligner's number anchors and the
alignment checks' evidence are their standalone values (:func:`anchor_numbers`), so
``3.200`` in the source and ``3,200`` in the translation are the same number to all of
them.

A shared text helper (like :mod:`qa.text`): it knows nothing about documents or findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Iterable


# --- numbers: one definition, read by NUM01's atoms, the aligner and ALN evidence -----

# thousands grouped by dots, commas, (narrow) no-break spaces or plain spaces: 10 000
# (a stray space before a thousands separator, "25 .000", is a typo of one number)
_NUM = r"\d{1,3}(?:(?: ?[.,]|[\u202f\u00a0 ])\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
NUMBER_RE = re.compile(rf"(?<![\d.,])(?P<num>{_NUM})(?![\d])")
_WORD_CHAR_RE = re.compile(r"\w")
_GERMAN_GROUPED_RE = re.compile(r"\d{1,3}(?:\.\d{3})+")
_DIGIT_RE = re.compile(r"\d")


@dataclass(frozen=True)
class NumberToken:
    """A number written in digits, with its value read under the text's convention.

    ``standalone`` is False for a number glued to a letter (``A380``, ``5bn``, ``1.5A``,
    ``24jährige``): still a quantity for NUM01 (``5bn`` is five billion), but too much a
    part of a word or code to anchor an alignment.
    """

    start: int
    end: int
    raw: str
    value: Decimal
    standalone: bool = True

    @property
    def normalized(self) -> str:
        """A convention-free form of the value: ``4.2``, ``3200``, ``0.5``."""
        return format_decimal(self.value)


def format_decimal(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def parse_number(raw: str, lang: str) -> Decimal | None:
    """Parse a digit string under German (``1.234,5``) or English (``1,234.5``) rules.

    A single separator followed by exactly three digits is a thousands separator
    (German ``3.200`` = 3200, English ``3,200`` = 3200); otherwise it is the decimal mark.
    """
    s = raw.replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    group, decimal = (".", ",") if lang == "de" else (",", ".")
    if group in s and decimal in s:
        s = s.replace(group, "").replace(decimal, ".")
    elif group in s:
        parts = s.split(group)
        # no grouping after a leading zero: "0,055" and "0.001" are decimals anyway
        if all(len(p) == 3 for p in parts[1:]) and 1 <= len(parts[0]) <= 3 \
                and parts[0] != "0":
            s = s.replace(group, "")
        else:
            # Wrong-convention number ("4,2" in English): read as a decimal mark.
            s = s.replace(group, ".") if s.count(group) == 1 else s.replace(group, "")
    elif decimal in s:
        s = s.replace(decimal, ".") if s.count(decimal) == 1 else s.replace(decimal, "")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def german_grouping(raw: str) -> bool:
    """Whether digits in English copy are German thousands grouping: several dot groups
    (``1.234.567``) or one ending in 0 (``272.000``). English decimals rarely end in
    zero, so ``3.125`` stays a decimal."""
    return (bool(_GERMAN_GROUPED_RE.fullmatch(raw)) and not raw.startswith("0.")
            and (raw.count(".") > 1 or raw.endswith("0")))


def number_value(raw: str, lang: str) -> Decimal | None:
    """The value the writer of ``raw`` meant: :func:`parse_number` under ``lang``'s
    convention, except that German grouping left in English copy (:func:`german_grouping`;
    NUM02 reports the formatting) is read as German."""
    if lang == "en" and german_grouping(raw):
        return parse_number(raw, "de")
    return parse_number(raw, lang)


def find_numbers(text: str, lang: str) -> list[NumberToken]:
    """Every number written in digits in ``text``, in order, with its value.

    The one reading of digits in this package: :func:`extract_atoms` builds NUM01's
    atoms on these tokens (adding scales, units, dates and times), and
    :func:`anchor_numbers` gives the aligner and the alignment checks their share.
    """
    found = []
    for m in NUMBER_RE.finditer(text):
        raw = m.group("num")
        value = number_value(raw, lang)
        if value is None:
            continue
        start, end = m.start(), m.end()
        standalone = not ((start and _WORD_CHAR_RE.match(text, start - 1))
                          or _WORD_CHAR_RE.match(text, end))
        found.append(NumberToken(start, end, raw, value, standalone))
    return found


def anchor_numbers(text: str, lang: str) -> set[str]:
    """Normalised values of the standalone numbers of ``text`` (``4,2`` and ``4.2`` both
    give ``4.2``): the aligner's number anchors and the alignment checks' evidence."""
    return {token.normalized for token in find_numbers(text, lang) if token.standalone}


# --- atoms: numbers with scales, units, dates and times --------------------------------

GERMAN_MONTHS = {
    "januar": 1, "jänner": 1, "jan.": 1, "februar": 2, "feb.": 2, "märz": 3, "april": 4,
    "apr.": 4, "mai": 5, "juni": 6, "juli": 7, "august": 8, "aug.": 8, "september": 9,
    "sept.": 9, "sep.": 9, "oktober": 10, "okt.": 10, "november": 11, "nov.": 11,
    "dezember": 12, "dez.": 12,
}
ENGLISH_MONTHS = {
    "january": 1, "jan.": 1, "february": 2, "feb.": 2, "march": 3, "april": 4, "apr.": 4,
    "may": 5, "june": 6, "july": 7, "august": 8, "aug.": 8, "september": 9, "sept.": 9,
    "sep.": 9, "october": 10, "oct.": 10, "november": 11, "nov.": 11, "december": 12,
    "dec.": 12,
}
GERMAN_WEEKDAYS = {"montag": 1, "dienstag": 2, "mittwoch": 3, "donnerstag": 4, "freitag": 5,
                   "samstag": 6, "sonnabend": 6, "sonntag": 7}
ENGLISH_WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
                    "saturday": 6, "sunday": 7}
# --- numbers written as words ----------------------------------------------------------

_DE_UNITS = {"ein": 1, "eins": 1, "zwei": 2, "zwo": 2, "drei": 3, "vier": 4, "fünf": 5,
             "sechs": 6, "sieben": 7, "acht": 8, "neun": 9}
_DE_TEENS = {"zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14,
             "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19}
_DE_TENS = {"zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60,
            "siebzig": 70, "achtzig": 80, "neunzig": 90}
# ordinal stems that are not the cardinal + "t" (erste, dritte, siebte, achte)
_DE_ORDINAL_STEMS = {"erst": 1, "dritt": 3, "siebt": 7, "acht": 8}
_DE_ORDINAL_ENDINGS = ("e", "en", "er", "es", "em")
# a number word at the head of a compound that is no count: Achtung, Zweifel, dreist
_DE_FALSE_HEADS = ("achtung", "achtsam", "achtlos", "achtbar", "zweifel", "dreist",
                   "elfenbein", "einsam", "einsatz", "neunauge")

_EN_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
             "seven": 7, "eight": 8, "nine": 9}
_EN_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
             "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
            "seventy": 70, "eighty": 80, "ninety": 90}
_EN_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
                "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
                "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
                "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
                "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
                "hundredth": 100, "thousandth": 1000}
_EN_VALUES = {**_EN_UNITS, **_EN_TEENS, **_EN_TENS, **_EN_ORDINALS}
_EN_NUMBER_WORDS = {*_EN_VALUES, "hundred", "thousand"}
# decades as words: the sixties, die Sechzigerjahre, in den Sechzigern
_EN_DECADES = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
               "seventies": 70, "eighties": 80, "nineties": 90}


def _german_below_100(word: str) -> int | None:
    if word in _DE_TEENS:
        return _DE_TEENS[word]
    if word in _DE_TENS:
        return _DE_TENS[word]
    if word in _DE_UNITS:
        return _DE_UNITS[word]
    unit, joined, tens = word.partition("und")
    if joined and unit in _DE_UNITS and unit != "eins" and tens in _DE_TENS:
        return _DE_UNITS[unit] + _DE_TENS[tens]
    return None


def _german_below_1000(word: str) -> int | None:
    head, hundred, rest = word.partition("hundert")
    if not hundred:
        return _german_below_100(word)
    multiplier = _DE_UNITS.get(head) if head else 1
    below = _german_below_100(rest) if rest else 0
    if multiplier is None or below is None or head == "eins":
        return None
    return multiplier * 100 + below


def german_cardinal(word: str) -> int | None:
    """The value of a German cardinal written as one word (``zwölf``,
    ``zweiundsechzig``, ``dreihundertfünfzig``, ``zweitausendzwanzig``), else None.
    The article ``ein`` alone is no number; ``eins`` is."""
    word = word.lower()
    if word == "ein":
        return None
    head, thousand, rest = word.partition("tausend")
    if not thousand:
        return _german_below_1000(word)
    multiplier = _german_below_1000(head) if head else 1
    below = _german_below_1000(rest) if rest else 0
    if multiplier is None or below is None:
        return None
    return multiplier * 1000 + below


def _german_ordinal_stem(stem: str) -> int | None:
    """The value of an ordinal stem without its ending: ``zweit``, ``dritt``,
    ``zwanzigst``, ``hundertst``."""
    if stem in _DE_ORDINAL_STEMS:
        return _DE_ORDINAL_STEMS[stem]
    if stem.endswith("st"):
        value = german_cardinal(stem[:-2])
        if value is not None and value >= 20:
            return value
    if stem.endswith("t"):
        value = german_cardinal(stem[:-1])
        if value is not None and 2 <= value < 20:
            return value
    return None


@lru_cache(maxsize=100_000)  # (memoised: "eine", "sie", "neue" are tried in every text)
def german_number_word(word: str) -> tuple[Decimal, bool] | None:
    """A German number word and whether it is an ordinal: ``drei`` (3), ``Zwölf``,
    ``zweiundsechzig``, ``dritten`` (3rd), ``zwanzigste``, ``zweieinhalb`` (2.5),
    ``anderthalb`` (1.5); None for any other word."""
    low = word.lower()
    if low == "anderthalb":
        return Decimal("1.5"), False
    if low.endswith("einhalb") and len(low) > 7:
        value = german_cardinal(low[:-7]) if low[:-7] != "ein" else 1
        return (Decimal(value) + Decimal("0.5"), False) if value is not None else None
    value = german_cardinal(low)
    if value is not None:
        return Decimal(value), False
    for ending in _DE_ORDINAL_ENDINGS:
        if low.endswith(ending) and len(low) > len(ending) + 2:
            value = _german_ordinal_stem(low[:-len(ending)])
            if value is not None:
                return Decimal(value), True
    return None


@lru_cache(maxsize=100_000)
def german_compound_number(word: str) -> int | None:
    """The count a German compound starts with (``Zwölftklässler`` 12,
    ``Dreierkoalition`` 3, ``Vierbeiner`` 4, ``zweijährige`` 2): a cardinal or ordinal
    stem of at least two, then at least four letters (or the noun ending ``-er``).
    Not the words that only begin like a number (``Achtung``, ``Zweifel``)."""
    low = word.lower()
    if low.startswith(_DE_FALSE_HEADS):
        return None
    for cut in range(len(low) - 2, 2, -1):
        head, rest = low[:cut], low[cut:]
        if len(rest) < 4 and rest not in ("er", "ern", "ers", "erin"):
            continue
        value = german_cardinal(head)
        if value is None:
            value = _german_ordinal_stem(head)
        if value is not None and value >= 2:
            return value
    return None


def _english_class(word: str) -> str:
    """The grammatical place of an English number word: unit, teen, tens, hundred or
    thousand (an ordinal takes its cardinal's place)."""
    value = _EN_ORDINALS.get(word)
    if word in ("hundred", "hundredth"):
        return "hundred"
    if word in ("thousand", "thousandth"):
        return "thousand"
    if word in _EN_TENS or (value is not None and value >= 20):
        return "tens"
    if word in _EN_TEENS or (value is not None and value >= 10):
        return "teen"
    return "unit"


# which word may follow which in one English number: "sixty-two", "one hundred and
# five", "two thousand and twenty" — not "two three" or "nineteen sixty" (a year)
_EN_FOLLOWS = {"unit": {None, "tens", "hundred", "thousand"},
               "teen": {None, "hundred", "thousand"},
               "tens": {None, "hundred", "thousand"},
               "hundred": {"unit", "teen", None},
               "thousand": {None, "unit", "teen", "tens", "hundred"}}
_EN_WORD_RE = re.compile(r"[A-Za-z]+")


def _english_and_continues(text: str, words: list[re.Match], j: int) -> bool:
    """Whether the "and" at ``words[j]`` joins a number below a hundred to the hundreds
    or thousands before it ("one hundred and five")."""
    if j + 1 >= len(words) or text[words[j].end():words[j + 1].start()] != " ":
        return False
    following = words[j + 1].group(0).lower()
    return (following in _EN_NUMBER_WORDS
            and _english_class(following) in ("unit", "teen", "tens"))


_AND_A_HALF_RE = re.compile(r"(?:\s+|-)and(?:\s+|-)a(?:\s+|-)half\b")


def english_number_runs(text: str) -> list[tuple[int, int, Decimal, bool]]:
    """Every English number written in words: (start, end, value, ordinal) for
    ``seven``, ``sixty-two``, ``Sixty-two``, ``one hundred and five``, ``twenty-first``,
    ``two and a half``. A lone ``one`` is no number (``one of them``); ``one and a half``
    is."""
    if _EN_NUMBER_WORDS.isdisjoint(map(str.lower, _EN_WORD_RE.findall(text))):
        return []  # most sentences: no number word, no need to walk the words
    words = list(_EN_WORD_RE.finditer(text))
    runs = []
    i = 0
    while i < len(words):
        low = words[i].group(0).lower()
        if low not in _EN_NUMBER_WORDS:
            i += 1
            continue
        total, current, last, j = 0, 0, None, i
        end = words[i].end()
        ordinal = False
        while j < len(words):
            word = words[j].group(0).lower()
            if j > i:
                gap = text[words[j - 1].end():words[j].start()]
                if word == "and" and last in ("hundred", "thousand") and gap == " " \
                        and _english_and_continues(text, words, j):
                    j += 1
                    continue
                if gap not in (" ", "-") or word not in _EN_NUMBER_WORDS:
                    break
            place = _english_class(word)
            if last not in _EN_FOLLOWS[place]:
                break
            if place == "hundred":
                current = (current or 1) * 100
            elif place == "thousand":
                total, current = total + (current or 1) * 1000, 0
            else:
                current += _EN_VALUES[word]
            last, end, j = place, words[j].end(), j + 1
            if word in _EN_ORDINALS:
                ordinal = True
                break
        value = Decimal(total + current)
        half = _AND_A_HALF_RE.match(text, end)
        if half and not ordinal:
            value, end = value + Decimal("0.5"), half.end()
        if not (low == "one" and end == words[i].end()):
            runs.append((words[i].start(), end, value, ordinal))
        i = max(j, i + 1)
    return runs


# Words that imply a number without writing it: they may match a number on the other
# side and are never reported themselves. (pattern, value) per language; the pattern
# is matched case-insensitively at a word start.
IMPLIED_NUMBERS = {
    "de": (
        (r"\w*achtelfinal\w*", 16), (r"\w*viertelfinal\w*", 8), (r"\w*halbfinal\w*", 4),
        (r"\w*sechzehntelfinal\w*", 32), (r"doppel\w*", 2), (r"beide[nrms]?\b", 2),
        (r"zwilling\w*", 2), (r"dutzend\b", 12), (r"jahrzehnts?\b", 10),
        (r"jahrhunderts?\b", 100), (r"jahrtausends?\b", 1000), (r"hälfte\b", 0.5),
        # a capital O typed for a zero ("auf O stellen")
        (r"(?-i:O)(?![\w'’.])", 0),
    ),
    "en": (
        (r"centenn?ial\w*|centenary", 100), (r"bicentenn?ial\w*|bicentenary", 200),
        (r"sesquicentennial", 150), (r"double[ds]?\b|twice\b|twins?\b|both\b|dual\b|pair\b", 2),
        (r"triple[ds]?\b|thrice\b|treble[ds]?\b|trio\b", 3), (r"quadruple[ds]?\b", 4),
        (r"dozen\b", 12), (r"decade\b", 10), (r"fortnight\w*", 14),
        (r"century\b", 100), (r"millennium\b", 1000), (r"half\b", 0.5),
        (r"quarter-?finals?\b", 8), (r"semi-?finals?\b", 4), (r"eighth-?finals?\b", 16),
    ),
}
# letters every alternative of IMPLIED_NUMBERS holds (lower case): a text without any of
# them needs no search; "O" (German: a capital O typed for a zero) is case-sensitive and
# cued by its own pattern, a capital O not followed by a letter, quote or dot (Ort, Osten,
# Oktober hold an O and are no cue)
IMPLIED_CUES = {
    "de": ("final", "doppel", "beide", "zwilling", "dutzend", "jahrzehnt", "jahrhundert",
           "jahrtausend", "hälfte"),
    "en": ("centen", "double", "twice", "twin", "both", "dual", "pair", "triple", "thrice",
           "treble", "trio", "quadruple", "dozen", "decade", "fortnight", "century",
           "millennium", "half", "final"),
}
_IMPLIED_CASED_CUE = {"de": re.compile(r"O(?![\w'’.])"), "en": None}
# fractions written as words: "ein Drittel", "Zweidrittel", "dreiviertel"; "a third",
# "two-thirds", "three quarters" (implied: "Viertel" is also a town's quarter)
_DE_FRACTION_WORDS = {"halb": 2, "drittel": 3, "viertel": 4, "fünftel": 5, "sechstel": 6,
                      "achtel": 8, "zehntel": 10}
_EN_FRACTION_WORDS = {"third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                      "fifths": 5, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}
FRACTION_WORD_RE = {
    "de": re.compile(r"(?<!\w)(?:(ein|eine[mnr]?|zwei|drei|vier)\s?)?("
                     + "|".join(_DE_FRACTION_WORDS) + r")(?!\w)", re.IGNORECASE),
    "en": re.compile(r"(?<!\w)(?:(a|one|two|three|four)[\s-])?("
                     + "|".join(_EN_FRACTION_WORDS) + r")(?![\w-])", re.IGNORECASE),
}
# one pattern per language, a group per entry (group i + 1 gives value i)
_IMPLIED_RE = {lang: re.compile("(?<!\\w)(?:" + "|".join(f"({pattern})" for pattern, _ in table)
                                + ")", re.IGNORECASE)
               for lang, table in IMPLIED_NUMBERS.items()}
# clock times named by a word: noon and midnight (a definite time, reported when it
# differs), German Mittag (implied: "zu Mittag" is also lunch)
CLOCK_WORDS = {"de": {"mitternacht": ("00:00", False), "mittag": ("12:00", True),
                      "mittags": ("12:00", True)},
               "en": {"noon": ("12:00", False), "midday": ("12:00", False),
                      "midnight": ("00:00", False)}}

GERMAN_SCALES = {"tsd.": 3, "tausend": 3, "mio.": 6, "mio": 6, "million": 6, "millionen": 6,
                 "mrd.": 9, "mrd": 9, "milliarde": 9, "milliarden": 9, "billion": 12,
                 "billionen": 12}
ENGLISH_SCALES = {"thousand": 3, "k": 3, "million": 6, "millions": 6, "m": 6, "mn": 6,
                  "billion": 9, "billions": 9, "bn": 9, "b": 9, "trillion": 12, "tn": 12}
CURRENCIES = {
    "euro": "EUR", "euros": "EUR", "eur": "EUR", "€": "EUR", "cent": "EUR-cent",
    "cents": "EUR-cent", "dollar": "USD", "dollars": "USD", "usd": "USD", "$": "USD",
    "us-dollar": "USD", "pfund": "GBP", "pound": "GBP", "pounds": "GBP", "£": "GBP",
    "gbp": "GBP", "franken": "CHF", "francs": "CHF", "franc": "CHF", "chf": "CHF",
    "yen": "JPY", "yuan": "CNY", "rubel": "RUB", "rubles": "RUB", "roubles": "RUB",
}
PERCENT_WORDS = {"prozent", "%", "percent", "per cent", "prozentpunkte", "prozentpunkt",
                 "percentage points", "percentage point"}

NUMERIC_DATE_RE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d])")
# "19.15 Uhr", "19:15 Uhr", "18 Uhr" (the hour alone only with "Uhr")
# "am 16.3." / "am 18.01.": day and month without a year (German); "03/16", "18/01",
# "16/3/2024" (English, US month-first or British day-first)
GERMAN_DAY_MONTH_RE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(?![\d])")
_DATE_WORDS = {"am", "vom", "zum", "bis", "ab", "seit", "den", "dem", "nach", "vor",
               "datum", "stand", "frist", "termin"}
SLASH_DATE_RE = re.compile(r"(?<![\w/])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])")
GERMAN_TIME_RE = re.compile(r"(?<![\d.,])(\d{1,2})(?:[.:](\d{2}))?\s*Uhr\b")
# "9.30pm", "7 PM", "7 p.m." — the final dot only as part of "p.m."
ENGLISH_TIME_RE = re.compile(r"(?<![\d.,])(\d{1,2})(?:[.:](\d{2}))?\s*([ap])(?:\.\s?m\.|m)(?![\w])",
                             re.IGNORECASE)
CLOCK_RE = re.compile(r"(?<![\d.,])([01]?\d|2[0-3]):(\d{2})(?![\d])")
WORD_RE = re.compile(r"[^\W\d_]+\.?|[€$£%]", re.UNICODE)
DECADE_OF_CENTURY_RE = re.compile(r"\b([1-9]0)er\w*\s+(?:des\s+)?(\d{1,2})\.\s+Jahr\w*")
# decades in digits: "60er Jahre", "1960er-Jahren", "in den 60ern"; "1960s", "'60s", "60s"
GERMAN_DECADE_RE = re.compile(r"(?<![\d.,])(\d\d)?([1-9]0|00)er(?=n\b|-?\s?[Jj]ahre|\b)")
ENGLISH_DECADE_RE = re.compile(r"(?<![\d.,])['’]?(\d\d)?(\d0)(?:[’']?s|ies)\b")
GERMAN_DECADE_WORD_RE = re.compile(
    r"\b(zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)er"
    r"(?:-?jahre\w*|n\b|\s+jahre\w*)", re.IGNORECASE)
# a season or span of years with the second year shortened: "1968/69", "2020-21"
YEAR_SPAN_RE = re.compile(r"(?<![\d.,/])(1[5-9]\d\d|20\d\d)\s?[/–-]\s?(\d\d)(?![\d.,/]?\d)")
# fractions: "3½", "1 ½", "3 1/2" (a mixed number), and "1/2" alone
VULGAR_FRACTIONS = {"½": (1, 2), "¼": (1, 4), "¾": (3, 4), "⅓": (1, 3), "⅔": (2, 3),
                    "⅛": (1, 8), "⅕": (1, 5)}
FRACTION_RE = re.compile(
    r"(?<![\w.,/])(?:(\d+)\s?)?([½¼¾⅓⅔⅛⅕])"
    r"|(?<![\w.,/])(?:(\d+)\s)?([1-3])/([2-4])(?![\d/])")
_SLASH_DATE_CUES = {"on", "since", "from", "until", "till", "by", "before", "after", "am",
                    "vom", "bis", "ab", "seit"}
# a day before a month name, a range too: "9. Mai", "7. bis 9. Mai"; "May 9th",
# "9 May", "the 10th to the 12th of September", "September 10-12"
_DE_MONTH_ALT = "|".join(sorted((re.escape(m) for m in GERMAN_MONTHS), key=len, reverse=True))
_EN_MONTH_ALT = "|".join(sorted((re.escape(m.capitalize()) for m in ENGLISH_MONTHS),
                                key=len, reverse=True))
GERMAN_DAY_OF_MONTH_RE = re.compile(
    rf"(?<![\d.,])(\d{{1,2}})\.(?:\s*(?:bis|und|-|–|/)\s*(\d{{1,2}})\.)?"
    rf"\s*(?:{_DE_MONTH_ALT})(?!\w)", re.IGNORECASE)
_EN_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_EN_DAY_JOIN = r"\s*(?:-|–|to|and|through|until|till)\s*(?:the\s+)?"
ENGLISH_MONTH_DAY_RE = re.compile(
    rf"(?<!\w)(?:{_EN_MONTH_ALT})\s+(?:the\s+)?{_EN_DAY}(?:{_EN_DAY_JOIN}{_EN_DAY})?"
    rf"(?![\w:]|[.,]\d)")
ENGLISH_DAY_MONTH_RE = re.compile(
    rf"(?<![\w.,]){_EN_DAY}(?:{_EN_DAY_JOIN}{_EN_DAY})?\s+(?:of\s+)?(?:{_EN_MONTH_ALT})(?!\w)")
# German day.month. dates as a range, in either language ("10.02.-11.02." kept as is)
DAY_MONTH_RANGE_RE = re.compile(
    r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.\s?(?:-|–|bis)\s?(\d{1,2})\.(\d{1,2})\.(?!\d)")
#: text (in the case written) a case-sensitive pattern cannot match without one of: a
#: text with none of them is not scanned with it (most sentences with digits have no
#: clock time, slash, dash or decade; English month names begin with these capitals)
_EN_MONTH_HEADS = tuple(sorted({m.capitalize()[:3] for m in ENGLISH_MONTHS}))
_NEEDS: dict[re.Pattern, tuple[str, ...]] = {
    GERMAN_TIME_RE: ("Uhr",), CLOCK_RE: (":",), SLASH_DATE_RE: ("/",),
    YEAR_SPAN_RE: ("/", "–", "-"), FRACTION_RE: ("/", *VULGAR_FRACTIONS),
    DECADE_OF_CENTURY_RE: ("Jahr",), GERMAN_DECADE_RE: ("0er",),
    ENGLISH_DECADE_RE: ("0s", "0'", "0’", "0i"),
    ENGLISH_MONTH_DAY_RE: _EN_MONTH_HEADS, ENGLISH_DAY_MONTH_RE: _EN_MONTH_HEADS,
}
#: what the numeric dates (NUMERIC_DATE_RE, GERMAN_DAY_MONTH_RE, DAY_MONTH_RANGE_RE)
#: cannot match without: a digit, a dot, a digit
_DAY_DOT_MONTH_RE = re.compile(r"\d\.\d")
# two clock times sharing one "Uhr"/"p.m.": "zwischen 12 und 14 Uhr", "from 10 to 11 a.m."
_TIME_RANGE_HEAD_RE = re.compile(
    r"(?<![\d.,])(\d{1,2})(?:[.:](\d{2}))?\s*(?:bis|und|-|–|to|and|until|till)\s*$")
# durations that convert: 14 Tage = two weeks, 48 hours = two days, 24 months = two years
DURATION_UNITS = {
    "tag": "day", "tage": "day", "tagen": "day", "day": "day", "days": "day",
    "woche": "week", "wochen": "week", "week": "week", "weeks": "week",
    "stunde": "hour", "stunden": "hour", "hour": "hour", "hours": "hour",
    "monat": "month", "monate": "month", "monaten": "month", "month": "month",
    "months": "month", "jahr": "year", "jahre": "year", "jahren": "year", "year": "year",
    "years": "year"}
DURATION_FACTORS = (("day", "week", 7), ("hour", "day", 24), ("month", "year", 12))
_ONE = {"de": {"eine", "einer", "einen", "ein"}, "en": {"a", "one"}}
_WEEKDAY_STARTS = {name[:2] for name in (*GERMAN_WEEKDAYS, *ENGLISH_WEEKDAYS)}
# "Samstagabend", "Dienstagmorgen": a weekday with a time of day
_DAYPART = ("abend", "abends", "morgen", "morgens", "nachmittag", "nachmittags", "vormittag",
            "vormittags", "nacht", "mittag", "früh")
# words before a capitalised "May" that make it the month, not the verb or a name
_MONTH_CUES = {"in", "of", "since", "until", "till", "by", "early", "late", "mid", "last",
               "next", "this", "end", "during", "from", "before", "after", "through"}
RANGE_JOIN = {"de": {"bis", "und", "oder", "-", "–"}, "en": {"to", "and", "or", "-", "–"}}


@dataclass(frozen=True)
class Atom:
    """One comparable quantity.

    ``kind`` is ``number`` (``value`` a normalised decimal string, ``unit`` a currency
    code, ``%`` or None), ``date`` (the day of the month in a date: ``9`` of ``9. Mai``,
    ``May 9th``, ``09.05.``), ``month``/``weekday`` (``value`` 1–12 / 1–7), ``time``
    (``value`` ``HH:MM``) or ``decade`` (``value`` the decade's two digits: ``60er
    Jahre`` = ``1960s`` = ``60``).

    ``spelled`` marks numbers written as words (``drei``, ``sixty-two``, ``noon``):
    reported when they differ from a quantity on the other side, never when merely
    unmatched (``zwei`` often becomes ``both`` or ``a couple``). ``implied`` marks a value
    a word implies without naming it (``Achtelfinale`` → the last 16, ``centennial`` →
    100, ``Samstagsausgabe`` → Saturday, ``Doppel-`` → 2): it may match a quantity on the
    other side, it is never reported. ``code`` marks digits glued after letters (``F1``,
    ``A380``, ``E95``): part of a name or code more than a count. ``alternates`` are
    further (kind, value) readings the atom may match: a day that is also a plain
    number, an ambiguous ``01/12/21``, ``14 Tage`` that are also two weeks.
    """

    kind: str
    value: str
    start: int
    end: int
    text: str
    unit: str | None = None
    spelled: bool = False
    implied: bool = False
    code: bool = False
    alternates: tuple[tuple[str, str], ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        return self.kind, self.value

    @property
    def keys(self) -> frozenset[tuple[str, str]]:
        """Every (kind, value) reading of the atom: its key and its alternates."""
        return frozenset((self.key, *self.alternates))


def _tokens_after(text: str, pos: int, count: int = 2) -> list[tuple[str, int, int]]:
    out = []
    for m in WORD_RE.finditer(text, pos):
        between = text[pos:m.start()]
        if between.strip() and not set(between.strip()) <= {"-", "–"}:
            break
        out.append((m.group(0), m.start(), m.end()))
        pos = m.end()
        if len(out) == count:
            break
    return out


# "k" and "m" scale a number only after a currency sign ($4k, €3m): a 4K screen, a 5 m wall
_MONEY_ONLY_SCALES = {"k", "m"}


_NEXT_WORD_OR_SIGN_RE = re.compile(r"\s*([^\W\d_]+\.?|[€$£])")
_CURRENCY_BEFORE_RE = re.compile(r"(€|\$|£|EUR|USD|GBP|CHF)\s?$")


def _currency_follows(text: str, pos: int) -> bool:
    """A currency word or sign right after ``pos``: "3m euros", "4k $"."""
    m = _NEXT_WORD_OR_SIGN_RE.match(text, pos)
    return bool(m) and (m.group(1).lower() in CURRENCIES or m.group(1).lower().rstrip(".") in CURRENCIES)


def _unit_before(text: str, pos: int) -> tuple[str | None, int]:
    """Currency written before the number: ``€4.2``, ``$5``, ``EUR 3``."""
    before = text[max(0, pos - 5):pos]
    m = _CURRENCY_BEFORE_RE.search(before)
    if m:
        return CURRENCIES[m.group(1).lower()], pos - len(before) + m.start()
    return None, pos


def extract_atoms(text: str, lang: str) -> list[Atom]:
    """All quantities of ``text`` (one sentence or pair side) in order of position."""
    return list(_extract_atoms(text, lang))


@lru_cache(maxsize=4096)
def _extract_atoms(text: str, lang: str) -> tuple[Atom, ...]:
    # Order matters: dates and clock times are read first because their digits are not
    # plain numbers ("20.07.2021" is no 20.07, "18 Uhr" no count of 18); then the numbers
    # not inside them; then the words (months, weekdays, spelled-out numbers).
    # Notations whose digits are no plain numbers come first of all: fractions (3½),
    # shortened year spans (1968/69) and decades (60er Jahre, 1960s).
    taken = _Spans()
    cues = _Cues(text)
    atoms = _notation_atoms(text, lang, taken, cues)
    atoms += _date_atoms(text, lang, taken, cues) if cues.digits else []
    atoms += _time_atoms(text, lang, taken, cues)
    atoms += _number_atoms(text, lang, taken) if cues.digits else []
    atoms += _word_atoms(text, lang, taken, cues)
    atoms += _implied_atoms(text, lang, taken, cues)
    atoms = [_with_durations(text, atom) for atom in atoms]
    atoms.sort(key=lambda a: (a.start, a.end))
    return tuple(atoms)


class _Spans:
    """Character ranges already read as (part of) a quantity, so that a later, more
    general reading (a plain number, a spelled-out word) does not read them again."""

    __slots__ = ("spans",)

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        return not any(start < e and s < end for s, e in self.spans)

    def take(self, start: int, end: int) -> None:
        self.spans.append((start, end))


# letters that re.IGNORECASE matches to i or s although str.lower() does not map them
# there (dotless ı, İ, long ſ; see sre's case equivalences)
_CASE_ODD_RE = re.compile("[\u0131\u0130\u017f]")


class _Cues:
    """What a text holds at all, tested once: digits, and (lower-cased) the words a
    pattern cannot match without. Most sentences have no digit and no number word, and
    a pattern that cannot match need not be run: a speed-up that changes no atom."""

    __slots__ = ("text", "digits", "lower", "_german_number_words", "_day_month")

    def __init__(self, text: str) -> None:
        self.text = text
        self.digits = _DIGIT_RE.search(text) is not None
        # with a letter re.IGNORECASE folds differently from str.lower(), no word can
        # be ruled out (None: every pattern runs)
        self.lower = None if _CASE_ODD_RE.search(text) else text.lower()
        self._german_number_words: list[re.Match] | None = None
        self._day_month: bool | None = None

    def scan(self, pattern: re.Pattern) -> Iterable[re.Match]:
        """``pattern``'s matches in the text, or none without scanning where the text
        lacks what the pattern needs (:data:`_NEEDS`)."""
        needs = _NEEDS.get(pattern)
        if needs is not None and not any(map(self.text.__contains__, needs)):
            return ()
        return pattern.finditer(self.text)

    def day_month(self) -> bool:
        """Whether the text may hold a numeric date (digits around a dot; tested once)."""
        if self._day_month is None:
            self._day_month = _DAY_DOT_MONTH_RE.search(self.text) is not None
        return self._day_month

    def german_number_words(self) -> list[re.Match]:
        """The words that begin like a German number word (found once: two steps read
        them)."""
        if self._german_number_words is None:
            self._german_number_words = list(_DE_NUMBER_START_RE.finditer(self.text))
        return self._german_number_words

    def any_of(self, words) -> bool:
        """Whether the text may hold one of ``words`` (lower case), in any case."""
        return self.lower is None or any(map(self.lower.__contains__, words))


def _fraction_value(whole: str | None, numerator: int, denominator: int) -> str:
    value = Decimal(int(whole or 0)) + Decimal(numerator) / Decimal(denominator)
    return format_decimal(value.quantize(Decimal("0.001")))


def _notation_atoms(text: str, lang: str, taken: _Spans, cues: _Cues) -> list[Atom]:
    """Fractions (``3½`` = ``3 1/2`` = ``3,5``), seasons and spans of years with the
    second year shortened (``1968/69`` = ``1968/1969``) and decades (``60er Jahre`` =
    ``1960s`` = ``the sixties``)."""
    atoms: list[Atom] = []
    fractions = cues.scan(FRACTION_RE) if cues.digits or cues.any_of(VULGAR_FRACTIONS) \
        else ()
    for m in fractions:
        if m.group(2):
            whole, (numerator, denominator) = m.group(1), VULGAR_FRACTIONS[m.group(2)]
        else:
            whole, numerator, denominator = m.group(3), int(m.group(4)), int(m.group(5))
            if numerator >= denominator or (
                    not whole and lang == "en"
                    and _previous_word(text, m.start()).lower() in _SLASH_DATE_CUES):
                continue  # "3/2" is no proper fraction; "on 1/2" is a date
        atoms.append(Atom("number", _fraction_value(whole, numerator, denominator),
                          m.start(), m.end(), m.group(0)))
        taken.take(m.start(), m.end())
    for m in cues.scan(YEAR_SPAN_RE) if cues.digits else ():
        first, second = int(m.group(1)), int(m.group(2))
        if not taken.free(m.start(), m.end()) or second == first % 100:
            continue
        century = first - first % 100 + (100 if second < first % 100 else 0)
        if second < first % 100 and second > 9:
            continue  # "2019-12" is no span of years
        atoms.append(Atom("number", str(first), m.start(1), m.end(1), m.group(1)))
        atoms.append(Atom("number", str(century + second), m.start(2), m.end(2), m.group(2)))
        taken.take(m.start(), m.end())
    atoms += _decade_atoms(text, lang, taken, cues)
    atoms += _fraction_word_atoms(text, lang, taken, cues)
    return atoms


def _fraction_word_atoms(text: str, lang: str, taken: _Spans, cues: _Cues) -> list[Atom]:
    """Fractions written as words (implied: ``Viertel`` is also a town's quarter):
    ``ein Drittel``, ``Zweidrittel``, ``dreiviertel``; ``a third``, ``two-thirds``,
    ``three quarters`` — an English ordinal (``third``) only after its count."""
    atoms: list[Atom] = []
    denominators = _DE_FRACTION_WORDS if lang == "de" else _EN_FRACTION_WORDS
    if not cues.any_of(denominators):
        return atoms
    for m in FRACTION_WORD_RE[lang].finditer(text):
        head, word = (m.group(1) or "").lower(), m.group(2).lower()
        if lang == "de":
            numerator = german_cardinal(head) if head and head[:3] != "ein" else 1
        elif not head and word not in ("quarter", "quarters", "thirds", "fifths"):
            continue  # "the third" is an ordinal
        else:
            numerator = _EN_UNITS.get(head, 1)
        denominator = denominators[word]
        if numerator and numerator < denominator and taken.free(m.start(), m.end()):
            atoms.append(Atom("number", _fraction_value(None, numerator, denominator),
                              m.start(), m.end(), m.group(0), implied=True))
            taken.take(m.start(), m.end())
    return atoms


def _decade(start: int, end: int, text: str, decade: str, century: str | None,
            spelled: bool = False) -> Atom:
    """A decade atom: ``1960`` where the century is written (``1960s``, ``50ern des 19.
    Jahrhunderts``), else ``60`` that also matches that decade of the 18th to 21st
    centuries (``60er Jahre`` = ``1960s``) and the plain number."""
    if century:
        full = str(int(century) * 100 + int(decade))
        return Atom("decade", full, start, end, text[start:end], spelled=spelled,
                    alternates=(("number", full),))
    short = decade.zfill(2)
    alternates = tuple(("decade", str(c * 100 + int(decade))) for c in (17, 18, 19, 20))
    return Atom("decade", short, start, end, text[start:end], spelled=spelled,
                alternates=alternates + (("number", str(int(decade))),))


_EN_DECADE_WORD_RE = re.compile(r"\b(" + "|".join(_EN_DECADES) + r")\b", re.IGNORECASE)


def _decade_atoms(text: str, lang: str, taken: _Spans, cues: _Cues) -> list[Atom]:
    atoms: list[Atom] = []
    if lang == "de":
        for m in cues.scan(DECADE_OF_CENTURY_RE) if cues.digits else ():
            century = str(int(m.group(2)) - 1)
            atoms.append(_decade(m.start(), m.end(), text, m.group(1), century))
            taken.take(m.start(), m.end())
        for m in cues.scan(GERMAN_DECADE_RE) if cues.digits else ():
            if taken.free(m.start(), m.end()):
                atoms.append(_decade(m.start(), m.end(), text, m.group(2), m.group(1)))
                taken.take(m.start(), m.end())
        for m in GERMAN_DECADE_WORD_RE.finditer(text) if cues.any_of(_DE_TENS) else ():
            # the pattern ignores case as regexes do ("ſechzig", "İ"): a form that
            # str.casefold() does not bring back to a table word is no decade word
            value = _DE_TENS.get(m.group(1).casefold())
            if value is not None and taken.free(m.start(), m.end()):
                tens = str(value)
                atoms.append(_decade(m.start(), m.end(), text, tens, None, spelled=True))
                taken.take(m.start(), m.end())
    else:
        for m in cues.scan(ENGLISH_DECADE_RE) if cues.digits else ():
            if taken.free(m.start(), m.end()):
                atoms.append(_decade(m.start(), m.end(), text, m.group(2), m.group(1)))
                taken.take(m.start(), m.end())
        for m in _EN_DECADE_WORD_RE.finditer(text) if cues.any_of(_EN_DECADES) else ():
            # the pattern ignores case as regexes do ("ſechzig", "İ"): a form that
            # str.casefold() does not bring back to a table word is no decade word
            value = _EN_DECADES.get(m.group(1).casefold())
            if value is not None and taken.free(m.start(), m.end()):
                tens = str(value)
                atoms.append(_decade(m.start(), m.end(), text, tens, None, spelled=True))
                taken.take(m.start(), m.end())
    return atoms


def _day(m: re.Match, group: int) -> Atom:
    """The day of the month of a date: kind ``date``, also a plain number."""
    value = str(int(m.group(group)))
    return Atom("date", value, m.start(group), m.end(group), m.group(group),
                alternates=(("number", value),))


def _date_parts(m: re.Match, day_at: int, month_at: int, year_at: int | None,
                ambiguous: bool = False) -> list[Atom]:
    """The day, month and (where written) year of a numeric date match as atoms; a
    two-digit year is read as 20xx. An ``ambiguous`` date (``01/12/21``: 1 December
    or January 12) lets day and month each match the other reading as well."""
    day, month = _day(m, day_at), Atom("month", str(int(m.group(month_at))),
                                       m.start(month_at), m.end(month_at), m.group(month_at))
    if ambiguous:
        day = Atom(day.kind, day.value, day.start, day.end, day.text,
                   alternates=day.alternates + (("month", day.value),))
        month = Atom(month.kind, month.value, month.start, month.end, month.text,
                     alternates=(("date", month.value), ("number", month.value)))
    atoms = [day, month]
    year = m.group(year_at) if year_at else None
    if year:
        year_value = year if len(year) == 4 else "20" + year
        atoms.append(Atom("number", year_value, m.start(year_at), m.end(year_at), year))
    return atoms


def _date_atoms(text: str, lang: str, taken: _Spans, cues: _Cues) -> list[Atom]:
    """Numeric dates: ``20.07.2021`` on both sides; ``10.02.-11.02.`` (a range of
    German day.month. dates, also kept in English copy); German ``am 16.3.`` (day and
    month, only after a date word such as *am*, *bis*, or a weekday); English ``03/16``
    or ``16/3/2024``; and the day before or after a month name: ``7. bis 9. Mai``,
    ``May 9th``, ``the 10th to the 12th of September``."""
    atoms: list[Atom] = []
    numeric = cues.day_month()
    for m in NUMERIC_DATE_RE.finditer(text) if numeric else ():
        if 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12:
            atoms += _date_parts(m, 1, 2, 3)
            taken.take(m.start(), m.end())
    for m in DAY_MONTH_RANGE_RE.finditer(text) if numeric else ():
        if taken.free(m.start(), m.end()) and all(
                1 <= int(m.group(d)) <= 31 and 1 <= int(m.group(d + 1)) <= 12 for d in (1, 3)):
            atoms += _date_parts(m, 1, 2, None) + _date_parts(m, 3, 4, None)
            taken.take(m.start(), m.end())
    if lang == "de":
        for m in GERMAN_DAY_MONTH_RE.finditer(text) if numeric else ():
            day, month = int(m.group(1)), int(m.group(2))
            date_word = _previous_word(text, m.start()).lower().rstrip(",")
            if (taken.free(m.start(), m.end()) and 1 <= day <= 31 and 1 <= month <= 12
                    and (date_word in _DATE_WORDS or date_word in GERMAN_WEEKDAYS)):
                atoms += _date_parts(m, 1, 2, None)
                taken.take(m.start(), m.end())
        day_patterns: tuple[re.Pattern, ...] = \
            (GERMAN_DAY_OF_MONTH_RE,) if cues.any_of(_MONTH_STARTS["de"]) else ()
    else:
        for m in cues.scan(SLASH_DATE_RE):
            first, second = int(m.group(1)), int(m.group(2))
            if not taken.free(m.start(), m.end()):
                continue
            # month first (US) only where the second number cannot be a month; otherwise
            # day first, as the German source writes it, with the US reading as well
            day_at, month_at = (2, 1) if second > 12 and first <= 12 else (1, 2)
            if 1 <= int(m.group(day_at)) <= 31 and 1 <= int(m.group(month_at)) <= 12:
                atoms += _date_parts(m, day_at, month_at, 3,
                                     ambiguous=first <= 12 and second <= 12 and first != second)
                taken.take(m.start(), m.end())
        day_patterns = (ENGLISH_MONTH_DAY_RE, ENGLISH_DAY_MONTH_RE)
    for pattern in day_patterns:
        for m in cues.scan(pattern):
            for group in (1, 2):
                if (m.group(group) and 1 <= int(m.group(group)) <= 31
                        and taken.free(m.start(group), m.end(group))):
                    atoms.append(_day(m, group))
                    taken.take(m.start(group), m.end(group))
    return atoms


def _time_atoms(text: str, lang: str, taken: _Spans, cues: _Cues) -> list[Atom]:
    """Clock times as ``HH:MM``: German ``19.15 Uhr``/``18 Uhr``, English ``9.30pm``/
    ``7 p.m.``, and a bare ``22:15`` on both sides (German writes times and sports scores
    with a colon too, and the translation keeps either as it is)."""
    atoms: list[Atom] = []
    patterns = (GERMAN_TIME_RE, CLOCK_RE) if lang == "de" else (ENGLISH_TIME_RE, CLOCK_RE)
    for pattern in patterns if cues.digits else ():
        for m in cues.scan(pattern):
            if not taken.free(m.start(), m.end()):
                continue
            hour = int(m.group(1))
            minute = int(m.group(2) or 0)
            if pattern is ENGLISH_TIME_RE:
                hour = hour % 12 + (12 if m.group(3).lower() == "p" else 0)
            if hour == 24 and not minute and pattern is GERMAN_TIME_RE:
                hour = 0  # 24 Uhr is midnight
            if hour < 24 and minute < 60:
                atoms.append(Atom("time", f"{hour:02d}:{minute:02d}", m.start(), m.end(),
                                  m.group(0)))
                taken.take(m.start(), m.end())
                if pattern is not CLOCK_RE:
                    atoms += _range_head_time(text, m, hour, taken)
    for m in _LETTERS_RE.finditer(text) if cues.any_of(CLOCK_WORDS[lang]) else ():
        low = m.group(0).lower()
        if low in CLOCK_WORDS[lang] and taken.free(m.start(), m.end()):
            value, implied = CLOCK_WORDS[lang][low]
            atoms.append(Atom("time", value, m.start(), m.end(), m.group(0),
                              spelled=not implied, implied=implied))
            taken.take(m.start(), m.end())
    return atoms


def _range_head_time(text: str, m: re.Match, hour: int, taken: _Spans) -> list[Atom]:
    """The first time of a range that shares the second's ``Uhr`` or ``p.m.``
    (``zwischen 12 und 14 Uhr``, ``from 10 to 11 a.m.``; in ``11 to 1 p.m.`` the first
    hour is before noon)."""
    head = _TIME_RANGE_HEAD_RE.search(text, max(0, m.start() - 20), m.start())
    if head is None or not taken.free(head.start(), head.end()):
        return []
    first, minute = int(head.group(1)), int(head.group(2) or 0)
    if m.re is ENGLISH_TIME_RE:
        if first > 12:
            return []
        afternoon = hour >= 12
        if first % 12 > hour % 12:
            afternoon = not afternoon
        first = first % 12 + (12 if afternoon else 0)
    if first >= 24 or minute >= 60:
        return []
    taken.take(head.start(1), head.end(2) if head.group(2) else head.end(1))
    end = head.end(2) if head.group(2) else head.end(1)
    return [Atom("time", f"{first:02d}:{minute:02d}", head.start(1), end,
                 text[head.start(1):end])]


def _number_atoms(text: str, lang: str, taken: _Spans) -> list[Atom]:
    """The numbers of :func:`find_numbers` outside dates and times, each with its scale
    and unit (``4,2 Mrd. Euro`` = 4200000000 EUR)."""
    scales = GERMAN_SCALES if lang == "de" else ENGLISH_SCALES
    numbers = [token for token in find_numbers(text, lang) if taken.free(token.start, token.end)]
    atoms = []
    for index, token in enumerate(numbers):
        following = numbers[index + 1] if index + 1 < len(numbers) else None
        atoms.append(_number_atom(text, lang, token, following, scales))
        taken.take(token.start, token.end)
    return atoms


def _number_atom(text: str, lang: str, token: NumberToken, following: NumberToken | None,
                 scales: dict[str, int]) -> Atom:
    """One number with what qualifies it: a currency before it (``€4.2``), a scale word
    (``Mrd.``, ``billion``), a currency or percent word after that, a glued ``%`` or
    scale suffix (``5bn``), or the scale word the range it opens shares (``11 bis 12
    Mrd.``). The atom's span covers the number and these words."""
    start, end = token.start, token.end
    after = _tokens_after(text, end, 2)
    unit, unit_start = _unit_before(text, start)
    scale = _scale_word(text, after[0], unit, scales) if after else 0
    span_end = after[0][2] if scale else end
    k = 1 if scale else 0  # the word after the number and its scale word
    if len(after) > k:
        unit_after = _unit_word(after[k])
        if unit_after is not None:
            unit, span_end = unit_after
    if text[end:end + 1] == "%":
        unit, span_end = "%", end + 1
    if text[end:end + 3].lower() == " %":
        unit, span_end = "%", end + 2
    if not scale:
        scale = _range_scale(text, lang, end, following, scales)
    if text[end:end + 1].isalpha() and not scale:
        scale, span_end = _glued_scale(text, lang, end, unit) or (0, span_end)
    full = token.value * (Decimal(10) ** scale)
    begin = unit_start if unit_start < start else start
    code = bool(start) and text[start - 1].isalpha() and begin == start
    return Atom("number", format_decimal(full), begin, span_end, text[begin:span_end], unit,
                code=code)


def _scale_word(text: str, word: tuple[str, int, int], unit: str | None,
                scales: dict[str, int]) -> int:
    """The power of ten of a scale word after a number (``Mrd.``, ``million``), else 0;
    ``k`` and ``m`` only with money ("$4 k", "3 m euros" — not a 4 K screen, a 5 m wall)."""
    low = word[0].lower()
    if low in scales and (low not in _MONEY_ONLY_SCALES or unit
                          or _currency_follows(text, word[2])):
        return scales[low]
    return 0


def _unit_word(word: tuple[str, int, int]) -> tuple[str, int] | None:
    """The unit a word after a number gives it (a currency code or ``%``) and where the
    quantity ends; None for any other word. A sentence-final full stop after the unit
    word is not part of the quantity; an abbreviation's dot is."""
    raw, _, raw_end = word
    word_dot = raw.lower()
    low = word_dot.rstrip(".") if raw != "." else ""
    end = raw_end - (1 if raw.endswith(".") and word_dot not in CURRENCIES else 0)
    if low in CURRENCIES or word_dot in CURRENCIES:
        return CURRENCIES.get(low, CURRENCIES.get(word_dot)), end
    if low in PERCENT_WORDS or raw == "%":
        return "%", end
    return None


def _range_scale(text: str, lang: str, end: int, following: NumberToken | None,
                 scales: dict[str, int]) -> int:
    """"11 bis 12 Mrd." / "11 to 12 billion": the first number of a range shares the
    scale word after the second; 0 when the number opens no such range."""
    if following is None or text[end:following.start].strip().lower() not in RANGE_JOIN[lang]:
        return 0
    after_next = _tokens_after(text, following.end, 1)
    if after_next and after_next[0][0].lower() in scales:
        return scales[after_next[0][0].lower()]
    return 0


_SUFFIX_RE = re.compile(r"[a-zA-Z]+")


def _glued_scale(text: str, lang: str, end: int, unit: str | None) -> tuple[int, int] | None:
    """A scale suffix glued to an English number (``5bn``, ``$3m``, ``€4k``): its power
    of ten and where it ends. Other suffixes (``24jährige``, a ``4K`` screen) leave the
    value alone: None."""
    suffix = _SUFFIX_RE.match(text, end)
    if not suffix or lang != "en":
        return None
    low = suffix.group(0).lower()
    if low in {"bn", "m", "k", "tn"} and (low not in _MONEY_ONLY_SCALES or unit
                                          or _currency_follows(text, suffix.end())):
        return ENGLISH_SCALES[low], suffix.end()
    return None


def _word_atoms(text: str, lang: str, taken: _Spans, cues: _Cues) -> list[Atom]:
    """Numbers written as words (``zwei``, ``sixty-two``, ``vier Millionen``, ``a
    million``), months and weekdays (``März``, ``Samstagabend``, ``mittwochs``), and
    the weekday or month a German compound names (``Samstagsausgabe``,
    ``Rosenmontag``, ``Januarwoche``: implied)."""
    atoms = _spelled_atoms(text, lang, taken, cues)
    months = GERMAN_MONTHS if lang == "de" else ENGLISH_MONTHS
    if not cues.any_of(_CALENDAR_STARTS[lang]):
        return atoms
    calendar_words = (_CALENDAR_WORD_RE[lang] if cues.any_of(_WEEKDAY_NAMES[lang])
                      else _MONTH_WORD_RE[lang])
    for m in calendar_words.finditer(text):
        word, start, end = m.group(0), m.start(), m.end()
        if word.endswith(".") and word.lower() not in months:
            word, end = word[:-1], end - 1  # a full stop, not an abbreviation's dot
        low, day, compound = _calendar_word(word, lang)
        if not (low in months or day or compound):
            continue  # most words: no quantity, no need to look further
        if not taken.free(start, end):
            continue
        if low in months and (word[0].isupper() or lang == "de"):
            if _reads_as_month(text, word, start, end, lang):
                atoms.append(Atom("month", str(months[low]), start, end, word))
        elif day:
            atoms.append(Atom("weekday", str(day), start, end, word,
                              implied=lang == "de" and _in_title(text, start, end),
                              alternates=_night_before(text, start, day, lang)))
        elif compound:
            atoms.append(Atom(compound[0], str(compound[1]), start, end, word, implied=True))
    return atoms


@lru_cache(maxsize=100_000)
def _calendar_word(word: str, lang: str) -> tuple[str, int | None, tuple[str, int] | None]:
    """A word's lower case, the weekday it names and the weekday or month a German
    compound names (memoised: news vocabulary repeats)."""
    months = GERMAN_MONTHS if lang == "de" else ENGLISH_MONTHS
    low = word.lower()
    day = _weekday(word, low, GERMAN_WEEKDAYS if lang == "de" else ENGLISH_WEEKDAYS)
    compound = (_calendar_compound(low) if lang == "de" and word[:1].isupper()
                and not day and low not in months else None)
    return low, day, compound


# "in der Nacht zum/zu/auf Sonntag" is the night from Saturday to Sunday, which English
# names by its evening ("Saturday night")
_NIGHT_BEFORE_RE = re.compile(r"\bNacht\s+(?:zum|zu|auf|vor\s+dem|vorm?)\s+$", re.IGNORECASE)


def _night_before(text: str, start: int, day: int, lang: str) -> tuple[tuple[str, str], ...]:
    """The previous weekday as another reading of a German weekday after *Nacht zum*."""
    if lang != "de" or not _NIGHT_BEFORE_RE.search(text[max(0, start - 20):start]):
        return ()
    return (("weekday", str(7 if day == 1 else day - 1)),)


def _spelled_atoms(text: str, lang: str, taken: _Spans, cues: _Cues) -> list[Atom]:
    """Numbers written as words. Before a scale word (``vier Millionen``, ``eine
    Milliarde``, ``a million``) a definite value; alone (``zwei``, ``sixty-two``,
    ``dritten``) marked ``spelled``; ``ein``/``a``/``one`` alone are no number."""
    scales = GERMAN_SCALES if lang == "de" else ENGLISH_SCALES
    if lang == "en":
        runs = english_number_runs(text)
    else:
        runs = []
        for m in cues.german_number_words():
            if m.group(0)[:3].lower() not in _DE_NUMBER_STARTS:
                continue  # most words: no number word, no need to parse
            parsed = german_number_word(m.group(0))
            if parsed is not None:
                runs.append((m.start(), m.end(), parsed[0], parsed[1]))
    # "ein"/"a"/"one" counts only before a scale word ("eine Milliarde", "a million"): in
    # a text without one (most), not worth looking at the words after each
    scaled = cues.any_of(_DEFINITE_SCALES[lang])
    for m in _ONE_RE[lang].finditer(text) if scaled else ():
        if m.group(0).lower() in _ONE[lang] and _tokens_after(text, m.end(), 1):
            runs.append((m.start(), m.end(), Decimal(1), False))
    atoms: list[Atom] = []
    for start, end, value, ordinal in sorted(runs):
        if not taken.free(start, end) or (
                not scaled and text[start:end].lower() in _ONE[lang]):
            continue
        after = _tokens_after(text, end, 2)
        scale = after[0][0].lower() if after and not ordinal else ""
        scale_end = after[0][2] if after else end
        if scale not in scales and scale.endswith("."):
            scale, scale_end = scale[:-1], scale_end - 1  # the sentence's full stop
        definite = scale in scales and scale not in _MONEY_ONLY_SCALES and scale != "b"
        if not definite and text[start:end].lower() in _ONE[lang]:
            continue
        if definite:
            value, end, after = value * 10 ** scales[scale], scale_end, after[1:]
        # a unit word after it: "zehn Prozent", "Eighty-nine percent", "vier Millionen Euro"
        unit_after = _unit_word(after[0]) if after and not ordinal else None
        unit, end = unit_after if unit_after else (None, end)
        taken.take(start, end)
        atoms.append(Atom("number", format_decimal(value), start, end, text[start:end], unit,
                          spelled=not definite))
    return atoms


_LETTERS_RE = re.compile(r"[^\W\d_]+")
_QUOTES = "\"'“”„‚‘’«»"
# the first letters of German number words, to try few words as compounds
_DE_NUMBER_STARTS = {w[:3] for w in (*_DE_UNITS, *_DE_TEENS, *_DE_TENS, *_DE_ORDINAL_STEMS,
                                     "hundert", "tausend", "anderthalb")}
_DE_MONTH_STARTS = {name[:3] for name in GERMAN_MONTHS}


# The words the loops over a sentence's words read, found by the pattern engine instead
# of testing every word in Python (a sentence has some twenty words; these few words are
# what the tests inside the loops accept, and each loop still tests them).
def _alternatives(words) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=lambda w: (-len(w), w)))


_LETTER_RUN_START = r"(?<![^\W\d_])"
#: letter runs (as _LETTERS_RE finds them) that begin like a German number word
_DE_NUMBER_START_RE = re.compile(
    rf"{_LETTER_RUN_START}(?=(?i:{_alternatives(_DE_NUMBER_STARTS)}))[^\W\d_]+")
#: words (as WORD_RE finds them) that may name a month or weekday: a month's first
#: letters (a German compound: "Januarwoche") or a weekday's name (German: anywhere in
#: the word, "Rosenmontag"; English: at its start, "Saturdays")
_CALENDAR_WORD_RE = {
    "de": re.compile(
        rf"{_LETTER_RUN_START}(?=(?i:{_alternatives(_DE_MONTH_STARTS)})"
        rf"|[^\W\d_]*?(?i:{_alternatives(GERMAN_WEEKDAYS)}))[^\W\d_]+\.?"),
    "en": re.compile(
        rf"{_LETTER_RUN_START}(?=(?i:{_alternatives({m.rstrip('.') for m in ENGLISH_MONTHS})}"
        rf"|{_alternatives(ENGLISH_WEEKDAYS)}))[^\W\d_]+\.?"),
}
_WEEKDAY_NAMES = {"de": tuple(GERMAN_WEEKDAYS), "en": tuple(ENGLISH_WEEKDAYS)}
#: what a word naming a month or weekday begins with (lower case): cues for a text
_MONTH_STARTS = {"de": tuple(_DE_MONTH_STARTS),
                 "en": tuple({month.rstrip(".") for month in ENGLISH_MONTHS})}
_CALENDAR_STARTS = {lang: _MONTH_STARTS[lang] + _WEEKDAY_NAMES[lang] for lang in ("de", "en")}
#: _CALENDAR_WORD_RE for a text that names no weekday: the words a month begins
_MONTH_WORD_RE = {lang: re.compile(rf"{_LETTER_RUN_START}(?=(?i:{_alternatives(starts)}))"
                                   r"[^\W\d_]+\.?")
                  for lang, starts in _MONTH_STARTS.items()}
#: the scale words that make "ein"/"a" a number (not k, m, b: see _spelled_atoms), as
#: cues (lower case, a trailing dot dropped)
_DEFINITE_SCALES = {"de": tuple({w.rstrip(".") for w in GERMAN_SCALES}),
                    "en": tuple({w.rstrip(".") for w in ENGLISH_SCALES} - {"k", "m", "b"})}
#: words (as WORD_RE finds them, without a dot) that may be "ein"/"eine"/"a"/"one"
_ONE_RE = {lang: re.compile(rf"{_LETTER_RUN_START}(?i:{_alternatives(words)})(?![^\W\d_]|\.)")
           for lang, words in _ONE.items()}


def _implied_atoms(text: str, lang: str, taken: _Spans, cues: _Cues) -> list[Atom]:
    """Numbers a word implies (:data:`IMPLIED_NUMBERS`) and the count a German compound
    starts with (:func:`german_compound_number`): they match, and are never reported."""
    atoms: list[Atom] = []
    cased = _IMPLIED_CASED_CUE[lang]
    implied = cues.any_of(IMPLIED_CUES[lang]) or (cased is not None and cased.search(text))
    for m in _IMPLIED_RE[lang].finditer(text) if implied else ():
        if taken.free(m.start(), m.end()):
            value = IMPLIED_NUMBERS[lang][m.lastindex - 1][1]
            atoms.append(Atom("number", format_decimal(Decimal(str(value))), m.start(),
                              m.end(), m.group(0), implied=True))
            taken.take(m.start(), m.end())
    if lang == "de":
        for m in cues.german_number_words():
            word = m.group(0)
            if word[:3].lower() not in _DE_NUMBER_STARTS or not taken.free(m.start(), m.end()):
                continue
            value = german_compound_number(word)
            if value is not None:
                atoms.append(Atom("number", str(value), m.start(), m.end(), word, implied=True))
                taken.take(m.start(), m.end())
    return atoms


def comma_pair(atom: Atom) -> tuple[str, str] | None:
    """The two numbers a German ``3,5`` may list (ages "3, 5" written without a space),
    for a single-digit decimal with no unit; else None."""
    m = re.fullmatch(r"(\d),(\d)", atom.text)
    if atom.kind != "number" or atom.unit or m is None:
        return None
    return m.group(1), m.group(2)


def clock_parts(atom: Atom) -> tuple[str, str]:
    """The hour and minute of a time atom as plain numbers: a bare ``16:32`` is also a
    score, ``16-32`` in the translation."""
    hour, minute = atom.value.split(":")
    return str(int(hour)), str(int(minute))


def _with_durations(text: str, atom: Atom) -> Atom:
    """A number of days, hours or months also reads as the weeks, days or years it
    makes (``14 Tage`` = two weeks, ``48 hours`` = two days), and the reverse."""
    if atom.kind != "number" or atom.unit or atom.implied or "." in atom.value:
        return atom
    after = _tokens_after(text, atom.end, 1)
    unit = DURATION_UNITS.get(after[0][0].lower().rstrip(".")) if after else None
    if unit is None:
        return atom
    value, alternates = int(atom.value), []
    for small, big, factor in DURATION_FACTORS:
        if unit == small and value and value % factor == 0:
            alternates.append(("number", str(value // factor)))
        elif unit == big:
            alternates.append(("number", str(value * factor)))
    return replace(atom, alternates=atom.alternates + tuple(alternates)) if alternates else atom


def _in_title(text: str, start: int, end: int) -> bool:
    """A German weekday in a newspaper's name: ``"Bild am Sonntag"``, ``"Welt am
    Sonntag"`` — a capitalised word and *am* before it, inside quotation marks."""
    before = text[max(0, start - 40):start]
    m = re.search(r"([A-ZÄÖÜ][\w-]*)\s+am\s+$", before)
    if m is None:
        return False
    opening = before[:m.start()].rstrip()[-1:]
    return bool(opening) and opening in _QUOTES or text[end:end + 1] in _QUOTES


def _calendar_compound(low: str) -> tuple[str, int] | None:
    """The weekday or month a German compound names (``samstagsausgabe``,
    ``rosenmontag``, ``sonntagszeitung``, ``januarwoche``), else None."""
    if "tag" in low or "sonnabend" in low or "mittwoch" in low:
        for name, day in GERMAN_WEEKDAYS.items():
            if name in low and low != name:
                return "weekday", day
    if low[:3] not in _DE_MONTH_STARTS:
        return None
    for name, month in GERMAN_MONTHS.items():
        rest = low[len(name):]
        if (not name.endswith(".") and low.startswith(name) and len(rest) >= 3
                and not (name == "mai" and rest[0] in "sn")):
            return "month", month
    return None


def _weekday(word: str, low: str, weekdays: dict[str, int]) -> int | None:
    """The weekday (1–7) a word names: Mittwoch, Samstagabend, and the adverb mittwochs
    or "on Wednesdays" (every week). Lower-case words only in the adverb form."""
    if low[:2] in _WEEKDAY_STARTS and (word[0].isupper() or low.endswith("s")):
        return (weekdays.get(low) or _weekday_compound(low, weekdays)
                or (weekdays.get(low[:-1]) if low.endswith("s") else None))
    return None


def _reads_as_month(text: str, word: str, start: int, end: int, lang: str) -> bool:
    """Whether a month name is the month: English "May" only next to a number or after
    a cue ("in May") — not the verb or Theresa May; German "mai" only capitalised."""
    low = word.lower()
    if lang == "en" and low == "may" and not _near_number(text, start, end) \
            and _previous_word(text, start) not in _MONTH_CUES:
        return False
    return not (lang == "de" and low == "mai" and not word[0].isupper())


def _weekday_compound(word: str, weekdays: dict[str, int]) -> int | None:
    for name, day in weekdays.items():
        if word.startswith(name) and word[len(name):] in _DAYPART:
            return day
    return None


def _previous_word(text: str, pos: int) -> str:
    m = re.search(r"(\w+)\W*$", text[max(0, pos - 20):pos])
    return m.group(1).lower() if m else ""


def _near_number(text: str, start: int, end: int) -> bool:
    return bool(re.search(r"\d\.?\s*$", text[max(0, start - 4):start])
                or re.match(r"\s*\d", text[end:end + 3]))
