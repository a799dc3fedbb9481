"""One defect, one finding (qa.overlaps)."""

from __future__ import annotations

from qa.config import Config
from qa.model import Category, Finding, Severity
from qa.overlaps import one_finding_per_defect
from qa.runner import check_documents


def _f(code, category, target=None, source=None, segment="p1.s1", suggestion=None):
    return Finding(code, "x.y", category, Severity.MAJOR, f"{code} says", source_span=source,
                   target_span=target, segment=segment, suggestion=suggestion)


def test_overlapping_findings_keep_the_most_specific_and_fold_the_other():
    nam02 = _f("NAM02", Category.NAMES, target=(10, 17), suggestion="Castex")
    nam03 = _f("NAM03", Category.CONSISTENCY, target=(10, 17), segment=None, suggestion="Castex")
    kept = one_finding_per_defect([nam03, nam02])
    assert [f.code for f in kept] == ["NAM02"]
    assert kept[0].data["also"] == [{"code": "NAM03", "message": "NAM03 says"}]


def test_a_german_number_format_is_not_also_a_changed_number():
    # 11.500 people: NUM02 (German grouping, suggests 11,500) and NUM01 (read as 11.5)
    num01 = _f("NUM01", Category.NUMBERS, target=(0, 6), source=(0, 6), suggestion="11,5")
    num02 = _f("NUM02", Category.NUMBERS, target=(0, 6), suggestion="11,500")
    kept = one_finding_per_defect([num01, num02])
    assert [(f.code, f.suggestion) for f in kept] == [("NUM02", "11,500")]


def test_a_term_kept_untranslated_is_one_finding_where_the_copy_needs_the_fix():
    source, target = "Der Regierungssprecher schwieg.", "The Regierungssprecher was silent."
    trm01 = _f("TRM01", Category.TERMINOLOGY, source=(4, 22), suggestion="government spokesman")
    unt02 = _f("UNT02", Category.UNTRANSLATED, target=(4, 22))
    kept = one_finding_per_defect([trm01, unt02], source, target)
    assert [(f.code, f.target_span, f.suggestion) for f in kept] == \
        [("UNT02", (4, 22), "government spokesman")]
    assert kept[0].data["also"][0]["code"] == "TRM01"


def test_different_text_or_sentence_level_findings_are_left_alone():
    a = _f("NUM01", Category.NUMBERS, target=(0, 3))
    b = _f("NAM04", Category.NAMES, target=(5, 9))
    sentence = _f("MTB01", Category.MISTRANSLATION, target=(0, 40))
    assert len(one_finding_per_defect([a, b, sentence])) == 3


def test_no_defect_is_reported_twice_in_a_real_run():
    report = check_documents("Premierminister Castex überstand das Votum. Castex lachte.",
                             "Prime Minister Casteix survived the vote. Castex laughed.",
                             Config(mt=False))
    spans = [f.target_span for f in report.findings if f.target_span]
    assert len(spans) == len(set(spans))


def test_a_serious_finding_is_never_folded_into_a_lesser_one():
    report = check_documents("Die Regierung schwieg dazu am Montag.",
                             "<b>Die Regierung schwieg dazu am Montag.</b>", Config(mt=False))
    assert any(f.code == "UNT01" and f.severity.value == "critical" for f in report.findings)
    assert not report.gate.passed


def test_a_suggestion_is_only_borrowed_for_the_same_words():
    art = Finding("ART02", "x.y", Category.ARTEFACT, Severity.MINOR, "markup",
                  target_span=(0, 3), segment="p1.s1")
    typ = Finding("TYP06", "x.y", Category.TYPOGRAPHY, Severity.MINOR, "lower case",
                  target_span=(0, 40), segment="p1.s1", suggestion="B")
    kept = one_finding_per_defect([art, typ])
    assert all(f.suggestion != "B" or f.code == "TYP06" for f in kept)


def test_the_competing_pairs_are_those_of_testing_every_two_findings():
    # one_finding_per_defect finds the pairs by a sweep over the spans; the definition
    # is _competes and _same_text on every two findings
    import random

    from qa.overlaps import _competes, _same_text, _same_text_pairs

    rng = random.Random(5)
    source, target = "Der Regierungssprecher schwieg lange. " * 3, "The Regierungssprecher " * 5
    codes = ["TRM01", "UNT02", "NAM04", "NUM01", "NUM02", "OMA01", "TYP01"]

    def span():
        if rng.random() < 0.3:
            return None
        if rng.random() < 0.2:
            return (4, 22)  # "Regierungssprecher" on both sides: a word the copy kept
        start = rng.randrange(0, 60)
        return (start, start + rng.randrange(1, 25))

    mixed = 0
    for _ in range(200):
        findings = [Finding(rng.choice(codes), "x.y", Category.NAMES, Severity.MAJOR, "m",
                            source_span=span(), target_span=span(),
                            segment=rng.choice(["p1", "p2", None]))
                    for _ in range(rng.randrange(0, 25))]
        expected = {(a, b) for a in range(len(findings)) for b in range(a + 1, len(findings))
                    if findings[a].code != findings[b].code
                    and _competes(findings[a], findings[b])
                    and _same_text(findings[a], findings[b], source, target)}
        found = _same_text_pairs(findings, source, target)
        assert sorted(found) == sorted(expected)
        assert len(found) == len(set(found))
        mixed += sum(1 for a, b in found
                     if bool(findings[a].target_span) != bool(findings[b].target_span))
    assert mixed  # the sides were compared with each other, not only among themselves
