"""How frequent a word is in German or English text: wordfreq's Zipf scale (log10 of a
word's occurrences per billion words; 3.0 = once per million words), read through one
function so every check asks the same question the same way.

The bands below are the cut-offs the checks use, named by what they mean. Their values
were tuned by hand while building the checks (issues 3 and 6) against DEMETR's planted
errors and the WMT21/22/23 human references (false alarms); the tuning history is in
git. A check states which band it needs instead of a bare number.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

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
    """The Zipf frequency of ``word`` in ``lang`` ("de" or "en"), exactly as wordfreq's
    ``zipf_frequency`` answers it.

    The fast path reads wordfreq's list from a memory-mapped trie in qa's cache folder
    (built once, see :func:`_trie`) and reproduces wordfreq's normalisation for words it
    can tokenise with certainty: Latin letters and digits, runs joined by spaces or
    hyphens, apostrophes between letters. Anything else (other scripts, combining marks,
    dots, slashes, other languages) is answered by wordfreq itself."""
    tokens = _plain_tokens(word)
    if tokens is not None:
        ranks = _trie(lang)
        if ranks is not None:
            return _combine(tokens, ranks)
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)


# --- the fast path: wordfreq's own steps for the words it tokenises trivially -----------
#
# wordfreq (3.x, for Latin-script languages with its regex tokenizer): NFC-normalise,
# casefold, NFC again, split with its Unicode word-break expression, strip apostrophes at
# token edges and casefold each token, straighten curly quotes, replace runs of 2+ digits
# by zeros ("smash") and look the result up; a smashed number's frequency is scaled by a
# Benford/year estimate; the frequencies of several tokens combine as 1/f = Σ 1/fᵢ,
# rounded to 3 significant digits, then converted to Zipf and rounded to 2 decimals.
# Letters below U+0250 and ASCII digits never break a word (UAX #29 WB5, WB8-10), a space
# or a hyphen always does, an apostrophe between two letters does not (WB6/7) - except
# wordfreq's French-elision rule: a token starting with 1-2 characters, a straight
# apostrophe and a vowel or h ("l'arc", "qu'un", "O'Hara") splits after the apostrophe -
# and one at a word's edge ("workers'", "'tis") is a break, never part of a token; an
# underscore joins (WB13a/b: "PRS_ORG", WMT's placeholders). tests/lang/test_frequency.py checks every such letter against wordfreq's
# tokenizer and thousands of real words against ``zipf_frequency``.

_LETTER = "a-z\u00aa\u00ba\u00df-\u00f6\u00f8-\u024f"
_RUN = f"[{_LETTER}0-9_'\u2019]+"
_PLAIN = re.compile(f"[ -]*{_RUN}(?:[ -]+{_RUN})*[ -]*")
# an apostrophe not between two letters: a word break, or stripped by wordfreq
_LOOSE_APOSTROPHE = re.compile(f"(?<![{_LETTER}])['\u2019]|['\u2019](?![{_LETTER}])")
_SEPARATORS = re.compile("[ -]+")
# wordfreq's INITIAL_VOWEL_EXPR: an apostrophe 1-2 characters into a token, followed by
# one of these, splits the token (French "l'arc", "qu'un")
_ELISION = re.compile("^[^']{1,2}'[AEHIOUYÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛÅÏÖŒaehiouyáéíóúàèìòùâêîôûåïöœ]")
_MULTI_DIGIT = re.compile("[0-9]{2,}")
_MINIMUM = 10**0.0 / 1e9  # wordfreq.zipf_to_freq(0.0), zipf_frequency's default floor

# wordfreq.numbers (3.x)
_DIGIT_FREQS = [0.009, 0.300, 0.175, 0.124, 0.096, 0.078, 0.066, 0.057, 0.050, 0.045]
_YEAR_LOG_PEAK = -1.9185
_NOT_YEAR_PROB = 0.1
_REFERENCE_YEAR = 2019
_PLATEAU_WIDTH = 20


def _plain_tokens(word: str) -> list[str] | None:
    """wordfreq's tokens of ``word`` (after its normalisation), or None where the word is
    not plain enough to be sure of them."""
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFC", word).casefold())
    if not text:
        return []
    if _PLAIN.fullmatch(text) is None:
        return None
    tokens = []
    for run in _SEPARATORS.split(text):
        run = run.strip("'\u2019")  # an apostrophe at a word's edge is a word break
        if not run:
            continue
        if "'" in run or "\u2019" in run:
            if _LOOSE_APOSTROPHE.search(run):
                return None
            while _ELISION.match(run):  # "l'arc": "l" is a token, "arc" starts another
                cut = run.index("'")
                tokens.append(run[:cut].casefold())
                run = run[cut + 1:]
        tokens.append(run.casefold().replace("\u2019", "'"))
    return tokens


def _benford_freq(text: str) -> float:
    return _DIGIT_FREQS[int(text[0])] / 10 ** (len(text) - 1)


def _year_freq(text: str) -> float:
    year = int(text)
    if year <= _REFERENCE_YEAR:
        year_log_freq = _YEAR_LOG_PEAK - 0.0083 * (_REFERENCE_YEAR - year)
    elif _REFERENCE_YEAR < year <= _REFERENCE_YEAR + _PLATEAU_WIDTH:
        year_log_freq = _YEAR_LOG_PEAK
    else:
        year_log_freq = _YEAR_LOG_PEAK - 0.2 * (year - (_REFERENCE_YEAR + _PLATEAU_WIDTH))
    return 10.0**year_log_freq + _NOT_YEAR_PROB * _benford_freq(text)


def _digit_freq(token: str) -> float:
    freq = 1.0
    for digits in _MULTI_DIGIT.findall(token):
        freq *= _year_freq(digits) if len(digits) == 4 else _benford_freq(digits)
    return freq


def _combine(tokens: list[str], ranks) -> float:
    """wordfreq's ``_word_frequency`` and ``zipf_frequency`` with the default minimum."""
    if not tokens:
        freq = _MINIMUM
    else:
        one_over_result = 0.0
        for token in tokens:
            smashed = _MULTI_DIGIT.sub(lambda m: "0" * len(m.group(0)), token)
            found = ranks.get(smashed)
            if not found:
                freq = _MINIMUM
                break
            freq = 10 ** (-found[0][0] / 100)
            if smashed != token:
                freq *= _digit_freq(token)
            one_over_result += 1.0 / freq
        else:
            unrounded = max(1.0 / one_over_result, _MINIMUM)
            if unrounded == 0.0:
                freq = 0.0
            else:
                freq = round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


