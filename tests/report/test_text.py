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


def test_escape_sequences_of_a_translation_never_reach_the_terminal_ci_log_or_xml():
    from xml.etree import ElementTree

    from qa.report import render_github, render_junit

    source = "Die Regierung legte am Montag den Haushalt vor.\n\nDie Opposition kritisierte ihn scharf."
    target = ("The government presented the budget on Monday.\n\nThe opposition sharply "
              "criticised it.\n\nWeather \x1b]0;pwned\x07 in Bavaria will stay\x1b[2K\x1b[1A warm "
              "for 3 more days, forecasters said on Tuesday.")
    report = check_documents(source, target, Config(mt=False))
    assert any("\x1b" in f.message for f in report.findings)  # a message quotes them
    for output in (render_text(report), render_github(report), render_junit(report)):
        assert "\x1b" not in output and "\x07" not in output
    ElementTree.fromstring(render_junit(report).split("\n", 1)[1])  # well-formed
