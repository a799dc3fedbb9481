"""Finding fingerprints: what a finding is about, not where it is."""

from __future__ import annotations

from qa.fingerprint import LENGTH, finding_text, normalise, stamp
from qa.model import Category, Finding, Severity
from qa.runner import load_document


def _docs(source: str, target: str):
    return load_document("de.txt", "de", text=source), load_document("en.txt", "en", text=target)


def _finding(code="NUM01", target_span=None, source_span=None, segment=None, message="m"):
    return Finding(code=code, name="numbers.x", category=Category.NUMBERS,
                   severity=Severity.MAJOR, message=message, target_span=target_span,
                   source_span=source_span, segment=segment)


def _pairs(source_text: str, target_text: str):
    from qa.model import SegmentPair

    return [SegmentPair(id="p1.s1", bead="1-1", source=(0,), target=(0,), source_span=(0, 1),
                        target_span=(0, 1), source_text=source_text, target_text=target_text,
                        cost=0.0)]


def test_offsets_and_messages_do_not_matter_words_do():
    source, target = _docs("Er zahlte 300 Euro.", "He paid 30 euros.")
    pairs = _pairs("Er zahlte 300 Euro.", "He paid 30 euros.")
    here = _finding(target_span=(8, 10), segment="p1.s1", message="300 is 30")
    shifted_source, shifted_target = _docs("Titel.\n\nEr zahlte 300 Euro.", "Title.\n\nHe paid 30 euros.")
    there = _finding(target_span=(16, 18), segment="p1.s1", message="reworded: 300 → 30")
    [a], [b] = stamp([here], source, target, pairs), stamp([there], shifted_source, shifted_target, pairs)
    assert a.fingerprint == b.fingerprint and len(a.fingerprint) == LENGTH
    other_words = _finding(target_span=(3, 7), segment="p1.s1")  # "paid"
    other_check = _finding(code="NUM02", target_span=(8, 10), segment="p1.s1")
    other_sentence = _pairs("Sie zahlte 300 Euro.", "He paid 30 euros.")
    fingerprints = {a.fingerprint,
                    stamp([other_words], source, target, pairs)[0].fingerprint,
                    stamp([other_check], source, target, pairs)[0].fingerprint,
                    stamp([here], source, target, other_sentence)[0].fingerprint}
    assert len(fingerprints) == 4


def test_line_wrapping_does_not_change_a_fingerprint():
    assert normalise("the  national\nparliament ") == "the national parliament"
    one = _pairs("Er sprach  im\nParlament.", "He spoke.")
    two = _pairs("Er sprach im Parlament.", "He spoke.")
    source, target = _docs("Er sprach im Parlament.", "He spoke.")
    finding = _finding(target_span=(3, 8), segment="p1.s1")
    assert stamp([finding], source, target, one)[0].fingerprint == \
        stamp([finding], source, target, two)[0].fingerprint


def test_identical_findings_are_told_apart_by_order():
    source, target = _docs("Eins.", "One one.")
    twice = [_finding(code="FLU01"), _finding(code="FLU01")]
    first, second = stamp(twice, source, target, [])
    assert first.fingerprint != second.fingerprint


def test_the_text_is_the_target_span_else_the_source_span_else_the_message():
    source, target = _docs("Der Satz fehlt.", "Nothing.")
    assert finding_text(_finding(target_span=(0, 7)), source, target) == "Nothing"
    assert finding_text(_finding(source_span=(4, 8)), source, target) == "Satz"
    assert finding_text(_finding(message="whole  text"), source, target) == "whole text"
