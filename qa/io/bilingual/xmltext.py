"""The XML underneath XLIFF and TMX: safe streaming parse, and segment text located in the file.

lxml parses (it is the judge of well-formedness, and it streams: :func:`iterparse`),
but it reports only line numbers, while a finding must point at the exact character.
So the file is also decoded here (:func:`decode`), and a forward-only
:class:`ContentCursor` walks the raw text of each unit lxml has finished: it pairs every
start tag it reads with the next element of the unit in document order (so it can never
mistake a tag inside a comment or CDATA section for a real one) and, inside the elements
a reader asks for, turns the raw content into plain text, anchors and :class:`Tag` s.
Each character of the file is read once by the cursor, so a file of any length costs
time in proportion and memory for the decoded text only (lxml's tree is cleared unit by
unit by the readers).

What the text is, per inline element, is the reader's :class:`InlineRules`: a paired code
whose content is text (XLIFF ``<g>``, ``<pc>``, TMX ``<hi>``), a code whose content is
native markup and not text (``<ph>``, ``<bpt>``…), or an annotation (``<mrk>``) whose
text is kept without a Tag. Entity and character references are decoded (their anchor
points at the ``&``), CDATA content is text, comments and processing instructions are
not, and a CR LF line end is read as LF, as XML does.

Safety: no entity is expanded, no DTD loaded, nothing fetched from the network, and a
DOCTYPE with an internal subset (where entity bombs live) is refused before parsing.
"""

from __future__ import annotations

import codecs
import functools
import re
from dataclasses import dataclass, field
from typing import Iterable

from lxml import etree

from qa.errors import InputError
from qa.io.bilingual.units import Segment, Tag

#: the five entities XML predefines (XML 1.0 §4.6); without a DTD no other name is defined
PREDEFINED_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
#: byte-order marks and the encoding each announces (XML 1.0 Appendix F.1)
BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"))
#: how far into the file the XML declaration and the root's start tag are looked for
PROLOG_BYTES = 4096
XML_NS = "http://www.w3.org/XML/1998/namespace"

