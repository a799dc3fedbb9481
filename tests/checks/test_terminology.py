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


def test_the_candidate_indexes_miss_no_entry_a_full_scan_would_find(tmp_path):
    """A 100,000-entry termbase is searched through two indexes instead of entry by
    entry; they must never drop an entry that matches (compounds, short first tokens,
    plural and possessive endings, multi-word and hyphenated renderings)."""
    from qa.checks.terminology import _matches, _term_index
    from qa.termbase import load_termbase

    terms = tmp_path / "terms.csv"
    terms.write_text(
        "de,en,forbidden\n"
        "Rat,council,\n"
        "IG Metall,IG Metall,\n"
        "Élysée-Palast,Élysée Palace,Elysee Palace\n"
        "Spähsoftware,spyware,spy software|spy-ware\n"
        "Kind,child,kid\n", encoding="utf-8")
    index = _term_index((load_termbase(str(terms)),))
    german = ["Der Verteidigungsrat tagte.", "Die IG Metall streikt.", "Im Elysée-Palast.",
              "Spähsoftwares Ende.", "Kinder spielen."]
    english = ["The councils met.", "IG Metall's strike.", "At the Elysee Palace.",
               "The spy-ware's end; spy software", "The kids' toys."]
    for text in german:
        scanned = [n for n, (_, _, seqs, *_rest) in enumerate(index.entries)
                   if index.german_occurrences(text, seqs)]
        assert set(scanned) <= set(index.german_candidates(text)), text
    for text in english:
        scanned = [n for n, (_, _, _, allowed, forbidden, loose) in enumerate(index.entries)
                   if _matches([*allowed, *forbidden, *loose], text)]
        assert scanned and set(scanned) <= set(index.english_candidates(text)), text
