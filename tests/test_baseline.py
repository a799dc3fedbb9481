"""Baselines: accepting findings once, in git, and the gate remembering.

The round trips run the real pipeline on a bundled corpora pair: a baseline made from
the defective translation makes the same check pass; edits elsewhere keep every entry
matching; a newly planted defect still fails; an entry that matches nothing is stale.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import CORPORA
from qa import baseline
from qa.config import Config
from qa.errors import ConfigError
from qa.model import BaselineEntry
from qa.runner import check_documents, check_files, load_document

PAIR = CORPORA / "france-politics"
CONFIG = Config(termbase=(str(PAIR / "terms.csv"),), mt=False)


@pytest.fixture(scope="module")
def defective():
    return check_files(PAIR / "de.txt", PAIR / "en.defective.txt", CONFIG)


def write_baseline(report, path: Path, **kwargs) -> Path:
    entries = baseline.entries_for(report.findings, report.source, report.target, **kwargs)
    path.write_text(baseline.render(entries), encoding="utf-8")
    return path


def test_a_baseline_of_the_findings_makes_the_same_check_pass(defective, tmp_path):
    assert not defective.gate.passed
    path = write_baseline(defective, tmp_path / "qa-baseline.json", reason="read", by="ed")
    again = check_files(PAIR / "de.txt", PAIR / "en.defective.txt",
                        replace(CONFIG, baseline=str(path)))
    assert again.gate.passed, again.gate.verdict
    assert len(again.accepted_findings) == len(defective.findings) and not again.open_findings
    assert again.score == 100 and again.stale == ()
    assert {f.accepted.reason for f in again.findings} == {"read"}
    # the findings are still there, in the same order, with the same fingerprints
    assert [f.fingerprint for f in again.findings] == [f.fingerprint for f in defective.findings]


def _edited_elsewhere(text: str) -> str:
    """A new first paragraph and a rephrased sentence in a paragraph without findings."""
    edited = text.replace("Left-wing deputies then walked out of the chamber together.",
                          "Left-wing deputies then left the chamber together.")
    assert edited != text
    return "Paris, Thursday morning.\n\n" + edited


def test_edits_elsewhere_keep_every_entry_matching(defective, tmp_path):
    path = write_baseline(defective, tmp_path / "b.json")
    source = "Paris, Donnerstagmorgen.\n\n" + defective.source.text
    target = _edited_elsewhere(defective.target.text)
    report = check_documents(load_document("de.txt", "de", text=source),
                             load_document("en.txt", "en", text=target),
                             replace(CONFIG, baseline=str(path)))
    assert report.stale == ()
    assert len(report.accepted_findings) == len(defective.findings)
    assert report.gate.passed, report.gate.verdict


def test_a_newly_planted_defect_still_fails_the_gate(defective, tmp_path):
    path = write_baseline(defective, tmp_path / "b.json")
    target = defective.target.text.replace("of the required 289 votes", "of the required 298 votes")
    assert target != defective.target.text
    report = check_documents(defective.source, load_document("en.txt", "en", text=target),
                             replace(CONFIG, baseline=str(path)))
    assert not report.gate.passed
    blocking = [f for f in report.findings if report.gate.blocks(f)]
    assert blocking and all(f.is_open for f in blocking)
    assert any("298" in report.target.text[f.target_span[0]:f.target_span[1]]
               for f in blocking if f.target_span)


def test_an_entry_that_matches_nothing_is_stale(defective, tmp_path):
    entries = baseline.entries_for(defective.findings, defective.source, defective.target)
    ghost = BaselineEntry(fingerprint="0" * 32, code="NUM01", text="1,000", reason="old")
    not_run = BaselineEntry(fingerprint="1" * 32, code="MTB01", text="x")
    path = tmp_path / "b.json"
    path.write_text(baseline.render([*entries, ghost, not_run]), encoding="utf-8")
    report = check_files(PAIR / "de.txt", PAIR / "en.defective.txt",
                         replace(CONFIG, baseline=str(path)))
    # MTB01 did not run (no MT): its entry may match again next time, so it is not
    # stale but dormant, kept for a baseline written from this report
    assert report.stale == (ghost,) and report.dormant == (not_run,)
    assert report.gate.passed


def test_fixing_the_flagged_words_retires_the_entry(defective, tmp_path):
    path = write_baseline(defective, tmp_path / "b.json")
    target = defective.target.text.replace("Elysee Palace", "Élysée Palace", 1)
    report = check_documents(defective.source, load_document("en.txt", "en", text=target),
                             replace(CONFIG, baseline=str(path)))
    assert [e.text for e in report.stale] == ["Elysee Palace"]


def test_the_file_is_sorted_unique_and_round_trips(defective):
    entries = baseline.entries_for(defective.findings, defective.source, defective.target,
                                   reason="ok", by="Ed", when="2026-11-29")
    text = baseline.render(list(reversed(entries)) + entries[:1])
    assert text == baseline.render(entries)  # order and duplicates do not matter
    data = json.loads(text)
    assert data["qa-baseline"] == 1
    keys = [(e["code"], e["text"], e["fingerprint"]) for e in data["entries"]]
    assert keys == sorted(keys) and len(keys) == len(set(keys)) == len(defective.findings)
    assert list(data["entries"][0]) == ["fingerprint", "code", "text", "reason", "by", "date"]
    assert baseline.parse(text, "b.json") == tuple(sorted(entries, key=baseline.sort_key))


def test_accepted_findings_keep_their_reason_when_rewritten(defective, tmp_path):
    first = baseline.entries_for(defective.findings[:2], defective.source, defective.target,
                                 reason="first", when="2026-01-01")
    path = tmp_path / "b.json"
    path.write_text(baseline.render(first), encoding="utf-8")
    report = check_files(PAIR / "de.txt", PAIR / "en.defective.txt",
                         replace(CONFIG, baseline=str(path)))
    both = baseline.entries_for(report.findings, report.source, report.target,
                                reason="second", when="2026-11-29")
    reasons = {e.fingerprint: (e.reason, e.date) for e in both}
    assert reasons[first[0].fingerprint] == ("first", "2026-01-01")
    assert sum(1 for r in reasons.values() if r == ("second", "2026-11-29")) == len(both) - 2


def test_a_baseline_beside_the_translation_is_read_unless_told_none(defective, tmp_path):
    for name in ("de.txt", "en.defective.txt"):
        (tmp_path / name).write_bytes((PAIR / name).read_bytes())
    write_baseline(defective, tmp_path / baseline.FILE_NAME)
    found = check_files(tmp_path / "de.txt", tmp_path / "en.defective.txt", CONFIG)
    assert found.baseline == str(tmp_path / baseline.FILE_NAME) and found.gate.passed
    ignored = check_files(tmp_path / "de.txt", tmp_path / "en.defective.txt",
                          replace(CONFIG, baseline="none"))
    assert ignored.baseline is None and not ignored.gate.passed


@pytest.mark.parametrize("content, needle", [
    ("{", "invalid JSON"),
    ("[]", "not a qa baseline"),
    ('{"qa-baseline": 2, "entries": []}', "not supported"),
    ('{"qa-baseline": true, "entries": []}', "not supported"),
    ('{"qa-baseline": 1, "entries": {}}', "must be a list"),
    ('{"qa-baseline": 1, "entries": [{"code": "NUM01"}]}', "entry 1 needs"),
    ('{"qa-baseline": 1, "entries": [{"fingerprint": "ab", "code": "NUM01", "reason": 3}]}',
     "must be strings"),
])
def test_a_malformed_baseline_is_one_line(tmp_path, content, needle):
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=needle) as caught:
        baseline.load(path)
    assert "\n" not in str(caught.value) and str(path) in str(caught.value)


def test_a_missing_baseline_is_one_line(tmp_path):
    with pytest.raises(ConfigError, match="baseline file not found"):
        baseline.load(tmp_path / "nowhere.json")
