"""Web and UI residue left in the translation: page furniture, markup, broken encoding.

Page furniture is recognised by combining evidence: the whole sentence or line matches a
pattern from ``qa/data/residue.tsv`` (or the user's file, ``residue-patterns`` in the
config), it is short, and — for bylines, credits and author bios, which may belong to
the article — it has no counterpart in the source. A real sentence that merely contains
"follow" or "share" does not match a whole-line pattern and is never flagged.

Where an artefact finding covers a sentence the aligner reported as an addition, the
runner keeps only the artefact finding (the more specific diagnosis).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from qa.checks.base import Check, CheckContext, Example
from qa.model import FIX_REVIEW, FIX_SAFE, Category, Finding, SegmentPair, Severity

_MAX_WORDS = 14
_HTML_TAG_RE = re.compile(r"</?(?:p|br|div|span|a|b|i|em|strong|li|ul|ol|h[1-6]|img|script|"
                          r"iframe|table|tr|td|figure|figcaption|blockquote|section|article)"
                          r"\b[^<>]*/?>", re.IGNORECASE)
_ENTITY_RE = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});")
_BULLET_RE = re.compile(r"(?m)^[ \t]*([•▪●◦‣∙■□►▶])[ \t]*")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufffd]")
_MOJIBAKE_HINT = re.compile(r"[ÃÂâ][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ¡-¿]|â€|Ã[©¤¶¼Ÿ]")


@lru_cache(maxsize=8)
def load_patterns(extra: str | None = None) -> tuple[tuple[str, re.Pattern], ...]:
    """The built-in residue patterns plus a user file (same ``kind<TAB>regex`` format)."""
    from importlib.resources import files

    texts = [files("qa").joinpath("data/residue.tsv").read_text(encoding="utf-8")]
    if extra:
        texts.append(Path(extra).read_text(encoding="utf-8"))
    patterns = []
    for text in texts:
        for line in text.splitlines():
            if not line.strip() or line.startswith("#") or "\t" not in line:
                continue
            kind, expression = line.split("\t", 1)
            patterns.append((kind.strip(), re.compile(expression.strip(), re.IGNORECASE)))
    return tuple(patterns)


def residue_kind(sentence: str, patterns) -> str | None:
    """``ui`` or ``meta`` if the whole sentence is page furniture, else None."""
    text = sentence.strip().strip("\"“”'")
    if len(text.split()) > _MAX_WORDS and not text.lower().startswith(("©",)):
        # long lines are only furniture when they are prompts (newsletter, cookies)
        if not re.search(r"newsletter|cookie|subscribe|abonnier", text, re.IGNORECASE):
            return None
    for kind, pattern in patterns:
        if pattern.fullmatch(text):
            return kind
    return None


class PageFurniture(Check):
    """Button labels, share and newsletter prompts, ad labels, comment counters, and —
    when they have no counterpart in the source — bylines, photo credits and author bios
    left in the translation."""

    code = "ART01"
    name = "artefact.page-furniture"
    category = Category.ARTEFACT
    severity = Severity.MAJOR
    summary = "Web page furniture (buttons, prompts, credits, bios) was left in the translation."
    examples = (
        Example.bad("Castex überstand das Votum. Die Regierung bleibt im Amt.",
                    "Castex survived the vote. ⟦Share this article⟧\n\nThe government "
                    "remains in office."),
        Example.bad("Castex überstand das Votum.",
                    "Castex survived the vote.\n\n⟦Photo: Ludovic Marin/AFP⟧\n"),
        Example.good("Sie wollen ihre Erfahrungen teilen und mehr lesen.",
                     "They want to share their experience and read more."),
        Example.good("Von Anna Berger\n\nFoto: Jack Guez/AFP\n\nDie Software ist gefährlich.",
                     "By Anna Berger\n\nPhoto: Jack Guez/AFP\n\nThe software is dangerous.",
                     "a byline and credit that the source has are part of the article"),
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        patterns = load_patterns(ctx.residue_patterns)
        for pair in ctx.pairs:
            if ctx.units and pair.source:
                continue  # a bilingual file's target renders its own unit's source: a UI
                # string ("Teilen" → "Share") is the copy there, not residue scraped in
            for index in pair.target:
                sentence = ctx.target.sentences[index]
                kind = residue_kind(sentence.text, patterns)
                if kind is None or (kind == "meta" and pair.source):
                    continue
                yield self.finding(
                    f"page furniture left in the copy: “{sentence.text.strip()[:60]}”",
                    target_span=(sentence.start, sentence.end), segment=pair.id,
                    suggestion="", fix=FIX_REVIEW,
                    data={"kind": kind, "aligned": bool(pair.source)})


class LeftoverMarkup(Check):
    """HTML tags, HTML entities and bullet glyphs in plain-text copy (``<br>``,
    ``&nbsp;``, a line starting with ``•``) that the source does not have."""

    code = "ART02"
    name = "artefact.markup"
    category = Category.ARTEFACT
    severity = Severity.MINOR
    summary = "HTML tags, entities or bullet glyphs were left in the translation text."
    examples = (
        Example.bad("Die Regierung bleibt im Amt.", "The government⟦&nbsp;⟧remains in office."),
        Example.bad("Die Regierung bleibt im Amt.", "The government remains in office.⟦<br>⟧"),
        Example.good("Die Regierung bleibt im Amt.", "The government remains in office."),
        Example.good("Er schrieb „a < b“ an die Tafel.", "He wrote \"a < b\" on the board."),
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.target.format == "md":
            return  # Markdown allows inline HTML; its syntax is masked, not prose
        source = ctx.source.text
        for pair in ctx.pairs:
            if not pair.target:
                continue
            text, offset = pair.target_text, pair.target_span[0]
            for pattern, what in ((_HTML_TAG_RE, "HTML tag"), (_ENTITY_RE, "HTML entity")):
                for m in pattern.finditer(text):
                    if m.group(0) in source:
                        continue
                    yield self.finding(
                        f"{what} left in the text: {m.group(0)!r}",
                        target_span=(offset + m.start(), offset + m.end()), segment=pair.id,
                        suggestion=_entity_text(m.group(0)) if what == "HTML entity" else "",
                        fix=FIX_SAFE if what == "HTML entity" else FIX_REVIEW,
                        data={"markup": m.group(0)})
        for m in _BULLET_RE.finditer(ctx.target.text):
            if m.group(1) in source:
                continue
            yield self.finding(
                f"bullet glyph {m.group(1)!r} starts a line", suggestion="", fix=FIX_REVIEW,
                target_span=(m.start(1), m.end(1)), data={"glyph": m.group(1)})


def _entity_text(entity: str) -> str:
    import html

    unescaped = html.unescape(entity)
    return " " if unescaped == "\xa0" else unescaped


class BrokenEncoding(Check):
    """Mojibake (``GÃ©rard`` for ``Gérard``, repaired with ftfy) and control or
    replacement characters in the translation."""

    code = "ART03"
    name = "artefact.encoding"
    category = Category.ARTEFACT
    severity = Severity.MAJOR
    summary = "The translation contains mojibake or control characters."
    examples = (
        Example.bad("Gérard Araud sprach.", "⟦GÃ©rard⟧ Araud spoke."),
        Example.bad("Die Regierung bleibt.", "The government⟦\u200b⟧ remains."),
        Example.good("Gérard Araud sprach über Élysée-Politik.",
                     "Gérard Araud spoke about Élysée politics."),
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for pair in ctx.pairs:
            if not pair.target:
                continue
            yield from self._mojibake(pair)
            text, offset = pair.target_text, pair.target_span[0]
            for m in _CONTROL_RE.finditer(text):
                yield self.finding(
                    f"control or replacement character U+{ord(m.group(0)):04X} in the text",
                    target_span=(offset + m.start(), offset + m.end()), segment=pair.id,
                    suggestion="", fix=FIX_REVIEW, data={"codepoint": ord(m.group(0))})

    def _mojibake(self, pair: SegmentPair) -> Iterator[Finding]:
        text = pair.target_text
        if not _MOJIBAKE_HINT.search(text):
            return
        import ftfy

        for m in re.finditer(r"\S+", text):
            word = m.group(0)
            if not _MOJIBAKE_HINT.search(word):
                continue
            fixed = ftfy.fix_text(word)
            if fixed != word:
                core = re.match(r"[\"“„(]*(.*?)[\"”.,;:!?)]*$", word)
                start = m.start() + core.start(1)
                end = m.start() + core.end(1)
                yield self.finding(
                    f"mojibake: {word!r} should read {fixed!r}",
                    target_span=pair.in_target(start, end),
                    segment=pair.id, suggestion=ftfy.fix_text(text[start:end]), fix=FIX_SAFE,
                    data={"fixed": fixed})
