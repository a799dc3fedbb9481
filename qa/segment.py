"""Paragraph and sentence segmentation for German and English, offsets preserved.

pysbd does the sentence splitting (it knows abbreviations, ordinals and quotes in both
languages); this module maps its output back to exact offsets, masks Markdown markup
before splitting, and repairs the few splits pysbd still gets wrong for news copy
(title abbreviations such as "Dr." and "Nr.", "z. B.", dates like "20. Juli",
stray closing quotes). Invariant, tested with hypothesis: ``doc.text[s.start:s.end] ==
s.text`` for every sentence, sentences are ordered and disjoint, and only whitespace
(or markup) lies outside them.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from qa.io.base import LoadedText
from qa.model import Document, Paragraph, Sentence

# Abbreviations that never end a sentence in news copy: always join what follows.
TITLE_ABBREVIATIONS = {
    "de": ("Dr.", "Prof.", "Nr.", "St.", "Hr.", "Fr.", "z.", "z. B.", "z.B.", "u.", "u. a.",
           "d. h.", "d.h.", "bzw.", "vgl.", "ca.", "Abs.", "Art.", "Mio.", "Mrd.", "Tsd.",
           "gem.", "inkl.", "evtl.", "ggf.", "sog.", "Str.", "geb.", "Jh.", "s.", "v.",
           "Bd.", "Kap.", "Tel.", "Chr.", "o.", "rd."),
    "en": ("Dr.", "Prof.", "Mr.", "Mrs.", "Ms.", "St.", "No.", "Nos.", "Gen.", "Sen.", "Rep.",
           "Gov.", "Lt.", "Col.", "Sgt.", "Capt.", "Mt.", "vs.", "e.g.", "i.e.", "approx.",
           "ca.", "cf.", "Jr.", "Sr.", "Inc.", "Ltd.", "Co.", "Corp.", "Fig.", "Jan.", "Feb.",
           "Aug.", "Sept.", "Oct.", "Nov.", "Dec."),
}
# Abbreviations that may end a sentence: join only when the next piece does not start
# like a new sentence.
SOFT_ABBREVIATIONS = ("usw.", "etc.", "Mio.", "Mrd.", "Jan.", "Feb.", "Inc.", "Ltd.", "Co.",
                      "U.S.", "U.K.", "a.m.", "p.m.", "Uhr.")

# Abbreviations that qualify the number after them: join when a digit follows
# (benchmarks/segmentation.py: "max." split 3 times in the WMT sentences, "incl." once).
QUANTITY_ABBREVIATIONS = ("max.", "min.", "incl.", "inkl.", "zzgl.", "ca.", "approx.")

GERMAN_MONTHS = ("Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli",
                 "August", "September", "Oktober", "November", "Dezember")
ORDINAL_END_RE = re.compile(r"(?:^|\s)\d{1,2}\.$")
ORDINAL_START_RE = re.compile(r"^\d{1,2}\.\s")
LOWER_WORD_END_RE = re.compile(r"\s[a-zäöüß]+$")
CLOSING_ONLY_RE = re.compile(r"^[\"“”„»«'’‚)\]\s.!?…]+$")
SENTENCE_BREAK_RE = re.compile(
    r"(?<=[.!?…])[\"“”»«'’)\]]*\s+(?=[„“\"«»‚'(\[]?[A-ZÄÖÜ0-9])")


@lru_cache(maxsize=4)
def _segmenter(lang: str):
    import pysbd

    return pysbd.Segmenter(language=lang, clean=False)


def mask_markup(text: str, markup: tuple[tuple[int, int], ...]) -> str:
    """``text`` with markup ranges replaced by spaces (same length, same offsets)."""
    if not markup:
        return text
    chars = list(text)
    for start, end in markup:
        for i in range(start, end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)


def _map_pieces(text: str, start: int, end: int, pieces: list[str]) -> list[tuple[int, int]] | None:
    """Offsets of pysbd's pieces inside ``text[start:end]``, matching non-space characters.

    pysbd may drop or change whitespace; it must not change anything else. Returns None
    if it did, so the caller can fall back.
    """
    spans = []
    pos = start
    for piece in pieces:
        visible = [c for c in piece if not c.isspace()]
        if not visible:
            continue
        while pos < end and text[pos].isspace():
            pos += 1
        first = pos
        for ch in visible:
            while pos < end and text[pos].isspace():
                pos += 1
            if pos >= end or text[pos] != ch:
                return None
            pos += 1
        spans.append((first, pos))
    while pos < end and text[pos].isspace():
        pos += 1
    return spans if pos == end else None


def _regex_split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    pos = start
    for m in SENTENCE_BREAK_RE.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    return [(s, e) for s, e in spans if e > s]


_OPENING_QUOTES = "\"“„«»"


def _split_inside_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """pysbd keeps a quotation of several sentences whole in English but splits it in
    German; split it on both sides alike, at a sentence end followed by a capital while
    a quotation is open (abbreviations are rejoined by :func:`_should_join`)."""
    pieces = []
    pos = start
    for m in SENTENCE_BREAK_RE.finditer(text, start, end):
        before = text[start:m.start()]
        if sum(before.count(q) for q in _OPENING_QUOTES) % 2 == 1 or (
                before.count("„") + before.count("“") == 1):
            pieces.append((pos, m.start()))
            pos = m.end()
    pieces.append((pos, end))
    return [(s, e) for s, e in pieces if e > s]


#: "!!!" or "?!" then a capital: a sentence end pysbd keeps inside (benchmarks/
#: segmentation.py: 5 such boundaries missed in the WMT sentences)
REPEATED_MARKS_BREAK_RE = re.compile(r"(?<=[!?])[!?]+[\"“”»«'’)\]]*\s+(?=[„“\"«»‚'(\[]?[A-ZÄÖÜ])")


def _split_after_repeated_marks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span split after repeated exclamation or question marks before a capital."""
    pieces, pos = [], start
    for m in REPEATED_MARKS_BREAK_RE.finditer(text, start, end):
        cut = m.start() + len(m.group(0).rstrip())
        pieces.append((pos, cut))
        pos = m.end()
    pieces.append((pos, end))
    return [(s, e) for s, e in pieces if e > s]


