"""Command line: arguments → Config → runner → reporter → exit code. The one place that exits.

Exit codes: 0 the gate passed, 1 the gate failed, 2 a usage, input or configuration
error (one line on stderr, never a traceback). Heavy modules are imported inside the
command functions so that ``qa --version`` starts instantly.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import replace
import sys
from pathlib import Path
from typing import Iterable

from qa import __version__, options
from qa.errors import QAError

EXIT_PASSED, EXIT_FAILED, EXIT_ERROR = 0, 1, 2
#: the exit status a command has decided before it writes its output: what a closed
#: stdout (``qa check … | head -1``) must still return, so a failed gate never passes
_PENDING_EXIT = EXIT_PASSED


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise QAError(f"{message} (see `{self.prog} --help`)")


def build_parser() -> argparse.ArgumentParser:
    from qa.baseline import FILE_NAME as BASELINE_FILE

    parser = _Parser(
        prog="qa",
        description="Check German→English translations: align the documents sentence by "
                    "sentence and report what went wrong where. `qa checks` lists the checks. "
                    "Exit status: 0 gate passed, 1 gate failed, 2 usage/input/config error.")
    parser.add_argument("--version", action="version", version=f"qa {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = sub.add_parser(
        "check", help="check a translation against its source",
        description="Check TARGET (English) against SOURCE (German) and report findings. "
                    "Settings come from [tool.qa] in the nearest pyproject.toml, then "
                    "--config FILE, then these flags.",
        epilog="Settings without a flag, for [tool.qa] or --config FILE: "
               f"{', '.join(options.config_only_keys())} (`qa config --show` lists every "
               "setting and where it was set); a check's tuned constants under "
               "[tool.qa.checks.CODE] (`qa checks` lists them).")
    check.add_argument("source", metavar="SOURCE",
                       help="German source (.txt, .md, .html or .docx); or, alone, a bilingual "
                            "file (.xlf/.xliff, .po, .tmx), a folder of "
                            "<article>/de.* + en.* pairs or a manifest (.toml/.yaml) for a batch run")
    check.add_argument("target", metavar="TARGET", nargs="?",
                       help="English translation (.txt, .md, .html or .docx)")
    check.add_argument("-o", "--output", action="append", metavar="FILE",
                       help="write the report to FILE instead of stdout (one per --format)")
    check.add_argument("--output-dir", metavar="DIR",
                       help="write every --format to DIR/<target name>.<ext>")
    check.add_argument("--config", metavar="FILE", help="TOML file with qa settings")
    check.add_argument("-q", "--quiet", action="store_true",
                       help="no progress bar, and no lines about skipped checks in text output")
    check.add_argument("--show-accepted", action="store_true",
                       help="text output also lists the findings the baseline accepts")
    options.add_arguments(check.add_argument_group(
        "settings", "each flag sets a key of [tool.qa] (--no-mt: mt = false)"))

    baseline = sub.add_parser(
        "baseline", help="accept the current findings: write a baseline file for --baseline",
        description="Check TARGET against SOURCE and record every finding as accepted in a "
                    "baseline file (JSON, sorted, one entry per finding; commit it beside "
                    "the translation). `qa check --baseline FILE` then lists those findings "
                    "as accepted and they never fail the gate. Entries of an existing "
                    "baseline (-o, or --baseline) that still match keep their reason, "
                    "author and date; entries of checks that ran which match nothing are "
                    "dropped (those of checks that did not run are kept).")
    _pair_arguments(baseline)
    baseline.add_argument("-o", "--output", metavar="FILE",
                          help=f"the baseline file (default: {BASELINE_FILE} beside TARGET)")
    baseline.add_argument("--reason", default="", help="why these findings are acceptable")
    baseline.add_argument("--by", default=None,
                          help="who accepts them (default: git user.name, else the login name)")
    options.add_arguments(baseline.add_argument_group("settings", "as for qa check (--baseline FILE: the "
                          "existing baseline, else the -o file if it exists)"),
                          leave_out=("format",))

    fix = sub.add_parser(
        "fix", help="apply the safe fixes to a copy of the translation",
        description="Check TARGET against SOURCE and write a corrected copy applying every "
                    "safe fix (quotation marks, apostrophes, number formats, forbidden "
                    "terms, HTML entities, mojibake): each replaces exactly its span, "
                    "nothing else changes. Prints a unified diff and re-checks the result. "
                    "Exit status: 0 the corrected copy passes the gate, 1 it still fails.")
    _pair_arguments(fix)
    fix.add_argument("-o", "--output", metavar="FIXED", help="where the corrected copy goes")
    fix.add_argument("--in-place", action="store_true",
                     help="overwrite TARGET with the corrected copy (instead of -o)")
    options.add_arguments(fix.add_argument_group(
        "settings", "as for qa check (--select CHECK: apply only these checks' fixes)"),
        leave_out=("format",))

    checks = sub.add_parser("checks", help="list the checks (generated from the registry)")
    checks.add_argument("--format", choices=("text", "json", "markdown"), default="text")

    models = sub.add_parser("models", help="list, download or convert MT models")
    models_sub = models.add_subparsers(dest="models_command", metavar="ACTION",
                                       parser_class=_Parser)
    listing = models_sub.add_parser("list", help="which MT models are available locally, and where")
    listing.add_argument("--mt-model", action="append", metavar="MODEL",
                         help="also look for this folder or id")
    models_sub.add_parser("download", help="fetch the default OPUS-MT models into the Hugging "
                                           "Face cache (the one command that uses the network)")
    convert = models_sub.add_parser("convert", help="convert a local transformers Marian folder "
                                                    "for the ctranslate2 backend")
    convert.add_argument("source", metavar="MODEL", help="folder or cached Hugging Face id")
    convert.add_argument("output", metavar="FOLDER", help="where to write the converted model")
    convert.add_argument("--quantization", default="int8",
                         choices=("int8", "int8_float16", "float16", "float32"))

    evaluate = sub.add_parser("eval", help="measure accuracy on the shared evaluation data "
                                           "(DEMETR, WMT, terminology, NMT errors, DFKI)")
    evaluate.add_argument("data", metavar="DATA", nargs="?", default="../shared/data",
                          help="folder holding demetr/, wmt21-news-deen/, … (default ../shared/data)")
    evaluate.add_argument("--out", metavar="DIR", default="docs",
                          help="where accuracy.md and accuracy.json go (default docs/)")
    evaluate.add_argument("--limit", type=int, default=100_000,
                          help="at most this many segments per dataset")
    evaluate.add_argument("--no-mt", action="store_true",
                          help="skip the second pass with the MT checks")
    evaluate.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")

    config = sub.add_parser("config", help="show the effective configuration")
    config.add_argument("--show", action="store_true", help="print the effective config")
    config.add_argument("--config", metavar="FILE", help="TOML file with qa settings")
    return parser


def _pair_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="SOURCE",
                        help="German source (.txt, .md, .html or .docx), or alone a bilingual "
                             "file (.xlf/.xliff, .po, .tmx)")
    parser.add_argument("target", metavar="TARGET", nargs="?",
                        help="English translation (.txt, .md, .html or .docx)")
    parser.add_argument("--config", metavar="FILE", help="TOML file with qa settings")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def _write_output(text: str | Iterable[str], output: str | None, protected: list[str]) -> None:
    """Write ``text`` (a string, or parts written one after another) to ``output``
    (stdout for None or ``-``), never over an input file. A regular file is written
    atomically (a temporary file beside it, renamed into place): a file that exists
    keeps its permissions, a symbolic link is written through (its target is replaced,
    the link stays), and a read-only file is refused. A FIFO or a character device
    (``/dev/stdout``, a link to ``/proc/self/fd/1``) is written as it is, never
    replaced by a regular file."""
    if output is None or output == "-":
        for part in [text] if isinstance(text, str) else text:
            sys.stdout.write(part)
        sys.stdout.flush()
        return
    _refuse_input(output, protected)
    out = Path(output)
    if out.is_dir():
        raise QAError(f"{output}: is a directory, expected a file name")
    if _is_stream(out):
        _stream_to(out, text, output)
        return
    if out.is_symlink():
        out = out.resolve()
    if out.exists() and not out.stat().st_mode & 0o222:
        raise QAError(f"{output}: is read-only; refusing to replace it")
    from qa.paths import write_text_atomically

    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomically(out, text, mode_of=out if out.exists() else None)
    except OSError as exc:
        raise QAError(f"{output}: cannot write ({exc.strerror or exc})") from None


def _is_stream(path: Path) -> bool:
    """Whether ``path`` (links followed) is a FIFO or a character device: written to as
    it is, as a shell redirection would (``-o /dev/stdout``, a named pipe)."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


