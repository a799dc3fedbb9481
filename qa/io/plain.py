"""Plain-text loader: paragraphs are lines or blank-line-separated blocks.

News copy in ``.txt`` usually has one paragraph per line. A line break is read as a soft
wrap only when the line does not end a sentence and the next line starts in lower case.
Every character except whitespace belongs to a block, so sentence offsets cover the
whole prose of the file.
"""

from __future__ import annotations

import re

from qa.io.base import LoadedText, newline_of

LIST_ITEM_RE = re.compile(r"\s*(?:[-*•–—▪]|\d{1,3}[.)])\s+\S")
TERMINAL_RE = re.compile(r"[.!?…:;\"“”»«'’)]\s*$")


def iter_lines(text: str):
    """Yield ``(start, end)`` of each line's content (newline characters excluded)."""
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        content_end = end - 1 if end > pos and text[end - 1] == "\r" else end
        yield pos, content_end
        if nl == -1:
            break
        pos = nl + 1


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_heading(line: str) -> bool:
    return not TERMINAL_RE.search(line) and len(line.split()) <= 15


def load_plain(text: str) -> LoadedText:
    blocks: list[tuple[int, int, str]] = []
    current: list[tuple[int, int]] = []  # trimmed lines of the open block
    kind = "text"

    def close() -> None:
        nonlocal current, kind
        if current:
            start, end = current[0][0], current[-1][1]
            if kind == "text" and len(current) == 1 and _is_heading(text[start:end]):
                kind = "heading"
            blocks.append((start, end, kind))
        current, kind = [], "text"

    for raw_start, raw_end in iter_lines(text):
        start, end = _trimmed(text, raw_start, raw_end)
        if start == end:
            close()
            continue
        line = text[start:end]
        if LIST_ITEM_RE.match(line):
            close()
            current, kind = [(start, end)], "list"
            continue
        if current:
            prev = text[current[-1][0]:current[-1][1]]
            soft_wrap = not TERMINAL_RE.search(prev) and (line[0].islower() or line[0] in ",;")
            if not soft_wrap:
                close()
        current.append((start, end))
    close()
    return LoadedText(text=text, format="txt", bom=False, newline=newline_of(text),
                      blocks=tuple(blocks))
