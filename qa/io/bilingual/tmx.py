"""TMX 1.4 reader (1.1 to 1.4 read alike): a translation memory as a stream of German–English units.

A ``<tu>`` holds one ``<tuv>`` per language, each with its ``<seg>``; a memory may hold
many languages, in any order, so the unit is the ``<tuv>`` whose language (``xml:lang``,
or ``lang`` in TMX 1.1) is German (``de``, ``de-DE``, ``DE-at``…) paired with the one that
is English. A ``<tu>`` lacking either is skipped and counted. The header's ``srclang``
says which side the memory was made from; it does not decide the direction read here.

Inline codes (TMX 1.4b §3.8): ``<bpt>``, ``<ept>``, ``<it>``, ``<ph>``, ``<ut>`` hold native
code (not text); ``<hi>`` wraps text. A ``<bpt>``/``<ept>`` pair is identified by ``i``,
the others by ``x``.
"""

from __future__ import annotations

import bisect
from typing import Iterator

from qa.errors import InputError
from qa.io.bilingual.units import Reading, Unit
from qa.io.bilingual.xmltext import (CODE, PAIRED, XML_NS, ContentCursor, InlineRules, clear,
                                     iterparse, line_starts, read_text, root_element, same_language)

TMX_INLINE = {"bpt": CODE, "ept": CODE, "it": CODE, "ph": CODE, "ut": CODE, "hi": PAIRED}
TMX_IDS = {"bpt": ("i", "x"), "ept": ("i",), "it": ("x",), "ph": ("x",), "ut": ("x",), "hi": ("x",)}
XML_LANG = f"{{{XML_NS}}}lang"
#: how the skipped counts name a missing side
LANGUAGE_NAMES = {"de": "German", "en": "English"}
#: how many distinct languages an error message lists
MAX_LANGUAGES_NAMED = 8


def read_tmx(path: str, source_lang: str = "de", target_lang: str = "en") -> Reading:
    """Open a TMX file; its units stream as :attr:`Reading.units` is read."""
    name = str(path)
    text = read_text(path)
    root, _ = root_element(text, name)
    if root != "tmx":
        raise InputError(f"{name}: not a TMX file (its root element is <{root}>)")
    reading = Reading(name, "tmx", source_lang, target_lang, text, line_starts(text), iter(()))
    reading.units = _units(text, reading)
    return reading


def _language(tuv) -> str:
    return tuv.get(XML_LANG) or tuv.get("lang") or ""


def _units(text: str, reading: Reading) -> Iterator[Unit]:
    name, source_lang, target_lang = reading.path, reading.source_lang, reading.target_lang
    cursor = ContentCursor(text, name, InlineRules("", TMX_INLINE, TMX_IDS))
    missing_source = f"no {LANGUAGE_NAMES.get(source_lang, source_lang)}"
    missing_target = f"no {LANGUAGE_NAMES.get(target_lang, target_lang)}"
    languages: set[str] = set()
    read = 0
    for ordinal, (_, tu) in enumerate(iterparse(name, ("end",), ["tu"]), 1):
        source = target = None
        for tuv in tu.iterchildren("tuv"):
            language = _language(tuv)
            if len(languages) < MAX_LANGUAGES_NAMED:
                languages.add(language or "?")
            if source is None and same_language(language, source_lang):
                source = _seg(tuv, name)
            elif target is None and same_language(language, target_lang):
                target = _seg(tuv, name)
        if source is None or target is None:
            cursor.unit(tu, ())  # walked past, so the next <tu> is found after it
            reason = missing_source if source is None else missing_target
            reading.skipped[reason] = reading.skipped.get(reason, 0) + 1
            clear(tu)
            continue
        start, segments = cursor.unit(tu, (source, target))
        note = "\n".join("".join(n.itertext()).strip() for n in tu.iterchildren("note"))
        yield Unit(tu.get("tuid") or str(ordinal), segments[source], segments[target],
                   bisect.bisect_right(reading.line_starts, start), None, note)
        read += 1
        clear(tu)
    if not read and languages:
        raise InputError(f"{name}: no unit pairs {source_lang} with {target_lang}; "
                         f"languages found: {', '.join(sorted(languages))}")


def _seg(tuv, name: str):
    seg = next(tuv.iterchildren("seg"), None)
    if seg is None:
        raise InputError(f"{name}: a <tuv> without <seg> at line {tuv.sourceline}")
    return seg
