"""The HTML report's Python side, without a browser: the data embedded for the page's
script (baseline entry stubs, fixes with UTF-16 spans, readable evidence with no
internal ids or absolute paths), the findings list in document order with locations,
multi-sentence highlights, chart geometry and the passing report."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import CORPORA, corpus_pairs
from qa import baseline, model
from qa.config import Config
from qa.fingerprint import finding_text
from qa.model import Acceptance
from qa.report import render_html
from qa.report.html import (Utf16Offsets, base_name, document_hash, location, readable_data,
                            suggestion_text)
from qa.runner import check_files, decide_gate

#: a sentence id as qa uses them internally (p6.s2, t:p7.s3)
INTERNAL_ID = re.compile(r"\b(?:t:)?p\d+\.s\d+\b")


def pair_files(pair: Path) -> tuple[Path, Path, Path]:
    """A corpus pair's German source, defective translation and termbase (any format)."""
    return next(pair.glob("de.*")), next(pair.glob("en.defective.*")), pair / "terms.csv"


def corpus_report(name: str, **settings):
    source, target, terms = pair_files(CORPORA / name)
    return check_files(source, target, Config(termbase=(str(terms),), mt=False, **settings))


def editable(report) -> bool:
    """Whether the translation's text is its file (not prose extracted from HTML/DOCX)."""
    return getattr(report.target, "origin", None) is None


def page_data(html: str) -> dict:
    """The JSON the page's script reads."""
    match = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S)
    assert match, "no report data in the page"
    return json.loads(match.group(1))


def list_items(html: str) -> list[tuple[str, str]]:
    """(finding id, location) of the findings list's items, in page order."""
    return re.findall(r'<li class="finding [^"]*" id="item-(f\d+)".*?<span class="loc">([^<]*)</span>',
                      html, re.S)


@pytest.fixture(scope="module", params=[p.name for p in corpus_pairs()])
def corpus(request):
    report = corpus_report(request.param)
    return report, render_html(report)


def test_every_finding_carries_its_baseline_entry_stub(corpus):
    report, html = corpus
    findings = page_data(html)["findings"]
    assert [f["id"] for f in findings] == [f"f{k}" for k in range(len(report.findings))]
    for item, finding in zip(findings, report.findings):
        assert re.fullmatch(r"[0-9a-f]{32}", item["entry"]["fingerprint"])
        assert item["entry"] == {"fingerprint": finding.fingerprint, "code": finding.code,
                                 "text": finding_text(finding, report.source, report.target)}
        assert item["blocks_when_open"] == report.gate.blocks(finding)  # none accepted here
        assert item["accepted"] is None


def test_page_keys_decisions_by_a_hash_of_both_documents(corpus):
    report, html = corpus
    data = page_data(html)
    assert data["document"] == document_hash(report)
    assert re.fullmatch(r"[0-9a-f]{64}", data["document"])
    changed = replace(report, target=replace(report.target, text=report.target.text + " "))
    assert document_hash(changed) != data["document"]
    assert data["target"] == {"name": Path(report.target.path).name, "bom": report.target.bom,
                              "text": report.target.text if editable(report) else "",
                              "editable": editable(report)}


def test_evidence_is_readable_with_no_internal_ids_or_paths(corpus):
    report, html = corpus
    for item in page_data(html)["findings"]:
        shown = json.dumps([item["details"], item["source"], item["translation"],
                            item["location"]], ensure_ascii=False)
        assert not INTERNAL_ID.search(shown), shown
        assert "bead" not in shown and str(CORPORA) not in shown
        assert all(isinstance(label, str) and label[:1].isupper() and value
                   for label, value in item["details"])
    assert str(CORPORA) not in html.split('id="report-data"', 1)[1]


def test_termbase_is_named_by_base_name():
    report = corpus_report("france-politics")
    termbase_rows = [row for item in page_data(render_html(report))["findings"]
                     for row in item["details"] if row[0] == "Termbase"]
    assert termbase_rows and all(row[1] == "terms.csv" for row in termbase_rows)


def test_findings_list_is_in_document_order_with_locations(corpus):
    report, html = corpus
    items = list_items(html)
    assert [fid for fid, _ in items] == [f"f{k}" for k in range(len(report.findings))]
    for (_, where), finding in zip(items, report.findings):
        if finding.target_span:
            line = report.target.line_col(finding.target_span[0])[0]
            assert where.startswith(f"line {line}") or where.startswith(f"lines {line}–")
        elif finding.source_span:
            line = report.source.line_col(finding.source_span[0])[0]
            assert where.startswith(f"source line {line}") or where.startswith(f"source lines {line}–")
        else:
            assert where == "whole document"


