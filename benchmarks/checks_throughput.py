"""Checks-only throughput: aligned sentence pairs per second on one core, without MT.

Builds one document pair of N parallel sentences (WMT21/22 de→en sources and human
references when ../shared/data is present, else corpora/ sentences repeated), aligns it
(not timed), then times every registered check over the aligned pairs, in this process
(one core). Caches that live for the process (lemmas, word frequencies, the lexicon) are
warmed on a first small run, as they are in any real run after the first few sentences.

Usage:  python benchmarks/checks_throughput.py [--pairs 10000] [--termbase FILE]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from alignment import parallel_sentences  # noqa: E402
from qa.align import align_documents  # noqa: E402
from qa.checks import select_checks  # noqa: E402
from qa.config import Config  # noqa: E402
from qa.runner import alignment_lexicon, check_context, load_document  # noqa: E402
from qa.termbase import load_termbase  # noqa: E402


def build(pool, count: int):
    chosen = [pool[k % len(pool)] for k in range(count)]
    source = "\n\n".join(de for de, _ in chosen) + "\n"
    target = "\n\n".join(en for _, en in chosen) + "\n"
    return (load_document("de.txt", "de", text=source), load_document("en.txt", "en", text=target))


def run_checks(source, target, termbases, config) -> tuple[float, dict[str, float], int]:
    lexicon = alignment_lexicon(config, termbases)
    alignment = align_documents(source, target, lexicon=lexicon)
    checks = select_checks(config.select, config.ignore, config.overrides())
    ctx = check_context(source, target, alignment, config, checks, termbases, lexicon=lexicon)
    per_check: dict[str, float] = defaultdict(float)
    findings = 0
    start = time.perf_counter()
    for check in checks:
        if check.skip_reason(ctx):
            continue
        t0 = time.perf_counter()
        findings += sum(1 for _ in check.run(ctx))
        per_check[check.code] += time.perf_counter() - t0
    return time.perf_counter() - start, dict(per_check), findings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=10_000)
    default_data = REPO.parent / "shared" / "data"
    parser.add_argument("--data", type=Path, default=default_data if default_data.is_dir() else None)
    parser.add_argument("--termbase", type=Path, default=REPO / "corpora" / "france-politics" / "terms.csv")
    args = parser.parse_args()
    pool, origin = parallel_sentences(args.data)
    termbases = (load_termbase(args.termbase),)
    config = Config(mt=False, termbase=(str(args.termbase),))
    warm_source, warm_target = build(pool[len(pool) // 2:], 300)
    run_checks(warm_source, warm_target, termbases, config)  # warm process-wide caches
    source, target = build(pool, args.pairs)
    seconds, per_check, findings = run_checks(source, target, termbases, config)
    pairs = len(source.sentences)
    print(f"pairs: {pairs} from {origin}; termbase {args.termbase.name}; one core")
    print(f"all checks: {seconds:.2f} s → {pairs / seconds:,.0f} pairs/s ({findings} findings)")
    for code, secs in sorted(per_check.items(), key=lambda kv: -kv[1]):
        print(f"  {code}: {secs:6.2f} s  ({pairs / secs:>10,.0f} pairs/s)")


if __name__ == "__main__":
    main()
