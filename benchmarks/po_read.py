"""Throughput and memory of the PO reader (qa.io.bilingual.po.read_po).

Writes a synthetic German→English PO of N entries (default 100,000) into a temporary
folder — a mix of plain entries, msgctxt, translator and extracted comments,
references, placeholders, escapes, strings continued over lines, plurals, fuzzy and
obsolete entries, as a real application catalogue has them — then reads it in a fresh
process (so the figure is the reader's, not the generator's) and prints entries and
units per second and the reading process's peak RSS. The issue's target: at least
50,000 entries/s on one core.

Usage:  python benchmarks/po_read.py [--entries 100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
#: the issue's target
TARGET_ENTRIES_PER_SECOND = 50_000
DEFAULT_ENTRIES = 100_000

HEADER = ('msgid ""\nmsgstr ""\n"Project-Id-Version: bench 1.0\\n"\n"Language: en\\n"\n'
          '"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
          '"Content-Transfer-Encoding: 8bit\\n"\n'
          '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')

# Entry shapes, cycled: (German, English) texts written by hand for this benchmark.
SINGULAR = [
    ("Die Datei konnte nicht gespeichert werden.", "The file could not be saved."),
    ("Möchten Sie die Änderungen an %s speichern?", "Do you want to save the changes to %s?"),
    ("Verbindung zum Server {host} wird hergestellt …", "Connecting to server {host} …"),
    ("Der Vorgang wurde nach %(seconds)d Sekunden abgebrochen.",
     "The operation was cancelled after %(seconds)d seconds."),
    ("Einstellungen", "Settings"),
    ("Zeile 1\\nZeile 2 mit \\\"Anführungszeichen\\\"", "Line 1\\nLine 2 with \\\"quotes\\\""),
]
PLURAL = ("Eine Nachricht wurde gelöscht.", "%d Nachrichten wurden gelöscht.",
          "One message was deleted.", "%d messages were deleted.")
LONG = ("Wenn Sie fortfahren, werden alle lokalen Daten dieses Kontos unwiderruflich "
        "entfernt und können nicht wiederhergestellt werden.",
        "If you continue, all local data of this account will be removed for good "
        "and cannot be restored.")


def write_po(path: Path, entries: int) -> None:
    """A PO of ``entries`` entries (header not counted), written line by line."""
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEADER)
        for n in range(entries):
            shape = n % 10
            out.write(f"#: src/module{n % 97}.c:{n % 1000 + 1}\n")
            if shape == 0:
                out.write(f"#. Knopf im Dialog {n}\n")
            if shape == 7:
                out.write("#, fuzzy\n")
            if shape == 8:
                out.write(f'msgid "{PLURAL[0]} ({n})"\nmsgid_plural "{PLURAL[1]} ({n})"\n'
                          f'msgstr[0] "{PLURAL[2]} ({n})"\nmsgstr[1] "{PLURAL[3]} ({n})"\n\n')
                continue
            if shape == 9:
                half = len(LONG[0]) // 2
                out.write(f'msgctxt "dialog {n}"\nmsgid ""\n"{LONG[0][:half]}"\n'
                          f'"{LONG[0][half:]} ({n})"\nmsgstr ""\n"{LONG[1][:half]}"\n'
                          f'"{LONG[1][half:]} ({n})"\n\n')
                continue
            german, english = SINGULAR[n % len(SINGULAR)]
            out.write(f'msgid "{german} ({n})"\nmsgstr "{english} ({n})"\n\n')
        out.write('#~ msgid "Veraltet"\n#~ msgstr "Obsolete"\n')


def read_once(path: str) -> None:
    """In the child: read every unit and print seconds, entries, units and peak RSS."""
    import resource
    import time

    from qa.io.bilingual.po import read_po

    start, cpu_start = time.perf_counter(), time.process_time()
    reading = read_po(path)
    units = sum(1 for _ in reading.units)  # consumed one by one: nothing is kept
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"seconds": seconds, "cpu": cpu, "units": units,
                      "skipped": reading.skipped, "rss_mib": rss_mib}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=DEFAULT_ENTRIES)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--read", help=argparse.SUPPRESS)  # the child's part
    args = parser.parse_args()
    if args.read:
        read_once(args.read)
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.po"
        write_po(path, args.entries)
        size_mib = path.stat().st_size / 2**20
        results = []
        for _ in range(args.runs):
            child = subprocess.run([sys.executable, __file__, "--read", str(path)],
                                   capture_output=True, text=True, check=True, cwd=REPO,
                                   env={**os.environ, "PYTHONPATH": str(REPO)})
            results.append(json.loads(child.stdout))
    seconds = statistics.median(r["seconds"] for r in results)
    # on a busy machine wall time includes waiting for a core; CPU time is the steadier figure
    cpu = statistics.median(r["cpu"] for r in results)
    rate = args.entries / seconds
    print(f"{args.entries:,} entries ({size_mib:.1f} MiB file), {results[0]['units']:,} units, "
          f"skipped {results[0]['skipped']}")
    print(f"read in {seconds:.2f} s (median of {args.runs}): {rate:,.0f} entries/s, "
          f"{results[0]['units'] / seconds:,.0f} units/s "
          f"(target ≥ {TARGET_ENTRIES_PER_SECOND:,} entries/s: "
          f"{'met' if rate >= TARGET_ENTRIES_PER_SECOND else 'NOT met'})")
    print(f"CPU time {cpu:.2f} s: {args.entries / cpu:,.0f} entries/s of CPU")
    print(f"peak RSS of the reading process: {max(r['rss_mib'] for r in results):.0f} MiB")


if __name__ == "__main__":
    main()
