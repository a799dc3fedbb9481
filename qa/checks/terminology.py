"""Terminology against the user's termbases.

German terms are found through inflection and compounds: tokens are compared case- and
accent-insensitively without hyphens, as written, as simplemma lemmas, and with one
inflectional suffix removed, and a term may be the head of a compound (``Ex-
Premierminister``, ``US-Heimatschutzministerium``) — but a token shorter than the term
never matches (``Versammlung`` is not ``Nationalversammlung``). English renderings match
as whole words with plural or possessive endings (``Defence Councils``, ``National
Assembly's``), case-insensitively unless the entry is case-sensitive, accents as written.

Known false positives: a term translated by a pronoun or an explanatory paraphrase
(``die Behörde`` → ``it``) is reported as missing.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Iterable, Iterator

from qa.checks.base import Check, CheckContext, Example
from qa.paths import display_path
from qa.model import FIX_REVIEW, FIX_SAFE, Category, Finding, Severity
from qa.lang.german import stems as german_stems
from qa.lang.dictionary import german_lemma
from qa.lang.normalise import fold

_GERMAN_TOKEN_RE = re.compile(r"[^\W\d_][\w'’\-]*[^\W_]|[^\W\d_]", re.UNICODE)
_HEAD_MIN = 5  # a term this long may be the head of a compound

POLITICS_TERMS = (
    {"de": "Nationalversammlung", "en": "National Assembly",
     "forbidden": "national parliament|National Parliament"},
    {"de": "Premierminister", "en": "Prime Minister", "forbidden": "Premier Minister|premier"},
    {"de": "Élysée-Palast", "en": "Élysée Palace", "forbidden": "Elysee Palace"},
    {"de": "Verteidigungsrat", "en": "Defence Council", "forbidden": "Defense Council"},
    {"de": "Regierungssprecher",
     "en": "government spokesman|government spokeswoman|government spokesperson"},
    {"de": "WhatsApp", "en": "WhatsApp", "forbidden": "Whatsapp", "case": "yes"},
    {"de": "IG Metall", "en": "IG Metall"},
)


def _norm(text: str) -> str:
    return fold(text).replace("-", "").replace("'", "").replace("’", "")


@lru_cache(maxsize=100_000)
def german_forms(token: str) -> frozenset[str]:
    """Normalised forms under which a German token can match a term."""
    base = _norm(token)
    return frozenset({base, _norm(german_lemma(token)), *german_stems(base, min_stem=3)})


@lru_cache(maxsize=512)
def _folded_text(text: str) -> str:
    return _norm(text)


def _token_matches(token: str, term: str, head: bool) -> bool:
    for form in german_forms(token):
        if form == term:
            return True
        if head and len(term) >= _HEAD_MIN and form.endswith(term) and len(form) - len(term) >= 3:
            return True
    return False


@lru_cache(maxsize=8)
def _term_index(termbases) -> "_TermIndex":
    """The run's termbases compiled once, shared by the three terminology checks."""
    return _TermIndex(termbases)


