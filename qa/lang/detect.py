"""Which language a text is in: function-word evidence for whole documents (cheap, used
to refuse swapped inputs) and a statistical detector for single sentences (lingua
restricted to German/English, or langdetect seeded)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from qa.lang.function_words import ENGLISH_FUNCTION_WORDS, GERMAN_FUNCTION_WORDS
from qa.text import words


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


@lru_cache(maxsize=2)
def sentence_detector(name: str) -> Callable[[str], float]:
    """A sentence-level German/English detector returning P(German) for a text: lingua
    restricted to the two languages, or ``"langdetect"`` (seeded, deterministic). Built
    once per process: lingua takes a moment to load."""
    if name == "langdetect":
        from langdetect import DetectorFactory, detect_langs

        DetectorFactory.seed = 0  # deterministic

        def probability(text: str) -> float:
            try:
                return next((l.prob for l in detect_langs(text) if l.lang == "de"), 0.0)
            except Exception:  # langdetect raises on text without features
                return 0.0

        return probability
    from lingua import Language, LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_languages(Language.GERMAN, Language.ENGLISH).build()

    def probability(text: str) -> float:
        return detector.compute_language_confidence(text, Language.GERMAN)

    return probability
