"""Word lists of German and English (simplemma): is a token a known word of a language,
and what is a German word's dictionary form."""

from __future__ import annotations

import os
import unicodedata
from functools import lru_cache
from pathlib import Path


def _trie_dir() -> Path:
    """Where simplemma's word lists are cached as MARISA tries: one folder per simplemma
    version (read from its installed metadata without importing it)."""
    from qa.lang.frequency import installed
    from qa.paths import cache_dir

    install = installed("simplemma")
    if install is None:  # not installed as a distribution: ask the package itself
        from simplemma.__metadata__ import __version__ as version
    else:
        version = install[0]
    return cache_dir() / f"simplemma-{version}"


def _drop_damaged(folder: Path) -> bool:
    """Remove the word-list tries in ``folder`` that are not as qa wrote them (see
    :func:`qa.paths.cache_is_intact`), so that simplemma builds them again instead of
    mapping a file that answers wrongly. False when one cannot be removed (a read-only
    cache folder): the folder must not be used then."""
    from qa.paths import cache_is_intact

    for path in folder.glob("*.dic"):
        if not cache_is_intact(path):
            try:
                path.unlink(missing_ok=True)
            except OSError:
                return False
    return True


@lru_cache(maxsize=1)
def _simplemma():
    """simplemma's word lists as MARISA tries cached in qa's cache folder: a process
    opens them in milliseconds instead of spending a second decoding simplemma's own
    format for German and English. Without marisa-trie installed, simplemma's default
    in-memory dictionaries (same content, slower start)."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
    from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY

    from qa.paths import stamp_cache

    factory = DEFAULT_DICTIONARY_FACTORY
    try:
        from simplemma.strategies.dictionaries.trie_dictionary_factory import TrieDictionaryFactory

        class AtomicTrieFactory(TrieDictionaryFactory):
            """Writes each trie under a temporary name and renames it into place, so the
            parallel processes of a batch run never read a half-written file."""

            def _write_trie_to_disk(self, lang, trie) -> None:
                self._cache_dir.mkdir(parents=True, exist_ok=True)
                tmp = self._cache_dir / f"{lang}.dic.{os.getpid()}.tmp"
                try:
                    trie.save(str(tmp))
                    os.replace(tmp, self._cache_dir / f"{lang}.dic")
                finally:
                    tmp.unlink(missing_ok=True)
                stamp_cache(self._cache_dir / f"{lang}.dic")

        if _drop_damaged(_trie_dir()):  # before simplemma maps what is there
            factory = AtomicTrieFactory(disk_cache_dir=str(_trie_dir()))
    except ImportError:
        pass
    return (DictionaryLookupStrategy(factory),
            Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory)))


@lru_cache(maxsize=4)
def _word_list(lang: str):
    """The cached trie of ``lang``'s word list, memory-mapped without importing simplemma
    (its import loads affix rules for 40 languages); built through simplemma on first
    use. None where that is not possible (no marisa-trie, an unwritable cache folder):
    then simplemma answers."""
    from qa.lang.frequency import installed
    from qa.paths import cache_is_intact

    install = installed("simplemma")
    if lang not in ("de", "en") or install is None or not install[0].startswith("2."):
        return None  # the lookup steps below are simplemma 2's
    try:
        from marisa_trie import BytesTrie
    except ImportError:  # pragma: no cover - marisa-trie is a base dependency
        return None
    path = _trie_dir() / f"{lang}.dic"
    if path.exists() and not cache_is_intact(path):
        try:
            path.unlink(missing_ok=True)  # not as qa wrote it: built again below
        except OSError:  # a read-only cache folder: simplemma answers from memory
            return None
    for attempt in range(2):
        try:
            return BytesTrie().mmap(str(path))
        except Exception:  # missing: have simplemma build and write it, then map it
            if attempt == 0:
                try:
                    _simplemma()[0].get_lemma("", lang)
                except Exception:
                    return None
    return None


_APOSTROPHES = ("’", "ʼ")  # folded to ' (and back) by simplemma's lookup


def known_word(token: str, lang: str) -> bool:
    """Is ``token`` in simplemma's word list for ``lang`` (as an inflected form or a
    lemma)? The same answer as ``simplemma.is_known``, by the same steps as its
    dictionary lookup (read from the memory-mapped trie, see :func:`_word_list`): the NFC
    form, then with its first letter's case reversed (``Haus``/``haus``), then, for a
    token with an apostrophe, each of its apostrophe-glyph variants both ways."""
    words = _word_list(lang)
    if words is None:
        from simplemma.utils import normalize_token

        return _simplemma()[0].get_lemma(normalize_token(token), lang) is not None
    token = unicodedata.normalize("NFC", token)
    if token in words:
        return True
    if (token.lower() if token[:1].isupper() else token.capitalize()) in words:
        return True
    straight = token.replace("’", "'").replace("ʼ", "'")
    if "'" not in straight:
        return False
    variants = dict.fromkeys((token, straight, *(straight.replace("'", glyph)
                                                  for glyph in _APOSTROPHES)))
    for variant in list(variants)[1:]:
        if variant in words or \
                (variant.lower() if variant[:1].isupper() else variant.capitalize()) in words:
            return True
    return False


@lru_cache(maxsize=100_000)
def german_lemma(word: str) -> str:
    """The dictionary form of a German word (simplemma): ``Verteidigungsrates`` →
    ``Verteidigungsrat``."""
    return _simplemma()[1].lemmatize(word, "de")


def signature() -> str:
    """The word lists a run used, for the report's signature (found without importing
    simplemma or importlib.metadata)."""
    from qa.lang.frequency import installed

    install = installed("simplemma")
    if install is not None:
        return f"simplemma-{install[0]}"
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"simplemma-{version('simplemma')}"
    except PackageNotFoundError:  # pragma: no cover - a base dependency
        return "simplemma-none"
