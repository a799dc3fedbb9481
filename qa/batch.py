"""Batch runs over many article pairs: a manifest (TOML or YAML) or a directory
convention (``<article>/de.* ↔ <article>/en.*``), run in parallel processes, one report
per pair plus an index and combined SARIF/JUnit/JSON, and one combined exit code.

Both ways find a pair's companions by the same rule (:func:`companions`): a
``terms.csv``/``terms.tbx`` beside the source is its termbase, a ``qa-baseline.json``
beside the translation (else beside the source) its baseline; a manifest may name them
instead (``termbase``, ``baseline``). A broken pair (unreadable file, bad or missing
termbase or baseline) is an error row for that pair; the others are still checked and
reported.
"""

from __future__ import annotations

import json
import os
import tomllib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from qa.baseline import FILE_NAME as BASELINE_FILE
from qa.config import Config
from qa.errors import ConfigError, QAError
from qa.io import LOADERS

SUPPORTED = tuple(LOADERS)  # every extension qa reads (text, Markdown, HTML, DOCX)
#: the termbase files a pair's folder may hold, in the order they are loaded
TERMBASE_FILES = ("terms.csv", "terms.tbx")


@dataclass(frozen=True)
class PairSpec:
    name: str
    source: str
    target: str
    termbase: tuple[str, ...] = ()
    #: the pair's baseline file; None: the run's ``baseline`` setting applies
    baseline: str | None = None
    #: one chunk of a big bilingual file's units (:func:`split_big_files`); None: the
    #: whole pair
    chunk: object | None = field(default=None, compare=False, repr=False)


@dataclass
class PairResult:
    spec: PairSpec
    report: object | None = None  # qa.model.Report
    error: str | None = None

    @property
    def passed(self) -> bool:
        """The pair was checked and its gate passed."""
        return self.report is not None and self.report.gate.passed


def companions(source: Path, target: Path) -> tuple[tuple[str, ...], str | None]:
    """A pair's termbases and baseline found beside it: ``terms.csv``/``terms.tbx`` in
    the source's folder; ``qa-baseline.json`` beside the translation, else beside the
    source (where the HTML report's Accept button is usually saved). The one rule of
    folder and manifest runs, so terminology checks and accepted findings never vanish
    because a pair was listed rather than discovered."""
    termbase = tuple(str(source.with_name(name)) for name in TERMBASE_FILES
                     if source.with_name(name).is_file())
    baseline = next((str(folder / BASELINE_FILE) for folder in (target.parent, source.parent)
                     if (folder / BASELINE_FILE).is_file()), None)
    return termbase, baseline


def discover(directory: Path, source_glob: str = "**/de.*") -> list[PairSpec]:
    """Pairs by convention: each source matching ``source_glob`` (``batch-glob`` in the
    config) with an ``en.*`` beside it (same extension preferred), and its
    :func:`companions`."""
    specs = []
    for source in sorted(directory.glob(source_glob)):
        if source.suffix.lower() not in SUPPORTED or not source.is_file():
            continue
        candidates = [source.with_name("en" + source.suffix)] + [
            source.with_name("en" + ext) for ext in SUPPORTED]
        target = next((c for c in candidates if c.is_file()), source.with_name("en" + source.suffix))
        termbase, baseline = companions(source, target)
        name = str(source.parent.relative_to(directory)) if source.parent != directory else source.stem
        specs.append(PairSpec(name, str(source), str(target), termbase, baseline))
    if not specs:
        raise QAError(f"{directory}: no article pairs found ({source_glob} with en.* beside)")
    return specs


def read_manifest(path: Path) -> list[PairSpec]:
    """``[[pair]]`` tables (TOML) or a ``pairs:`` list (YAML) with name, source, target
    (or ``file``, a bilingual file) and optional termbase (a path or a list) and
    baseline; relative paths are relative to the manifest. A pair that names no termbase
    or baseline gets its :func:`companions`."""
    from qa.io import read_bytes

    data = read_bytes(path)  # a regular file of bounded size (a FIFO would hang)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: invalid manifest (not UTF-8: byte 0x{data[exc.start]:02x} "
                          f"at offset {exc.start})") from None
    try:
        if path.suffix.lower() in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(text) or {}
        else:
            data = tomllib.loads(text)
    except Exception as exc:  # TOML or YAML syntax: one line naming the file
        raise ConfigError(f"{path}: invalid manifest ({str(exc).splitlines()[0]})") from None
    items = (data.get("pair") or data.get("pairs") or []) if isinstance(data, dict) else []
    if not isinstance(items, list) or not items:
        raise ConfigError(f"{path}: manifest lists no pairs ([[pair]] or pairs:)")
    base = path.resolve().parent
    return [_manifest_pair(item, k, path, base) for k, item in enumerate(items, 1)]


