"""The language knowledge of one run, in one object the checks read as ``ctx.lang``.

The word-level functions of :mod:`qa.lang` are pure and memoised per process; what a
run adds is its own choices and data: which sentence-level language detector, the
bilingual lexicon for the adequacy checks, the termbases' approved English words. The
:meth:`Lexis.signature` records all of it (and the versions of the word lists) in the
report, so two reports can be compared honestly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

from qa.lang import data, detect, dictionary, english, frequency, german, names, quantities
from qa.lang.lexicon import Lexicon
from qa.lang.normalise import fold

_RENDERING_WORD = re.compile(r"[\w'’\-]+")


@dataclass
class Lexis:
    """What a run knows about German and English words.

    The modules are attributes too (``ctx.lang.german.reads_german(word)``), so a check
    reads all language knowledge through its context.
    """

    #: sentence-level detector: "lingua" (restricted to German/English) or "langdetect"
    language_detector: str = "lingua"
    #: the bilingual lexicon of the lexical adequacy checks (None: they are skipped)
    lexicon: Lexicon | None = None
    #: the run's termbases (qa.termbase.Termbase), for their approved renderings
    termbases: tuple = ()
    _detector: Callable[[str], float] | None = field(default=None, repr=False)

    german = german
    english = english
    names = names
    quantities = quantities
    frequency = frequency

    def german_probability(self, text: str) -> float:
        """P(German) of a sentence by the configured detector (built on first use: lingua
        takes a moment to load)."""
        if self._detector is None:
            self._detector = detect.sentence_detector(self.language_detector)
        return self._detector(text)

    @cached_property
    def termbase_words(self) -> frozenset[str]:
        """The words of the termbases' approved English renderings, folded (and
        case-folded): do-not-translate names such as ``Bundestag`` are English copy."""
        words = set()
        for termbase in self.termbases:
            for entry in termbase.entries:
                for rendering in entry.en:
                    for word in _RENDERING_WORD.findall(rendering):
                        words.add(fold(word))
                        words.add(word.casefold())
        return frozenset(words)

    def signature(self) -> str:
        """Everything language-side that changes a result: word-list versions and data
        files, WordNet, the detector, the lexicon's name and size."""
        from qa.lang import wordnet

        lexicon = f"{len(self.lexicon)}" if self.lexicon else "none"
        return (f"{frequency.signature()},{dictionary.signature()},data-{data.signature()},"
                f"wordnet-{wordnet.signature()},detector-{self.language_detector},"
                f"lexicon-{lexicon}")
