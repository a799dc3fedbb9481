"""Streaming speed and memory of the bilingual readers on a generated translation memory.

Writes a TMX 1.4 file of N German–English units (made-up sentence pairs built from a
few templates, with inline ``<bpt>``/``<ept>``/``<ph>``/``<hi>`` codes, entity and
character references, and a unit in ten carrying a third language) in a temporary
folder, reads it with :func:`qa.io.bilingual.tmx.read_tmx` touching every unit's text,
and prints units per second (wall clock, and CPU time of the process, which a busy
machine does not distort) and the process's peak resident memory
(``resource.getrusage``: kilobytes on Linux). With ``--xliff`` the same pairs are also
written and read as XLIFF 1.2.

The target the issue set: ≥ 20,000 units/s on one core, peak memory well under 1 GB.

Usage:  python benchmarks/bilingual_read.py [--units 100000] [--xliff]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from qa.io.bilingual.tmx import read_tmx  # noqa: E402
from qa.io.bilingual.xliff import read_xliff  # noqa: E402

#: made-up sentence pairs; {n} a number, {a}/{b} around a formatted word
PAIRS = (
    ("Der Stadtrat hat am Dienstag {n} neue Wohnungen {a}genehmigt{b}.",
     "On Tuesday the city council {a}approved{b} {n} new flats."),
    ("Die Preise für Strom &amp; Gas stiegen im Mai um {n} Prozent.",
     "Prices for electricity &amp; gas rose by {n} per cent in May."),
    ("&#x201E;Wir brauchen mehr Personal&#x201C;, sagte die Ministerin.{p}",
     "&#x201C;We need more staff&#x201D;, the minister said.{p}"),
    ("Klicken Sie auf {a}Speichern{b}, um die {n} Änderungen zu übernehmen.",
     "Click {a}Save{b} to apply the {n} changes."),
    ("Der Zug nach München fällt heute aus; Ersatzbusse fahren ab {n} Uhr.",
     "The train to Munich is cancelled today; replacement buses run from {n} o'clock."),
    ("Die Ausstellung zeigt <hi type=\"italic\">{n}</hi> Werke aus drei Jahrhunderten.",
     "The exhibition shows <hi type=\"italic\">{n}</hi> works from three centuries."),
)
BOLD = ('<bpt i="1" x="1">&lt;b&gt;</bpt>', '<ept i="1">&lt;/b&gt;</ept>')
BREAK = '<ph x="2">&lt;br/&gt;</ph>'
KILOBYTES_PER_MEGABYTE = 1024  # ru_maxrss is in kilobytes on Linux


def pairs(count: int, seed: int = 13):
    """``count`` (German, English) raw segment contents, markup and references included."""
    rng = random.Random(seed)
    for _ in range(count):
        german, english = rng.choice(PAIRS)
        values = {"n": str(rng.randint(2, 9999)), "a": BOLD[0], "b": BOLD[1], "p": BREAK}
        yield german.format(**values), english.format(**values)


def write_tmx(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
                  '<header creationtool="bench" creationtoolversion="1" segtype="sentence" '
                  'o-tmf="none" adminlang="en" srclang="de" datatype="plaintext"/>\n<body>\n')
        for number, (german, english) in enumerate(pairs(count), 1):
            extra = '  <tuv xml:lang="fr-FR"><seg>Texte.</seg></tuv>\n' if number % 10 == 0 else ""
            out.write(f'<tu tuid="{number}">\n  <tuv xml:lang="de-DE"><seg>{german}</seg></tuv>\n'
                      f'{extra}  <tuv xml:lang="en-GB"><seg>{english}</seg></tuv>\n</tu>\n')
        out.write("</body>\n</tmx>\n")


def write_xliff(path: Path, count: int) -> None:
    def inline(raw: str) -> str:  # TMX codes become XLIFF 1.2 ones
        return (raw.replace(BOLD[0], '<bpt id="1">&lt;b&gt;</bpt>').replace(BOLD[1], '<ept id="1">&lt;/b&gt;</ept>')
                .replace(BREAK, '<ph id="2">&lt;br/&gt;</ph>').replace('<hi type="italic">', '<g id="3">')
                .replace("</hi>", "</g>"))

    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
                  'xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file original="bench" '
                  'source-language="de-DE" target-language="en-GB" datatype="plaintext">\n<body>\n')
        for number, (german, english) in enumerate(pairs(count), 1):
            out.write(f'<trans-unit id="{number}">\n  <source>{inline(german)}</source>\n'
                      f'  <target state="translated">{inline(english)}</target>\n</trans-unit>\n')
        out.write("</body>\n</file>\n</xliff>\n")


def measure(label: str, reader, path: Path) -> None:
    started, cpu_started = time.perf_counter(), time.process_time()
    reading = reader(str(path))
    units = characters = 0
    for unit in reading.units:
        units += 1
        characters += len(unit.source.text) + len(unit.target.text if unit.target else "")
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / KILOBYTES_PER_MEGABYTE
    size = path.stat().st_size / 1e6
    print(f"{label}: {units} units ({size:.1f} MB, {characters} characters) in {seconds:.2f} s wall "
          f"= {units / seconds:,.0f} units/s ({cpu_seconds:.2f} s CPU = {units / cpu_seconds:,.0f} units/s); "
          f"peak RSS so far {peak:.0f} MB; skipped {reading.skipped}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--xliff", action="store_true", help="also read the pairs as XLIFF 1.2")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmx = Path(folder) / "memory.tmx"
        write_tmx(tmx, args.units)
        measure("TMX 1.4", read_tmx, tmx)
        if args.xliff:
            xliff = Path(folder) / "memory.xlf"
            write_xliff(xliff, args.units)
            measure("XLIFF 1.2", read_xliff, xliff)


if __name__ == "__main__":
    main()
