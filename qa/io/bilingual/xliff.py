"""XLIFF 1.2 and 2.0 reader: a translation tool's bilingual file as a stream of units.

XLIFF 1.2 (OASIS Standard, 2008): each ``<trans-unit>`` pairs a ``<source>`` with an
optional ``<target state=…>``; when the tool segmented it, ``<seg-source>`` holds one
``<mrk mtype="seg" mid=…>`` per sentence and the target the matching ``<mrk>`` s, and
each such sentence is a unit of its own (``unit-id/mid``). XLIFF 2.0 (OASIS Standard,
2014; 2.1 shares its namespace): each ``<segment>`` of a ``<unit>`` is a unit
(``unit-id/segment-id`` when the unit has several), ``<ignorable>`` is not read.

Units marked ``translate="no"`` (on the unit or inherited from its ``<group>`` or
``<file>``) are skipped and counted. Languages come from the file (1.2 ``<file
source-language target-language>``, 2.0 ``<xliff srcLang trgLang>``); a pair other
than German → English is refused. With several ``<file>`` s, unit ids are prefixed with
the file's ``original`` (1.2) or ``id`` (2.0), ``file-N`` when it has none, so they
stay unique.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterator

from qa.errors import InputError
from qa.io.bilingual.units import Reading, Unit
from qa.io.bilingual.xmltext import (ANNOTATION, CODE, PAIRED, ContentCursor, InlineRules, clear,
                                     iterparse, line_starts, read_text, root_element, same_language)

XLIFF12_NS = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF20_NS = "urn:oasis:names:tc:xliff:document:2.0"
SOURCE_LANGUAGE, TARGET_LANGUAGE = "de", "en"

#: XLIFF 1.2 §2.4 inline elements: <g> wraps text; <x/>, <bx/>, <ex/> stand for codes;
#: <ph>, <bpt>, <ept>, <it> hold native code (not text); <mrk> marks text
XLIFF12_INLINE = {"g": PAIRED, "x": CODE, "bx": CODE, "ex": CODE, "ph": CODE, "bpt": CODE,
                  "ept": CODE, "it": CODE, "mrk": ANNOTATION}
#: XLIFF 2.0 §4.3.1 inline elements: <pc> wraps text, <ph/>, <sc/>, <ec/> are codes
#: (an <ec/> names its <sc/> by startRef), <mrk>, <sm/>, <em/> are annotations
XLIFF20_INLINE = {"pc": PAIRED, "ph": CODE, "sc": CODE, "ec": CODE, "mrk": ANNOTATION,
                  "sm": ANNOTATION, "em": ANNOTATION}
XLIFF20_IDS = {"ec": ("startRef", "id")}
#: occurrences of a <file> start tag outside comments and CDATA (to know whether ids need
#: the file's name before the units stream)
FILE_TAG = re.compile(r"<(?:!--.*?-->|!\[CDATA\[.*?\]\]>|(?:[\w.-]+:)?(file)[\s/>])", re.S)


def read_xliff(path: str) -> Reading:
    """Open an XLIFF 1.2 or 2.0 file; its units stream as :attr:`Reading.units` is read."""
    name = str(path)
    text = read_text(path)
    root, attributes = root_element(text, name)
    prefix, _, local = root.rpartition(":")
    namespace = attributes.get(f"xmlns:{prefix}" if prefix else "xmlns", "")
    version = attributes.get("version", "")
    if local != "xliff":
        raise InputError(f"{name}: not an XLIFF file (its root element is <{root}>)")
    several_files = sum(1 for m in FILE_TAG.finditer(text) if m.group(1)) > 1
    starts = line_starts(text)
    if namespace == XLIFF20_NS or version.startswith("2."):
        if namespace != XLIFF20_NS:
            raise InputError(f"{name}: XLIFF {version} without its namespace {XLIFF20_NS}")
        source, target = attributes.get("srcLang", ""), attributes.get("trgLang", "")
        _check_languages(name, source, target, None)
        reading = Reading(name, "xliff-2.0", source, target, text, starts, iter(()))
        reading.units = _units_20(text, reading, several_files)
        return reading
    if namespace not in (XLIFF12_NS, "") or version not in ("1.2", "1.1", "1.0", ""):
        raise InputError(f"{name}: unsupported XLIFF version {version or '?'} "
                         f"({namespace or 'no namespace'}); qa reads XLIFF 1.2 and 2.0")
    source, target, line = _first_file_languages(name, namespace)
    _check_languages(name, source, target, line)
    reading = Reading(name, "xliff-1.2", source, target, text, starts, iter(()))
    reading.units = _units_12(text, reading, namespace, several_files)
    return reading


def _check_languages(name: str, source: str, target: str, line: int | None) -> None:
    """Refuse a file whose stated pair is not German → English (an unstated side passes)."""
    if (source and not same_language(source, SOURCE_LANGUAGE)) or (
            target and not same_language(target, TARGET_LANGUAGE)):
        where = f" (line {line})" if line else ""
        raise InputError(f"{name}: the file pairs {source or '?'} → {target or '?'}{where}; "
                         f"qa checks German → English ({SOURCE_LANGUAGE} → {TARGET_LANGUAGE})")


def _tag(namespace: str, local: str) -> str:
    return f"{{{namespace}}}{local}" if namespace else local


def _local(element) -> str:
    return element.tag.rpartition("}")[2]


def _first_file_languages(name: str, namespace: str) -> tuple[str, str, int | None]:
    """The languages of the first <file> (parsing stops there)."""
    for _, element in iterparse(name, ("start",), [_tag(namespace, "file")]):
        return element.get("source-language", ""), element.get("target-language", ""), element.sourceline
    return "", "", None


def _translatable(element, inherited: bool) -> bool:
    value = element.get("translate")
    return inherited if value is None else value != "no"


def _note(element, namespace: str) -> str:
    """The text of the <note> s directly inside ``element`` (a 1.2 <trans-unit>, a 2.0
    <notes>), one per line; notes of an <alt-trans> proposal are not the unit's."""
    notes = element.iterchildren(_tag(namespace, "note"))
    return "\n".join("".join(note.itertext()).strip() for note in notes)


