"""The checked XLIFF file back, annotated: every finding as a W3C ITS 2.0 Localization
Quality Issue on its unit's target (``--format xliff``), the form CAT tools read.

The copy is the file as it was, character for character, with three kinds of
insertion only: the ITS namespace on the root element, and around the content of each
annotated ``<target>`` (its ``<source>`` where a unit has no translation) one ``<mrk>``
per finding carrying ``its:locQualityIssueType``, ``…Comment``, ``…Severity`` and
``…Enabled``. Whole contents are wrapped, never a span inside them, so the copy stays
well-formed whatever inline codes the segment holds; the comment says which words.
XLIFF 1.2 uses ``<mrk mtype="x-its">``, XLIFF 2.0 ``<mrk id=… type="its:any">``.
"""

from __future__ import annotations

import re
from pathlib import Path
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


def _element_bounds(text: str, name: str, inside: int) -> tuple[int, int] | None:
    """The content ``[start, end)`` of the ``<name>`` element (any prefix) around file
    offset ``inside``: after its start tag, before its end tag."""
    opening = None
    # the start tag is near: look back a window first (a file of 100,000 units must not
    # be scanned from its start for each of them)
    for window in (20_000, inside + 1):
        low = max(0, inside + 1 - window)
        for m in re.finditer(rf"<(?:[\w.-]+:)?{name}\b[^>]*>", text[low:inside + 1]):
            opening = m
        if opening is not None:
            opening_end, opening_text = low + opening.end(), opening.group(0)
            break
    if opening is None or opening_text.endswith("/>"):
        return None
    closing = re.compile(rf"</(?:[\w.-]+:)?{name}\s*>").search(text, inside)
    if closing is None or closing.start() <= opening_end:
        return None
    return opening_end, closing.start()


def _mrk(version: str, finding: Finding, number: int) -> tuple[str, str]:
    words = f" [{finding.code}]"
    attributes = (f"its:locQualityIssueType={quoteattr(ISSUE_TYPE[finding.category])} "
                  f"its:locQualityIssueComment={quoteattr(finding.message + words)} "
                  f"its:locQualityIssueSeverity=\"{ISSUE_SEVERITY[finding.severity]}\" "
                  f"its:locQualityIssueEnabled=\"{'no' if not finding.is_open else 'yes'}\"")
    if version == "2.0":
        return f'<mrk id="qa{number}" type="its:any" {attributes}>', "</mrk>"
    return f'<mrk mtype="x-its" {attributes}>', "</mrk>"


def _root_with_namespace(text: str) -> tuple[int, str] | None:
    """Where to declare the ITS namespace on the root element (None: declared)."""
    root = re.search(r"<(?:[\w.-]+:)?xliff\b[^>]*?(/?)>", text)
    if root is None:
        raise QAError("--format xliff: the file has no <xliff> root element")
    if ITS_NAMESPACE in root.group(0):
        return None
    return root.end() - 1 - len(root.group(1)), f' xmlns:its="{ITS_NAMESPACE}" its:version="2.0"'


def render_its_xliff(report: Report) -> str:
    """The checked XLIFF file with every finding as an ITS Localization Quality Issue."""
    if not report.units or not report.source.format.startswith("xliff"):
        raise QAError("--format xliff writes an annotated copy of an XLIFF file; "
                      "this report is not of one")
    version = report.source.format.split("-", 1)[1]
    try:
        text = Path(report.source.path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise QAError(f"{report.source.path}: cannot read it again to annotate it ({exc})") from None
    units = {unit.id: unit for unit in report.units}
    inserts: list[tuple[int, int, str]] = []  # (file offset, order, text)
    for number, finding in enumerate(report.findings, 1):
        unit = units.get(str(finding.data.get("unit", "")))
        bounds = _bounds(report, unit, text) if unit else None
        if bounds is None:
            continue
        opening, closing = _mrk(version, finding, number)
        inserts.append((bounds[0], number, opening))
        inserts.append((bounds[1], -number, closing))
    namespace = _root_with_namespace(text)
    if namespace:
        inserts.append((namespace[0], 0, namespace[1]))
    pieces, cursor = [], 0
    for offset, _, insertion in sorted(inserts):
        pieces += [text[cursor:offset], insertion]
        cursor = offset
    pieces.append(text[cursor:])
    return "".join(pieces)


def _bounds(report: Report, unit: TranslationUnit, text: str) -> tuple[int, int] | None:
    """The content of the unit's ``<target>`` in the file, else of its ``<source>``."""
    if unit.target_span is not None and report.target.origin is not None:
        inside = report.target.origin.file_offset(unit.target_span[0])
        found = _element_bounds(text, "target", inside)
        if found:
            return found
    if report.source.origin is None:
        return None
    inside = report.source.origin.file_offset(unit.source_span[0])
    return _element_bounds(text, "source", inside)
