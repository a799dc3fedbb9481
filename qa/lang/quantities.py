"""Quantities in German and English text: numbers with scale words and units, dates,
months, weekdays, clock times and small spelled-out numbers, each normalised to a
convention-free *atom* so that ``4,2 Mrd. Euro`` and ``4.2 billion euros`` compare equal.

A shared text helper (like :mod:`qa.text`): the numbers check and the aligner's evidence
read it; it knows nothing about documents or findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache


# --- plain numbers (the aligner's anchors and NUM01's atoms both start here) ---------

ANCHOR_NUMBER_RE = re.compile(
    r"(?<![\w.,])"                       # not glued to a word or another number
    r"(?P<num>\d{1,3}(?:[.,\u202f\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?P<ord>\.(?=\s+[^\W\d_]))?"      # German ordinal "20. Juli"
    r"(?![\w])",
    re.UNICODE,
)


@dataclass(frozen=True)
class NumberToken:
    """A number found in text, with its value parsed under the text's convention."""

    start: int
    end: int
    raw: str
    value: Decimal

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


def find_numbers(text: str, lang: str) -> list[NumberToken]:
    """All numbers in ``text`` with values parsed by ``lang``'s convention."""
    found = []
    for m in ANCHOR_NUMBER_RE.finditer(text):
        value = parse_number(m.group("num"), lang)
        if value is not None:
            found.append(NumberToken(m.start("num"), m.end("num"), m.group("num"), value))
    return found


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

