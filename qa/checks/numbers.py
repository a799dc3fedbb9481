"""Numbers, dates and units: what the source says must be what the translation says.

Quantities are compared per aligned pair after normalisation across conventions
(:mod:`qa.lang.quantities`): ``4,2 Mrd. Euro`` = ``4.2 billion euros``, ``14. Juni 2024`` =
``June 14, 2024``, ``21.30 Uhr`` = ``9.30pm``, ``Dienstag`` = ``Tuesday``, ``drei`` =
``three`` = ``3``. A number written as a word is reported when it differs from a number
on the other side (``drei Wochen`` → ``four weeks``), never when merely unmatched.

Known false positives: a translator's deliberate rounding (``4,23 Mrd.`` → ``4.2
billion``) or a date resolved into words (``2023`` → ``last year``).
"""

from __future__ import annotations

import re
from typing import Iterator

from qa.checks.base import Check, CheckContext, Example
from qa.model import Category, Finding, SegmentPair, Severity
from qa.lang.quantities import (ENGLISH_MONTHS, ENGLISH_WEEKDAYS, Atom, extract_atoms,
                                german_grouping)

_MONTH_NAMES = {v: k.capitalize() for k, v in ENGLISH_MONTHS.items() if not k.endswith(".")}
_WEEKDAY_NAMES = {v: k.capitalize() for k, v in ENGLISH_WEEKDAYS.items()}
_UNIT_NAMES = {"EUR": "euros", "USD": "dollars", "GBP": "pounds", "CHF": "francs", "%": "percent",
               "EUR-cent": "cents", "JPY": "yen", "CNY": "yuan", "RUB": "roubles"}


def english_form(atom: Atom) -> str:
    """How the source quantity would be written in English copy."""
    if atom.kind == "month":
        return _MONTH_NAMES[int(atom.value)]
    if atom.kind == "weekday":
        return _WEEKDAY_NAMES[int(atom.value)]
    if atom.kind == "time":
        return atom.value
    value = atom.value
    integer, _, fraction = value.partition(".")
    digits = integer.lstrip("-")
    for scale, word in ((12, "trillion"), (9, "billion"), (6, "million")):
        if len(digits) > scale and digits[-scale:].strip("0") == "" and not fraction:
            head = digits[:-scale]
            return f"{head} {word}"
        if len(digits) > scale:
            whole = int(digits)
            if whole % 10 ** (scale - 2) == 0:
                shown = f"{whole / 10 ** scale:.2f}".rstrip("0").rstrip(".")
                return f"{shown} {word}"
    looks_like_year = len(digits) == 4 and 1800 <= int(digits) <= 2100
    grouped = f"{int(digits):,}" if len(digits) >= 4 and not looks_like_year else digits
    return grouped + (f".{fraction}" if fraction else "")


def _describe(atom: Atom) -> str:
    return atom.text.strip().rstrip(".") or atom.value


def match_atoms(source: list[Atom], target: list[Atom]):
    """Pair equal quantities; return (unit mismatches, unmatched source, unmatched target)."""
    remaining = list(target)
    unit_conflicts: list[tuple[Atom, Atom]] = []
    unmatched_source: list[Atom] = []
    for atom in source:
        candidates = [t for t in remaining if t.key == atom.key]
        if not candidates:
            unmatched_source.append(atom)
            continue
        same_unit = [t for t in candidates if t.unit == atom.unit or not t.unit or not atom.unit]
        chosen = same_unit[0] if same_unit else candidates[0]
        if not same_unit:
            unit_conflicts.append((atom, chosen))
        remaining.remove(chosen)
    return unit_conflicts, unmatched_source, remaining


class NumberMismatch(Check):
    """A number, date, time, weekday or currency in an aligned pair differs between source
    and translation, or appears on one side only."""

    code = "NUM01"
    name = "numbers.mismatch"
    category = Category.NUMBERS
    severity = Severity.MAJOR
    summary = "A number, date or unit in the source is missing or different in the translation."
    examples = (
        Example.bad("Der Antrag erhielt lediglich 146 der erforderlichen 289 Stimmen.",
                    "The motion received only ⟦164⟧ of the required 289 votes."),
        Example.bad("Die nächste Sitzung ist für den 14. Februar angesetzt.",
                    "The next meeting is scheduled for 14 ⟦March⟧."),
        Example.good("Der Verlust betrug 4,2 Mrd. Euro, der Umsatz sank um 12,5 Prozent.",
                     "The loss was 4.2 billion euros and revenue fell 12.5%."),
        Example.good("Am 14. Juni 2024 um 21.30 Uhr kamen drei Minister.",
                     "Three ministers arrived at 9.30pm on June 14, 2024."),
    )

    def check(self, pair: SegmentPair, ctx: CheckContext) -> Iterator[Finding]:
        if not pair.source or not pair.target:
            return
        source = [a for a in extract_atoms(pair.source_text, "de")]
        target = [a for a in extract_atoms(pair.target_text, "en")]
        conflicts, missing, extra = match_atoms(source, target)
        for src, tgt in conflicts:
            yield self.finding(
                f"{_describe(src)!r} in the source is {_describe(tgt)!r} in the translation "
                f"(different unit)",
                source_span=pair.in_source(src.start, src.end),
                target_span=pair.in_target(tgt.start, tgt.end), segment=pair.id,
                suggestion=f"{english_form(src)} {_UNIT_NAMES.get(src.unit or '', '')}".strip(),
                confidence=0.9,
                data={"source": src.text, "target": tgt.text, "source_unit": src.unit,
                      "target_unit": tgt.unit})
        for src in list(missing):
            tgt = next((t for t in extra if t.kind == src.kind), None)
            if tgt is None:
                continue
            missing.remove(src)
            extra.remove(tgt)
            yield self.finding(
                f"{_describe(src)!r} in the source is {_describe(tgt)!r} in the translation",
                source_span=pair.in_source(src.start, src.end),
                target_span=pair.in_target(tgt.start, tgt.end), segment=pair.id,
                suggestion=english_form(src), confidence=0.9,
                data={"source": src.text, "target": tgt.text, "kind": src.kind})
        _pair_clock_hours(missing, extra)
        # a weekday or month only one side names is a small loss, not a contradiction
        for src in [a for a in missing if not a.spelled]:
            yield self.finding(
                f"{_describe(src)!r} in the source is missing from the translation",
                source_span=pair.in_source(src.start, src.end), segment=pair.id,
                confidence=0.8, data={"missing": src.text, "kind": src.kind},
                severity=Severity.MINOR if src.kind in _CALENDAR else None)
        for tgt in [a for a in extra if not a.spelled]:
            yield self.finding(
                f"{_describe(tgt)!r} in the translation is not in the source",
                target_span=pair.in_target(tgt.start, tgt.end), segment=pair.id,
                confidence=0.8, data={"extra": tgt.text, "kind": tgt.kind},
                severity=Severity.MINOR if tgt.kind in _CALENDAR else None)


