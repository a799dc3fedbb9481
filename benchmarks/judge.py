"""List qa's findings on the judged-precision documents for a bilingual judge, and
check judgement files.

    python benchmarks/judge.py list [--part dev|test] [--unjudged] [--dataset ID] > batch.txt
    python benchmarks/judge.py show --code POL01 [--part dev]   # one line per finding
    python benchmarks/judge.py stats [--part dev]               # precision per code/class
    python benchmarks/judge.py table                            # write qa/data/precision.tsv

``list`` prints each finding above info with its key (the TSV columns a judgement row
needs), the message, the flagged text marked ⟦…⟧ in its segment, and the aligned
segment of the other language — for reading only: judgement rows hold keys, verdicts
and causes, never the text (the test sets are research-only).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from qa.evaluation import judged  # noqa: E402


def _mark(text: str, start: int, end: int) -> str:
    return text[:start] + "⟦" + text[start:end] + "⟧" + text[end:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("list", "show", "stats", "table"))
    parser.add_argument("--code", help="only findings of this check code")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--part", choices=("dev", "test"))
    parser.add_argument("--dataset")
    parser.add_argument("--unjudged", action="store_true")
    args = parser.parse_args()
    if args.command == "table":
        path = judged.write_precision_table(args.data, REPO / "qa" / "data" / "precision.tsv")
        print(path.read_text(encoding="utf-8"), end="")
        return
    known = judged.load_judgements()
    count = 0
    tallies: dict[str, dict[str, int]] = {}
    for document in judged.documents(args.data):
        if (args.part and document.part != args.part) or (args.dataset and document.dataset != args.dataset):
            continue
        report = judged.check(document)
        if report is None:
            continue
        for located in judged.locate(document, report):
            key, finding = located.key, located.finding
            if args.unjudged and key in known:
                continue
            if args.code and key.code != args.code:
                continue
            count += 1
            verdict = known.get(key, ("unknown", ""))
            if args.command == "stats":
                for name in {key.code, finding.finding_class}:
                    tally = tallies.setdefault(name, {})
                    tally[verdict[0]] = tally.get(verdict[0], 0) + 1
                continue
            if args.command == "show":
                row = document.lines.index(key.line)
                text = (document.sources if key.side == "source" else document.targets)[row]
                context = text[max(0, key.start - 50):key.end + 50].replace("\n", " ")
                print(f"{verdict[0]:9} {verdict[1][:30]:30} | {finding.finding_class:22} | "
                      f"{text[key.start:key.end]!r:28} | {context}")
                continue
            row = document.lines.index(key.line)
            source, target = document.sources[row], document.targets[row]
            if key.side == "source":
                source = _mark(source, key.start, key.end)
            else:
                target = _mark(target, key.start, key.end)
            print(f"KEY\t{key.dataset}\t{key.line}\t{key.side}\t{key.start}\t{key.end}\t{key.code}")
            print(f"  [{finding.severity.value}] {finding.code} {finding.message}"
                  + (f" → suggests {finding.suggestion!r}" if finding.suggestion else ""))
            print(f"  DE: {source}")
            print(f"  EN: {target}")
            # the pair's neighbours help with alignment findings and pronouns
            for other in (row - 1, row + 1):
                if 0 <= other < len(document.lines):
                    print(f"  (line {document.lines[other]}) DE: {document.sources[other][:200]}")
                    print(f"  (line {document.lines[other]}) EN: {document.targets[other][:200]}")
            if known.get(key):
                print(f"  JUDGED: {known[key][0]} — {known[key][1]}")
            print()
    for name, tally in sorted(tallies.items()):
        judged_n = sum(tally.get(v, 0) for v in judged.VERDICTS)
        precision = f"{100 * tally.get('real', 0) / judged_n:5.1f} %" if judged_n else "    –  "
        print(f"{name:28} precision {precision}  " + "  ".join(f"{v} {n}" for v, n in sorted(tally.items())))
    print(f"{count} findings", file=sys.stderr)


if __name__ == "__main__":
    main()
