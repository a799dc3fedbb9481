"""Shared text helpers: word tokens, numbers in German and English conventions,
function-word language evidence. Checks and the aligner import these; nothing here
knows about files, configs or reports.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

WORD_RE = re.compile(r"[^\W\d_](?:[\w'’\-]*\w)?", re.UNICODE)
TOKEN_RE = re.compile(r"\w+(?:[-'’.]\w+)*", re.UNICODE)


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Case- and accent-insensitive form: ``Élysée-Palast`` → ``elysee-palast``, ``ß`` → ``ss``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _simplemma():
    """simplemma's word lists as MARISA tries cached in qa's cache folder: a process
    opens them in milliseconds instead of spending a second decoding simplemma's own
    format for German and English. Without marisa-trie installed, simplemma's default
    in-memory dictionaries (same content, slower start)."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
    from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY

    factory = DEFAULT_DICTIONARY_FACTORY
    try:
        from simplemma.__metadata__ import __version__ as version
        from simplemma.strategies.dictionaries.trie_dictionary_factory import TrieDictionaryFactory

        from qa.paths import cache_dir

        class AtomicTrieFactory(TrieDictionaryFactory):
            """Writes each trie under a temporary name and renames it into place, so the
            parallel processes of a batch run never read a half-written file."""

            def _write_trie_to_disk(self, lang, trie) -> None:
                import os

                self._cache_dir.mkdir(parents=True, exist_ok=True)
                tmp = self._cache_dir / f"{lang}.dic.{os.getpid()}.tmp"
                try:
                    trie.save(str(tmp))
                    os.replace(tmp, self._cache_dir / f"{lang}.dic")
                finally:
                    tmp.unlink(missing_ok=True)

        factory = AtomicTrieFactory(disk_cache_dir=str(cache_dir() / f"simplemma-{version}"))
    except ImportError:
        pass
    return (DictionaryLookupStrategy(factory),
            Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory)))


def known_word(token: str, lang: str) -> bool:
    """Is ``token`` in simplemma's word list for ``lang`` (as an inflected form or a
    lemma)? The same answer as ``simplemma.is_known``."""
    from simplemma.utils import normalize_token

    return _simplemma()[0].get_lemma(normalize_token(token), lang) is not None


@lru_cache(maxsize=100_000)
def german_lemma(word: str) -> str:
    """The dictionary form of a German word (simplemma): ``Verteidigungsrates`` →
    ``Verteidigungsrat``."""
    return _simplemma()[1].lemmatize(word, "de")


def compound_splits(word: str, min_left: int = 3, min_head: int = 4):
    """The ways to read ``word`` as a German compound: for each cut, the modifier's
    possible stems (as written, without a linking ``s``/``n``, without ``en``) and the
    head, lower-cased: ``Wirtschaftsstandort`` → … (["wirtschafts", "wirtschaft"],
    "standort") …. The checks that recognise compounds differ in what they accept as a
    word (a names check wants any dictionary word, the untranslated check a frequent
    German one), so the test is theirs; the splitting is shared."""
    low = word.lower().replace("-", "")
    for cut in range(min_left, len(low) - min_head + 1):
        left = low[:cut]
        stems = [left]
        if left.endswith(("s", "n")):
            stems.append(left[:-1])
        if left.endswith("en"):
            stems.append(left[:-2])
        yield [stem for stem in stems if len(stem) >= min_left], low[cut:]


CHRF_SIGNATURE = "chrF:nc6,nw0|chrF++:nc6,nw2"


def chrf(hypothesis: str, reference: str, word_order: int = 0) -> float:
    """Sentence chrF (or chrF++ with ``word_order=2``) from sacrebleu, 0–100."""
    return _chrf_metric(word_order).sentence_score(hypothesis, [reference]).score


@lru_cache(maxsize=2)
def _chrf_metric(word_order: int):
    from sacrebleu.metrics import CHRF

    return CHRF(word_order=word_order)


def count_words(text: str) -> int:
    """Words as the MQM score counts them: runs of letters/digits (``4,2`` is one word)."""
    return len(TOKEN_RE.findall(text))


def words(text: str) -> list[str]:
    """Alphabetic word tokens (hyphenated compounds kept whole)."""
    return WORD_RE.findall(text)


