"""Sentence-boundary scoring (qa.evaluation.segmentation) on paragraphs and a miniature of
the WMT21/22 layout written here (the real test sets stay outside the repository)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qa.evaluation import segmentation
from qa.evaluation.wmt import SENTENCE_SETS

GERMAN = ["Der Zug kam um acht Uhr an.", "Die Fahrgäste stiegen aus.",
          "Er traf Dr. Weber am Bahnhof.", "Dann fuhren beide weiter."]
ENGLISH = ["The train arrived at eight.", "The passengers got off.",
           "He met Dr. Weber at the station.", "Then both drove on."]


def _naive_starts(text: str, lang: str) -> set[int]:
    """A splitter that breaks after every period and a space (abbreviations included)."""
    return {m.end() for m in re.finditer(r"\. ", text)}


@pytest.fixture()
def data(tmp_path) -> Path:
    src, ref = SENTENCE_SETS[0]  # WMT21 news only
    for rel, lines in ((src, GERMAN), (ref, ENGLISH)):
        path = tmp_path / rel
        path.parent.mkdir(parents=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_paragraph_sizes_cycle_through_three_to_six_lines():
    lines = [f"Satz Nummer {k}." for k in range(20)]
    groups, closed = segmentation.paragraphs(lines)
    assert [len(g) for g in groups] == [3, 4, 5, 6, 2]
    assert [line for g in groups for line in g] == lines and not closed


def test_a_line_without_final_punctuation_or_before_a_lower_case_line_closes_its_paragraph():
    lines = ["Überschrift ohne Punkt", "Ein Satz.", "Er endet nach ca.", "zwei Wochen.",
             "„Zitat am Ende.“", "Noch ein Satz.", "  ", "Der letzte Satz."]
    groups, closed = segmentation.paragraphs(lines)
    assert groups == [["Überschrift ohne Punkt"], ["Ein Satz.", "Er endet nach ca."],
                      ["zwei Wochen.", "„Zitat am Ende.“", "Noch ein Satz.", "Der letzte Satz."]]
    assert closed == {"no final punctuation": 1, "next line starts in lower case": 1}


def test_gold_boundaries_are_where_the_second_and_later_lines_start():
    text, starts = segmentation.gold_starts(["Ab.", "Cde.", "F."])
    assert text == "Ab. Cde. F." and starts == {4, 9}
    assert text[4] == "C" and text[9] == "F"


def test_measure_counts_spurious_and_missed_boundaries():
    texts = [segmentation.gold_starts(GERMAN[:3]), segmentation.gold_starts(["Kein.", "Fehler."])]
    result, predicted = segmentation.measure(texts, "de", _naive_starts)
    # "Dr. Weber" is a spurious split; no line end is missed
    assert (result["tp"], result["fp"], result["fn"]) == (3, 1, 0)
    assert result["precision"] == pytest.approx(75.0) and result["recall"] == 100.0
    assert result["f1"] == pytest.approx(2 * 75 * 100 / 175)
    assert result["sentences"] == 5 and result["per_second"] > 0
    assert predicted[1] == {6}
    missing, _ = segmentation.measure(texts, "de", lambda text, lang: set())
    assert (missing["tp"], missing["fp"], missing["fn"]) == (0, 0, 3)
    assert missing["precision"] == 100.0 and missing["recall"] == 0.0 and missing["f1"] == 0.0


def test_pooled_results_are_recomputed_from_the_counts_not_averaged():
    a = {"tp": 9, "fp": 1, "fn": 0, "sentences": 10, "seconds": 1.0}
    b = {"tp": 1, "fp": 1, "fn": 0, "sentences": 2, "seconds": 1.0}
    total = segmentation.pooled([a, b])
    assert (total["tp"], total["fp"], total["sentences"]) == (10, 2, 12)
    assert total["precision"] == pytest.approx(100 * 10 / 12)  # averaging would give 70
    assert total["per_second"] == pytest.approx(6.0)


@pytest.mark.parametrize("lang, text", [("de", " ".join(GERMAN)), ("en", " ".join(ENGLISH))])
def test_qa_and_pysbd_report_sentence_starts_as_offsets(lang, text):
    expected = segmentation.gold_starts(GERMAN if lang == "de" else ENGLISH)[1]
    assert segmentation.qa_starts(text, lang) == expected
    found = segmentation.pysbd_starts(text, lang)
    assert found <= {m.end() for m in re.finditer(r"[.!?] ", text)} and len(found) >= 2


def test_evaluate_scores_each_language_over_the_wmt_files(data):
    result = segmentation.evaluate(data)
    assert result["peer"].startswith("pysbd ")
    assert [row["language"] for row in result["languages"]] == ["de", "en"]
    for row in result["languages"]:
        assert row["datasets"] == ["wmt21-news-deen"]
        assert (row["lines"], row["paragraphs"], row["boundaries"]) == (4, 2, 2)
        qa = row["qa"]
        assert (qa["tp"], qa["fp"], qa["fn"], qa["f1"]) == (2, 0, 0, 100.0)
        assert qa["sentences"] == 4 and qa["sentences_per_second"] > 0
        assert row["pysbd"]["sentences"] == 4
        assert row["pysbd"]["tp"] + row["pysbd"]["fn"] == 2


def test_evaluate_scores_the_splitter_it_is_given_and_leaves_a_missing_peer_out(data, monkeypatch):
    monkeypatch.setattr(segmentation, "splitters", lambda: {"qa": _naive_starts})
    result = segmentation.evaluate(data, limit=3)
    assert result["peer"] is None
    for row in result["languages"]:
        assert row["pysbd"] is None and (row["lines"], row["boundaries"]) == (3, 2)
        figures = row["qa"]
        assert (figures["tp"], figures["fp"], figures["fn"]) == (2, 1, 0)  # "Dr. | Weber"
        assert (figures["precision"], figures["recall"], figures["f1"]) == (66.67, 100.0, 80.0)


def test_evaluate_without_wmt_sentence_files_gives_nothing(tmp_path):
    assert segmentation.evaluate(tmp_path) == {}
