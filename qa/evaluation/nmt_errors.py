"""Real NMT errors (Guerreiro et al. 2023: WMT18 German→English Transformer outputs with
hallucination, omission, named-entity and repetition annotations).

Each row is a one-sentence pair (source, MT). Per error label: recall (rows flagged),
recall by the qa category meant for it, and precision at the corpus's own mix of that
label's rows and the rows judged correct (2,048 correct rows against 34–204 rows per
label, so precision here is much lower than at a 1:1 mix).
"""

from __future__ import annotations

import csv
from pathlib import Path

from qa.config import Config
from qa.evaluation.mt_pass import prewarm
from qa.evaluation.outcomes import category_rates, pair_outcome, pct, precision

FILE = "nmt-hallucinations-deen/guerreiro2022_corpus_w_annotations.csv"
LABELS = ("repetitions", "named-entities", "omission", "strong-unsupport", "full-unsupport")
EXPECTED_CATEGORY = {
    "repetitions": {"fluency", "addition"},
    "named-entities": {"names"},
    "omission": {"omission"},
    "strong-unsupport": {"mistranslation", "addition", "names", "numbers"},
    "full-unsupport": {"mistranslation", "addition", "names", "numbers"},
}


def evaluate(data: Path, config: Config, limit: int) -> dict:
    """Per-label recall and precision; the false-positive rate on rows judged correct."""
    path = data / FILE
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))[:limit]
    prewarm(config, [r["src"] for r in rows], [r["mt"] for r in rows])
    outcomes = [pair_outcome(r["src"], r["mt"], config) for r in rows]
    correct = [o for r, o in zip(rows, outcomes) if r["correctness"] == "1"]
    false_alarms = sum(o.flagged for o in correct)
    groups = {label: [o for r, o in zip(rows, outcomes) if r.get(label) == "1"] for label in LABELS}
    groups["other error (no label)"] = [o for r, o in zip(rows, outcomes) if r["correctness"] != "1"
                                        and not any(r.get(label) == "1" for label in LABELS)]
    groups["any error"] = [o for r, o in zip(rows, outcomes) if r["correctness"] != "1"]
    result = {}
    for label, group in groups.items():
        hit = sum(o.flagged for o in group)
        wanted = EXPECTED_CATEGORY.get(label)
        result[label] = {"n": len(group), "recall_pct": pct(hit, len(group)),
                         "recall_category_pct": (pct(sum(o.flagged_as(wanted) for o in group), len(group))
                                                 if wanted else None),
                         "precision_pct": precision(hit, false_alarms)}
    result["correct"] = {"n": len(correct), "false_positive_pct": pct(false_alarms, len(correct)),
                         "by_category_pct": category_rates(correct)}
    return result
