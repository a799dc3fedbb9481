"""`qa check` on a whole translation memory: units per second and peak memory.

Writes a TMX 1.4 file of N German–English units (the generator of
benchmarks/bilingual_read.py: made-up pairs with inline codes and references) in a
temporary folder and runs ``qa check FILE.tmx --no-mt`` on it in a fresh process held
to one core (``QA_WORKERS=1``: no segmentation workers), reporting units per second by
the wall clock and by the process's CPU time (which a busy machine does not distort),
and its peak resident memory. The issue's target: ≥ 2,000 units/s on one core without
MT, peak memory ≤ 1 GB, for 100,000 units.

Usage:  python benchmarks/bilingual_check.py [--units 100000]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bilingual_read import KILOBYTES_PER_MEGABYTE, write_tmx  # noqa: E402

QA = Path(sys.executable).parent / "qa"


def run(path: Path, units: int) -> str:
    """One checked run in a fresh process; a line of figures."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([str(QA), "check", str(path), "--no-mt", "-q", "--format", "json",
                             "-o", str(path.with_suffix(".json"))],
                            env={**os.environ, "QA_WORKERS": "1"}, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in (0, 1):
        raise SystemExit(f"qa check failed: {result.stderr.strip()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak = after.ru_maxrss / KILOBYTES_PER_MEGABYTE
    return (f"{units:,} units: {wall:.1f} s wall = {units / wall:,.0f} units/s; "
            f"{cpu:.1f} s CPU = {units / cpu:,.0f} units/s; peak RSS {peak:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "memory.tmx"
        write_tmx(path, args.units)
        print(f"qa check memory.tmx --no-mt (one core): {run(path, args.units)}")


if __name__ == "__main__":
    main()
