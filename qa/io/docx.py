"""DOCX loader: a Word document's prose as plain text, located by paragraph and character.

What is read, in order: the body's paragraphs (a ``Heading n``, ``Title`` or
``Subtitle`` style — or a style based on one — makes a heading, a ``List …`` style or
Word numbering a list item, anything else text), the paragraphs of table cells where the
table stands, then the footnotes and the endnotes, each paragraph a block of its own.
Not read: headers and footers (page furniture, not the article), text boxes, comments
(a reviewer's remarks are not the translation; they are not checked) and field codes
(their displayed result is read).

Tracked changes are read as if all were accepted: inserted text (``w:ins``,
``w:moveTo``) is included, deleted text (``w:del``, ``w:moveFrom``) is not. python-docx's
``Paragraph.text`` reads only a paragraph's direct runs and hyperlinks, so it would drop
insertions, content controls and simple fields; the text is therefore read from the
paragraph's XML here, with python-docx opening the package and resolving styles.

Positions: ``Document.line_col`` gives ``paragraph : character``, where paragraph N is
the Nth paragraph of the document counting every one (empty ones, table cells' in place,
then footnotes', then endnotes'), and the character counts from 1 within it.

Safety: the file is refused with one line when it is not a zip (a password-protected
document is an encrypted OLE file, not a zip), when a part would unpack beyond
:data:`MAX_XML_PART_BYTES` or the whole beyond :data:`MAX_UNPACKED_BYTES` (a zip bomb),
or when its XML cannot be read. XML is parsed without entity expansion, DTD loading or
network access.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Iterator

from lxml import etree

from qa.errors import InputError
from qa.io.base import ExtractedText, LoadedText

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W_P = f"{{{W}}}p"
W_T = f"{{{W}}}t"
W_TBL = f"{{{W}}}tbl"
W_NUMPR = f"{{{W}}}numPr"
W_TYPE = f"{{{W}}}type"
#: elements whose content is not part of the accepted text: deletions, moved-away text,
#: text boxes, the fallback copy of alternate content, and paragraph/run properties
EXCLUDED = frozenset((f"{{{W}}}del", f"{{{W}}}moveFrom", f"{{{W}}}txbxContent",
                      f"{{{MC}}}Fallback", f"{{{W}}}pPr", f"{{{W}}}rPr",
                      f"{{{W}}}instrText", f"{{{W}}}delText"))
#: run content that stands for one character
CHARACTERS = {f"{{{W}}}tab": "\t", f"{{{W}}}br": " ", f"{{{W}}}cr": " ",
              f"{{{W}}}noBreakHyphen": "-"}
#: footnote/endnote entries that are Word's separator lines, not notes
SEPARATOR_TYPES = frozenset(("separator", "continuationSeparator", "continuationNotice"))
NOTE_PARTS = (("footnotes", f"{{{W}}}footnote"), ("endnotes", f"{{{W}}}endnote"))

MAX_XML_PART_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 500 * 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_FLAG = 0x1
HEADING_STYLE_RE = re.compile(r"(?:heading\s*\d|title|subtitle)", re.IGNORECASE)
LIST_STYLE_RE = re.compile(r"list\b", re.IGNORECASE)
MEGABYTE = 1024 * 1024
#: how far a style's base-style chain is followed (a damaged file can hold a cycle)
MAX_STYLE_DEPTH = 16


def load_docx(data: bytes, name: str = "") -> LoadedText:
    """Extract a Word document's prose (see the module docstring)."""
    _check_container(data, name)
    document = _open(data, name)
    styles = _StyleKinds(document)
    paragraphs = [(p, styles.kind(p)) for p in _body_paragraphs(document.element.body)]
    for part, tag in NOTE_PARTS:
        paragraphs += [(p, "text") for p in _note_paragraphs(document, part, tag, name)]
    out = ExtractedText()
    line_starts = []
    position = 0  # offset in the "file" of one line per paragraph
    for paragraph, kind in paragraphs:
        text = paragraph_text(paragraph)
        line_starts.append(position)
        stripped = text.strip()
        if stripped:
            first = position + len(text) - len(text.lstrip())
            out.add_block(stripped, range(first, first + len(stripped)), kind)
        position += len(text) + 1
    return out.loaded("docx", "\n", tuple(line_starts) or (0,))