def _stream_to(path: Path, text: str | Iterable[str], output: str) -> None:
    """Write ``text`` into the FIFO or device at ``path`` without replacing it."""
    try:
        with open(path, "w", encoding="utf-8", newline="") as stream:
            stream.writelines([text] if isinstance(text, str) else text)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise QAError(f"{output}: cannot write ({exc.strerror or exc})") from None


def _cmd_check(args: argparse.Namespace) -> int:
    from qa.bilingual import is_bilingual
    from qa.config import load_config
    from qa.io import LOADERS
    from qa.report import render_parts

    config = load_config(args.config, options.flag_values(args))
    _bound_inputs(args, config)
    if args.target is None and not is_bilingual(args.source):
        if Path(args.source).suffix.lower() in LOADERS and Path(args.source).is_file():
            raise QAError(f"{args.source}: give SOURCE and TARGET (one argument is a bilingual "
                          "file, a folder of article pairs or a manifest)")
        return _batch(args, config)
    if config.executor == "ray" and config.origins.get("executor") == "command line":
        if args.target is None:  # one bilingual file: its chunks, if any, go to the cluster
            from qa.batch import PairSpec, companions, split_big_files

            where = Path(args.source)
            chunks = split_big_files([PairSpec(where.stem, str(where), str(where),
                                               companions(where, where)[0])], config)
            if len(chunks) > 1:
                return _batch(args, config, chunks)
        print("qa: note: --executor ray distributes batch runs (a folder, a manifest, or a "
              "bilingual file of more than chunk-units units); this is checked here",
              file=sys.stderr)
    targets = _output_plan(args, config)
    report = _check(args, config)
    protected = _inputs(args, config)
    global _PENDING_EXIT
    _PENDING_EXIT = EXIT_PASSED if report.gate.passed else EXIT_FAILED
    for fmt, output in targets:
        parts = render_parts(report, fmt, show_accepted=args.show_accepted, quiet=args.quiet)
        _write_output(parts, output, protected)
    return EXIT_PASSED if report.gate.passed else EXIT_FAILED


