"""Measured accuracy on real German→English data nobody here wrote; writes
docs/accuracy.md and docs/accuracy.json.

Datasets (read by path from ../shared/data, never copied; each has a PROVENANCE.md):
* DEMETR: recall per perturbation, false positives on clean translations;
* WMT21/22/23 human references as negatives: findings per 1,000 sentences and the checks
  that raise them;
* WMT22 system outputs with crowd DA scores: mean z-score of flagged vs unflagged
  segments, and ROC AUC of qa's per-segment severity against low human scores;
* WMT23 terminology: termbase per sentence from the proper term pairs; references as
  negatives; recall after replacing the reference's rendering of a term by another
  sentence's term rendering (the corruption procedure);
* real NMT errors (Guerreiro et al. 2023): recall per error label, false positives on
  rows judged correct;
* DFKI test suite: outputs judged wrong vs right per linguistic category;
* alignment: perturbed documents from WMT21/22 sentence pairs (benchmarks/alignment.py).

MT checks are skipped in every run here: no real OPUS-MT weights exist on these machines
(the toy fixtures translate only their own template domain). Each table says so.

Usage:  qa eval [../shared/data] [--out docs] [--limit N]
        (python benchmarks/accuracy.py is the same)
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from qa import __version__
from qa.config import Config
from qa.model import Severity
from qa.runner import check_documents

SEVERITY_RANK = {"critical": 3, "major": 2, "minor": 1, "info": 0}


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def segment_findings(sources: list[str], targets: list[str], config: Config,
                     chunk: int = 40) -> list[list]:
    """Findings per segment: documents of ``chunk`` segments, one paragraph each, so the
    aligner sees real paragraph structure; findings are mapped back through spans."""
    per_segment: list[list] = [[] for _ in sources]
    for start in range(0, len(sources), chunk):
        src = sources[start:start + chunk]
        tgt = targets[start:start + chunk]
        keep = [k for k in range(len(src)) if src[k].strip() and tgt[k].strip()]
        if not keep:
            continue
        source_text = "\n\n".join(src[k].strip() for k in keep) + "\n"
        target_text = "\n\n".join(tgt[k].strip() for k in keep) + "\n"
        try:
            report = check_documents(source_text, target_text, config)
        except Exception:  # a chunk the loader refuses is counted as unflagged
            continue
        src_par = [p for p in report.source.paragraphs]
        tgt_par = [p for p in report.target.paragraphs]
        for finding in report.findings:
            if finding.severity is Severity.INFO:
                continue
            if finding.source_span:
                doc_pars, pos = src_par, finding.source_span[0]
            elif finding.target_span:
                doc_pars, pos = tgt_par, finding.target_span[0]
            else:
                continue
            index = next((i for i, p in enumerate(doc_pars) if p.start <= pos < p.end + 1), None)
            if index is not None and index < len(keep):
                per_segment[start + keep[index]].append(finding)
    return per_segment


def wmt_references(data: Path, limit: int) -> list[dict]:
    sets = [
        ("WMT21 news (ref A)", "wmt21-news-deen/txt/sources/newstest2021.de-en.src.de",
         "wmt21-news-deen/txt/references/newstest2021.de-en.ref.A.en"),
        ("WMT22 general (ref A)", "wmt22-general-deen/txt/sources/generaltest2022.de-en.src.de",
         "wmt22-general-deen/txt/references/generaltest2022.de-en.ref.A.en"),
        ("WMT23 general (paragraphs)", "wmt23-general-deen/txt/sources/generaltest2023.de-en.src.de",
         "wmt23-general-deen/txt/references/generaltest2023.de-en.ref.refA.en"),
    ]
    rows = []
    for name, src, ref in sets:
        if not (data / src).is_file():
            continue
        sources, targets = _lines(data / src)[:limit], _lines(data / ref)[:limit]
        per_segment = segment_findings(sources, targets, Config(mt=False))
        codes = Counter(f.code for fs in per_segment for f in fs)
        flagged = sum(1 for fs in per_segment if fs)
        rows.append({"dataset": name, "segments": len(sources),
                     "segments_flagged_pct": round(100 * flagged / len(sources), 2),
                     "findings_per_1000": round(1000 * sum(codes.values()) / len(sources), 1),
                     "top_checks": codes.most_common(5)})
    return rows


def _auc(positives: list[float], negatives: list[float]) -> float:
    """P(score of a positive > score of a negative), ties counted half."""
    if not positives or not negatives:
        return float("nan")
    neg_sorted = sorted(negatives)
    import bisect

    wins = 0.0
    for p in positives:
        lo = bisect.bisect_left(neg_sorted, p)
        hi = bisect.bisect_right(neg_sorted, p)
        wins += lo + 0.5 * (hi - lo)
    return wins / (len(positives) * len(negatives))


def wmt22_systems(data: Path, limit: int) -> list[dict]:
    base = data / "wmt22-general-deen"
    scores_file = base / "humaneval/DA/newstest2022-toen/ad-seg-scores-de-en.csv"
    if not scores_file.is_file():
        return []
    human: dict[tuple[str, int], float] = {}
    with scores_file.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter=" "):
            if not row or row[0] == "SYS":
                continue
            system = row[0].rsplit(".", 1)[0]
            human[(system, int(row[1]))] = float(row[3])
    sources = _lines(base / "txt/sources/generaltest2022.de-en.src.de")[:limit]
    rows = []
    all_flagged, all_unflagged, severities, zs = [], [], [], []
    for hyp in sorted((base / "txt/system-outputs").glob("*.en")):
        system = hyp.name.split(".hyp.")[1][:-3]
        outputs = _lines(hyp)[:limit]
        per_segment = segment_findings(sources, outputs, Config(mt=False))
        flagged, unflagged = [], []
        for sid, findings in enumerate(per_segment, 1):
            z = human.get((system, sid))
            if z is None:
                continue
            (flagged if findings else unflagged).append(z)
            severities.append(max((SEVERITY_RANK[f.severity.value] for f in findings), default=0))
            zs.append(z)
        all_flagged += flagged
        all_unflagged += unflagged
        if flagged or unflagged:
            rows.append({"system": system, "scored": len(flagged) + len(unflagged),
                         "flagged": len(flagged),
                         "mean_z_flagged": round(sum(flagged) / len(flagged), 3) if flagged else None,
                         "mean_z_unflagged": round(sum(unflagged) / len(unflagged), 3) if unflagged else None})
    if zs:
        cut = sorted(zs)[len(zs) // 4]  # "low human score" = bottom quartile
        low = [s for s, z in zip(severities, zs) if z <= cut]
        rest = [s for s, z in zip(severities, zs) if z > cut]
        rows.append({"system": "ALL", "scored": len(zs), "flagged": len(all_flagged),
                     "mean_z_flagged": round(sum(all_flagged) / max(1, len(all_flagged)), 3),
                     "mean_z_unflagged": round(sum(all_unflagged) / max(1, len(all_unflagged)), 3),
                     "auc_severity_vs_low_score": round(_auc(low, rest), 3)})
    return rows


def wmt23_terminology(data: Path, limit: int) -> dict:
    base = data / "wmt23-terminology-deen"
    if not (base / "deen.de").is_file():
        return {}
    de, en = _lines(base / "deen.de")[:limit], _lines(base / "deen.en")[:limit]
    terms = [json.loads(line) if line.strip() else [] for line in _lines(base / "deen.term.proper")[:limit]]
    rng = random.Random(7)
    pool = [t["en"] for ts in terms for t in ts]
    neg_flagged = neg_total = pos_found = pos_total = 0
    with tempfile.TemporaryDirectory() as tmp:
        for k, (src, ref, entries) in enumerate(zip(de, en, terms)):
            entries = [t for t in entries if t["en"] and t["de"] and t["en"] in ref]
            if not entries or not src.strip():
                continue
            path = Path(tmp) / f"t{k}.csv"
            with path.open("w", encoding="utf-8", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(["de", "en"])
                for t in entries:
                    writer.writerow([t["de"], t["en"]])
            config = Config(mt=False, termbase=(str(path),), select=("terminology",))
            try:
                report = check_documents(src, ref, config)
            except Exception:
                continue
            neg_total += 1
            neg_flagged += any(f.code == "TRM01" for f in report.findings)
            # corruption: the first term's English rendering replaced by another term's
            victim = entries[0]["en"]
            wrong = rng.choice([p for p in pool if p.lower() not in victim.lower()
                                and victim.lower() not in p.lower()])
            corrupted = ref.replace(victim, wrong, 1)
            report = check_documents(src, corrupted, config)
            pos_total += 1
            pos_found += any(f.code == "TRM01" for f in report.findings)
    return {"sentences_with_terms": neg_total,
            "reference_false_alarm_pct": round(100 * neg_flagged / max(1, neg_total), 2),
            "corrupted_recall_pct": round(100 * pos_found / max(1, pos_total), 2)}


def _flagged(source: str, target: str) -> bool | None:
    try:
        report = check_documents(source, target, Config(mt=False))
    except Exception:  # a pair the loader refuses (empty output) counts as flagged
        return True
    return any(f.severity is not Severity.INFO for f in report.findings)


def hallucinations(data: Path, limit: int) -> dict:
    """Real NMT errors (Guerreiro et al. 2023): recall per error label, false-positive rate
    on rows judged correct; each row is a one-sentence document pair (src, mt)."""
    path = data / "nmt-hallucinations-deen" / "guerreiro2022_corpus_w_annotations.csv"
    if not path.is_file():
        return {}
    labels = ["repetitions", "named-entities", "omission", "strong-unsupport", "full-unsupport"]
    hits: Counter = Counter()
    totals: Counter = Counter()
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))[:limit]
    for row in rows:
        flagged = _flagged(row["src"], row["mt"])
        if row["correctness"] == "1":
            totals["correct"] += 1
            hits["correct"] += flagged
        for label in labels:
            if row.get(label) == "1":
                totals[label] += 1
                hits[label] += flagged
    return {label: {"n": totals[label], "flagged_pct": round(100 * hits[label] / max(1, totals[label]), 1)}
            for label in labels + ["correct"]}


def dfki(data: Path, limit: int) -> list[dict]:
    """DFKI test suite: per category, share of outputs judged wrong that qa flags vs share
    judged right that it flags (verb tense/aspect/mood skipped: qa has no such check)."""
    path = data / "dfki-mt-testsuite-deen" / "items.json"
    if not path.is_file():
        return []
    items = json.loads(path.read_text(encoding="utf-8"))["items"]
    stats: dict[str, Counter] = defaultdict(Counter)
    for item in items[:limit] if limit < 100_000 else items:
        category = item["category"]
        if category.startswith("Verb tense"):
            continue
        for kind in ("negative_tokens", "positive_tokens"):
            for output in item[kind]:
                stats[category][kind + "_n"] += 1
                stats[category][kind + "_flagged"] += bool(_flagged(item["source_sentence"], output))
    rows = []
    for category, c in sorted(stats.items()):
        rows.append({"category": category, "wrong_outputs": c["negative_tokens_n"],
                     "wrong_flagged_pct": round(100 * c["negative_tokens_flagged"] / max(1, c["negative_tokens_n"]), 1),
                     "right_outputs": c["positive_tokens_n"],
                     "right_flagged_pct": round(100 * c["positive_tokens_flagged"] / max(1, c["positive_tokens_n"]), 1)})
    return rows


def alignment(data: Path) -> list[dict]:
    """Perturbed documents of 1,000 WMT sentence pairs (merges, splits, drops, additions,
    dropped paragraphs), aligned in-process and scored against the known pairing."""
    from qa.align import align_documents
    from qa.evaluation.synthetic import build_pair, score_alignment, wmt_parallel_sentences
    from qa.runner import load_document

    pool = wmt_parallel_sentences(data)
    if not pool:
        return []
    rng = random.Random(13)
    start = rng.randrange(len(pool))
    chosen = [pool[(start + k) % len(pool)] for k in range(1000)]
    synthetic = build_pair(chosen, rng, fillers=[en for _, en in pool[::7]])
    source = load_document("de.txt", "de", text=synthetic.source)
    target = load_document("en.txt", "en", text=synthetic.target)
    score = score_alignment(synthetic.gold_sentences(source, target),
                            align_documents(source, target).pairs)
    return [{k: round(getattr(score, k), 4) for k in (
        "precision", "recall", "f1", "omission_recall", "omission_precision",
        "addition_recall", "addition_precision")}]


def write(results: dict, out_md: Path, out_json: Path, command: str) -> None:
    lines = [f"# qa accuracy on real German→English data", "",
             f"Generated by `{command}` with qa {__version__}. MT checks were **skipped** in "
             "every run except the second DEMETR table, which names the models it used. "
             "Data are read from `../shared/data` (see each folder's PROVENANCE.md); nothing "
             "is copied into the repository. Figures are per dataset, never pooled.", ""]
    d = results["demetr"]
    lines += ["## DEMETR (de→en, one-sentence pairs)", "",
              "| perturbation | n | any finding above info | finding of the expected category |",
              "|---|---:|---:|---:|"]
    for row in d["rows"]:
        cat = f"{row['recall_category']:.1%}" if row["recall_category"] is not None else ""
        lines.append(f"| {row['file']} | {row['positives']} | {row['recall_any']:.1%} | {cat} |")
    lines += ["", f"Clean translations (mt_sent, eng_sent, reference; {d['negatives']} distinct "
              f"texts) with any finding above info: **{d['false_positive_rate']:.1%}** "
              f"(by check: {d['false_positives_by_code']}).", ""]
    dm = results.get("demetr_mt")
    lines += [f"### DEMETR with MT checks — models: {results.get('mt_models')}", ""]
    if dm:
        lines += ["| perturbation | any finding above info (MT on) |", "|---|---:|"]
        for row in dm["rows"]:
            if row["file"] in ("critical_id6_addition", "critical_id25_ne_removed",
                               "critical_id9_ne_replaced", "critical_id8_negation",
                               "critical_id4_codemix", "critical_id10_numbers_replaced"):
                lines.append(f"| {row['file']} | {row['recall_any']:.1%} |")
        lines += ["", f"Clean translations flagged with MT on: **{dm['false_positive_rate']:.1%}** "
                  f"(by check: {dm['false_positives_by_code']}).", ""]
    else:
        lines += ["No MT models: the MT pass was not run.", ""]
    lines += ["## WMT human references as negatives", "",
              "| dataset | segments | segments flagged | findings / 1,000 segments | top checks |",
              "|---|---:|---:|---:|---|"]
    for row in results["wmt_references"]:
        top = ", ".join(f"{c} {n}" for c, n in row["top_checks"])
        lines.append(f"| {row['dataset']} | {row['segments']} | {row['segments_flagged_pct']}% | "
                     f"{row['findings_per_1000']} | {top} |")
    lines += ["", "## WMT22 system outputs against crowd DA scores", "",
              "| system | scored segments | flagged | mean z flagged | mean z unflagged |",
              "|---|---:|---:|---:|---:|"]
    for row in results["wmt22_systems"]:
        lines.append(f"| {row['system']} | {row['scored']} | {row['flagged']} | "
                     f"{row['mean_z_flagged']} | {row['mean_z_unflagged']} |")
    overall = next((r for r in results["wmt22_systems"] if r["system"] == "ALL"), None)
    if overall:
        lines += ["", f"ROC AUC of qa's highest severity per segment against a bottom-quartile "
                  f"human z-score: **{overall['auc_severity_vs_low_score']}** (0.5 = chance).", ""]
    t = results["wmt23_terminology"]
    if t:
        lines += ["## WMT23 terminology (medical abstracts)", "",
                  "Termbase per sentence from `deen.term.proper` (pairs whose English occurs in "
                  "the reference). Corruption: the reference's rendering of the first term is "
                  "replaced by another sentence's term rendering (seeded).", "",
                  f"- sentences with terms: {t['sentences_with_terms']}",
                  f"- references flagged by TRM01 (false alarms): {t['reference_false_alarm_pct']}%",
                  f"- corrupted references caught by TRM01 (recall): {t['corrupted_recall_pct']}%", ""]
    h = results.get("hallucinations") or {}
    if h:
        lines += ["## Real NMT errors (Guerreiro et al. 2023, WMT18 de→en Transformer outputs)", "",
                  "Each row a one-sentence pair (source, MT). Share of rows with any finding above info.", "",
                  "| label | rows | flagged |", "|---|---:|---:|"]
        for label, v in h.items():
            name = "judged correct (false-positive rate)" if label == "correct" else label
            lines.append(f"| {name} | {v['n']} | {v['flagged_pct']}% |")
        lines += [""]
    d2 = results.get("dfki") or []
    if d2:
        lines += ["## DFKI linguistic test suite (outputs judged wrong vs right per category)", "",
                  "| category | wrong outputs | flagged | right outputs | flagged |",
                  "|---|---:|---:|---:|---:|"]
        for row in d2:
            lines.append(f"| {row['category']} | {row['wrong_outputs']} | {row['wrong_flagged_pct']}% | "
                         f"{row['right_outputs']} | {row['right_flagged_pct']}% |")
        lines += ["", "Verb tense/aspect/mood (the suite's largest category) is left out: qa has "
                  "no check for it.", ""]
    lines += ["## Alignment (perturbed WMT21/22 documents, 1,000 sentence pairs)", "",
              "| P | R | F1 | omission R | omission P | addition R | addition P |",
              "|---:|---:|---:|---:|---:|---:|---:|"]
    for row in results["alignment"]:
        lines.append(f"| {row['precision']} | {row['recall']} | {row['f1']} | "
                     f"{row['omission_recall']} | {row['omission_precision']} | "
                     f"{row['addition_recall']} | {row['addition_precision']} |")
    out_md.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out_json.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")


def _mt_for_evaluation() -> tuple[Config | None, str]:
    """MT for the second DEMETR pass: the real OPUS-MT models if cached, else the toy
    fixture models shipped with the tests (which translate only their own templates)."""
    from qa.mt import DEFAULT_MODELS
    from qa.mt.models import find_model

    try:
        import transformers  # noqa: F401
    except ImportError:
        return None, "none (the mt extra is not installed)"
    if all(find_model(m) for m in DEFAULT_MODELS.values()):
        return Config(), "OPUS-MT " + ", ".join(DEFAULT_MODELS.values())
    fixtures = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "mt"
    if (fixtures / "tiny-en-de").is_dir() and (fixtures / "tiny-de-en").is_dir():
        return (Config(mt_models=(("back", str(fixtures / "tiny-en-de")),
                                  ("forward", str(fixtures / "tiny-de-en"))), mt_cache="off"),
                "toy fixture models (tests/fixtures/mt: exercise the MT path; they cannot "
                "translate news, so these figures say nothing about MT quality)")
    return None, "none available"


def evaluate_all(data: Path, out: Path, limit: int = 100_000, command: str = "qa eval") -> Path:
    """Run every evaluation over ``data``; write accuracy.md and accuracy.json to ``out``."""
    from qa.evaluation.demetr import evaluate

    mt_config, mt_label = _mt_for_evaluation()
    results = {
        "demetr": evaluate(data / "demetr"),
        "demetr_mt": evaluate(data / "demetr", mt_config) if mt_config else None,
        "mt_models": mt_label,
        "wmt_references": wmt_references(data, limit),
        "wmt22_systems": wmt22_systems(data, limit),
        "wmt23_terminology": wmt23_terminology(data, limit),
        "hallucinations": hallucinations(data, limit),
        "dfki": dfki(data, limit),
        "alignment": alignment(data),
    }
    out.mkdir(parents=True, exist_ok=True)
    write(results, out / "accuracy.md", out / "accuracy.json", command)
    return out / "accuracy.md"


def main() -> None:
    repo = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=repo.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=100_000,
                        help="at most this many segments per dataset")
    args = parser.parse_args()
    command = "python benchmarks/accuracy.py" + (f" --limit {args.limit}" if args.limit != 100_000 else "")
    path = evaluate_all(args.data, repo / "docs", args.limit, command)
    print(path.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
