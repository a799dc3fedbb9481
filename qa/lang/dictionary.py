"""Word lists of German and English (simplemma): is a token a known word of a language,
and what is a German word's dictionary form."""

from __future__ import annotations

from functools import lru_cache


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