def _ends_with(piece: str, abbreviations) -> bool:
    piece = piece.lstrip(_OPENING_QUOTES)
    return any(piece.endswith(" " + a) or piece == a or piece.endswith("(" + a)
               for a in abbreviations)


def _should_join(prev: str, nxt: str, lang: str) -> bool:
    if CLOSING_ONLY_RE.match(nxt):
        return True
    first = nxt.lstrip("„“\"«»‚'( ")[:1]
    starts_lower = bool(first) and (first.islower() or first in ",;:")
    if _ends_with(prev, TITLE_ABBREVIATIONS[lang]):
        return True
    if _ends_with(prev, QUANTITY_ABBREVIATIONS) and first.isdigit():
        return True  # "max. 300 Watt", "incl. 19 %": a limit before its number
    if starts_lower and (_ends_with(prev, SOFT_ABBREVIATIONS) or prev.endswith(".")):
        return True
    if lang == "de" and ORDINAL_END_RE.search(prev):
        words = nxt.split()
        # vom 10. bis 12. September, am 3. und 4. Mai: an ordinal, not a sentence end
        if words and (words[0] in GERMAN_MONTHS or starts_lower
                      or (ORDINAL_START_RE.match(nxt) and len(words) > 1
                          and words[1] in GERMAN_MONTHS)):
            return True
    if LOWER_WORD_END_RE.search(prev) and ORDINAL_START_RE.match(nxt):
        return True  # "vom 7. bis" | "9. Mai": no sentence ends on a bare lower-case word
    return False


#: what a block ends with after its last word: closing marks and terminal punctuation
_BLOCK_END_RE = re.compile(r"[\s.!?…\"'”’“‘»«)\]]*$")
#: punctuation at which a sentence may end inside a block
_TERMINALS = frozenset(".!?…")