ENCODING_DECLARATION = re.compile(rb"""<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
DOCTYPE_WITH_SUBSET = re.compile(r"<!DOCTYPE[^>\[]*\[")
#: a start tag (self-closing when it ends in "/>": an unquoted "/" can stand nowhere
#: else); attribute values are quoted and may hold ``>`` (but never ``<``)
START_TAG = re.compile(r"<([^\s/>!?]+)((?:[^>\"'/]+|\"[^\"]*\"|'[^']*')*)/?>")
#: markup that is not an element: comment, CDATA section (content: group 1), processing
#: instruction, DOCTYPE without internal subset
SPECIAL = re.compile(r"<(?:!--.*?-->|!\[CDATA\[(.*?)\]\]>|\?.*?\?>|!DOCTYPE[^>\[]*>)", re.S)
ATTRIBUTE = re.compile(r"""([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
#: what breaks a one-to-one run of characters in text: a reference or a CR
BREAK = re.compile(r"&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|([^\s;&<]+));|\r\n?")
#: what breaks a run inside CDATA, where there are no references
CR = re.compile(r"\r\n?")

#: how an inline element's content is read (see :class:`InlineRules`)
PAIRED, CODE, ANNOTATION = "paired", "code", "annotation"


@dataclass(frozen=True)
class InlineRules:
    """A format's inline elements: ``kinds`` maps an element's local name to
    :data:`PAIRED` (a Tag spanning its content, which is text), :data:`CODE` (a Tag; its
    content, if any, is native code and not text) or :data:`ANNOTATION` (no Tag; content
    is text); ``ids`` the attributes tried, in order, for a Tag's id (default ``id``);
    ``namespace`` the format's namespace ("" for none): elements of another namespace
    are read as annotations."""

    namespace: str
    kinds: dict[str, str]
    ids: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def behaviour(self, tag: str) -> tuple[str, str]:
        """The element's local name and how it is read, from lxml's ``{ns}local`` tag."""
        namespace, _, local = tag[1:].partition("}") if tag[:1] == "{" else ("", "", tag)
        if namespace != self.namespace:
            return local, ANNOTATION
        return local, self.kinds.get(local, ANNOTATION)

    def tag_id(self, local: str, element) -> str:
        for name in self.ids.get(local, ("id",)):
            value = element.get(name)
            if value is not None:
                return value
        return ""


def read_text(path: str) -> str:
    """The file's decoded text (see :func:`decode`); its bytes are not kept (lxml reads
    the file again, streaming)."""
    from qa.io import read_bytes  # the one reader of input files (pipes, devices, size)

    return decode(read_bytes(path), str(path))


def decode(data: bytes, name: str) -> str:
    """The file's text as the XML declaration (or a BOM) says it is encoded, BOM removed."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom):], encoding, name)
    if data[:2] in (b"<\x00", b"\x00<"):
        raise InputError(f"{name}: UTF-16 text without a byte-order mark; "
                         f"save it with a BOM or as UTF-8")
    declared = ENCODING_DECLARATION.match(data[:PROLOG_BYTES].lstrip())
    return _decode(data, declared.group(1).decode("ascii") if declared else "utf-8", name)


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError:
        raise InputError(f"{name}: unknown encoding {encoding!r} in the XML declaration") from None
    except UnicodeDecodeError as error:
        raise InputError(f"{name}: not valid {encoding} at byte {error.start}") from None


def line_starts(text: str) -> tuple[int, ...]:
    """Offsets where each line of ``text`` starts (LF ends a line; CR LF ends with its LF)."""
    return (0, *(m.end() for m in re.finditer("\n", text)))


def root_element(text: str, name: str) -> tuple[str, dict[str, str]]:
    """The root element's qualified name and attributes, read from the prolog; refuses a
    DOCTYPE with an internal subset (entity definitions: the "billion laughs" bomb)."""
    position = 0
    while True:
        start = text.find("<", position)
        if start < 0:
            break
        if DOCTYPE_WITH_SUBSET.match(text, start):
            raise InputError(f"{name}: refused: a DOCTYPE with an internal subset "
                             f"(entity definitions can expand without bound)")
        special = SPECIAL.match(text, start)
        if special is None:
            break
        position = special.end()
    element = START_TAG.match(text, start) if start >= 0 else None
    if element is None:
        raise InputError(f"{name}: no XML root element found")
    return element.group(1), attributes(element.group(2))


def attributes(raw: str) -> dict[str, str]:
    """A start tag's attributes (values with references decoded)."""
    return {m.group(1): _unescape(m.group(2) if m.group(2) is not None else m.group(3))
            for m in ATTRIBUTE.finditer(raw)}


def _unescape(value: str) -> str:
    if "&" not in value and "\r" not in value:
        return value
    return BREAK.sub(lambda m: _reference(m) if m.group(0)[0] == "&" else "\n", value)


def _reference(match: re.Match) -> str:
    hexadecimal, decimal, entity = match.groups()
    if hexadecimal:
        return chr(int(hexadecimal, 16))
    if decimal:
        return chr(int(decimal))
    return PREDEFINED_ENTITIES.get(entity, match.group(0))


@functools.lru_cache(maxsize=256)  # a file repeats a handful of tags on every unit
def same_language(tag: str, code: str) -> bool:
    """Whether a language tag (``de``, ``de-DE``, ``DE_at``) is of language ``code``."""
    return tag.strip().lower().replace("_", "-").split("-")[0] == code.lower()


def iterparse(path: str, events: tuple[str, ...], tags: Iterable[str] | None = None):
    """lxml's streaming parse of the file with expansion, DTDs and network off; a syntax
    error becomes one InputError line with lxml's line and column."""
    etree.clear_error_log()  # the log lxml's exception reads is per thread: drop old errors
    parser = etree.iterparse(str(path), events=events, tag=tags, resolve_entities=False,
                             no_network=True, load_dtd=False, huge_tree=False)
    try:
        yield from parser
    except etree.XMLSyntaxError as error:
        raise InputError(f"{path}: not well-formed XML: {_syntax_error(error)}") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error}") from None


def _syntax_error(error: etree.XMLSyntaxError) -> str:
    """lxml's message and position; some errors (an undefined entity) come with position
    (0, 0) and a generic message, and then the first fatal entry of the error log tells."""
    line, column = error.position
    message = re.sub(r", line \d+, column \d+$", "", error.msg or "syntax error")
    if (line, column) == (0, 0):
        entries = [e for e in error.error_log if e.level == etree.ErrorLevels.FATAL]
        if entries:
            line, column, message = entries[0].line, entries[0].column, entries[0].message.strip()
    return f"line {line}, column {column}: {message}"


def clear(element) -> None:
    """Free a processed element and the siblings before it, so lxml's tree stays small."""
    element.clear(keep_tail=True)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


class ContentCursor:
    """A forward-only walk over the decoded file, unit element by unit element.

    :meth:`unit` is called with each unit element in document order, after lxml has
    parsed it completely (its ``end`` event) and before it is cleared. The n-th start tag
    read inside the unit is the n-th element of ``unit.iter()``: that is how a wanted
    element is recognised and how an inline code's attributes are read (from lxml, with
    references decoded)."""

    def __init__(self, text: str, name: str, rules: InlineRules):
        self.text = text
        self.name = name
        self.rules = rules
        self.position = 0
        self._start_patterns: dict[str, re.Pattern] = {}

    def unit(self, element, wanted: Iterable) -> tuple[int, dict]:
        """Locate ``element``'s start tag after the previous unit, walk to its end tag and
        return the start tag's file offset and a :class:`Segment` for each element of
        ``wanted`` (descendants of ``element``, none inside another)."""
        start = self._find_start(element)
        text = self.text
        targets = set(wanted)
        elements = list(element.iter(tag=etree.Element))
        at_index = {i: e for i, e in enumerate(elements) if e in targets} if targets else {}
        segments: dict = {}
        position = START_TAG.match(text, start).end()
        depth = 0 if text[position - 2] == "/" else 1
        index = 0  # of the last start tag read, in ``elements``
        while depth:
            at = text.find("<", position)
            if at < 0:
                raise InputError(f"{self.name}: unterminated element at offset {position}")
            kind = text[at + 1: at + 2]
            if kind == "/":
                depth -= 1
                position = text.index(">", at) + 1
            elif kind == "!" or kind == "?":
                position = self._special(at).end()
            else:
                index += 1
                match = self._start_tag(at, elements, index)
                position = match.end()
                child = at_index.get(index)
                if child is not None:
                    segments[child], position, index = self._content(match, elements, index)
                elif text[position - 2] != "/":
                    depth += 1
        self.position = position
        if len(segments) != len(targets):  # a wanted element inside another: not a segment
            line = self.text.count("\n", 0, start) + 1
            raise InputError(f"{self.name}: the unit at line {line} nests one segment inside another")
        return start, segments

    def _find_start(self, element) -> int:
        """Offset of ``element``'s start tag: the next one of its name outside comments,
        CDATA and processing instructions."""
        local = element.tag.rpartition("}")[2]
        qname = f"{element.prefix}:{local}" if element.prefix else local
        pattern = self._start_patterns.get(qname)
        if pattern is None:
            pattern = re.compile(r"<(?:!--.*?-->|!\[CDATA\[.*?\]\]>|\?.*?\?>|("
                                 + re.escape(qname) + r")[\s/>])", re.S)
            self._start_patterns[qname] = pattern
        position = self.position
        while True:
            match = pattern.search(self.text, position)
            if match is None:
                raise InputError(f"{self.name}: could not locate <{qname}> of line {element.sourceline}")
            if match.group(1):
                return match.start()
            position = match.end()

    def _special(self, at: int) -> re.Match:
        match = SPECIAL.match(self.text, at)
        if match is None:
            raise InputError(f"{self.name}: could not follow the markup at offset {at}")
        return match

    def _start_tag(self, at: int, elements: list, index: int) -> re.Match:
        """The start tag at ``at``, checked against the element it should open (a
        mismatch would mean the walk lost its way: refused rather than misplaced)."""
        match = START_TAG.match(self.text, at)
        if (match is None or index >= len(elements)
                or match.group(1).rpartition(":")[2] != elements[index].tag.rpartition("}")[2]):
            raise InputError(f"{self.name}: could not follow the markup at offset {at}")
        return match

    def _content(self, start_tag: re.Match, elements: list, index: int) -> tuple[Segment, int, int]:
        """The Segment of the content of the element opened by ``start_tag`` (element
        ``index``), the offset after its end tag and the index of the last element read."""
        text = self.text
        if text[start_tag.end() - 2] == "/":
            return Segment("", (), ()), start_tag.end(), index
        rules = self.rules
        out = _SegmentBuilder()
        open_tags: list[int | None] = []  # per open inline element: its paired Tag's index
        skip = 0  # depth inside a code's native content
        position = start_tag.end()
        while True:
            at = text.find("<", position)
            if at < 0:
                raise InputError(f"{self.name}: unterminated element at offset {position}")
            if at > position and not skip:
                out.add_text(text, position, at, self.name)
            kind = text[at + 1: at + 2]
            if kind == "/":
                position = text.index(">", at) + 1
                if skip:
                    skip -= 1
                elif not open_tags:
                    return out.segment(), position, index
                else:
                    paired = open_tags.pop()
                    if paired is not None:
                        out.close_tag(paired)
                continue
            if kind == "!" or kind == "?":
                match = self._special(at)
                position = match.end()
                if match.group(1) is not None and not skip:  # CDATA
                    out.add_text(text, match.start(1), match.end(1), self.name, cdata=True)
                continue
            index += 1
            match = self._start_tag(at, elements, index)
            position = match.end()
            empty = text[position - 2] == "/"
            if skip:
                skip += not empty
                continue
            child = elements[index]
            local, how = rules.behaviour(child.tag)
            tag = None if how == ANNOTATION else out.open_tag(local, rules.tag_id(local, child))
            if empty:
                continue
            if how == CODE:
                skip = 1
            else:
                open_tags.append(tag if how == PAIRED else None)


class _SegmentBuilder:
    """Text, anchors and tags of one segment as its content is read."""

    __slots__ = ("parts", "length", "anchors", "tags", "_run_end")

    def __init__(self):
        self.parts: list[str] = []
        self.length = 0
        self.anchors: list[tuple[int, int]] = []
        self.tags: list[list] = []
        self._run_end = -1  # file offset just after the last copied character

    def _copy(self, chunk: str, file_at: int) -> None:
        if file_at != self._run_end:
            self.anchors.append((self.length, file_at))
        self.parts.append(chunk)
        self.length += len(chunk)
        self._run_end = file_at + len(chunk)

    def _decoded(self, chunk: str, file_at: int) -> None:
        """A character that stands for other text in the file (a reference, a CR LF)."""
        self.anchors.append((self.length, file_at))
        self.parts.append(chunk)
        self.length += len(chunk)
        self._run_end = -1

    def add_text(self, text: str, start: int, end: int, name: str, cdata: bool = False) -> None:
        chunk = text[start:end]
        if "\r" not in chunk and (cdata or "&" not in chunk):
            self._copy(chunk, start)
            return
        pattern = CR if cdata else BREAK
        position = start
        for match in pattern.finditer(text, start, end):
            if match.start() > position:
                self._copy(text[position:match.start()], position)
            if match.group(0)[0] == "&":
                decoded = _reference(match)
                if decoded == match.group(0):
                    line = text.count("\n", 0, match.start()) + 1
                    raise InputError(f"{name}: undefined entity {match.group(0)} at line {line}")
                self._decoded(decoded, match.start())
            elif match.group(0) == "\r\n":
                self._copy("\n", match.start() + 1)
            else:
                self._decoded("\n", match.start())
            position = match.end()
        if position < end:
            self._copy(text[position:end], position)

    def open_tag(self, kind: str, tag_id: str) -> int:
        self.tags.append([kind, tag_id, self.length, self.length])
        self._run_end = -1
        return len(self.tags) - 1

    def close_tag(self, index: int) -> None:
        self.tags[index][3] = self.length
        self._run_end = -1

    def segment(self) -> Segment:
        return Segment("".join(self.parts), tuple(self.anchors),
                       tuple(Tag(kind, tag_id, offset, end) for kind, tag_id, offset, end in self.tags))

