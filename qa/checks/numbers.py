"""Numbers, dates and units: what the source says must be what the translation says.

Quantities are compared per aligned pair after normalisation across conventions
(:mod:`qa.lang.quantities`): ``4,2 Mrd. Euro`` = ``4.2 billion euros``, ``14. Juni 2024`` =
``June 14, 2024``, ``21.30 Uhr`` = ``9.30pm``, ``Dienstag`` = ``Tuesday``, ``drei`` =
``three`` = ``3``, ``Sixty-two`` = ``62``, ``3½`` = ``3 1/2``, ``1968/69`` = ``1968/1969``,
``60er Jahre`` = ``1960s``, ``14 Tage`` = ``two weeks``, ``zwischen 12 und 14 Uhr`` =
``between noon and 2 p.m.``. A number written as a word is reported when it differs
from a number on the other side (``drei Wochen`` → ``four weeks``), never when merely
unmatched; a value a word only implies (``Achtelfinale`` → ``last 16``, ``centennial``)
matches and is never reported.

Known false positives: a translator's deliberate rounding (``4,23 Mrd.`` → ``4.2
billion``) or a date resolved into words (``2023`` → ``last year``).
"""

from __future__ import annotations

import re
from typing import Iterator

from qa.checks.base import Check, CheckContext, Example
from qa.model import FIX_REVIEW, FIX_SAFE, Category, Finding, SegmentPair, Severity
from qa.lang.quantities import (ENGLISH_MONTHS, ENGLISH_WEEKDAYS, Atom, clock_parts,
                                comma_pair, extract_atoms, german_grouping)

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
    if atom.kind == "decade":
        return f"{atom.value}s" if len(atom.value) == 4 else f"'{atom.value}s"
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
    # a no-break space shown as a space: messages quote with repr, which escapes it
    return (atom.text.strip().rstrip(".") or atom.value).replace("\u00a0", " ")


def match_atoms(source: list[Atom], target: list[Atom]):
    """Pair equal quantities; return (unit mismatches, unmatched source, unmatched target).

    Every pair of atoms with a reading in common (:attr:`Atom.keys`) is a candidate;
    the best are taken first: the same unit before a different one, the same reading
    before an alternate one, a written value before one a word only implies, the same
    unit (or none) before a unit on one side only, digits with digits (so that ``2``
    pairs with ``2``, not with ``second``) and words with words, then the nearest in
    relative position."""
    candidates = []
    for i, src in enumerate(source):
        for j, tgt in enumerate(target):
            if not src.keys & tgt.keys:
                continue
            unit_conflict = bool(src.unit and tgt.unit and src.unit != tgt.unit)
            cost = (unit_conflict, src.key != tgt.key, src.implied or tgt.implied,
                    src.unit != tgt.unit, src.spelled != tgt.spelled,
                    abs(i / len(source) - j / len(target)))
            candidates.append((cost, i, j))
    used_source: set[int] = set()
    used_target: set[int] = set()
    unit_conflicts: list[tuple[Atom, Atom]] = []
    for cost, i, j in sorted(candidates):
        if i in used_source or j in used_target:
            continue
        used_source.add(i)
        used_target.add(j)
        if cost[0]:
            unit_conflicts.append((source[i], target[j]))
    return (unit_conflicts, [a for i, a in enumerate(source) if i not in used_source],
            [a for j, a in enumerate(target) if j not in used_target])


class NumberMismatch(Check):
    """A number, date, time, weekday or currency in an aligned pair differs between source
    and translation, or appears on one side only.

    Finding kinds (``<atom kind>-<evidence>``; atom kinds ``number``, ``date`` — the day
    of a date —, ``month``, ``weekday``, ``time``, ``decade``):

    - ``<kind>-changed``: the source has a value the translation lacks and the
      translation a different value of the same kind in its place (``146`` → ``164``,
      ``Donnerstag`` → ``Friday``); ``number-word-changed`` where one of the two is
      written in words (``drei`` → ``four``), a weaker reading;
    - ``unit-changed``: the same amount in another currency or unit (``24 Euro`` →
      ``24 dollars``);
    - ``<kind>-missing``: a value of the source with nothing for it in the translation
      (``am Samstag`` left out, ``im April 2019`` → ``in 2019``); ``code-missing`` for
      digits that are part of a name or code (``F1``, ``A380``);
    - ``<kind>-added``: a value only the translation has; ``code-added`` likewise.

    Weak evidence is declared minor: every ``-added`` kind (on the dev part of the
    judged professional translations all of them were notation the source wrote
    otherwise), ``code-*``, ``number-word-changed``, and a weekday or month missing.

    Not reported: a number written as a word and merely unmatched (``zwei`` →
    ``both``), a value a word only implies (``Achtelfinale`` and ``last 16``,
    ``centennial``, ``Samstagsausgabe``: they match, they are never reported), a weekday
    or month copied with a name (``"Welt am Sonntag"``), a bare ``16:32`` written
    ``16-32`` (a score), a German ``3,5`` listing two ages as ``3, 5``.
    """

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
                kind="unit-changed",
                data={"source": src.text, "target": tgt.text, "source_unit": src.unit,
                      "target_unit": tgt.unit})
        _drop_copied_words(missing, pair.target_text)
        _drop_copied_words(extra, pair.source_text)
        _pair_scores(missing, extra)
        _pair_clock_hours(missing, extra)
        _pair_comma_lists(missing, extra)
        for src, tgt in _changed_pairs(missing, extra):
            yield self.finding(
                f"{_describe(src)!r} in the source is {_describe(tgt)!r} in the translation",
                source_span=pair.in_source(src.start, src.end),
                target_span=pair.in_target(tgt.start, tgt.end), segment=pair.id,
                suggestion=english_form(src), fix=FIX_REVIEW, kind=_changed_kind(src, tgt),
                data={"source": src.text, "target": tgt.text, "kind": src.kind},
                severity=Severity.MINOR if _changed_kind(src, tgt) in _WEAK_CHANGES else None)
        # a weekday or month only one side names is a small loss, not a contradiction;
        # a value only the translation has, or a code, is weak evidence (minor)
        for src in [a for a in missing if not (a.spelled or a.implied)]:
            yield self.finding(
                f"{_describe(src)!r} in the source is missing from the translation",
                source_span=pair.in_source(src.start, src.end), segment=pair.id,
                data={"missing": src.text, "kind": src.kind},
                kind=f"{_evidence_kind(src)}-missing",
                severity=Severity.MINOR if src.kind in _CALENDAR or src.code else None)
        for tgt in [a for a in extra if not (a.spelled or a.implied)]:
            yield self.finding(
                f"{_describe(tgt)!r} in the translation is not in the source",
                target_span=pair.in_target(tgt.start, tgt.end), segment=pair.id,
                data={"extra": tgt.text, "kind": tgt.kind},
                kind=f"{_evidence_kind(tgt)}-added", severity=Severity.MINOR)