def test_location_wording():
    report = corpus_report("business-windpower")
    omission = next(f for f in report.findings if f.code == "OMA01")
    start, end = omission.source_span
    first, last = report.source.line_col(start)[0], report.source.line_col(end - 1)[0]
    expected = f"source line {first}" if first == last else f"source lines {first}–{last}"
    assert location(report, omission) == expected
    assert location(report, replace(omission, source_span=None, target_span=None)) == "whole document"


def test_multi_sentence_omission_is_highlighted_in_every_pair_and_badged_at_its_end():
    report = corpus_report("business-windpower")
    html = render_html(report)
    k, omission = next((k, f) for k, f in enumerate(report.findings)
                       if f.code == "OMA01" and len(f.data["sentences"]) > 1)
    covered = [p for p in report.pairs if p.source_span
               and p.source_span[0] < omission.source_span[1] and omission.source_span[0] < p.source_span[1]]
    assert len(covered) == len(omission.data["sentences"]) > 1
    rows = {m.group(1): m.group(2) for m in re.finditer(r'<tr [^>]*id="seg-([^"]+)">(.*?)</tr>', html, re.S)}
    marked = re.compile(rf'<mark [^>]*data-ids="[^"]*\bf{k}\b[^"]*"')
    badge = re.compile(rf'<sup [^>]*data-ids="f{k}"')
    assert all(marked.search(rows[p.id]) for p in covered)
    assert [p.id for p in covered if badge.search(rows[p.id])] == [covered[-1].id]
    assert len(badge.findall(html)) == 1


def test_every_span_is_badged_once(corpus):
    report, html = corpus
    for k, finding in enumerate(report.findings):
        sides = [s for s in (finding.source_span, finding.target_span) if s]
        assert len(re.findall(rf'<sup [^>]*data-ids="f{k}"', html)) == len(sides)


def test_fix_spans_count_utf16_units_after_an_emoji(tmp_path):
    source = "Die Firma äußerte sich 🎉 am Montag.\r\nDer Verlust betrug 4,2 Milliarden Euro im ersten Quartal.\r\n"
    target = "The company 🎉 commented on Monday.\r\nThe loss was 4,2 billion euros in the first quarter.\r\n"
    (tmp_path / "de.txt").write_bytes(b"\xef\xbb\xbf" + source.encode("utf-8"))
    (tmp_path / "en.txt").write_bytes(b"\xef\xbb\xbf" + target.encode("utf-8"))
    report = check_files(tmp_path / "de.txt", tmp_path / "en.txt", Config(mt=False))
    finding = next(f for f in report.findings if f.fix)
    item = page_data(render_html(report))["findings"][report.findings.index(finding)]
    start, end = finding.target_span
    assert item["span"] == [start + 1, end + 1]  # the emoji is two UTF-16 units
    units = target.encode("utf-16-le")
    assert units[2 * item["span"][0]:2 * item["span"][1]].decode("utf-16-le") == "4,2"
    assert (item["fix"], item["suggestion"]) == ("safe", "4.2")
    assert page_data(render_html(report))["target"]["bom"] is True


def test_utf16_offsets():
    offsets = Utf16Offsets("a😀b𝄞c")
    assert [offsets(k) for k in range(6)] == [0, 1, 3, 4, 6, 7]


def test_findings_without_a_literal_fix_offer_none(corpus):
    report, html = corpus
    for item, finding in zip(page_data(html)["findings"], report.findings):
        literal = finding.target_span and finding.suggestion is not None and editable(report)
        assert item["fix"] == (finding.fix if literal else None)
        assert (item["span"] is None) == (finding.target_span is None)


def test_deletion_is_shown_as_delete():
    report = corpus_report("web-spyware")
    deletion = next(f for f in report.findings if f.suggestion == "")
    words = " ".join(report.target.text[slice(*deletion.target_span)].split())
    assert suggestion_text(report, deletion) == f"delete “{words}”"
    assert f"→ delete “{words}”" in render_html(report)


def test_readable_data():
    rows = dict(readable_data({
        "sentences": ["p7.s1", "p7.s2"], "bead": "1-0", "aligned": False, "coverage": 0.25,
        "termbase": "/home/someone/work/terms.csv", "expected": ["Prime Minister", "PM"],
        "also": [{"code": "NAM03", "message": "'Kayem' — elsewhere spelled 'Kayyem'"}],
        "spellings": {"Kayyem": 3, "Kayem": 1}, "odd_key": "C:\\Users\\x\\lexicon.tsv"}))
    assert rows == {"Has a source sentence": "no", "Dictionary coverage": "0.25",
                    "Termbase": "terms.csv", "Expected": "Prime Minister, PM",
                    "Also found": "NAM03: 'Kayem' — elsewhere spelled 'Kayyem'",
                    "Spellings (times used)": "Kayyem: 3, Kayem: 1", "Odd key": "lexicon.tsv"}
    assert base_name("a/b\\c.txt") == "c.txt" and base_name("plain.txt") == "plain.txt"


