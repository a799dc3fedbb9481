"""Every example of every check, run with only that check enabled; plus meta-tests on
the registry (codes, slugs, categories, examples present)."""

from __future__ import annotations

import re

import pytest

from qa.checks import ALL_CHECKS
from qa.checks.base import CODE_RE, NAME_RE, Check, Example, strip_marks
from qa.config import Config
from qa.model import Category, Severity
from qa.runner import check_documents

CASES = [pytest.param(cls, ex, id=f"{cls.code}-{'bad' if ex.flagged else 'good'}{i}")
         for cls in ALL_CHECKS for i, ex in enumerate(cls.examples)]


def _termbase_file(rows, folder) -> str:
    import csv

    path = folder / "terms.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["de", "en", "forbidden", "note", "case"])
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row.get(k, "") for k in writer.fieldnames})
    return str(path)


def run_example(cls: type[Check], example: Example, folder):
    termbase = (_termbase_file(example.termbase, folder),) if example.termbase else ()
    config = Config(select=(cls.code,), termbase=termbase, **example.config)
    report = check_documents(example.plain_source, example.plain_target, config)
    assert report.checks_run == (cls.code,), report.skipped
    return [f for f in report.findings if f.code == cls.code]


@pytest.mark.parametrize("cls,example", CASES)
def test_example(cls, example, tmp_path):
    findings = run_example(cls, example, tmp_path)
    if not example.flagged:
        assert findings == [], [f.message for f in findings]
        return
    expected_source = sorted(example.source_marks)
    expected_target = sorted(example.target_marks)
    got_source = sorted(f.source_span for f in findings if f.source_span and expected_source)
    got_target = sorted(f.target_span for f in findings if f.target_span and expected_target)
    assert got_source == expected_source
    assert got_target == expected_target
    assert len(findings) == len(expected_source) + len(expected_target)
    for f in findings:
        assert f.category is cls.category
        assert f.message and "\n" not in f.message


@pytest.mark.parametrize("cls", ALL_CHECKS, ids=lambda c: c.code)
def test_check_declares_contract(cls):
    assert CODE_RE.match(cls.code), cls.code
    assert NAME_RE.match(cls.name), cls.name
    assert isinstance(cls.category, Category)
    assert isinstance(cls.severity, Severity)
    assert cls.summary and cls.summary.endswith(".")
    assert cls.__doc__ and cls.__doc__.strip()
    assert any(ex.flagged for ex in cls.examples), "needs at least one bad example"
    assert any(not ex.flagged for ex in cls.examples), "needs at least one good example"
    for ex in cls.examples:
        if ex.flagged:
            assert ex.source_marks or ex.target_marks, "a bad example must mark its span"


def test_codes_and_names_unique():
    codes = [c.code for c in ALL_CHECKS]
    names = [c.name for c in ALL_CHECKS]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)


def test_categories_are_exactly_the_contract():
    assert [c.value for c in Category] == [
        "omission", "addition", "mistranslation", "untranslated", "terminology",
        "consistency", "numbers", "names", "artefact", "typography", "fluency", "markup"]


@pytest.mark.parametrize("code,ok", [("TRM01", True), ("OMA01", True), ("trm01", False),
                                     ("TR01", False), ("TRM1", False), ("TRMX01", False)])
def test_code_pattern(code, ok):
    assert bool(CODE_RE.match(code)) is ok


def test_meta_test_catches_a_check_without_examples():
    class NoExamples(Check):
        """A check with nothing to show."""
        code = "ZZZ01"
        name = "demo.none"
        category = Category.FLUENCY
        severity = Severity.MINOR
        summary = "Nothing."

    with pytest.raises(AssertionError):
        test_check_declares_contract(NoExamples)


def test_meta_test_catches_a_malformed_code():
    class BadCode(Check):
        """Badly named."""
        code = "Z1"
        name = "demo.bad"
        category = Category.FLUENCY
        severity = Severity.MINOR
        summary = "Nothing."
        examples = (Example.bad("a", "⟦b⟧"), Example.good("a", "b"))

    with pytest.raises(AssertionError):
        test_check_declares_contract(BadCode)


def test_strip_marks():
    assert strip_marks("a ⟦bc⟧ d ⟦e⟧") == ("a bc d e", ((2, 4), (7, 8)))
    with pytest.raises(ValueError):
        strip_marks("a ⟦b")
    assert re.sub("[⟦⟧]", "", "x⟦y⟧") == "xy"