def _manifest_path(value: str, base: Path) -> str:
    """A manifest path resolved against the manifest's folder, then shown relative to
    the working directory when it lies under it (reports name repository files, not
    machine paths)."""
    from qa.report.locations import display_path

    return display_path(str(value if Path(value).is_absolute() else base / value))


def _manifest_pair(item, k: int, path: Path, base: Path) -> PairSpec:
    """One ``[[pair]]`` entry as a PairSpec (a malformed entry is one ConfigError line)."""
    if isinstance(item, dict) and "file" in item and "source" not in item and "target" not in item:
        return _manifest_bilingual(item, k, path, base)
    if not isinstance(item, dict) or "source" not in item or "target" not in item:
        raise ConfigError(f"{path}: pair {k} needs 'source' and 'target' (or 'file', a "
                          "bilingual file)")
    named = {key: item[key] for key in ("source", "target", "baseline") if key in item}
    termbase = item.get("termbase", [])
    termbase = [termbase] if isinstance(termbase, str) else termbase
    if not all(isinstance(v, str) and v for v in named.values()) or not isinstance(termbase, list) \
            or not all(isinstance(t, str) and t for t in termbase):
        raise ConfigError(f"{path}: pair {k}: source, target, baseline and termbase must be "
                          "file names (termbase may be a list of them)")
    source, target = (_manifest_path(named[key], base) for key in ("source", "target"))
    found_termbase, found_baseline = companions(Path(source), Path(target))
    return PairSpec(
        str(item.get("name") or Path(item["target"]).stem), source, target,
        tuple(_manifest_path(t, base) for t in termbase) if "termbase" in item else found_termbase,
        _manifest_path(named["baseline"], base) if "baseline" in item else found_baseline)


def _manifest_bilingual(item: dict, k: int, path: Path, base: Path) -> PairSpec:
    """A ``[[pair]]`` entry that names a bilingual file (``file``: XLIFF, PO, TMX), both
    languages in one: its source and target are that file; its termbase as named, else
    ``terms.csv``/``terms.tbx`` beside it; its baseline as named, else the one a single
    run on the file reads (:func:`qa.baseline.for_target`)."""
    from qa.bilingual import is_bilingual

    termbase = item.get("termbase", [])
    termbase = [termbase] if isinstance(termbase, str) else termbase
    named = [item["file"], *([item["baseline"]] if "baseline" in item else [])]
    if not all(isinstance(v, str) and v for v in named) or not isinstance(termbase, list) \
            or not all(isinstance(t, str) and t for t in termbase):
        raise ConfigError(f"{path}: pair {k}: file, baseline and termbase must be file names "
                          "(termbase may be a list of them)")
    if not is_bilingual(item["file"]):
        raise ConfigError(f"{path}: pair {k}: 'file' takes a bilingual file (.xlf/.xliff, .po, "
                          ".tmx); give a document pair as 'source' and 'target'")
    file = _manifest_path(item["file"], base)
    found_termbase, _ = companions(Path(file), Path(file))
    return PairSpec(
        str(item.get("name") or Path(item["file"]).stem), file, file,
        tuple(_manifest_path(t, base) for t in termbase) if "termbase" in item else found_termbase,
        _manifest_path(item["baseline"], base) if "baseline" in item else None)


def split_big_files(specs: list[PairSpec], config: Config) -> list[PairSpec]:
    """Each bilingual file of more than ``chunk_units`` units as one pair per chunk of
    that many (``memory units 1-5000``…: its own report, checked by any worker), the
    file read once here; other pairs as they are. A translation memory of a million
    units is then checked in parallel, each worker holding one chunk's analyses instead
    of one worker holding the whole file's; the checks that read a whole document read
    the chunk (a memory's units are independent, a chunk still thousands of them).

    A file with a baseline is checked whole: accepted findings are known by fingerprints
    numbered across the whole file, and a baseline entry is stale only if the whole
    file no longer has it."""
    from qa import baseline
    from qa.bilingual import is_bilingual, split_units

    out: list[PairSpec] = []
    for spec in specs:
        bilingual = spec.source == spec.target and is_bilingual(spec.source) \
            and Path(spec.source).is_file()
        accepted = bilingual and baseline.for_target(spec.baseline or config.baseline,
                                                     spec.source, bilingual=True)
        chunks = split_units(spec.source, config.chunk_units) \
            if bilingual and not accepted else None
        if not chunks:
            out.append(spec)
            continue
        out += [replace(spec, name=f"{spec.name} units {chunk.first}-{chunk.last}", chunk=chunk)
                for chunk in chunks]
    return out


