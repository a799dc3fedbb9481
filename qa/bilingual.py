"""Checking a bilingual file (XLIFF 1.2/2.0, PO, TMX): one argument, both languages.

The file's units are the translation tool's alignment. qa reads each side into a
document (one paragraph per unit, every character mapped back to the file's line and
column), pairs the units as they are given, and aligns sentences only inside a unit
that holds several, so a sentence dropped inside a unit is still an omission. The
alignment itself is checked by the checks that read the units: a target that
translates a neighbouring unit (a shifted memory), inline codes on one side only; an
empty target is an omission, a target copied from the source is untranslated text.
Every finding names its unit (``data.unit``).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable

from qa.align import Alignment, AlignParams, align_documents
from qa.config import Config
from qa.errors import InputError
from qa.io.base import ExtractedText, compose, newline_of
from qa.model import (Document, InlineCode, Origin, Report, SegmentPair, Sentence,
                      TranslationUnit)
from qa.segment import segment

#: XLIFF states of a unit nobody has translated yet (1.2 ``new``, ``needs-translation``;
#: 2.0 ``initial``): its missing or source-copied target is the tool's to-do, not a
#: defect, so the unit is left out and counted
UNTRANSLATED_STATES = frozenset({"new", "needs-translation", "initial"})

#: file endings read as bilingual files, and the reader of each
FORMATS: dict[str, str] = {".xlf": "xliff", ".xliff": "xliff", ".sdlxliff": "xliff",
                           ".mxliff": "xliff", ".po": "po", ".tmx": "tmx"}


#: the start of a file that :func:`build_documents` reads for its newline convention:
#: what a chunk keeps of the file's text (the units carry their own text and lines)
NEWLINE_SAMPLE = 100_000
#: no unit of any supported format takes fewer bytes (a PO entry ``msgid "a"`` /
#: ``msgstr "b"`` takes 22): a file smaller than this many bytes per unit of a chunk
#: cannot hold more than one chunk and is not read to count its units
MIN_UNIT_BYTES = 16


def is_bilingual(path: str | Path) -> bool:
    """Whether ``path`` names a bilingual file (by its ending)."""
    return Path(path).suffix.lower() in FORMATS


def open_reading(path: str | Path):
    """The file opened by its format's streaming reader (:mod:`qa.io.bilingual`)."""
    kind = FORMATS.get(Path(path).suffix.lower())
    if kind == "xliff":
        from qa.io.bilingual.xliff import read_xliff
        return read_xliff(path)
    if kind == "po":
        from qa.io.bilingual.po import read_po
        return read_po(path)
    if kind == "tmx":
        from qa.io.bilingual.tmx import read_tmx
        return read_tmx(path)
    raise InputError(f"{path}: not a bilingual file (supported: {', '.join(FORMATS)})")


@dataclass(frozen=True)
class _Placed:
    """A unit whose text has been placed in the documents (block starts; None: no
    target text)."""

    unit: object  # qa.io.bilingual.units.Unit
    source_start: int
    target_start: int | None


def _composed_segment(segment):
    """A unit side with its decomposed characters composed (:func:`qa.io.base.compose`),
    its anchors and inline codes moved with the text."""
    composition = compose(segment.text)
    if composition is None:
        return segment
    to_new = composition.to_new
    return replace(segment, text=composition.text,
                   anchors=composition.anchors(Origin(segment.anchors)),
                   tags=tuple(replace(tag, offset=to_new(tag.offset), end=to_new(tag.end))
                              for tag in segment.tags))


def _composed_unit(unit):
    """``unit`` with both sides composed, as a two-document check composes its files."""
    target = _composed_segment(unit.target) if unit.target is not None else None
    source = _composed_segment(unit.source)
    if source is unit.source and target is unit.target:
        return unit
    return replace(unit, source=source, target=target)


