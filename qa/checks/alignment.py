"""Alignment checks: omitted and added sentences, and a target that is another article.

They read the aligner's beads: a source sentence in a 1-0 bead has no counterpart in
the translation (omission), a target sentence in a 0-1 bead has none in the source
(addition). Consecutive unaligned sentences of one paragraph are reported as one finding
whose span covers them all, so a dropped paragraph is one finding, not five.

Known false positives: a translator's deliberate cut of a redundant sentence, or an
explanatory sentence added for English readers, is reported too; the editor decides.
Boilerplate that was scraped into the copy ("Share this article") is also an addition
here until an artefact check claims it.
"""

from __future__ import annotations

from typing import Iterable

from qa.checks.base import Check, CheckContext, Example
from qa.model import Category, Document, Finding, SegmentPair, Severity
from qa.text import excerpt

def _unaligned_runs(pairs: tuple[SegmentPair, ...], bead: str, doc: Document,
                    side: str) -> list[list[SegmentPair]]:
    """Consecutive pairs of type ``bead`` whose sentences share one paragraph."""
    runs: list[list[SegmentPair]] = []
    previous_index = None
    for index, pair in enumerate(pairs):
        if pair.bead != bead:
            continue
        sentence = doc.sentences[getattr(pair, side)[0]]
        if runs and previous_index is not None:
            last = doc.sentences[getattr(runs[-1][-1], side)[-1]]
            adjacent = all(p.bead in ("1-0", "0-1") for p in pairs[previous_index + 1:index])
            if adjacent and last.paragraph == sentence.paragraph:
                runs[-1].append(pair)
                previous_index = index
                continue
        runs.append([pair])
        previous_index = index
    return runs


def _unit(doc: Document, run: list[SegmentPair], side: str) -> str:
    indices = [i for p in run for i in getattr(p, side)]
    paragraph = doc.paragraphs[doc.sentences[indices[0]].paragraph]
    whole = (doc.sentences[indices[0]].start == paragraph.start
             and doc.sentences[indices[-1]].end == paragraph.end)
    if whole and len(indices) > 1:
        return f"paragraph ({len(indices)} sentences)"
    if whole and paragraph.kind == "heading":
        return "heading" if doc.format == "md" else "line"
    return "sentence" if len(indices) == 1 else f"{len(indices)} sentences"


class _Evidence:
    """Numbers and words of one document, computed once per run."""

    def __init__(self, doc: Document):
        from qa.lang.quantities import anchor_numbers
        from qa.text import words

        self.numbers = anchor_numbers(doc.text, doc.lang)
        self.words = set(words(doc.text))

    def kind(self, text: str, lang: str) -> str:
        """``anchored`` when the unaligned text carries numbers or names the other side
        lacks (strong evidence that it really has no counterpart), else ``plain``."""
        from qa.lang.german import dictionary_word
        from qa.lang.quantities import anchor_numbers
        from qa.text import words

        numbers = anchor_numbers(text, lang)
        # capitalised words; in German only those that are no dictionary word (every
        # German noun is capitalised)
        names = {w for w in words(text) if w[:1].isupper() and len(w) > 3
                 and not (lang == "de" and dictionary_word(w))}
        missing = (numbers - self.numbers) or (names - self.words)
        return "anchored" if missing else "plain"


def _runs(ctx: CheckContext, side: str):
    """Each run of unaligned sentences on ``side`` as (pairs, start, end, text, unit
    name, finding kind); nothing when the whole target is unrelated (ALN01 reports that)."""
    if ctx.alignment.unrelated:
        return
    doc, other = (ctx.source, ctx.target) if side == "source" else (ctx.target, ctx.source)
    bead = "1-0" if side == "source" else "0-1"
    evidence = None
    for run in _unaligned_runs(ctx.pairs, bead, doc, side):
        evidence = evidence or _Evidence(other)
        start = getattr(run[0], f"{side}_span")[0]
        end = getattr(run[-1], f"{side}_span")[1]
        text = doc.text[start:end]
        yield run, start, end, text, _unit(doc, run, side), evidence.kind(text, doc.lang)