def _missing_companion(spec: PairSpec) -> str | None:
    """One line naming a termbase or baseline of the pair (named in a manifest) that is
    not there, or None: checking without it would silently drop checks or acceptances."""
    for kind, name in [("termbase", t) for t in spec.termbase] + [("baseline", spec.baseline)]:
        if name is not None and not Path(name).is_file():
            return f"{name}: {kind} not found"
    return None


def _check_one(args: tuple[PairSpec, Config]) -> PairResult:
    """Check one pair with its own termbases (added to the run's) and baseline (instead
    of the run's); a problem with it is this pair's error row."""
    from qa.bilingual import check_bilingual, check_chunk, is_bilingual
    from qa.runner import check_files

    from qa.io import limit_input

    spec, config = args
    limit_input(config.max_input_mb)  # (a Ray worker is no child of the run's process)
    missing = _missing_companion(spec)
    if missing:
        return PairResult(spec, error=missing)
    config = replace(config, termbase=tuple(config.termbase) + spec.termbase,
                     baseline=spec.baseline or config.baseline)
    try:
        if spec.chunk is not None:
            return PairResult(spec, report=check_chunk(spec.source, spec.chunk, config))
        if spec.source == spec.target and is_bilingual(spec.source):
            return PairResult(spec, report=check_bilingual(spec.source, config))
        return PairResult(spec, report=check_files(spec.source, spec.target, config))
    except QAError as exc:
        return PairResult(spec, error=str(exc))
    except Exception as exc:  # a bug of qa's on this pair: its error row, not the batch's end
        if os.environ.get("QA_DEBUG"):
            raise
        return PairResult(spec, error=f"internal error: {type(exc).__name__}: {exc} "
                                      "(set QA_DEBUG=1 for a traceback and please report it)")


def _init_worker() -> None:
    """In each batch worker process: Ctrl-C is the calling process's to handle (workers
    that took it printed a traceback each)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_batch(specs: list[PairSpec], config: Config, jobs: int | None = None) -> list[PairResult]:
    """Check every pair, in up to ``jobs`` parallel processes when there are several
    (default: one per CPU)."""
    return _in_workers(_check_one, [(spec, config) for spec in specs], jobs)


def _record_one(args) -> object:
    """Check one pair and render its reports where it was checked (its
    :class:`~qa.scale.records.PairRecord`)."""
    from qa.scale.records import record_of

    spec, config, formats, show_accepted, quiet = args
    return record_of(_check_one((spec, config)), formats, show_accepted=show_accepted,
                     quiet=quiet)


def run_batch_records(specs: list[PairSpec], config: Config, formats: list[str], *,
                      show_accepted: bool = False, quiet: bool = False,
                      jobs: int | None = None) -> list:
    """Every pair's record (:func:`qa.scale.records.record_of`), each made in the worker
    that checked the pair, as a Ray checker makes it: the calling process receives
    rendered reports, not every pair's documents and findings to render one after
    another (a 100,000-unit memory in 20 chunks: the pool was no faster than one
    process, and its caller's memory held all 20 reports)."""
    return _in_workers(_record_one, [(spec, config, formats, show_accepted, quiet)
                                     for spec in specs], jobs)


def _in_workers(function, work: list, jobs: int | None) -> list:
    """``function`` over ``work`` in up to ``jobs`` worker processes (default: one per
    CPU; in this process for fewer than three items)."""
    jobs = jobs or min(len(work), os.cpu_count() or 1)
    if jobs <= 1 or len(work) < 3:
        return [function(item) for item in work]
    import multiprocessing

    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                               initializer=_init_worker)
    try:
        return list(pool.map(function, work))
    except KeyboardInterrupt:
        # stop at once: pairs not started are cancelled, workers ended (reports are
        # written only after every pair, atomically, so none is left half-written)
        workers = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in workers:
            process.terminate()
        raise
    finally:
        pool.shutdown(wait=True)


