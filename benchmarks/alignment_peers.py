"""Sentence alignment against a peer: qa's aligner side by side with Hunalign.

Why: `benchmarks/alignment.py` measures qa's aligner alone; this script puts the classic
length + dictionary aligner (Hunalign, Varga et al. 2005) next to it on the same
perturbed document pairs, scored by the same scorer (qa.evaluation.synthetic).

What it does, for each size (sentence pairs before perturbation):

* builds the document pair exactly as `benchmarks/alignment.py` does (its
  `parallel_sentences`, then `build_pair` with merges, splits, drops, additions and
  dropped — optionally moved — paragraphs of the English side);
* Hunalign (built from ../shared/peers/hunalign in a temporary copy) runs on the GOLD
  sentence splits — one sentence per line, lower-cased and tokenized, `<p>` lines between
  paragraphs — with the empty dictionary (`null.dic`), with `null.dic` and `-realign`,
  and with a dictionary derived from Ding (Debian's /usr/share/trans/de-en, read through
  qa's own Ding reader; single words, `english @ german`) when that file is installed;
* qa's aligner (`qa.align.align_documents`) runs on the same gold splits (a .txt with one
  sentence per line and blank lines between, which qa's plain loader reads as one
  paragraph per sentence) and on the raw text (sentences joined in paragraphs, split
  by qa itself), as qa runs by default (with the Ding dictionary where it is installed)
  and with ``--lexicon none`` (names, numbers and lengths only);
* every system runs in its own child process, so wall time and peak RSS
  (`RUSAGE_CHILDREN`) are its own; dictionary preparation is done before and not timed;
* scores: bead precision/recall/F1 (exact match), sentence-link F1 (every source×target
  sentence pair inside a bead is a link), omission and addition recall/precision.

Hunalign's output is order-preserving, so it cannot represent moved paragraphs; with the
default (no moved paragraphs, as in `benchmarks/alignment.py`) both systems face the same
task. qa on gold splits sees no paragraph boundaries (each sentence is its own
paragraph) while Hunalign gets its `<p>` markers.

Usage:  python benchmarks/alignment_peers.py [--sizes 300 5000 20000] [--docs 3]
        [--markdown] [--write-docs]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from alignment import parallel_sentences  # noqa: E402  (benchmarks/alignment.py)
from qa.evaluation.synthetic import SyntheticPair, build_pair, score_alignment  # noqa: E402
from qa.lang.lexicon import DING_PATH, ding_pairs, load_lexicon  # noqa: E402
from qa.model import SegmentPair  # noqa: E402

HUNALIGN_SOURCE = REPO.parent / "shared" / "peers" / "hunalign"
DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_SIZES = [300, 5000, 20000]
DEFAULT_SEED = 13
FILLER_STRIDE = 7  # every 7th English sentence of the pool is a candidate addition, as in alignment.py
UNIT_SEPARATOR = "\n\n"  # gold-split text for qa: one unit per blank-line-separated block
PARAGRAPH_MARK = "<p>"  # Hunalign's paragraph delimiter line
TOKEN_RE = re.compile(r"\w+|[^\w\s]")
DICT_WORD_RE = re.compile(r"^[^\W\d_][\w'-]*$")  # a dictionary word: starts with a letter, no spaces
BUILD_TIMEOUT_S = 600
MIB = 1024  # ru_maxrss is in KiB on Linux

# Child wrapper: run argv[2:] with stdout to argv[1]; report its wall time, peak RSS and
# exit code. A separate process so RUSAGE_CHILDREN holds this one system only.
MEASURE = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "with open(sys.argv[1], 'wb') as out:\n"
    "    rc = subprocess.call(sys.argv[2:], stdout=out, stderr=subprocess.DEVNULL)\n"
    "wall = time.perf_counter() - t\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(wall, peak, rc)\n")


@dataclass
class Row:
    """One system × size: the figures printed in the table."""

    system: str
    splits: str
    size: int
    src_sentences: int
    tgt_sentences: int
    precision: float
    recall: float
    f1: float
    link_f1: float
    omission_recall: float
    omission_precision: float
    addition_recall: float
    addition_precision: float
    seconds: float
    peak_mib: float


# --- Hunalign -------------------------------------------------------------------------

def build_hunalign(workdir: Path) -> tuple[Path | None, str]:
    """Copy Hunalign's source into ``workdir`` and build it there (never inside shared/).
    Returns (binary, "") or (None, the reason it could not be built)."""
    if not (HUNALIGN_SOURCE / "src" / "hunalign" / "Makefile").is_file():
        return None, "source not found at ../shared/peers/hunalign"
    missing = [tool for tool in ("g++", "make") if shutil.which(tool) is None]
    if missing:
        return None, "missing build tools: " + ", ".join(missing)
    copy = workdir / "hunalign"
    shutil.copytree(HUNALIGN_SOURCE, copy)
    build_dir = copy / "src" / "hunalign"
    try:
        result = subprocess.run(["make", "-C", str(build_dir), f"-j{os.cpu_count() or 1}"],
                                capture_output=True, text=True, timeout=BUILD_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return None, f"make did not finish within {BUILD_TIMEOUT_S} s"
    binary = build_dir / "hunalign"
    if result.returncode != 0 or not binary.is_file():
        tail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        return None, f"make failed ({result.returncode}): " + " | ".join(tail)
    return binary, ""


def ding_dictionary(out: Path) -> int:
    """Write Hunalign's dictionary (``english @ german``, lower-cased single words) from
    the Ding file, parsed with qa's own Ding reader; return the number of entries."""
    entries = {(en.lower(), de.lower()) for de, en in ding_pairs(DING_PATH)
               if DICT_WORD_RE.match(de) and DICT_WORD_RE.match(en)}
    out.write_text("".join(f"{en} @ {de}\n" for en, de in sorted(entries)), encoding="utf-8")
    return len(entries)


