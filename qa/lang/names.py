"""Names across the two languages: a spelling-insensitive key that survives
transliteration (``Selenskyj`` / ``Zelensky``), the German and English forms of places
(exonyms, ``qa/data/exonyms.tsv``), and the edit distance near-miss spellings are
judged by."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from qa.lang import data
from qa.lang.data import variants
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
    return {fold(de): variants(en) for de, en, *_ in data.rows("exonyms.tsv")}


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


def within_edits(a: str, b: str, limit: int) -> bool:
    """Whether ``a`` and ``b`` differ by at least one and at most ``limit`` edits
    (``0 < edit_distance(a, b) <= limit``, the near-miss test), without filling the
    whole table: words whose sets of letters differ too much are not near; else the
    distance is that of what is left once a shared start and end are cut off, and no
    later row of the table has a smaller minimum, so the first row beyond ``limit``
    decides (most words compared are nowhere near each other)."""
    if a == b or abs(len(a) - len(b)) > limit:
        return False
    if len(set(a).symmetric_difference(b)) > 2 * limit:
        return False  # an edit changes at most two letters of the set of letters used
    head = 0
    while head < len(a) and head < len(b) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < len(a) - head and tail < len(b) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    a, b = a[head:len(a) - tail], b[head:len(b) - tail]
    # only the cells within ``limit`` of the diagonal: a path through any other costs
    # more than ``limit`` (a cell i, j costs at least |i - j|); those read ``beyond``
    beyond = limit + 1
    previous = [j if j <= limit else beyond for j in range(len(b) + 1)]
    for i, ca in enumerate(a, 1):
        low, high = max(1, i - limit), min(len(b), i + limit)
        current = [beyond] * (len(b) + 1)
        current[0] = i if i <= limit else beyond
        for j in range(low, high + 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1,
                             previous[j - 1] + (ca != b[j - 1]), beyond)
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def abbreviation_spellings(token: str) -> tuple[str, str]:
    """The two letter sequences the initials of a spelled-out ``token`` may be (upper
    case): its reading letters (:func:`abbreviation_letters`) and all its letters."""
    return abbreviation_letters(token), "".join(c for c in token if c.isalpha()).upper()


@lru_cache(maxsize=1)
def demonyms() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """English place (folded) → (its English adjectives and demonyms, the lower-case
    stems of its German ones), from qa/data/demonyms.tsv: ``france`` → (("French",
    "Frenchman", …), ("franzos", "französ"))."""
    table: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for place, english, *rest in data.rows("demonyms.tsv"):
        german = rest[0] if rest else ""
        table[fold(place)] = (variants(english), tuple(v.lower() for v in variants(german)))
    return table


def english_adjectives(place: str) -> tuple[str, ...]:
    """The English adjectives and demonyms of an English place name: ``Germany`` →
    ``German``, ``Germans``; () for a place the table lacks."""
    return demonyms().get(fold(place), ((), ()))[0]


def german_adjective_stems(place: str) -> tuple[str, ...]:
    """Lower-case stems of the German adjectives and demonyms of an English place name
    (``France`` → ``franzos``, ``französ``), matched at the start of a German word."""
    return demonyms().get(fold(place), ((), ()))[1]


@lru_cache(maxsize=1)
def _places_by_adjective() -> dict[str, set[str]]:
    reverse: dict[str, set[str]] = defaultdict(set)
    for place, (english, _) in demonyms().items():
        for adjective in english:
            reverse[fold(adjective)].add(place)
    return dict(reverse)


def places_of_adjective(word: str) -> set[str]:
    """The English places (folded) whose adjective or demonym ``word`` is: ``French`` →
    {``france``}; empty for a word that is none."""
    return _places_by_adjective().get(fold(word), set())


@lru_cache(maxsize=1)
def german_abbreviations() -> dict[str, tuple[str, ...]]:
    """German abbreviation (as written) → what it stands for, from
    qa/data/german_abbreviations.tsv: ``MdB`` → ("Mitglied des Bundestages", …)."""
    return {short: variants(long_) for short, long_, *_ in data.rows("german_abbreviations.tsv")}


def abbreviation_letters(token: str) -> str:
    """The letters an abbreviation is read by, upper-cased: its capitals where it mixes
    cases (``StZ`` → ``SZ``, ``MdB`` → ``MB``), else all its letters."""
    letters = [c for c in token if c.isalpha()]
    capitals = [c for c in letters if c.isupper()]
    return "".join(capitals if 2 <= len(capitals) < len(letters) else letters).upper()


def abbreviates(token: str, words: list[str]) -> bool:
    """Do ``words`` (a run of capitalised words, or the parts of one compound) spell out
    the abbreviation ``token``: their initials are its letters in order, or its capitals
    (``StZ`` ← Stuttgarter Zeitung, ``LZ`` ← Landes|zeitung)?"""
    initials = "".join(w[:1] for w in words if w).upper()
    return len(initials) >= 2 and initials in abbreviation_spellings(token)


@lru_cache(maxsize=1)
def english_place_names() -> frozenset[str]:
    """The English forms of the exonym table (folded) that are words, not acronyms
    (Moscow, Baltic Sea; not WHO, UK): a translation naming one names a place or body
    the source must have."""
    return frozenset(fold(en) for forms in exonyms().values() for en in forms
                     if not en.isupper())
