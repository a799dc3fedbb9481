"""English word relations from Princeton WordNet 3.0: antonyms and hypernyms, keyed by the
English stems the bilingual lexicon uses (:func:`qa.lang.english.stem`).

Source: Debian's ``wordnet-base`` package (``/usr/share/wordnet``: the ``data.*`` and
``*.exc`` files of the WordNet database, format wndb(5); WordNet licence, read where it
is installed, never copied). Without it :func:`default_wordnet_path` is None and the
checks that need it are listed as skipped with the fix.

Why an own reader of the database files and not nltk's or the ``wn`` package: nltk's
``WordNetCorpusReader`` (3.10) refuses ``/usr/share/wordnet`` (its path guard), and in a
copy of the folder it still needs ``lexnames`` and ``index.sense``, which Debian's
``wordnet-base`` does not ship; ``wn`` reads only its own SQLite database, downloaded
from the network. Both would also be a dependency for the few relations used here. The
reader below parses the four ``data.*`` files (22 MB) once per machine — 3.6 s of CPU,
290 MB peak memory — and keeps the relations as a memory-mapped MARISA trie in qa's
cache folder (4 MB, keyed by the files' sizes and modification times; no pickle);
opening it then takes under a millisecond and a run reads only the pages it looks up
(``python -m qa.lang.wordnet`` prints these figures).

The relations, on single-word lemmas:

- **antonyms**, lemma-level (``!`` pointers), widened the way WordNet models antonymy of
  adjectives: a head adjective is an indirect antonym of the similar-to satellites
  (``&``) of its antonym head (``injured`` ↔ ``unharmed``, a satellite of
  ``uninjured``; two satellites are not antonyms: ``hard`` and ``severe`` sit in the
  clusters of ``indulgent`` and ``strict``); and derivationally related
  forms and pertainyms (``+``, ``\\``) of two antonyms are antonyms of each other
  (``closure`` ← ``close`` ↔ ``open`` → ``opening``);
- **synonyms**: the other words of a word's synsets (``likely`` ↔ ``probable``);
- **hypernyms** of nouns (``@``, ``@i``) from :data:`HYPERNYM_LOWEST` up to
  :data:`HYPERNYM_DEPTH` levels (``tournament`` → ``contest`` → ``social event`` →
  ``event``);
- **names**: the one-word names of instances (``Paris``, ``Versailles``, ``Murray``),
  for the names checks (a German word list lists many names as words).

Inflected English words are looked up through WordNet's exception lists (``fell`` →
``fall``) and its detachment rules (``stopped`` → ``stop``): :func:`lemma_stems`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from qa.lang import english
from qa.paths import cache_dir, cached_file

WORDNET_PATH = Path("/usr/share/wordnet")
#: the database files read, by part of speech (``a`` holds heads ``a`` and satellites ``s``)
DATA_FILES = {"n": "data.noun", "v": "data.verb", "a": "data.adj", "r": "data.adv"}
VERB_EXCEPTIONS = "verb.exc"
EXCEPTION_FILES = ("noun.exc", VERB_EXCEPTIONS, "adj.exc", "adv.exc")
#: hypernym levels kept: three reach ``tournament`` → ``event`` and ``spectator`` →
#: ``person``; a fourth mostly adds the top of the hierarchy (``abstraction``, ``entity``)
HYPERNYM_DEPTH = 3
#: the lowest hypernym level kept. Direct parents are often a word a translator may choose
#: for the same thing (``employee`` → ``worker``), but leaving them out (2) cut MEA02's
#: DEMETR hypernym hits from 31 to 18 and its clean-sentence alarms only from 9 to 7
HYPERNYM_LOWEST = 1
#: adjective clusters with more satellites than this are no antonymy worth reporting:
#: the largest of WordNet 3.0 are colours and numbers (``chromatic`` 257, ``cardinal``
#: 237, ``colored`` 112, ``achromatic`` 111, ``ordinal`` 99 satellites: ``sixth`` would
#: be an antonym of ``six``); the next, ``large`` (84), is real antonymy
MAX_CLUSTER = 90
#: bump when what is cached changes
CACHE_VERSION = 11
FIX = ("no WordNet: install Debian's wordnet-base (/usr/share/wordnet; "
       "scripts/setup.sh does so when run as root)")

_MARKER = re.compile(r"\([a-z]+\)$")  # adjective position markers: big(a), galore(ip)

# WordNet's detachment rules (morphy): suffix → replacement, by part of speech
_DETACH = (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"),
           ("shes", "sh"), ("men", "man"), ("ies", "y"), ("es", "e"), ("es", ""),
           ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("er", ""), ("est", ""),
           ("er", "e"), ("est", "e"))
#: a lemma form shorter than this is not a candidate (``bed`` is not ``b`` + ``ed``)
MIN_LEMMA = 3


def default_wordnet_path() -> Path | None:
    """Debian's WordNet folder, if its data files are installed."""
    return WORDNET_PATH if all((WORDNET_PATH / name).is_file()
                               for name in DATA_FILES.values()) else None


