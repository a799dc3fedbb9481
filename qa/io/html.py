"""HTML loader: an article's prose as plain text, every character mapped back to the file.

Checks read sentence text, so they must not see tags or entities (an ``<a>`` would be a
leftover-markup finding, ``&amp;`` a misspelling). The loader extracts the article's text
blocks — ``h1``–``h6`` as headings, ``p``, ``blockquote``, ``figcaption``, table cells and
definition terms as text, ``li`` as list items — with inline tags dropped, entities
decoded and whitespace runs collapsed to one space, as a browser shows them. Text that
sits directly in another block-level element (a ``div`` with a share button, a
newsletter box, an image credit) becomes a block of its own, so that page furniture
inside the article is still reported by the artefact checks.

What is read: with an ``<article>`` or ``<main>`` in the page, only them (and any
``h1`` outside them, which usually carries the headline); without, the whole body less
``header``, ``footer`` and ``aside``. Never read: ``nav``, the ``head``, scripts, styles,
``noscript``, ``template``, embedded SVG/MathML, form controls, media fallbacks and
``pre`` (code, like code blocks in Markdown).

The standard library's tokenizer is used rather than lxml's tree builder because it
reports where each tag, entity and piece of text starts in the file; lxml gives only
line numbers. Implied end tags (``<p>`` ended by the next block, ``<li>`` by the next
item) are closed as browsers do. The file is read as UTF-8 (a BOM is allowed); a page
declaring another charset is refused with one line naming it.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from qa.errors import InputError
from qa.io.base import ExtractedText, LoadedText, decode, line_starts_of, newline_of

HEADINGS = {f"h{n}": "heading" for n in range(1, 7)}
#: elements whose text is one block, and the block's kind
BLOCK_KINDS = {
    **HEADINGS,
    **dict.fromkeys(("p", "blockquote", "figcaption", "td", "th", "dd", "dt", "caption",
                     "address", "summary", "legend"), "text"),
    "li": "list",
}
#: block-level elements without a kind of their own: their start and end end a block
CONTAINERS = frozenset((
    "html", "body", "div", "section", "article", "main", "header", "footer", "aside",
    "nav", "figure", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "form",
    "fieldset", "details", "hgroup", "menu", "center", "button", "hr", "dialog", "search",
))
BOUNDARIES = frozenset(BLOCK_KINDS) | CONTAINERS
#: never prose: their text is not read wherever they are
SKIPPED = frozenset((
    "head", "title", "script", "style", "noscript", "template", "svg", "math", "iframe",
    "object", "embed", "select", "option", "textarea", "canvas", "audio", "video", "pre",
    "nav",
))
#: the article itself: when the page has one, only its text is read
ROOTS = frozenset(("article", "main"))
#: page chrome, skipped when outside an article (when there is none, always)
CHROME = frozenset(("header", "footer", "aside"))
#: read wherever it is (outside the article or in the page header): the headline
HEADLINE = "h1"
VOID = frozenset(("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr"))
#: a start tag closes the nearest open element of the first set, unless an element of
#: the second set (its container) comes first: ``<li>`` ends the previous item
IMPLIED_ENDS = {
    "li": ({"li"}, {"ul", "ol", "menu"}),
    "dt": ({"dt", "dd"}, {"dl"}),
    "dd": ({"dt", "dd"}, {"dl"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "tr": ({"tr"}, {"table", "thead", "tbody", "tfoot"}),
    "thead": ({"thead", "tbody", "tfoot"}, {"table"}),
    "tbody": ({"thead", "tbody", "tfoot"}, {"table"}),
    "tfoot": ({"thead", "tbody", "tfoot"}, {"table"}),
}
#: whitespace a browser collapses (a no-break space is a character, not whitespace)
COLLAPSIBLE = " \t\n\r\f"
CHARSET_RE = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
CHARSET_SNIFF_BYTES = 4096
UTF8_NAMES = {"utf-8", "utf8"}


def decode_html(data: bytes, name: str) -> tuple[str, bool]:
    """Decode an HTML file as UTF-8 (see :func:`qa.io.base.decode`); a page that cannot
    be read as UTF-8 and declares another charset is refused naming that charset."""
    try:
        return decode(data, name)
    except InputError:
        declared = CHARSET_RE.search(data[:CHARSET_SNIFF_BYTES])
        charset = declared.group(1).decode("ascii", "replace") if declared else None
        if charset and charset.lower() not in UTF8_NAMES:
            raise InputError(f"{name}: declares charset {charset}; qa reads HTML as UTF-8 "
                             "only — re-save it as UTF-8") from None
        raise


def load_html(text: str, name: str = "") -> LoadedText:
    """Extract the article's prose from HTML ``text`` (see the module docstring)."""
    starts = line_starts_of(text)
    tokens = _tokenize(text, starts)
    has_root = any(kind == "start" and value in ROOTS for kind, value, _, _ in tokens)
    reader = _BlockReader(has_root)
    for token in tokens:
        reader.read(*token)
    reader.close_block()
    return reader.out.loaded("html", newline_of(text), starts)


def _local(tag: str) -> str:
    """The tag name without an XML namespace prefix (``xhtml:p`` → ``p``)."""
    return tag.rpartition(":")[2]


