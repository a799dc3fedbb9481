"""Text helpers that know no language: word tokens, word counts for the score, and the
chrF metric. What qa knows about German and English words lives in :mod:`qa.lang`.
"""

from __future__ import annotations

import re
from functools import lru_cache

WORD_RE = re.compile(r"[^\W\d_](?:[\w'’\-]*\w)?", re.UNICODE)
TOKEN_RE = re.compile(r"\w+(?:[-'’.]\w+)*", re.UNICODE)


CHRF_SIGNATURE = "chrF:nc6,nw0|chrF++:nc6,nw2"


@lru_cache(maxsize=65_536)  # (the two MT checks score the same pairs)
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


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def escape_controls(text: str) -> str:
    """``text`` with control characters (but tab and newline) written as ``\\x1b``: a
    translation's escape sequences must not reach a terminal or a CI log (they can
    retitle it or erase the lines of findings above), nor an XML report (where most
    are not allowed)."""
    return _CONTROL_RE.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


#: how much of a sentence a finding's message quotes
EXCERPT_CHARS = 70


def excerpt(text: str, limit: int = EXCERPT_CHARS, *, at_word: bool = False) -> str:
    """``text`` as a message quotes it: whitespace runs as one space, and when longer
    than ``limit`` cut with "…" (``at_word``: at the last whole word, " …")."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    if at_word:
        return text[:limit].rsplit(" ", 1)[0] + " …"
    return text[:limit - 1].rstrip() + "…"
