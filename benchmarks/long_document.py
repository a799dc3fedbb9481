"""The whole `qa check` on one long document pair: wall time, CPU time and peak memory,
and where the time goes (issue 15's target: 100,000 sentences in ≤ 30 s and ≤ 1 GB).

Each size is a perturbed pair built from WMT de-en sentences as the alignment
benchmarks build theirs (omissions, additions, merges; the sentence pool is repeated to
reach the size), written as two plain-text files and checked by a fresh
`qa check de.txt en.txt --no-mt --format json -o … --fail-on never --baseline none`
process, as a user runs it. With ``--stages`` a second process times the stages one by
one (loading and splitting, alignment, each check over 0.5 s, findings and report).

Usage:  python benchmarks/long_document.py [--sizes 20000 100000] [--stages] [--write-docs]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from alignment import parallel_sentences  # noqa: E402
from alignment_peers import FILLER_STRIDE  # noqa: E402
from startup import machine  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_SIZES = [20000, 100000]
DEFAULT_SEED = 500
#: issue 15's target for a 100,000-sentence pair on this machine
TARGET_SECONDS, TARGET_MIB = 30.0, 1024.0

#: run in a child process: each stage of a check, timed in CPU seconds with the peak RSS
#: after it (the same calls `qa check` makes, one at a time)
STAGES = r"""
import json, resource, sys, time
from qa.align import AlignParams, align_documents
from qa.checks import select_checks
from qa.config import Config
from qa.report import render
from qa import runner
def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
rows = []
def stage(name, started):
    rows.append((name, time.process_time() - started, peak()))
    return time.process_time()
t = time.process_time()
source = runner.load_document(sys.argv[1], "de"); target = runner.load_document(sys.argv[2], "en")
runner.verify_languages(source, target)
t = stage("load, split into sentences, language check", t)
config = Config(mt=False, baseline=None)
termbases = runner.load_termbases(config); lexicon = runner.alignment_lexicon(config, termbases)
alignment = align_documents(source, target, lexicon=lexicon, params=AlignParams())
t = stage("align", t)
checks = select_checks(config.select, config.ignore, config.overrides())
ctx = runner.check_context(source, target, alignment, config, checks, termbases, True, (),
                           lexicon=lexicon)
for check in checks:
    if check.skip_reason(ctx):
        continue
    list(check.run(ctx))
    t = stage("check " + check.code, t)
report = runner.run_checks(source, target, alignment, config, termbases=termbases,
                           lexicon=lexicon, params=AlignParams())
t = time.process_time()
render(report, "json")
stage("JSON report", t)
print(json.dumps(rows))
"""


def build(size: int, data: Path, seed: int, folder: Path) -> tuple[Path, Path, str]:
    """Write a perturbed pair of ``size`` sentences to ``folder``."""
    from qa.evaluation.synthetic import build_pair

    pool, origin = parallel_sentences(data if data.is_dir() else None)
    rng = random.Random(seed)
    start = rng.randrange(len(pool))
    chosen = [pool[(start + k) % len(pool)] for k in range(size)]
    pair = build_pair(chosen, rng, fillers=[en for _, en in pool[::FILLER_STRIDE]],
                      p_move_paragraph=0.0)
    de, en = folder / "de.txt", folder / "en.txt"
    de.write_text(pair.source, encoding="utf-8")
    en.write_text(pair.target, encoding="utf-8")
    return de, en, f"{origin}, {len(pool):,} distinct sentence pairs"


def whole_check(de: Path, en: Path, out: Path) -> dict:
    """One fresh `qa check` process: wall s, CPU s (user + system), peak RSS MiB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "qa", "check", str(de), str(en), "--no-mt",
                           "--format", "json", "-o", str(out), "--fail-on", "never",
                           "--baseline", "none"], cwd=REPO, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"qa check failed ({done.returncode}): {done.stderr.strip()}")
    report = json.loads(out.read_text(encoding="utf-8"))
    return {"wall": wall, "cpu": (after.ru_utime - before.ru_utime)
            + (after.ru_stime - before.ru_stime), "peak": after.ru_maxrss / 1024,
            "pairs": report["summary"]["pairs"], "findings": len(report["findings"])}


def stages(de: Path, en: Path) -> list[tuple[str, float, float]]:
    done = subprocess.run([sys.executable, "-c", STAGES, str(de), str(en)], cwd=REPO,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"stage timing failed: {done.stderr.strip()[-2000:]}")
    return [tuple(row) for row in json.loads(done.stdout.strip().splitlines()[-1])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=DEFAULT_SIZES)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--stages", action="store_true",
                        help="also time each stage (a second process per size)")
    parser.add_argument("--write-docs", action="store_true",
                        help="replace docs/performance.md's 'Long documents' section")
    args = parser.parse_args()

    lines = ["## Long documents: the whole check", "",
             f"Generated by `python benchmarks/long_document.py --sizes "
             f"{' '.join(map(str, args.sizes))}{' --stages' if args.stages else ''}` on "
             f"{machine()}.", ""]
    table = ["| sentences | sentence pairs aligned | findings | wall s | CPU s | peak RSS MiB |",
             "|---:|---:|---:|---:|---:|---:|"]
    details: list[str] = []
    origin = ""
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            folder = Path(tmp) / str(size)
            folder.mkdir()
            de, en, origin = build(size, args.data, args.seed, folder)
            result = whole_check(de, en, folder / "report.json")
            row = (f"| {size:,} | {result['pairs']:,} | {result['findings']:,} | "
                   f"{result['wall']:.1f} | {result['cpu']:.1f} | {result['peak']:.0f} |")
            print(row, flush=True)
            table.append(row)
            if args.stages:
                rows = stages(de, en)
                shown = [(n, s, p) for n, s, p in rows if s >= 0.5 or not n.startswith("check ")]
                rest = sum(s for n, s, _ in rows if n.startswith("check ") and s < 0.5)
                block = [f"Stages at {size:,} sentences (CPU s; peak RSS MiB after the stage):", ""]
                block += [f"- {name}: {seconds:.1f} s ({peak:.0f} MiB)"
                          for name, seconds, peak in shown]
                block += [f"- the other checks together: {rest:.1f} s", ""]
                print("\n".join(block), flush=True)
                details += block
    lines += [f"Documents: {origin}; the pool is repeated to reach each size.", ""]
    lines += table + [""]
    if 100000 in args.sizes:
        cells = next(r for r in table if r.startswith("| 100,000")).split("|")
        seconds, mib = float(cells[4]), float(cells[6])

        def verdict(met: bool) -> str:
            return "met" if met else "not met"

        lines += [f"Target at 100,000 sentences: ≤ {TARGET_SECONDS:.0f} s — **{verdict(seconds <= TARGET_SECONDS)}** "
                  f"({seconds:.1f} s); ≤ {TARGET_MIB:.0f} MiB — **{verdict(mib <= TARGET_MIB)}** "
                  f"({mib:.0f} MiB).", ""]
    lines += details
    if args.write_docs:
        from docs_section import replace_section
        print(f"wrote {replace_section('## Long documents', lines)}")


if __name__ == "__main__":
    main()