_CALENDAR = ("weekday", "month")
_WEAK_CHANGES = ("number-word-changed", "code-changed")
# kinds that may stand in for each other when a value changed: a day of the month the
# other side writes as a plain number
_FAMILY = {"date": "number", "decade": "number"}


def _evidence_kind(atom: Atom) -> str:
    """The finding kind's first part: the atom's kind, or ``code`` for digits glued to
    letters (``F1``, ``A380``)."""
    return "code" if atom.code else atom.kind


def _changed_kind(src: Atom, tgt: Atom) -> str:
    if src.spelled or tgt.spelled:
        return "number-word-changed" if src.kind in ("number", "date") else f"{src.kind}-changed"
    if src.code or tgt.code:
        return "code-changed"
    return f"{'date' if 'date' in (src.kind, tgt.kind) else src.kind}-changed"


def _changed_pairs(missing: list[Atom], extra: list[Atom]) -> list[tuple[Atom, Atom]]:
    """Pair each value left in the source with a different value of the same kind left
    in the translation, nearest first, and remove both from their lists. Implied values
    are no evidence either way; a code (``F1``) only pairs with a code."""
    candidates = []
    for i, src in enumerate(missing):
        for j, tgt in enumerate(extra):
            if (src.implied or tgt.implied or src.code != tgt.code
                    or _FAMILY.get(src.kind, src.kind) != _FAMILY.get(tgt.kind, tgt.kind)):
                continue
            candidates.append(((src.unit != tgt.unit, src.spelled or tgt.spelled,
                                abs(i / len(missing) - j / len(extra))), i, j))
    pairs, used_source, used_target = [], set(), set()
    for _, i, j in sorted(candidates):
        if i not in used_source and j not in used_target:
            used_source.add(i)
            used_target.add(j)
            pairs.append((missing[i], extra[j]))
    for src, tgt in pairs:
        missing.remove(src)
        extra.remove(tgt)
    return sorted(pairs, key=lambda p: p[0].start)


def _drop_copied_words(atoms: list[Atom], other_text: str) -> None:
    """Remove a weekday or month the other side has verbatim: a name kept in the
    translation (``"Welt am Sonntag"``) or an English name in the source (``Black
    Friday``)."""
    for atom in [a for a in atoms if a.kind in _CALENDAR]:
        if re.search(rf"(?<!\w){re.escape(atom.text)}(?!\w)", other_text):
            atoms.remove(atom)


def _pair_scores(missing: list[Atom], extra: list[Atom]) -> None:
    """Remove a bare ``16:32`` on one side that the other writes as two numbers
    (``16-32``, a score or ratio) from both lists."""
    for times, numbers in ((missing, extra), (extra, missing)):
        for time in [a for a in times if a.kind == "time"]:
            hour, minute = clock_parts(time)
            first = next((n for n in numbers if n.kind == "number" and n.value == hour), None)
            second = next((n for n in numbers if n.kind == "number" and n.value == minute
                           and n is not first), None)
            if first is not None and second is not None:
                times.remove(time)
                numbers.remove(first)
                numbers.remove(second)


def _pair_comma_lists(missing: list[Atom], extra: list[Atom]) -> None:
    """Remove a German ``3,5`` that the translation lists as ``3, 5`` (two ages written
    without a space) from both lists."""
    for atom in list(missing):
        parts = comma_pair(atom)
        if parts is None:
            continue
        found = [next((n for n in extra if n.kind == "number" and n.value == value), None)
                 for value in parts]
        if all(found) and found[0] is not found[1]:
            missing.remove(atom)
            for number in found:
                extra.remove(number)


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
                suggestion=fixed, fix=FIX_SAFE, data={"number": m.group(0)})
        source_values: set | None = None  # read only when a dotted number needs it
        for m in _GERMAN_GROUPS_RE.finditer(text):
            raw = m.group(1)
            as_german = raw.replace(".", "")
            # One dot before three digits may be an English decimal ("1.234"); English
            # decimals rarely end in zero, so "11.500" or a value the source has is German.
            if not german_grouping(raw):
                if source_values is None:
                    source_values = ({a.value for a in extract_atoms(pair.source_text, "de")}
                                     if pair.source else set())
                if as_german not in source_values:
                    continue
            fixed = f"{int(as_german):,}"
            yield self.finding(
                f"German thousands separator in {raw!r}; English writes {fixed}",
                target_span=(offset + m.start(1), offset + m.end(1)), segment=pair.id,
                suggestion=fixed, fix=FIX_SAFE, data={"number": raw})
