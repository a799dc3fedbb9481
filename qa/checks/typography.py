"""Typography and fluency of the English text: German quotation marks, unbalanced quotes
and brackets, a German possessive without apostrophe, space before punctuation, doubled
words, double spaces, British/American spelling mixed in one document, and capitalisation
lost (a sentence starting in lower case, a sentence all in lower case).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import Iterator

from qa.checks.base import Check, CheckContext, Example
from qa.model import FIX_REVIEW, FIX_SAFE, Category, Finding, SegmentPair, Severity
from qa.lang import english
from qa.lang import frequency as zipf_band
from qa.lang.function_words import STOPWORDS

_GERMAN_QUOTES = {"„": "“", "‚": "‘", "»": "“", "«": "”", "›": "’", "‹": "‘"}
#: German (and Swiss) quotation pairs: opening mark → its closing mark, and the English
#: marks that replace them. „…“ closes with U+201C, English's *opening* double mark, so
#: the closing mark must be replaced too, not left as it is
_GERMAN_PAIRS = {"„": ("“", "“", "”"), "‚": ("‘", "‘", "’"), "»": ("«", "“", "”"),
                 "«": ("»", "“", "”"), "›": ("‹", "‘", "’"), "‹": ("›", "‘", "’")}


def german_quotations(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, replacement)`` for every German quotation mark in ``text``: a whole
    quotation („…“, ‚…‘, »…«, «…») where its closing mark follows before the next
    opening one, with English marks around the same words; else the lone mark."""
    k = 0
    while k < len(text):
        mark = text[k]
        if mark in _GERMAN_PAIRS:
            closer, opening, closing = _GERMAN_PAIRS[mark]
            end = text.find(closer, k + 1)
            reopened = text.find(mark, k + 1)
            if end != -1 and (reopened == -1 or end < reopened):
                yield k, end + 1, opening + text[k + 1:end] + closing
                k = end + 1
                continue
            yield k, k + 1, _GERMAN_QUOTES[mark]
        k += 1


def _german_closing_marks(text: str, start: int, end: int) -> set[int]:
    """Offsets of the “ that close a „ (German style) in ``text[start:end]``."""
    return {s + start + (e - s) - 1 for s, e, _ in german_quotations(text[start:end])
            if e - s > 1 and text[start + s] == "„"}
_SPACE_BEFORE_RE = re.compile(r"(?<=[^\s\d])([ \t]+)(?=[,;:!?]|\.(?!\.|\d))")
_DOUBLED_RE = re.compile(r"\b([A-Za-z]+)\s+\1\b", re.IGNORECASE)
_LEGIT_DOUBLES = {"had", "that", "is", "do", "bye", "no", "very", "so", "far"}
_DOUBLE_SPACE_RE = re.compile(r"(?<=\S)  +(?=\S)")
#: a sentence that opens with a printf or brace placeholder (software strings)
_PLACEHOLDER_START = re.compile(r"\s*(?:%(?:\d+\$)?[a-z]|%\(\w+\)[a-z]|\{\w*\})")


class GermanQuotes(Check):
    """German quotation marks („…“ ‚…‘ »…«) in English copy."""

    code = "TYP01"
    name = "typography.german-quotes"
    category = Category.TYPOGRAPHY
    severity = Severity.MINOR
    summary = "German quotation marks are used in the English text."
    examples = (
        Example.bad("„Das ist gut“, sagte er.", "⟦„This is good“⟧, he said."),
        Example.bad("»Wir gehen«, sagte sie.", "⟦»We are leaving«⟧, she said."),
        Example.bad("„Das ist gut, sagte er.", "⟦„⟧This is good, he said."),
        Example.good("„Das ist gut“, sagte er.", "“This is good,” he said."),
    )

    def check(self, pair: SegmentPair, ctx: CheckContext) -> Iterator[Finding]:
        if not pair.target:
            return
        text = pair.target_text
        for start, end, english in german_quotations(text):
            marks = text[start] + (text[end - 1] if end - start > 1 else "")
            what = (f"German quotation marks {marks[0]}…{marks[1]}" if len(marks) == 2
                    else f"German quotation mark {marks!r}")
            yield self.finding(f"{what} in English text",
                               target_span=pair.in_target(start, end), segment=pair.id,
                               suggestion=english, fix=FIX_SAFE, data={"marks": marks})


