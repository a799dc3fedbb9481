"""DEMETR German→English: recall per perturbation file and per DEMETR severity class,
precision against the unperturbed translations of the same sentences, and the
false-positive rate on clean translations, overall and per qa category.

Each DEMETR item is a one-sentence document pair. Perturbed translations (`pert_sent`
where `pert_check` is true and the text changed) are positives for their perturbation
file; `mt_sent` and `eng_sent` of every item (and `base_id35_reference`) are negatives,
each distinct text counted once (the reference file repeats `eng_sent`).
An item counts as flagged when qa reports any finding above `info`.

Precision of a file is counted on its perturbed items together with the unperturbed MT
(`mt_sent`) of the same items: one clean twin per positive.

Usage:  qa eval … (all datasets)   or   python benchmarks/demetr.py [FOLDER] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from qa.config import Config
from qa.errors import QAError
from qa.evaluation.mt_pass import prewarm
from qa.evaluation.outcomes import (Outcome, category_rates, code_counts, pair_outcome, pct,
                                    precision)

# The perturbations each of qa's categories is meant to catch (for the "by the right
# category" columns); the others are reported with "any finding" only.
EXPECTED_CATEGORY = {
    "critical_id10_numbers_replaced": {"numbers"},
    "critical_id4_codemix": {"untranslated"},
    "critical_id9_ne_replaced": {"names"},
    "critical_id25_ne_removed": {"names", "omission"},
    "critical_id8_negation": {"mistranslation"},
    "critical_id6_addition": {"addition"},
}
REFERENCE_FILE = "base_id35_reference"


def _load(folder: Path) -> list[tuple[str, list[dict]]]:
    files = sorted(folder.glob("*.json"))
    if not files:
        raise QAError(f"{folder}: no DEMETR *.json files")
    loaded = []
    for path in files:
        try:
            loaded.append((path.stem, json.loads(path.read_text(encoding="utf-8"))))
        except ValueError as exc:  # JSONDecodeError, or bytes that are not UTF-8
            raise QAError(f"{path}: not a DEMETR JSON file ({exc})") from exc
    return loaded


def _is_positive(name: str, item: dict) -> bool:
    return (name != REFERENCE_FILE and bool(item.get("pert_check"))
            and item["pert_sent"] != item["mt_sent"])


def evaluate(folder: Path, config: Config | None = None, limit: int = 100_000) -> dict:
    """DEMETR figures for one configuration (MT off by default)."""
    config = config or Config(mt=False)
    files = [(name, items[:limit]) for name, items in _load(folder)]
    sources: dict[int, str] = {}
    clean: dict[tuple[int, str], str] = {}  # (item id, text) → kind
    mt_text: dict[int, str] = {}
    for name, items in files:
        for item in items:
            sources[item["id"]] = item["src_sent"]
            mt_text[item["id"]] = item["mt_sent"]
            clean.setdefault((item["id"], item["mt_sent"]), "mt")
            clean.setdefault((item["id"], item["eng_sent"]), "eng")
            if name == REFERENCE_FILE:
                clean.setdefault((item["id"], item["pert_sent"]), "reference")
    prewarm(config, sources.values(),
            [text for _, text in clean] + [item["pert_sent"] for name, items in files
                                           for item in items if _is_positive(name, item)])

    negatives = {key: pair_outcome(sources[key[0]], key[1], config) for key in sorted(clean)}
    rows = []
    by_class: dict[str, list[int]] = {}
    for name, items in files:
        if name == REFERENCE_FILE:
            continue
        wanted = EXPECTED_CATEGORY.get(name)
        n = tp = fp = tp_cat = fp_cat = 0
        for item in items:
            if not _is_positive(name, item):
                continue
            n += 1
            found = pair_outcome(item["src_sent"], item["pert_sent"], config)
            twin: Outcome = negatives[(item["id"], item["mt_sent"])]
            tp += found.flagged
            fp += twin.flagged
            if wanted:
                tp_cat += found.flagged_as(wanted)
                fp_cat += twin.flagged_as(wanted)
        severity_class = name.split("_", 1)[0]
        totals = by_class.setdefault(severity_class, [0, 0])
        totals[0] += n
        totals[1] += tp
        rows.append({"file": name, "class": severity_class, "positives": n,
                     "recall_any": pct(tp, n), "precision_any": precision(tp, fp),
                     "recall_category": pct(tp_cat, n) if wanted else None,
                     "precision_category": precision(tp_cat, fp_cat) if wanted else None,
                     "expected_categories": sorted(wanted) if wanted else None})
    clean_outcomes = list(negatives.values())
    return {"rows": rows,
            "by_class": {k: {"positives": n, "recall_any": pct(hit, n)}
                         for k, (n, hit) in sorted(by_class.items())},
            "negatives": len(clean_outcomes),
            "false_positive_rate": pct(sum(o.flagged for o in clean_outcomes), len(clean_outcomes)),
            "false_positives_by_category": category_rates(clean_outcomes),
            "false_positives_by_code": code_counts(clean_outcomes)}


def main(default: Path | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=default)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    result = evaluate(args.folder)
    print(f"DEMETR de→en: {args.folder}  (MT checks off)")
    print(f"{'perturbation':<36} {'n':>4} {'recall':>7} {'prec.':>7} {'category':>9} {'prec.':>7}")

    def cell(value) -> str:
        return "—" if value is None else f"{value:.1f}%"

    for row in result["rows"]:
        print(f"{row['file']:<36} {row['positives']:>4} {cell(row['recall_any']):>7} "
              f"{cell(row['precision_any']):>7} {cell(row['recall_category']):>9} "
              f"{cell(row['precision_category']):>7}")
    print(f"negatives (mt_sent, eng_sent, reference): {result['negatives']}, "
          f"flagged above info: {cell(result['false_positive_rate'])}")
    print(f"  by category: {result['false_positives_by_category']}")
    print(f"  by check:    {result['false_positives_by_code']}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
