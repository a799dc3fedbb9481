"""Terminology suggestions that are applied as fixes must read right in place."""

from __future__ import annotations

from qa.config import Config
from qa.runner import check_documents


def test_a_forbidden_term_opening_a_sentence_is_replaced_by_a_capitalised_rendering(tmp_path):
    terms = tmp_path / "terms.csv"
    terms.write_text("de,en,forbidden\nSpähsoftware,spyware,spy software|Spy software\n",
                     encoding="utf-8")
    report = check_documents(
        "Spähsoftware auf dem Telefon. Sie fanden Spähsoftware. „Spähsoftware“, sagte er.",
        "Spy software on the phone. They found spy software. “Spy software,” he said.",
        Config(mt=False, select=("TRM02",), termbase=(str(terms),)))
    assert [f.suggestion for f in report.findings] == ["Spyware", "spyware", "Spyware"]
    assert all(f.fix == "safe" for f in report.findings)
