"""The command line: exit codes, outputs, one-line errors, determinism, start-up cost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from conftest import CORPORA, REPO
from qa.cli import main

PAIR = CORPORA / "france-politics"
SCHEMA = json.loads((REPO / "qa" / "schemas" / "report-v1.schema.json").read_text())


def run(argv, capsys):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_pair_passes_with_exit_0(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["check", PAIR / "de.txt", PAIR / "en.txt",
                          "--termbase", PAIR / "terms.csv"], capsys)
    assert code == 0, err
    assert "gate passed" in out


def test_defective_pair_fails_with_exit_1_and_linter_lines(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(["check", PAIR / "de.txt", PAIR / "en.defective.txt",
                        "--termbase", PAIR / "terms.csv", "--severity-policy", "declared"], capsys)
    assert code == 1
    lines = [l for l in out.splitlines() if " OMA01 " in l or " ADA01 " in l]
    assert lines
    for line in lines:
        location, rest = line.split(": ", 1)
        path, row, col = location.rsplit(":", 2)
        assert Path(path).name in ("de.txt", "en.defective.txt")
        assert int(row) >= 1 and int(col) >= 1
        severity, category, code_, _message = rest.split(" ", 3)
        assert severity == "major" and category in ("omission", "addition")


def test_fail_on_never_and_critical(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    args = ["check", PAIR / "de.txt", PAIR / "en.defective.txt"]
    assert run(args + ["--fail-on", "never"], capsys)[0] == 0
    assert run(args + ["--fail-on", "critical"], capsys)[0] == 0
    assert run(args + ["--fail-on", "minor"], capsys)[0] == 1


def test_min_score_fails_a_clean_gate(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    args = ["check", PAIR / "de.txt", PAIR / "en.defective.txt", "--fail-on", "never"]
    code, out, _ = run(args + ["--min-score", "99"], capsys)
    assert code == 1 and "below minimum 99" in out


def test_json_output_matches_schema_and_is_deterministic(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out_file = tmp_path / "reports" / "r.json"
    args = ["check", PAIR / "de.txt", PAIR / "en.defective.txt", "--termbase", PAIR / "terms.csv",
            "--format", "json", "-o", out_file]
    assert run(args, capsys)[0] == 1
    first = out_file.read_bytes()
    assert run(args, capsys)[0] == 1
    assert out_file.read_bytes() == first
    report = json.loads(first)
    jsonschema.validate(report, SCHEMA)
    assert report["summary"]["passed"] is False
    assert report["summary"]["fail_on"] == "major"
    source_text = (PAIR / "de.txt").read_text(encoding="utf-8")
    for finding in report["findings"]:
        if finding["source_span"]:
            a, b = finding["source_span"]
            assert source_text[a:b]
    for seg in report["segments"]:
        if seg["source_span"]:
            a, b = seg["source_span"]
            assert source_text[a:b] == seg["source"]


def test_json_to_stdout_diagnostics_to_stderr(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["check", PAIR / "de.txt", PAIR / "en.txt", "--format", "json"], capsys)
    assert code == 0 and err == ""
    jsonschema.validate(json.loads(out), SCHEMA)


@pytest.mark.parametrize("content,needle", [
    (b"", "empty"),
    (b"\xff\xfeG\x00r\x00", "binary"),
    (b"Gr\xfc\xdfe aus M\xfcnchen, sagte er.", "UTF-8"),
])
def test_bad_input_is_one_line_exit_2(capsys, tmp_path, monkeypatch, write, content, needle):
    monkeypatch.chdir(tmp_path)
    bad = write("bad.txt", content)
    code, out, err = run(["check", PAIR / "de.txt", bad], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and needle in err and "bad.txt" in err
    assert "Traceback" not in err


def test_missing_file_and_bad_flag(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(["check", PAIR / "de.txt", tmp_path / "missing.txt"], capsys)
    assert code == 2 and "file not found" in err and err.count("\n") == 1
    code, _, err = run(["check", PAIR / "de.txt", PAIR / "en.txt", "--fail-on", "sometimes"], capsys)
    assert code == 2 and err.count("\n") == 1


def test_swapped_languages_are_refused(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(["check", PAIR / "en.txt", PAIR / "de.txt"], capsys)
    assert code == 2 and "looks German" in err and "swapped" in err
    code, _, err = run(["check", PAIR / "de.txt", PAIR / "de.txt"], capsys)
    assert code == 2 and "looks German" in err


def test_unrelated_target_gives_one_critical_finding(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    other = CORPORA / "business-windpower" / "en.txt"
    code, out, _ = run(["check", PAIR / "de.txt", other, "--format", "json",
                        "--severity-policy", "declared"], capsys)
    report = json.loads(out)
    assert code == 1
    assert [f["code"] for f in report["findings"]] == ["ALN01"]
    assert report["findings"][0]["severity"] == "critical"


def test_bad_termbase_is_exit_2(capsys, tmp_path, monkeypatch, write):
    monkeypatch.chdir(tmp_path)
    tb = write("terms.csv", "german,english\nA,B\n")
    code, _, err = run(["check", PAIR / "de.txt", PAIR / "en.txt", "--termbase", tb], capsys)
    assert code == 2 and "'de' and 'en'" in err
    code, _, err = run(["check", PAIR / "de.txt", PAIR / "en.txt", "--termbase",
                        tmp_path / "none.csv"], capsys)
    assert code == 2 and "file not found" in err


def test_checks_reference_lists_the_registry(capsys):
    from qa.checks import ALL_CHECKS

    code, out, _ = run(["checks"], capsys)
    assert code == 0
    for cls in ALL_CHECKS:
        assert cls.code in out and cls.name in out
    code, out, _ = run(["checks", "--format", "json"], capsys)
    assert [r["code"] for r in json.loads(out)] == [c.code for c in ALL_CHECKS]


def test_python_dash_m_and_version():
    result = subprocess.run([sys.executable, "-m", "qa", "--version"], capture_output=True,
                            text=True, cwd=REPO)
    assert result.returncode == 0 and result.stdout.startswith("qa ")


def test_version_imports_nothing_heavy():
    code = ("import sys; from qa.cli import main\n"
            "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('numpy', 'pysbd', 'torch', 'transformers', 'qa.align') "
            "if m in sys.modules]\nprint(heavy)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=REPO)
    assert result.stdout.strip().endswith("[]"), result.stdout + result.stderr


def test_no_command_is_usage_error(capsys):
    code, _, err = run([], capsys)
    assert code == 2 and "usage" in err


# ── the review loop: qa baseline, --baseline, --show-accepted, qa fix ──


def test_baseline_command_then_check_passes(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    pair = ["--termbase", PAIR / "terms.csv", "--no-mt"]
    code, out, err = run(["baseline", PAIR / "de.txt", PAIR / "en.defective.txt", *pair,
                          "-o", "qa-baseline.json", "--reason", "read by the desk",
                          "--by", "Ed"], capsys)
    assert code == 0, err
    assert "qa-baseline.json:" in out and "new" in out
    entries = json.loads(Path("qa-baseline.json").read_text())["entries"]
    assert entries and {e["reason"] for e in entries} == {"read by the desk"}
    code, out, _ = run(["check", PAIR / "de.txt", PAIR / "en.defective.txt", *pair,
                        "--baseline", "qa-baseline.json"], capsys)
    assert code == 0 and "gate passed" in out
    assert f"{len(entries)} accepted (--show-accepted lists them)" in out
    assert " accepted (" not in out.split("\n")[0]
    code, out, _ = run(["check", PAIR / "de.txt", PAIR / "en.defective.txt", *pair,
                        "--baseline", "qa-baseline.json", "--show-accepted"], capsys)
    assert out.count(": accepted (") == len(entries) and "[read by the desk]" in out
    code, out, _ = run(["check", PAIR / "de.txt", PAIR / "en.defective.txt", *pair,
                        "--baseline", "qa-baseline.json", "--format", "json"], capsys)
    report = json.loads(out)
    jsonschema.validate(report, SCHEMA)
    assert report["summary"]["accepted"] == len(entries) and report["summary"]["findings"] == 0
    assert {f["status"] for f in report["findings"]} == {"accepted"}
    assert all(f["acceptance"]["by"] == "Ed" for f in report["findings"])
    # a second `qa baseline` keeps the first reasons
    code, out, _ = run(["baseline", PAIR / "de.txt", PAIR / "en.defective.txt", *pair,
                        "-o", "qa-baseline.json", "--reason", "other"], capsys)
    assert code == 0 and "(0 new," in out
    assert json.loads(Path("qa-baseline.json").read_text())["entries"] == entries
    # entries of checks that did not run (MT is off) survive a re-baseline; stale ones go
    data = json.loads(Path("qa-baseline.json").read_text())
    mt = {"fingerprint": "e" * 32, "code": "MTB01", "text": "x", "reason": "r", "by": "b",
          "date": "2030-01-01"}
    stale = {**mt, "fingerprint": "f" * 32, "code": "NUM01"}
    data["entries"] += [mt, stale]
    Path("qa-baseline.json").write_text(json.dumps(data))
    code, out, _ = run(["baseline", PAIR / "de.txt", PAIR / "en.defective.txt", *pair,
                        "-o", "qa-baseline.json"], capsys)
    assert code == 0 and "1 stale dropped" in out
    assert json.loads(Path("qa-baseline.json").read_text())["entries"] == sorted(
        entries + [mt], key=lambda e: (e["code"], e["text"], e["fingerprint"]))


def test_baseline_is_written_beside_the_target_by_default(capsys, tmp_path):
    for name in ("de.txt", "en.defective.txt", "terms.csv"):
        (tmp_path / name).write_bytes((PAIR / name).read_bytes())
    code, _, err = run(["baseline", tmp_path / "de.txt", tmp_path / "en.defective.txt",
                        "--no-mt"], capsys)
    assert code == 0, err
    assert (tmp_path / "qa-baseline.json").is_file()


def test_a_missing_or_broken_baseline_is_exit_2(capsys, tmp_path, write):
    code, _, err = run(["check", PAIR / "de.txt", PAIR / "en.txt", "--no-mt",
                        "--baseline", tmp_path / "none.json"], capsys)
    assert code == 2 and err.count("\n") == 1 and "baseline file not found" in err
    broken = write("b.json", "{}")
    code, _, err = run(["check", PAIR / "de.txt", PAIR / "en.txt", "--no-mt",
                        "--baseline", broken], capsys)
    assert code == 2 and "not a qa baseline" in err


def test_quiet_drops_the_skipped_lines(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _, loud, _ = run(["check", PAIR / "de.txt", PAIR / "en.txt"], capsys)
    _, quiet, _ = run(["check", PAIR / "de.txt", PAIR / "en.txt", "-q"], capsys)
    assert "skipped TRM01" in loud and "skipped" not in quiet
    assert quiet.splitlines()[-1] == loud.splitlines()[-1]


@pytest.mark.parametrize("name, start", [("report.html", "<!DOCTYPE html>"),
                                         ("report.json", "{"), ("report.sarif", "{"),
                                         ("report.xml", "<?xml"), ("report.txt", "")])
def test_the_output_extension_names_the_format(capsys, tmp_path, monkeypatch, name, start):
    monkeypatch.chdir(tmp_path)
    run(["check", PAIR / "de.txt", PAIR / "en.txt", "--no-mt", "-o", name], capsys)
    text = Path(name).read_text()
    assert text.startswith(start) and (start or "gate passed" in text)
    if name == "report.sarif":
        assert '"version": "2.1.0"' in text


def test_fix_writes_a_corrected_copy_and_a_diff(capsys, tmp_path):
    target = tmp_path / "en.txt"
    original = (PAIR / "en.defective.txt").read_text(encoding="utf-8")
    target.write_text(original, encoding="utf-8")
    fixed = tmp_path / "en.fixed.txt"
    code, out, err = run(["fix", PAIR / "de.txt", target, "--termbase", PAIR / "terms.csv",
                          "--no-mt", "-o", fixed], capsys)
    assert code in (0, 1) and "fixes applied" in err and "re-check:" in err
    assert target.read_text(encoding="utf-8") == original  # the input is untouched
    corrected = fixed.read_text(encoding="utf-8")
    assert "Élysée Palace" in corrected and "Elysee Palace" not in corrected
    assert out.startswith(f"--- {target}\n+++ {fixed}\n")
    assert "-French President" in out and "+French President" in out
    # exactly the safe fixes' spans changed, by their suggestions, nothing else
    from qa.config import Config
    from qa.runner import check_files

    report = check_files(PAIR / "de.txt", target,
                         Config(termbase=(str(PAIR / "terms.csv"),), mt=False))
    safe = sorted((f for f in report.findings if f.fix == "safe"), key=lambda f: f.target_span)
    assert len(safe) >= 3
    expected = original
    for finding in reversed(safe):
        start, end = finding.target_span
        expected = expected[:start] + finding.suggestion + expected[end:]
    assert corrected == expected


def test_fix_needs_an_output_and_never_overwrites_the_input_by_default(capsys, tmp_path):
    target = tmp_path / "en.txt"
    target.write_bytes((PAIR / "en.defective.txt").read_bytes())
    code, _, err = run(["fix", PAIR / "de.txt", target, "--no-mt"], capsys)
    assert code == 2 and "-o FIXED, or --in-place" in err
    code, _, err = run(["fix", PAIR / "de.txt", target, "--no-mt", "-o", target], capsys)
    assert code == 2 and "refusing to overwrite an input file" in err
    code, _, err = run(["fix", PAIR / "de.txt", target, "--no-mt", "--termbase",
                        PAIR / "terms.csv", "--in-place"], capsys)
    assert code in (0, 1) and "Élysée Palace" in target.read_text(encoding="utf-8")


def test_output_dir_gives_each_format_its_own_file(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run(["check", PAIR / "de.txt", PAIR / "en.txt", "--no-mt", "--format", "text",
         "--format", "github", "--format", "junit", "--output-dir", "out"], capsys)
    assert sorted(p.name for p in Path("out").iterdir()) == [
        "en.github.txt", "en.junit.xml", "en.txt"]
    assert Path("out/en.github.txt").read_text().startswith(("::", "qa:"))


def test_fix_refuses_a_document_whose_text_is_extracted(capsys, tmp_path):
    pair = CORPORA / "bridge-html"
    code, _, err = run(["fix", pair / "de.html", pair / "en.defective.html", "--no-mt",
                        "-o", tmp_path / "fixed.html"], capsys)
    assert code == 2 and err.count("\n") == 1 and "plain-text and Markdown" in err
    assert not (tmp_path / "fixed.html").exists()


def test_fix_select_narrows_the_fixes_not_the_recheck(capsys, tmp_path):
    fixed = tmp_path / "fixed.txt"
    code, _, err = run(["fix", PAIR / "de.txt", PAIR / "en.defective.txt", "--termbase",
                        PAIR / "terms.csv", "--no-mt", "--select", "TRM02", "-o", fixed], capsys)
    # the three forbidden terms are fixed, but the changed number (NUM01) still fails
    assert "3 fixes applied" in err and "gate failed" in err and code == 1


def test_fix_in_place_keeps_permissions_writes_through_links_refuses_read_only(capsys, tmp_path):
    import os
    import stat

    real = tmp_path / "real" / "en.txt"
    real.parent.mkdir()
    real.write_bytes((PAIR / "en.defective.txt").read_bytes())
    real.chmod(0o600)
    link = tmp_path / "en.txt"
    link.symlink_to(real)
    args = ["fix", PAIR / "de.txt", link, "--termbase", PAIR / "terms.csv", "--no-mt", "--in-place"]
    code, _, err = run(args, capsys)
    assert code in (0, 1), err
    assert link.is_symlink() and "Élysée Palace" in real.read_text(encoding="utf-8")
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    real.chmod(0o444)
    before = real.read_bytes()
    (tmp_path / "real" / "de.txt").write_bytes((PAIR / "de.txt").read_bytes())
    code, _, err = run(["fix", PAIR / "de.txt", real, "--no-mt", "--in-place"], capsys)
    assert code == 2 and "read-only" in err and real.read_bytes() == before
    os.chmod(real, 0o644)


def test_fix_and_baseline_say_what_is_wrong_with_their_outputs(capsys, tmp_path):
    code, _, err = run(["fix", PAIR / "de.txt", PAIR / "en.txt", "--no-mt", "--in-place",
                        "-o", tmp_path / "x.txt"], capsys)
    assert code == 2 and "not both" in err
    code, _, err = run(["baseline", PAIR / "de.txt", PAIR / "en.txt", "--no-mt",
                        "-o", PAIR / "de.txt"], capsys)
    assert code == 2 and "refusing to overwrite an input file" in err


def test_json_names_configured_files_relative_to_the_working_directory(capsys, tmp_path, monkeypatch):
    """[tool.qa] paths are resolved to absolute ones; the report names them relative to
    where qa runs, so reports carry no machine path."""
    for name in ("de.txt", "en.defective.txt", "terms.csv"):
        (tmp_path / name).write_bytes((PAIR / name).read_bytes())
    (tmp_path / "qa").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        '[tool.qa]\ntermbase = "terms.csv"\nbaseline = "qa/accepted.json"\nmt = false\n')
    (tmp_path / "qa" / "accepted.json").write_text('{"qa-baseline": 1, "entries": []}')
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["check", "de.txt", "en.defective.txt", "--format", "json"], capsys)
    assert code == 1, err
    assert str(tmp_path) not in out
    report = json.loads(out)
    assert report["baseline"]["path"] == "qa/accepted.json"
    assert {f["data"]["termbase"] for f in report["findings"] if f["code"] == "TRM02"} == {"terms.csv"}


def test_fix_refuses_a_file_written_with_decomposed_characters(capsys, tmp_path):
    import unicodedata
    de, en = tmp_path / "de.txt", tmp_path / "en.txt"
    de.write_text("Die Größe des Gehäuses ist gut.\n", encoding="utf-8")
    en.write_text(unicodedata.normalize("NFD", "The size of the housing is good ( Müller).\n"),
                  encoding="utf-8")
    code, _, err = run(["fix", de, en, "--no-mt", "-o", tmp_path / "fixed.txt"], capsys)
    assert code == 2 and err.count("\n") == 1 and "decomposed" in err
    assert not (tmp_path / "fixed.txt").exists()
