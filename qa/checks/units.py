"""Checks of a bilingual file's units (XLIFF, PO, TMX): the translation tool's alignment
and its inline codes.

A bilingual file says which target belongs to which source; these checks test that
claim where the words disagree with it (a memory shifted by one unit gives every
target its neighbour's source) and compare the inline codes (tags, placeholders) that
must survive translation. The runner leaves them out for two plain documents
(``reads_units``), which have no units.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from qa.checks.base import Check, CheckContext, Example
from qa.lang.german import reads_german
from qa.lang.quantities import anchor_numbers
from qa.model import Category, Finding, Severity, TranslationUnit
from qa.text import excerpt

#: a capitalised word that is not the first of its sentence: a name on both sides (and,
#: in German, a noun: harmless, it rarely matches an English word)
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-ZÄÖÜ][\w-]{2,})")


#: a printf placeholder's position (``%2$s``): translations reorder arguments with it
_POSITION = re.compile(r"^%\d+\$")


def _key(code) -> tuple[str, str]:
    """What must match across the unit: the code's family and id, a printf placeholder
    without its position (``%2$s`` in the translation stands for a ``%s`` of the source)."""
    family, id_ = code.key
    return (family, _POSITION.sub("%", id_)) if family == "placeholder" else (family, id_)


def _code_name(kind: str, id_: str) -> str:
    return f"{id_}" if kind == "placeholder" else f"<{kind}{f' id={id_}' if id_ else ''}>"


class InlineCodes(Check):
    """An inline code (an XLIFF/TMX tag, a ``%s`` or ``{name}`` placeholder) present on
    one side of a unit only: a dropped tag breaks formatting or a link, a dropped
    placeholder loses a value or crashes the software that fills it in."""

    code = "MRK01"
    name = "markup.inline-codes"
    category = Category.MARKUP
    severity = Severity.MAJOR
    summary = "An inline tag or placeholder of a unit is missing or extra in its translation."
    reads_units = True
    examples = (
        Example.bad("Sie haben ⟦{count}⟧ neue Nachrichten.", "You have new messages."),
        Example.bad("Gespeichert.", "Saved ⟦%s⟧."),
        Example.good("Sie haben {count} neue Nachrichten.", "You have {count} new messages."),
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for unit in ctx.units:
            if unit.target_span is None:
                continue  # an untranslated unit is an omission, not a markup error
            source = Counter(_key(code) for code in unit.source_codes)
            target = Counter(_key(code) for code in unit.target_codes)
            segment = unit.pairs[0] if unit.pairs else None
            for code in unit.source_codes:
                if target[_key(code)] < source[_key(code)]:
                    source[_key(code)] -= 1
                    yield self.finding(
                        f"{_code_name(code.kind, code.id)} of the source is missing in the translation",
                        source_span=(code.start, code.end) if code.end > code.start else None,
                        target_span=unit.target_span, segment=segment,
                        data={"code": _code_name(code.kind, code.id), "unit_line": unit.line})
            source = Counter(_key(code) for code in unit.source_codes)
            for code in unit.target_codes:
                if source[_key(code)] < target[_key(code)]:
                    target[_key(code)] -= 1
                    yield self.finding(
                        f"{_code_name(code.kind, code.id)} is in the translation but not in the source",
                        target_span=(code.start, code.end) if code.end > code.start
                        else unit.target_span, segment=segment,
                        data={"code": _code_name(code.kind, code.id), "unit_line": unit.line})


class UntranslatedUnit(Check):
    """A unit of a bilingual file left untranslated: its target is empty or missing
    (kind ``empty-target``), or a copy of its German source (``copied-source``: the
    same words, and at least one of them German), however short — the tool's own
    alignment says this target is the translation, so no guess is involved. Units whose
    state says nobody has translated them yet are left out before any check."""

    code = "UNT03"
    name = "untranslated.unit"
    category = Category.UNTRANSLATED
    severity = Severity.MAJOR
    summary = "A unit of a bilingual file has an empty target or its German source copied."
    reads_units = True
    examples = (
        Example.bad("Papierkorb leeren", "⟦Papierkorb leeren⟧",
                    "a short UI string copied from the source"),
        Example.bad("⟦Die Opposition kritisierte ihn scharf.⟧\n\nDer Minister schwieg.",
                    "\n\nThe minister said nothing.", "an empty target"),
        Example.good("Berlin\n\nPapierkorb leeren", "Berlin\n\nEmpty trash",
                     "a name is the same in both languages"),
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for unit in ctx.units:
            source = ctx.source.text[unit.source_span[0]:unit.source_span[1]]
            segment = unit.pairs[0] if unit.pairs else None
            if unit.target_span is None:
                yield self.finding(f"unit {unit.id} has no translation: “{excerpt(source)}”",
                                   source_span=unit.source_span, segment=segment,
                                   kind="empty-target")
                continue
            target = ctx.target.text[unit.target_span[0]:unit.target_span[1]]
            if " ".join(target.split()) == " ".join(source.split()) and any(
                    reads_german(word) for word in re.findall(r"[^\W\d_]{3,}", target)):
                yield self.finding(f"unit {unit.id} is its German source, copied: "
                                   f"“{excerpt(target)}”", source_span=unit.source_span,
                                   target_span=unit.target_span, segment=segment,
                                   kind="copied-source")


def _anchors(text: str, lang: str) -> set[str]:
    """What a translation keeps of its source whatever the language: numbers (by value,
    so 1.500 and 1,500 agree) and capitalised words after a sentence's start."""
    numbers = {"#" + number for number in anchor_numbers(text, lang)}
    names = {m.group(1).lower() for m in _CAPITALISED.finditer(text)}
    return numbers | names


