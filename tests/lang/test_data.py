"""qa's word-list files (qa.lang.data): one format rule, read once."""

from __future__ import annotations

from qa.lang import data


def test_comments_and_blank_lines_are_not_entries():
    for name in ("exonyms.tsv", "demonyms.tsv", "german_in_english.txt"):
        assert all(line.strip() and not line.startswith("#") for line in data.lines(name))


def test_rows_are_stripped_tab_separated_cells_and_variants_split_on_bars():
    assert all(len(row) >= 2 and all(c == c.strip() for c in row)
               for row in data.rows("exonyms.tsv"))
    assert data.variants(" Munich | | Muenchen ") == ("Munich", "Muenchen")


def test_the_run_signature_records_the_word_lists():
    from qa.lang.lexis import Lexis

    assert len(data.signature()) == 8
    assert f"data-{data.signature()}" in Lexis().signature()
