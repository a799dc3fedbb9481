"""Synthetic document pairs with a known sentence pairing, for measuring the aligner.

From a list of parallel sentence pairs (German, English) we build a source and a target
document in paragraphs and perturb the target the way real translations and real
defects do: two sentences merged into one (2-1), one split into two (1-2), a sentence
dropped (1-0), a foreign sentence inserted (0-1), a whole paragraph dropped, a paragraph
moved (swapped with the one after it, as an editor reordering a story does). The gold
pairing records which source sentences correspond to which target sentences, so the
aligner's beads can be scored exactly.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from qa.model import SegmentPair


@dataclass
class SyntheticPair:
    """Two documents and their gold beads over *units* (the input sentences).

    ``source_units``/``target_units`` are the units' character spans. The segmenter may
    cut a document differently from the units (a unit holding two sentences, an
    ambiguous full stop); :meth:`gold_sentences` maps the gold onto the sentences the
    documents actually split into, merging beads that share a sentence.
    """

    source: str
    target: str
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]]
    source_units: list[tuple[int, int]]
    target_units: list[tuple[int, int]]
    operations: dict[str, int] = field(default_factory=dict)

    def gold_sentences(self, source_doc, target_doc) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
        """Gold beads as (source sentence indices, target sentence indices)."""

        def owners(units, doc):
            # sentence index -> units it overlaps; unit -> sentences
            unit_sents: list[set[int]] = [set() for _ in units]
            for k, sent in enumerate(doc.sentences):
                for u, (a, b) in enumerate(units):
                    if sent.start < b and a < sent.end:
                        unit_sents[u].add(k)
            return unit_sents

        src_of = owners(self.source_units, source_doc)
        tgt_of = owners(self.target_units, target_doc)
        parent = list(range(len(self.gold)))

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        seen_s: dict[int, int] = {}
        seen_t: dict[int, int] = {}
        for b, (su, tu) in enumerate(self.gold):
            for sent in {k for u in su for k in src_of[u]}:
                if sent in seen_s:
                    parent[find(b)] = find(seen_s[sent])
                seen_s[sent] = b
            for sent in {k for u in tu for k in tgt_of[u]}:
                if sent in seen_t:
                    parent[find(b)] = find(seen_t[sent])
                seen_t[sent] = b
        groups: dict[int, tuple[set[int], set[int]]] = {}
        for b, (su, tu) in enumerate(self.gold):
            g = groups.setdefault(find(b), (set(), set()))
            g[0].update(k for u in su for k in src_of[u])
            g[1].update(k for u in tu for k in tgt_of[u])
        beads = [(tuple(sorted(a)), tuple(sorted(b))) for a, b in groups.values() if a or b]
        return sorted(beads, key=lambda x: (x[0][:1] or (-1,), x[1][:1] or (-1,)))


def _merge_en(first: str, second: str) -> str:
    """Join two English sentences into one, as a translator combining them would."""
    first = first.rstrip()
    if first and first[-1] in ".!?":
        first = first[:-1]
    second = second.strip()
    if second[:1].isupper() and not second[:2].isupper() and not re.match(r"[A-Z][a-z]+ [A-Z]", second):
        second = second[0].lower() + second[1:]
    return f"{first}; {second}"


def _split_en(sentence: str) -> tuple[str, str] | None:
    """Split an English sentence at a comma near its middle, or None if there is none."""
    commas = [m.start() for m in re.finditer(r", ", sentence)]
    if not commas:
        return None
    mid = min(commas, key=lambda c: abs(c - len(sentence) / 2))
    left, right = sentence[:mid].strip(), sentence[mid + 2:].strip()
    if len(left) < 15 or len(right) < 15:
        return None
    right = right[0].upper() + right[1:]
    if not right.endswith((".", "!", "?", "\"", "”")):
        right += "."
    return left + ".", right


def build_pair(pairs: list[tuple[str, str]], rng: random.Random, *,
               paragraph_sizes: tuple[int, int] = (2, 6), p_merge: float = 0.04,
               p_split: float = 0.04, p_drop: float = 0.03, p_add: float = 0.03,
               p_drop_paragraph: float = 0.02, p_move_paragraph: float = 0.0,
               fillers: list[str] | None = None) -> SyntheticPair:
    """Lay ``pairs`` out as paragraphs and perturb the English side at random."""
    fillers = fillers or [en for _, en in pairs]
    ops = {"merge": 0, "split": 0, "drop": 0, "add": 0, "drop_paragraph": 0, "move_paragraph": 0}
    src_paras: list[list[str]] = []
    tgt_paras: list[list[str]] = []
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    s_index = t_index = 0
    k = 0
    while k < len(pairs):
        size = rng.randint(*paragraph_sizes)
        chunk = pairs[k:k + size]
        k += size
        src_paras.append([de for de, _ in chunk])
        s_ids = list(range(s_index, s_index + len(chunk)))
        s_index += len(chunk)
        if len(chunk) > 1 and rng.random() < p_drop_paragraph:
            ops["drop_paragraph"] += 1
            gold.extend(((i,), ()) for i in s_ids)
            continue
        para: list[str] = []
        m = 0
        while m < len(chunk):
            r = rng.random()
            en = chunk[m][1]
            if r < p_add:
                para.append(rng.choice(fillers))
                gold.append(((), (t_index,)))
                t_index += 1
                ops["add"] += 1
            r = rng.random()
            if r < p_drop and len(chunk) > 1:
                gold.append(((s_ids[m],), ()))
                ops["drop"] += 1
                m += 1
                continue
            if r < p_drop + p_merge and m + 1 < len(chunk):
                para.append(_merge_en(en, chunk[m + 1][1]))
                gold.append(((s_ids[m], s_ids[m + 1]), (t_index,)))
                t_index += 1
                ops["merge"] += 1
                m += 2
                continue
            if r < p_drop + p_merge + p_split:
                halves = _split_en(en)
                if halves:
                    para.extend(halves)
                    gold.append(((s_ids[m],), (t_index, t_index + 1)))
                    t_index += 2
                    ops["split"] += 1
                    m += 1
                    continue
            para.append(en)
            gold.append(((s_ids[m],), (t_index,)))
            t_index += 1
            m += 1
        if para:
            tgt_paras.append(para)
    if p_move_paragraph:
        tgt_paras, gold = _move_paragraphs(tgt_paras, gold, rng, p_move_paragraph, ops)
    source, source_units = _layout(src_paras)
    target, target_units = _layout(tgt_paras)
    return SyntheticPair(source, target, gold, source_units, target_units, ops)


def _move_paragraphs(paragraphs: list[list[str]], gold, rng: random.Random, p: float,
                     ops: dict[str, int]):
    """Swap paragraphs with the one after them (probability ``p`` each) and renumber the
    target side of the gold beads to the new order."""
    ids: list[list[int]] = []
    next_id = 0
    for para in paragraphs:
        ids.append(list(range(next_id, next_id + len(para))))
        next_id += len(para)
    order = list(range(len(paragraphs)))
    k = 0
    while k + 1 < len(order):
        if rng.random() < p:
            order[k], order[k + 1] = order[k + 1], order[k]
            ops["move_paragraph"] += 1
            k += 2
        else:
            k += 1
    renumber: dict[int, int] = {}
    for para_index in order:
        for old in ids[para_index]:
            renumber[old] = len(renumber)
    moved_gold = [(s, tuple(sorted(renumber[t] for t in ts))) for s, ts in gold]
    return [paragraphs[i] for i in order], moved_gold


def _layout(paragraphs: list[list[str]]) -> tuple[str, list[tuple[int, int]]]:
    """Join sentences with spaces and paragraphs with blank lines; return unit spans."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for p_index, para in enumerate(paragraphs):
        if p_index:
            parts.append("\n\n")
            pos += 2
        for s_index, sentence in enumerate(para):
            if s_index:
                parts.append(" ")
                pos += 1
            parts.append(sentence)
            spans.append((pos, pos + len(sentence)))
            pos += len(sentence)
    parts.append("\n")
    return "".join(parts), spans