class UnbalancedQuotes(Check):
    """A paragraph whose quotation marks or brackets do not pair up (``civilise it,"
    Araud said`` with no opening quote)."""

    code = "TYP02"
    name = "typography.unbalanced"
    category = Category.TYPOGRAPHY
    severity = Severity.MINOR
    summary = "Quotation marks or brackets are unbalanced in a paragraph."
    examples = (
        Example.bad("„Wir müssen sie zivilisieren“, sagte Araud.",
                    "We must civilise it,⟦”⟧ Araud said."),
        Example.bad("Cuomo (53) unterschrieb.", "Cuomo ⟦(⟧53 signed."),
        Example.good("„Wir müssen sie zivilisieren“, sagte Araud.",
                     "“We must civilise it,” Araud said."),
        Example.good("„Wir müssen sie zivilisieren“, sagte Araud (SPD).",
                     "\"We must civilise it,\" Araud (SPD) said."),
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.target.text
        paragraphs = ctx.target.paragraphs
        aligned = _AlignedSources(ctx.pairs)
        for index, paragraph in enumerate(paragraphs):
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            previous = paragraphs[index - 1] if index else None
            # a quotation running over paragraphs leaves the first one open and reopens
            # the next (news convention); a closing mark may end one opened before
            continues = following is not None and text[following.start:following.start + 1] in "“\""
            carried = previous is not None and self._unclosed(text, previous.start, previous.end)
            source = aligned.between(paragraph.start, paragraph.end)
            for finding in self._paragraph(text, paragraph.start, paragraph.end, continues, carried):
                # the source has the same imbalance: a quotation or aside that runs over
                # sentences the text was cut into (test sets, subtitles), not an error here
                mark = text[finding.target_span[0]]
                if _source_unbalanced(source, "quote" if mark in "“”\"" else mark):
                    continue
                yield finding

    @staticmethod
    def _unclosed(text: str, start: int, end: int) -> bool:
        depth = 0
        for m in _MARKS_RE["“"].finditer(text, start, end):
            if m.group() == "“":
                depth += 1
            elif depth:
                depth -= 1
        return depth > 0

    def _paragraph(self, text: str, start: int, end: int, continues: bool = False,
                   carried: bool = False) -> Iterator[Finding]:
        # a “ closing a German „ is not an unclosed English opening mark (TYP01 reports
        # the German quotation)
        german = _german_closing_marks(text, start, end) if "„" in text[start:end] else set()
        for opener, closer in (("“", "”"), ("(", ")"), ("[", "]")):
            stack = []
            for m in _MARKS_RE[opener].finditer(text, start, end):  # (only the marks count)
                k, ch = m.start(), m.group()
                if k in german:
                    continue
                if ch == opener:
                    stack.append(k)
                elif ch == closer:
                    if stack:
                        stack.pop()
                    elif opener == "“" and carried:
                        carried = False
                    else:
                        yield self._finding(k, closer, "has no opening")
                        break
            if opener == "“" and continues:
                continue
            for k in stack[:1]:
                yield self._finding(k, opener, "is never closed")
        straight = [m.start() for m in _MARKS_RE['"'].finditer(text, start, end)]
        if len(straight) % 2:
            yield self._finding(straight[-1], '"', "has no partner")

    def _finding(self, offset: int, mark: str, problem: str) -> Finding:
        return self.finding(f"{mark!r} {problem} in this paragraph",
                            target_span=(offset, offset + 1))


#: an opening mark → the pattern of it and its closing mark (and the straight quote)
_MARKS_RE = {"“": re.compile("[“”]"), "(": re.compile(r"[()]"), "[": re.compile(r"[\[\]]"),
             '"': re.compile('"')}

_SOURCE_QUOTES = "„“”\"»«"


class _AlignedSources:
    """The source text aligned with a range of the target, from the pairs indexed by
    the start of their target (built once per run: a long document has thousands of
    paragraphs)."""

    def __init__(self, pairs: tuple[SegmentPair, ...]):
        indexed = sorted((p.target_span[0], p.source_text) for p in pairs if p.source and p.target)
        self.starts = [k for k, _ in indexed]
        self.texts = [t for _, t in indexed]

    def between(self, start: int, end: int) -> str:
        """The source of the pairs whose target starts in [start, end)."""
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return " ".join(self.texts[lo:hi])


def _source_unbalanced(source: str, mark: str) -> bool:
    if not source:
        return False
    if mark == "quote":
        return sum(source.count(q) for q in _SOURCE_QUOTES) % 2 == 1
    if mark in "()":
        return source.count("(") != source.count(")")
    if mark in "[]":
        return source.count("[") != source.count("]")
    return False


class MissingApostrophe(Check):
    """A German genitive copied into English: ``Macrons mobile number`` for ``Macron's``."""

    code = "TYP03"
    name = "typography.possessive"
    category = Category.TYPOGRAPHY
    severity = Severity.MINOR
    summary = "A possessive name lacks its apostrophe (German genitive form)."
    examples = (
        Example.bad("Macrons Handynummer stand auf der Liste.",
                    "⟦Macrons⟧ mobile number was on the list."),
        Example.good("Macrons Handynummer stand auf der Liste.",
                     "Macron's mobile number was on the list."),
        Example.good("Die Niederlande und Athens Hafen.", "The Netherlands and Athens harbour."),
        Example.good("Landwirt Frank Diers hat schon viel erlebt.",
                     "The farmer Frank Diers has already seen a lot."),
    )

    def prepare(self, ctx: CheckContext) -> None:
        # the words of both documents: a name elsewhere in the article (Macron, Athen)
        self.document_words = set(re.findall(r"\w+", ctx.source.text)) | set(
            re.findall(r"\w+", ctx.target.text))

    def check(self, pair: SegmentPair, ctx: CheckContext) -> Iterator[Finding]:
        if not pair.source or not pair.target:
            return
        document_words = self.document_words
        for m in re.finditer(r"\b([A-ZÄÖÜ][a-zäöüéè]+)s\b(?=\s+[a-z])", pair.target_text):
            word = m.group(0)
            base = m.group(1)
            # the source has the same genitive form before a noun (Macrons Handynummer; not
            # "Frank Diers hat", "in Granollers eine": names that end in s), and the form is
            # not an English word (Athens, Reynolds) unless the bare name occurs too
            if re.search(rf"\b{re.escape(word)}\s+[A-ZÄÖÜ]", pair.source_text) and len(base) >= 3 \
                    and (_rare_in_english(word) or base in document_words):
                yield self.finding(
                    f"{word!r} is a German genitive; English writes {base + chr(39) + 's'!r}",
                    target_span=pair.in_target(m.start(), m.end()),
                    segment=pair.id, suggestion=f"{base}'s", fix=FIX_SAFE)


def _rare_in_english(word: str) -> bool:
    return english.rare(word)


class SpaceBeforePunctuation(Check):
    """A space before a comma, full stop, colon, semicolon, question or exclamation mark
    (French or careless typing), and doubled spaces between words."""

    code = "TYP04"
    name = "typography.spacing"
    category = Category.TYPOGRAPHY
    severity = Severity.MINOR
    summary = "Space before punctuation or a double space between words."
    examples = (
        Example.bad("Er kam an.", "He arrived⟦ ⟧."),
        Example.bad("Er kam an und blieb.", "He arrived⟦  ⟧and stayed."),
        Example.good("Er kam an und blieb.", "He arrived and stayed."),
        Example.good("Er kam an … und blieb.", "He arrived ... and stayed."),
    )

    def check(self, pair: SegmentPair, ctx: CheckContext) -> Iterator[Finding]:
        if not pair.target:
            return
        offset = pair.target_span[0]
        # a mark the source also writes after a space mirrors the client's own text
        # (tokenised copy, "Hotel Opera ."): consistent with it, so not reported
        mirrored = {pair.source_text[m.end():m.end() + 1]
                    for m in _SPACE_BEFORE_RE.finditer(pair.source_text)} if pair.source else set()
        for m in _SPACE_BEFORE_RE.finditer(pair.target_text):
            mark = pair.target_text[m.end():m.end() + 1]
            if mark in mirrored:
                continue
            yield self.finding(f"space before {mark!r}", suggestion="", fix=FIX_SAFE,
                               target_span=(offset + m.start(1), offset + m.end(1)),
                               segment=pair.id)
        for m in _DOUBLE_SPACE_RE.finditer(pair.target_text):
            yield self.finding("double space between words", suggestion=" ", fix=FIX_SAFE,
                               target_span=(offset + m.start(), offset + m.end()),
                               segment=pair.id)




class Capitalisation(Check):
    """Capital letters lost in the translation: a sentence that starts in lower case
    where its source sentence starts a real sentence with a German function word (Die,
    Er, Seit — capitalised only for their position), or a sentence written entirely in
    lower case that lower-cases a name its source spells with a capital. List items,
    headings and fragments cut by the segmenter are left alone: German capitalises
    every noun, so a capital alone says nothing."""

    code = "TYP06"
    name = "typography.capitalisation"
    category = Category.TYPOGRAPHY
    severity = Severity.MINOR
    summary = "A sentence starts in lower case, or is all lower case, unlike its source."
    examples = (
        Example.bad("Die Regierung legte den Haushalt vor.",
                    "⟦t⟧he government presented the budget."),
        Example.bad("Präsident Macron traf Kanzler Scholz in Berlin.",
                    "⟦president macron met chancellor scholz in berlin.⟧"),
        Example.good("Die Regierung legte den Haushalt vor.",
                     "The government presented the budget."),
        Example.good("Das iPhone verkauft sich gut.", "iPhone sales are going well."),
    )

    def check(self, pair: SegmentPair, ctx: CheckContext) -> Iterator[Finding]:
        if not pair.source or not pair.target:
            return
        source = ctx.source.sentences[pair.source[0]].text
        first = re.match(r"[^\W\d_]+", source)
        if first is None or not first.group(0)[0].isupper():
            return  # the source itself is not cased as prose (chat, a fragment)
        sentence = ctx.target.sentences[pair.target[0]]
        if not any(c.isupper() for c in sentence.text):
            lowered = _lowered_names(pair.source_text, sentence.text)
            if lowered:
                yield self.finding(
                    f"the sentence is all lower case (the source writes {lowered!r})",
                    target_span=(sentence.start, sentence.end), segment=pair.id, data={"source_name": lowered})
                return
        if first.group(0).lower() not in STOPWORDS or \
                not _complete(source) or not _starts_sentence(ctx.target.text, sentence.start):
            return
        if _PLACEHOLDER_START.match(sentence.text):
            return  # "%d of %d files": a software string opening with its placeholder
        letter = re.match(r"[^\w]*([^\W\d_])(\w*)", sentence.text)
        if letter is None or not letter.group(1).islower() or \
                any(c.isupper() for c in letter.group(2)):  # iPhone, eBay
            return
        yield self.finding(f"the sentence starts in lower case ({letter.group(1) + letter.group(2)!r})",
                           suggestion=letter.group(1).upper(), fix=FIX_REVIEW,
                           target_span=sentence.span(letter.start(1), letter.start(1) + 1),
                           segment=pair.id)


def _lowered_names(source: str, target: str) -> str | None:
    """A word capitalised inside the source that the target writes in lower case."""
    words = re.findall(r"[^\W\d_]{3,}", source)[1:]
    target_words = set(re.findall(r"[^\W\d_]{3,}", target))
    # an English word lower-cased is right (Mail → mail); a name is not (Macron → macron)
    return next((w for w in words if w[0].isupper() and w.lower() in target_words
                 and w.lower() not in STOPWORDS and english.rare(w.lower(), zipf_band.ORDINARY)),
                None)


def _complete(sentence: str) -> bool:
    return bool(re.search(r"[.!?][\"“”'’)]?\s*$", sentence)) and len(sentence.split()) >= 3


def _starts_sentence(text: str, start: int) -> bool:
    """Nothing but a sentence end, a paragraph break or the start of the text before."""
    k = start
    while k > 0 and text[k - 1] in " \t":  # no copy of the text before: documents are long
        k -= 1
    return k == 0 or text[k - 1] == "\n" or text[k - 1] in ".!?\"“”'’:"


class DoubledWord(Check):
    """The same word twice in a row (``an an``), except the grammatical doubles
    (``had had``, ``that that``)."""

    code = "FLU01"
    name = "fluency.doubled-word"
    category = Category.FLUENCY
    severity = Severity.MINOR
    summary = "A word is repeated twice in a row."
    examples = (
        Example.bad("Es war ein Erfolg.", "It was ⟦an an⟧ success."),
        Example.good("Er hatte es gehabt.", "He had had it."),
        Example.good("Es war ein Erfolg.", "It was a success."),
    )

    def check(self, pair: SegmentPair, ctx: CheckContext) -> Iterator[Finding]:
        if not pair.target:
            return
        for m in _DOUBLED_RE.finditer(pair.target_text):
            if m.group(1).lower() in _LEGIT_DOUBLES:
                continue
            yield self.finding(
                f"doubled word {m.group(1)!r}", suggestion=m.group(1), fix=FIX_REVIEW,
                target_span=pair.in_target(m.start(), m.end()),
                segment=pair.id)


# British → American spellings (word stems; inflected forms follow)
_DIALECT = (("colour", "color"), ("favour", "favor"), ("honour", "honor"), ("labour", "labor"),
            ("neighbour", "neighbor"), ("behaviour", "behavior"), ("centre", "center"),
            ("theatre", "theater"), ("metre", "meter"), ("defence", "defense"),
            ("offence", "offense"), ("licence", "license"), ("programme", "program"),
            ("travelled", "traveled"), ("travelling", "traveling"), ("cancelled", "canceled"),
            ("organise", "organize"), ("organisation", "organization"), ("recognise", "recognize"),
            ("criticise", "criticize"), ("criticised", "criticized"), ("realise", "realize"),
            ("apologise", "apologize"), ("analyse", "analyze"), ("catalogue", "catalog"),
            ("civilise", "civilize"), ("modernise", "modernize"), ("emphasise", "emphasize"),
            ("grey", "gray"), ("tyre", "tire"), ("cheque", "check"), ("jewellery", "jewelry"),
            ("ageing", "aging"), ("judgement", "judgment"), ("manoeuvre", "maneuver"))


_DIALECT_WORDS = {**{b: ("british", b) for b, _ in _DIALECT},
                  **{a: ("american", b) for b, a in _DIALECT}}
_DIALECT_RE = re.compile(r"\b(" + "|".join(sorted(_DIALECT_WORDS, key=len, reverse=True))
                         + r")\w{0,3}\b", re.IGNORECASE)


#: the spellings in _DIALECT_RE's order (longest first) and the first four letters of each
_DIALECT_ORDER = tuple(sorted(_DIALECT_WORDS, key=len, reverse=True))
_DIALECT_HEADS = frozenset(word[:4] for word in _DIALECT_ORDER)
_WORD_RUN_RE = re.compile(r"\w+")
# letters re.IGNORECASE matches to an ASCII letter that str.lower() does not map to it
_CASE_ODD_RE = re.compile("[\u0131\u0130\u017f]")


def dialect_words(text: str) -> list[tuple[str, int, int]]:
    """The dialect spellings of ``text`` (lower case) and where their words are: what
    ``_DIALECT_RE`` finds, without trying its seventy spellings at every word. A match
    of it is a whole word (it starts and ends at a word boundary) that begins with a
    spelling, in any case, followed by at most three letters; the longest such spelling
    is the one found. A text with a letter that case-folds unlike str.lower() is left to
    the pattern itself."""
    if _CASE_ODD_RE.search(text):
        return [(m.group(1).lower(), m.start(), m.end()) for m in _DIALECT_RE.finditer(text)]
    found = []
    for m in _WORD_RUN_RE.finditer(text):
        low = m.group().lower()
        if low[:4] not in _DIALECT_HEADS:
            continue  # most words: no spelling begins like them
        spelling = next((w for w in _DIALECT_ORDER
                         if low.startswith(w) and len(low) - len(w) <= 3), None)
        if spelling is not None:
            found.append((spelling, m.start(), m.end()))
    return found


class MixedDialect(Check):
    """British and American spellings mixed in one document (``defence`` and
    ``defense``); reported as information on the minority spelling."""

    code = "TYP05"
    name = "typography.dialect-mix"
    category = Category.CONSISTENCY
    severity = Severity.INFO
    summary = "British and American spellings are mixed in the translation."
    examples = (
        Example.bad("Die Verteidigung und die Organisation. Das Zentrum und die Farbe.",
                    "The defence and the organisation. The centre and the ⟦color⟧."),
        Example.good("Die Verteidigung und die Organisation.",
                     "The defence and the organisation."),
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.target.text
        lowered = text.lower()
        hits: list[tuple[str, int, int, str]] = []
        in_text: dict[str, bool] = {}  # British spelling → in the text (searched once)
        for word, start, end in dialect_words(text):
            variant, british = _DIALECT_WORDS[word]
            if variant == "american" and word in ("check", "program", "meter"):
                if british not in in_text:
                    in_text[british] = british in lowered
                if not in_text[british]:
                    continue  # ordinary English words in both dialects
            hits.append((variant, start, end, british))
        counts = Counter(h[0] for h in hits)
        if len(counts) < 2:
            return
        majority = counts.most_common(1)[0][0]
        for variant, start, end, british in hits:
            if variant != majority:
                yield self.finding(
                    f"{text[start:end]!r} is {variant} spelling; the rest of the text is "
                    f"{majority} ({counts[majority]}×)", target_span=(start, end), data=dict(counts))
