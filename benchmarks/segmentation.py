"""Sentence-boundary precision/recall of qa's splitter on WMT news sentences joined into
paragraphs (issue 14: splitting that holds on news copy; target ≥ 99.5 % boundary F1).

The WMT21 news and WMT22 general German→English test sets put one sentence per line,
German source and English reference, so the line ends are gold sentence boundaries.
Consecutive lines are joined with one space into paragraphs of 3–6 lines (the sizes
cycle deterministically), each paragraph is split with ``qa.segment.split_sentences``,
and every predicted sentence start inside a paragraph is compared with the join points:

* a join point the splitter misses is a **missed** boundary (recall),
* a predicted start that is not a join point is a **spurious** boundary (precision).

Lines that do not end in sentence punctuation (``. ! ? …`` with optional closing quotes
or brackets after it) are headlines, list items or WMT22 lines cut mid-sentence (a
known defect of that set). Joined to the next line they would ask for a boundary no
punctuation marks, so such a line closes its paragraph: it may be the paragraph's last
line, never a line another follows. A line followed by one that starts in lower case was
cut mid-sentence too (the cut fell after a period) and closes its paragraph the same way.
Both counts are printed. Cuts after an abbreviation ("seit ca." | "14 Tagen") remain and
show up as missed boundaries.

Some lines hold two sentences (mostly in the English references); a split inside such a
line counts as spurious. Spurious splits that look like an ordinary sentence end
(terminal punctuation, a space, a capital; no abbreviation, ordinal or initial before it)
are therefore also counted apart ("two sentences in one line?"), and P/F1 are printed
with them left out as well. The strict figures are a lower bound, the other an estimate.

Printed per language and dataset: boundary P/R/F1 and sentences per second, for qa's
splitter and for pysbd alone (the library qa called with repairs on top until its own
rules replaced it; kept here as the alternative they were chosen against), the errors
by class, and the most frequent error patterns (20 characters around each error) with
their class: quote/bracket after the period, ordinal/date, abbreviation, initial,
ellipsis, repeated punctuation, quotation marks, no punctuation, other. The classes are
heuristics on the context, for triage only.

The measuring core (paragraphs, gold boundaries, both splitters, P/R/F1, speed) lives in
``qa.evaluation.segmentation``, which ``qa eval`` reports in docs/accuracy.md; this script
adds the diagnosis: per-dataset figures, the two-sentence-line estimate, error classes
and patterns.

Usage:  python benchmarks/segmentation.py [--data ../shared/data] [--limit N] [--top 20]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from qa.evaluation.segmentation import (  # noqa: E402  (the measuring core)
    OPENING_MARKS, gold_starts, measure, paragraphs, pooled, prf, pysbd_starts, qa_starts,
    sentence_files, warm_up)
from qa.segment import abbreviations  # noqa: E402

#: characters shown on each side of an error in the pattern table (20 in all)
CONTEXT_CHARS = 10
#: the issue's target for boundary F1, per language
TARGET_F1 = 99.5
DEFAULT_DATA = REPO.parent / "shared" / "data"

# Error classes, tested in this order on the text before and after the boundary.
QUOTE_AFTER_PERIOD_RE = re.compile(r"[.!?…][\"'“”’‘»«)\]]+\s*$")
ELLIPSIS_RE = re.compile(r"(?:\.\.\.|…)[\"'“”’‘»«)\]]*\s*$")
ORDINAL_RE = re.compile(r"(?:^|[\s(])\d{1,4}\.(?:\d{1,2}\.)?\s*$")
INITIAL_RE = re.compile(r"(?:^|[\s(„\"-])[A-ZÄÖÜ]\.\s*$")
#: a dotted short form such as "U.S.", "z.B." or "d." (a lower-case letter and a period)
DOTTED_RE = re.compile(r"^(?:[A-Za-zÄÖÜäöü]\.){2,}$|^[a-zäöü]\.$")
#: short forms common in news copy beyond those qa's splitter lists itself
MORE_ABBREVIATIONS = frozenset((
    "Anm.", "Mr.", "Mrs.", "Ms.", "Nr.", "No.", "Dr.", "St.", "etc.", "usw.", "bzw.", "ca.",
    "u.a.", "z.B.", "Abs.", "Ziff.", "Hrsg.", "Jhd.", "Okt.", "Dez.", "Jan.", "Feb.", "Mar.",
    "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "approx.", "vs.",
    "Inc.", "Ltd.", "Co.", "Corp.", "Jr.", "Sr.", "Gov.", "Sen.", "Rep.", "Gen.", "Prof.", "Mio.",
    "Mrd.", "Tsd.", "Str.", "Fr.", "Hr.", "Tel.", "bspw.", "sog.", "vgl.", "ggf.", "inkl.", "evtl.",
    "incl.", "max.", "min.", "Std.", "Min.", "Sek.", "ä.", "usf."))
ABBREVIATIONS = MORE_ABBREVIATIONS | {form + "." for lang in ("de", "en")
                                      for forms in abbreviations(lang) for form in forms
                                      if " " not in form}
REPEATED_PUNCTUATION_RE = re.compile(r"[!?.]{2,}$")
PLAIN_BREAK_RE = re.compile(r"[.!?][\"'“”’‘»«)\]]*\s$")
TERMINALS = ".!?…"
QUOTE_MARKS = "\"“”„»«"
CLOSING_MARKS = "\"'“”’‘»«)]"
NO_PUNCTUATION_RE = re.compile(r"[^.!?…:;\"'“”’‘»«)\]\s]\s*$")


def classify(before: str, after: str, line_before: str) -> str:
    """The likely cause of an error at a boundary, from the text either side of it;
    ``line_before`` is the part of the boundary's line (or the line before a join) that
    precedes it."""
    if REPEATED_PUNCTUATION_RE.search(before.rstrip()) or (
            before[-1:] in TERMINALS and after[:1] in TERMINALS):
        return "repeated punctuation"
    if before[-1:] in TERMINALS and after[:1].isalpha():
        return "no space after punctuation"
    if before[-1:] in TERMINALS and after[:1] in CLOSING_MARKS:
        return "quote/bracket after period"
    if ELLIPSIS_RE.search(before):
        return "ellipsis"
    if QUOTE_AFTER_PERIOD_RE.search(before):
        return "quote/bracket after period"
    if ORDINAL_RE.search(before):
        return "ordinal/date"
    if INITIAL_RE.search(before):
        return "initial"
    words = before.split()
    token = words[-1].lstrip(OPENING_MARKS) if words else ""
    if token in ABBREVIATIONS or DOTTED_RE.match(token):
        return "abbreviation"
    if NO_PUNCTUATION_RE.search(before):
        return "no punctuation"
    if after[:1] in QUOTE_MARKS:
        return "quotation opens the next sentence"
    if any(mark in line_before for mark in QUOTE_MARKS):
        return "quotation marks earlier in the line"
    return "other"


#: class of a spurious split that :func:`plain_break` takes for a line of two sentences
TWO_SENTENCE_LINE = "two sentences in one line?"
#: classes an ordinary sentence end falls into (the others name a known trap)
PLAIN_CLASSES = ("other", "quote/bracket after period", "quotation opens the next sentence")


def plain_break(before: str, after: str) -> bool:
    """Whether a boundary looks like an ordinary sentence end: terminal punctuation (and
    closing marks), a space, then a capital or an opening mark, with no abbreviation,
    ordinal or initial before it. A spurious split of this shape inside one WMT line
    usually means the line holds two sentences, not that the splitter erred."""
    if not PLAIN_BREAK_RE.search(before) or not after.lstrip(OPENING_MARKS)[:1].isupper():
        return False
    return classify(before, after, "") in PLAIN_CLASSES


def score(texts: list[tuple[str, set[int]]], lang: str, splitter) -> dict:
    """:func:`qa.evaluation.segmentation.measure` (boundary counts, P/R/F1, speed) plus
    the errors of one splitter over paragraphs, each with its class and context.

    ``fp_plain`` counts the spurious boundaries that :func:`plain_break` takes for a line
    holding two sentences; ``precision_lines`` leaves them out."""
    result, predicted = measure(texts, lang, splitter)
    errors: list[tuple[str, str, str]] = []  # (kind, class, context)
    fp_plain = 0
    for (text, gold), found in zip(texts, predicted):
        line_starts = sorted(gold | {0})
        for kind, offsets in (("missed", gold - found), ("spurious", found - gold)):
            for offset in sorted(offsets):
                before, after = text[max(0, offset - CONTEXT_CHARS):offset], text[offset:]
                line_start = max(s for s in line_starts if s < offset) if offset else 0
                context = (before + "|" + after[:CONTEXT_CHARS]).replace("\n", " ")
                if kind == "spurious" and plain_break(before, after):
                    fp_plain += 1
                    cls = TWO_SENTENCE_LINE
                else:
                    cls = classify(before, after, text[line_start:offset])
                errors.append((kind, cls, context))
    return _with_lines_left_out(result, fp_plain, errors)


def _with_lines_left_out(result: dict, fp_plain: int, errors: list) -> dict:
    """``result`` with the errors and the figures that leave likely two-sentence lines out."""
    lines = prf(result["tp"], result["fp"] - fp_plain, result["fn"])
    return {**result, "fp_plain": fp_plain, "precision_lines": lines["precision"],
            "f1_lines": lines["f1"], "errors": errors}


def _fmt(result: dict) -> str:
    return (f"P {result['precision']:6.2f}  R {result['recall']:6.2f}  F1 {result['f1']:6.2f}"
            f"  (tp {result['tp']}, fp {result['fp']}, fn {result['fn']})"
            f"  {result['per_second']:6.0f} sent/s"
            f"  | two-sentence lines left out: {result['fp_plain']} fp,"
            f" P {result['precision_lines']:6.2f}  F1 {result['f1_lines']:6.2f}")


def combine(results: list[dict]) -> dict:
    """One language's results over all datasets, figures recomputed from the counts."""
    return _with_lines_left_out(pooled(results), sum(r["fp_plain"] for r in results),
                                [e for r in results for e in r["errors"]])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="folder holding wmt21-news-deen/ and wmt22-general-deen/")
    parser.add_argument("--limit", type=int, default=None, help="first N lines of each file")
    parser.add_argument("--top", type=int, default=20, help="error patterns to print")
    args = parser.parse_args(argv)

    sets = sentence_files(args.data, args.limit)
    if not sets:
        print(f"no WMT21/22 sentence files under {args.data}", file=sys.stderr)
        return 1
    warm_up({"qa": qa_starts, "pysbd": pysbd_starts})  # build the rules before any timing
    results: dict[tuple[str, str], list[dict]] = {}
    for name, lang, lines in sets:
        groups, closed = paragraphs(lines)
        texts = [gold_starts(group) for group in groups]
        reasons = ", ".join(f"{count} {reason}" for reason, count in sorted(closed.items()))
        print(f"\n== {name} {lang}: {len(lines)} lines, {len(groups)} paragraphs; "
              f"paragraph closed early after a line with {reasons or 'none'}")
        for label, splitter in (("qa", qa_starts), ("pysbd", pysbd_starts)):
            result = score(texts, lang, splitter)
            results.setdefault((lang, label), []).append(result)
            print(f"   {label:6} {_fmt(result)}")

    print(f"\n== per language, all datasets (target: boundary F1 >= {TARGET_F1} %)")
    classes: Counter = Counter()
    patterns: Counter = Counter()
    for lang in ("de", "en"):
        for label in ("qa", "pysbd"):
            if (lang, label) not in results:
                continue
            total = combine(results[(lang, label)])
            print(f"   {lang} {label:6} {_fmt(total)}")
            if label == "qa":
                for kind, cls, context in total["errors"]:
                    classes[(lang, kind, cls)] += 1
                    patterns[(lang, kind, cls, context)] += 1
    speed = {label: combine([r for (_, lab), rs in results.items() if lab == label for r in rs])
             for label in ("qa", "pysbd")}
    print(f"   speed, both languages: qa {speed['qa']['per_second']:.0f} sent/s, pysbd alone "
          f"{speed['pysbd']['per_second']:.0f} sent/s "
          f"(qa {speed['pysbd']['seconds'] / speed['qa']['seconds']:.0f}x as fast "
          f"over {speed['qa']['sentences']} sentences)")

    print("\n== qa errors by class")
    for (lang, kind, cls), count in classes.most_common():
        print(f"   {count:5}  {lang} {kind:8} {cls}")
    # every context is usually unique, so rank by count and then by the class's size;
    # the likely two-sentence lines are counted above and left out of the list
    ranked = sorted(((key, count) for key, count in patterns.items()
                     if key[2] != TWO_SENTENCE_LINE),
                    key=lambda item: (-item[1], -classes[item[0][:3]], item[0]))
    print(f"\n== {args.top} most frequent qa error patterns, largest classes first, "
          f"'{TWO_SENTENCE_LINE}' left out (| marks the boundary)")
    for (lang, kind, cls, context), count in ranked[:args.top]:
        print(f"   {count:3}  {lang} {kind:8} {cls:36} {context!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
