"""Finding fingerprints: what a finding is about, not where it is."""

from __future__ import annotations

from qa.config import Config
from qa.fingerprint import LENGTH, finding_text, normalise, stamp
from qa.model import Category, Finding, Severity
from qa.runner import check_documents, load_document

CONFIG = Config(mt=False, select=("NUM01", "FLU01"))
SOURCE = "Die Firma zahlte 300 Euro. Der Chef schwieg dazu. Am Montag kam die Presse."
TARGET = "The company paid 30 euros. The boss said nothing. On Monday the press came."


def _fingerprints(source: str, target: str) -> dict[str, str]:
    report = check_documents(source, target, CONFIG)
    return {finding_text(f, report.source, report.target): f.fingerprint
            for f in report.findings}


def test_offsets_and_other_sentences_do_not_matter_the_words_do():
    here = _fingerprints(SOURCE, TARGET)
    assert set(here) == {"30 euros"} and len(here["30 euros"]) == LENGTH
    # a paragraph above, another sentence reworded, the same defect: the same identity
    moved = _fingerprints("Überschrift.\n\n" + SOURCE,
                          "Headline.\n\n" + TARGET.replace("said nothing", "kept quiet"))
    assert moved == here
    # the flagged words changed: another finding
    assert _fingerprints(SOURCE, TARGET.replace("30 euros", "40 euros"))["40 euros"] \
        != here["30 euros"]
    # the same words in another source sentence: another finding
    other = SOURCE.replace("Die Firma", "Das Unternehmen")
    assert _fingerprints(other, TARGET)["30 euros"] != here["30 euros"]


def test_regrouped_sentences_keep_the_identity_through_an_alias(tmp_path):
    """A punctuation edit makes the aligner pair two German sentences with one English
    sentence; the finding, about the second of them, keeps its identity as an alias,
    and a baseline entry still accepts it."""
    from dataclasses import replace

    from qa import baseline

    source = "Die Firma zahlte viel. Der Chef schwieg tagelang. Am Montag kam die Presse."
    # a doubled word: a finding with a target span only (one with a source span is
    # identified by the sentence holding that span, whatever the grouping)
    target = "The company paid a lot. The boss said said nothing for days. On Monday the press came."
    report = check_documents(source, target, CONFIG)
    [finding] = report.findings
    merged = check_documents(source, target.replace("a lot. The boss", "a lot; the boss"), CONFIG)
    assert merged.pairs[0].bead == "2-1"
    [again] = merged.findings
    assert again.fingerprint != finding.fingerprint and finding.fingerprint in again.aliases
    path = tmp_path / "b.json"
    path.write_text(baseline.render(baseline.entries_for(report.findings, report.source,
                                                         report.target)), encoding="utf-8")
    accepted = check_documents(source, target.replace("a lot. The boss", "a lot; the boss"),
                               replace(CONFIG, baseline=str(path)))
    assert accepted.accepted_findings and accepted.stale == ()


def test_line_wrapping_does_not_change_a_fingerprint():
    assert normalise("the  national\nparliament ") == "the national parliament"
    # a soft wrap (the next line starts in lower case) inside the source sentence
    wrapped = _fingerprints(SOURCE.replace("Firma zahlte", "Firma\nzahlte"), TARGET)
    assert wrapped == _fingerprints(SOURCE, TARGET)


def _finding(code="FLU01", target_span=None, source_span=None, message="m"):
    return Finding(code=code, name="fluency.x", category=Category.FLUENCY,
                   severity=Severity.MINOR, message=message, target_span=target_span,
                   source_span=source_span)


def test_identical_findings_are_told_apart_by_order():
    source = load_document("de.txt", "de", text="Eins.")
    target = load_document("en.txt", "en", text="One one.")
    first, second = stamp([_finding(), _finding()], source, target, [])
    assert first.fingerprint != second.fingerprint


def test_the_text_is_the_target_span_else_the_source_span_else_the_message():
    source = load_document("de.txt", "de", text="Der Satz fehlt.")
    target = load_document("en.txt", "en", text="Nothing.")
    assert finding_text(_finding(target_span=(0, 7)), source, target) == "Nothing"
    assert finding_text(_finding(source_span=(4, 8)), source, target) == "Satz"
    assert finding_text(_finding(message="whole  text"), source, target) == "whole text"
