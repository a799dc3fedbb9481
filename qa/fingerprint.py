"""Stable finding identity: a fingerprint that survives edits elsewhere in the document.

A finding is identified by what it is about, never by where it is: its check, the
normalised text of its span and the normalised text of the source sentence it is
aligned to (the translation's sentence for an addition, which has none). Offsets, line
numbers, messages and severities are left out, so inserting a paragraph above, fixing
another sentence or a qa release that rewords a message keeps the fingerprint; fixing
the flagged words or retranslating the sentence changes it. Identical findings
(the same check on the same words of the same sentence) are told apart by their order.

The same value is the JSON ``fingerprint``, SARIF's ``partialFingerprints`` and the key
of a baseline entry (:mod:`qa.baseline`); the HTML report's Accept button writes it back.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter
from dataclasses import replace
from typing import Iterable

from qa.model import Document, Finding, SegmentPair

#: the fingerprint scheme; part of the hashed text, so a change of scheme is visible
#: as every baseline entry going stale rather than as silent mismatches
SCHEME = "qa-fp1"
#: hex digits kept of the SHA-256 (128 bits: collisions are not a practical concern)
LENGTH = 32


def normalise(text: str) -> str:
    """NFC, whitespace runs as one space, trimmed: line wrapping or a doubled space
    elsewhere in the sentence do not change a fingerprint."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def finding_text(finding: Finding, source: Document, target: Document) -> str:
    """The words a finding is about, normalised: its target span, else its source span
    (omissions), else its message (document-level findings)."""
    if finding.target_span:
        return normalise(target.text[finding.target_span[0]:finding.target_span[1]])
    if finding.source_span:
        return normalise(source.text[finding.source_span[0]:finding.source_span[1]])
    return normalise(finding.message)


def _contexts(finding: Finding, pairs: dict[str, SegmentPair], source: Document,
              target: Document) -> list[str]:
    """The normalised sentences a finding may be identified by, its own first: the
    source sentences of its bead (the one holding its source span first), or the
    translation's sentences for an addition; [""] for a document-level finding. One per
    sentence, not the bead's text: a punctuation edit that makes the aligner group two
    sentences into one bead must not change what a finding is about."""
    pair = pairs.get(finding.segment or "")
    if pair is None:
        return [""]
    doc, indices = (source, pair.source) if pair.source else (target, pair.target)
    sentences = [doc.sentences[i] for i in indices]
    if finding.source_span and pair.source:
        sentences.sort(key=lambda s: not s.start <= finding.source_span[0] < s.end)  # type: ignore[index]
    return [normalise(s.text) for s in sentences] or [""]


def _digest(basis: str, seen: Counter[str]) -> str:
    seen[basis] += 1
    return hashlib.sha256(f"{basis}\x1f{seen[basis]}".encode("utf-8")).hexdigest()[:LENGTH]


def stamp(findings: Iterable[Finding], source: Document, target: Document,
          pairs: Iterable[SegmentPair]) -> list[Finding]:
    """``findings`` (in report order) with their ``fingerprint`` set, and as
    ``aliases`` the fingerprints they would have by the other sentences of their bead
    (a baseline entry matching an alias still accepts the finding)."""
    by_id = {pair.id: pair for pair in pairs}
    seen: Counter[str] = Counter()
    stamped = []
    for finding in findings:
        head = (SCHEME, finding.code, finding_text(finding, source, target))
        digests = [_digest("\x1f".join((*head, context)), seen)
                   for context in _contexts(finding, by_id, source, target)]
        stamped.append(replace(finding, fingerprint=digests[0], aliases=tuple(digests[1:])))
    return stamped
