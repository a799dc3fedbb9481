"""Bilingual word lexicons (German → English): alignment evidence and the lexical
adequacy checks.

Formats: the Ding dictionary (``DE :: EN`` lines, as in Debian's ``trans-de-en`` package at
``/usr/share/trans/de-en``; GPL, read where it is installed, never copied), Apertium
bidix XML (``.dix``; ``<l>`` English, ``<r>`` German), and two-column TSV/CSV
(``de<TAB>en`` or ``de,en``; ``|`` separates variants). Lookups go through a light
stemmer on both sides so inflected forms ("Regierungen", "governments") meet their
entries. A parsed Ding file is cached (a memory-mapped trie in the user cache folder,
keyed by the file's size and modification time) because parsing 200,000 lines takes
seconds.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Container, Iterator, Mapping
from functools import cached_property, lru_cache
from dataclasses import dataclass, field
from pathlib import Path

from qa.errors import InputError
from qa.paths import cache_dir, cached_file
from qa.lang import english, german
from qa.lang.function_words import STOPWORDS

@dataclass(frozen=True, eq=False)  # (identity: a run's lexicon is a memo key)
class Lexicon:
    """German stem → English stems.

    Entries are stored as space-joined strings (a 250,000-entry dictionary then costs
    tens of megabytes, not hundreds) and expanded on lookup; ``overlay`` holds entries
    merged in from another lexicon (a termbase) without copying this one.
    """

    path: str
    entries: Mapping[str, str]
    overlay: dict[str, str] = field(default_factory=dict)
    #: every English stem of ``entries`` (None: collected from them on first use; the
    #: Ding dictionary passes a cached trie, collecting 250,000 entries takes 0.6 s)
    english_stems: Container[str] | None = None
    _memo: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def __len__(self) -> int:
        return len(self.entries) + sum(1 for k in self.overlay if k not in self.entries)

    def translations(self, german_word: str) -> frozenset[str]:
        """English stems for a German word (any inflected form)."""
        found = self._memo.get(german_word)
        if found is None:
            stem = german.stem(german_word)
            found = frozenset((self.entries.get(stem, "") + " " + self.overlay.get(stem, ""))
                              .split())
            self._memo[german_word] = found
        return found

    @staticmethod
    def english_stem(word: str) -> str:
        """The stem English words are stored and compared under."""
        return english.stem(word)

    def merged(self, other: "Lexicon") -> "Lexicon":
        """This lexicon with ``other``'s entries layered on top (nothing is copied)."""
        overlay = dict(self.overlay)
        for key in set(other.entries) | set(other.overlay):
            combined = set(other.translations_for_stem(key)) | set(overlay.get(key, "").split())
            overlay[key] = " ".join(sorted(combined))
        return Lexicon(f"{self.path}+{other.path}", self.entries, overlay, self.english_stems)

    def has_english(self, stem: str) -> bool:
        """Whether some German word translates to this English stem: an English word the
        lexicon knows, so that finding no source word for it is evidence."""
        known, overlay = self._english_sides
        return stem in known or stem in overlay

    @cached_property
    def _english_sides(self) -> tuple[Container[str], frozenset[str]]:
        """The English stems of ``entries`` and of ``overlay``, collected on first use."""
        known = self.english_stems
        if known is None:
            known = {u for value in self.entries.values() for u in value.split()}
        return known, frozenset(u for value in self.overlay.values() for u in value.split())

    def translations_for_stem(self, stem: str) -> frozenset[str]:
        return frozenset((self.entries.get(stem, "") + " " + self.overlay.get(stem, "")).split())


def _compact(table: dict[str, set[str]]) -> dict[str, str]:
    return {k: " ".join(sorted(v)) for k, v in table.items()}


def lexicon_from_termbases(termbases) -> Lexicon | None:
    """The approved renderings of termbase entries, as a lexicon (None if empty)."""
    table: dict[str, set[str]] = {}
    for termbase in termbases:
        for entry in termbase.entries:
            for de in entry.de:
                for en in entry.en:
                    _add(table, de, en)
    if not table:
        return None
    name = "+".join(tb.path for tb in termbases)
    return Lexicon(name, _compact(table))


def _add(table: dict[str, set[str]], de: str, en: str) -> None:
    de_words = [w for w in de.split() if w.lower() not in STOPWORDS]
    en_words = [english.stem(w) for w in en.split()
                if w.lower() not in STOPWORDS and len(w) > 1 and w.replace("-", "").isalpha()]
    if len(de_words) != 1 or not en_words:
        return
    table.setdefault(german.stem(de_words[0]), set()).update(en_words)