def test_charts_are_svg_geometry_with_no_inline_styles(corpus):
    report, html = corpus
    assert not re.search(r"\sstyle\s*=", html, re.I)  # the CSP would drop inline styles
    widths = [float(w) for w in re.findall(r'<rect class="bar-fill sev-\w+" [^>]*width="([\d.]+)"', html)]
    counts = [n for n in report.by_severity().values() if n]
    assert len(widths) == len(counts)
    assert max(widths) == 100.0
    for (w1, n1), (w2, n2) in zip(zip(widths, counts), list(zip(widths, counts))[1:]):
        assert (w1 < w2) == (n1 < n2) and (w1 == w2) == (n1 == n2)


def test_severity_is_told_by_words(corpus):
    report, html = corpus
    labels = re.findall(r'<span class="badge sev-(\w+)">([^<]*)</span>', html)
    assert len(labels) == len(report.findings)
    assert all(word == severity for severity, word in labels)


def test_passing_report_says_no_findings_and_draws_no_charts():
    report = corpus_report("france-politics")
    passing = replace(report, findings=(), score=100.0,
                      gate=decide_gate((), 100.0, Config()))
    html = render_html(passing)
    assert 'id="no-findings"' in html and "No findings" in html
    assert "<figure" not in html and "<svg" not in html
    assert page_data(html)["findings"] == []


def test_baseline_acceptances_are_embedded_and_shown(tmp_path):
    report = corpus_report("france-politics")
    accepted = [f for f in report.findings if report.gate.blocks(f)][:2]
    entries = baseline.entries_for(accepted, report.source, report.target,
                                   reason="house style", by="Ed Itor", when="2030-01-02")
    path = tmp_path / "qa-baseline.json"
    path.write_text(baseline.render(entries), encoding="utf-8")
    with_baseline = corpus_report("france-politics", baseline=str(path))
    html = render_html(with_baseline)
    items = page_data(html)["findings"]
    fingerprints = {f.fingerprint for f in accepted}
    for item in items:
        if item["entry"]["fingerprint"] in fingerprints:
            assert item["accepted"] == {"reason": "house style", "by": "Ed Itor", "date": "2030-01-02"}
            assert item["blocks_when_open"] is True and item["blocking"] is False
        else:
            assert item["accepted"] is None
    assert len(re.findall(r'<li [^>]*data-status="accepted"', html)) == 2
    assert "Accepted by the baseline: “house style” — Ed Itor, 2030-01-02" in html
    assert 'Baseline <span class="path">qa-baseline.json</span>: 2 findings accepted' in html
    assert str(tmp_path) not in html


def test_document_hash_is_sha256_of_both_texts():
    report = corpus_report("business-windpower")
    digest = hashlib.sha256()
    for text in (report.source.text, report.target.text):
        data = text.encode("utf-8")
        digest.update(len(data).to_bytes(8, "big") + data)
    assert document_hash(report) == digest.hexdigest()


def test_script_data_cannot_close_its_element(tmp_path):
    source = "Die Regierung legte den Haushalt vor."
    target = "The government presented the budget </script><script>alert(1)</script> & more."
    from qa.runner import check_documents

    html = render_html(check_documents(source, target, Config(mt=False)))
    data_block = html.split('id="report-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data_block and ">" not in data_block and "&" not in data_block
    assert page_data(html)["target"]["text"] == target


def test_no_machine_paths_in_the_page_data(corpus):
    report, html = corpus
    assert str(CORPORA.resolve()) not in json.dumps(page_data(html), ensure_ascii=False)


def test_extracted_text_offers_no_fix_to_apply():
    """HTML and DOCX translations are read as extracted prose: its offsets are not the
    file's, so the page must not write a "corrected" file from it."""
    origin_type = getattr(model, "Origin", None)
    if origin_type is None:
        pytest.skip("this qa has no extracted-text documents")
    report = corpus_report("france-politics")
    extracted = replace(report, target=replace(report.target, origin=origin_type(anchors=((0, 0),))))
    data = page_data(render_html(extracted))
    assert data["target"]["editable"] is False and data["target"]["text"] == ""
    assert all(item["fix"] is None for item in data["findings"])
    assert any(item["suggestion"] for item in data["findings"])  # still shown, and copyable