def _cmd_baseline(args: argparse.Namespace) -> int:
    from qa import baseline
    from qa.config import load_config

    config = load_config(args.config, options.flag_values(args))
    _bound_inputs(args, config)
    translation = args.target or args.source  # a bilingual file is both
    output = (Path(args.output) if args.output else
              baseline.default_path(translation, bilingual=args.target is None))
    # every input but the baseline itself, which this command exists to rewrite
    inputs = [path for path in _inputs(args, config) if path != config.baseline]
    _refuse_input(str(output), inputs)
    # the existing baseline: --baseline (or [tool.qa]), else the file being rewritten
    existing = config.baseline or (str(output) if output.is_file() else "none")
    report = _check(args, replace(config, baseline=existing))
    entries = baseline.entries_for(report.findings, report.source, report.target,
                                   reason=args.reason, by=_who(args.by))
    _write_output(baseline.render([*entries, *report.dormant]), str(output), inputs)
    total = len(entries) + len(report.dormant)
    new = len(report.open_findings)
    print(f"{output}: {total} accepted finding{'s' if total != 1 else ''} ({new} new, "
          f"{total - new} kept" + (f", {len(report.stale)} stale dropped" if report.stale else "")
          + ")")
    return EXIT_PASSED


def _check(args: argparse.Namespace, config):
    """The report of SOURCE and TARGET, or of SOURCE alone when it is a bilingual file
    (XLIFF, PO, TMX); a single argument that is not one is a usage error."""
    from qa.bilingual import check_bilingual, is_bilingual
    from qa.runner import check_files

    if args.target is not None:
        if is_bilingual(args.source) or is_bilingual(args.target):
            raise QAError("a bilingual file (.xlf/.xliff, .po, .tmx) holds both languages: "
                          "give it alone (qa check FILE)")
        return check_files(args.source, args.target, config, quiet=args.quiet)
    if not is_bilingual(args.source):
        raise QAError(f"{args.source}: give SOURCE and TARGET (one argument is read only as a "
                      "bilingual file: .xlf/.xliff, .po, .tmx)")
    return check_bilingual(args.source, config, quiet=args.quiet)


def _who(given: str | None) -> str:
    """Who accepts: as given, else git's user.name, else the login name."""
    if given is not None:
        return given
    import getpass
    import subprocess

    try:
        name = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True,
                              timeout=5).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        name = ""
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name (a container without a passwd entry)
        return ""


