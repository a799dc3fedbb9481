"""WMT23 terminology task (German→English medical abstracts): qa's termbase check on
references, before and after corrupting one term.

Termbase per sentence: the task's proper term pairs (`deen.term.proper`) whose English
occurs in the reference. Negatives: the references as they are (any TRM01 finding is a
false alarm). Positives, the corruption procedure: in each reference the rendering of
the sentence's first term is replaced by a term rendering drawn (seeded) from other
sentences, one that neither contains nor is contained in the original.
"""

from __future__ import annotations

import csv
import json
import random
import tempfile
from dataclasses import replace
from pathlib import Path

from qa.config import Config
from qa.evaluation.outcomes import pair_outcome, pct, precision
from qa.evaluation.wmt import read_lines

FOLDER = "wmt23-terminology-deen"
SEED = 7


def evaluate(data: Path, config: Config, limit: int) -> dict:
    """False alarms on references, recall on corrupted references, precision at one
    corrupted reference per clean one."""
    base = data / FOLDER
    if not (base / "deen.de").is_file():
        return {}
    de, en = read_lines(base / "deen.de")[:limit], read_lines(base / "deen.en")[:limit]
    terms = [json.loads(line) if line.strip() else []
             for line in read_lines(base / "deen.term.proper")[:limit]]
    rng = random.Random(SEED)
    pool = [t["en"] for ts in terms for t in ts if t.get("en")]
    negatives = false_alarms = positives = caught = 0
    with tempfile.TemporaryDirectory() as tmp:
        for k, (src, ref, entries) in enumerate(zip(de, en, terms)):
            entries = [t for t in entries if t.get("en") and t.get("de") and t["en"] in ref]
            if not entries or not src.strip():
                continue
            path = Path(tmp) / f"t{k}.csv"
            with path.open("w", encoding="utf-8", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(["de", "en"])
                writer.writerows([t["de"], t["en"]] for t in entries)
            sentence_config = replace(config, termbase=(str(path),), select=("terminology",))
            clean = pair_outcome(src, ref, sentence_config)
            if clean.refused:
                continue
            negatives += 1
            false_alarms += "TRM01" in clean.codes
            victim = entries[0]["en"]
            wrong = rng.choice([p for p in pool if p.lower() not in victim.lower()
                                and victim.lower() not in p.lower()])
            corrupted = pair_outcome(src, ref.replace(victim, wrong, 1), sentence_config)
            positives += 1
            caught += "TRM01" in corrupted.codes
    return {"sentences_with_terms": negatives,
            "reference_false_alarm_pct": pct(false_alarms, negatives),
            "corrupted_recall_pct": pct(caught, positives),
            "precision_pct": precision(caught, false_alarms)}
