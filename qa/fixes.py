"""Applying findings' fixes to the translation: each fix replaces exactly its target span
with the finding's suggestion, and nothing else in the text is touched.

``qa fix`` applies the safe fixes (``Finding.fix == "safe"``: a quotation mark, an
apostrophe, a number's format, a forbidden term, an HTML entity, mojibake); the HTML
report's *Apply fix* does the same in the browser for any finding with a fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from qa.model import FIX_SAFE, Finding


@dataclass(frozen=True)
class FixResult:
    """The corrected text, the findings whose fix was applied, and those left out (a fix
    overlapping one already applied; the re-check shows whether it is still needed)."""

    text: str
    applied: tuple[Finding, ...]
    overlapping: tuple[Finding, ...]


def fixable(findings: Iterable[Finding], *, kinds: tuple[str, ...] = (FIX_SAFE,)) -> list[Finding]:
    """The open findings whose fix is of one of ``kinds``."""
    return [f for f in findings if f.is_open and f.fix in kinds
            and f.target_span is not None and f.suggestion is not None]


def apply_fixes(text: str, findings: Iterable[Finding]) -> FixResult:
    """``text`` with every finding's target span replaced by its suggestion, in document
    order; a fix overlapping an earlier one (or two fixes at one insertion point) is not
    applied. A fix whose suggestion equals the text it replaces changes nothing."""
    ordered = sorted(findings, key=lambda f: (f.target_span, f.code))
    pieces, applied, overlapping = [], [], []
    cursor = 0
    last_end = -1
    for finding in ordered:
        start, end = finding.target_span  # type: ignore[misc]
        if start < cursor or start == last_end == end or not 0 <= start <= end <= len(text):
            overlapping.append(finding)
            continue
        pieces.append(text[cursor:start])
        pieces.append(finding.suggestion or "")
        cursor, last_end = end, end
        applied.append(finding)
    pieces.append(text[cursor:])
    return FixResult("".join(pieces), tuple(applied), tuple(overlapping))
