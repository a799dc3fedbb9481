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
    """Read a Markdown file's prose blocks and inline markup, line by line (see the module
    docstring for what counts as prose)."""
    reader = _BlockReader(text)
    for index, (start, end) in enumerate(iter_lines(text)):
        reader.read_line(index, start, end)
    reader.close()
    return LoadedText(text=text, format="md", bom=False, newline=newline_of(text),
                      blocks=tuple(reader.blocks), markup=tuple(sorted(set(reader.markup))))


class _BlockReader:
    """The block structure of a Markdown document, read one line at a time.

    Holds the open paragraph (its lines' content ranges, its kind, whether it is quoted)
    and whether the reader is inside front matter, a fenced code block or an HTML block;
    closed paragraphs become ``blocks``, their syntax ``markup``.
    """

    def __init__(self, text: str):
        self.text = text
        self.blocks: list[tuple[int, int, str]] = []
        self.markup: list[tuple[int, int]] = []
        self.para: list[tuple[int, int]] = []  # content ranges of the open paragraph's lines
        self.para_kind = "text"
        self.para_quoted = False
        self.fence: str | None = None
        self.in_html = False
        self.in_front_matter = False

    def close(self) -> None:
        """End the open paragraph: record it as a block, the line prefixes between its
        lines ("> ") and its inline syntax as markup."""
        para, text = self.para, self.text
        if para:
            start, end = para[0][0], para[-1][1]
            self.blocks.append((start, end, self.para_kind))
            # Line prefixes between the paragraph's lines ("> ") are syntax, not prose.
            for (_, prev_end), (next_start, _) in zip(para, para[1:]):
                gap = text[prev_end:next_start]
                for m in re.finditer(r"\S+", gap):
                    self.markup.append((prev_end + m.start(), prev_end + m.end()))
            self.markup.extend(_inline_markup(text, start, end))
        self.para, self.para_kind = [], "text"

    def add(self, start: int, end: int, kind: str, *, new: bool) -> None:
        """Add a line's content (trimmed; nothing if blank) to the open paragraph, or
        with ``new`` start a paragraph of ``kind`` with it."""
        start, end = _trimmed(self.text, start, end)
        if start == end:
            return
        if new:
            self.close()
            self.para_kind = kind
        self.para.append((start, end))

    def read_line(self, index: int, ls: int, le: int) -> None:
        """Read the line ``text[ls:le]`` (the ``index``-th of the file)."""
        line = self.text[ls:le]
        if self._inside_other_block(index, line):
            return
        if self._block_syntax(line, ls, le):
            return
        self._prose(ls, le)

    def _inside_other_block(self, index: int, line: str) -> bool:
        """Whether the line belongs to front matter, a fenced code block or an HTML block
        (none of them prose); tracks where each of them ends."""
        if index == 0 and line.strip() == "---":
            self.in_front_matter = True
            return True
        if self.in_front_matter:
            if line.strip() in {"---", "..."}:
                self.in_front_matter = False
            return True
        if self.fence is not None:
            if line.strip().startswith(self.fence):
                self.fence = None
            return True
        if self.in_html:
            if not line.strip() or "-->" in line:
                self.in_html = False
            return True
        return False

    def _block_syntax(self, line: str, ls: int, le: int) -> bool:
        """Handle a line that is block syntax rather than paragraph text: a code fence, a
        blank line, the start of an HTML block, indented code, a link reference
        definition, a setext underline, a thematic break or an ATX heading (whose text
        is a block of its own). False for any other line."""
        fence = FENCE_RE.match(line)
        if fence:
            self.close()
            self.fence = fence.group(1)[0] * 3
            return True
        if not line.strip():
            self.close()
            return True
        if HTML_BLOCK_RE.match(line) and not self.para:
            # An HTML block runs to the next blank line; a comment runs to its "-->".
            self.in_html = "-->" not in line if line.lstrip().startswith("<!--") else True
            return True
        if not self.para and (line.startswith("    ") or line.startswith("\t")):
            return True  # indented code block
        if REFDEF_RE.match(line) and not self.para:
            return True
        if SETEXT_RE.match(line) and self.para and self.para_kind == "text":
            self.para_kind = "heading"
            self.close()
            return True
        if HR_RE.match(line):
            self.close()
            return True
        m = ATX_RE.match(line)
        if m:
            content_end = le
            close_m = ATX_CLOSE_RE.search(line)
            if close_m:
                content_end = ls + close_m.start()
            self.add(ls + m.end(), content_end, "heading", new=True)
            self.close()
            return True
        return False

    def _prose(self, ls: int, le: int) -> None:
        """A line of prose after its block-quote markers: a list item, a table row (each
        cell a block) or a paragraph line. A paragraph ends where a quote starts or ends."""
        text = self.text
        offset = self._quote_end(ls, le)
        rest = text[offset:le]
        quoted = offset != ls
        if self.para and quoted != self.para_quoted:
            self.close()  # a block quote starts or ends: a new paragraph either way
        self.para_quoted = quoted
        m = LIST_RE.match(rest)
        if m:
            self.add(offset + m.end(), le, "list", new=True)
            return
        if "|" in rest and rest.strip().startswith("|"):
            self.close()
            if TABLE_SEP_RE.match(rest):
                return
            for piece in re.finditer(r"[^|]+", rest):
                self.add(offset + piece.start(), offset + piece.end(), "text", new=True)
                self.close()
            return
        self.add(offset, le, self.para_kind if self.para else "text", new=not self.para)

    def _quote_end(self, ls: int, le: int) -> int:
        """Where the line's text starts after its block-quote markers (``>``, ``> >``)."""
        offset = ls
        quote = QUOTE_RE.match(self.text, ls, le)
        while quote:
            offset = quote.end()
            quote = QUOTE_RE.match(self.text, offset, le) if offset < le else None
        return offset
