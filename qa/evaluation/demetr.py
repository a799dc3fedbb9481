"""Run qa's checks on the DEMETR German→English subset and print recall per perturbation
and the false-positive rate on clean translations.

Each DEMETR item is a one-sentence document pair. Perturbed translations (`pert_sent`
where `pert_check` is true and the text changed) are positives for their perturbation
file; `mt_sent` and `eng_sent` of every item (and `base_id35_reference`) are negatives,
each distinct text counted once (the reference file repeats `eng_sent`).
A pair counts as flagged when qa reports any finding above `info`.

Usage:  qa eval … (all datasets)   or   python benchmarks/demetr.py [FOLDER] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from qa.config import Config
from qa.errors import QAError
from qa.model import Severity
from qa.runner import check_documents

# The perturbations each of qa's categories is meant to catch (for the "by the right
# category" column); the others are reported with "any finding" only.
EXPECTED_CATEGORY = {
    "critical_id10_numbers_replaced": {"numbers"},
    "critical_id4_codemix": {"untranslated"},
    "critical_id9_ne_replaced": {"names"},
    "critical_id25_ne_removed": {"names", "omission"},
    "critical_id8_negation": {"mistranslation"},
    "critical_id6_addition": {"addition"},
}


def findings_for(source: str, target: str, config: Config):
    try:
        report = check_documents(source, target, config)
    except QAError as exc:  # a one-sentence item our loader refuses (e.g. only ".")
        return None, str(exc)
    return [f for f in report.findings if f.severity is not Severity.INFO], None


def evaluate(folder: Path, config: Config | None = None) -> dict:
    config = config or Config(mt=False)
    files = sorted(folder.glob("*.json"))
    if not files:
        raise QAError(f"{folder}: no DEMETR *.json files")
    rows = []
    negatives: dict[tuple[int, str], str] = {}
    sources: dict[int, str] = {}
    for path in files:
        items = json.loads(path.read_text(encoding="utf-8"))
        name = path.stem
        positives = flagged = right_category = errors = 0
        for item in items:
            sources[item["id"]] = item["src_sent"]
            negatives[(item["id"], "mt")] = item["mt_sent"]
            negatives[(item["id"], "eng")] = item["eng_sent"]
            if name == "base_id35_reference":
                negatives[(item["id"], "ref")] = item["pert_sent"]
                continue
            if not item["pert_check"] or item["pert_sent"] == item["mt_sent"]:
                continue
            positives += 1
            found, error = findings_for(item["src_sent"], item["pert_sent"], config)
            if found is None:
                errors += 1
                flagged += 1  # refused input is reported to the user: counts as caught
                continue
            if found:
                flagged += 1
            wanted = EXPECTED_CATEGORY.get(name)
            if wanted and any(f.category.value in wanted for f in found):
                right_category += 1
        if name == "base_id35_reference":
            continue
        rows.append({"file": name, "positives": positives,
                     "recall_any": round(flagged / positives, 3) if positives else None,
                     "recall_category": (round(right_category / positives, 3)
                                         if positives and name in EXPECTED_CATEGORY else None),
                     "refused": errors})
    neg_total = neg_flagged = 0
    by_category: Counter[str] = Counter()
    by_code: Counter[str] = Counter()
    unique = {(item_id, text) for (item_id, _kind), text in negatives.items()}
    for item_id, text in sorted(unique):
        found, error = findings_for(sources[item_id], text, config)
        neg_total += 1
        if found is None:
            by_code["refused"] += 1
            neg_flagged += 1
            continue
        if found:
            neg_flagged += 1
        for category in {f.category.value for f in found}:
            by_category[category] += 1
        for code in {f.code for f in found}:
            by_code[code] += 1
    return {"rows": rows, "negatives": neg_total,
            "false_positive_rate": round(neg_flagged / neg_total, 4),
            "false_positives_by_category": dict(sorted(by_category.items())),
            "false_positives_by_code": dict(sorted(by_code.items()))}


def main(default: Path | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=default)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    result = evaluate(args.folder)
    print(f"DEMETR de→en: {args.folder}  (MT checks off)")
    print(f"{'perturbation':<36} {'n':>4} {'any':>7} {'category':>9}")
    for row in result["rows"]:
        any_ = f"{row['recall_any']:.1%}" if row["recall_any"] is not None else "—"
        cat = f"{row['recall_category']:.1%}" if row["recall_category"] is not None else ""
        print(f"{row['file']:<36} {row['positives']:>4} {any_:>7} {cat:>9}")
    print(f"negatives (mt_sent, eng_sent, reference): {result['negatives']}, "
          f"flagged above info: {result['false_positive_rate']:.1%}")
    print(f"  by category: {result['false_positives_by_category']}")
    print(f"  by check:    {result['false_positives_by_code']}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