# --- wordfreq's lists as tries in the cache folder ---------------------------------------

def installed(distribution: str) -> tuple[str, Path] | None:
    """An installed package's version and folder, found without importing it (wordfreq's
    import compiles large regular expressions, simplemma's loads rules for 40 languages)
    or importlib.metadata (slow to import): from its ``*.dist-info`` folder's name."""
    from importlib.util import find_spec

    try:
        spec = find_spec(distribution)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    package = Path(next(iter(spec.submodule_search_locations)))
    try:
        names = os.listdir(package.parent)
    except OSError:
        return None
    prefix = f"{distribution}-"
    for name in names:
        if name.startswith(prefix) and name.endswith(".dist-info"):
            return name[len(prefix):-len(".dist-info")], package
    return None


@lru_cache(maxsize=None)
def _trie(lang: str):
    """wordfreq's frequency list for ``lang`` as a MARISA RecordTrie mapping each word to
    its rank in centibels below 1 (what ``get_frequency_dict`` stores as 10**(-cB/100)),
    memory-mapped from qa's cache folder; built there on first use, under a temporary name
    renamed into place so parallel processes never read half a file. None where the fast
    path does not apply (another language, another wordfreq major version, no
    marisa-trie): then wordfreq answers."""
    if lang not in ("de", "en"):
        return None
    install = installed("wordfreq")
    if install is None or not install[0].startswith("3."):
        return None
    version, data = install[0], install[1] / "data"
    source = data / f"large_{lang}.msgpack.gz"
    if not source.is_file():
        source = data / f"small_{lang}.msgpack.gz"
    try:
        import marisa_trie

        stat = source.stat()
    except (ImportError, OSError):
        return None
    from qa.paths import cache_dir, cached_file

    path = cache_dir() / f"wordfreq-{version}" / f"{source.name.split('.')[0]}-{stat.st_size}.marisa"
    return cached_file(path, marisa_trie.RecordTrie("<H").mmap, lambda: _build_trie(lang))


def _build_trie(lang: str):
    """wordfreq's list for ``lang`` (as ``get_frequency_dict`` reads it: a word listed in
    two bands keeps the later, rarer one) as a RecordTrie of centibel ranks."""
    import marisa_trie
    from wordfreq import get_frequency_list

    ranks: dict[str, int] = {}
    for index, bucket in enumerate(get_frequency_list(lang)):
        for word in bucket:
            ranks[word] = index
    return marisa_trie.RecordTrie("<H", ((word, (rank,)) for word, rank in ranks.items()))


def signature() -> str:
    """The word-frequency data a run used, for the report's signature."""
    install = installed("wordfreq")
    if install is not None:
        return f"wordfreq-{install[0]}"
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"wordfreq-{version('wordfreq')}"
    except PackageNotFoundError:  # pragma: no cover - wordfreq is a base dependency
        return "wordfreq-none"