def exit_code(results) -> int:
    """2 if any pair could not be checked, else 1 if any gate failed, else 0 (of
    :class:`PairResult` or :class:`~qa.scale.records.PairRecord` items alike)."""
    if any(r.error for r in results):
        return 2
    return 0 if all(r.passed for r in results) else 1


def batch_verdict(results) -> str:
    """The verdict of a batch run: ``all passed``, or how many pairs failed their gate
    and how many could not be checked (``2 failed, 1 error``)."""
    failed = sum(1 for r in results if not r.error and not r.passed)
    errors = sum(1 for r in results if r.error)
    if not failed and not errors:
        return "all passed"
    parts = [f"{failed} failed"] if failed else []
    parts += [f"{errors} error{'s' if errors != 1 else ''}"] if errors else []
    return ", ".join(parts)


#: the batch's own files in the output folder: no pair's report may take their names
RESERVED_NAMES = frozenset({"index", "combined"})


def _unique_slugs(names: list[str]) -> list[str]:
    """A file name stem per pair, unique (``same``, ``same`` → ``same``, ``same-2``; ``a/b``
    and ``a_b`` no longer share one) and never one of the batch's own files."""
    # compared case-folded: on a case-insensitive file system (macOS, Windows) ``X.json``
    # is ``x.json``, and the second report would replace the first
    taken: set[str] = set()
    slugs = []
    for name in names:
        base = _slug(name)
        if base.casefold() in RESERVED_NAMES:
            base += "-pair"
        slug, k = base, 1
        while slug.casefold() in taken:
            k += 1
            slug = f"{base}-{k}"
        taken.add(slug.casefold())
        slugs.append(slug)
    return slugs


def refuse_inputs(out_dir: Path, specs: list[PairSpec], formats: list[str]) -> None:
    """Refuse, before writing anything, an output folder where a report would replace
    one of the run's input files (``--output-dir`` set to an article's own folder)."""
    from qa.paths import existing_files, replaces_input
    from qa.report import EXTENSIONS

    slugs = _unique_slugs([spec.name for spec in specs])
    inputs = existing_files(p for s in specs for p in (s.source, s.target, *s.termbase,
                                                       *filter(None, [s.baseline])))
    planned = [out_dir / f"{slug}.{EXTENSIONS[fmt]}" for slug in slugs for fmt in formats]
    planned += [out_dir / name for name in ("combined.json", "combined.sarif",
                                            "combined.junit.xml", "index.html")]
    for path in planned:
        if replaces_input(path, inputs):
            raise QAError(f"{out_dir}: the report {path.name} would replace an input file "
                          "there; give another --output-dir")
    from qa.paths import folder_problem

    problem = folder_problem(out_dir)
    if problem:
        raise QAError(f"{out_dir}: {problem}")


def _write(path: Path, text: str) -> None:
    """Write a report atomically; a link already at ``path`` is replaced, never followed
    (a batch must not write outside its output folder)."""
    from qa.paths import write_text_atomically

    try:
        write_text_atomically(path, text)
    except OSError as exc:
        raise QAError(f"{path}: cannot write ({exc.strerror or exc})") from None


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name).strip("_") or "pair"


def _finding_line(report, finding) -> str:
    """A compact linter line: ``path:line:col: severity CODE message``, placed as in the
    CI outputs (in the translation; the German place added for a source-only finding)."""
    from qa.report.locations import primary, related

    loc = primary(report, finding)
    line = (f"{loc.path}:{loc.start_line}:{loc.start_column}: {finding.severity.value} "
            f"{finding.code} {finding.message}")
    source = related(report, finding)
    if source is not None and not finding.target_span:
        line += f" [German: {source.path}:{source.start_line}:{source.start_column}]"
    return line