# thousands grouped by dots, commas, (narrow) no-break spaces or plain spaces: 10 000
_NUM = r"\d{1,3}(?:[.,\u202f\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
NUMBER_RE = re.compile(rf"(?<![\d.,])(?P<num>{_NUM})(?![\d])")
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
_GERMAN_GROUPED_RE = re.compile(r"\d{1,3}(?:\.\d{3})+")
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
    months = GERMAN_MONTHS if lang == "de" else ENGLISH_MONTHS
    weekdays = GERMAN_WEEKDAYS if lang == "de" else ENGLISH_WEEKDAYS
    spelled = GERMAN_SPELLED if lang == "de" else ENGLISH_SPELLED
    scales = GERMAN_SCALES if lang == "de" else ENGLISH_SCALES
    atoms: list[Atom] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return not any(a < e and s < b for s, e in taken)

    # numeric dates 20.07.2021 and clock times first: their digits are not plain numbers
    for m in NUMERIC_DATE_RE.finditer(text):
        day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
        if 1 <= day <= 31 and 1 <= month <= 12:
            year_value = year if len(year) == 4 else "20" + year
            atoms += [Atom("number", str(day), m.start(1), m.end(1), m.group(1)),
                      Atom("month", str(month), m.start(2), m.end(2), m.group(2)),
                      Atom("number", year_value, m.start(3), m.end(3), m.group(3))]
            taken.append((m.start(), m.end()))
    if lang == "de":
        for m in GERMAN_DAY_MONTH_RE.finditer(text):
            day, month = int(m.group(1)), int(m.group(2))
            date_word = _previous_word(text, m.start()).lower().rstrip(",")
            if (free(m.start(), m.end()) and 1 <= day <= 31 and 1 <= month <= 12
                    and (date_word in _DATE_WORDS or date_word in GERMAN_WEEKDAYS)):
                atoms += [Atom("number", str(day), m.start(1), m.end(1), m.group(1)),
                          Atom("month", str(month), m.start(2), m.end(2), m.group(2))]
                taken.append((m.start(), m.end()))
    else:
        for m in SLASH_DATE_RE.finditer(text):
            first, second, year = int(m.group(1)), int(m.group(2)), m.group(3)
            # month first (US) only where the second number cannot be a month; otherwise
            # day first, as the German source writes it
            day_at, month_at = (2, 1) if second > 12 and first <= 12 else (1, 2)
            day, month = int(m.group(day_at)), int(m.group(month_at))
            if not (1 <= day <= 31 and 1 <= month <= 12):
                continue
            atoms += [Atom("number", str(day), m.start(day_at), m.end(day_at), m.group(day_at)),
                      Atom("month", str(month), m.start(month_at), m.end(month_at),
                           m.group(month_at))]
            if year:
                year_value = year if len(year) == 4 else "20" + year
                atoms.append(Atom("number", year_value, m.start(3), m.end(3), year))
            taken.append((m.start(), m.end()))
    if lang == "de":
        # "in den 50ern des 19. Jahrhunderts" is the 1850s
        for m in DECADE_OF_CENTURY_RE.finditer(text):
            year = (int(m.group(2)) - 1) * 100 + int(m.group(1))
            atoms.append(Atom("number", str(year), m.start(), m.end(), m.group(0)))
            taken.append((m.start(), m.end()))
    # A bare "22:15" is read as a clock time on both sides: German writes times and
    # sports scores with a colon too, and the translation keeps either as it is.
    time_patterns = (GERMAN_TIME_RE, CLOCK_RE) if lang == "de" else (ENGLISH_TIME_RE, CLOCK_RE)
    for pattern in time_patterns:
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            hour = int(m.group(1))
            minute = int(m.group(2) or 0)
            if pattern is ENGLISH_TIME_RE:
                pm = m.group(3).lower() == "p"
                hour = hour % 12 + (12 if pm else 0)
            if hour < 24 and minute < 60:
                atoms.append(Atom("time", f"{hour:02d}:{minute:02d}", m.start(), m.end(),
                                  m.group(0)))
                taken.append((m.start(), m.end()))

    numbers = []
    for m in NUMBER_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        raw = m.group("num")
        value = parse_number(raw, lang)
        if lang == "en" and _GERMAN_GROUPED_RE.fullmatch(raw) and (raw.count(".") > 1
                                                                   or raw.endswith("0")):
            # "272.000" in English copy is German formatting (NUM02 reports it); compare
            # the value the writer meant.
            value = parse_number(raw, "de")
        if value is None:
            continue
        numbers.append((m, value))
    for index, (m, value) in enumerate(numbers):
        start, end = m.start(), m.end()
        after = _tokens_after(text, end, 2)
        unit, unit_start = _unit_before(text, start)
        scale = 0
        span_end = end
        k = 0
        if after and after[0][0].lower() in scales and (
                after[0][0].lower() not in _MONEY_ONLY_SCALES or unit
                or _currency_follows(text, after[0][2])):
            scale = scales[after[0][0].lower()]
            span_end = after[0][2]
            k = 1
        elif text[end:end + 1] == "." and lang == "de":
            span_end = end  # ordinal "20." — the day
        if len(after) > k:
            word = after[k][0].lower().rstrip(".") if after[k][0] != "." else ""
            word_dot = after[k][0].lower()
            # a sentence-final "." after the unit word is not part of the quantity
            word_end = after[k][2] - (1 if after[k][0].endswith(".")
                                      and word_dot not in CURRENCIES else 0)
            if word in CURRENCIES or word_dot in CURRENCIES:
                unit = CURRENCIES.get(word, CURRENCIES.get(word_dot))
                span_end = word_end
            elif word in PERCENT_WORDS or after[k][0] == "%":
                unit = "%"
                span_end = word_end
        if text[end:end + 1] == "%":
            unit, span_end = "%", end + 1
        if text[end:end + 3].lower() == " %":
            unit, span_end = "%", end + 2
        if not scale:
            # "11 bis 12 Mrd." / "11 to 12 billion": the range shares the scale word
            nxt = numbers[index + 1] if index + 1 < len(numbers) else None
            if nxt is not None:
                gap = text[end:nxt[0].start()].strip().lower()
                if gap in RANGE_JOIN[lang]:
                    after_next = _tokens_after(text, nxt[0].end(), 1)
                    if after_next and after_next[0][0].lower() in scales:
                        scale = scales[after_next[0][0].lower()]
        if text[end:end + 1].isalpha() and not scale:
            # glued suffix: 5bn, 3m, 24jährige — only scale suffixes change the value
            suffix = re.match(r"[a-zA-Z]+", text[end:])
            if suffix and lang == "en" and suffix.group(0).lower() in {"bn", "m", "k", "tn"} \
                    and (suffix.group(0).lower() not in _MONEY_ONLY_SCALES or unit
                         or _currency_follows(text, end + len(suffix.group(0)))):
                scale = ENGLISH_SCALES[suffix.group(0).lower()]
                span_end = end + len(suffix.group(0))
        full = value * (Decimal(10) ** scale)
        atoms.append(Atom("number", format_decimal(full), unit_start if unit_start < start else start,
                          span_end, text[unit_start if unit_start < start else start:span_end],
                          unit))
        taken.append((start, end))

    for m in WORD_RE.finditer(text):
        word = m.group(0)
        end = m.end()
        if word.endswith(".") and word.lower() not in months:
            word, end = word[:-1], end - 1  # a full stop, not an abbreviation's dot
        low = word.lower()
        day = None
        if low[:2] in _WEEKDAY_STARTS and (word[0].isupper() or low.endswith("s")):
            # Mittwoch, Samstagabend; the adverb mittwochs and "on Wednesdays": every week
            day = (weekdays.get(low) or _weekday_compound(low, weekdays)
                   or (weekdays.get(low[:-1]) if low.endswith("s") else None))
        if not (low in months or day or low in spelled or low in _ONE[lang]):
            continue  # most words: no quantity, no need to look further
        if not free(m.start(), end):
            continue
        if low in months and (word[0].isupper() or lang == "de"):
            if lang == "en" and low == "may" and not _near_number(text, m.start(), end) \
                    and _previous_word(text, m.start()) not in _MONTH_CUES:
                continue  # "may" the verb, or Theresa May
            if lang == "de" and low == "mai" and not word[0].isupper():
                continue
            atoms.append(Atom("month", str(months[low]), m.start(), end, word))
        elif day:
            atoms.append(Atom("weekday", str(day), m.start(), end, word))
        elif low in spelled or low in _ONE[lang]:
            after = _tokens_after(text, end, 1)
            if after and after[0][0].lower() in scales:
                # "vier Millionen", "eine Milliarde", "a million": definite values
                value = (spelled.get(low, 1)) * 10 ** scales[after[0][0].lower()]
                atoms.append(Atom("number", str(value), m.start(), after[0][2],
                                  text[m.start():after[0][2]]))
                taken.append((m.start(), after[0][2]))
            elif low in spelled:
                atoms.append(Atom("number", str(spelled[low]), m.start(), end, word,
                                  spelled=True))
    atoms.sort(key=lambda a: (a.start, a.end))
    return tuple(atoms)


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
