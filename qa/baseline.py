"""Baselines: the findings an editor has accepted, kept in git beside the translation.

A baseline file is JSON, versioned, sorted and diff-friendly::

    {
      "qa-baseline": 1,
      "entries": [
        {"fingerprint": "…", "code": "POL01", "text": "would not go down without a fight",
         "reason": "idiom, not a negation error", "by": "A. Editor", "date": "2026-11-29"}
      ]
    }

One entry per accepted finding, keyed by the finding's fingerprint (:mod:`qa.fingerprint`),
sorted by check, text and fingerprint, so accepting one more finding is a one-entry diff.
``qa baseline`` writes it, the HTML report's *Accept* buttons download it, and
``qa check --baseline FILE`` (``baseline`` in ``[tool.qa]``, or ``qa-baseline.json`` beside
an article in a batch run) reads it: a matching finding is listed as accepted, never
blocks the gate and scores nothing; an entry of a check that ran which matches nothing
any more is reported as stale, so the file does not rot.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Iterable

from qa.errors import ConfigError
from qa.fingerprint import finding_text
from qa.model import Acceptance, BaselineEntry, Document, Finding

#: the format's version, the first key of every file
FORMAT_KEY, FORMAT_VERSION = "qa-baseline", 1
#: the file a batch run looks for beside each article's source and translation
FILE_NAME = "qa-baseline.json"
_FIELDS = ("fingerprint", "code", "text", "reason", "by", "date")


def sort_key(entry: BaselineEntry) -> tuple[str, str, str]:
    return (entry.code, entry.text, entry.fingerprint)


def render(entries: Iterable[BaselineEntry]) -> str:
    """The file's text: one entry per fingerprint, sorted, two-space indented JSON."""
    unique = {entry.fingerprint: entry for entry in entries}
    ordered = sorted(unique.values(), key=sort_key)
    return json.dumps({FORMAT_KEY: FORMAT_VERSION, "entries": [e.to_dict() for e in ordered]},
                      ensure_ascii=False, indent=2) + "\n"


def parse(text: str, where: str) -> tuple[BaselineEntry, ...]:
    """The entries of a baseline file's text; a malformed file is one ConfigError line."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{where}: not a qa baseline (invalid JSON: {exc.msg}, line {exc.lineno})") from None
    if not isinstance(data, dict) or FORMAT_KEY not in data:
        raise ConfigError(f"{where}: not a qa baseline (no \"{FORMAT_KEY}\" key; "
                          "write one with `qa baseline` or the HTML report)")
    if type(data[FORMAT_KEY]) is not int or data[FORMAT_KEY] != FORMAT_VERSION:
        raise ConfigError(f"{where}: baseline format {data[FORMAT_KEY]!r} is not supported "
                          f"(this qa reads version {FORMAT_VERSION})")
    items = data.get("entries")
    if not isinstance(items, list):
        raise ConfigError(f"{where}: \"entries\" must be a list")
    entries = []
    for k, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("fingerprint"), str) \
                or not item["fingerprint"] or not isinstance(item.get("code"), str):
            raise ConfigError(f"{where}: entry {k} needs a \"fingerprint\" and a \"code\"")
        values = {key: item.get(key, "") for key in _FIELDS}
        if not all(isinstance(v, str) for v in values.values()):
            raise ConfigError(f"{where}: entry {k}: {', '.join(_FIELDS)} must be strings")
        entries.append(BaselineEntry(**values))
    return tuple(entries)


def load(path: str | Path) -> tuple[BaselineEntry, ...]:
    """Read a baseline file (one ConfigError line if it is missing or malformed)."""
    if Path(path).exists() and not Path(path).is_file():  # a FIFO would block for ever
        raise ConfigError(f"{path}: the baseline is not a regular file (a folder, a pipe or "
                          "a device)")
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(f"{path}: baseline file not found (write one with `qa baseline`)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the baseline ({getattr(exc, 'strerror', None) or exc})") from None
    return parse(text, str(path))


def accept(findings: Iterable[Finding], entries: Iterable[BaselineEntry],
           checks_run: Iterable[str]
           ) -> tuple[list[Finding], tuple[BaselineEntry, ...], tuple[BaselineEntry, ...]]:
    """Mark the findings a baseline accepts; return them, the stale entries (those of a
    check that ran this time that match no finding) and the dormant ones (those of a
    check that did not run, or was skipped: kept as they are, they may match next time,
    and a baseline written from this run must not lose them)."""
    by_fingerprint = {entry.fingerprint: entry for entry in entries}
    findings = list(findings)
    used: set[str] = set()
    marked: list[Finding] = []
    # own fingerprints first, then aliases: an alias never takes an entry that a
    # finding's own fingerprint claims
    for finding in findings:
        if finding.fingerprint in by_fingerprint:
            used.add(finding.fingerprint)  # type: ignore[arg-type]
    for finding in findings:
        entry = by_fingerprint.get(finding.fingerprint or "")
        if entry is None:
            alias = next((a for a in finding.aliases if a in by_fingerprint and a not in used), None)
            if alias is not None:
                used.add(alias)
                entry = by_fingerprint[alias]
        if entry is not None:
            finding = replace(finding, accepted=entry.acceptance)
        marked.append(finding)
    ran = set(checks_run)
    unused = sorted((e for e in by_fingerprint.values() if e.fingerprint not in used),
                    key=sort_key)
    return (marked, tuple(e for e in unused if e.code in ran),
            tuple(e for e in unused if e.code not in ran))


def entries_for(findings: Iterable[Finding], source: Document, target: Document, *,
                reason: str = "", by: str = "", when: str | None = None) -> list[BaselineEntry]:
    """Baseline entries accepting ``findings`` (stamped with fingerprints): a finding a
    baseline already accepts keeps that acceptance (its reason, author and date), the
    others get ``reason``, ``by`` and ``when`` (default today)."""
    when = when or date.today().isoformat()
    entries = []
    for finding in findings:
        if finding.fingerprint is None:
            raise ValueError("findings must carry fingerprints (qa.fingerprint.stamp)")
        decision = finding.accepted or Acceptance(reason, by, when)
        entries.append(BaselineEntry(fingerprint=finding.fingerprint, code=finding.code,
                                     text=finding_text(finding, source, target),
                                     reason=decision.reason, by=decision.by,
                                     date=decision.date))
    return entries


def default_path(target: str | Path, *, bilingual: bool = False) -> Path:
    """Where a translation's baseline lives by default: ``qa-baseline.json`` beside it
    (one article per folder); for a bilingual file, which shares its folder with
    others, ``<file name>.qa-baseline.json`` (``news.xlf.qa-baseline.json``)."""
    target = Path(target)
    return target.with_name(f"{target.name}.{FILE_NAME}") if bilingual else target.parent / FILE_NAME


def for_target(configured: str | None, target: str | Path, *,
               bilingual: bool = False) -> str | None:
    """The baseline a run on ``target`` reads: the configured file (``--baseline``,
    ``baseline`` in ``[tool.qa]``); ``"none"`` for none; else the one at
    :func:`default_path` when there is one (where ``qa baseline`` and the HTML report's
    download put it, and where batch runs look)."""
    if configured == "none":
        return None
    if configured:
        return configured
    beside = default_path(target, bilingual=bilingual)
    return str(beside) if beside.is_file() else None
