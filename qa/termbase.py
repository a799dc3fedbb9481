"""Termbases: approved (and forbidden) English renderings of German terms.

CSV/TSV with a header naming the columns ``de``, ``en`` and optionally ``forbidden``,
``note`` and ``case`` (``yes``/``true``/``1``: match the English case-sensitively).
``|`` separates variants inside a cell. TBX (TBX-Basic ``termEntry/langSet/tig`` and
TBX-Min/TBX v3 ``conceptEntry/langSec/termSec``), parsed with defusedxml: English terms
whose administrative status is deprecated, superseded or forbidden become forbidden
renderings. The terminology checks read these entries; the aligner also uses them as a
high-precision bilingual lexicon.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from qa.errors import InputError

TERMBASE_SUFFIXES = (".csv", ".tsv", ".tbx")
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
    """Parse CSV/TSV termbase text; :class:`InputError` names the file and line on error
    (a malformed CSV too: a field over the csv module's limit, a stray quote)."""
    try:
        return _parse_termbase(text, path)
    except csv.Error as exc:
        raise InputError(f"{path}: not a readable CSV/TSV termbase ({exc})") from None


def _parse_termbase(text: str, path: str) -> Termbase:
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


_FORBIDDEN_STATUS = ("deprecated", "superseded", "forbidden", "notrecommended", "obsolete")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def parse_tbx(text: str, path: str) -> Termbase:
    """Parse TBX-Basic or TBX-Min/v3 XML into entries (namespaces ignored)."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(text.encode("utf-8"))
    except (ParseError, DefusedXmlException) as exc:
        raise InputError(f"{path}: not a valid TBX file ({exc})") from None
    entries = []
    for index, concept in enumerate(e for e in root.iter()
                                    if _local(e.tag) in ("termEntry", "conceptEntry")):
        terms: dict[str, list[tuple[str, str]]] = {"de": [], "en": []}
        notes = []
        for lang_set in (e for e in concept.iter() if _local(e.tag) in ("langSet", "langSec")):
            lang = (lang_set.get(_XML_LANG) or lang_set.get("lang") or "").lower()[:2]
            for group in (e for e in lang_set.iter()
                          if _local(e.tag) in ("tig", "ntig", "termSec")):
                term = next((e for e in group.iter() if _local(e.tag) == "term"), None)
                if term is None or not "".join(term.itertext()).strip():
                    continue
                status = " ".join((e.text or "") + " " + (e.get("type") or "")
                                  for e in group.iter() if _local(e.tag) in
                                  ("termNote", "administrativeStatus"))
                if lang in terms:
                    terms[lang].append(("".join(term.itertext()).strip(), status.lower()))
        for e in concept.iter():
            if _local(e.tag) in ("note", "descrip", "definition") and (e.text or "").strip():
                notes.append(e.text.strip())
        de = tuple(t for t, _ in terms["de"])
        en = tuple(t for t, st in terms["en"] if not any(k in st for k in _FORBIDDEN_STATUS))
        forbidden = tuple(t for t, st in terms["en"] if any(k in st for k in _FORBIDDEN_STATUS))
        if de and (en or forbidden):
            entries.append(TermEntry(de=de, en=en, forbidden=forbidden,
                                     note="; ".join(notes), line=index + 1))
    if not entries:
        raise InputError(f"{path}: TBX file has no entries with German and English terms")
    return Termbase(path=path, entries=tuple(entries))


def load_termbase(path: str | Path) -> Termbase:
    """Read and parse a termbase file; one clear :class:`InputError` on any problem."""
    from qa.io import read_text_file

    suffix = Path(path).suffix.lower()
    if suffix not in TERMBASE_SUFFIXES:
        raise InputError(f"{path}: unsupported termbase type {suffix or '(none)'!r} "
                         f"(supported: {', '.join(TERMBASE_SUFFIXES)})")
    text, _ = read_text_file(path)
    if suffix == ".tbx":
        return parse_tbx(text, str(path))
    return parse_termbase(text, str(path))