def _check_container(data: bytes, name: str) -> None:
    """Refuse what is not a safe DOCX zip before python-docx unpacks it."""
    if data.startswith(OLE_MAGIC):
        raise InputError(f"{name}: is password-protected or an old Word .doc file; "
                         "save it as an unprotected .docx")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise InputError(f"{name}: is not a DOCX file (not a zip archive)") from None
    with archive:
        total = 0
        for info in archive.infolist():
            if info.flag_bits & ENCRYPTED_FLAG:
                raise InputError(f"{name}: is password-protected; save it as an unprotected .docx")
            total += info.file_size
            if info.file_size > MAX_XML_PART_BYTES and not info.filename.startswith("word/media/"):
                raise InputError(
                    f"{name}: part {info.filename} unpacks to {info.file_size // MEGABYTE} MB "
                    f"(limit {MAX_XML_PART_BYTES // MEGABYTE} MB); refusing it")
            if info.filename.endswith((".xml", ".rels")):
                with archive.open(info) as part:
                    if b"<!DOCTYPE" in part.read(DOCTYPE_PROBE_BYTES):
                        # Word writes none; one declares entities, which python-docx's
                        # parser drops silently (text would vanish unnoticed)
                        raise InputError(f"{name}: part {info.filename} declares a DOCTYPE "
                                         "(Word never writes one); refusing it")
        if total > MAX_UNPACKED_BYTES:
            raise InputError(f"{name}: unpacks to {total // MEGABYTE} MB (limit "
                             f"{MAX_UNPACKED_BYTES // MEGABYTE} MB); refusing it")


#: how far into an XML part a DOCTYPE is looked for (it precedes the root element)
DOCTYPE_PROBE_BYTES = 4096


def _open(data: bytes, name: str):
    """The python-docx document; any failure to read the package is one InputError."""
    import docx
    from docx.opc.exceptions import OpcError

    try:
        return docx.Document(io.BytesIO(data))
    except (OpcError, zipfile.BadZipFile, KeyError, ValueError, etree.LxmlError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{name}: is not a readable Word document ({reason})") from None


def _body_paragraphs(body) -> Iterator:
    """Every paragraph of the body in document order (table cells and content controls
    included), except those inside text boxes."""
    for paragraph in body.iter(W_P):
        if not _inside_excluded(paragraph, body):
            yield paragraph


def _inside_excluded(element, root) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not root:
        if parent.tag in EXCLUDED:
            return True
        parent = parent.getparent()
    return False


def paragraph_text(paragraph) -> str:
    """The paragraph's text with all tracked changes accepted (see the module docstring)."""
    return "".join(_run_text(paragraph))


def _run_text(element) -> Iterator[str]:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in EXCLUDED:
            continue  # comments and processing instructions have a non-string tag
        if tag == W_T:
            yield child.text or ""
        elif tag in CHARACTERS:
            yield CHARACTERS[tag]
        else:
            yield from _run_text(child)


class _StyleKinds:
    """The block kind of a paragraph from its style (and its base styles) or numbering,
    one style lookup per style id."""

    def __init__(self, document):
        self.part = document.part
        self.cache: dict[str | None, str] = {}

    def kind(self, paragraph) -> str:
        style_id = paragraph.style
        if style_id not in self.cache:
            self.cache[style_id] = self._style_kind(style_id)
        kind = self.cache[style_id]
        if kind == "text" and paragraph.pPr is not None and \
                paragraph.pPr.find(W_NUMPR) is not None:
            return "list"
        return kind

    def _style_kind(self, style_id: str | None) -> str:
        from docx.enum.style import WD_STYLE_TYPE

        style = self.part.get_style(style_id, WD_STYLE_TYPE.PARAGRAPH)
        names = []
        while style is not None and len(names) < MAX_STYLE_DEPTH:
            names.append(style.name or "")
            style = style.base_style
        if any(HEADING_STYLE_RE.fullmatch(n) for n in names):
            return "heading"
        if any(LIST_STYLE_RE.match(n) for n in names):
            return "list"
        return "text"


def _note_paragraphs(document, part_name: str, tag: str, name: str) -> Iterator:
    """The paragraphs of the footnotes (or endnotes) part, separators left out."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    reltype = getattr(RELATIONSHIP_TYPE, part_name.upper())
    for rel in document.part.rels.values():
        if rel.reltype != reltype or rel.is_external:
            continue
        root = _parse_xml(rel.target_part.blob, f"{name}: {part_name}")
        for note in root.iter(tag):
            if note.get(W_TYPE) in SEPARATOR_TYPES:
                continue
            for paragraph in note.iter(W_P):
                if not _inside_excluded(paragraph, note):
                    yield paragraph


def _parse_xml(blob: bytes, where: str):
    """Parse one XML part safely: no entity expansion, no DTD, no network, bounded size."""
    if len(blob) > MAX_XML_PART_BYTES:
        raise InputError(f"{where} is larger than {MAX_XML_PART_BYTES // MEGABYTE} MB; refusing it")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False)
    try:
        return etree.fromstring(blob, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{where} is not well-formed XML ({exc})") from None
