"""Quantities in German and English text: numbers with scale words and units, dates,
months, weekdays, clock times and small spelled-out numbers, each normalised to a
convention-free *atom* so that ``4,2 Mrd. Euro`` and ``4.2 billion euros`` compare equal.

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
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache


# --- numbers: one definition, read by NUM01's atoms, the aligner and ALN evidence -----

# thousands grouped by dots, commas, (narrow) no-break spaces or plain spaces: 10 000
_NUM = r"\d{1,3}(?:[.,\u202f\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
NUMBER_RE = re.compile(rf"(?<![\d.,])(?P<num>{_NUM})(?![\d])")
_WORD_CHAR_RE = re.compile(r"\w")
_GERMAN_GROUPED_RE = re.compile(r"\d{1,3}(?:\.\d{3})+")


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
        if all(len(p) == 3 for p in parts[1:]) and 1 <= len(parts[0]) <= 3:
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
    return bool(_GERMAN_GROUPED_RE.fullmatch(raw)) and (raw.count(".") > 1
                                                        or raw.endswith("0"))


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
GERMAN_SPELLED = {"eintausend": 1000, "einhundert": 100, "ersten": 1, "erste": 1,
                  "erster": 1, "zweiten": 2, "dritten": 3, "vierten": 4, "fünften": 5,
                  "sechsten": 6, "siebten": 7, "achten": 8, "neunten": 9, "zehnten": 10,
                  "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
                  "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20,
                  "dreißig": 30, "vierzig": 40, "fünfzig": 50, "hundert": 100,
                  "tausend": 1000}
ENGLISH_SPELLED = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
                   "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
                   "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                   "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20,
                   "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "thousand": 1000,
                   }
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
SLASH_DATE_RE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])")
GERMAN_TIME_RE = re.compile(r"(?<![\d.,])(\d{1,2})(?:[.:](\d{2}))?\s*Uhr\b")
# "9.30pm", "7 PM", "7 p.m." — the final dot only as part of "p.m."
ENGLISH_TIME_RE = re.compile(r"(?<![\d.,])(\d{1,2})(?:[.:](\d{2}))?\s*([ap])(?:\.\s?m\.|m)(?![\w])",
                             re.IGNORECASE)
CLOCK_RE = re.compile(r"(?<![\d.,])([01]?\d|2[0-3]):(\d{2})(?![\d])")
WORD_RE = re.compile(r"[^\W\d_]+\.?|[€$£%]", re.UNICODE)
DECADE_OF_CENTURY_RE = re.compile(r"\b([1-9]0)er\w*\s+(?:des\s+)?(\d{1,2})\.\s+Jahr\w*")
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
    code, ``%`` or None), ``month``/``weekday`` (``value`` 1–12 / 1–7), or ``time``
    (``value`` ``HH:MM``). ``spelled`` marks numbers written as words: reported when they
    differ from a number on the other side, never when merely unmatched (``zwei`` often
    becomes ``both`` or ``a couple``).
    """

    kind: str
    value: str
    start: int
    end: int
    text: str
    unit: str | None = None
    spelled: bool = False

    @property
    def key(self) -> tuple[str, str]:
        return self.kind, self.value


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


def _currency_follows(text: str, pos: int) -> bool:
    """A currency word or sign right after ``pos``: "3m euros", "4k $"."""
    m = re.match(r"\s*([^\W\d_]+\.?|[€$£])", text[pos:])
    return bool(m) and (m.group(1).lower() in CURRENCIES or m.group(1).lower().rstrip(".") in CURRENCIES)


def _unit_before(text: str, pos: int) -> tuple[str | None, int]:
    """Currency written before the number: ``€4.2``, ``$5``, ``EUR 3``."""
    before = text[max(0, pos - 5):pos]
    m = re.search(r"(€|\$|£|EUR|USD|GBP|CHF)\s?$", before)
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
    taken = _Spans()
    atoms = _date_atoms(text, lang, taken)
    atoms += _time_atoms(text, lang, taken)
    atoms += _number_atoms(text, lang, taken)
    atoms += _word_atoms(text, lang, taken)
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


def _date_parts(m: re.Match, day_at: int, month_at: int, year_at: int | None) -> list[Atom]:
    """The day, month and (where written) year of a numeric date match as atoms; a
    two-digit year is read as 20xx."""
    atoms = [Atom("number", str(int(m.group(day_at))), m.start(day_at), m.end(day_at),
                  m.group(day_at)),
             Atom("month", str(int(m.group(month_at))), m.start(month_at), m.end(month_at),
                  m.group(month_at))]
    year = m.group(year_at) if year_at else None
    if year:
        year_value = year if len(year) == 4 else "20" + year
        atoms.append(Atom("number", year_value, m.start(year_at), m.end(year_at), year))
    return atoms