def _line(reading: Reading, offset: int) -> int:
    return bisect.bisect_right(reading.line_starts, offset)


def _units(reading: Reading, namespace: str, unit_tag: str, file_id: str,
           several_files: bool, cursor: ContentCursor, read_unit, check_file=None
           ) -> Iterator[Unit]:
    """The units of either XLIFF version, streamed: ``translate="no"`` inherited from
    ``<file>`` and ``<group>`` (such units are walked past and counted), ids prefixed with
    their file's ``file_id`` attribute where the document has several files;
    ``read_unit(element, prefix)`` yields a unit's Units, ``check_file(element)`` sees each
    ``<file>`` as it opens."""
    tags = {_tag(namespace, t): t for t in ("file", "group", unit_tag)}
    translatable = [True]
    prefix, files = "", 0
    for event, element in iterparse(reading.path, ("start", "end"), list(tags)):
        kind = tags[element.tag]
        if event == "start":
            if kind == "file":
                if check_file is not None:
                    check_file(element)
                files += 1
                prefix = f"{element.get(file_id) or f'file-{files}'}/" if several_files else ""
            if kind != unit_tag:
                translatable.append(_translatable(element, translatable[-1]))
            continue
        if kind != unit_tag:
            translatable.pop()
            clear(element)
            continue
        if not _translatable(element, translatable[-1]):
            cursor.unit(element, ())  # walked past, so the next unit is found after it
            reading.skipped["translate=no"] = reading.skipped.get("translate=no", 0) + 1
        else:
            yield from read_unit(element, prefix)
        clear(element)


