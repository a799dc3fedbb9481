"""Batch runs over many article pairs: a manifest (TOML or YAML) or a directory
convention (``<article>/de.* ↔ <article>/en.*``), run in parallel processes, one report
per pair plus an index and combined SARIF/JUnit/JSON, and one combined exit code.

A broken pair (unreadable file, bad termbase) is an error row for that pair; the others
are still checked and reported.
"""

from __future__ import annotations

import json
import os
import tomllib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from qa.config import Config
from qa.errors import ConfigError, QAError

SUPPORTED = (".txt", ".md", ".markdown", ".text")


@dataclass(frozen=True)
class PairSpec:
    name: str
    source: str
    target: str
    termbase: tuple[str, ...] = ()


@dataclass
class PairResult:
    spec: PairSpec
    report: object | None = None  # qa.model.Report
    error: str | None = None


def discover(directory: Path, source_glob: str = "**/de.*") -> list[PairSpec]:
    """Pairs by convention: each source matching ``source_glob`` (``batch-glob`` in the
    config) with an ``en.*`` beside it (same extension preferred); a ``terms.csv`` or
    ``terms.tbx`` in the folder is that pair's termbase."""
    specs = []
    for source in sorted(directory.glob(source_glob)):
        if source.suffix.lower() not in SUPPORTED or not source.is_file():
            continue
        candidates = [source.with_name("en" + source.suffix)] + [
            source.with_name("en" + ext) for ext in SUPPORTED]
        target = next((c for c in candidates if c.is_file()), None)
        termbase = tuple(str(t) for t in (source.with_name("terms.csv"),
                                          source.with_name("terms.tbx")) if t.is_file())
        name = str(source.parent.relative_to(directory)) if source.parent != directory else source.stem
        specs.append(PairSpec(name, str(source), str(target) if target else
                              str(source.with_name("en" + source.suffix)), termbase))
    if not specs:
        raise QAError(f"{directory}: no article pairs found ({source_glob} with en.* beside)")
    return specs


