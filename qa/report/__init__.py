"""Reporters: one renderer per output format, each turning one Report into a string."""

from __future__ import annotations

from typing import Callable

from qa.model import Report
from qa.report.json_report import render_json, report_to_dict
from qa.report.text import render_text

RENDERERS: dict[str, Callable[[Report], str]] = {
    "text": render_text,
    "json": render_json,
}

__all__ = ["RENDERERS", "render_json", "render_text", "report_to_dict"]
