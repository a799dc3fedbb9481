"""The records a bilingual file (XLIFF 1.2/2.0, PO, TMX) is read into.

A bilingual file pairs source and target text unit by unit, so its units are an
alignment made by the translation tool; qa reads them as such and still checks it
(a target that translates another unit, an empty or copied target, several sentences
aligned inside a unit). Readers stream: :func:`read` functions yield :class:`Unit`
records one by one, so a translation memory of 100,000 units never sits in memory as a
tree.

Text is what a reader of the translation sees: inline codes (XLIFF ``<x/>``, ``<g>``,
``<ph>``, ``<bpt>``/``<ept>``, ``<pc>``, ``<sc/>``/``<ec/>``, TMX ``<ph>``/``<bpt>``…) are
taken out and recorded as :class:`Tag` at their position; character and entity
references are decoded; whitespace is kept as written. Every character's place in the
file is kept through ``anchors`` (as in :class:`qa.model.Origin`), so a finding is shown
at the file's line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator


@dataclass(frozen=True)
class Tag:
    """An inline code inside a segment's text.

    ``kind`` is the element's local name (``x``, ``g``, ``ph``, ``bpt``, ``ept``, ``pc``,
    ``sc``, ``ec``, ``it``, ``bx``, ``ex``; PO has none); ``id`` its id attribute (``id``,
    XLIFF 2.0 ``startRef`` for ``<ec/>``, TMX ``i``/``x``), "" when it has none; ``offset``
    where it sits in the segment's text (a paired ``<g>``/``<pc>`` is one Tag at its
    start); ``end`` the text offset of the paired element's end (= offset for codes
    without content)."""

    kind: str
    id: str
    offset: int
    end: int

    @property
    def key(self) -> tuple[str, str]:
        """What must match across source and target: the code's kind family and id
        (``bpt``/``ept`` pairs and ``sc``/``ec`` pairs each count as one family)."""
        family = {"ept": "bpt", "ec": "sc", "ex": "bx"}.get(self.kind, self.kind)
        return family, self.id


@dataclass(frozen=True)
class Segment:
    """The text of one side of a unit. ``anchors`` are ``(text offset, file offset)``
    pairs, one where a run of characters copied one-to-one from the file starts (the
    first character; after an inline code or an entity), with file offsets in code
    points into the file as decoded (BOM removed)."""

    text: str
    anchors: tuple[tuple[int, int], ...]
    tags: tuple[Tag, ...] = ()


@dataclass(frozen=True)
class Unit:
    """One translation unit (an XLIFF 1.2 ``<trans-unit>`` or one ``<mrk mtype="seg">``
    of its ``<seg-source>``, an XLIFF 2.0 ``<segment>``, a PO entry, a TMX ``<tu>``).

    ``id``: how an editor finds it (XLIFF ``file-id/unit-id[/segment-id]`` as written,
    PO ``msgctxt`` or the line of its ``msgid``, TMX ``tuid`` or its ordinal);
    ``target`` None when the unit has no target (not translated); ``state`` the tool's
    state (XLIFF ``state``, ``needs-translation``…, PO ``fuzzy``), None when unstated;
    ``line`` the file line where the unit starts; ``note`` a translator comment."""

    id: str
    source: Segment
    target: Segment | None
    line: int
    state: str | None = None
    note: str = ""


@dataclass
class Reading:
    """An open bilingual file: its format, languages, and the units as a stream.

    ``skipped`` counts the units left out and why (``"translate=no"``, ``"fuzzy"``,
    ``"obsolete"``, ``"plural form"``…), filled while ``units`` is consumed; ``text`` is
    the decoded file (for line and column), ``line_starts`` its line offsets."""

    path: str
    format: str  # "xliff-1.2" | "xliff-2.0" | "po" | "tmx"
    source_lang: str
    target_lang: str
    text: str
    line_starts: tuple[int, ...]
    units: Iterator[Unit]
    skipped: dict[str, int] = field(default_factory=dict)