class Omission(Check):
    """A source sentence (or run of sentences) with no counterpart in the translation.
    Kinds: ``anchored`` (it carries numbers or names the translation lacks), ``plain``.
    A bilingual file's unit with an empty target is UNT03's."""

    code = "OMA01"
    name = "alignment.omission"
    category = Category.OMISSION
    severity = Severity.MAJOR
    summary = "A source sentence or paragraph has no counterpart in the translation."
    examples = (
        Example.bad(
            "Die Regierung legte am Montag den Haushalt vor. ⟦Er sieht Ausgaben von "
            "480 Milliarden Euro vor.⟧ Die Opposition kritisierte den Entwurf scharf.",
            "The government presented the budget on Monday. "
            "The opposition sharply criticised the draft.",
            "a dropped sentence between two translated ones"),
        Example.bad(
            "Schwere Stürme im Norden\n\nDer Sturm traf am Dienstag die Küste von Schleswig-"
            "Holstein. Tausende Haushalte waren ohne Strom.\n\n⟦Die Feuerwehr rückte zu mehr "
            "als 900 Einsätzen aus. Verletzt wurde nach Angaben der Polizei niemand.⟧\n\n"
            "Am Mittwoch soll sich das Wetter beruhigen.\n",
            "Severe storms in the north\n\nThe storm hit the coast of Schleswig-Holstein "
            "on Tuesday. Thousands of households were left without power.\n\n"
            "The weather is expected to calm down on Wednesday.\n",
            "a dropped paragraph is one finding"),
        Example.good(
            "Die Regierung legte am Montag den Haushalt vor. Er sieht Ausgaben von "
            "480 Milliarden Euro vor. Die Opposition kritisierte den Entwurf scharf.",
            "The government presented the budget on Monday. It provides for spending of "
            "480 billion euros. The opposition sharply criticised the draft."),
        Example.good(
            "Die Regierung legte am Montag den Haushalt vor. Er sieht Ausgaben von "
            "480 Milliarden Euro vor. Die Opposition kritisierte den Entwurf scharf.",
            "On Monday the government presented a budget with spending of 480 billion "
            "euros. The opposition sharply criticised the draft.",
            "two source sentences merged into one is not an omission"),
    )

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        # a bilingual file's unit with no target at all is UNT03's (certain, not one of
        # the aligner's guesses)
        empty = {pair for u in ctx.units if u.target_span is None for pair in u.pairs}
        for run, start, end, text, unit, kind in _runs(ctx, "source"):
            if run[0].id in empty:
                continue
            yield self.finding(
                f"source {unit} not translated: “{excerpt(text)}”",
                source_span=(start, end), segment=run[0].id, kind=kind,
                data={"sentences": [ctx.source.sentences[i].id for p in run for i in p.source],
                      "bead": "1-0"})


class Addition(Check):
    """A target sentence (or run of sentences) with no counterpart in the source.
    Kinds: ``anchored`` (it carries numbers or names the source lacks), ``plain``."""

    code = "ADA01"
    name = "alignment.addition"
    category = Category.ADDITION
    severity = Severity.MAJOR
    summary = "A sentence or paragraph in the translation has no counterpart in the source."
    examples = (
        Example.bad(
            "Die Regierung legte am Montag den Haushalt vor. Die Opposition kritisierte den "
            "Entwurf scharf.",
            "The government presented the budget on Monday. ⟦Economists across Europe "
            "welcomed the plan as long overdue.⟧ The opposition sharply criticised the draft.",
            "an invented sentence"),
        Example.good(
            "Die Regierung legte am Montag den Haushalt vor. Die Opposition kritisierte den "
            "Entwurf scharf.",
            "The government presented the budget on Monday. The opposition sharply "
            "criticised the draft."),
        Example.good(
            "Die Regierung legte am Montag den Haushalt vor, der Ausgaben von 480 Milliarden "
            "Euro vorsieht.",
            "The government presented the budget on Monday. It provides for spending of "
            "480 billion euros.",
            "one source sentence split into two is not an addition"),
    )

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        for run, start, end, text, unit, kind in _runs(ctx, "target"):
            yield self.finding(
                f"{unit} in the translation has no counterpart in the source: “{excerpt(text)}”",
                target_span=(start, end), segment=run[0].id, kind=kind,
                data={"sentences": [ctx.target.sentences[i].id for p in run for i in p.target],
                      "bead": "0-1"})


class UnrelatedTarget(Check):
    """The target shares almost no names or numbers with the source: another article."""

    code = "ALN01"
    name = "alignment.unrelated"
    category = Category.MISTRANSLATION
    severity = Severity.CRITICAL
    summary = ("The translation does not correspond to the source at all (wrong file or "
               "another article); reported once instead of as hundreds of omissions.")
    examples = (
        Example.bad(
            "Der französische Präsident Emmanuel Macron hat am Mittwoch den Verteidigungsrat "
            "einberufen. Premierminister Jean Castex überstand ein Misstrauensvotum mit 146 "
            "Stimmen. Marine Le Pen kündigte eine Klage an. Die nächste Sitzung ist am "
            "14. Februar.",
            "⟦Hamburg-based Nordwind AG posted a loss of 4.2 billion euros. Chief executive "
            "Markus Feldmann cited supply bottlenecks. The plant in Bremerhaven will close "
            "by 30 September. Analysts at Berenberg cut their target to 19 euros.⟧"),
        Example.good(
            "Der französische Präsident Emmanuel Macron hat am Mittwoch den Verteidigungsrat "
            "einberufen. Premierminister Jean Castex überstand ein Misstrauensvotum mit 146 "
            "Stimmen. Marine Le Pen kündigte eine Klage an. Die nächste Sitzung ist am "
            "14. Februar.",
            "French President Emmanuel Macron convened the Defence Council on Wednesday. "
            "Prime Minister Jean Castex survived a no-confidence vote with 146 votes. "
            "Marine Le Pen announced a lawsuit. The next meeting is on 14 February."),
    )

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        alignment = ctx.alignment
        if not alignment.unrelated or not ctx.target.sentences:
            return
        shared = len(alignment.shared_anchors)
        total = min(alignment.source_anchors, alignment.target_anchors)
        span = (ctx.target.sentences[0].start, ctx.target.sentences[-1].end)
        yield self.finding(
            "the translation does not correspond to the source: only "
            f"{shared} of {total} names and numbers match — wrong file or another article?",
            target_span=span, data=dict(alignment.evidence))
