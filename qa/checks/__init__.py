"""The check registry: an explicit tuple, in the order checks are listed and run."""

from __future__ import annotations

from typing import Any, Mapping

from qa.checks.adequacy import SourceCoverage, TargetCoverage
from qa.checks.alignment import Addition, Omission, UnrelatedTarget
from qa.checks.artefacts import BrokenEncoding, LeftoverMarkup, PageFurniture
from qa.checks.backtranslation import BackTranslation, LengthAgainstMT
from qa.checks.base import Check, CheckContext, Example
from qa.checks.meaning import AntonymSubstitution, HypernymSubstitution
from qa.checks.content_words import DroppedWord
from qa.checks.names import InconsistentName, MisspelledName, MissingName, UnexpectedName
from qa.checks.numbers import GermanNumberFormat, NumberMismatch
from qa.checks.polarity import PolarityMismatch
from qa.checks.typography import (Capitalisation, DoubledWord, GermanQuotes, MissingApostrophe,
                                  MixedDialect, SpaceBeforePunctuation, UnbalancedQuotes)
from qa.checks.terminology import ForbiddenTerm, InconsistentTerm, MissingTerm
from qa.checks.units import InlineCodes, ShiftedUnit, UntranslatedUnit
from qa.checks.untranslated import UntranslatedSentence, UntranslatedWords

ALL_CHECKS: tuple[type[Check], ...] = (
    UnrelatedTarget,
    Omission,
    Addition,
    ShiftedUnit,
    MissingTerm,
    ForbiddenTerm,
    InconsistentTerm,
    NumberMismatch,
    GermanNumberFormat,
    UntranslatedSentence,
    UntranslatedWords,
    UntranslatedUnit,
    MissingName,
    MisspelledName,
    InconsistentName,
    UnexpectedName,
    PolarityMismatch,
    AntonymSubstitution,
    HypernymSubstitution,
    PageFurniture,
    LeftoverMarkup,
    BrokenEncoding,
    InlineCodes,
    GermanQuotes,
    UnbalancedQuotes,
    MissingApostrophe,
    SpaceBeforePunctuation,
    Capitalisation,
    DoubledWord,
    MixedDialect,
    SourceCoverage,
    TargetCoverage,
    DroppedWord,
    BackTranslation,
    LengthAgainstMT,
)

__all__ = ["ALL_CHECKS", "Check", "CheckContext", "Example", "select_checks"]


def select_checks(select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
                  overrides: Mapping[str, Mapping[str, Any]] | None = None) -> list[Check]:
    """Instantiate the registered checks chosen by code, slug, family or category, with
    ``overrides`` (code → {tunable: value}) applied.

    ``select`` empty means all; an entry matches a check's code (``OMA01``), slug
    (``alignment.omission``), slug family (``alignment``) or category (``omission``).
    """

    def matches(cls: type[Check], selector: str) -> bool:
        return selector in {cls.code, cls.name, cls.name.split(".")[0], cls.category.value}

    chosen = []
    for cls in ALL_CHECKS:
        if select and not any(matches(cls, s) for s in select):
            continue
        if any(matches(cls, s) for s in ignore):
            continue
        chosen.append(cls((overrides or {}).get(cls.code)))
    return chosen


def known_selector(selector: str) -> bool:
    """True if ``selector`` names at least one registered check."""
    return any(selector in {c.code, c.name, c.name.split(".")[0], c.category.value}
               for c in ALL_CHECKS)
