"""How frequent a word is in German or English text: wordfreq's Zipf scale (log10 of a
word's occurrences per billion words; 3.0 = once per million words), read through one
function so every check asks the same question the same way.

The bands below are the cut-offs the checks use, named by what they mean. Their values
were tuned by hand while building the checks (issues 3 and 6) against DEMETR's planted
errors and the WMT21/22/23 human references (false alarms); the tuning history is in
git. A check states which band it needs instead of a bare number.
"""

from __future__ import annotations

from functools import lru_cache

#: never seen by wordfreq
ABSENT = 0.0
#: seen at all, however rarely (about once per 100 million words)
TRACE = 1.0
#: occurs in news text at all: a known entity (Trump, Twitter) rather than a typo
RARE = 1.5
#: below this a word is unusual in the language (once per 10 million words)
UNCOMMON = 2.0
#: a word on the edge of ordinary vocabulary
OCCASIONAL = 2.5
#: an ordinary word of the language (once per million words)
COMMON = 3.0
#: a word ordinary English prose uses capitalised only at a sentence start
ORDINARY = 3.3
#: acronyms this frequent in English are English (US, UN, GDP)
FREQUENT = 3.5
#: a word too common to be read as a name without other evidence
VERY_FREQUENT = 4.0
#: everyday vocabulary (Präsident, Saison): never a name by frequency alone
EVERYDAY = 4.5


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    """The Zipf frequency of ``word`` in ``lang`` ("de" or "en"), as wordfreq's
    ``zipf_frequency`` answers it."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)


def signature() -> str:
    """The word-frequency data a run used, for the report's signature."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"wordfreq-{version('wordfreq')}"
    except PackageNotFoundError:  # pragma: no cover - wordfreq is a base dependency
        return "wordfreq-none"