def build_documents(reading) -> tuple[Document, Document, list[_Placed], dict[str, int]]:
    """The source and target documents of a bilingual file (one block per unit, mapped
    to the file's lines) and where each unit's text went; units with no source text
    are left out and counted."""
    source, target = ExtractedText(), ExtractedText()
    placed: list[_Placed] = []
    skipped: dict[str, int] = {}
    # codes that stay in the text (PO placeholders): markup, which checks do not read
    # as words (``%2$s`` is no "2 dollars")
    source_codes: list[tuple[int, int]] = []
    target_codes: list[tuple[int, int]] = []
    for unit in reading.units:
        unit = _composed_unit(unit)
        reason = _left_out(unit)
        if reason is not None:
            skipped[reason] = skipped.get(reason, 0) + 1
            continue
        s_start = source.add_anchored(unit.source.text, unit.source.anchors, "text")
        source_codes += [(s_start + t.offset, s_start + t.end) for t in unit.source.tags
                         if t.end > t.offset]
        t_start = None
        if unit.target is not None and unit.target.text.strip():
            t_start = target.add_anchored(unit.target.text, unit.target.anchors, "text")
            target_codes += [(t_start + t.offset, t_start + t.end) for t in unit.target.tags
                             if t.end > t.offset]
        placed.append(_Placed(unit, s_start, t_start))
    for reason, count in getattr(reading, "skipped", {}).items():
        skipped[reason] = skipped.get(reason, 0) + count
    if not placed:
        raise InputError(f"{reading.path}: no units with German source text to check")
    newline = newline_of(reading.text[:NEWLINE_SAMPLE])
    fmt = reading.format
    source_doc = segment(replace(source.loaded(fmt, newline, reading.line_starts),
                                 markup=tuple(source_codes)), "de", reading.path)
    target_doc = segment(replace(target.loaded(fmt, newline, reading.line_starts),
                                 markup=tuple(target_codes)), "en", reading.path)
    return source_doc, target_doc, placed, skipped


def _sentences_in(starts: list[int], start: int, end: int) -> tuple[int, ...]:
    """Indices of the sentences (whose ``starts`` are given, in order) inside
    ``[start, end)``."""
    return tuple(range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)))


def _subdocument(doc: Document, indices: tuple[int, ...]) -> Document:
    """``doc`` with only the sentences ``indices`` (renumbered from 0; offsets, ids and
    paragraphs kept), for aligning inside one unit."""
    sentences = tuple(replace(doc.sentences[i], index=k) for k, i in enumerate(indices))
    return replace(doc, sentences=sentences)


def _shift(pair: SegmentPair, s_base: int, t_base: int) -> SegmentPair:
    return replace(pair, source=tuple(i + s_base for i in pair.source),
                   target=tuple(i + t_base for i in pair.target))


def _unit_pairs(source: Document, target: Document, s_idx: tuple[int, ...],
                t_idx: tuple[int, ...], align) -> list[SegmentPair]:
    """The aligned pairs inside one unit: the unit as one bead where each side has one
    sentence (the common case, and fast), its sentences as omissions where the target
    is empty, else the sentence aligner over the unit's sentences alone."""
    if not t_idx:
        return [_bead(source, target, (i,), ()) for i in s_idx]
    if len(s_idx) == 1 and len(t_idx) == 1:
        return [_bead(source, target, s_idx, t_idx)]
    sub = align(_subdocument(source, s_idx), _subdocument(target, t_idx))
    return [_shift(p, s_idx[0], t_idx[0]) for p in sub.pairs]


def _bead(source: Document, target: Document, s_idx: tuple[int, ...],
          t_idx: tuple[int, ...]) -> SegmentPair:
    first: Sentence = source.sentences[s_idx[0]]
    s_span = (first.start, source.sentences[s_idx[-1]].end)
    t_span = (target.sentences[t_idx[0]].start, target.sentences[t_idx[-1]].end) if t_idx else None
    return SegmentPair(id=first.id, bead=f"{len(s_idx)}-{len(t_idx)}", source=s_idx,
                       target=t_idx, source_span=s_span, target_span=t_span,
                       source_text=source.text[s_span[0]:s_span[1]],
                       target_text=target.text[t_span[0]:t_span[1]] if t_span else "",
                       cost=0.0)


def _codes(tags: Iterable, base: int) -> tuple[InlineCode, ...]:
    return tuple(InlineCode(t.kind, t.id, base + t.offset, base + t.end) for t in tags)


def align_units(source: Document, target: Document, placed: list[_Placed],
                align: Callable[[Document, Document], Alignment]
                ) -> tuple[Alignment, tuple[TranslationUnit, ...]]:
    """The pairs of every unit, in file order, and the units as the checks see them."""
    pairs: list[SegmentPair] = []
    units: list[TranslationUnit] = []
    source_starts = [s.start for s in source.sentences]
    target_starts = [s.start for s in target.sentences]
    for item in placed:
        unit = item.unit
        s_end = item.source_start + len(unit.source.text)
        s_idx = _sentences_in(source_starts, item.source_start, s_end)
        t_span = None
        t_idx: tuple[int, ...] = ()
        if item.target_start is not None:
            t_span = (item.target_start, item.target_start + len(unit.target.text))
            t_idx = _sentences_in(target_starts, *t_span)
        if not s_idx:
            continue
        own = _unit_pairs(source, target, s_idx, t_idx, align)
        pairs += own
        units.append(TranslationUnit(
            id=unit.id, line=unit.line, source_span=(item.source_start, s_end),
            target_span=t_span, pairs=tuple(p.id for p in own),
            source_codes=_codes(unit.source.tags, item.source_start),
            target_codes=_codes(unit.target.tags, item.target_start)
            if item.target_start is not None else (),
            state=unit.state))
    alignment = Alignment(pairs=tuple(pairs), anchor_overlap=1.0, source_anchors=0,
                          target_anchors=0, shared_anchors=(), unrelated=False, band=0,
                          evidence={"units": len(units)})
    return alignment, tuple(units)


