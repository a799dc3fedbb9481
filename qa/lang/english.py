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
