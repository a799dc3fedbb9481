"""Earned severity (qa.earned): a finding class blocks only on measured precision."""

from __future__ import annotations

from qa import earned
from qa.earned import ClassPrecision
from qa.model import Category, Finding, Severity

TABLE = {
    "NUM01.number-changed": ClassPrecision("NUM01.number-changed", 12, 11, 0),  # 91.7 %
    "NUM01.month-missing": ClassPrecision("NUM01.month-missing", 10, 3, 0),     # 30 %
    "NAM02": ClassPrecision("NAM02", 2, 2, 0),                                  # too few
    "TYP02": ClassPrecision("TYP02", 9, 9, 2),                                  # unjudged
}


def _f(code, kind=None, severity=Severity.MAJOR):
    return Finding(code, "x.y", Category.NUMBERS, severity, "m", kind=kind, confidence=0.5)


def test_a_precise_class_keeps_its_severity_and_gets_its_precision_as_confidence():
    f = earned.earned(_f("NUM01", "number-changed"), TABLE)
    assert f.severity is Severity.MAJOR and f.confidence == 0.917


def test_an_imprecise_class_is_advisory_and_says_what_it_was_declared():
    f = earned.earned(_f("NUM01", "month-missing"), TABLE)
    assert f.severity is Severity.MINOR and f.confidence == 0.3
    assert f.data["declared_severity"] == "major"


def test_too_few_judgements_or_unjudged_findings_do_not_earn_a_block():
    assert earned.earned(_f("NAM02"), TABLE).severity is Severity.MINOR
    assert earned.earned(_f("TYP02"), TABLE).severity is Severity.MINOR


def test_a_new_class_of_a_judged_check_is_advisory_until_judged():
    f = earned.earned(_f("NUM01", "weekday-added"), TABLE)
    assert f.severity is Severity.MINOR and f.confidence is None


def test_a_class_that_never_fired_on_the_judged_translations_keeps_its_severity():
    f = earned.earned(_f("UNT01", severity=Severity.CRITICAL), TABLE)
    assert f.severity is Severity.CRITICAL and f.confidence is None


def test_minor_and_info_are_never_raised():
    assert earned.earned(_f("NUM01", "number-changed", Severity.MINOR), TABLE).severity \
        is Severity.MINOR
    assert earned.earned(_f("NUM01", "month-missing", Severity.INFO), TABLE).severity \
        is Severity.INFO


def test_the_shipped_table_reads_and_every_row_is_consistent():
    for name, row in earned.table().items():
        assert name == row.finding_class and 0 <= row.real <= row.judged


def test_a_rare_class_does_not_borrow_its_checks_precision():
    rows = {
        "NUM01.weekday-missing": ClassPrecision("NUM01.weekday-missing", 2, 2, 0),
        "NUM01.time-changed": ClassPrecision("NUM01.time-changed", 9, 9, 0),
    }
    assert earned.earned(_f("NUM01", "weekday-missing"), rows).severity is Severity.MINOR
    assert earned.earned(_f("NUM01", "time-changed"), rows).severity is Severity.MAJOR
