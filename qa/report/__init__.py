"""Reporters: one renderer per output format, each turning one Report into a string."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Callable

from qa.model import Report

#: each format's renderer, imported when first used: a run renders one or two formats,
#: and importing all of them (XML writers, the HTML template) cost ~80 ms of start-up
_RENDERER_AT = {
    "text": ("qa.report.text", "render_text"),
    "json": ("qa.report.json_report", "render_json"),
    "sarif": ("qa.report.sarif", "render_sarif"),
    "junit": ("qa.report.junit", "render_junit"),
    "github": ("qa.report.github", "render_github"),
    "html": ("qa.report.html", "render_html"),
    "xliff": ("qa.report.its", "render_its_xliff"),
}
_FUNCTIONS = {function: module for module, function in _RENDERER_AT.values()}
_FUNCTIONS["report_to_dict"] = "qa.report.json_report"


def _load(module: str, function: str) -> Callable:
    from importlib import import_module

    return getattr(import_module(module), function)


class _Renderers(Mapping):
    """Format name → renderer (``Report`` → text), importing each on first use."""

    def __getitem__(self, fmt: str) -> Callable[[Report], str]:
        return _load(*_RENDERER_AT[fmt])

    def __iter__(self) -> Iterator[str]:
        return iter(_RENDERER_AT)

    def __len__(self) -> int:
        return len(_RENDERER_AT)


RENDERERS: Mapping[str, Callable[[Report], str]] = _Renderers()


def __getattr__(name: str):
    """``from qa.report import render_html`` and the like, imported on first use."""
    if name in _FUNCTIONS:
        return _load(_FUNCTIONS[name], name)
    raise AttributeError(f"module 'qa.report' has no attribute {name!r}")


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
        return RENDERERS["text"](report, show_accepted=show_accepted, quiet=quiet)
    return RENDERERS[fmt](report)


def render_parts(report: Report, fmt: str, *, show_accepted: bool = False,
                 quiet: bool = False) -> Iterable[str]:
    """:func:`render` as parts to be written one after another (joined, the same text):
    the JSON report part by part (:func:`qa.report.json_report.json_parts`), the other
    formats whole."""
    if fmt == "json":
        from qa.report.json_report import json_parts

        return json_parts(report)
    return (render(report, fmt, show_accepted=show_accepted, quiet=quiet),)


__all__ = ["EXTENSIONS", "render", "render_parts", "FORMAT_OF_SUFFIX", "RENDERERS", "render_json", "render_text", "report_to_dict"]