@dataclass(frozen=True)
class _Synset:
    kind: str  # n, v, a (head adjective), s (satellite), r
    lemmas: tuple[str, ...]
    pointers: tuple[tuple[str, tuple[str, int], int, int], ...]  # symbol, target, src, tgt


def _lemma(word: str) -> str | None:
    """A database word as a single lower-case word; None for a phrase or a name
    (``More``, the instance of ``writer``, is not the word ``more``)."""
    word = _MARKER.sub("", word)
    if "_" in word or not word.islower() or not word.replace("-", "").replace("'", "").isalpha():
        return None
    return word


def _parse_line(line: str, part: str) -> tuple[tuple[str, int], _Synset] | None:
    if line.startswith(" "):
        return None  # the licence header: lines that start with two spaces
    fields = line.split(" | ", 1)[0].split()
    if not fields or not fields[0].isdigit():
        return None
    offset, kind, count = int(fields[0]), fields[2], int(fields[3], 16)
    lemmas = tuple(fields[4 + 2 * k] for k in range(count))
    at = 4 + 2 * count
    pointer_count = int(fields[at])
    pointers = []
    for k in range(pointer_count):
        symbol, target, pos, source_target = fields[at + 1 + 4 * k: at + 5 + 4 * k]
        pointers.append((symbol, ("a" if pos == "s" else pos, int(target)),
                         int(source_target[:2], 16), int(source_target[2:], 16)))
    return (part, offset), _Synset(kind, lemmas, tuple(pointers))


def read_synsets(folder: Path) -> dict[tuple[str, int], _Synset]:
    """Every synset of the database in ``folder``, keyed by (part of speech, offset)."""
    synsets = {}
    for part, name in DATA_FILES.items():
        with (folder / name).open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                parsed = _parse_line(line, part)
                if parsed:
                    synsets[parsed[0]] = parsed[1]
    return synsets


def _words(synset: _Synset) -> set[str]:
    return {w for w in map(_lemma, synset.lemmas) if w}


def _related(synsets, key, index: int) -> set[str]:
    """Derivationally related forms and pertainyms of lemma ``index`` (1-based) of a
    synset, with the lemma itself."""
    synset = synsets[key]
    own = _lemma(synset.lemmas[index - 1])
    found = {own} if own else set()
    for symbol, target, source, target_index in synset.pointers:
        if symbol in ("+", "\\") and source == index and target in synsets and target_index:
            word = _lemma(synsets[target].lemmas[target_index - 1])
            if word:
                found.add(word)
    return found


def antonym_pairs(synsets: dict[tuple[str, int], _Synset],
                  indirect: bool = False) -> Iterator[tuple[str, str]]:
    """Word pairs of opposite meaning (both directions): lemma antonyms and the
    derivations of antonyms; with ``indirect``, instead the pairs of a head adjective and
    a satellite of its antonym head."""
    satellites: dict[tuple[str, int], set[str]] = {}
    for key, synset in synsets.items():
        if synset.kind == "s":
            for symbol, target, _, _ in synset.pointers:
                if symbol == "&":
                    satellites.setdefault(target, set()).update(_words(synset))
    for key, synset in synsets.items():
        for symbol, target, source, target_index in synset.pointers:
            if symbol != "!" or target not in synsets or not source or not target_index:
                continue
            if not indirect:
                pairs = [(_related(synsets, key, source),
                          _related(synsets, target, target_index))]
            elif synset.kind == "a" and synsets[target].kind == "a":
                heads, other_heads = _words(synset), _words(synsets[target])
                mine, theirs = satellites.get(key, set()), satellites.get(target, set())
                if len(mine) > MAX_CLUSTER or len(theirs) > MAX_CLUSTER:
                    continue
                pairs = [(heads, theirs), (mine, other_heads)]
            else:
                continue
            for left, right in pairs:
                # a word related to both sides is opposite neither (``heat``, the noun of
                # both ``thermal`` and ``nonthermal``)
                left, right = left - right, right - left
                for a in left:
                    for b in right:
                        yield a, b
                        yield b, a