def _element_text(element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == "b":
            parts.append(" ")
        elif child.tag == "g":
            parts.append(_element_text(child))
        parts.append(child.tail or "")
    return "".join(parts).strip()


def _load_dix(path: Path) -> dict[str, set[str]]:
    from defusedxml.ElementTree import parse
    from xml.etree.ElementTree import ParseError

    try:
        root = parse(str(path)).getroot()
    except ParseError as exc:
        raise InputError(f"{path}: not a valid Apertium dictionary ({exc})") from None
    table: dict[str, set[str]] = {}
    for entry in root.iter("e"):
        pair = entry.find("p")
        if pair is not None:
            left, right = pair.find("l"), pair.find("r")
            if left is not None and right is not None:
                _add(table, _element_text(right), _element_text(left))
        else:
            ident = entry.find("i")
            if ident is not None:
                text = _element_text(ident)
                _add(table, text, text)
    return table


def _load_table(path: Path) -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    text = path.read_text(encoding="utf-8-sig")
    delimiter = "\t" if "\t" in text.split("\n", 1)[0] else ","
    for row in csv.reader(text.splitlines(), delimiter=delimiter):
        if len(row) < 2 or not row[0].strip() or row[0].strip().lower() == "de":
            continue
        for de in row[0].split("|"):
            for en in row[1].split("|"):
                _add(table, de.strip(), en.strip())
    return table


DING_PATH = Path("/usr/share/trans/de-en")
_DING_TAGS = re.compile(r"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|<[^>]*>")


def _ding_variants(side: str) -> list[list[str]]:
    """``A {n}; B {m} | C {pl}`` → [["A", "B"], ["C"]] with tags and comments removed."""
    out = []
    for part in side.split(" | "):
        out.append([v.strip() for v in _DING_TAGS.sub("", part).split(";") if v.strip()])
    return out


def ding_pairs(path: Path) -> Iterator[tuple[str, str]]:
    """Every (German, English) variant pair of a Ding file (``DE :: EN`` lines, their
    ``|`` groups paired in order, ``;`` variants, tags and comments removed)."""
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.startswith("#") or " :: " not in line:
                continue
            de_side, en_side = line.rstrip("\n").split(" :: ", 1)
            for de_group, en_group in zip(_ding_variants(de_side), _ding_variants(en_side)):
                for de in de_group:
                    for en in en_group:
                        yield de, en


def _load_ding(path: Path) -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    for de, en in ding_pairs(path):
        if " " not in de.strip():  # phrases and idioms: single words only
            _add(table, de, en)
    return table


class _TrieEntries(Mapping):
    """A parsed Ding dictionary as a read-only mapping German stem → space-joined English
    stems, backed by a memory-mapped MARISA BytesTrie: opening it takes a millisecond and
    only the pages a run looks up are read (a pickled dict took ~0.1 s and tens of MB)."""

    __slots__ = ("_trie",)

    def __init__(self, trie) -> None:
        self._trie = trie

    def get(self, key, default=None):
        found = self._trie.get(key) if isinstance(key, str) else None
        return found[0].decode("utf-8") if found else default

    def __getitem__(self, key: str) -> str:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key) -> bool:
        return isinstance(key, str) and key in self._trie

    def __iter__(self):
        return iter(self._trie.keys())

    def __len__(self) -> int:
        return len(self._trie)


def _load_ding_cached(path: Path) -> Mapping[str, str]:
    """The parsed Ding file, from a trie in qa's cache folder keyed by the file's size and
    modification time; parsed and written there (under a temporary name renamed into
    place, so parallel processes never read half a file) when missing. Without
    marisa-trie, the parsed table in memory."""
    try:
        import marisa_trie
    except ImportError:  # pragma: no cover - marisa-trie is a base dependency
        return _compact(_load_ding(path))
    stat = path.stat()
    cache = cache_dir() / f"ding-v3-{stat.st_size}-{int(stat.st_mtime)}.marisa"
    def parse():
        table = _compact(_load_ding(path))
        return marisa_trie.BytesTrie((k, v.encode("utf-8")) for k, v in table.items())

    return _TrieEntries(cached_file(cache, marisa_trie.BytesTrie().mmap, parse))


def _ding_english_cached(path: Path, table: Mapping[str, str]) -> Container[str]:
    """Every English stem of the parsed Ding dictionary, as a trie cached beside the
    dictionary's own (collected on first use, 0.6 s once per machine); a set without
    marisa-trie."""
    try:
        import marisa_trie
    except ImportError:  # pragma: no cover - marisa-trie is a base dependency
        return {u for value in table.values() for u in value.split()}
    stat = path.stat()
    cache = cache_dir() / f"ding-en-v1-{stat.st_size}-{int(stat.st_mtime)}.marisa"
    return cached_file(cache, marisa_trie.Trie().mmap, lambda: marisa_trie.Trie(
        {u for value in table.values() for u in value.split()}))


def _looks_like_ding(path: Path) -> bool:
    with path.open(encoding="utf-8", errors="replace") as fh:
        head = [next(fh, "") for _ in range(40)]
    return any(" :: " in line for line in head)


def default_lexicon_path() -> Path | None:
    """The Ding dictionary where Debian's trans-de-en package installs it, if present."""
    return DING_PATH if DING_PATH.is_file() else None


def load_lexicon(path: str | Path) -> Lexicon:
    """Load a lexicon file; :class:`InputError` with one line if it cannot be used.
    Loaded lexicons are kept for the life of the process (batch runs, tests)."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: lexicon file not found")
    stat = p.stat()
    return _load_lexicon(str(p), stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=4)
def _load_lexicon(path: str, size: int, mtime: int) -> Lexicon:
    p = Path(path)
    english = None
    try:
        if p.suffix.lower() in {".dix", ".xml"}:
            table = _compact(_load_dix(p))
        elif _looks_like_ding(p):
            table = _load_ding_cached(p)
            english = _ding_english_cached(p, table) if table else None
        else:
            table = _compact(_load_table(p))
    except UnicodeDecodeError:
        raise InputError(f"{path}: lexicon is not valid UTF-8") from None
    if not table:
        raise InputError(f"{path}: lexicon has no usable German→English entries")
    return Lexicon(str(path), table, english_stems=english)
