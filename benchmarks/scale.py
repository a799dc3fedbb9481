"""Batch runs at corpus scale: ``--executor local`` (the process pool) against
``--executor ray`` (a Ray cluster started by the run on this machine, the same cores),
on N synthetic article pairs built from WMT sentence pairs; once without MT and once
with the toy Marian models of tests/fixtures/mt (MT cache off). Also the rerun of the
Ray command, which finds every pair in the results store.

Each article is 8–12 consecutive sentence pairs of the WMT de-en sources and their
human references (``qa.evaluation.synthetic.wmt_parallel_sentences``; corpora/
sentences where the WMT data is absent), written to a temporary folder, never into the
repository. Every run is a fresh ``qa check FOLDER`` process; wall time is measured
around it; CPU time (``os.wait4``: the process and its reaped children) is given for
the local pool only, since Ray's workers are not the run's children.

Usage:  python benchmarks/scale.py [--docs 1000] [--mt-docs 100] [--data ../shared/data]
                                   [--write-docs]   (replace the "## Ray executor"
                                                     section of docs/performance.md)
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from startup import machine  # noqa: E402  (benchmarks/ is the script's folder)

#: the issue's target: Ray's wall time at most 15 % above the local pool's
TARGET_OVERHEAD = 0.15
#: sentences per synthetic article (a short news item), cycled 8, 9, … 12
ARTICLE_SENTENCES = (8, 9, 10, 11, 12)
TOY_MODELS = ("back=tests/fixtures/mt/tiny-en-de", "forward=tests/fixtures/mt/tiny-de-en")
#: CTranslate2's published OPUS-MT en→de GPU throughput (README of OpenNMT/CTranslate2,
#: "Benchmarks", CTranslate2 3.6.0, newstest2014, NVIDIA A10G on an AWS g5.xlarge):
#: target tokens per second, float32 and float16. Quoted, not measured here.
CT2_PUBLISHED_TOKENS_PER_S = {"float32": 5876.4, "float16": 9296.7}


def sentence_pairs(data: Path | None) -> tuple[list[tuple[str, str]], str]:
    """Single-sentence de/en pairs and where they came from."""
    from alignment import parallel_sentences

    return parallel_sentences(data)


def build_articles(folder: Path, count: int, pairs: list[tuple[str, str]]) -> int:
    """``count`` article folders (``NNNNN/de.txt``, ``en.txt``) of consecutive sentence
    pairs; the number of sentence pairs written."""
    total = 0
    for k in range(count):
        size = ARTICLE_SENTENCES[k % len(ARTICLE_SENTENCES)]
        start = (k * 7) % len(pairs)
        chosen = [pairs[(start + j) % len(pairs)] for j in range(size)]
        article = folder / f"{k:05d}"
        article.mkdir(parents=True)
        (article / "de.txt").write_text("\n\n".join(de for de, _ in chosen) + "\n", encoding="utf-8")
        (article / "en.txt").write_text("\n\n".join(en for _, en in chosen) + "\n", encoding="utf-8")
        total += size
    return total


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (the process and its reaped children) and exit code."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited with {code}: {proc.stderr.read().decode()[-800:]}")
    return wall, usage.ru_utime + usage.ru_stime, code


def compare(folder: Path, out: Path, extra: list[str], env: dict[str, str],
            mt: bool) -> dict:
    """Local pool, Ray, and the Ray rerun from the results store, on ``folder``; with
    MT also the local pool with one math thread per process, as Ray gives each
    one-CPU checker (``OMP_NUM_THREADS=1``): torch's default of a thread per core in
    every pool process oversubscribes the cores."""
    qa = [sys.executable, "-m", "qa", "check", str(folder), "-q", "--format", "json", *extra]
    local = timed([*qa, "--output-dir", str(out / "local")], env)
    one_thread = timed([*qa, "--output-dir", str(out / "local-1t")],
                       {**env, "OMP_NUM_THREADS": "1"}) if mt else None
    ray = timed([*qa, "--output-dir", str(out / "ray"), "--executor", "ray"], env)
    rerun = timed([*qa, "--output-dir", str(out / "ray"), "--executor", "ray"], env)
    same = (out / "local" / "combined.json").read_bytes() == (out / "ray" / "combined.json").read_bytes()
    return {"local": local, "local_1t": one_thread, "ray": ray, "rerun": rerun, "same": same}


def run(docs: int, mt_docs: int, data: Path | None) -> dict:
    pairs, origin = sentence_pairs(data)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
           "RAY_DISABLE_USAGE_STATS": "1"}
    results = {"origin": origin, "machine": machine()}
    with tempfile.TemporaryDirectory(prefix="qa-scale-") as tmp:
        tmp_path = Path(tmp)
        # the code measured is a copy taken now: the working tree may change under a
        # long benchmark, and the two executors must run the same code
        shutil.copytree(REPO / "qa", tmp_path / "code" / "qa",
                        ignore=shutil.ignore_patterns("__pycache__"))
        env["PYTHONPATH"] = str(tmp_path / "code")
        config = tmp_path / "mt.toml"
        config.write_text('mt-cache = "off"\n', encoding="utf-8")
        for label, count, extra in (
                ("no MT", docs, ["--no-mt"]),
                ("toy MT models", mt_docs,
                 ["--config", str(config), *[a for m in TOY_MODELS for a in ("--mt-model", m)]])):
            if not count:
                continue
            folder = tmp_path / label.replace(" ", "-") / "articles"
            sentences = build_articles(folder, count, pairs)
            row = compare(folder, folder.parent, extra, env, mt=label != "no MT")
            row.update(docs=count, sentences=sentences)
            results[label] = row
            shutil.rmtree(folder.parent)
            print(_line(label, row), flush=True)
    return results


def _line(label: str, row: dict) -> str:
    (lw, lc, _), (rw, _, _), (ew, _, _) = row["local"], row["ray"], row["rerun"]
    one = (f", local with OMP_NUM_THREADS=1 {row['local_1t'][0]:.1f} s (Ray "
           f"{rw / row['local_1t'][0] - 1:+.1%})" if row["local_1t"] else "")
    return (f"{label}: {row['docs']} articles ({row['sentences']} sentence pairs): local "
            f"{lw:.1f} s wall / {lc:.1f} s CPU, ray {rw:.1f} s wall → overhead "
            f"{rw / lw - 1:+.1%}{one}; ray rerun from the store {ew:.1f} s; "
            f"combined.json identical: {row['same']}")


def markdown(results: dict) -> list[str]:
    lines = ["## Ray executor", "",
             f"Generated by `python benchmarks/scale.py` on {results['machine']}. Synthetic "
             f"articles of 8–12 sentence pairs from {results['origin']}; each figure is one "
             "fresh `qa check FOLDER -q --format json` process: `--executor local` (the process "
             "pool) against `--executor ray` (a Ray cluster the run starts on the same cores, "
             "its start-up of a few seconds included), then the same Ray command again, which "
             "finds every pair in the results store. With MT also the local pool with "
             "`OMP_NUM_THREADS=1`, the one math thread per process that Ray gives each "
             "one-CPU checker. Target: Ray at most "
             f"{TARGET_OVERHEAD:.0%} slower than the local pool. Wall times on a machine "
             "shared with other work: compare rows of one run.", "",
             "| run | articles | sentence pairs | local: wall s (CPU s) | local, 1 thread: wall s "
             "| Ray: wall s | Ray vs local | Ray rerun (store): wall s | outputs identical |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for label in ("no MT", "toy MT models"):
        row = results.get(label)
        if not row:
            continue
        (lw, lc, _), (rw, _, _), (ew, _, _) = row["local"], row["ray"], row["rerun"]
        one = f"{row['local_1t'][0]:.1f}" if row["local_1t"] else "–"
        lines.append(f"| {label} | {row['docs']:,} | {row['sentences']:,} | {lw:.1f} ({lc:.1f}) | "
                     f"{one} | {rw:.1f} | {rw / lw - 1:+.1%} | {ew:.1f} | "
                     f"{'yes' if row['same'] else 'NO'} |")
    lines += ["", "Where Ray beats the local pool, the two paths differ, not the engines: a Ray "
              "checker renders its pairs' reports where it checked them and sends back text, "
              "while the local pool sends each report object back to the main process, which "
              "renders every pair's reports alone once the pool has finished. Small runs are "
              "dominated by Ray's start-up. With MT, the local pool's processes each start "
              "torch with a thread per core (the default) and oversubscribe the cores; Ray's "
              "one-CPU checkers get one thread each, like the `OMP_NUM_THREADS=1` column.",
              "", *projection(results), ""]
    return lines


def projection(results: dict) -> list[str]:
    """The written projection for N machines × G GPUs, from the measured per-article
    cost here and CTranslate2's published GPU throughput (labelled as such)."""
    row = results.get("no MT")
    if not row:
        return []
    local_wall, local_cpu, _ = row["local"]
    per_doc_cpu = local_cpu / row["docs"]
    per_doc_sentences = row["sentences"] / row["docs"]
    cores = os.cpu_count() or 1
    lines = [f"**Projection.** Without MT an article of {per_doc_sentences:.0f} sentence pairs "
             f"cost {per_doc_cpu * 1000:.0f} ms of CPU here (measured above: {local_cpu:.1f} s "
             f"CPU for {row['docs']:,} articles on {cores} cores). The work is independent per "
             "article, so N machines × C cores check about N × C / "
             f"{per_doc_cpu:.3f} articles per second — 10 machines × 16 cores ≈ "
             f"{10 * 16 / per_doc_cpu:,.0f} articles/s, a million articles in "
             f"≈ {1_000_000 / (10 * 16 / per_doc_cpu) / 60:.1f} minutes — as long as the one "
             "driver keeps up: it writes each result to the SQLite store and the combined "
             "outputs at the end (the rerun column shows the cost of reading every record "
             "back and writing the outputs)."]
    tokens_per_sentence = 30  # an assumption, stated: a news sentence of ~20 words ≈ 30 subword tokens
    per_doc_tokens = per_doc_sentences * tokens_per_sentence * 2  # back- and forward-translation
    fp16 = CT2_PUBLISHED_TOKENS_PER_S["float16"]
    fp32 = CT2_PUBLISHED_TOKENS_PER_S["float32"]
    lines += ["", "With MT the models dominate. CTranslate2's *published* OPUS-MT en→de figures "
              "(CTranslate2 README, \"Benchmarks\": version 3.6.0, newstest2014, one NVIDIA A10G "
              f"GPU) are {fp32:,.0f} target tokens/s in float32 and {fp16:,.0f} in float16 — "
              "quoted, not measured here (this machine has no GPU, and the toy models above "
              "say nothing about OPUS-MT's speed). Assuming ~"
              f"{tokens_per_sentence} tokens per sentence and two translations per sentence "
              f"(back and forward), an article needs ~{per_doc_tokens:,.0f} generated tokens: "
              f"one such GPU would translate ≈ {fp16 / per_doc_tokens:.0f} articles/s in float16 "
              f"(≈ {fp32 / per_doc_tokens:.0f} in float32), so N machines × G GPUs ≈ "
              f"N × G × {fp16 / per_doc_tokens:.0f} articles/s, provided each GPU has enough CPU "
              f"checkers beside it (≈ {fp16 / per_doc_tokens * per_doc_cpu:.1f} cores' worth of "
              "the non-MT checks per GPU at the cost measured above). qa decodes with beam 2 "
              "(`mt-beam`) and batches of 16 (`mt-batch-size`), which differ from the published "
              "configuration: measure on the target GPUs before sizing a cluster."]
    return lines


def write_docs(section: list[str]) -> Path:
    """Replace the "## Ray executor" section of docs/performance.md; the others stay as
    they are."""
    from docs_section import replace_section

    return replace_section("## Ray executor", section)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="articles without MT")
    parser.add_argument("--mt-docs", type=int, default=100,
                        help="articles with the toy MT models (0: skip)")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data",
                        help="folder holding wmt21-news-deen/ and wmt22-general-deen/")
    parser.add_argument("--write-docs", action="store_true",
                        help='replace the "## Ray executor" section of docs/performance.md')
    args = parser.parse_args()
    data = args.data if args.data.is_dir() else None
    results = run(args.docs, args.mt_docs, data)
    section = markdown(results)
    print("\n".join(section))
    if args.write_docs:
        print(f"wrote {write_docs(section)}")


if __name__ == "__main__":
    main()
