"""Termbases: approved (and forbidden) English renderings of German terms.

CSV/TSV with a header naming the columns ``de``, ``en`` and optionally ``forbidden``,
``note`` and ``case`` (``yes``/``true``/``1``: match the English case-sensitively).
``|`` separates variants inside a cell. The terminology checks read these entries; the
aligner also uses them as a high-precision bilingual lexicon.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from qa.errors import InputError

TERMBASE_SUFFIXES = (".csv", ".tsv")
_TRUE = {"yes", "true", "1", "y", "case", "sensitive"}


@dataclass(frozen=True)
class TermEntry:
    """One concept: German forms, allowed and forbidden English renderings."""

    de: tuple[str, ...]
    en: tuple[str, ...]
    forbidden: tuple[str, ...] = ()
    note: str = ""
    case_sensitive: bool = False
    line: int = 0


@dataclass(frozen=True)
class Termbase:
    path: str
    entries: tuple[TermEntry, ...]


def _variants(cell: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (cell or "").split("|") if v.strip())


def parse_termbase(text: str, path: str) -> Termbase:
    """Parse CSV/TSV termbase text; :class:`InputError` names the file and line on error."""
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first else ("," if "," in first else ";")
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    columns = [c.strip().lower() for c in (reader.fieldnames or [])]
    if "de" not in columns or "en" not in columns:
        raise InputError(f"{path}: termbase header must name the columns 'de' and 'en' "
                         f"(found: {', '.join(columns) or 'nothing'})")
    reader.fieldnames = columns
    entries = []
    for row in reader:
        line = reader.line_num
        de = _variants(row.get("de"))
        en = _variants(row.get("en"))
        forbidden = _variants(row.get("forbidden"))
        if not de and not en and not forbidden:
            continue
        if not de:
            raise InputError(f"{path}:{line}: termbase row has no German term")
        if not en and not forbidden:
            raise InputError(f"{path}:{line}: termbase row for {de[0]!r} has neither an "
                             "English rendering nor a forbidden one")
        entries.append(TermEntry(de=de, en=en, forbidden=forbidden,
                                 note=(row.get("note") or "").strip(),
                                 case_sensitive=(row.get("case") or "").strip().lower() in _TRUE,
                                 line=line))
    if not entries:
        raise InputError(f"{path}: termbase has no entries")
    return Termbase(path=path, entries=tuple(entries))


def load_termbase(path: str | Path) -> Termbase:
    """Read and parse a termbase file; one clear :class:`InputError` on any problem."""
    from qa.io import read_text_file

    suffix = Path(path).suffix.lower()
    if suffix not in TERMBASE_SUFFIXES:
        raise InputError(f"{path}: unsupported termbase type {suffix or '(none)'!r} "
                         f"(supported: {', '.join(TERMBASE_SUFFIXES)})")
    text, _ = read_text_file(path)
    return parse_termbase(text, str(path))