def _counted(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def pair_summary(result: PairResult) -> list[str]:
    """What a batch run prints for a checked pair: its verdict, score and counts, then
    every finding that blocks its gate as a linter line (indented), so a CI log says
    what failed and where without opening a report."""
    report = result.report
    counts = _counted(len(report.open_findings), "finding", "findings")
    if report.accepted_findings:
        counts += f" · {len(report.accepted_findings)} accepted"
    if report.stale:
        counts += " · " + _counted(len(report.stale), "stale baseline entry", "stale baseline entries")
    lines = [f"{result.spec.name}: {report.gate.verdict} · score {report.score:g} · {counts}"]
    lines += ["  " + _finding_line(report, f) for f in report.findings if report.gate.blocks(f)]
    return lines


def annotations(results: list[PairResult]) -> str:
    """GitHub annotations for every pair (a pair that could not be checked is an
    ``::error`` on its translation), for stdout, where GitHub Actions reads them."""
    from qa.report.github import error_annotation, render_github

    return "".join(render_github(r.report) if r.report is not None else error_annotation(
        r.spec.target, f"{r.spec.name} could not be checked: {r.error}") + "\n"
        for r in results)


def write_outputs(results: list[PairResult], out_dir: Path, formats: list[str], *,
                  show_accepted: bool = False, quiet: bool = False) -> list[Path]:
    """One report per pair and format (named by ``qa.report.EXTENSIONS``; text as
    ``--show-accepted`` and ``-q`` say), plus index.html and combined SARIF/JUnit/JSON."""
    from qa.scale.records import record_of

    refuse_inputs(out_dir, [result.spec for result in results], formats)
    return write_records([record_of(r, formats, show_accepted=show_accepted, quiet=quiet)
                          for r in results], out_dir, formats)


def write_records(records, out_dir: Path, formats: list[str]) -> list[Path]:
    """The files of a batch run from its pairs' :class:`~qa.scale.records.PairRecord`
    (in pair order): each pair's reports, index.html and combined SARIF/JUnit/JSON. The
    one writer of both executors, so a run rebuilt from a results store writes the same
    bytes as one that has just checked every pair."""
    from qa.report import EXTENSIONS

    slugs = _unique_slugs([record.name for record in records])
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise QAError(f"{out_dir}: cannot create the report folder ({exc.strerror or exc})") from None
    written = []
    rows = []
    for record, slug in zip(records, slugs):
        links = {}
        if record.error is None:
            for fmt in formats:
                path = out_dir / f"{slug}.{EXTENSIONS[fmt]}"
                _write(path, record.reports[fmt])
                links[fmt] = path.name
                written.append(path)
        rows.append((record, links))
    checked = [r for r in records if r.error is None]
    combined = {
        "version": 1,
        "pairs": [{"name": r.name, "source": r.source, "target": r.target, "error": r.error,
                   "report": r.json_report} for r in records],
        "passed": exit_code(records) == 0,
    }
    for name, content in (
            ("combined.json", json.dumps(combined, ensure_ascii=False, indent=2) + "\n"),
            ("combined.sarif", json.dumps(_sarif_log([r.sarif_run for r in checked]),
                                          ensure_ascii=False, indent=2) + "\n"),
            ("combined.junit.xml", _junit_xml([r.junit_suite for r in checked])),
            ("index.html", render_index(rows))):
        path = out_dir / name
        _write(path, content)
        written.append(path)
    return written


def _sarif_log(runs: list[dict]) -> dict:
    """One SARIF log of the pairs' runs (as :func:`qa.report.sarif.sarif_log` builds it)."""
    from qa.report.sarif import sarif_log

    return {**sarif_log([]), "runs": runs}


def _junit_xml(suites: list[str]) -> str:
    """combined.junit.xml from the pairs' ``<testsuite>`` elements, byte for byte as
    :func:`qa.report.junit.render_junit_many` writes the reports' tree."""
    body = f'<testsuites name="qa">{"".join(suites)}</testsuites>' if suites \
        else '<testsuites name="qa" />'
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


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
{% for record, links in rows %}<tr>
<td>{{ record.name }}</td>
{% if record.error %}<td class="error" colspan="6">error: {{ record.error }}</td><td></td>
{% else %}{% set s = record.severity %}
<td class="{{ record.status }}">{{ record.verdict }}</td>
<td>{{ record.score }}</td><td>{{ s.critical }}</td><td>{{ s.major }}</td><td>{{ s.minor }}</td><td>{{ s.info }}</td>
<td>{% for fmt, href in links.items() %}<a href="{{ href }}">{{ fmt }}</a> {% endfor %}</td>{% endif %}
</tr>{% endfor %}</tbody></table></body></html>
"""


def render_index(rows) -> str:
    from jinja2 import Environment

    verdict = batch_verdict([record for record, _ in rows])
    return Environment(autoescape=True).from_string(_INDEX).render(rows=rows, verdict=verdict)
