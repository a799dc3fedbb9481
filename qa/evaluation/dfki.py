"""DFKI linguistic test suite (German→English): per linguistic category, the share of
outputs judged wrong that qa flags, the share judged right that it flags, and precision
at the suite's own mix of the two.

Verb tense/aspect/mood (the suite's largest category) is left out: qa has no check for
it, and its hundreds of items would only dilute the table.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from qa.config import Config
from qa.evaluation.mt_pass import prewarm
from qa.evaluation.outcomes import pair_outcome, pct, precision

FILE = "dfki-mt-testsuite-deen/items.json"


def evaluate(data: Path, config: Config, limit: int) -> list[dict]:
    path = data / FILE
    if not path.is_file():
        return []
    items = [item for item in json.loads(path.read_text(encoding="utf-8"))["items"]
             if not item["category"].startswith("Verb tense")][:limit]
    prewarm(config, [item["source_sentence"] for item in items],
            [out for item in items for out in item["negative_tokens"] + item["positive_tokens"]])
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # wrong n/hit, right n/hit
    for item in items:
        tally = counts[item["category"]]
        for offset, kind in ((0, "negative_tokens"), (2, "positive_tokens")):
            for output in item[kind]:
                tally[offset] += 1
                tally[offset + 1] += pair_outcome(item["source_sentence"], output, config).flagged
    return [{"category": category, "wrong_outputs": wn, "wrong_flagged_pct": pct(wh, wn),
             "right_outputs": rn, "right_flagged_pct": pct(rh, rn), "precision_pct": precision(wh, rh)}
            for category, (wn, wh, rn, rh) in sorted(counts.items())]
