"""Names across the two languages: a spelling-insensitive key that survives
transliteration (``Selenskyj`` / ``Zelensky``), the German and English forms of places
(exonyms, ``qa/data/exonyms.tsv``), and the edit distance near-miss spellings are
judged by."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from qa.lang.normalise import fold

# German and English spellings of the same sounds (sch/sh, tsch/ch, j/y, w/v, z/s …);
# yi, ji and ts: Ukrainian names, German Kudryzkyj / Mykolajiw, English Kudrytskyi /
# Mykolaiv
TRANSLITERATIONS = (("tsch", "ch"), ("tch", "ch"), ("sch", "sh"), ("kh", "ch"), ("yj", "y"),
                    ("ij", "y"), ("iy", "i"), ("yi", "y"), ("ji", "i"), ("j", "y"), ("y", "i"),
                    ("w", "v"), ("z", "s"), ("ph", "f"), ("ck", "k"), ("c", "k"), ("ae", "a"),
                    ("oe", "o"), ("ue", "u"), ("our", "or"), ("ts", "s"))


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """A spelling-insensitive key for comparing a name across transliterations."""
    key = fold(name).replace("-", " ").replace("'", "").replace("’", "")
    for a, b in TRANSLITERATIONS:
        key = key.replace(a, b)
    return key


@lru_cache(maxsize=1)
def exonyms() -> dict[str, tuple[str, ...]]:
    """German name (folded) → English forms, from qa/data/exonyms.tsv."""
    from importlib.resources import files

    table: dict[str, tuple[str, ...]] = {}
    text = files("qa").joinpath("data/exonyms.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        de, en = line.split("\t", 1)
        table[fold(de.strip())] = tuple(v.strip() for v in en.split("|") if v.strip())
    return table


@lru_cache(maxsize=1)
def reverse_exonyms() -> dict[str, set[str]]:
    """English form (folded) → the German names (folded) it renders."""
    reverse: dict[str, set[str]] = defaultdict(set)
    for de, forms in exonyms().items():
        for en in forms:
            reverse[fold(en)].add(de)
    return dict(reverse)


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, capped: any pair whose lengths differ by more than two
    reads 3 (near-miss spellings are one or two edits apart)."""
    if abs(len(a) - len(b)) > 2:
        return 3
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