def _one_sentence(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The block's one sentence, trimmed, when no terminal punctuation occurs before its
    end (a heading, a short paragraph, most units of a translation memory): pysbd can
    only split at such punctuation, so it need not run. None: ask pysbd."""
    tail = _BLOCK_END_RE.search(text, start, end) if end > start else None
    if tail is None or any(ch in _TERMINALS for ch in text[start:tail.start()]):
        return None
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def split_sentences(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (text already markup-masked)."""
    single = _one_sentence(text, start, end)
    if single is not None:
        return [single]
    # A newline inside a block is a soft wrap; pysbd would treat it as a boundary.
    chunk = text[start:end].replace("\r", " ").replace("\n", " ")
    try:
        # Segmenter.processor(...).process() is pysbd's splitting proper; .segment()
        # adds a char-span pass (a regex compiled per sentence) that we do ourselves.
        pieces = _segmenter(lang).processor(chunk).process()
        spans = _map_pieces(text, start, end, pieces)
    except Exception:  # pysbd has crashed on odd input; the regex splitter still works
        spans = None
    if spans is None:
        spans = _regex_split(text, start, end)
    spans = [piece for s, e in spans for piece in _split_inside_quotes(text, s, e)]
    spans = [piece for s, e in spans for piece in _split_after_repeated_marks(text, s, e)]
    joined: list[tuple[int, int]] = []
    for s, e in spans:
        if joined and _should_join(text[joined[-1][0]:joined[-1][1]], text[s:e], lang):
            joined[-1] = (joined[-1][0], e)
        else:
            joined.append((s, e))
    result = []
    for s, e in joined:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            result.append((s, e))
    return result


# Below this many blocks, forking workers costs more than it saves.
PARALLEL_MIN_BLOCKS = 400


def _split_chunk(args) -> list[list[tuple[int, int]]]:
    text, blocks, lang = args
    return [split_sentences(text, start, end, lang) for start, end in blocks]


#: processes sentence segmentation may start for a long document; None: one per CPU,
#: or ``QA_WORKERS`` from the environment (benchmarks pin it there)
_worker_limit: int | None = None


def limit_workers(workers: int | None) -> None:
    """Cap the processes segmentation may start in this process (a batch worker sets 1,
    so process pools do not nest); None restores the default."""
    global _worker_limit
    _worker_limit = None if workers is None else max(1, workers)


def _workers() -> int:
    if _worker_limit is not None:
        return _worker_limit
    configured = os.environ.get("QA_WORKERS")
    if configured and configured.isdigit():
        return max(1, int(configured))
    return os.cpu_count() or 1


def split_blocks(text: str, blocks: list[tuple[int, int]], lang: str) -> list[list[tuple[int, int]]]:
    """Sentence spans of every block; long documents are split across CPU cores
    (pysbd is pure Python, so processes, not threads). Same result either way."""
    # blocks of one sentence need no pysbd (most units of a translation memory): done
    # here, and only the others go to the workers
    spans: list[list[tuple[int, int]] | None] = []
    for start, end in blocks:
        single = _one_sentence(text, start, end)
        spans.append([single] if single else None)
    rest = [block for block, found in zip(blocks, spans) if found is None]
    done = iter(_split_rest(text, rest, lang))
    return [found if found is not None else next(done) for found in spans]


def _split_rest(text: str, blocks: list[tuple[int, int]], lang: str) -> list[list[tuple[int, int]]]:
    """Sentence spans of blocks that need pysbd, across processes when there are many."""
    workers = _workers()
    if workers < 2 or len(blocks) < PARALLEL_MIN_BLOCKS:
        return _split_chunk((text, blocks, lang))
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = -(-len(blocks) // (workers * 4))
    chunks = [(text, blocks[k:k + size], lang) for k in range(0, len(blocks), size)]
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:  # platforms without fork: stay sequential
        return _split_chunk((text, blocks, lang))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return [spans for part in pool.map(_split_chunk, chunks) for spans in part]


def segment(loaded: LoadedText, lang: str, path: str) -> Document:
    """Split a loaded document into paragraphs and sentences."""
    masked = mask_markup(loaded.text, loaded.markup)
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    all_spans = split_blocks(masked, [(s, e) for s, e, _ in loaded.blocks], lang)
    for (start, end, kind), spans in zip(loaded.blocks, all_spans):
        if not spans:
            continue
        p_index = len(paragraphs)
        paragraphs.append(Paragraph(p_index, spans[0][0], spans[-1][1], kind))
        for k, (s, e) in enumerate(spans):
            sentences.append(Sentence(len(sentences), f"p{p_index + 1}.s{k + 1}", s, e,
                                      p_index, loaded.text[s:e]))
    return Document(path=path, text=loaded.text, lang=lang, format=loaded.format,
                    newline=loaded.newline, bom=loaded.bom,
                    blocks=tuple((s, e) for s, e, _ in loaded.blocks),
                    markup=loaded.markup, paragraphs=tuple(paragraphs),
                    sentences=tuple(sentences), origin=loaded.origin)
