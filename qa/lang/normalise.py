"""Spelling-insensitive forms of words, shared by every comparison of words across the
two texts (names, terms, anchors)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Case- and accent-insensitive form: ``Élysée-Palast`` → ``elysee-palast``, ``ß`` → ``ss``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


#: a web or e-mail address: its letters are no words of either language
_ADDRESS_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"“”]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def address_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every web or e-mail address in ``text`` (``www.example.org/
    reise``: *reise* is part of an address, not German left untranslated)."""
    return [(m.start(), m.end()) for m in _ADDRESS_RE.finditer(text)]