@dataclass(frozen=True)
class AlignmentScore:
    """Bead-level precision/recall/F1 and null-bead (omission/addition) detection."""

    precision: float
    recall: float
    f1: float
    omission_recall: float
    omission_precision: float
    addition_recall: float
    addition_precision: float
    gold_beads: int
    predicted_beads: int


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def score_alignment(gold, pairs: list[SegmentPair] | tuple[SegmentPair, ...]) -> AlignmentScore:
    """Exact-match scoring of beads; omissions and additions scored per sentence."""
    predicted = {(p.source, p.target) for p in pairs}
    gold_set = {(tuple(s), tuple(t)) for s, t in gold}
    hit = len(predicted & gold_set)
    p = _ratio(hit, len(predicted))
    r = _ratio(hit, len(gold_set))
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    gold_om = {s[0] for s, t in gold_set if not t}
    gold_add = {t[0] for s, t in gold_set if not s}
    pred_om = {p.source[0] for p in pairs if not p.target}
    pred_add = {p.target[0] for p in pairs if not p.source}
    return AlignmentScore(
        precision=p, recall=r, f1=f1,
        omission_recall=_ratio(len(gold_om & pred_om), len(gold_om)),
        omission_precision=_ratio(len(gold_om & pred_om), len(pred_om)),
        addition_recall=_ratio(len(gold_add & pred_add), len(gold_add)),
        addition_precision=_ratio(len(gold_add & pred_add), len(pred_add)),
        gold_beads=len(gold_set), predicted_beads=len(predicted))


def wmt_parallel_sentences(data) -> list[tuple[str, str]]:
    """WMT21/22 source/reference pairs that segment as one sentence on each side."""
    from pathlib import Path

    from qa.evaluation.wmt import SENTENCE_SETS
    from qa.segment import split_sentences

    pairs = []
    for src, ref in SENTENCE_SETS:
        s, r = Path(data) / src, Path(data) / ref
        if not (s.is_file() and r.is_file()):
            continue
        for de, en in zip(s.read_text(encoding="utf-8").splitlines(),
                          r.read_text(encoding="utf-8").splitlines()):
            de, en = de.strip(), en.strip()
            if len(de) >= 20 and len(en) >= 20 and len(split_sentences(de, 0, len(de), "de")) == 1 \
                    and len(split_sentences(en, 0, len(en), "en")) == 1:
                pairs.append((de, en))
    return pairs