def read_manifest(path: Path) -> list[PairSpec]:
    """``[[pair]]`` tables (TOML) or a ``pairs:`` list (YAML) with name, source, target,
    termbase; relative paths are relative to the manifest."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QAError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        if path.suffix.lower() in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(text) or {}
        else:
            data = tomllib.loads(text)
    except Exception as exc:  # TOML or YAML syntax: one line naming the file
        raise ConfigError(f"{path}: invalid manifest ({str(exc).splitlines()[0]})") from None
    items = data.get("pair") or data.get("pairs") or []
    if not isinstance(items, list) or not items:
        raise ConfigError(f"{path}: manifest lists no pairs ([[pair]] or pairs:)")
    base = path.resolve().parent
    specs = []
    for k, item in enumerate(items, 1):
        if not isinstance(item, dict) or "source" not in item or "target" not in item:
            raise ConfigError(f"{path}: pair {k} needs 'source' and 'target'")
        termbase = item.get("termbase", [])
        termbase = [termbase] if isinstance(termbase, str) else list(termbase)

        def resolve(p: str) -> str:
            return p if Path(p).is_absolute() else str(base / p)

        specs.append(PairSpec(str(item.get("name") or Path(item["target"]).stem),
                              resolve(item["source"]), resolve(item["target"]),
                              tuple(resolve(t) for t in termbase)))
    return specs


def _check_one(args: tuple[PairSpec, Config]) -> PairResult:
    from qa.runner import check_files

    spec, config = args
    config = replace(config, termbase=tuple(config.termbase) + spec.termbase)
    try:
        return PairResult(spec, report=check_files(spec.source, spec.target, config))
    except QAError as exc:
        return PairResult(spec, error=str(exc))


def _init_worker(segment_workers: int) -> None:
    """In each batch worker process: cap the processes that sentence segmentation may
    start, so pools do not nest (the calling process is left as it was)."""
    from qa.segment import limit_workers

    limit_workers(segment_workers)


def run_batch(specs: list[PairSpec], config: Config, jobs: int | None = None, *,
              segment_workers: int = 1) -> list[PairResult]:
    """Check every pair, in up to ``jobs`` parallel processes when there are several
    (default: one per CPU); each of them segments with at most ``segment_workers``
    processes (default 1: no nested pools)."""
    jobs = jobs or min(len(specs), os.cpu_count() or 1)
    work = [(spec, config) for spec in specs]
    if jobs <= 1 or len(specs) < 3:
        return [_check_one(item) for item in work]
    import multiprocessing

    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                             initializer=_init_worker, initargs=(segment_workers,)) as pool:
        return list(pool.map(_check_one, work))


def exit_code(results: list[PairResult]) -> int:
    """2 if any pair could not be checked, else 1 if any gate failed, else 0."""
    if any(r.error for r in results):
        return 2
    return 0 if all(r.report.gate.passed for r in results) else 1


def batch_verdict(results: list[PairResult]) -> str:
    """The verdict of a batch run: ``all passed``, or how many pairs failed their gate
    and how many could not be checked (``2 failed, 1 error``)."""
    failed = sum(1 for r in results if r.report is not None and not r.report.gate.passed)
    errors = sum(1 for r in results if r.error)
    if not failed and not errors:
        return "all passed"
    parts = [f"{failed} failed"] if failed else []
    parts += [f"{errors} error{'s' if errors != 1 else ''}"] if errors else []
    return ", ".join(parts)


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name).strip("_") or "pair"


def write_outputs(results: list[PairResult], out_dir: Path, formats: list[str]) -> list[Path]:
    """One report per pair and format, plus index.html and combined SARIF/JUnit/JSON."""
    from qa.report import EXTENSIONS, RENDERERS
    from qa.report.json_report import report_to_dict
    from qa.report.junit import render_junit_many
    from qa.report.sarif import sarif_log

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    rows = []
    for result in results:
        slug = _slug(result.spec.name)
        links = {}
        if result.report is not None:
            for fmt in formats:
                ext = "junit.xml" if fmt == "junit" else EXTENSIONS[fmt]
                path = out_dir / f"{slug}.{ext}"
                path.write_text(RENDERERS[fmt](result.report), encoding="utf-8")
                links[fmt] = path.name
                written.append(path)
        rows.append((result, links))
    reports = [r.report for r in results if r.report is not None]
    combined = {
        "version": 1,
        "pairs": [{"name": r.spec.name, "source": r.spec.source, "target": r.spec.target,
                   "error": r.error,
                   "report": report_to_dict(r.report) if r.report is not None else None}
                  for r in results],
        "passed": exit_code(results) == 0,
    }
    for name, content in (
            ("combined.json", json.dumps(combined, ensure_ascii=False, indent=2) + "\n"),
            ("combined.sarif", json.dumps(sarif_log(reports), ensure_ascii=False, indent=2) + "\n"),
            ("combined.junit.xml", render_junit_many(reports)),
            ("index.html", render_index(rows))):
        path = out_dir / name
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written


_INDEX = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>qa: {{ rows|length }} articles</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:1.5rem}table{border-collapse:collapse}
td,th{padding:.3rem .7rem;border-bottom:1px solid #ddd;text-align:left}
.passed{color:#2e7d32}.failed{color:#c0392b}.error{color:#8b0000;font-weight:600}</style></head>
<body><h1>qa: {{ rows|length }} articles — {{ verdict }}</h1>
<table><thead><tr><th>Article</th><th>Verdict</th><th>Score</th><th>critical</th><th>major</th>
<th>minor</th><th>info</th><th>Reports</th></tr></thead><tbody>
{% for result, links in rows %}<tr>
<td>{{ result.spec.name }}</td>
{% if result.error %}<td class="error" colspan="6">error: {{ result.error }}</td><td></td>
{% else %}{% set s = result.report.by_severity() %}
<td class="{{ result.report.gate.status }}">{{ result.report.gate.verdict }}</td>
<td>{{ result.report.score }}</td><td>{{ s.critical }}</td><td>{{ s.major }}</td><td>{{ s.minor }}</td><td>{{ s.info }}</td>
<td>{% for fmt, href in links.items() %}<a href="{{ href }}">{{ fmt }}</a> {% endfor %}</td>{% endif %}
</tr>{% endfor %}</tbody></table></body></html>
"""


def render_index(rows) -> str:
    from jinja2 import Environment

    verdict = batch_verdict([result for result, _ in rows])
    return Environment(autoescape=True).from_string(_INDEX).render(rows=rows, verdict=verdict)
