"""Applying fixes: exactly the spans, nothing else."""

from __future__ import annotations

from dataclasses import replace

from qa.fixes import apply_fixes, fixable
from qa.model import FIX_REVIEW, FIX_SAFE, Acceptance, Category, Finding, Severity


def _fix(start, end, suggestion, fix=FIX_SAFE, code="TYP01"):
    return Finding(code=code, name="typography.x", category=Category.TYPOGRAPHY,
                   severity=Severity.MINOR, message="m", target_span=(start, end),
                   suggestion=suggestion, fix=fix)


def test_spans_are_replaced_and_nothing_else():
    text = "He said „yes“ and paid 4,2 euros."
    number, opening, closing = text.index("4,2"), text.index("„"), text.index("“")
    # as TYP01 and NUM02 report them: the whole quotation, the number
    fixes = [_fix(number, number + 3, "4.2"), _fix(opening, closing + 1, "“yes”")]
    result = apply_fixes(text, fixes)
    assert result.text == "He said “yes” and paid 4.2 euros."
    assert len(result.applied) == 2 and result.overlapping == ()


def test_deletions_and_overlaps():
    text = "the the cat  sat"
    result = apply_fixes(text, [_fix(0, 7, "the"), _fix(4, 7, ""), _fix(11, 13, " ")])
    assert result.text == "the cat sat"
    assert [f.target_span for f in result.overlapping] == [(4, 7)]


def test_only_open_safe_fixes_are_fixable():
    safe, review = _fix(0, 1, "x"), _fix(2, 3, "y", fix=FIX_REVIEW)
    accepted = replace(_fix(4, 5, "z"), accepted=Acceptance("fine"))
    advice = replace(_fix(6, 7, "w"), fix=None)
    assert fixable([safe, review, accepted, advice]) == [safe]
    assert fixable([safe, review], kinds=(FIX_SAFE, FIX_REVIEW)) == [safe, review]