# Function words: frequent, short, language-specific. Used for whole-document language
# evidence and to keep identical-token anchors meaningful. Words that are the same in
# both languages ("in", "so", "man") are left out of both lists.
GERMAN_FUNCTION_WORDS = frozenset("""
der die das den dem des ein eine einer eines einem einen und oder aber nicht auch
ist sind war waren wird werden wurde wurden hat haben hatte hatten sein seine seiner
ihre ihrer ihren ihr sich mit von zu zum zur auf aus bei nach über unter vor für
durch gegen ohne um als wie wenn dass daß ob noch schon nur sehr mehr bereits dies
diese dieser dieses diesem diesen jedoch sowie nun dann doch wir sie er es ich du
auch einem kann können muss müssen soll sollen will wollen keine kein keinen im am
vom beim ins ans seit bis zwischen während wegen dort hier heute gestern laut
""".split())

ENGLISH_FUNCTION_WORDS = frozenset("""
the a an and or but not also is are was were be been being has have had will would
shall should can could may might must of to for with from by on at as than that
this these those there their they them he she it its we our you your his her which
who whom whose what when where while because although if then into onto about after
before between during without within against over under very more most already only
just such some any each every all both either neither no yes however said says
""".split())

STOPWORDS = GERMAN_FUNCTION_WORDS | ENGLISH_FUNCTION_WORDS


@dataclass(frozen=True)
class LanguageEvidence:
    """Share of German and English function words among a text's words."""

    words: int
    german: float
    english: float

    def looks(self, lang: str, *, margin: float = 2.0, minimum: int = 20) -> bool:
        """True when there is enough text and ``lang``'s share clearly dominates."""
        if self.words < minimum:
            return False
        mine, other = (self.german, self.english) if lang == "de" else (self.english, self.german)
        return mine >= 0.08 and mine >= margin * max(other, 0.01)


def language_evidence(text: str) -> LanguageEvidence:
    """Function-word evidence for German vs English; cheap enough for whole documents."""
    tokens = [w.lower() for w in words(text)]
    if not tokens:
        return LanguageEvidence(0, 0.0, 0.0)
    de = sum(1 for t in tokens if t in GERMAN_FUNCTION_WORDS)
    en = sum(1 for t in tokens if t in ENGLISH_FUNCTION_WORDS)
    return LanguageEvidence(len(tokens), de / len(tokens), en / len(tokens))


# --- numbers -----------------------------------------------------------------------

NUMBER_RE = re.compile(
    r"(?<![\w.,])"                       # not glued to a word or another number
    r"(?P<num>\d{1,3}(?:[.,\u202f\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?P<ord>\.(?=\s+[^\W\d_]))?"      # German ordinal "20. Juli"
    r"(?![\w])",
    re.UNICODE,
)


@dataclass(frozen=True)
class NumberToken:
    """A number found in text, with its value parsed under the text's convention."""

    start: int
    end: int
    raw: str
    value: Decimal

    @property
    def normalized(self) -> str:
        """A convention-free form of the value: ``4.2``, ``3200``, ``0.5``."""
        return format_decimal(self.value)


def format_decimal(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def parse_number(raw: str, lang: str) -> Decimal | None:
    """Parse a digit string under German (``1.234,5``) or English (``1,234.5``) rules.

    A single separator followed by exactly three digits is a thousands separator
    (German ``3.200`` = 3200, English ``3,200`` = 3200); otherwise it is the decimal mark.
    """
    s = raw.replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    group, decimal = (".", ",") if lang == "de" else (",", ".")
    if group in s and decimal in s:
        s = s.replace(group, "").replace(decimal, ".")
    elif group in s:
        parts = s.split(group)
        if all(len(p) == 3 for p in parts[1:]) and 1 <= len(parts[0]) <= 3:
            s = s.replace(group, "")
        else:
            # Wrong-convention number ("4,2" in English): read as a decimal mark.
            s = s.replace(group, ".") if s.count(group) == 1 else s.replace(group, "")
    elif decimal in s:
        s = s.replace(decimal, ".") if s.count(decimal) == 1 else s.replace(decimal, "")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def find_numbers(text: str, lang: str) -> list[NumberToken]:
    """All numbers in ``text`` with values parsed by ``lang``'s convention."""
    found = []
    for m in NUMBER_RE.finditer(text):
        value = parse_number(m.group("num"), lang)
        if value is not None:
            found.append(NumberToken(m.start("num"), m.end("num"), m.group("num"), value))
    return found
