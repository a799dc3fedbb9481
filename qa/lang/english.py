"""English words: a light stem, and whether a token is ordinary English vocabulary."""

from __future__ import annotations

from functools import lru_cache

from qa.lang import frequency as zipf_band
from qa.lang.dictionary import known_word
from qa.lang.frequency import zipf


def stem(word: str) -> str:
    """A crude English stem: lower case, plural/verb ``s``, ``es``, ``ies`` reduced."""
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


@lru_cache(maxsize=100_000)
def ordinary_word(token: str) -> bool:
    """A word of ordinary English (capitalised only at a sentence start or in titles):
    frequent, or in the dictionary and not rare."""
    low = token.lower()
    return zipf(low, "en") >= zipf_band.ORDINARY or (
        known_word(low, "en") and zipf(low, "en") >= zipf_band.UNCOMMON)


def common_acronym(word: str) -> bool:
    """US, UN, GDP, EU: acronyms English uses for German ones (USA, UNO, BIP)."""
    return zipf(word.lower(), "en") >= zipf_band.FREQUENT


def rare(word: str, below: float = zipf_band.UNCOMMON) -> bool:
    """A word English text seldom uses (a name, a typo, a foreign word)."""
    return zipf(word, "en") < below


#: prefixes English forms words with (microtransactions, counterattack, cyberwar)
PREFIXES = ("anti", "bio", "co", "counter", "cyber", "eco", "inter", "macro", "mega", "micro",
            "mini", "multi", "non", "out", "over", "post", "pre", "re", "semi", "sub", "super",
            "trans", "ultra", "under")


#: the longest word read as a compound (see qa.lang.german.MAX_COMPOUND_LETTERS)
MAX_COMPOUND_LETTERS = 64


@lru_cache(maxsize=50_000)
def compound_word(word: str) -> bool:
    """An English compound that no dictionary lists whole (Wallbound, Microtransactions,
    Stormwatch): an English prefix or an ordinary word of four letters and more, then an
    ordinary word of four letters and more."""
    low = word.lower()
    if not low.isalpha() or not 8 <= len(low) <= MAX_COMPOUND_LETTERS:
        return False  # (a longer run of letters is no word: splitting it costs its square)
    for cut in range(2, len(low) - 3):
        left, right = low[:cut], low[cut:]
        if not ordinary_word(right):
            continue
        if left in PREFIXES or (len(left) >= 4 and ordinary_word(left)):
            return True
    return False


#: English demonym endings (Munichite, Berliner, Parisian, Viennese, Texan)
DEMONYM_ENDINGS = ("ites", "ite", "ians", "ian", "ers", "er", "ans", "an", "ese", "ish")


def demonym_bases(word: str) -> list[str]:
    """The place names an English demonym may be formed from, by removing its ending
    (``Munichite`` → ``Munich``; ``Texan`` → ``Tex``, ``Texa``): candidates for a lookup,
    not words."""
    return [word[: -len(ending)] for ending in DEMONYM_ENDINGS
            if word.lower().endswith(ending) and len(word) - len(ending) >= 4]


#: English prefixes that negate the word they are put on: a target word made of one and a
#: rendering of the source word says "not" that rendering (``un`` + ``harmed`` ←
#: ``verletzt``; ``un`` + ``essential`` ← ``wichtig``), which WordNet, relating whole
#: words, often does not pair (``unharmed`` and ``injured`` are satellites of two heads)
NEGATIVE_PREFIXES = ("un", "non", "in", "im", "il", "ir", "dis")
#: of those, the ones that negate wherever they stand; ``in``, ``im``, ``dis``… also mean
#: "into" and "apart" (``income``, ``import``, ``display``), so a word with one counts only
#: when the dictionary gives it for the German ``un``-word too (``unwichtig`` →
#: ``inconsequential``)
PLAIN_NEGATIVE_PREFIXES = ("un", "non")
#: a negated word's base has at least this many letters (``union`` is no ``un`` + ``ion``)
MIN_NEGATED_BASE = 4


#: English irregular comparison: the compared forms and their positive degrees
IRREGULAR_COMPARISON = {
    "better": ("good", "well"), "best": ("good", "well"), "worse": ("bad", "badly", "ill"),
    "worst": ("bad", "badly", "ill"), "more": ("much", "many"), "most": ("much", "many"),
    "less": ("little",), "least": ("little",), "further": ("far",), "furthest": ("far",),
    "farther": ("far",), "farthest": ("far",)}


def positive_degree(form: str, lemma: str) -> bool:
    """``lemma`` is the positive degree of ``form``, a comparative or superlative
    (``later`` → ``late``, ``earliest`` → ``early``, ``bigger`` → ``big``, ``best`` →
    ``good``)."""
    if lemma in IRREGULAR_COMPARISON.get(form, ()):
        return True
    for suffix in ("er", "est"):
        if form.endswith(suffix) and lemma != form:
            base = form[:-len(suffix)]
            if lemma in (base, base + "e") or base.endswith("i") and lemma == base[:-1] + "y" \
                    or len(base) > 2 and base[-1] == base[-2] and lemma == base[:-1]:
                return True
    return False