def _date_atoms(text: str, lang: str, taken: _Spans) -> list[Atom]:
    """Numeric dates: ``20.07.2021`` on both sides; German ``am 16.3.`` (day and month,
    only after a date word such as *am*, *bis*, or a weekday); English ``03/16`` or
    ``16/3/2024``; and German ``in den 50ern des 19. Jahrhunderts`` (the 1850s)."""
    atoms: list[Atom] = []
    for m in NUMERIC_DATE_RE.finditer(text):
        if 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12:
            atoms += _date_parts(m, 1, 2, 3)
            taken.take(m.start(), m.end())
    if lang == "de":
        for m in GERMAN_DAY_MONTH_RE.finditer(text):
            day, month = int(m.group(1)), int(m.group(2))
            date_word = _previous_word(text, m.start()).lower().rstrip(",")
            if (taken.free(m.start(), m.end()) and 1 <= day <= 31 and 1 <= month <= 12
                    and (date_word in _DATE_WORDS or date_word in GERMAN_WEEKDAYS)):
                atoms += _date_parts(m, 1, 2, None)
                taken.take(m.start(), m.end())
        for m in DECADE_OF_CENTURY_RE.finditer(text):
            year = (int(m.group(2)) - 1) * 100 + int(m.group(1))
            atoms.append(Atom("number", str(year), m.start(), m.end(), m.group(0)))
            taken.take(m.start(), m.end())
    else:
        for m in SLASH_DATE_RE.finditer(text):
            first, second = int(m.group(1)), int(m.group(2))
            # month first (US) only where the second number cannot be a month; otherwise
            # day first, as the German source writes it
            day_at, month_at = (2, 1) if second > 12 and first <= 12 else (1, 2)
            if 1 <= int(m.group(day_at)) <= 31 and 1 <= int(m.group(month_at)) <= 12:
                atoms += _date_parts(m, day_at, month_at, 3)
                taken.take(m.start(), m.end())
    return atoms


def _time_atoms(text: str, lang: str, taken: _Spans) -> list[Atom]:
    """Clock times as ``HH:MM``: German ``19.15 Uhr``/``18 Uhr``, English ``9.30pm``/
    ``7 p.m.``, and a bare ``22:15`` on both sides (German writes times and sports scores
    with a colon too, and the translation keeps either as it is)."""
    atoms: list[Atom] = []
    for pattern in (GERMAN_TIME_RE, CLOCK_RE) if lang == "de" else (ENGLISH_TIME_RE, CLOCK_RE):
        for m in pattern.finditer(text):
            if not taken.free(m.start(), m.end()):
                continue
            hour = int(m.group(1))
            minute = int(m.group(2) or 0)
            if pattern is ENGLISH_TIME_RE:
                hour = hour % 12 + (12 if m.group(3).lower() == "p" else 0)
            if hour < 24 and minute < 60:
                atoms.append(Atom("time", f"{hour:02d}:{minute:02d}", m.start(), m.end(),
                                  m.group(0)))
                taken.take(m.start(), m.end())
    return atoms


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
    return Atom("number", format_decimal(full), begin, span_end, text[begin:span_end], unit)


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


def _word_atoms(text: str, lang: str, taken: _Spans) -> list[Atom]:
    """Months, weekdays and spelled-out numbers written as words (``März``,
    ``Samstagabend``, ``mittwochs``, ``vier Millionen``, ``a million``, ``zwei``)."""
    months = GERMAN_MONTHS if lang == "de" else ENGLISH_MONTHS
    weekdays = GERMAN_WEEKDAYS if lang == "de" else ENGLISH_WEEKDAYS
    spelled = GERMAN_SPELLED if lang == "de" else ENGLISH_SPELLED
    scales = GERMAN_SCALES if lang == "de" else ENGLISH_SCALES
    atoms: list[Atom] = []
    for m in WORD_RE.finditer(text):
        word, start, end = m.group(0), m.start(), m.end()
        if word.endswith(".") and word.lower() not in months:
            word, end = word[:-1], end - 1  # a full stop, not an abbreviation's dot
        low = word.lower()
        day = _weekday(word, low, weekdays)
        if not (low in months or day or low in spelled or low in _ONE[lang]):
            continue  # most words: no quantity, no need to look further
        if not taken.free(start, end):
            continue
        if low in months and (word[0].isupper() or lang == "de"):
            if _reads_as_month(text, word, start, end, lang):
                atoms.append(Atom("month", str(months[low]), start, end, word))
        elif day:
            atoms.append(Atom("weekday", str(day), start, end, word))
        elif low in spelled or low in _ONE[lang]:
            atom = _spelled_number(text, word, start, end, spelled, scales, taken)
            if atom is not None:
                atoms.append(atom)
    return atoms


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


def _spelled_number(text: str, word: str, start: int, end: int, spelled: dict[str, int],
                    scales: dict[str, int], taken: _Spans) -> Atom | None:
    """A number written as a word. Before a scale word ("vier Millionen", "eine
    Milliarde", "a million") it is a definite value; alone ("zwei") it is marked
    ``spelled``; "ein"/"a" alone is no number (None)."""
    low = word.lower()
    after = _tokens_after(text, end, 1)
    if after and after[0][0].lower() in scales:
        scale_end = after[0][2]
        taken.take(start, scale_end)
        value = spelled.get(low, 1) * 10 ** scales[after[0][0].lower()]
        return Atom("number", str(value), start, scale_end, text[start:scale_end])
    if low in spelled:
        return Atom("number", str(spelled[low]), start, end, word, spelled=True)
    return None


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
