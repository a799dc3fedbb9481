"""qa's own word-list files in ``qa/data/``: read once per process, with the one rule
for their format (one entry per line; blank lines and lines starting with ``#`` are
comments; tables separate their columns with tabs)."""

from __future__ import annotations

import hashlib
from functools import lru_cache


@lru_cache(maxsize=None)
def lines(name: str) -> tuple[str, ...]:
    """The entries of ``qa/data/NAME``, comments and blank lines left out."""
    from importlib.resources import files

    text = files("qa").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return tuple(line for line in text.splitlines() if line.strip() and not line.startswith("#"))


def rows(name: str) -> list[list[str]]:
    """The tab-separated rows of a table in ``qa/data/`` (lines without a tab skipped),
    each cell stripped."""
    return [[cell.strip() for cell in line.split("\t")] for line in lines(name) if "\t" in line]


def word_set(name: str) -> frozenset[str]:
    """A word list in ``qa/data/``, case-folded."""
    return frozenset(line.strip().casefold() for line in lines(name))


def variants(cell: str) -> tuple[str, ...]:
    """``A|B|C`` → (A, B, C), blank variants dropped."""
    return tuple(v.strip() for v in cell.split("|") if v.strip())


@lru_cache(maxsize=1)
def signature() -> str:
    """A hash of every word-list file (exonyms, demonyms, abbreviations, loanwords,
    interjections, page furniture): all of them change results. The precision table is
    recorded separately (:func:`qa.earned.signature`)."""
    from importlib.resources import files

    digest = hashlib.sha256()
    folder = files("qa").joinpath("data")
    for name in sorted(p.name for p in folder.iterdir()
                       if p.name.endswith((".tsv", ".txt")) and p.name != "precision.tsv"):
        digest.update(name.encode() + b"\0" + folder.joinpath(name).read_bytes())
    return digest.hexdigest()[:8]