class ShiftedUnit(Check):
    """A unit whose translation renders a neighbouring unit's source instead of its own
    (a translation memory or a file whose targets slipped by one): it shares no number
    or name with its own source and several with the neighbour's."""

    code = "ALN02"
    name = "alignment.shifted-unit"
    category = Category.MISTRANSLATION
    severity = Severity.MAJOR
    summary = "A unit's translation renders a neighbouring unit's source, not its own."
    reads_units = True
    #: anchors (numbers, names) the target must share with the neighbour's source while
    #: sharing none with its own: two keeps a lone common name or year from deciding
    MIN_SHARED = 2
    tunables = ("MIN_SHARED",)
    examples = (
        Example.bad("Am Montag meldete Berlin 120 neue Fälle.\n\nIn Hamburg stieg die Zahl auf 45.",
                    "⟦In Hamburg the number rose to 45.⟧\n\n⟦On Monday Berlin reported 120 new cases.⟧",
                    "the targets of two units swapped: each renders the other's source"),
        Example.good("Am Montag meldete Berlin 120 neue Fälle.\n\nIn Hamburg stieg die Zahl auf 45.",
                     "On Monday Berlin reported 120 new cases.\n\nIn Hamburg the number rose to 45."),
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        units = ctx.units
        sources = [_anchors(ctx.source.text[u.source_span[0]:u.source_span[1]], "de")
                   for u in units]
        for k, unit in enumerate(units):
            if unit.target_span is None:
                continue
            target = _anchors(ctx.target.text[unit.target_span[0]:unit.target_span[1]], "en")
            if not target or target & sources[k]:
                continue
            for j in (k - 1, k + 1):
                if 0 <= j < len(units) and len(target & sources[j]) >= self.MIN_SHARED:
                    yield self._finding(unit, units[j], sorted(target & sources[j]))
                    break

    def _finding(self, unit: TranslationUnit, other: TranslationUnit,
                 shared: list[str]) -> Finding:
        return self.finding(
            f"this translation renders unit {other.id}'s source (shares "
            f"{', '.join(a.lstrip('#') for a in shared)} "
            f"with it, nothing with its own)",
            source_span=unit.source_span, target_span=unit.target_span,
            segment=unit.pairs[0] if unit.pairs else None,
            data={"renders_unit": other.id, "shared": shared})
