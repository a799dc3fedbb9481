"""The pipeline: documents → sentences → alignment → checks → one :class:`Report`.

The gate verdict and the score are computed here, once; reporters only render them.
A check that crashes is isolated: the run goes on, and the check is listed in the
report's ``skipped`` with the error, so a partial result is never silent.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Iterable

from qa import __version__
from qa.align import Alignment, AlignParams, align_documents
from qa.checks import CheckContext, select_checks
from qa.config import Config
from qa.errors import InputError, QAError
from qa.io import limit_input, load_text
from qa.io.base import composed
from qa.lang.lexicon import Lexicon, default_lexicon_path, lexicon_from_termbases, load_lexicon
from qa import baseline, earned, fingerprint
from qa.model import (BaselineEntry, Category, Document, Finding, Gate, Report, Severity, Skipped,
                      TranslationUnit)
from qa.overlaps import one_finding_per_defect
from qa.paths import file_digest
from qa.segment import segment
from qa.termbase import Termbase, load_termbase
from qa.lang.detect import language_evidence
from qa.lang.lexis import Lexis
from qa.text import CHRF_SIGNATURE

SOURCE_LANG, TARGET_LANG = "de", "en"


def load_document(path: str | Path, lang: str, *, text: str | None = None) -> Document:
    """Load and segment one document (``text`` given: use it instead of reading)."""
    loaded = composed(load_text(path, text=text))
    doc = segment(loaded, lang, str(path))
    if not doc.sentences:
        raise InputError(f"{path}: contains no prose to check")
    return doc


def verify_languages(source: Document, target: Document) -> None:
    """Refuse swapped or same-language inputs with one clear line."""
    src = language_evidence(source.text)
    tgt = language_evidence(target.text)
    if tgt.looks("de"):
        hint = " — are SOURCE and TARGET swapped?" if src.looks("en") else ""
        raise InputError(f"{target.path}: the translation looks German "
                         f"({tgt.german:.0%} German function words), expected English{hint}")
    if src.looks("en"):
        raise InputError(f"{source.path}: the source looks English "
                         f"({src.english:.0%} English function words), expected German")


def check_files(source_path: str | Path, target_path: str | Path,
                config: Config | None = None, quiet: bool = True) -> Report:
    """Load both files, verify them, and run :func:`check_documents`."""
    config = config or Config()
    config = replace(config, baseline=baseline.for_target(config.baseline, target_path))
    limit_input(config.max_input_mb)
    source = load_document(source_path, SOURCE_LANG)
    target = load_document(target_path, TARGET_LANG)
    verify_languages(source, target)
    return check_documents(source, target, config, quiet=quiet)


def _as_document(doc: Document | str, lang: str, default_path: str) -> Document:
    if isinstance(doc, Document):
        return doc
    return load_document(default_path, lang, text=doc)


def check_documents(source: Document | str, target: Document | str,
                    config: Config | None = None, quiet: bool = True) -> Report:
    """Run the whole pipeline on two documents (or plain texts) and return the report."""
    config = config or Config()
    source = _as_document(source, SOURCE_LANG, "source.txt")
    target = _as_document(target, TARGET_LANG, "target.txt")
    termbases = load_termbases(config)
    lexicon = alignment_lexicon(config, termbases)
    params = AlignParams()
    alignment = align_documents(source, target, lexicon=lexicon, params=params)
    return run_checks(source, target, alignment, config, termbases=termbases,
                      lexicon=lexicon, params=params, quiet=quiet)


def load_termbases(config: Config) -> tuple[Termbase, ...]:
    return tuple(load_termbase(path) for path in config.termbase)


def run_checks(source: Document, target: Document, alignment: Alignment, config: Config, *,
               termbases: tuple[Termbase, ...], lexicon: Lexicon | None, params: AlignParams,
               quiet: bool = True, units: tuple[TranslationUnit, ...] = (),
               units_skipped: dict[str, int] | None = None) -> Report:
    """The checks over aligned documents, then one finding per defect, earned
    severities, fingerprints, the baseline, the score and the gate: the report. For a
    bilingual file ``units`` are its translation units (every finding names its unit)."""
    if config.baseline == "none":
        config = replace(config, baseline=None)
    checks = select_checks(config.select, config.ignore, config.overrides())
    # the checks of a bilingual file's units do not apply to two documents: not listed
    checks = [check for check in checks if units or not check.reads_units]
    ctx = check_context(source, target, alignment, config, checks, termbases, quiet, units,
                        lexicon=lexicon)
    mt, lang = ctx.mt, ctx.lang

    findings: list[Finding] = []
    skipped: list[Skipped] = []
    run: list[str] = []
    for check in checks:
        reason = check.skip_reason(ctx)
        if reason:
            skipped.append(Skipped(check.code, reason))
            continue
        try:
            findings.extend(check.run(ctx))
        except Exception as exc:  # crash isolation: report it, keep the other results
            message = f"internal error: {type(exc).__name__}: {exc}"
            print(f"qa: warning: check {check.code} failed ({message})", file=sys.stderr)
            skipped.append(Skipped(check.code, message))
            continue
        run.append(check.code)

    findings = [f for f in findings if not _inside_markup(f, source, target)]
    findings = one_finding_per_defect(findings, source.text, target.text)
    findings = earned.apply(findings, config.severity_policy)
    if units:
        findings = _with_units(findings, units)
    order = {pair.id: index for index, pair in enumerate(alignment.pairs)}
    findings.sort(key=lambda f: _sort_key(f, order))
    findings = fingerprint.stamp(findings, source, target, alignment.pairs)
    stale: tuple[BaselineEntry, ...] = ()
    dormant: tuple[BaselineEntry, ...] = ()
    if config.baseline:
        findings, stale, dormant = baseline.accept(findings, baseline.load(config.baseline), run)
    score = mqm_score((f for f in findings if f.is_open), source.words)
    gate = decide_gate(findings, score, config)
    signature = make_signature(config, run, params, lexicon, mt, lang)
    return Report(version=__version__, signature=signature, source=source, target=target,
                  pairs=alignment.pairs, findings=tuple(findings), checks_run=tuple(run),
                  skipped=tuple(skipped), score=score, gate=gate,
                  baseline=config.baseline, stale=stale, dormant=dormant,
                  units=units, units_skipped=dict(units_skipped or {}))


def _with_units(findings: list[Finding], units: tuple[TranslationUnit, ...]) -> list[Finding]:
    """Each finding with ``data.unit``: the id of the translation unit it is in (by its
    pair, else by its span), so an editor finds it in the CAT tool."""
    by_pair = {pair_id: unit.id for unit in units for pair_id in unit.pairs}
    starts = [unit.source_span[0] for unit in units]

    def unit_of(finding: Finding) -> str | None:
        if finding.segment in by_pair:
            return by_pair[finding.segment]
        if finding.source_span:
            k = bisect.bisect_right(starts, finding.source_span[0]) - 1
            return units[k].id if k >= 0 else None
        if finding.target_span:
            return next((u.id for u in units if u.target_span
                         and u.target_span[0] <= finding.target_span[0] <= u.target_span[1]), None)
        return None

    marked = []
    for finding in findings:
        unit = unit_of(finding)
        marked.append(finding if unit is None else
                      replace(finding, data={"unit": unit, **finding.data}))
    return marked


def check_context(source: Document, target: Document, alignment: Alignment, config: Config,
                  checks, termbases: tuple[Termbase, ...] = (),
                  quiet: bool = True, units: tuple[TranslationUnit, ...] = (), *,
                  lexicon: Lexicon | None = None) -> CheckContext:
    """What the ``checks`` read in this run: the run's language knowledge (``lexicon``:
    the one the aligner read, :func:`alignment_lexicon`), MT where an MT check runs (or
    why not), and the page-furniture patterns of ``config``."""
    mt, mt_reason = _mt_service(config, checks, quiet)
    reads_lexicon = any(check.needs_lexicon or check.uses_lexicon for check in checks)
    lang = Lexis(language_detector=config.language_detector,
                 lexicon=lexicon if reads_lexicon else None, termbases=termbases)
    return CheckContext(source=source, target=target, pairs=alignment.pairs,
                        alignment=alignment, lang=lang, termbases=termbases, mt=mt,
                        mt_skip_reason=mt_reason, residue_patterns=config.residue_patterns,
                        units=units)


def alignment_lexicon(config: Config, termbases: tuple[Termbase, ...]) -> Lexicon | None:
    """The word lexicon of the aligner and the lexical adequacy checks: ``lexicon`` from
    the config plus the termbases' approved renderings; a config without ``lexicon``
    falls back to the Ding dictionary where Debian's trans-de-en is installed (the
    aligner weighs its words by rarity, so that a word with many senses does not pair
    unrelated sentences: qa.align._lexical_evidence). ``lexicon = "none"`` turns the
    dictionary off; the termbases still count."""
    path = config.lexicon
    if path is None:
        found = default_lexicon_path()
        path = str(found) if found else None
    lexicon = load_lexicon(path) if path not in (None, "none") else None
    from_terms = lexicon_from_termbases(termbases)
    if lexicon and from_terms:
        return lexicon.merged(from_terms)
    return lexicon or from_terms


def _mt_service(config: Config, checks, quiet: bool):
    """The MT service if an MT check runs and a model is available, else the reason;
    with ``require-mt`` a missing model is an exit-2 error."""
    if not any(check.needs_mt for check in checks):
        return None, None
    from qa.mt.service import build_service

    service, reason = build_service(config, quiet=quiet)
    if service is None and config.require_mt:
        raise QAError(f"MT required (--require-mt) but unavailable: {reason}")
    return service, reason


def _inside_markup(finding: Finding, source: Document, target: Document) -> bool:
    """Whether the finding is about markup, not prose: its span lies wholly inside one
    of the document's markup ranges (a Markdown link target, inline code). Checks read
    sentence text, which keeps the markup; a term in a URL or a number in a code span
    is not the translation's wording (and rewriting it would break the link)."""
    if finding.category is Category.MARKUP:
        return False  # a finding about the markup itself (MRK01's codes)
    doc, span = ((target, finding.target_span) if finding.target_span
                 else (source, finding.source_span))
    if span is None or not doc.markup:
        return False
    return any(start <= span[0] and span[1] <= end for start, end in doc.markup)


