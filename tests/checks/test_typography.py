"""Typography checks' text scans (qa.checks.typography)."""

from __future__ import annotations

import random

from qa.checks.typography import _DIALECT, _DIALECT_RE, dialect_words


def _by_pattern(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(1).lower(), m.start(), m.end()) for m in _DIALECT_RE.finditer(text)]


def test_dialect_words_are_what_the_dialect_pattern_finds():
    spellings = [word for pair in _DIALECT for word in pair]
    rng = random.Random(11)
    texts = ["The Colour of COLOURED colourfulness.", "centre-left centres_ grey2 5colour",
             "favourably favourite favouritism", "We analyse. They analyzed it.",
             "Die Farbe ſcolour", "a defence\u0130 of ageing"]  # odd-folding letters too
    for _ in range(3000):
        words = [rng.choice([w, w.upper(), w.capitalize() + rng.choice(["", "s", "ing", "ings"]),
                             "the", "-", "_", "1", "rumour"]) for w in rng.sample(spellings, 4)]
        texts.append(rng.choice([" ", "-", ", "]).join(words))
    found = 0
    for text in texts:
        assert dialect_words(text) == _by_pattern(text), text
        found += bool(dialect_words(text))
    assert found > 1000  # the texts do hold spellings
