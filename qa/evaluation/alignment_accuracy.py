"""Alignment accuracy on documents built from WMT21/22 sentence pairs with a known n:m
structure (see :mod:`qa.evaluation.synthetic`): bead precision/recall/F1 of qa's
aligner and omission/addition detection, with and without moved paragraphs."""

from __future__ import annotations

import random
from pathlib import Path

SIZE = 1000
SCENARIOS = (
    ("merges, splits, drops, additions, dropped paragraphs", {}),
    ("the same, plus 10% of paragraphs swapped with their neighbour",
     {"p_move_paragraph": 0.1}),
)


def evaluate(data: Path, size: int = SIZE) -> list[dict]:
    from qa.align import align_documents
    from qa.evaluation.synthetic import build_pair, score_alignment, wmt_parallel_sentences
    from qa.runner import load_document

    pool = wmt_parallel_sentences(data)
    if not pool:
        return []
    rows = []
    for name, perturbation in SCENARIOS:
        rng = random.Random(13)
        start = rng.randrange(len(pool))
        chosen = [pool[(start + k) % len(pool)] for k in range(min(size, len(pool)))]
        synthetic = build_pair(chosen, rng, fillers=[en for _, en in pool[::7]], **perturbation)
        source = load_document("de.txt", "de", text=synthetic.source)
        target = load_document("en.txt", "en", text=synthetic.target)
        score = score_alignment(synthetic.gold_sentences(source, target),
                                align_documents(source, target).pairs)
        rows.append({"scenario": name, "sentence_pairs": len(chosen),
                     "operations": synthetic.operations,
                     **{k: round(getattr(score, k), 3) for k in (
                         "precision", "recall", "f1", "omission_recall", "omission_precision",
                         "addition_recall", "addition_precision")}})
    return rows