def _cmd_fix(args: argparse.Namespace) -> int:
    from qa.config import load_config
    from qa.fixes import apply_fixes, fixable
    from qa.runner import TARGET_LANG, check_documents, check_files, load_document

    if args.target is None:
        raise QAError(f"{args.source}: qa fix rewrites a plain-text or Markdown translation "
                      "(SOURCE TARGET); for a bilingual file apply the suggestions in its CAT tool")
    if args.in_place and args.output:
        raise QAError("give -o FIXED or --in-place, not both")
    if not args.in_place and not args.output:
        raise QAError("say where the corrected copy goes: -o FIXED, or --in-place to "
                      "overwrite TARGET")
    flags = options.flag_values(args)
    config = load_config(args.config, flags)
    # --select names the checks whose fixes apply; the re-check runs every check the
    # configuration runs, so a corrected copy never passes on a narrowed gate
    recheck_config = load_config(args.config, {**flags, "select": None})
    _bound_inputs(args, config)
    output = args.target if args.in_place else args.output
    protected = [path for path in _inputs(args, config)
                 if not (args.in_place and path == args.target)]
    _refuse_input(output, protected)
    report = check_files(args.source, args.target, config, quiet=args.quiet)
    if not report.target.is_file_text and report.target.format in ("txt", "md"):
        raise QAError(f"{args.target}: written with decomposed characters (o + U+0308 for "
                      "ö); qa fix rewrites only what it changes, so compose the file first "
                      "(Unicode NFC, e.g. uconv -x any-nfc)")
    if not report.target.is_file_text:
        raise QAError(f"{args.target}: qa fix rewrites plain-text and Markdown files; for "
                      f"{report.target.format.upper()} apply the suggestions in its editor")
    result = apply_fixes(report.target.text, fixable(report.findings))
    _write_output(("\ufeff" if report.target.bom else "") + result.text, output, protected)
    sys.stdout.writelines(_unified_diff(report.target.text, result.text, args.target, output))
    fixed = check_documents(report.source, load_document(output, TARGET_LANG), recheck_config)
    applied, remaining = len(result.applied), len(fixed.open_findings)
    skipped = f", {len(result.overlapping)} overlapping left out" if result.overlapping else ""
    print(f"{output}: {applied} fix{'es' if applied != 1 else ''} applied{skipped} · "
          f"re-check: {remaining} finding{'s' if remaining != 1 else ''} · score "
          f"{fixed.score:g} · gate {fixed.gate.verdict}", file=sys.stderr)
    return EXIT_PASSED if fixed.gate.passed else EXIT_FAILED


def _refuse_input(output: str, protected: list[str]) -> None:
    """Refuse, before any work, to write over one of the run's input files (however the
    output is spelled: ``missing/../en.txt`` is ``en.txt``)."""
    from qa.paths import existing_files, replaces_input

    if replaces_input(output, existing_files(protected)):
        raise QAError(f"{output}: refusing to overwrite an input file")


def _bound_inputs(args: argparse.Namespace, config) -> None:
    """Before any work: take the run's size limit for input files (``max-input-mb``),
    and refuse an input of the run that is there but no regular file: a FIFO with no
    writer would block the run forever, ``/dev/zero`` never ends, a folder is a mistake.
    (The documents are also checked where they are read; this covers the lexicon,
    residue patterns and baseline, whose readers do not check.)"""
    from qa.io import limit_input

    limit_input(config.max_input_mb)
    for path in _inputs(args, config):
        where = Path(path)
        if where.exists() and not where.is_file() and not (
                where.is_dir() and path in (args.source, getattr(args, "target", None))):
            raise QAError(f"{path}: is not a regular file (a folder, a pipe or a device); "
                          "give a file")


def _inputs(args: argparse.Namespace, config) -> list[str]:
    """Every file a run reads: the documents, termbases, baseline, lexicon, residue
    patterns and the configuration file given."""
    return [path for path in (args.source, getattr(args, "target", None), config.baseline,
                              config.lexicon, config.residue_patterns,
                              getattr(args, "config", None), *config.termbase)
            if path and path != "none"]


def _unified_diff(before: str, after: str, old_name: str, new_name: str) -> list[str]:
    """A unified diff as diff(1) writes it, with its marker for a last line that has no
    newline."""
    import difflib

    lines = []
    for line in difflib.unified_diff(before.splitlines(keepends=True),
                                     after.splitlines(keepends=True),
                                     fromfile=old_name, tofile=new_name):
        lines.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return lines