def paragraph_of_units(text: str, units: list[tuple[int, int]]) -> list[int]:
    """The paragraph index of each unit (paragraphs are separated by blank lines)."""
    out, para, prev_end = [], 0, 0
    for start, end in units:
        if "\n\n" in text[prev_end:start]:
            para += 1
        out.append(para)
        prev_end = end
    return out


def hunalign_corpus(text: str, units: list[tuple[int, int]]) -> tuple[str, list[int | None]]:
    """Hunalign's input for one side: one tokenized, lower-cased unit per line and `<p>`
    between paragraphs; plus, per line, the unit it holds (None for `<p>`)."""
    lines: list[str] = []
    owner: list[int | None] = []
    paragraphs = paragraph_of_units(text, units)
    for u, (start, end) in enumerate(units):
        if u and paragraphs[u] != paragraphs[u - 1]:
            lines.append(PARAGRAPH_MARK)
            owner.append(None)
        lines.append(" ".join(TOKEN_RE.findall(text[start:end].lower())))
        owner.append(u)
    return "\n".join(lines) + "\n", owner


def ladder_beads(ladder: str, src_owner: list[int | None],
                 tgt_owner: list[int | None]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Beads from Hunalign's ladder output: rungs (i, j) cut both texts; the lines between
    two rungs form one bead. `<p>` lines are dropped; beads left empty vanish."""
    rungs = [tuple(int(x) for x in line.split("\t")[:2]) for line in ladder.splitlines() if line.strip()]
    beads = []
    for (i0, j0), (i1, j1) in zip(rungs, rungs[1:]):
        src = tuple(u for u in src_owner[i0:i1] if u is not None)
        tgt = tuple(u for u in tgt_owner[j0:j1] if u is not None)
        if src or tgt:
            beads.append((src, tgt))
    return beads


# --- qa (child process) ---------------------------------------------------------------

def qa_worker(source: Path, target: Path, out: Path, lexicon: str | None) -> None:
    """Load both documents as qa does, align them, and write the beads and the sentence
    spans (for mapping the gold onto qa's own sentence splits) as JSON."""
    from qa.align import align_documents
    from qa.runner import load_document

    src_doc = load_document(source, "de", text=source.read_text(encoding="utf-8"))
    tgt_doc = load_document(target, "en", text=target.read_text(encoding="utf-8"))
    lex = load_lexicon(lexicon) if lexicon else None
    t0 = time.perf_counter()
    alignment = align_documents(src_doc, tgt_doc, lexicon=lex)
    seconds = time.perf_counter() - t0
    out.write_text(json.dumps({
        "beads": [[list(p.source), list(p.target)] for p in alignment.pairs],
        "source_sentences": [[s.start, s.end] for s in src_doc.sentences],
        "target_sentences": [[s.start, s.end] for s in tgt_doc.sentences],
        "align_seconds": seconds}), encoding="utf-8")


# --- measuring and scoring ------------------------------------------------------------

def measure(cmd: list[str], stdout: Path) -> tuple[float, float]:
    """Run ``cmd`` in a child (stdout to ``stdout``); return (wall seconds, peak RSS MiB).
    The child runs in ``stdout``'s temporary folder: Hunalign writes a ``translate.txt``
    into its working directory, which must not be the repository."""
    result = subprocess.run([sys.executable, "-c", MEASURE, str(stdout), *cmd],
                            capture_output=True, text=True, cwd=stdout.parent,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    wall, peak, rc = result.stdout.split()
    if int(rc) != 0:
        raise RuntimeError(f"{Path(cmd[0]).name} exited with {rc}")
    return float(wall), float(peak) / MIB


def link_f1(gold, predicted) -> float:
    """F1 over sentence links: each (source, target) sentence pair inside a bead."""
    def links(beads):
        return {(s, t) for src, tgt in beads for s in src for t in tgt}
    g, p = links(gold), links(predicted)
    hit = len(g & p)
    precision = hit / len(p) if p else 1.0
    recall = hit / len(g) if g else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score_row(system: str, splits: str, size: int, gold, beads, n_src: int, n_tgt: int,
              seconds: float, peak: float) -> Row:
    """Score predicted beads against the gold with qa's scorer, plus link F1."""
    pairs = [SegmentPair(str(k), f"{len(s)}-{len(t)}", tuple(s), tuple(t), None, None, "", "", 0.0)
             for k, (s, t) in enumerate(beads)]
    score = score_alignment(gold, pairs)
    return Row(system, splits, size, n_src, n_tgt, score.precision, score.recall, score.f1,
               link_f1(gold, beads), score.omission_recall, score.omission_precision,
               score.addition_recall, score.addition_precision, seconds, peak)


def one_per_line(synthetic: SyntheticPair) -> SyntheticPair:
    """The same pair with every unit (gold sentence) on its own line and a blank line
    between units, so that qa's plain loader makes each gold sentence a paragraph (a
    single newline could be read as a soft wrap and join two units) and its segmenter
    keeps the gold splits."""
    def lay(text, units):
        parts, spans, pos = [], [], 0
        for start, end in units:
            parts.append(text[start:end])
            spans.append((pos, pos + end - start))
            pos += end - start + len(UNIT_SEPARATOR)
        return UNIT_SEPARATOR.join(parts) + "\n", spans

    source, source_units = lay(synthetic.source, synthetic.source_units)
    target, target_units = lay(synthetic.target, synthetic.target_units)
    return replace(synthetic, source=source, target=target, source_units=source_units,
                   target_units=target_units)


def _spans_doc(spans) -> SimpleNamespace:
    """A stand-in document with just the sentence spans `gold_sentences` reads."""
    return SimpleNamespace(sentences=[SimpleNamespace(start=a, end=b) for a, b in spans])


# --- the benchmark --------------------------------------------------------------------

def run(sizes: list[int], docs: int, data: Path | None, seed: int, move_paragraphs: float,
        log) -> tuple[list[Row], dict]:
    """Build the pairs, run every system on them, and return the rows plus run notes."""
    pool, origin = parallel_sentences(data)
    notes: dict = {"data": f"{len(pool)} parallel sentences from {origin}", "operations": {}}
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        binary, why = build_hunalign(tmpdir)
        notes["hunalign"] = f"built from {HUNALIGN_SOURCE.name} (commit in PROVENANCE.md)" \
            if binary else f"NOT BUILT: {why}"
        log(f"hunalign: {notes['hunalign']}")
        dictionaries: list[tuple[str, Path, list[str]]] = []
        ding_lexicon = str(DING_PATH) if DING_PATH.is_file() else None
        if binary:
            null_dic = tmpdir / "hunalign" / "data" / "null.dic"
            dictionaries += [("hunalign null.dic", null_dic, []),
                             ("hunalign null.dic -realign", null_dic, ["-realign"])]
            if ding_lexicon:
                ding_dic = tmpdir / "ding.dic"
                notes["ding"] = f"{ding_dictionary(ding_dic)} single-word Ding entries"
                dictionaries.append(("hunalign Ding", ding_dic, []))
        if ding_lexicon:
            load_lexicon(ding_lexicon)  # builds qa's trie cache once, outside the timings
        else:
            notes["ding"] = "Ding dictionary not installed: Ding rows skipped"
        qa_systems = ([("qa (default: Ding)", ding_lexicon)] if ding_lexicon else []) \
            + [("qa --lexicon none", None)]

        for size in sizes:
            for doc in range(docs):
                rng = random.Random(seed + doc)
                start = rng.randrange(len(pool))
                chosen = [pool[(start + k) % len(pool)] for k in range(size)]
                fillers = [en for _, en in pool[::FILLER_STRIDE]]
                synthetic = build_pair(chosen, rng, fillers=fillers,
                                       p_move_paragraph=move_paragraphs)
                notes["operations"][f"{size}#{doc}"] = synthetic.operations
                base = tmpdir / f"{size}-{doc}"
                n_src, n_tgt = len(synthetic.source_units), len(synthetic.target_units)

                src_sen, src_owner = hunalign_corpus(synthetic.source, synthetic.source_units)
                tgt_sen, tgt_owner = hunalign_corpus(synthetic.target, synthetic.target_units)
                (src_path := base.with_suffix(".de.sen")).write_text(src_sen, encoding="utf-8")
                (tgt_path := base.with_suffix(".en.sen")).write_text(tgt_sen, encoding="utf-8")
                for name, dic, flags in dictionaries:
                    ladder = base.with_suffix(".ladder")
                    log(f"{size} #{doc}: {name}")
                    try:
                        wall, peak = measure([str(binary), *flags, str(dic), str(src_path),
                                              str(tgt_path)], ladder)
                    except RuntimeError as exc:
                        log(f"  failed: {exc}")
                        continue
                    beads = ladder_beads(ladder.read_text(encoding="utf-8"), src_owner, tgt_owner)
                    rows.append(score_row(name, "gold", size, synthetic.gold, beads, n_src,
                                          n_tgt, wall, peak))

                gold_split = one_per_line(synthetic)
                for splits, pair in (("gold", gold_split), ("raw", synthetic)):
                    de_txt = base.parent / f"{base.name}-{splits}-de.txt"
                    en_txt = base.parent / f"{base.name}-{splits}-en.txt"
                    de_txt.write_text(pair.source, encoding="utf-8")
                    en_txt.write_text(pair.target, encoding="utf-8")
                    for name, lexicon in qa_systems:
                        out = base.parent / f"{base.name}-{splits}-qa.json"
                        log(f"{size} #{doc}: {name} on {splits} splits")
                        cmd = [sys.executable, str(Path(__file__).resolve()), "--worker",
                               str(de_txt), str(en_txt), str(out)]
                        if lexicon:
                            cmd += ["--lexicon", lexicon]
                        try:
                            wall, peak = measure(cmd, base.with_suffix(".log"))
                        except RuntimeError as exc:
                            log(f"  failed: {exc}")
                            continue
                        result = json.loads(out.read_text(encoding="utf-8"))
                        src_doc = _spans_doc(result["source_sentences"])
                        tgt_doc = _spans_doc(result["target_sentences"])
                        gold = pair.gold_sentences(src_doc, tgt_doc)
                        beads = [(tuple(s), tuple(t)) for s, t in result["beads"]]
                        rows.append(score_row(name, splits, size, gold, beads,
                                              len(src_doc.sentences), len(tgt_doc.sentences),
                                              wall, peak))
    return _averaged(rows), notes


def _averaged(rows: list[Row]) -> list[Row]:
    """Mean over the documents of each (system, splits, size)."""
    groups: dict[tuple[str, str, int], list[Row]] = {}
    for row in rows:
        groups.setdefault((row.system, row.splits, row.size), []).append(row)
    out = []
    for (system, splits, size), group in groups.items():
        mean = {f: sum(getattr(r, f) for r in group) / len(group)
                for f in Row.__dataclass_fields__ if f not in ("system", "splits", "size")}
        out.append(Row(system, splits, size, **mean))
    return sorted(out, key=lambda r: (r.size, r.system.startswith("qa"), r.system, r.splits))


def markdown_table(rows: list[Row]) -> str:
    """One row per system × size; figures are means over the documents of that size."""
    head = ("| pairs | system | splits | src | tgt | bead P | bead R | bead F1 | link F1 "
            "| om R | om P | add R | add P | wall s | peak MiB |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in rows:
        lines.append(
            f"| {r.size} | {r.system} | {r.splits} | {r.src_sentences:.0f} | {r.tgt_sentences:.0f} "
            f"| {r.precision:.3f} | {r.recall:.3f} | {r.f1:.3f} | {r.link_f1:.3f} "
            f"| {r.omission_recall:.3f} | {r.omission_precision:.3f} "
            f"| {r.addition_recall:.3f} | {r.addition_precision:.3f} "
            f"| {r.seconds:.2f} | {r.peak_mib:.0f} |")
    return "\n".join(lines)


DOCS_SECTION = "## Alignment against Hunalign"


def write_docs(rows: list[Row], notes: dict, docs: int, move_paragraphs: float) -> Path:
    """Replace this benchmark's section of docs/performance.md (up to the next ``## ``
    heading), or append it; the other sections are left as they are."""
    from startup import machine  # the one description of the machine (benchmarks/startup.py)

    section = [
        DOCS_SECTION, "",
        f"Generated by `python benchmarks/alignment_peers.py --sizes "
        f"{' '.join(str(s) for s in sorted({r.size for r in rows}))} --docs {docs} "
        f"--write-docs` on {machine()}. Data: {notes['data']}; Hunalign "
        f"{notes['hunalign']}; Ding: {notes.get('ding', 'not used')}. Each size is the mean "
        f"of {docs} perturbed document pairs (merges, splits, dropped and added sentences, "
        f"dropped paragraphs{'' if not move_paragraphs else ', moved paragraphs'}); wall "
        "time and peak memory are each aligner's own process (qa: loading, segmenting and "
        "aligning; the dictionary is prepared before). `gold` splits: one sentence per line "
        "(qa then sees every sentence as its own paragraph, Hunalign gets `<p>` markers); "
        "`raw`: the text as written, split by qa (its rows are scored against gold beads "
        "merged where qa's splitter joined sentences).", "",
        markdown_table(rows), ""]
    from docs_section import replace_section

    return replace_section(DOCS_SECTION, section)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=DEFAULT_SIZES,
                        help="sentence pairs per document before perturbation")
    parser.add_argument("--docs", type=int, default=1,
                        help="documents per size (different seeds); figures are their means")
    parser.add_argument("--data", type=Path,
                        default=DEFAULT_DATA if DEFAULT_DATA.is_dir() else None,
                        help="folder holding wmt21-news-deen/ and wmt22-general-deen/")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--move-paragraphs", type=float, default=0.0, metavar="P",
                        help="also swap each paragraph with the next one with probability P")
    parser.add_argument("--markdown", action="store_true", help="print only the table")
    parser.add_argument("--write-docs", action="store_true",
                        help="replace the Hunalign section of docs/performance.md")
    parser.add_argument("--worker", nargs=3, metavar=("DE", "EN", "OUT"), type=Path,
                        help=argparse.SUPPRESS)
    parser.add_argument("--lexicon", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        qa_worker(*args.worker, args.lexicon)
        return

    def log(message: str) -> None:
        if not args.markdown:
            print(message, file=sys.stderr, flush=True)

    rows, notes = run(args.sizes, args.docs, args.data, args.seed, args.move_paragraphs, log)
    if not args.markdown:
        print(f"data: {notes['data']}")
        print(f"hunalign: {notes['hunalign']}")
        print(f"ding: {notes.get('ding', 'not used')}")
        print(f"cores: {os.cpu_count()}, python {sys.version.split()[0]}, "
              f"documents per size: {args.docs}, moved paragraphs p={args.move_paragraphs}")
        for key, ops in notes["operations"].items():
            print(f"perturbations {key}: {ops}")
        print()
    elif notes["hunalign"].startswith("NOT BUILT"):
        print(f"Hunalign {notes['hunalign']}\n")
    print(markdown_table(rows))
    if args.write_docs:
        print(f"wrote {write_docs(rows, notes, args.docs, args.move_paragraphs).relative_to(REPO)}",
              file=sys.stderr)


if __name__ == "__main__":
    main()