@dataclass(frozen=True)
class UnitChunk:
    """Units ``first``..``last`` (1-based, inclusive, in the order the file's reader
    gives them) of a bilingual file, read once by the run that splits the file:
    ``reading`` holds these units only, with the file's line offsets (findings keep
    the file's lines) and, in the first chunk, the units the reader left out."""

    first: int
    last: int
    reading: object  # qa.io.bilingual.units.Reading, its units a tuple


def _left_out(unit) -> str | None:
    """Why :func:`build_documents` leaves a unit out (no source text, or a state that
    says nobody translated it yet), or None: it is checked."""
    if not unit.source.text.strip():
        return "empty source"
    if unit.state in UNTRANSLATED_STATES:
        return f"state={unit.state}"
    return None


def split_units(path: str | Path, size: int) -> list[UnitChunk] | None:
    """The file's units in chunks of ``size`` checkable units (units that are left out
    travel with the chunk they stand in), or None when it holds no more than ``size``
    of them (checked whole, as ``qa check FILE`` does). A file that cannot be read is
    None too: checking it whole reports why, as its error row."""
    if size <= 0 or Path(path).stat().st_size < size * MIN_UNIT_BYTES:
        return None
    from qa.errors import QAError

    try:
        reading = open_reading(path)
        units = list(reading.units)
    except QAError:
        return None
    checkable = [k for k, unit in enumerate(units) if _left_out(unit) is None]
    starts = checkable[::size]
    if len(starts) < 2 or not _languages_hold(reading.path, [units[k] for k in checkable]):
        return None
    bounds = [0] + starts[1:] + [len(units)]
    sample = reading.text[:NEWLINE_SAMPLE]  # one string for every chunk
    return [UnitChunk(a + 1, b, replace(reading, units=tuple(units[a:b]), text=sample,
                                        skipped=dict(reading.skipped) if k == 0 else {}))
            for k, (a, b) in enumerate(zip(bounds, bounds[1:]))]


def _languages_hold(path: str, units: list) -> bool:
    """Whether the file's sides read as German and English, judged on the whole file
    as a run on it judges them (a chunk of copied German targets alone would look
    German and be refused). False: the file is checked whole and refused there."""
    from types import SimpleNamespace

    from qa import runner
    from qa.errors import InputError

    source = SimpleNamespace(path=path, text="\n\n".join(u.source.text for u in units))
    target = SimpleNamespace(path=path, text="\n\n".join(
        u.target.text for u in units if u.target is not None))
    try:
        runner.verify_languages(source, target)
    except InputError:
        return False
    return True


def check_chunk(path: str | Path, chunk: UnitChunk, config: Config | None = None,
                quiet: bool = True) -> Report:
    """Check one chunk of a bilingual file's units as its own file (the checks that
    read a whole document read the chunk), with the file's baseline."""
    from qa import baseline

    config = config or Config()
    config = replace(config, baseline=baseline.for_target(config.baseline, path, bilingual=True))
    return check_reading(chunk.reading, config, quiet, verify_languages=False)


def check_bilingual(path: str | Path, config: Config | None = None,
                    quiet: bool = True) -> Report:
    """Read a bilingual file and run the checks over its units."""
    from qa import baseline
    from qa.io import limit_input

    config = config or Config()
    config = replace(config, baseline=baseline.for_target(config.baseline, path, bilingual=True))
    limit_input(config.max_input_mb)
    return check_reading(open_reading(path), config, quiet)


def check_reading(reading, config: Config | None = None, quiet: bool = True, *,
                  verify_languages: bool = True) -> Report:
    """Run the checks over the units of an opened bilingual file (a
    :class:`qa.io.bilingual.units.Reading`); ``verify_languages`` False for a chunk of a
    file whose languages were judged on the whole (:func:`split_units`)."""
    from qa import runner

    config = config or Config()
    source, target, placed, skipped = build_documents(reading)
    # a file that states no languages (or states them wrongly) is read the wrong way
    # round as readily as two documents: refused the same way, by their words
    if verify_languages:
        runner.verify_languages(source, target)
    termbases = runner.load_termbases(config)
    lexicon = runner.alignment_lexicon(config, termbases)
    params = AlignParams()
    alignment, units = align_units(
        source, target, placed,
        lambda s, t: align_documents(s, t, lexicon=lexicon, params=params))
    return runner.run_checks(source, target, alignment, config, termbases=termbases,
                             lexicon=lexicon, params=params, quiet=quiet, units=units,
                             units_skipped=skipped)