def hypernym_pairs(synsets: dict[tuple[str, int], _Synset], depth: int = HYPERNYM_DEPTH,
                   lowest: int = HYPERNYM_LOWEST) -> Iterator[tuple[str, str]]:
    """(noun, a hypernym of one of its senses ``lowest`` to ``depth`` levels up). Not
    verbs: their hierarchy is shallow and polysemous (``manage`` under ``work``, ``use``
    under ``put``), and on DEMETR's clean sentences verb pairs were most false alarms."""
    parents: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for key, synset in synsets.items():
        if key[0] == "n":
            parents[key] = [t for s, t, _, _ in synset.pointers if s in ("@", "@i")
                            and t in synsets]
    for key in parents:
        words = _words(synsets[key])
        if not words:
            continue
        above: set[tuple[str, int]] = set()
        level = [key]
        for height in range(1, depth + 1):
            level = [p for k in level for p in parents.get(k, ())]
            if height >= lowest:
                above.update(level)
        for ancestor in above:
            for hyper in _words(synsets[ancestor]):
                for word in words:
                    yield word, hyper


def synonym_pairs(synsets: dict[tuple[str, int], _Synset]) -> Iterator[tuple[str, str]]:
    """(word, a word of the same meaning in one of its senses): the other words of its
    synsets (``likely`` ↔ ``probable``). Not the similar-to synsets of adjectives: they
    make ``later`` a synonym of ``former`` and ``closing`` one of ``good``."""
    for synset in synsets.values():
        words = _words(synset)
        for word in words:
            for other in words:
                yield word, other


def named_entities(synsets: dict[tuple[str, int], _Synset]) -> Iterator[str]:
    """The one-word names of noun synsets that are instances of something (``@i``
    pointers: ``Paris`` of ``national capital``, ``Murray`` of ``river``), lower-cased:
    a word English writes as a name. Capitalised lemmas of other synsets (``Monday``,
    ``Christian``) are words."""
    for (part, _), synset in synsets.items():
        if part == "n" and any(symbol == "@i" for symbol, _, _, _ in synset.pointers):
            for word in synset.lemmas:
                if word[:1].isupper() and word.isalpha():
                    yield word.lower()


def read_exceptions(folder: Path, files: tuple[str, ...] = EXCEPTION_FILES
                    ) -> Iterator[tuple[str, str]]:
    """(inflected form, lemma) from WordNet's exception lists (``fell`` → ``fall``)."""
    for name in files:
        path = folder / name
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            parts = line.split()
            for base in parts[1:]:
                if "_" not in base:
                    yield parts[0], base


def _by_stem(pairs: Iterable[tuple[str, str]], prefix: str) -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    for a, b in pairs:
        sa, sb = english.stem(a), english.stem(b)
        if sa != sb:
            table.setdefault(prefix + sa, set()).add(sb)
    return table


def build_table(folder: Path) -> dict[str, str]:
    """The relations of the database in ``folder`` as key → space-joined stems:
    ``a<TAB>stem`` antonyms, ``i<TAB>stem`` indirect antonyms, ``h<TAB>stem``
    hypernyms, ``s<TAB>stem`` synonyms, ``x<TAB>form`` lemmas of an inflected form,
    ``e<TAB>word`` (value ``1``) names of instances, ``v<TAB>form`` (value ``1``)
    irregular past forms and participles of verbs."""
    synsets = read_synsets(folder)
    table = _by_stem(antonym_pairs(synsets), "a\t")
    table.update(_by_stem(antonym_pairs(synsets, indirect=True), "i\t"))
    table.update(_by_stem(hypernym_pairs(synsets), "h\t"))
    table.update(_by_stem(synonym_pairs(synsets), "s\t"))
    for form, lemma in read_exceptions(folder):
        table.setdefault("x\t" + form, set()).add(english.stem(lemma))
    for name in named_entities(synsets):
        table["e\t" + name] = {"1"}
    verb_lemmas = {word.lower() for (part, _), synset in synsets.items() if part == "v"
                   for word in synset.lemmas}
    for form, _ in read_exceptions(folder, (VERB_EXCEPTIONS,)):
        # past forms and participles only: the list also has -ing forms (running) and
        # forms that are verbs of their own (feed, lay, found, ground)
        if not form.endswith("ing") and form not in verb_lemmas:
            table["v\t" + form] = {"1"}
    return {key: " ".join(sorted(values)) for key, values in table.items()}


#: answers a WordNet keeps before starting over (bounds memory on huge documents)
MEMO_LIMIT = 1 << 17


