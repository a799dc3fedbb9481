"""Sentence-boundary precision/recall/F1 of qa's splitter on WMT news sentences joined
into paragraphs (issue 14: splitting that holds on news copy), for ``qa eval`` and
``benchmarks/segmentation.py`` (which adds the error diagnosis on top of this core).

The WMT21 news and WMT22 general German→English test sets put one sentence per line,
German source and English reference, so the line ends are gold sentence boundaries.
Consecutive lines are joined with one space into paragraphs of 3–6 lines (the sizes
cycle deterministically), each paragraph is split with ``qa.segment.split_sentences``,
and every predicted sentence start inside a paragraph is compared with the join points:
a join point the splitter misses is a missed boundary (recall), a predicted start that
is not a join point a spurious one (precision).

Lines that do not end in sentence punctuation are headlines, list items or WMT22 lines
cut mid-sentence; joined to the next line they would ask for a boundary no punctuation
marks, so such a line closes its paragraph. A line followed by one that starts in lower
case was cut mid-sentence too and closes its paragraph the same way. A WMT line that
holds two sentences makes a correct split inside it count as spurious, so precision is
a lower bound.

pysbd alone (the library qa called, with repairs on top, until its own rules replaced
it) is measured the same way as the peer, when it is installed.
"""

from __future__ import annotations

import importlib.util
import math
import re
import time
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Callable

from qa.evaluation.wmt import SENTENCE_SETS, read_lines
from qa.segment import split_sentences

#: paragraph sizes in lines, cycled so that the grouping is deterministic and varied
PARAGRAPH_SIZES = (3, 4, 5, 6)
#: a line ends a sentence when its last visible characters are terminal punctuation,
#: optionally followed by closing quotes or brackets
SENTENCE_END_RE = re.compile(r"[.!?…][\"'“”’‘»«)\]]*$")
#: marks that may open a sentence before its first letter
OPENING_MARKS = "\"'„“‚‘»«([ "
LANGUAGES = ("de", "en")
#: the peer splitter measured beside qa's
PEER = "pysbd"

#: a paragraph: its text and the offsets where its second and later sentences start
Paragraph = tuple[str, set[int]]
#: a splitter under test: (text, language) → sentence starts after the first one
Splitter = Callable[[str, str], set[int]]


def _starts_sentence(line: str) -> bool:
    """Whether a line begins like a sentence: its first letter, past opening quotes and
    brackets, is not lower case (a lower-case start continues a line cut before it)."""
    first = line.lstrip(OPENING_MARKS)[:1]
    return not first.islower()


def paragraphs(lines: list[str]) -> tuple[list[list[str]], Counter]:
    """Lines grouped into paragraphs of cycling size. A line closes its paragraph early
    when it lacks final sentence punctuation, or when the next line starts in lower case
    (the line was cut mid-sentence, so the line end is no sentence boundary). Returns the
    paragraphs and the counts of both reasons."""
    cleaned = [" ".join(raw.split()) for raw in lines]
    cleaned = [line for line in cleaned if line]
    groups: list[list[str]] = []
    current: list[str] = []
    closed: Counter = Counter()
    for k, line in enumerate(cleaned):
        current.append(line)
        following = cleaned[k + 1] if k + 1 < len(cleaned) else ""
        reason = None
        if SENTENCE_END_RE.search(line) is None:
            reason = "no final punctuation"
        elif following and not _starts_sentence(following):
            reason = "next line starts in lower case"
        if reason:
            closed[reason] += 1
        if reason or len(current) >= PARAGRAPH_SIZES[len(groups) % len(PARAGRAPH_SIZES)]:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups, closed


def gold_starts(group: list[str]) -> Paragraph:
    """The paragraph's text and the offsets where its second and later lines start."""
    starts, pos = set(), 0
    for k, line in enumerate(group):
        if k:
            starts.add(pos)
        pos += len(line) + 1
    return " ".join(group), starts


def qa_starts(text: str, lang: str) -> set[int]:
    """Sentence starts after the first one, as qa's splitter finds them."""
    return {s for s, _ in split_sentences(text, 0, len(text), lang)[1:]}


def peer_installed() -> bool:
    """Whether pysbd can be imported (it is a dependency, but the figures for qa's own
    splitter do not need it)."""
    return importlib.util.find_spec(PEER) is not None


@lru_cache(maxsize=2)
def pysbd_segmenter(lang: str):
    """pysbd set up as qa set it up (``clean=False``: the text is kept as it is)."""
    import pysbd

    return pysbd.Segmenter(language=lang, clean=False)


def pysbd_starts(text: str, lang: str) -> set[int]:
    """Sentence starts after the first one, as pysbd alone finds them (the call qa
    made; its pieces keep every visible character, so they are found in order)."""
    starts, pos = [], 0
    for piece in pysbd_segmenter(lang).processor(text).process():
        piece = piece.strip()
        if not piece:
            continue
        found = text.find(piece, pos)
        if found < 0:  # pysbd changed the text: place the piece where the last one ended
            found = pos
        starts.append(found)
        pos = found + len(piece)
    return set(starts[1:])


