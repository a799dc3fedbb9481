"""The checked XLIFF file back, annotated: every finding as a W3C ITS 2.0 Localization
Quality Issue on its unit's target (``--format xliff``), the form CAT tools read.

The copy is the file as it was, byte for byte (BOM and newlines included), with two
kinds of insertion only: the ITS namespace on the root element, and around the content
of the segment a finding is in, one ``<mrk>`` per finding carrying
``its:locQualityIssueType``, ``…Comment``, ``…Severity`` and ``…Enabled``. The segment is
the innermost of the unit's ``<target>`` (or, where it has no translation, its
``<source>``/``<seg-source>``) and an XLIFF 1.2 segment marker ``<mrk mtype="seg">``:
whole contents are wrapped, never a span inside them, so the copy stays well-formed
whatever inline codes the segment holds, and a segment marker is never split. XLIFF 1.2
uses ``<mrk mtype="x-its">``, XLIFF 2.0 ``<mrk id=… type="its:any">``, in the file's own
prefix for XLIFF; the ITS prefix is the one the file binds to ITS, else ``its`` (or a
free name). UTF-8 files only: the output is written as UTF-8.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from qa.errors import QAError
from qa.model import Category, Finding, Report, Severity, TranslationUnit

ITS_NAMESPACE = "http://www.w3.org/2005/11/its"
#: ITS 2.0 issue types (https://www.w3.org/TR/its20/#lqissue-typevalues) of qa's categories
ISSUE_TYPE = {Category.OMISSION: "omission", Category.ADDITION: "addition",
              Category.MISTRANSLATION: "mistranslation", Category.UNTRANSLATED: "untranslated",
              Category.TERMINOLOGY: "terminology", Category.CONSISTENCY: "inconsistency",
              Category.NUMBERS: "numbers", Category.NAMES: "inconsistent-entities",
              Category.ARTEFACT: "non-conformance", Category.TYPOGRAPHY: "typographical",
              Category.FLUENCY: "grammar", Category.MARKUP: "markup"}
#: ITS severity is a number from 0 to 100 (most severe); MQM's levels mapped onto it
#: by their penalty weights' order (critical 25 > major 5 > minor 1 > info 0)
ISSUE_SEVERITY = {Severity.CRITICAL: 100, Severity.MAJOR: 50, Severity.MINOR: 10,
                  Severity.INFO: 0}
#: markup that is no element: comments, CDATA, processing instructions, declarations
_NOT_ELEMENT = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<![^>]*>", re.S)
_TAG = re.compile(r"<(/?)((?:[\w.-]+:)?([\w.-]+))((?:\s[^>]*?)?)(/?)>")
#: how far before a finding the scan for its segment's start tag begins (a unit is
#: rarely longer; the scan widens to the file's start when it is)
_WINDOW = 20_000


@dataclass(frozen=True)
class _Open:
    name: str  # qualified, as written
    local: str
    attributes: str
    content_start: int


def _tags(text: str, start: int, end: int):
    """The element tags of ``text[start:end]`` in order, comments and CDATA skipped:
    ``(match, closing, self_closing)``."""
    position = start
    while position < end:
        skip = _NOT_ELEMENT.search(text, position, end)
        stop = skip.start() if skip else end
        for match in _TAG.finditer(text, position, stop):
            yield match
        position = skip.end() if skip else end


def _enclosing(text: str, offset: int, start: int) -> list[_Open]:
    """The elements open at ``offset`` (outermost first), scanning from ``start``."""
    stack: list[_Open] = []
    for match in _tags(text, start, offset):
        if match.group(1):
            while stack and stack.pop().name != match.group(2):
                pass
        elif not match.group(5):
            stack.append(_Open(match.group(2), match.group(3), match.group(4), match.end()))
    return stack


def _is_segment(element: _Open, names: tuple[str, ...]) -> bool:
    return element.local in names or (element.local == "mrk" and 'mtype="seg"' in element.attributes)


def _segment_bounds(text: str, offset: int, names: tuple[str, ...]) -> tuple[int, int] | None:
    """The content ``[start, end)`` of the innermost segment element (one of ``names``,
    or an XLIFF 1.2 ``<mrk mtype="seg">``) that holds file offset ``offset``."""
    for start in (max(0, offset - _WINDOW), 0):
        start = text.rfind("<", 0, start + 1) if start else 0
        found = [e for e in _enclosing(text, offset, max(start, 0)) if _is_segment(e, names)]
        if found:
            break
    else:
        return None
    element = found[-1]
    depth = 0
    for match in _tags(text, offset, len(text)):
        if match.group(2) != element.name or match.group(5):
            continue
        if not match.group(1):
            depth += 1
        elif depth:
            depth -= 1
        else:
            return element.content_start, match.start()
    return None


@dataclass(frozen=True)
class _Names:
    """The tags to write: the XLIFF ``mrk`` as the file names its elements, the ITS
    prefix, and the namespace declaration to add (None: the file declares it)."""

    mrk: str
    its: str
    declaration: tuple[int, str] | None


def _names(text: str) -> _Names:
    root = next((m for m in _tags(text, 0, len(text)) if not m.group(1)), None)
    if root is None or root.group(3) != "xliff":
        raise QAError("--format xliff: the file has no <xliff> root element")
    prefix = root.group(2)[:-len("xliff")]
    bound = dict(re.findall(r'xmlns:([\w.-]+)\s*=\s*["\']([^"\']*)["\']', root.group(4)))
    its = next((p for p, uri in bound.items() if uri == ITS_NAMESPACE), None)
    declaration = None
    if its is None:
        its = next(name for name in ("its", "its2", "qaits") if name not in bound)
        at = root.end() - 1 - len(root.group(5))
        declaration = (at, f' xmlns:{its}="{ITS_NAMESPACE}" {its}:version="2.0"')
    return _Names(f"{prefix}mrk", its, declaration)


def _mrk(version: str, names: _Names, finding: Finding, number: int) -> str:
    its = names.its
    attributes = (f"{its}:locQualityIssueType={quoteattr(ISSUE_TYPE[finding.category])} "
                  f"{its}:locQualityIssueComment={quoteattr(f'{finding.message} [{finding.code}]')} "
                  f"{its}:locQualityIssueSeverity=\"{ISSUE_SEVERITY[finding.severity]}\" "
                  f"{its}:locQualityIssueEnabled=\"{'yes' if finding.is_open else 'no'}\"")
    if version == "2.0":
        return f'<{names.mrk} id="qa{number}" type="its:any" {attributes}>'
    return f'<{names.mrk} mtype="x-its" {attributes}>'


def _file_text(path: str) -> tuple[str, bool]:
    """The file as its reader decoded it (newlines kept) and whether it had a UTF-8 BOM;
    refused unless it is UTF-8 (the copy is written as UTF-8)."""
    from qa.io import read_bytes
    from qa.io.bilingual.xmltext import decode

    data = read_bytes(path)
    head = data[:200]
    declared = re.search(rb"encoding\s*=\s*[\"']([\w.-]+)", head)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or (
            declared and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8")):
        raise QAError(f"{path}: --format xliff writes UTF-8 and keeps every other byte; "
                      "this file is in another encoding: save it as UTF-8 to annotate it")
    return decode(data, path), head.startswith(b"\xef\xbb\xbf")


def render_its_xliff(report: Report) -> str:
    """The checked XLIFF file with every finding as an ITS Localization Quality Issue."""
    if not report.units or not report.source.format.startswith("xliff"):
        raise QAError("an annotated XLIFF (--format xliff, -o FILE.xlf) needs an XLIFF "
                      "file as its input; this report is not of one")
    version = report.source.format.split("-", 1)[1]
    text, bom = _file_text(report.source.path)
    names = _names(text)
    units = {unit.id: unit for unit in report.units}
    inserts: list[tuple[int, int, str]] = []  # (file offset, order, text)
    for number, finding in enumerate(report.findings, 1):
        unit = units.get(str(finding.data.get("unit", "")))
        bounds = _bounds(report, unit, finding, text) if unit else None
        if bounds is None or bounds[0] >= bounds[1]:
            continue
        inserts.append((bounds[0], number, _mrk(version, names, finding, number)))
        inserts.append((bounds[1], -number, f"</{names.mrk}>"))
    if names.declaration:
        inserts.append((names.declaration[0], 0, names.declaration[1]))
    pieces, cursor = ["\ufeff" if bom else ""], 0
    for offset, _, insertion in sorted(inserts):
        pieces += [text[cursor:offset], insertion]
        cursor = offset
    pieces.append(text[cursor:])
    return "".join(pieces)


def _bounds(report: Report, unit: TranslationUnit, finding: Finding,
            text: str) -> tuple[int, int] | None:
    """The segment of the file a finding is marked on: its target's, else (no
    translation, or a source-only finding of an untranslated unit) its source's."""
    target, source = report.target.origin, report.source.origin
    if unit.target_span is not None and target is not None:
        at = finding.target_span[0] if finding.target_span else unit.target_span[0]
        found = _segment_bounds(text, target.file_offset(at), ("target",))
        if found:
            return found
    if source is None:
        return None
    at = finding.source_span[0] if finding.source_span else unit.source_span[0]
    return _segment_bounds(text, source.file_offset(at), ("source", "seg-source"))