class WordNet:
    """Antonyms and hypernyms of English stems (see the module docstring)."""

    def __init__(self, table) -> None:
        self._table = table  # Mapping-like: key → space-joined stems (trie or dict)
        # answers already looked up: a check asks about the same few thousand words of a
        # document over and over (a 20,000-sentence pair: ~10 M lookups otherwise)
        self._memo: dict[str, frozenset[str]] = {}

    def _get(self, key: str) -> frozenset[str]:
        known = self._memo.get(key)
        if known is not None:
            return known
        found = self._table.get(key)
        if found is None:
            answer = frozenset()
        else:
            if isinstance(found, list):  # a marisa BytesTrie answers a list of values
                found = found[0].decode("utf-8")
            answer = frozenset(found.split())
        return self._remember(key, answer)

    def _remember(self, key: str, answer: frozenset[str]) -> frozenset[str]:
        if len(self._memo) >= MEMO_LIMIT:
            self._memo.clear()
        self._memo[key] = answer
        return answer

    def antonyms(self, stem: str) -> frozenset[str]:
        """Stems of words opposite in meaning to the word with this stem: its lemma
        antonyms and their derivations."""
        return self._get("a\t" + stem)

    def indirect_antonyms(self, stem: str) -> frozenset[str]:
        """Stems of the satellites of an adjective's antonym, or of the head adjective
        opposite a satellite (``injured`` ↔ ``unharmed``): weaker evidence."""
        return self._get("i\t" + stem)

    def hypernyms(self, stem: str) -> frozenset[str]:
        """Stems of the more general words of the word with this stem."""
        return self._get("h\t" + stem)

    def synonyms(self, stem: str) -> frozenset[str]:
        """Stems of the words that share a synset with the word with this stem."""
        return self._get("s\t" + stem)

    def irregular_verb_form(self, word: str) -> bool:
        """Whether ``word`` is an irregular past form or participle of an English verb
        (``began``, ``spoke``, ``taken``): WordNet's verb exceptions that are no ``-ing``
        form and no verb of their own (``feed``, ``lay``, ``found`` are)."""
        return bool(self._get("v\t" + word.lower()))

    def names_an_instance(self, word: str) -> bool:
        """Whether WordNet has ``word`` as the one-word name of an instance (a place, a
        person, a river: ``Paris``, ``Manchester``, ``Murray``)."""
        return bool(self._get("e\t" + word.lower()))

    def lemma_stems(self, word: str) -> frozenset[str]:
        """The stems a running-text English word may be a form of: its own stem, the
        lemmas of WordNet's exception lists and of its detachment rules (only forms of at
        least :data:`MIN_LEMMA` letters; a doubled final consonant undoubled)."""
        known = self._memo.get("l\t" + word)
        if known is not None:
            return known
        low = word.lower()
        found = {english.stem(low)} | self._get("x\t" + low)
        for suffix, replacement in _DETACH:
            if low.endswith(suffix) and len(low) - len(suffix) + len(replacement) >= MIN_LEMMA:
                base = low[: len(low) - len(suffix)] + replacement
                found.add(english.stem(base))
                if replacement == "" and len(base) >= 4 and base[-1] == base[-2] \
                        and base[-1] not in "aeiouls":
                    found.add(base[:-1])  # stopped → stopp → stop
        return self._remember("l\t" + word, frozenset(found))


def _cached_trie(folder: Path):
    import marisa_trie

    stats = [(folder / name).stat() for name in DATA_FILES.values()]
    stamp = f"{sum(s.st_size for s in stats)}-{max(int(s.st_mtime) for s in stats)}"
    cache = cache_dir() / (f"wordnet-v{CACHE_VERSION}-d{HYPERNYM_LOWEST}{HYPERNYM_DEPTH}-"
                           f"c{MAX_CLUSTER}-{stamp}.marisa")
    def build():
        table = build_table(folder)
        return marisa_trie.BytesTrie((k, v.encode("utf-8")) for k, v in table.items())

    return cached_file(cache, marisa_trie.BytesTrie().mmap, build)


def signature() -> str:
    """The WordNet a run reads (MEA01/MEA02 and NAM01's names depend on it): ``none``
    where the database is not installed, else the reader's version and the data files'
    total size."""
    path = default_wordnet_path()
    if path is None:
        return "none"
    return f"v{CACHE_VERSION}-{sum((path / name).stat().st_size for name in DATA_FILES.values())}"


@lru_cache(maxsize=2)
def load_wordnet(folder: str | None = None) -> WordNet | None:
    """WordNet from ``folder`` (default: Debian's), from the cache when built before;
    None when the database is not installed."""
    path = Path(folder) if folder else default_wordnet_path()
    if path is None or not all((path / name).is_file() for name in DATA_FILES.values()):
        return None
    return WordNet(_cached_trie(path))


def _measure() -> None:  # pragma: no cover - a measurement printed for the docstring
    import resource
    import time

    path = default_wordnet_path()
    if path is None:
        raise SystemExit(FIX)
    start = time.process_time()
    table = build_table(path)
    built = time.process_time() - start
    load_wordnet()  # builds the cache if missing
    load_wordnet.cache_clear()
    start = time.process_time()
    wordnet = load_wordnet()
    opened = time.process_time() - start
    print(f"build {built:.2f} s CPU ({len(table)} keys), open cached {opened * 1000:.1f} ms, "
          f"max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB; "
          f"antonyms of 'rise': {sorted(wordnet.antonyms('rise'))[:8]}")


if __name__ == "__main__":  # pragma: no cover
    _measure()