_CALENDAR = ("weekday", "month")


def _clock_readings(atom: Atom) -> set[float]:
    """The plain numbers a clock time may be written as: 18.00 Uhr → 18, 6, 18.0."""
    hour, minute = (int(x) for x in atom.value.split(":"))
    readings = {float(hour), hour + minute / 100}
    if not minute:
        readings.add(float(hour % 12 or 12))
    return readings


def _pair_clock_hours(missing: list[Atom], extra: list[Atom]) -> None:
    """Remove a clock time on one side that the other writes as a bare number (``6 Uhr``
    → ``at 6 o'clock``, ``13 Uhr`` → ``at 13.00``) from both lists."""
    for times, numbers in ((missing, extra), (extra, missing)):
        for time in [a for a in times if a.kind == "time"]:
            readings = _clock_readings(time)
            number = next((n for n in numbers if n.kind == "number"
                           and _as_float(n.value) in readings), None)
            if number is not None:
                times.remove(time)
                numbers.remove(number)


def _as_float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


_GERMAN_DECIMAL_RE = re.compile(r"(?<![\d.,])(\d+),(\d{1,2}|\d{4,})(?![\d,.])")
_GERMAN_GROUPS_RE = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+)(?![\d]|,\d)")


class GermanNumberFormat(Check):
    """A number written in German convention inside English copy: a decimal comma
    (``4,2 billion``) or dots as thousands separators (``11.500 people``). English
    readers take ``11.500`` for eleven and a half."""

    code = "NUM02"
    name = "numbers.german-format"
    category = Category.NUMBERS
    severity = Severity.MAJOR
    summary = "A number in the translation uses German separators (4,2 / 11.500)."
    examples = (
        Example.bad("Der Verlust betrug 4,2 Mrd. Euro.", "The loss was ⟦4,2⟧ billion euros."),
        Example.bad("Etwa 11.500 Menschen demonstrierten.", "About ⟦11.500⟧ people protested."),
        Example.good("Der Verlust betrug 4,2 Mrd. Euro.", "The loss was 4.2 billion euros."),
        Example.good("Etwa 11.500 Menschen demonstrierten.", "About 11,500 people protested."),
    )

    def check(self, pair: SegmentPair, ctx: CheckContext) -> Iterator[Finding]:
        if not pair.target:
            return
        text, offset = pair.target_text, pair.target_span[0]
        for m in _GERMAN_DECIMAL_RE.finditer(text):
            if text[m.end():m.end() + 2].startswith(" ") and text[m.end() + 1:m.end() + 2].isdigit():
                continue  # an enumeration "1, 2 and 3" has a space after the comma anyway
            fixed = f"{m.group(1)}.{m.group(2)}"
            yield self.finding(
                f"German decimal comma in {m.group(0)!r}; English uses a point",
                target_span=(offset + m.start(), offset + m.end()), segment=pair.id,
                suggestion=fixed, confidence=0.9, data={"number": m.group(0)})
        source_values = ({a.value for a in extract_atoms(pair.source_text, "de")}
                         if pair.source else set())
        for m in _GERMAN_GROUPS_RE.finditer(text):
            raw = m.group(1)
            as_german = raw.replace(".", "")
            # One dot before three digits may be an English decimal ("1.234"); English
            # decimals rarely end in zero, so "11.500" or a value the source has is German.
            if not german_grouping(raw) and as_german not in source_values:
                continue
            fixed = f"{int(as_german):,}"
            yield self.finding(
                f"German thousands separator in {raw!r}; English writes {fixed}",
                target_span=(offset + m.start(1), offset + m.end(1)), segment=pair.id,
                suggestion=fixed, confidence=0.85, data={"number": raw})
