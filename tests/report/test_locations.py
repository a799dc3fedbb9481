"""Where CI outputs place a finding: in the translation, an omission at the insertion
point where its translation would go, a source-only finding at its aligned target
sentence, and the German span as the related location."""

from __future__ import annotations

from qa.config import Config
from qa.model import Category, Finding, Severity
from qa.report.locations import display_path, insertion_point, primary, related
from qa.runner import check_documents

DE = ("Die Regierung legte am Montag den Haushalt vor. Er sieht Ausgaben von 480 Milliarden "
      "Euro vor. Die Opposition kritisierte den Entwurf scharf.\n")
EN_MIDDLE = "The government presented the budget on Monday. The opposition sharply criticised the draft.\n"
EN_FIRST = "It provides for spending of 480 billion euros. The opposition sharply criticised the draft.\n"


def _report(target: str):
    return check_documents(DE, target, Config(mt=False, select=("OMA01",)))


def _omission(report):
    return next(f for f in report.findings if f.code == "OMA01")


def test_a_dropped_middle_sentence_goes_after_the_preceding_translation():
    report = _report(EN_MIDDLE)
    loc = primary(report, _omission(report))
    assert loc.path == "target.txt" and loc.start == loc.end
    assert EN_MIDDLE[:loc.start] == "The government presented the budget on Monday."
    german = related(report, _omission(report))
    assert DE[german.start:german.end] == "Er sieht Ausgaben von 480 Milliarden Euro vor."


def test_a_dropped_first_sentence_goes_before_the_next_translation():
    report = _report(EN_FIRST)
    loc = primary(report, _omission(report))
    assert (loc.start, loc.end, loc.start_line, loc.start_column) == (0, 0, 1, 1)
    assert insertion_point(report.pairs, _omission(report).segment) == 0
    assert insertion_point(report.pairs, "no-such-bead") is None


def test_a_source_only_finding_is_shown_at_its_aligned_target_sentence():
    report = _report(EN_MIDDLE)
    pair = next(p for p in report.pairs if p.bead == "1-1")
    finding = Finding("NAM01", "names.missing", Category.NAMES, Severity.MAJOR, "name missing",
                      source_span=pair.in_source(4, 13), segment=pair.id)
    loc = primary(report, finding)
    assert (loc.path, loc.start, loc.end) == ("target.txt", *pair.target_span)
    assert related(report, finding).path == "source.txt"


def test_a_finding_with_a_target_span_keeps_it_and_a_document_finding_is_at_the_top():
    report = _report(EN_MIDDLE)
    addition = Finding("ADA01", "alignment.addition", Category.ADDITION, Severity.MAJOR, "added",
                       target_span=(4, 14))
    assert (primary(report, addition).start, primary(report, addition).end) == (4, 14)
    assert related(report, addition) is None
    whole = Finding("ALN01", "alignment.other-article", Category.MISTRANSLATION, Severity.CRITICAL, "x")
    assert (primary(report, whole).path, primary(report, whole).start) == ("target.txt", 0)


def test_display_path_is_relative_under_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert display_path(str(tmp_path / "a" / "en.txt")) == "a/en.txt"
    assert display_path("a/../b/en.txt") == "b/en.txt"
    assert display_path("/elsewhere/en.txt") == "/elsewhere/en.txt"
    assert display_path("../x/en.txt") == "../x/en.txt"
