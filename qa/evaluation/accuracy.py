"""Measured accuracy on real German→English data nobody here wrote; writes
docs/accuracy.md and docs/accuracy.json.

Datasets (read by path from ../shared/data, never copied; each has a PROVENANCE.md):
DEMETR (:mod:`.demetr`), WMT21/22/23 references and WMT22 system outputs with human
scores (:mod:`.wmt`), WMT23 terminology (:mod:`.terminology`), real NMT errors
(:mod:`.nmt_errors`), the DFKI test suite (:mod:`.dfki`), alignment on perturbed WMT
documents (:mod:`.alignment_accuracy`) and sentence segmentation of WMT sentences joined
into paragraphs (:mod:`.segmentation`).

Every dataset runs once with MT skipped and, where MT models are present, once with MT
(:mod:`.mt_pass` picks real OPUS-MT from the local cache, else the toy test fixtures, and
the document says which). Terminology, alignment and segmentation do not involve MT and run once.

Usage:  qa eval [../shared/data] [--out docs] [--limit N] [--no-mt]
        (python benchmarks/accuracy.py is the same)
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import tempfile
import time
from pathlib import Path

from qa import __version__
from qa.config import Config
from qa.errors import QAError
from qa.evaluation import (alignment_accuracy, demetr, dfki, judged, nmt_errors, segmentation,
                           terminology, wmt)
from qa.evaluation.markdown import render
from qa.evaluation.mt_pass import evaluation_mt


DATASETS = ("demetr", "wmt21-news-deen", "wmt22-general-deen", "wmt23-general-deen",
            "wmt23-terminology-deen", "nmt-hallucinations-deen", "dfki-mt-testsuite-deen")


def provenance(data: Path) -> list[dict]:
    """Title, source repository and snapshot commit of each dataset, from its
    PROVENANCE.md (for the document's data section)."""
    rows = []
    for folder in DATASETS:
        path = data / folder / "PROVENANCE.md"
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), folder)
        source = re.search(r"\*\*Source repository:\*\*\s*(\S+)", text)
        commit = re.search(r"\*\*Commit:\*\*[^`\n]*`([0-9a-f]{7,40})`", text)
        rows.append({"folder": folder, "title": title, "source": source.group(1) if source else None,
                     "commit": commit.group(1)[:12] if commit else None})
    return rows


def _guarded(where: Path, run):
    """``run()``, with data in an unexpected shape reported as one line naming where."""
    try:
        return run()
    except QAError:
        raise
    except (KeyError, ValueError, TypeError, IndexError, csv.Error) as exc:
        # (json.JSONDecodeError is a ValueError)
        raise QAError(f"{where}: not in the expected format ({type(exc).__name__}: {exc})") from exc


def _passes(run, mt_config: Config | None) -> dict:
    """``run(config)`` with MT off, and with MT on when a model is available."""
    return {"mt_off": run(Config(mt=False)),
            "mt_on": run(mt_config) if mt_config is not None else None}


def evaluate_all(data: Path, out: Path, limit: int = 100_000, command: str = "qa eval",
                 mt: bool = True, log=print) -> Path:
    """Run every evaluation over ``data``; write accuracy.md and accuracy.json to ``out``."""
    if not (data / "demetr").is_dir():
        raise QAError(f"{data}: no evaluation data there (expected demetr/, wmt21-news-deen/, …)")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="qa-eval-") as tmp:
        mt_setup = evaluation_mt(Path(tmp), enabled=mt)
        results: dict = {"qa_version": __version__, "command": command, "data": str(data),
                         "mt_models": mt_setup.label, "mt_real": mt_setup.real}
        steps = [
            ("demetr", "demetr", lambda c: demetr.evaluate(data / "demetr", c, limit)),
            ("wmt_references", "wmt2*-deen", lambda c: wmt.references(data, c, limit)),
            ("wmt22_systems", wmt.WMT22, lambda c: wmt.systems(data, c, limit)),
            ("nmt_errors", nmt_errors.FILE, lambda c: nmt_errors.evaluate(data, c, limit)),
            ("dfki", dfki.FILE, lambda c: dfki.evaluate(data, c, limit)),
        ]
        for name, where, run in steps:
            log(f"qa eval: {name} …")
            results[name] = _guarded(data / where, lambda: _passes(run, mt_setup.config))
        log("qa eval: judged_precision …")
        results["judged_precision"] = _guarded(data / "wmt2*-deen", lambda: judged.evaluate(data))
        log("qa eval: wmt23_terminology …")
        results["wmt23_terminology"] = _guarded(
            data / terminology.FOLDER, lambda: terminology.evaluate(data, Config(mt=False), limit))
        log("qa eval: alignment …")
        results["alignment"] = _guarded(data / "wmt2*-deen", lambda: alignment_accuracy.evaluate(data))
        log("qa eval: segmentation …")
        results["segmentation"] = _guarded(data / "wmt2*-deen",
                                           lambda: segmentation.evaluate(data, limit))
    results["data_provenance"] = provenance(data)
    results["seconds"] = round(time.perf_counter() - started, 1)
    out.mkdir(parents=True, exist_ok=True)
    (out / "accuracy.md").write_text(render(results), encoding="utf-8")
    (out / "accuracy.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n",
                                       encoding="utf-8")
    return out / "accuracy.md"


def main() -> None:
    repo = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=repo.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=100_000,
                        help="at most this many segments per dataset")
    parser.add_argument("--no-mt", action="store_true", help="skip the MT pass")
    args = parser.parse_args()
    command = ("python benchmarks/accuracy.py" + (f" --limit {args.limit}" if args.limit != 100_000 else "")
               + (" --no-mt" if args.no_mt else ""))
    path = evaluate_all(args.data, repo / "docs", args.limit, command, mt=not args.no_mt)
    print(path.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