def _batch(args: argparse.Namespace, config, chunks: list | None = None) -> int:
    """Many pairs: reports per pair + index + combined outputs under --output-dir; on
    stdout each pair's verdict and blocking findings, and with --format github every
    pair's annotations (GitHub Actions reads them from stdout only). ``executor`` says
    where the pairs are checked: this machine's process pool, or a Ray cluster
    (:mod:`qa.scale`), which keeps every result in a store and resumes from it.
    ``chunks``: the pairs of one bilingual file split into chunks (``--executor ray`` on
    the file), instead of a folder's or manifest's."""
    from qa.batch import (batch_verdict, discover, exit_code, read_manifest, refuse_inputs,
                          run_batch_records, split_big_files, write_records)
    from qa.text import escape_controls

    where = Path(args.source)
    if chunks is not None:
        specs = chunks
    elif where.is_dir():
        specs = discover(where, config.batch_glob)
    elif where.is_file():
        specs = read_manifest(where)
    else:
        raise QAError(f"{args.source}: not found (a batch run takes a folder or a manifest)")
    if args.output:
        raise QAError("a batch run writes to --output-dir DIR (default reports/), not -o")
    formats = args.format or ["json", "html"]
    out_dir = Path(args.output_dir or "reports")
    if chunks is None:
        specs = split_big_files(specs, config)
    refuse_inputs(out_dir, specs, formats)
    if config.executor == "ray":
        from qa.scale.ray_run import run_on_ray

        records = run_on_ray(specs, config, out_dir, formats, show_accepted=args.show_accepted,
                             quiet=args.quiet)
    else:
        records = run_batch_records(specs, config, formats, show_accepted=args.show_accepted,
                                    quiet=args.quiet)
    global _PENDING_EXIT
    _PENDING_EXIT = exit_code(records)
    write_records(records, out_dir, formats)
    if "github" in formats:
        sys.stdout.write("".join(record.annotations for record in records))
    # pair names, file names and quoted sentences are the documents' text: their escape
    # sequences are shown escaped, never sent to the terminal
    for record in records:
        if record.error:
            print(escape_controls(f"{record.name}: error: {record.error}"), file=sys.stderr)
        else:
            print(escape_controls("\n".join(record.summary)))
    print(escape_controls(f"{len(records)} pairs → {out_dir}/index.html · "
                          f"{batch_verdict(records)}"))
    return exit_code(records)


def _output_plan(args: argparse.Namespace, config) -> list[tuple[str, str | None]]:
    """(format, file or None for stdout) for every requested output, checked up front."""
    from qa.report import EXTENSIONS

    outputs = args.output or []
    formats = args.format or _formats_of(outputs) or [config.format]
    if args.output_dir:
        from qa.paths import folder_problem

        if outputs:
            raise QAError("give either -o FILE or --output-dir DIR, not both")
        problem = folder_problem(Path(args.output_dir))
        if problem:
            raise QAError(f"{args.output_dir}: {problem}")
        stem = Path(args.target or args.source).stem
        plan = [(fmt, str(Path(args.output_dir) / f"{stem}.{EXTENSIONS[fmt]}"))
                for fmt in dict.fromkeys(formats)]
        _refuse_shared_outputs(plan)
        return plan
    if len(formats) > 1:
        if len(outputs) != len(formats):
            raise QAError(f"{len(formats)} formats need {len(formats)} -o FILE options "
                          "(in the same order) or --output-dir DIR")
        plan = list(zip(formats, outputs))
        _refuse_shared_outputs(plan)
        return plan
    if len(outputs) > 1:
        raise QAError("several -o FILE options need as many --format options")
    return [(formats[0], outputs[0] if outputs else None)]


def _refuse_shared_outputs(plan: list[tuple[str, str | None]]) -> None:
    """Refuse, before any check runs, two outputs that land on one file (``-o r.txt``
    twice, ``r.txt`` and ``./r.txt``): the second report would silently replace the
    first. Stdout (``-`` or no -o) may take several formats."""
    seen: dict[Path, str] = {}
    for fmt, output in plan:
        if output is None or output == "-":
            continue
        where = Path(os.path.abspath(output)).resolve()
        if where in seen:
            raise QAError(f"{output}: the {seen[where]} and {fmt} reports would both be "
                          "written there; give each format its own file")
        seen[where] = fmt


def _formats_of(outputs: list[str]) -> list[str]:
    """The formats the -o files' extensions name (``report.html`` → html), when every
    one names one; else [] (the configured format applies)."""
    from qa.report import FORMAT_OF_SUFFIX

    formats = [FORMAT_OF_SUFFIX.get(Path(output).suffix.lower()) for output in outputs]
    return formats if formats and all(formats) else []  # type: ignore[return-value]


