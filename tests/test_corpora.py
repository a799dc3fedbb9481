"""Whole-document cases: the article pairs in corpora/ with their gold annotations.

Clean translations must come out clean (nothing above info). Every planted alignment
defect (a dropped or added sentence or paragraph) must be reported with the right
category and exactly its span.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from conftest import corpus_pairs
from qa.config import Config
from qa.model import Severity
from qa.runner import check_files, load_document

PAIRS = corpus_pairs()


def _config(pair) -> Config:
    return Config(termbase=(str(pair / "terms.csv"),))


def _gold(pair) -> dict:
    return json.loads((pair / "gold.json").read_text(encoding="utf-8"))


def test_at_least_three_pairs_of_fifteen_sentences():
    assert len(PAIRS) >= 3
    for pair in PAIRS:
        gold = _gold(pair)
        report = check_files(pair / gold["source"], pair / gold["clean"], _config(pair))
        assert len(report.source.sentences) >= 15, pair.name


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.name)
def test_clean_translation_is_clean(pair):
    gold = _gold(pair)
    report = check_files(pair / gold["source"], pair / gold["clean"], _config(pair))
    above_info = [f for f in report.findings if f.severity is not Severity.INFO]
    assert above_info == [], [(f.code, f.message) for f in above_info]
    assert not [s for s in report.skipped if "internal error" in s.reason], report.skipped
    assert report.gate.passed


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.name)
def test_gold_texts_exist_in_files(pair):
    gold = _gold(pair)
    for defect in gold["defects"]:
        name = gold["source"] if defect["side"] == "source" else gold["defective"]
        # the text qa reads: the file, or the prose extracted from it (DOCX, HTML)
        text = load_document(pair / name, "de" if defect["side"] == "source" else "en").text
        assert defect["text"] in text, defect


def _expected_alignment_defects(gold):
    for defect in gold["defects"]:
        kind = defect.get("alignment") or defect["category"]
        if kind in ("omission", "addition"):
            yield kind, defect


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.name)
def test_planted_alignment_defects_are_found(pair):
    gold = _gold(pair)
    report = check_files(pair / gold["source"], pair / gold["defective"], _config(pair))
    source_text = report.source.text
    target_text = report.target.text
    expected = list(_expected_alignment_defects(gold))
    assert expected, "each pair plants at least one alignment defect"
    for kind, defect in expected:
        if kind == "omission":
            start = source_text.index(defect["text"])
            span = (start, start + len(defect["text"]))
            hits = [f for f in report.findings
                    if f.category.value == "omission" and f.source_span == span]
        else:
            start = target_text.index(defect["text"])
            span = (start, start + len(defect["text"]))
            # scraped residue is reported as an artefact, which supersedes the addition
            accepted = {"addition", defect["category"]}
            hits = [f for f in report.findings
                    if f.category.value in accepted and f.target_span == span]
        assert len(hits) == 1, (defect, [(f.code, f.source_span, f.target_span, f.message)
                                         for f in report.findings])


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.name)
def test_no_spurious_alignment_findings_on_defective(pair):
    """Alignment findings on the defective file are only the planted ones (and residue
    lines that an artefact check will later claim)."""
    gold = _gold(pair)
    report = check_files(pair / gold["source"], pair / gold["defective"], _config(pair))
    planted = [d["text"] for d in gold["defects"]]
    for f in report.findings:
        if f.code not in ("OMA01", "ADA01"):
            continue
        doc = report.source if f.source_span else report.target
        span = f.source_span or f.target_span
        flagged = doc.text[span[0]:span[1]]
        assert any(flagged in text or text in flagged for text in planted), flagged


def test_markdown_crlf_bom_variant_is_clean_and_offsets_hold(tmp_path):
    """The same clean pair as Markdown with CRLF newlines and a BOM: still clean, and
    every span still points into the file as written."""
    pair = CORPUS_FOR_VARIANTS
    gold = _gold(pair)

    def to_markdown(text: str) -> str:
        lines = text.split("\n")
        lines[0] = "# " + lines[0]
        body = "\r\n".join(lines).replace("Macron", "**Macron**")
        return "\ufeff" + body

    src = tmp_path / "de.md"
    tgt = tmp_path / "en.md"
    src.write_bytes(to_markdown((pair / "de.txt").read_text(encoding="utf-8")).encode("utf-8"))
    tgt.write_bytes(to_markdown((pair / gold["defective"]).read_text(encoding="utf-8"))
                    .encode("utf-8"))
    report = check_files(src, tgt, _config(pair))
    decoded = tgt.read_bytes().decode("utf-8")[1:]
    assert report.target.text == decoded and report.target.bom
    for p in report.pairs:
        if p.target_span:
            assert decoded[p.target_span[0]:p.target_span[1]] == p.target_text
    kinds = sorted((f.category.value, (report.source if f.source_span else report.target)
                    .text[slice(*(f.source_span or f.target_span))]) for f in report.findings
                   if f.category.value in ("omission", "addition"))
    expected = sorted((kind, d["text"]) for kind, d in _expected_alignment_defects(gold))
    assert kinds == expected


CORPUS_FOR_VARIANTS = next(p for p in PAIRS if p.name == "france-politics")


def _implemented_categories() -> set[str]:
    from qa.checks import ALL_CHECKS

    return {cls.category.value for cls in ALL_CHECKS} - {"omission", "addition"}


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.name)
def test_planted_defects_of_implemented_categories_are_found(pair):
    """Each planted defect whose category has a check is found by a finding of that
    category whose span overlaps the defect's text."""
    gold = _gold(pair)
    report = check_files(pair / gold["source"], pair / gold["defective"], _config(pair))
    assert not [s for s in report.skipped if "internal error" in s.reason], report.skipped
    categories = _implemented_categories()
    for defect in gold["defects"]:
        if defect["category"] not in categories:
            continue
        doc = report.source if defect["side"] == "source" else report.target
        start = doc.text.index(defect["text"])
        end = start + len(defect["text"])
        spans = [f.source_span if defect["side"] == "source" else f.target_span
                 for f in report.findings if f.category.value == defect["category"]]
        assert any(s and s[0] < end and start < s[1] for s in spans), (
            defect, [(f.code, f.message) for f in report.findings])


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.name)
@pytest.mark.parametrize("policy", ["earned", "declared"])
def test_defective_translation_fails_the_gate(pair, policy):
    """The planted defects fail the gate — with the checks' declared severities, and
    with the default, earned ones (every corpus plants a defect of a class that earned
    its block or has not fired on professional translations: a changed number, a
    misspelled source name, a forbidden term, a German sentence)."""
    gold = _gold(pair)
    config = replace(_config(pair), severity_policy=policy)
    report = check_files(pair / gold["source"], pair / gold["defective"], config)
    assert not report.gate.passed, [(f.finding_class, f.severity.value) for f in report.findings]