class _Pattern:
    """An English rendering's pattern, compiled on first use: a termbase of 100,000
    entries must not compile 100,000 regular expressions a run reads a few of."""

    __slots__ = ("source", "flags", "_compiled")

    def __init__(self, source: str, flags: int):
        self.source, self.flags, self._compiled = source, flags, None

    def _regex(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(self.source, self.flags)
        return self._compiled

    def finditer(self, text: str):
        return self._regex().finditer(text)

    def fullmatch(self, text: str):
        return self._regex().fullmatch(text)


#: English plural and possessive endings a rendering's pattern accepts after its words
_ENGLISH_ENDINGS = ("s", "es")


class _TermIndex:
    """Compiled termbase entries: German token sequences and English patterns, and two
    indexes that find an entry's candidates in a sentence without trying every entry
    (a sentence against a 100,000-entry termbase): by the first three letters of its
    German terms' first tokens, and by the first word of its English renderings."""

    def __init__(self, termbases):
        self.entries = []
        self._by_german: dict[str, list[int]] = defaultdict(list)
        self._short_german: dict[str, list[int]] = defaultdict(list)
        self._by_english: dict[str, list[int]] = defaultdict(list)
        for termbase in termbases:
            for entry in termbase.entries:
                german = [[_norm(t) for t in _GERMAN_TOKEN_RE.findall(de)] for de in entry.de]
                allowed = [self._english_pattern(en, entry.case_sensitive) for en in entry.en]
                # a forbidden variant that differs from an approved rendering only by case
                # (approved WhatsApp, forbidden Whatsapp) forbids that case, not the word
                forbidden = [self._english_pattern(
                    f, entry.case_sensitive or any(f.casefold() == en.casefold() and f != en
                                                   for en in entry.en))
                    for f in entry.forbidden]
                loose = ([self._english_pattern(en, False) for en in entry.en]
                         if entry.case_sensitive else [])
                number = len(self.entries)
                self.entries.append((entry, termbase.path, german, allowed, forbidden, loose))
                for sequence in german:
                    if sequence:
                        key = sequence[0][:3]
                        (self._by_german if len(key) == 3 else self._short_german)[key].append(number)
                for rendering in (*entry.en, *entry.forbidden):
                    first = re.split(r"[\s\-]+", rendering.strip())[0].casefold()
                    self._by_english[first].append(number)

    def german_candidates(self, text: str) -> list[int]:
        """The entries (in termbase order) whose German terms may occur in ``text``: the
        first three letters of a term's first token are somewhere in the folded text
        (so inside a compound too) — the necessary condition
        :meth:`german_occurrences` starts from."""
        folded = _folded_text(text)
        found = {n for k in range(len(folded) - 2) for n in self._by_german.get(folded[k:k + 3], ())}
        # first tokens shorter than three letters (IG Metall): few, tried one by one
        found.update(n for key, numbers in self._short_german.items() if key in folded
                     for n in numbers)
        return sorted(found)

    def english_candidates(self, text: str) -> list[int]:
        """The entries (in termbase order) one of whose renderings may occur in ``text``:
        its first word is a word of the text (or is with an English ending)."""
        words = set(re.findall(r"\w+", text.casefold()))
        keys = words | {w[:-len(e)] for w in words for e in _ENGLISH_ENDINGS if w.endswith(e)}
        return sorted({n for key in keys for n in self._by_english.get(key, ())})

    @staticmethod
    def _english_pattern(rendering: str, case_sensitive: bool) -> _Pattern:
        words = re.split(r"[\s\-]+", rendering.strip())
        body = r"[\s\-]+".join(re.escape(w) for w in words)
        flags = 0 if case_sensitive else re.IGNORECASE
        return _Pattern(rf"(?<![\w\-]){body}(?:s|es|'s|’s|s'|s’)?(?![\w])", flags)

    def german_occurrences(self, text: str, german) -> list[tuple[int, int]]:
        tokens = _tokens(text)
        found = []
        folded = _folded_text(text)
        for sequence in german:
            if not sequence or sequence[0][:3] not in folded:
                continue  # cheap necessary condition: the term's first letters occur
            k = len(sequence)
            for i in range(len(tokens) - k + 1):
                if all(_token_matches(tokens[i + j][0], sequence[j], head=(j == 0))
                       for j in range(k)):
                    span = (tokens[i][1], tokens[i + k - 1][2])
                    if not any(a < span[1] and span[0] < b for a, b in found):
                        found.append(span)
        return sorted(found)


@lru_cache(maxsize=512)
def _tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple((m.group(0), m.start(), m.end()) for m in _GERMAN_TOKEN_RE.finditer(text))


def _matches(patterns: Iterable, text: str) -> list[tuple[int, int, str]]:
    """Non-overlapping matches, longest first where they compete."""
    hits = sorted(((m.start(), m.end(), m.group(0)) for p in patterns for m in p.finditer(text)),
                  key=lambda h: (h[0], -(h[1] - h[0])))
    chosen: list[tuple[int, int, str]] = []
    for hit in hits:
        if not any(hit[0] < e and s < hit[1] for s, e, _ in chosen):
            chosen.append(hit)
    return chosen


class _TermCheck(Check):
    def skip_reason(self, ctx: CheckContext) -> str | None:
        if not ctx.termbases:
            return "no termbase given (use --termbase FILE or termbase = [...] in [tool.qa])"
        return None


class MissingTerm(_TermCheck):
    """A termbase term in the source whose aligned translation has none of the approved
    renderings — including do-not-translate entries (brand, party and company names) that
    must appear verbatim. Every occurrence counts."""

    code = "TRM01"
    name = "terminology.missing"
    category = Category.TERMINOLOGY
    severity = Severity.MAJOR
    summary = "A source term is not rendered as the termbase requires."
    examples = (
        Example.bad("Castex sprach vor der ⟦Nationalversammlung⟧.",
                    "Castex addressed the parliament.", termbase=POLITICS_TERMS),
        Example.good("Castex sprach vor der Nationalversammlung.",
                     "Castex addressed the national parliament.", termbase=POLITICS_TERMS,
                     note="a forbidden rendering is TRM02's finding, not also TRM01's"),
        Example.good("Castex sprach vor der Nationalversammlung.",
                     "Castex addressed the National Assembly.", termbase=POLITICS_TERMS),
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        index = _term_index(ctx.termbases)
        for pair in ctx.pairs:
            if not pair.source or not pair.target or ctx.alignment.unrelated:
                continue
            for number in index.german_candidates(pair.source_text):
                entry, path, german, allowed, forbidden, loose = index.entries[number]
                if not allowed:
                    continue
                occurrences = index.german_occurrences(pair.source_text, german)
                if not occurrences:
                    continue
                rendered = _matches(allowed, pair.target_text)
                exact = {(s, e) for s, e, _ in rendered}
                # a forbidden or wrongly cased rendering is TRM02's finding, at its span
                wrong = [h[2] for h in _matches(forbidden, pair.target_text)]
                wrong += [h[2] for h in _matches(loose, pair.target_text)
                          if (h[0], h[1]) not in exact and h[2] not in wrong]
                missing = len(occurrences) - len(rendered) - len(wrong)
                if missing <= 0:
                    continue
                verbatim = all(en == de for en in entry.en for de in entry.de)
                for start, end in occurrences[len(occurrences) - missing:]:
                    term = pair.source_text[start:end]
                    if verbatim:
                        message = f"{term!r} must appear unchanged in the translation"
                    else:
                        message = (f"{term!r} must be rendered as "
                                   f"{' / '.join(repr(e) for e in entry.en)}")
                    yield self.finding(
                        message, source_span=pair.in_source(start, end), segment=pair.id,
                        suggestion=entry.en[0],
                        data={"term": entry.de[0], "expected": list(entry.en),
                              "termbase": display_path(path), "note": entry.note})


class ForbiddenTerm(_TermCheck):
    """A rendering the termbase forbids — or, for a case-sensitive entry, an approved
    rendering in the wrong case (``Whatsapp``) — anywhere in the translation."""

    code = "TRM02"
    name = "terminology.forbidden"
    category = Category.TERMINOLOGY
    severity = Severity.MAJOR
    summary = "The translation uses a rendering the termbase forbids."
    examples = (
        Example.bad("Castex sprach vor der Nationalversammlung.",
                    "Castex addressed the ⟦national parliament⟧.", termbase=POLITICS_TERMS),
        Example.bad("Selbst WhatsApp bietet keinen Schutz.",
                    "Even ⟦Whatsapp⟧ offers no protection.", termbase=POLITICS_TERMS),
        Example.good("Premierminister Castex sprach vor der Nationalversammlung.",
                     "Prime Minister Castex addressed the National Assembly.",
                     termbase=POLITICS_TERMS),
        Example.good("Selbst WhatsApp bietet keinen Schutz.",
                     "Even WhatsApp offers no protection.", termbase=POLITICS_TERMS),
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        index = _term_index(ctx.termbases)
        for pair in ctx.pairs:
            if not pair.target:
                continue
            reported: list[tuple[int, int]] = []
            for number in index.english_candidates(pair.target_text):
                entry, path, _, allowed, forbidden, loose = index.entries[number]
                hits = [(s, e, text, "forbidden") for s, e, text in _matches(forbidden, pair.target_text)]
                if loose:
                    exact = {(s, e) for s, e, _ in _matches(allowed, pair.target_text)}
                    hits += [(s, e, text, "case") for s, e, text in _matches(loose, pair.target_text)
                             if (s, e) not in exact]
                for start, end, text, why in sorted(hits, key=lambda h: (h[0], h[3] != "forbidden")):
                    if any(start < b and a < end for a, b in reported):
                        continue
                    reported.append((start, end))
                    reason = ("the termbase forbids it" if why == "forbidden"
                              else "the termbase requires this exact spelling")
                    # a forbidden word opening a sentence is replaced by a capitalised
                    # rendering; a wrongly cased one takes the termbase's spelling as is
                    use = (_sentence_case(entry.en[0], pair.target_text, start)
                           if entry.en and why == "forbidden" else
                           entry.en[0] if entry.en else None)
                    yield self.finding(
                        f"{text!r}: {reason}" + (f"; use {use!r}" if use else ""),
                        target_span=pair.in_target(start, end), segment=pair.id,
                        suggestion=use,
                        fix=FIX_SAFE if entry.en else None,
                        data={"term": entry.de[0], "forbidden": text, "expected": list(entry.en),
                              "termbase": display_path(path), "note": entry.note})


def _sentence_case(rendering: str, text: str, start: int) -> str:
    """``rendering`` with a capital first letter where it replaces words that open a
    sentence (or a heading) of ``text`` in upper case (“Spy software on the phone” →
    “Spyware on the phone”, not “spyware”)."""
    before = text[:start].rstrip()
    opens = not before or before[-1] in ".!?:\"“”'‘’(#>"
    if opens and text[start:start + 1].isupper() and rendering[:1].islower():
        return rendering[:1].upper() + rendering[1:]
    return rendering


class InconsistentTerm(_TermCheck):
    """One source term rendered with different approved variants in one document
    (``government spokesman`` here, ``government spokesperson`` there)."""

    code = "TRM03"
    name = "terminology.inconsistent"
    category = Category.CONSISTENCY
    severity = Severity.MINOR
    summary = "The same source term is rendered in different ways across the document."
    examples = (
        Example.bad("Regierungssprecher Attal sprach. Später sprach der Regierungssprecher "
                    "erneut. Der Regierungssprecher schwieg dann.",
                    "Government spokesman Attal spoke. Later the government spokesman spoke "
                    "again. The ⟦government spokesperson⟧ then fell silent.",
                    termbase=POLITICS_TERMS),
        Example.good("Regierungssprecher Attal sprach. Später sprach der Regierungssprecher "
                     "erneut.",
                     "Government spokesman Attal spoke. Later the government spokesman spoke "
                     "again.", termbase=POLITICS_TERMS),
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        index = _term_index(ctx.termbases)
        uses: dict[int, list[tuple[str, int, int, str]]] = defaultdict(list)
        for pair in ctx.pairs:
            if not pair.source or not pair.target or ctx.alignment.unrelated:
                continue
            for number in index.german_candidates(pair.source_text):
                entry, _, german, allowed, _, _ = index.entries[number]
                if len(allowed) < 2 or not index.german_occurrences(pair.source_text, german):
                    continue
                for start, end, text in _matches(allowed, pair.target_text):
                    variant = next(en for en, p in zip(entry.en, allowed) if p.fullmatch(text))
                    uses[number].append((variant.casefold(), *pair.in_target(start, end), pair.id))
        for number, occurrences in uses.items():
            counts = Counter(v for v, *_ in occurrences)
            if len(counts) < 2:
                continue
            majority = counts.most_common(1)[0][0]
            entry = index.entries[number][0]
            preferred = next(en for en in entry.en if en.casefold() == majority)
            for variant, start, end, segment in occurrences:
                if variant != majority:
                    text = ctx.target.text[start:end]
                    yield self.finding(
                        f"{text!r} — elsewhere {entry.de[0]!r} is rendered {preferred!r} "
                        f"({counts[majority]}×); keep one rendering",
                        target_span=(start, end), segment=segment, suggestion=preferred,
                        fix=FIX_REVIEW,
                        data={"term": entry.de[0], "variants": dict(counts)})
