"""WMT21/22/23 German→English test sets: human references as negatives, and WMT22
system outputs against crowd direct-assessment scores.

References are checked as documents of 40 segments (one paragraph each) so the aligner
sees real structure; every finding is mapped back to its segment.
"""

from __future__ import annotations

import bisect
import csv
from pathlib import Path

from qa.config import Config
from qa.evaluation.mt_pass import prewarm
from qa.evaluation.outcomes import category_rates, code_counts, pct, segment_outcomes

REFERENCE_SETS = (
    ("WMT21 news (ref A)", "wmt21-news-deen/txt/sources/newstest2021.de-en.src.de",
     "wmt21-news-deen/txt/references/newstest2021.de-en.ref.A.en"),
    ("WMT22 general (ref A)", "wmt22-general-deen/txt/sources/generaltest2022.de-en.src.de",
     "wmt22-general-deen/txt/references/generaltest2022.de-en.ref.A.en"),
    ("WMT23 general (paragraphs)", "wmt23-general-deen/txt/sources/generaltest2023.de-en.src.de",
     "wmt23-general-deen/txt/references/generaltest2023.de-en.ref.refA.en"),
)
# WMT21/22 put one sentence per line; WMT23 one paragraph
SENTENCE_SETS = tuple((src, ref) for _name, src, ref in REFERENCE_SETS[:2])
WMT22 = "wmt22-general-deen"
DA_SCORES = "humaneval/DA/newstest2022-toen/ad-seg-scores-de-en.csv"


def read_lines(path: Path) -> list[str]:
    """A test-set file, one segment per line."""
    return path.read_text(encoding="utf-8").splitlines()


def references(data: Path, config: Config, limit: int) -> list[dict]:
    """Findings on human references: share of segments flagged, findings per 1,000
    segments, the checks and categories that raise them."""
    rows = []
    for name, src, ref in REFERENCE_SETS:
        if not (data / src).is_file() or not (data / ref).is_file():
            continue
        sources, targets = read_lines(data / src)[:limit], read_lines(data / ref)[:limit]
        prewarm(config, sources, targets)
        outcomes = segment_outcomes(sources, targets, config)
        codes = code_counts(outcomes)
        rows.append({"dataset": name, "segments": len(sources),
                     "segments_flagged_pct": pct(sum(o.flagged for o in outcomes), len(sources)),
                     "findings_per_1000": round(1000 * sum(codes.values()) / len(sources), 1),
                     "top_checks": list(codes.items())[:5],
                     "flagged_by_category_pct": category_rates(outcomes)})
    return rows


def auc(positives: list[float], negatives: list[float]) -> float | None:
    """P(score of a positive > score of a negative), ties counted half."""
    if not positives or not negatives:
        return None
    neg_sorted = sorted(negatives)
    wins = 0.0
    for p in positives:
        lo = bisect.bisect_left(neg_sorted, p)
        hi = bisect.bisect_right(neg_sorted, p)
        wins += lo + 0.5 * (hi - lo)
    return round(wins / (len(positives) * len(negatives)), 3)


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 3) if values else None


def _human_scores(path: Path) -> dict[tuple[str, int], float]:
    scores: dict[tuple[str, int], float] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter=" "):
            if not row or row[0] == "SYS":
                continue
            scores[(row[0].rsplit(".", 1)[0], int(row[1]))] = float(row[3])
    return scores


def systems(data: Path, config: Config, limit: int) -> dict:
    """WMT22 system outputs: mean human z-score of flagged vs unflagged segments, per
    system and per qa category, and the ROC AUC of qa's highest severity per segment
    against a bottom-quartile human score."""
    base = data / WMT22
    if not (base / DA_SCORES).is_file():
        return {}
    human = _human_scores(base / DA_SCORES)
    sources = read_lines(base / "txt/sources/generaltest2022.de-en.src.de")[:limit]
    rows = []
    scored: list[tuple[float, object]] = []  # (z, outcome) over all systems
    for hyp in sorted((base / "txt/system-outputs").glob("*.en")):
        system = hyp.name.split(".hyp.")[1][:-3]
        outputs = read_lines(hyp)[:limit]
        prewarm(config, sources, outputs)
        flagged, unflagged = [], []
        for sid, outcome in enumerate(segment_outcomes(sources, outputs, config), 1):
            z = human.get((system, sid))
            if z is None:
                continue
            (flagged if outcome.flagged else unflagged).append(z)
            scored.append((z, outcome))
        if flagged or unflagged:
            rows.append({"system": system, "scored": len(flagged) + len(unflagged),
                         "flagged": len(flagged), "mean_z_flagged": _mean(flagged),
                         "mean_z_unflagged": _mean(unflagged)})
    if not scored:
        return {}
    zs = sorted(z for z, _ in scored)
    cut = zs[max(0, len(zs) // 4 - 1)]  # "low human score": the lowest quarter
    low = [o.severity for z, o in scored if z <= cut]
    rest = [o.severity for z, o in scored if z > cut]
    flagged_z = [z for z, o in scored if o.flagged]
    categories = sorted({c for _, o in scored for c in o.categories})
    by_category = []
    for category in categories:
        hit = [z for z, o in scored if category in o.categories]
        by_category.append({"category": category, "flagged": len(hit), "mean_z_flagged": _mean(hit),
                            "low_score_share_pct": pct(sum(z <= cut for z in hit), len(hit))})
    by_category.sort(key=lambda r: -r["flagged"])
    return {"systems": rows,
            "all": {"scored": len(scored), "flagged": len(flagged_z),
                    "mean_z_flagged": _mean(flagged_z),
                    "mean_z_unflagged": _mean([z for z, o in scored if not o.flagged]),
                    "low_score_cut": round(cut, 3),
                    "precision_low_score_pct": pct(sum(z <= cut for z in flagged_z), len(flagged_z)),
                    "recall_low_score_pct": pct(sum(1 for z, o in scored if z <= cut and o.flagged),
                                                sum(1 for z, _ in scored if z <= cut)),
                    "auc_severity_vs_low_score": auc(low, rest)},
            "by_category": by_category}
