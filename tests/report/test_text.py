"""The linter-style text report."""

from __future__ import annotations

from qa.config import Config
from qa.runner import check_documents
from qa.report import render_text


def test_lines_point_at_the_right_file_line_and_column():
    source = "Titel\n\nErster Satz hier. Der zweite Satz fehlt in der Übersetzung völlig. Dritter Satz.\n"
    target = "Title\n\nFirst sentence here. Third sentence.\n"
    report = check_documents(source, target, Config(severity_policy="declared"))
    text = render_text(report)
    first = text.splitlines()[0]
    assert first.startswith("source.txt:3:19: major omission OMA01 ")
    assert text.rstrip().splitlines()[-1].startswith("1 finding (1 major) · score ")
    assert "gate failed" in text


def test_summary_of_a_clean_run():
    report = check_documents("Ein Satz.", "One sentence.")
    text = render_text(report)
    assert text.startswith("skipped TRM01, TRM02, TRM03: no termbase given (use --termbase FILE "
                           "or termbase = [...] in [tool.qa])\n")
    assert text.endswith("0 findings · score 100 · gate passed (--fail-on major)\n")
