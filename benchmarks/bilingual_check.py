"""`qa check` on a whole translation memory: units per second and peak memory.

Writes a TMX 1.4 file of N German–English units (the generator of
benchmarks/bilingual_read.py: made-up pairs with inline codes and references) in a
temporary folder and runs ``qa check FILE.tmx --no-mt`` on it in a fresh process (one
core: a single file is checked in one process), reporting units per second by the wall
clock and by the process's CPU time (which a busy machine does not distort), and its
peak resident memory. The issue's target: ≥ 2,000 units/s on one core without
MT, peak memory ≤ 1 GB, for 100,000 units.

With ``--chunk-units N`` the same file is then checked as a batch run does it (a
manifest naming it, every CPU): split into chunks of N units spread over the local
process pool, and, with ``--ray``, over a Ray cluster the run starts on this machine —
wall time against the whole-file run, and the largest process's peak memory.

Usage:  python benchmarks/bilingual_check.py [--units 100000] [--chunk-units 5000 [--ray]]
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

#: qa of this checkout (not whichever the environment has installed)
QA_COMMAND = [sys.executable, "-m", "qa"]
QA_ENV = {**os.environ, "PYTHONPATH": str(HERE.parent)}


def run(path: Path, units: int) -> str:
    """One checked run in a fresh process; a line of figures."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([*QA_COMMAND, "check", str(path), "--no-mt", "-q", "--format", "json",
                             "-o", str(path.with_suffix(".json"))],
                            env=QA_ENV, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in (0, 1):
        raise SystemExit(f"qa check failed: {result.stderr.strip()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak = after.ru_maxrss / KILOBYTES_PER_MEGABYTE
    return (f"{units:,} units: {wall:.1f} s wall = {units / wall:,.0f} units/s; "
            f"{cpu:.1f} s CPU = {units / cpu:,.0f} units/s; peak RSS {peak:.0f} MB")


def run_chunked(path: Path, units: int, chunk_units: int, executor: str) -> str:
    """The file as one entry of a manifest, checked in chunks by ``executor`` on every
    CPU; a line of figures (the largest process's peak memory: Ray's workers are not
    this run's children, so for Ray only the driver's)."""
    manifest = path.with_name("qa.toml")
    manifest.write_text(f'[[pair]]\nfile = "{path.name}"\n', encoding="utf-8")
    out = path.with_name(f"out-{executor}")
    # a wrapper process of its own: the largest of its descendants' peaks is this run's
    # (this process's children include the whole-file run before)
    wrapper = ("import resource, subprocess, sys\n"
               "code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
               "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", wrapper, *QA_COMMAND, "check", manifest.name,
                             "--no-mt", "-q", "--format", "json", "--output-dir", out.name,
                             "--chunk-units", str(chunk_units), "--executor", executor],
                            cwd=path.parent, env=QA_ENV, capture_output=True, text=True)
    wall = time.perf_counter() - started
    code, peak_kb = (int(x) for x in result.stdout.split()[-2:])
    if code not in (0, 1):
        raise SystemExit(f"qa check failed: {result.stderr.strip()}")
    chunks = len(list(out.glob("*units*.json")))
    peak = peak_kb / KILOBYTES_PER_MEGABYTE
    return (f"{units:,} units in {chunks} chunks of {chunk_units:,}: {wall:.1f} s wall = "
            f"{units / wall:,.0f} units/s; largest process's peak RSS {peak:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--chunk-units", type=int, default=0,
                        help="also check the file in chunks of this many units (batch run)")
    parser.add_argument("--ray", action="store_true", help="the chunks on Ray too")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "memory.tmx"
        write_tmx(path, args.units)
        print(f"qa check memory.tmx --no-mt (one core): {run(path, args.units)}", flush=True)
        if args.chunk_units:
            cores = os.cpu_count()
            print(f"qa check qa.toml --chunk-units {args.chunk_units} ({cores} cores, local pool): "
                  f"{run_chunked(path, args.units, args.chunk_units, 'local')}", flush=True)
            if args.ray:
                print(f"the same with --executor ray ({cores} cores): "
                      f"{run_chunked(path, args.units, args.chunk_units, 'ray')}")


if __name__ == "__main__":
    main()