def _units_12(text: str, reading: Reading, namespace: str,
              several_files: bool) -> Iterator[Unit]:
    cursor = ContentCursor(text, reading.path, InlineRules(namespace, XLIFF12_INLINE))

    def check_file(element) -> None:
        _check_languages(reading.path, element.get("source-language", ""),
                         element.get("target-language", ""), element.sourceline)

    return _units(reading, namespace, "trans-unit", "original", several_files, cursor,
                  lambda element, prefix: _trans_unit(element, cursor, reading, namespace, prefix),
                  check_file)


def _trans_unit(element, cursor: ContentCursor, reading: Reading, namespace: str,
                prefix: str) -> Iterator[Unit]:
    """One <trans-unit>: a unit, or one per <mrk mtype="seg"> of its <seg-source>."""
    children = {}
    for child in element:
        if isinstance(child.tag, str):
            children.setdefault(_local(child), child)
    source, target = children.get("source"), children.get("target")
    unit_id = prefix + (element.get("id") or str(element.sourceline))
    if source is None:
        raise InputError(f"{reading.path}: <trans-unit id=\"{unit_id}\"> (line {element.sourceline}) "
                         f"has no <source>")
    state = target.get("state") if target is not None else None
    note = _note(element, namespace) if "note" in children else ""
    mrk = _tag(namespace, "mrk")
    seg_source = children.get("seg-source")
    sentences = ([m for m in seg_source.iter(mrk) if m.get("mtype") == "seg"]
                 if seg_source is not None else [])
    translations = ({m.get("mid"): m for m in target.iter(mrk) if m.get("mtype") == "seg"}
                    if target is not None else {})
    if sentences and (target is None or translations):
        start, segments = cursor.unit(element, sentences + list(translations.values()))
        line = _line(reading, start)
        for sentence in sentences:
            translation = translations.get(sentence.get("mid"))
            yield Unit(f"{unit_id}/{sentence.get('mid')}", segments[sentence],
                       segments[translation] if translation is not None else None, line, state, note)
        return
    start, segments = cursor.unit(element, [source] if target is None else [source, target])
    yield Unit(unit_id, segments[source], segments.get(target) if target is not None else None,
               _line(reading, start), state, note)


def _units_20(text: str, reading: Reading, several_files: bool) -> Iterator[Unit]:
    cursor = ContentCursor(text, reading.path, InlineRules(XLIFF20_NS, XLIFF20_INLINE, XLIFF20_IDS))
    return _units(reading, XLIFF20_NS, "unit", "id", several_files, cursor,
                  lambda element, prefix: _unit_20(element, cursor, reading, prefix))


def _unit_20(element, cursor: ContentCursor, reading: Reading, prefix: str) -> Iterator[Unit]:
    """One 2.0 <unit>: a Unit per <segment>."""
    unit_id = prefix + (element.get("id") or str(element.sourceline))
    segments = [child for child in element if isinstance(child.tag, str) and _local(child) == "segment"]
    pairs = []
    for segment in segments:
        parts = {}
        for child in segment:
            if isinstance(child.tag, str):
                parts.setdefault(_local(child), child)
        if "source" not in parts:
            raise InputError(f"{reading.path}: a <segment> of unit {unit_id} "
                             f"(line {segment.sourceline}) has no <source>")
        pairs.append((segment, parts["source"], parts.get("target")))
    notes = [child for child in element if isinstance(child.tag, str) and _local(child) == "notes"]
    note = "\n".join(_note(n, XLIFF20_NS) for n in notes)
    wanted = [side for _, source, target in pairs for side in (source, target) if side is not None]
    start, read = cursor.unit(element, wanted)
    line = _line(reading, start)
    for number, (segment, source, target) in enumerate(pairs, 1):
        segment_id = unit_id if len(pairs) == 1 else f"{unit_id}/{segment.get('id') or number}"
        yield Unit(segment_id, read[source], read[target] if target is not None else None, line,
                   segment.get("state"), note)
