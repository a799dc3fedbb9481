"""Spelling-insensitive forms of words, shared by every comparison of words across the
two texts (names, terms, anchors)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Case- and accent-insensitive form: ``Élysée-Palast`` → ``elysee-palast``, ``ß`` → ``ss``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
