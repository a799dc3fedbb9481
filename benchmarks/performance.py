"""Performance against a peer, side by side in one run; writes docs/performance.md.

* qa's rule checks vs Translate Toolkit's pofilter on the same aligned pairs (exported as
  PO): segments per second for each, and what each flags on WMT human references (false
  alarms per 1,000 segments);
* start-up: `qa --version` and `qa check` on a 20-sentence article without MT, against
  `pofilter --version`;
* alignment scaling: 1k, 5k, 20k and 50k sentence pairs — time, peak memory, growth
  exponent;
* MT: back-translation sentences per second per backend and batch size, cache speed-up
  (benchmarks/mt.py on the toy model);
* bilingual files: reading a 100,000-unit TMX, XLIFF and PO, and `qa check` on the TMX
  on one core.

Usage:  python benchmarks/performance.py [--pairs 10000] [--sizes 1000 5000 20000 50000]
"""

from __future__ import annotations

import argparse
import math
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))
BIN = Path(sys.executable).parent

from startup import machine  # noqa: E402  (one description of the machine)


def _po_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def write_po(pairs: list[tuple[str, str]], path: Path) -> None:
    lines = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for k, (de, en) in enumerate(pairs):
        lines += [f"#: seg:{k}", f'msgid "{_po_escape(de)}"', f'msgstr "{_po_escape(en)}"', ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def pofilter_run(pairs, tmp: Path) -> tuple[float, int]:
    po, out = tmp / "pairs.po", tmp / "flagged.po"
    write_po(pairs, po)
    t0 = time.perf_counter()
    subprocess.run([str(BIN / "pofilter"), "--progress=none", str(po), str(out)],
                   capture_output=True, check=False)
    seconds = time.perf_counter() - t0
    flagged = out.read_text(encoding="utf-8").count("\nmsgid ") if out.is_file() else 0
    return seconds, max(0, flagged - 1)  # minus the header unit


def qa_checks_run(pairs) -> tuple[float, int]:
    """qa's checks over the same pairs on one core (alignment excluded, as pofilter has none)."""
    from checks_throughput import run_checks
    from qa.config import Config
    from qa.runner import load_document

    source = load_document("de.txt", "de", text="\n\n".join(de for de, _ in pairs) + "\n")
    target = load_document("en.txt", "en", text="\n\n".join(en for _, en in pairs) + "\n")
    seconds, _, _ = run_checks(source, target, (), Config(mt=False))
    # segments with any finding above info, for the false-alarm comparison
    from qa.runner import check_documents

    report = check_documents(source, target, Config(mt=False))
    flagged_pairs = {f.segment for f in report.findings if f.severity.value != "info"}
    return seconds, len(flagged_pairs)


def alignment_scaling(pool, sizes) -> list[dict]:
    rows = []
    code = ("import sys, time, resource, random\n"
            "sys.path.insert(0, %r); sys.path.insert(0, %r)\n"
            "from qa.evaluation.synthetic import build_pair\n"
            "from qa.runner import load_document\nfrom qa.align import align_documents\n"
            "from alignment import parallel_sentences\nfrom pathlib import Path\n"
            "pool, _ = parallel_sentences(Path(%r))\nn = int(sys.argv[1]); rng = random.Random(3)\n"
            "sp = build_pair([pool[k %% len(pool)] for k in range(n)], rng)\n"
            "s = load_document('s.txt', 'de', text=sp.source); t = load_document('t.txt', 'en', text=sp.target)\n"
            "t0 = time.perf_counter(); align_documents(s, t); dt = time.perf_counter() - t0\n"
            "print(dt, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
            % (str(REPO), str(REPO / "benchmarks"), str(REPO.parent / "shared" / "data")))
    for n in sizes:
        out = subprocess.run([sys.executable, "-c", code, str(n)], capture_output=True,
                             text=True, cwd=REPO)
        seconds, peak = (float(x) for x in out.stdout.split()[-2:])
        rows.append({"pairs": n, "seconds": round(seconds, 2), "peak_mib": round(peak, 1)})
    if len(rows) >= 2:
        xs = [math.log(r["pairs"]) for r in rows]
        ys = [math.log(r["seconds"]) for r in rows]
        mx, my = statistics.mean(xs), statistics.mean(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
        for r in rows:
            r["exponent"] = round(slope, 2)
    return rows


def bilingual_section() -> list[str]:
    """Bilingual files at translation-memory scale: the streaming readers alone
    (benchmarks/bilingual_read.py, po_read.py) and the whole `qa check` on one core
    (benchmarks/bilingual_check.py), each on a generated 100,000-unit file."""
    def figures(script: str, *args: str) -> list[str]:
        done = subprocess.run([sys.executable, str(REPO / "benchmarks" / script), *args],
                              capture_output=True, text=True, cwd=REPO)
        return [line for line in done.stdout.splitlines() if line.strip()] or [
            f"{script} failed: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}"]

    return ["## Bilingual files (XLIFF, PO, TMX), 100,000 generated units", "",
            "Targets: the readers stream (memory grows with the file, not with a parse "
            "tree); `qa check` without MT ≥ 2,000 units/s on one core, peak memory ≤ 1 GB. "
            "The last lines: the same file as a batch run checks it, in chunks of 5,000 "
            "units (`chunk-units`) over the local process pool and over a Ray cluster "
            "started on the same cores.", "",
            "```", *figures("bilingual_read.py", "--xliff"), *figures("po_read.py"),
            *figures("bilingual_check.py", "--chunk-units", "5000", "--ray"), "```", ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=10_000)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000, 50000])
    args = parser.parse_args()
    from alignment import parallel_sentences

    pool, origin = parallel_sentences(REPO.parent / "shared" / "data")
    pairs = [pool[k % len(pool)] for k in range(args.pairs)]
    lines = ["# qa performance", "", f"Generated by `python benchmarks/performance.py` on "
             f"{machine()}. Pairs: {origin}.", ""]

    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        po_seconds, po_flagged = pofilter_run(pairs, tmpdir)
        qa_seconds, qa_flagged = qa_checks_run(pairs)
        refs = pool[:2000]
        _, po_ref = pofilter_run(refs, tmpdir)
        _, qa_ref = qa_checks_run(refs)
        lines += ["## Rule checks against Translate Toolkit's pofilter", "",
                  "| tool | pairs | seconds | pairs/s | flagged on these WMT references (per 1,000) |",
                  "|---|---:|---:|---:|---:|",
                  f"| qa (all rule checks, one core, alignment excluded) | {len(pairs)} | "
                  f"{qa_seconds:.2f} | {len(pairs) / qa_seconds:,.0f} | {1000 * qa_ref / len(refs):.0f} |",
                  f"| pofilter {subprocess.run([str(BIN / 'pofilter'), '--version'], capture_output=True, text=True).stdout.split()[-1]} (all tests) | "
                  f"{len(pairs)} | {po_seconds:.2f} | {len(pairs) / po_seconds:,.0f} | "
                  f"{1000 * po_ref / len(refs):.0f} |",
                  "", f"Ratio qa/pofilter throughput: {(len(pairs) / qa_seconds) / (len(pairs) / po_seconds):.2f}. "
                  "pofilter's checks are per-unit string tests (punctuation, variables, "
                  "numbers as strings); qa's include dictionary, terminology and name "
                  "evidence. pofilter counts units failing any test; qa counts segments with "
                  "a finding above info.", ""]
    # the start-up section is benchmarks/startup.py's (warm and cold cache), run in its
    # own process so the peak memory it reports is not this harness's children's
    section = subprocess.run([sys.executable, str(REPO / "benchmarks" / "startup.py"),
                              "--markdown", "--runs", "9", "--cold-runs", "2"],
                             capture_output=True, text=True, cwd=REPO, check=True).stdout
    lines += section.rstrip("\n").split("\n") + [""]
    rows = alignment_scaling(pool, args.sizes)
    lines += ["## Alignment scaling (aligner only, perturbed WMT documents)", "",
              "| sentence pairs | seconds (aligner) | peak MiB (whole process, incl. loading and segmenting) |",
              "|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['pairs']:,} | {r['seconds']} | {r['peak_mib']} |")
    if rows and "exponent" in rows[0]:
        lines += ["", f"Growth exponent (log-log slope of time): **{rows[0]['exponent']}** "
                  "(1.0 = linear).", ""]
    mt = subprocess.run([sys.executable, str(REPO / "benchmarks" / "mt.py")], capture_output=True,
                        text=True, cwd=REPO)
    mt_lines = [l for l in mt.stdout.splitlines() if l.strip()]
    lines += ["## MT back-translation (toy Marian model from tests/fixtures, CPU)", "", "```",
              *mt_lines, "```", ""]
    lines += bilingual_section()
    out = REPO / "docs" / "performance.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(out.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
