"""Stable finding identity: a fingerprint that survives edits elsewhere in the document.

A finding is identified by what it is about, never by where it is: its check, the
normalised text of its span and the normalised text of the source sentence(s) it is
aligned to (the translation's text for an addition, which has none). Offsets, line
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


def _context(finding: Finding, pairs: dict[str, SegmentPair]) -> str:
    pair = pairs.get(finding.segment or "")
    if pair is None:
        return ""
    return normalise(pair.source_text if pair.source else pair.target_text)


def stamp(findings: Iterable[Finding], source: Document, target: Document,
          pairs: Iterable[SegmentPair]) -> list[Finding]:
    """``findings`` (in report order) with their ``fingerprint`` set."""
    by_id = {pair.id: pair for pair in pairs}
    seen: Counter[str] = Counter()
    stamped = []
    for finding in findings:
        basis = "\x1f".join((SCHEME, finding.code, finding_text(finding, source, target),
                             _context(finding, by_id)))
        seen[basis] += 1
        digest = hashlib.sha256(f"{basis}\x1f{seen[basis]}".encode("utf-8")).hexdigest()
        stamped.append(replace(finding, fingerprint=digest[:LENGTH]))
    return stamped