def _cmd_checks(args: argparse.Namespace) -> int:
    from qa.reference import render_reference

    sys.stdout.write(render_reference(args.format))
    return EXIT_PASSED


def _cmd_config(args: argparse.Namespace) -> int:
    from qa.config import load_config, render_config

    config = load_config(args.config)
    sys.stdout.write(render_config(config))
    return EXIT_PASSED


def _cmd_models(args: argparse.Namespace) -> int:
    from qa.mt import DEFAULT_MODELS
    from qa.mt.models import find_model

    if args.models_command == "list":
        wanted = [(d, m) for d, m in DEFAULT_MODELS.items()]
        wanted += [("given", m) for m in (args.mt_model or [])]
        for direction, model in wanted:
            found = find_model(model)
            where = f"{found.path} ({found.kind}, rev {found.revision})" if found else "not found"
            print(f"{direction:8} {model}: {where}")
        return EXIT_PASSED
    if args.models_command == "download":
        try:
            from huggingface_hub import snapshot_download
        except ImportError:
            raise QAError("huggingface_hub is not installed: pip install 'qa-de-en[mt]'") from None
        for model in DEFAULT_MODELS.values():
            try:
                path = snapshot_download(model)
            except Exception as exc:  # offline, proxy, hub down: one clear line
                raise QAError(f"could not download {model}: {type(exc).__name__}: "
                              f"{str(exc).splitlines()[0] if str(exc) else 'no network?'}") from None
            print(f"{model}: {path}")
        return EXIT_PASSED
    if args.models_command == "convert":
        from pathlib import Path as _Path

        from qa.mt.ct2 import convert

        found = find_model(args.source)
        if found is None or found.kind != "transformers":
            raise QAError(f"{args.source}: no local transformers model there (see `qa models list`)")
        output = convert(found.path, _Path(args.output), args.quantization)
        print(f"converted {args.source} → {output} ({args.quantization})")
        return EXIT_PASSED
    raise QAError("say `qa models list`, `qa models download` or `qa models convert`")


def _cmd_eval(args: argparse.Namespace) -> int:
    from qa.evaluation.accuracy import evaluate_all

    command = "qa eval" + (f" {args.data}" if args.data != "../shared/data" else "") + (
        f" --limit {args.limit}" if args.limit != 100_000 else "") + (" --no-mt" if args.no_mt else "")
    path = evaluate_all(Path(args.data), Path(args.out), args.limit, command, mt=not args.no_mt,
                        log=lambda line: None if args.quiet else print(line, file=sys.stderr))
    sys.stdout.write(path.read_text(encoding="utf-8"))
    return EXIT_PASSED


COMMANDS = {"check": _cmd_check, "baseline": _cmd_baseline, "fix": _cmd_fix,
            "checks": _cmd_checks, "config": _cmd_config, "models": _cmd_models,
            "eval": _cmd_eval}


def _one_line(message: str) -> str:
    """An error message as one line of the terminal: a file name or a quoted line may
    hold newlines and escape sequences (``en\x1b[2J.txt``), which are written out."""
    from qa.text import escape_controls

    return escape_controls(message.replace("\r", " ").replace("\n", " "))


def main(argv: list[str] | None = None) -> int:
    global _PENDING_EXIT
    _PENDING_EXIT = EXIT_PASSED
    from qa.io import limit_input

    limit_input(None)  # a run's max-input-mb is its own: none left over from a run before
    try:
        return _main(argv)
    finally:
        limit_input(None)


def _main(argv: list[str] | None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # an ASCII terminal or PYTHONIOENCODING=ascii: reports keep their characters
        # as escapes instead of ending in an encoding error
        if hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(sys.stderr)
            return EXIT_ERROR
        return COMMANDS[args.command](args)
    except QAError as exc:
        print(f"qa: error: {_one_line(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("qa: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # stdout closed early (| head): not an error of ours, but the verdict stands
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return _PENDING_EXIT
    except Exception as exc:  # a bug in qa: one line, traceback only on request
        if os.environ.get("QA_DEBUG"):
            raise
        print(f"qa: internal error: {type(exc).__name__}: {_one_line(str(exc))} "
              "(set QA_DEBUG=1 for a traceback and please report it)", file=sys.stderr)
        return EXIT_ERROR