def _sort_key(f: Finding, order: dict[str, int]):
    return (order.get(f.segment, -1) if f.segment else -1,
            f.source_span or (-1, -1), f.target_span or (-1, -1),
            -f.severity.rank, f.code, f.message)


def mqm_score(findings: Iterable[Finding], source_words: int) -> float:
    """The MQM 2.0 raw scoring model (ASTM F2575; themqm.org, "The MQM Scoring Models")
    over the open findings the caller passes (accepted ones score nothing):

        APT  = Σ severity penalty        (minor 1, major 5, critical 25, info 0)
        PWPT = APT / EWC                 (EWC: the source words evaluated)
        OQS  = 100 × (1 − PWPT)          (clamped at 0)

    So one major error in a 400-word article scores 98.75 and ten of them 87.5: the
    score tells translations apart instead of falling to 0 after a few findings.
    """
    penalty = sum(f.severity.penalty for f in findings)
    return round(max(0.0, 100.0 * (1.0 - penalty / max(source_words, 1))), 2)


def decide_gate(findings: Iterable[Finding], score: float, config: Config) -> Gate:
    """The one place the pass/fail verdict is decided, by the rule of :class:`Gate`
    (``Gate.blocks``), which the reporters ask too."""
    fail_on = None if config.fail_on == "never" else Severity(config.fail_on)
    return Gate.decide(findings, score, fail_on, config.min_score)


def _short_hash(value) -> str:
    blob = json.dumps(value, sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()[:8]


def make_signature(config: Config, checks_run: Iterable[str], params: AlignParams,
                   lexicon, mt=None, lang: Lexis | None = None) -> str:
    """A string recording every setting that changes a result, for honest comparisons."""
    settings = config.result_settings()
    # Paths vary between machines; the content of the file is what changes a result.
    settings["termbase"] = [_file_hash(p) for p in config.termbase]
    settings["lexicon"] = _file_hash(config.lexicon) if config.lexicon else None
    settings["baseline"] = _file_hash(config.baseline) if config.baseline else None
    parts = [f"qa:{__version__}", f"checks:{','.join(sorted(checks_run))}",
             f"cfg:{_short_hash(settings)}", f"align:{_short_hash(params.__dict__)}",
             f"lex:{len(lexicon) if lexicon else 0}",
             *([f"lang:{lang.signature()}"] if lang else []),
             f"sev:{earned.signature() if config.severity_policy == 'earned' else 'declared'}",
             f"mt:{mt.signature() + '|' + CHRF_SIGNATURE if mt else ('off' if not config.mt else 'none')}"]
    return "|".join(parts)


def _file_hash(path: str) -> str:
    return file_digest(path)[:8]