class _Tokenizer(HTMLParser):
    """Tags, text and entities in file order, each with its file offset.

    Tokens are ``(kind, value, offset, length)``: ``start``/``end`` with the tag name,
    ``text`` with the characters as written, ``entity`` with the decoded characters and
    the length of the reference in the file.
    """

    def __init__(self, text: str, line_starts: tuple[int, ...]):
        super().__init__(convert_charrefs=False)
        self.source = text
        self.line_starts = line_starts
        self.tokens: list[tuple[str, str, int, int]] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        self.tokens.append(("start", _local(tag), self._offset(), 0))

    def handle_startendtag(self, tag, attrs):
        tag, offset = _local(tag), self._offset()
        self.tokens.append(("start", tag, offset, 0))
        if tag not in VOID:
            self.tokens.append(("end", tag, offset, 0))

    def handle_endtag(self, tag):
        self.tokens.append(("end", _local(tag), self._offset(), 0))

    def handle_data(self, data):
        self.tokens.append(("text", data, self._offset(), len(data)))

    def handle_entityref(self, name):
        self._reference("&" + name)

    def handle_charref(self, name):
        self._reference("&#" + name)

    def _reference(self, raw: str) -> None:
        offset = self._offset()
        if self.source.startswith(";", offset + len(raw)):
            raw += ";"
        decoded = html.unescape(raw)
        if decoded == raw:  # not a known entity: the characters as written
            self.tokens.append(("text", raw, offset, len(raw)))
        else:
            self.tokens.append(("entity", decoded, offset, len(raw)))


def _tokenize(text: str, line_starts: tuple[int, ...]) -> list[tuple[str, str, int, int]]:
    tokenizer = _Tokenizer(text, line_starts)
    tokenizer.feed(text)
    tokenizer.close()
    return tokenizer.tokens


class _BlockReader:
    """Turns the token stream into blocks of the extracted text.

    Keeps the stack of open elements (to know what is skipped, whether the text is in
    the article, and the kind of the block) and the open block's characters with their
    file offsets; whitespace runs become one space at the run's first offset.
    """

    def __init__(self, has_root: bool):
        self.has_root = has_root
        self.stack: list[str] = []
        self.out = ExtractedText()
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.kind = "text"
        self.space_at: int | None = None  # offset of a pending collapsed space

    def read(self, kind: str, value: str, offset: int, length: int) -> None:
        if kind == "start":
            self._start(value, offset)
        elif kind == "end":
            self._end(value)
        elif self._reading():
            # an entity's characters all come from the reference's offset
            offsets = range(offset, offset + length) if kind == "text" else [offset] * len(value)
            self._text(value, offsets)

    def _reading(self) -> bool:
        stack = self.stack
        if any(tag in SKIPPED for tag in stack):
            return False
        if HEADLINE in stack:
            return True
        if self.has_root:
            return any(tag in ROOTS for tag in stack)
        return not any(tag in CHROME for tag in stack)

    def _start(self, tag: str, offset: int) -> None:
        if tag in BOUNDARIES:
            self.close_block()
            self._close_implied(tag)
        if tag == "br":
            if self.chars and self._reading():
                self.space_at = offset if self.space_at is None else self.space_at
            return
        if tag not in VOID:
            self.stack.append(tag)

    def _close_implied(self, tag: str) -> None:
        """Close what a browser closes before ``tag``: an open ``p`` (or heading, before a
        heading) when a block starts, and the previous item, cell or row."""
        inline_top = len(self.stack)
        while inline_top and self.stack[inline_top - 1] not in BOUNDARIES:
            inline_top -= 1
        top = self.stack[inline_top - 1] if inline_top else None
        if top == "p" or (top in HEADINGS and tag in HEADINGS):
            del self.stack[inline_top - 1:]
        targets, containers = IMPLIED_ENDS.get(tag, ((), ()))
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index] in containers:
                break
            if self.stack[index] in targets:
                del self.stack[index:]
                break

    def _end(self, tag: str) -> None:
        if tag in BOUNDARIES:
            self.close_block()
        if tag == "br":  # "</br>" is read as "<br>", as browsers do
            self._start("br", 0)
            return
        if tag in self.stack:
            del self.stack[len(self.stack) - 1 - self.stack[::-1].index(tag):]

    def _text(self, text: str, offsets) -> None:
        """Add characters read at ``offsets``, collapsing whitespace runs (across tags
        too) into one space at the run's first offset."""
        for char, offset in zip(text, offsets):
            if char in COLLAPSIBLE:
                if self.chars and self.space_at is None:
                    self.space_at = offset
                continue
            if not self.chars:
                self.kind = self._innermost_kind()
            elif self.space_at is not None:
                self.chars.append(" ")
                self.offsets.append(self.space_at)
            self.space_at = None
            self.chars.append(char)
            self.offsets.append(offset)

    def _innermost_kind(self) -> str:
        return next((BLOCK_KINDS[tag] for tag in reversed(self.stack) if tag in BLOCK_KINDS),
                    "text")

    def close_block(self) -> None:
        """End the open block (trailing whitespace dropped) and add it to the text."""
        if self.chars:
            self.out.add_block("".join(self.chars), self.offsets, self.kind)
        self.chars, self.offsets, self.space_at = [], [], None