def splitters() -> dict[str, Splitter]:
    """The splitters to measure by label: qa's, and the peer's when it is installed."""
    found: dict[str, Splitter] = {"qa": qa_starts}
    if peer_installed():
        found[PEER] = pysbd_starts
    return found


def prf(tp: int, fp: int, fn: int) -> dict:
    """Precision, recall and F1 in per cent (100 where nothing was there to get wrong)."""
    precision = 100 * tp / (tp + fp) if tp + fp else 100.0
    recall = 100 * tp / (tp + fn) if tp + fn else 100.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _figures(tp: int, fp: int, fn: int, sentences: int, seconds: float) -> dict:
    return {"tp": tp, "fp": fp, "fn": fn, **prf(tp, fp, fn), "sentences": sentences,
            "seconds": seconds, "per_second": sentences / seconds if seconds else float("inf")}


def measure(texts: list[Paragraph], lang: str,
            splitter: Splitter) -> tuple[dict, list[set[int]]]:
    """One splitter over paragraphs: boundary counts (``tp``, ``fp`` spurious, ``fn``
    missed), P/R/F1, sentences and seconds spent splitting (``per_second``), and the
    predicted starts of each paragraph (for a diagnosis of the errors)."""
    started = time.perf_counter()
    predicted = [splitter(text, lang) for text, _ in texts]
    seconds = time.perf_counter() - started
    tp = fp = fn = 0
    for (_, gold), found in zip(texts, predicted):
        tp += len(gold & found)
        fp += len(found - gold)
        fn += len(gold - found)
    sentences = sum(len(gold) + 1 for _, gold in texts)
    return _figures(tp, fp, fn, sentences, seconds), predicted


def pooled(results: list[dict]) -> dict:
    """Results of :func:`measure` over several sets as one, figures recomputed from the
    counts (never averaged)."""
    return _figures(*(sum(r[k] for r in results) for k in ("tp", "fp", "fn", "sentences")),
                    sum(r["seconds"] for r in results))


def sentence_files(data: Path, limit: int | None = None) -> list[tuple[str, str, list[str]]]:
    """(dataset folder, language, lines) for both sides of every WMT sentence-per-line
    set under ``data``, the first ``limit`` lines of each."""
    found = []
    for src, ref in SENTENCE_SETS:
        name = src.split("/", 1)[0]
        for lang, rel in (("de", src), ("en", ref)):
            if (data / rel).is_file():
                found.append((name, lang, read_lines(data / rel)[:limit]))
    return found


def warm_up(measured: dict[str, Splitter]) -> None:
    """Build each splitter's rules (pysbd's segmenters, qa's abbreviation lists) before
    anything is timed."""
    for lang in LANGUAGES:
        for splitter in measured.values():
            splitter("Ein Satz. Noch einer.", lang)


def _rounded(result: dict) -> dict:
    return {"tp": result["tp"], "fp": result["fp"], "fn": result["fn"],
            **{k: round(result[k], 2) for k in ("precision", "recall", "f1")},
            "sentences": result["sentences"],
            "sentences_per_second": (round(result["per_second"])
                                     if math.isfinite(result["per_second"]) else None)}


def evaluate(data: Path, limit: int | None = None) -> dict:
    """Boundary P/R/F1 and speed per language, over every WMT21/22 sentence file under
    ``data`` (the first ``limit`` lines of each): ``{"peer": "pysbd 0.3.4" or None,
    "languages": [{"language", "datasets", "lines", "paragraphs", "boundaries", "qa",
    "pysbd"}]}`` where ``boundaries`` counts the gold boundaries and ``qa``/``pysbd``
    hold ``tp``, ``fp`` (spurious), ``fn`` (missed), ``precision``, ``recall``, ``f1``
    (per cent), ``sentences`` and ``sentences_per_second`` (None where no time could be
    measured; ``pysbd`` is None when it is not installed). An empty dict when there are no such files."""
    files = sentence_files(data, limit)
    if not files:
        return {}
    measured = splitters()
    warm_up(measured)
    rows = []
    for lang in LANGUAGES:
        mine = [(name, lines) for name, file_lang, lines in files if file_lang == lang]
        if not mine:
            continue
        texts = [gold_starts(group) for _, lines in mine for group in paragraphs(lines)[0]]
        row = {"language": lang, "datasets": [name for name, _ in mine],
               "lines": sum(len(lines) for _, lines in mine), "paragraphs": len(texts),
               "boundaries": sum(len(gold) for _, gold in texts), "qa": None, PEER: None}
        for label, splitter in measured.items():
            row[label] = _rounded(measure(texts, lang, splitter)[0])
        rows.append(row)
    return {"peer": f"{PEER} {_peer_version()}" if PEER in measured else None, "languages": rows}


def _peer_version() -> str:
    import pysbd

    return getattr(pysbd, "__version__", "?")
