"""Reporters: one renderer per output format, each turning one Report into a string."""

from __future__ import annotations

from typing import Callable

from qa.model import Report
from qa.report.github import render_github
from qa.report.html import render_html
from qa.report.its import render_its_xliff
from qa.report.json_report import render_json, report_to_dict
from qa.report.junit import render_junit
from qa.report.sarif import render_sarif
from qa.report.text import render_text

RENDERERS: dict[str, Callable[[Report], str]] = {
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
    "junit": render_junit,
    "github": render_github,
    "html": render_html,
    "xliff": render_its_xliff,
}
#: the file ending of each format's report: one per format, so no two formats of one run
#: write one file (``--output-dir``, batch runs)
EXTENSIONS = {"text": "txt", "json": "json", "sarif": "sarif", "junit": "junit.xml",
              "github": "github.txt", "html": "html", "xliff": "its.xlf"}
#: the format an ``-o FILE`` name implies when no ``--format`` is given
FORMAT_OF_SUFFIX = {".txt": "text", ".json": "json", ".sarif": "sarif", ".xml": "junit",
                    ".html": "html", ".htm": "html", ".xlf": "xliff", ".xliff": "xliff",
                    ".sdlxliff": "xliff", ".mxliff": "xliff"}



def render(report: Report, fmt: str, *, show_accepted: bool = False, quiet: bool = False) -> str:
    """``report`` in format ``fmt``; the text format takes the command line's
    ``--show-accepted`` and ``-q`` (the other formats list everything)."""
    if fmt == "text":
        return render_text(report, show_accepted=show_accepted, quiet=quiet)
    return RENDERERS[fmt](report)


__all__ = ["EXTENSIONS", "render", "FORMAT_OF_SUFFIX", "RENDERERS", "render_json", "render_text", "report_to_dict"]
