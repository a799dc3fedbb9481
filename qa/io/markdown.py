"""Markdown loader: prose blocks without Markdown syntax, offsets into the original file.

Headings, list items, block quotes, tables and paragraphs become prose blocks; fenced and
indented code, front matter, HTML blocks, link reference definitions and thematic breaks
are not prose. Inline syntax inside prose (emphasis markers, link targets, inline code,
images, HTML tags) is recorded as ``markup`` so that checks and the sentence splitter do
not read it as words, while every offset still points into the file as written.
"""

from __future__ import annotations

import re

from qa.io.base import LoadedText, newline_of
from qa.io.plain import _trimmed, iter_lines

FENCE_RE = re.compile(r" {0,3}(`{3,}|~{3,})")
ATX_RE = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
ATX_CLOSE_RE = re.compile(r"[ \t]+#+[ \t]*$")
SETEXT_RE = re.compile(r" {0,3}(=+|-+)[ \t]*$")
HR_RE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
QUOTE_RE = re.compile(r" {0,3}>[ \t]?")
LIST_RE = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
REFDEF_RE = re.compile(r" {0,3}\[[^\]]+\]:\s*\S")
HTML_BLOCK_RE = re.compile(r" {0,3}<(?:!--|/?[A-Za-z][\w-]*(?:\s|/?>|$))")
TABLE_SEP_RE = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")

INLINE_MARKUP_RES = (
    re.compile(r"`+[^`\n]*?`+"),                          # inline code, whole
    re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"),                # image, whole
    re.compile(r"<(?:https?://|mailto:)[^>\s]+>"),          # autolink
    re.compile(r"<!--.*?-->", re.S),                         # inline comment
    re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>"),        # inline HTML tag
    re.compile(r"\]\([^)\n]*\)"),                            # link target "](url)"
    re.compile(r"\]\[[^\]\n]*\]"),                           # reference link "][ref]"
    re.compile(r"\[(?=[^\]\n]*\](?:\(|\[))"),                # link text opener "["
    re.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)"),       # emphasis markers
    re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|])"),             # backslash escape
)


def _inline_markup(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Markup ranges inside ``text[start:end]``, non-overlapping, in order."""
    taken: list[tuple[int, int]] = []
    segment = text[start:end]
    for pattern in INLINE_MARKUP_RES:
        for m in pattern.finditer(segment):
            s, e = start + m.start(), start + m.end()
            if s == e or any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
    return sorted(taken)


def load_markdown(text: str) -> LoadedText:
    blocks: list[tuple[int, int, str]] = []
    markup: list[tuple[int, int]] = []
    para: list[tuple[int, int]] = []  # content ranges of the open paragraph's lines
    para_kind = "text"
    fence: str | None = None
    in_html = False
    in_front_matter = False
    para_quoted = False
    lines = list(iter_lines(text))

    def close() -> None:
        nonlocal para, para_kind
        if para:
            start, end = para[0][0], para[-1][1]
            blocks.append((start, end, para_kind))
            # Line prefixes between the paragraph's lines ("> ") are syntax, not prose.
            for (_, prev_end), (next_start, _) in zip(para, para[1:]):
                gap = text[prev_end:next_start]
                for m in re.finditer(r"\S+", gap):
                    markup.append((prev_end + m.start(), prev_end + m.end()))
            markup.extend(_inline_markup(text, start, end))
        para, para_kind = [], "text"

    def add(start: int, end: int, kind: str, *, new: bool) -> None:
        nonlocal para_kind
        start, end = _trimmed(text, start, end)
        if start == end:
            return
        if new:
            close()
            para_kind = kind
        para.append((start, end))

    for index, (ls, le) in enumerate(lines):
        line = text[ls:le]
        if index == 0 and line.strip() == "---":
            in_front_matter = True
            continue
        if in_front_matter:
            if line.strip() in {"---", "..."}:
                in_front_matter = False
            continue
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        if in_html:
            if not line.strip() or "-->" in line:
                in_html = False
            continue
        m = FENCE_RE.match(line)
        if m:
            close()
            fence = m.group(1)[0] * 3
            continue
        if not line.strip():
            close()
            continue
        if HTML_BLOCK_RE.match(line) and not para:
            # An HTML block runs to the next blank line; a comment runs to its "-->".
            in_html = "-->" not in line if line.lstrip().startswith("<!--") else True
            continue
        if not para and (line.startswith("    ") or line.startswith("\t")):
            continue  # indented code block
        if REFDEF_RE.match(line) and not para:
            continue
        m = SETEXT_RE.match(line)
        if m and para and para_kind == "text":
            para_kind = "heading"
            close()
            continue
        if HR_RE.match(line):
            close()
            continue
        m = ATX_RE.match(line)
        if m:
            content_end = le
            close_m = ATX_CLOSE_RE.search(line)
            if close_m:
                content_end = ls + close_m.start()
            add(ls + m.end(), content_end, "heading", new=True)
            close()
            continue
        offset = ls
        quote = QUOTE_RE.match(line)
        while quote:
            offset += quote.end()
            quote = QUOTE_RE.match(text, offset, le) if offset < le else None
            if quote and quote.start() != offset:
                quote = None
        rest = text[offset:le]
        quoted = offset != ls
        if para and quoted != para_quoted:
            close()  # a block quote starts or ends: a new paragraph either way
        para_quoted = quoted
        m = LIST_RE.match(rest)
        if m:
            add(offset + m.end(), le, "list", new=True)
            continue
        if "|" in rest and rest.strip().startswith("|"):
            close()
            if TABLE_SEP_RE.match(rest):
                continue
            for piece in re.finditer(r"[^|]+", rest):
                add(offset + piece.start(), offset + piece.end(), "text", new=True)
                close()
            continue
        add(offset, le, para_kind if para else "text", new=not para)
    close()
    return LoadedText(text=text, format="md", bom=False, newline=newline_of(text),
                      blocks=tuple(blocks), markup=tuple(sorted(set(markup))))
