"""Spelling-insensitive forms of words, shared by every comparison of words across the
two texts (names, terms, anchors)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Case- and accent-insensitive form: ``Élysée-Palast`` → ``elysee-palast``, ``ß`` → ``ss``."""
    folded = text.casefold().replace("ß", "ss")
    if folded.isascii():
        return folded  # nothing to decompose, no marks to drop
    decomposed = unicodedata.normalize("NFKD", folded)
    unseen = set(decomposed).difference(_CLASSIFIED)
    for char in unseen:
        if unicodedata.combining(char):
            _COMBINING_MARKS[ord(char)] = None
        _CLASSIFIED.add(char)
    return decomposed.translate(_COMBINING_MARKS)


# The combining marks fold drops (a str.translate table: each mark → None), filled with
# the characters texts bring, and the characters already sorted into marks or not: one
# test per distinct character instead of one per character of every text.
_COMBINING_MARKS: dict[int, None] = {}
_CLASSIFIED: set[str] = set()


#: a web or e-mail address: its letters are no words of either language
_ADDRESS_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"“”]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def address_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every web or e-mail address in ``text`` (``www.example.org/
    reise``: *reise* is part of an address, not German left untranslated)."""
    if "@" not in text and "www." not in text and "http" not in text:
        return []  # no address can start: the search need not run
    return [(m.start(), m.end()) for m in _ADDRESS_RE.finditer(text)]
