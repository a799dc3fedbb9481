"""Alignment scaling and accuracy: `qa check` (no MT) on generated document pairs.

Builds document pairs of N sentence pairs from real parallel sentences (WMT21/WMT22
de→en sources and human references when ../shared/data is present, else the clean
corpora/ pairs), perturbs the English side (sentences merged, split, dropped, added,
whole paragraphs dropped; see qa.evaluation.synthetic), and for each size prints:

* wall time and peak memory of the whole `qa check --no-mt` command (a subprocess),
* the aligner's own time in-process,
* alignment precision/recall/F1 against the known pairing, and omission/addition
  detection recall and precision.

Usage:  python benchmarks/alignment.py [--sizes 1000 20000] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from qa.align import align_documents  # noqa: E402
from qa.evaluation.synthetic import build_pair, score_alignment, wmt_parallel_sentences  # noqa: E402
from qa.evaluation.wmt import SENTENCE_SETS  # noqa: E402
from qa.lang.lexicon import load_lexicon  # noqa: E402
from qa.model import SegmentPair  # noqa: E402
from qa.runner import load_document  # noqa: E402


def parallel_sentences(data: Path | None) -> tuple[list[tuple[str, str]], str]:
    """Sentence pairs that segment as one sentence on each side, and where they came from."""
    pairs = wmt_parallel_sentences(data) if data is not None else []
    used = [src.split("/", 1)[0] for src, ref in SENTENCE_SETS
            if data is not None and (data / src).is_file() and (data / ref).is_file()]
    if pairs:
        return pairs, "WMT de-en sources + human references (" + ", ".join(used) + ")"
    for pair in sorted((REPO / "corpora").iterdir()):
        if (pair / "en.txt").is_file():
            de = load_document(pair / "de.txt", "de")
            en = load_document(pair / "en.txt", "en")
            pairs += [(a.text, b.text) for a, b in zip(de.sentences, en.sentences)]
    return pairs, "corpora/ clean pairs (repeated)"


def _run_qa(source: Path, target: Path, out: Path, lexicon: Path | None) -> tuple[float, float, int]:
    """Run `qa check` in a child process; return (wall seconds, peak RSS MiB, exit code)."""
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "rc = subprocess.call(sys.argv[1:])\n"
        "wall = time.perf_counter() - t\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(wall, peak, rc)\n")
    cmd = [sys.executable, "-c", wrapper, sys.executable, "-m", "qa", "check", str(source),
           str(target), "--no-mt", "--format", "json", "-o", str(out), "--fail-on", "never"]
    if lexicon is not None:
        cmd += ["--lexicon", str(lexicon)]
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    wall, peak, rc = result.stdout.split()
    if int(rc) != 0:
        raise SystemExit(f"qa check failed ({rc}): {result.stderr.strip()}")
    return float(wall), float(peak), int(rc)


def _pairs_from_report(report: dict, source, target) -> list[SegmentPair]:
    s_index = {(s.start, s.end): s.index for s in source.sentences}
    t_index = {(t.start, t.end): t.index for t in target.sentences}

    def indices(span, index, doc):
        if span is None:
            return ()
        return tuple(sorted(k.index for k in doc.sentences
                            if k.start >= span[0] and k.end <= span[1]))

    out = []
    for seg in report["segments"]:
        out.append(SegmentPair(seg["id"], seg["bead"], indices(seg["source_span"], s_index, source),
                               indices(seg["target_span"], t_index, target), None, None, "", "",
                               0.0))
    return out


def run(sizes: list[int], data: Path | None, seed: int, lexicon: Path | None,
        move_paragraphs: float = 0.0) -> list[dict]:
    pool, origin = parallel_sentences(data)
    print(f"parallel sentences: {len(pool)} from {origin}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        for size in sizes:
            rng = random.Random(seed)
            start = rng.randrange(len(pool))
            chosen = [pool[(start + k) % len(pool)] for k in range(size)]
            fillers = [en for _, en in pool[::7]]
            synthetic = build_pair(chosen, rng, fillers=fillers, p_move_paragraph=move_paragraphs)
            src_path, tgt_path = tmpdir / f"de-{size}.txt", tmpdir / f"en-{size}.txt"
            src_path.write_text(synthetic.source, encoding="utf-8")
            tgt_path.write_text(synthetic.target, encoding="utf-8")
            wall, peak, _ = _run_qa(src_path, tgt_path, tmpdir / f"report-{size}.json", lexicon)

            source = load_document(src_path, "de")
            target = load_document(tgt_path, "en")
            t0 = time.perf_counter()
            align_documents(source, target, lexicon=load_lexicon(lexicon) if lexicon else None)
            align_seconds = time.perf_counter() - t0
            report = json.loads((tmpdir / f"report-{size}.json").read_text(encoding="utf-8"))
            predicted = _pairs_from_report(report, source, target)
            score = score_alignment(synthetic.gold_sentences(source, target), predicted)
            rows.append({"pairs": size, "source_sentences": len(source.sentences),
                         "target_sentences": len(target.sentences),
                         "qa_check_seconds": round(wall, 2), "peak_mib": round(peak, 1),
                         "align_seconds": round(align_seconds, 2),
                         "precision": round(score.precision, 4), "recall": round(score.recall, 4),
                         "f1": round(score.f1, 4),
                         "omission_recall": round(score.omission_recall, 4),
                         "omission_precision": round(score.omission_precision, 4),
                         "addition_recall": round(score.addition_recall, 4),
                         "addition_precision": round(score.addition_precision, 4),
                         "operations": synthetic.operations})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 20000])
    default_data = REPO.parent / "shared" / "data"
    parser.add_argument("--data", type=Path, default=default_data if default_data.is_dir() else None,
                        help="folder holding wmt21-news-deen/ and wmt22-general-deen/")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--lexicon", type=Path,
                        help="bilingual lexicon passed to qa check (e.g. the Apertium en-de .dix)")
    parser.add_argument("--move-paragraphs", type=float, default=0.0, metavar="P",
                        help="also swap each paragraph with the next one with probability P")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    rows = run(args.sizes, args.data, args.seed, args.lexicon, args.move_paragraphs)
    print(f"lexicon: {args.lexicon or 'none'}")
    header = (f"{'pairs':>6} {'src':>6} {'tgt':>6} {'qa s':>7} {'peak MiB':>9} {'align s':>8} "
              f"{'P':>6} {'R':>6} {'F1':>6} {'om R':>6} {'om P':>6} {'add R':>6} {'add P':>6}")
    print(f"cores: {os.cpu_count()}, python {sys.version.split()[0]}")
    print(header)
    for r in rows:
        print(f"{r['pairs']:>6} {r['source_sentences']:>6} {r['target_sentences']:>6} "
              f"{r['qa_check_seconds']:>7.2f} {r['peak_mib']:>9.1f} {r['align_seconds']:>8.2f} "
              f"{r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f} "
              f"{r['omission_recall']:>6.3f} {r['omission_precision']:>6.3f} "
              f"{r['addition_recall']:>6.3f} {r['addition_precision']:>6.3f}")
    for r in rows:
        print(f"perturbations at {r['pairs']}: {r['operations']}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
