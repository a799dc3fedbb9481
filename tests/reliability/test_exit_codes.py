"""Issue 15, exit codes are the contract: 0 passed, 1 failed, 2 one ``qa: error:``
line. A closed stdout (``| head -1``) never turns a failed gate into 0; an ASCII stdout
gets escapes, not a crash; every bad input, manifest, configuration, termbase, baseline
or output folder is one line and exit 2, never a traceback; a pair that crashes qa is
its batch's error row."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPORA
from hostile import ENGLISH, GERMAN, assert_one_line_error, home, run  # noqa: F401 (home: a fixture)
from qa.cli import main

pytestmark = pytest.mark.reliability



PAIR_ARGS = ["article/de.txt", "article/en.txt", "--no-mt"]


class _Closed:
    """A stdout whose reader has gone (``| head -1`` after its line)."""

    def write(self, text):
        raise BrokenPipeError

    def flush(self):
        raise BrokenPipeError


@pytest.mark.parametrize("argv, code", [
    (["check", *PAIR_ARGS], 1),
    (["check", *PAIR_ARGS, "--format", "json"], 1),
    (["check", *PAIR_ARGS, "--fail-on", "never"], 0),
    (["check", "article", "--no-mt", "--output-dir", "out"], 1),
    (["check", "article", "--no-mt", "--output-dir", "out", "--format", "github"], 1),
    (["checks"], 0),
])
def test_a_closed_stdout_keeps_the_verdict(home, monkeypatch, argv, code):
    monkeypatch.setattr(sys, "stdout", _Closed())
    assert main(argv) == code


def test_head_1_in_a_real_pipeline_keeps_the_failed_gate(home):
    """``qa check … | head -1`` under ``set -o pipefail``: qa's own status is 1."""
    done = subprocess.run(["bash", "-c", "set -o pipefail; "
                           f"{sys.executable} -m qa check {' '.join(PAIR_ARGS)} | head -1"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert done.stdout.count("\n") == 1 and "Traceback" not in done.stderr


@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "ascii", "LC_ALL": "C"},
                                 {"PYTHONIOENCODING": "latin-1"}])
def test_an_ascii_or_latin_1_stdout_gets_escapes_not_a_crash(home, env):
    done = subprocess.run([sys.executable, "-m", "qa", "check", *PAIR_ARGS],
                          capture_output=True, timeout=120, env={**os.environ, **env})
    stdout = done.stdout.decode(env["PYTHONIOENCODING"])
    assert done.returncode == 1 and b"error" not in done.stderr, done.stderr
    assert "\\xb7 score" in stdout or "· score" in stdout


def test_an_undecodable_file_name_is_one_line(tmp_path):
    """A file name that is no UTF-8 (``de-\\xff\\xfe.txt``), given as bytes."""
    os.chdir(tmp_path)
    try:
        source = os.fsencode("de-") + b"\xff\xfe.txt"
        Path(os.fsdecode(source)).write_text(GERMAN, encoding="utf-8")
        (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
        for argv in ([source, b"en.txt"], [source + b"x", b"en.txt"]):
            done = subprocess.run([os.fsencode(sys.executable), b"-m", b"qa", b"check", *argv,
                                   b"--no-mt"], capture_output=True, timeout=120,
                                  env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])})
            err = done.stderr.decode("utf-8", "replace")
            assert done.returncode in (0, 1, 2) and "Traceback" not in err, err
            if done.returncode == 2:
                assert err.startswith("qa: error: ") and err.count("\n") == 1, err
    finally:
        os.chdir(Path(__file__).parent)


def test_an_undecodable_file_name_in_process(home, capsys):
    name = "de-\udcff\udcfe.txt"
    Path(name).write_text(GERMAN, encoding="utf-8")
    code, out, err = run(["check", name, "article/en.txt", "--no-mt"], capsys)
    assert code in (0, 1) and "Traceback" not in err, err
    code, out, err = run(["check", "missing-\udcff.txt", "article/en.txt", "--no-mt"], capsys)
    assert_one_line_error(code, err, "not found")


MANIFESTS = {
    "source-int.toml": '[[pair]]\nsource = 5\ntarget = "article/en.txt"\n',
    "target-table.toml": '[[pair]]\nsource = "article/de.txt"\n[pair.target]\nx = 1\n',
    "termbase-int.toml": '[[pair]]\nsource = "article/de.txt"\ntarget = "article/en.txt"\ntermbase = 5\n',
    "termbase-list-of-int.toml": '[[pair]]\nsource = "article/de.txt"\ntarget = "article/en.txt"\ntermbase = [1]\n',
    "baseline-bool.toml": '[[pair]]\nsource = "article/de.txt"\ntarget = "article/en.txt"\nbaseline = true\n',
    "empty-source.toml": '[[pair]]\nsource = ""\ntarget = "article/en.txt"\n',
    "pair-string.toml": 'pair = "oops"\n',
    "pair-ints.toml": 'pair = [1, 2]\n',
    "file-int.toml": '[[pair]]\nfile = 5\n',
    "file-not-bilingual.toml": '[[pair]]\nfile = "article/de.txt"\n',
    "no-pairs.toml": 'title = "x"\n',
    "bad-syntax.toml": '[[pair]\n',
    "list.yaml": '- a\n- b\n',
    "pairs-map.yaml": 'pairs: {a: b}\n',
    "pairs-int.yaml": 'pairs: 5\n',
    "source-list.yaml": 'pairs:\n  - source: [a, b]\n    target: article/en.txt\n',
    "bad-syntax.yaml": 'pairs: [\n',
    "binary.toml": b"\xff\xfe\x00\x01[[pair]]",
    "anchors.yaml": 'a: &a ["x","x"]\nb: &b [*a,*a,*a]\npairs: [*b]\n',
}


@pytest.mark.parametrize("name", sorted(MANIFESTS))
def test_a_malformed_manifest_is_one_line(home, capsys, name):
    content = MANIFESTS[name]
    path = home / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    code, _, err = run(["check", path, "--no-mt", "--output-dir", "out"], capsys)
    assert_one_line_error(code, err, name)
    assert not (home / "out").exists()


CONFIGS = {
    "tool-string": 'tool = "oops"\n',
    "qa-string": '[tool]\nqa = "oops"\n',
    "qa-list": '[tool]\nqa = [1, 2]\n',
    "fail-on-int": '[tool.qa]\nfail-on = 3\n',
    "fail-on-word": '[tool.qa]\nfail-on = "sometimes"\n',
    "termbase-int": '[tool.qa]\ntermbase = 5\n',
    "termbase-list-of-int": '[tool.qa]\ntermbase = [5]\n',
    "select-string-unknown": '[tool.qa]\nselect = ["NOPE99"]\n',
    "format-unknown": '[tool.qa]\nformat = "pdf"\n',
    "checks-string": '[tool.qa]\nchecks = "x"\n',
    "check-options-int": '[tool.qa.checks]\nNUM01 = 3\n',
    "check-option-unknown": '[tool.qa.checks.NUM01]\nno-such-knob = 1\n',
    "unknown-key": '[tool.qa]\nno-such-setting = 1\n',
    "min-score-string": '[tool.qa]\nmin-score = "high"\n',
    "mt-batch-size-negative": '[tool.qa]\nmt-batch-size = -5\n',
    "batch-glob-absolute": '[tool.qa]\nbatch-glob = "/etc/*"\n',
    "batch-glob-int": '[tool.qa]\nbatch-glob = 5\n',
    "bad-toml": '[tool.qa\n',
    "binary": b"\xff\xfe\x00[tool.qa]",
}


@pytest.mark.parametrize("name", sorted(CONFIGS))
@pytest.mark.parametrize("where", ["pyproject", "config"])
def test_a_bad_configuration_is_one_line(home, capsys, name, where):
    content = CONFIGS[name]
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    if where == "pyproject":
        (home / "pyproject.toml").write_bytes(data)
        args = []
    else:
        (home / "qa.toml").write_bytes(data)
        args = ["--config", "qa.toml"]
    for target in (PAIR_ARGS, ["article", "--no-mt", "--output-dir", "out"]):
        code, _, err = run(["check", *target, *args], capsys)
        assert_one_line_error(code, err)


@pytest.mark.parametrize("content, needle", [
    ("de,en\n" + "a" * 200_000 + ",x\n", "not a readable CSV/TSV termbase"),
    ("german,english\nA,B\n", "'de' and 'en'"),
    ('de,en\n"unclosed,x\n', ""),
    ("de,en\nHaus\n", ""),
    ("", ""),
    (b"\xff\xfe\x00\x00binary", ""),
    (b"de,en\nGr\xfc\xdfe,greeting\n", ""),
    ("de\ten\tx\nHaus\thouse\n" * 3, ""),
])
def test_a_bad_termbase_is_one_line(home, capsys, content, needle):
    path = home / "terms.csv"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    code, _, err = run(["check", *PAIR_ARGS, "--termbase", path], capsys)
    if code != 2:  # a termbase qa can read as one (the tab-separated repeat)
        assert code in (0, 1) and "Traceback" not in err and "internal error" not in err, err
        return
    assert_one_line_error(code, err, needle)


@pytest.mark.parametrize("content", [
    "{}", "[]", "5", '{"qa-baseline": 1, "entries": 5}', '{"qa-baseline": 1, "entries": [5]}',
    '{"qa-baseline": 1, "entries": [{"fingerprint": 5}]}', "not json", b"\xff\xfe\x00",
    '{"qa-baseline": 99, "entries": []}'])
def test_a_bad_baseline_is_one_line(home, capsys, content):
    path = home / "b.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    code, _, err = run(["check", *PAIR_ARGS, "--baseline", path], capsys)
    assert_one_line_error(code, err)


@pytest.mark.parametrize("flag", ["--termbase", "--baseline", "--lexicon", "--config"])
def test_an_input_that_is_a_folder_is_one_line(home, capsys, flag):
    (home / "folder").mkdir()
    code, _, err = run(["check", *PAIR_ARGS, flag, "folder"], capsys)
    assert_one_line_error(code, err)


def test_an_output_dir_that_is_a_file_is_refused_before_any_check(home, capsys, monkeypatch):
    import qa.runner

    (home / "out").write_text("a file")
    monkeypatch.setattr(qa.runner, "check_files", lambda *a, **k: pytest.fail("checked first"))
    for args in (["article", "--no-mt"], PAIR_ARGS):
        code, _, err = run(["check", *args, "--output-dir", "out"], capsys)
        assert_one_line_error(code, err)
        assert (home / "out").read_text() == "a file"


def test_an_output_dir_under_a_file_is_one_line(home, capsys):
    (home / "file").write_text("a file")
    for args in (["article", "--no-mt"], PAIR_ARGS):
        code, _, err = run(["check", *args, "--output-dir", "file/out"], capsys)
        assert_one_line_error(code, err)
    code, _, err = run(["check", *PAIR_ARGS, "-o", "file/out.txt"], capsys)
    assert_one_line_error(code, err)


def test_an_output_dir_that_cannot_be_written_is_one_line(home, capsys, monkeypatch):
    """A read-only folder (simulated: the tests may run as root, who writes anyway)."""
    def read_only(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", read_only)
    for args in (["article", "--no-mt"], PAIR_ARGS):
        code, _, err = run(["check", *args, "--output-dir", "out"], capsys)
        assert_one_line_error(code, err, "Permission denied")


@pytest.mark.parametrize("argv, needle", [
    (["check", "article/de.txt"], "give SOURCE and TARGET"),
    (["check", "article/de.txt", "--no-mt", "-o", "x.txt"], "give SOURCE and TARGET"),
    (["check"], "SOURCE"),
    (["check", "nowhere"], "not found"),
    (["check", "article/de.txt", "article/en.txt", "extra"], "unrecognized"),
    (["check", "article/de.txt", "article/en.txt", "--format", "pdf"], "pdf"),
    (["check", "article/de.txt", "article/en.txt", "--min-score", "x"], ""),
    (["check", "article/de.txt", "article/en.pdf"], ""),
    (["check", "article/de.txt", "article/en.txt", "--select", "NOPE99"], "NOPE99"),
    (["fix", "article/de.txt"], ""),
    (["baseline"], ""),
    (["models", "convert", "nowhere", "out"], "nowhere"),
    (["nonsense"], ""),
])
def test_usage_errors_are_one_line(home, capsys, argv, needle):
    code, _, err = run(argv, capsys)
    assert_one_line_error(code, err, needle)


def test_a_pair_that_crashes_qa_is_an_error_row_not_the_batch_s_end(capsys, tmp_path, monkeypatch):
    import qa.runner

    real = qa.runner.check_files

    def crash_on_spyware(source, target, config=None, quiet=True):
        if "web-spyware" in str(source):
            raise RuntimeError("boom")
        return real(source, target, config, quiet)

    monkeypatch.setattr(qa.runner, "check_files", crash_on_spyware)
    monkeypatch.delenv("QA_DEBUG", raising=False)
    code = main(["check", str(CORPORA), "--no-mt", "--output-dir", str(tmp_path / "out"),
                 "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 2 and "Traceback" not in err
    assert err.count("\n") == 1 and "web-spyware: error: internal error: RuntimeError: boom" in err
    assert "france-politics: passed" in out
    assert (tmp_path / "out" / "france-politics.json").is_file()
    assert not (tmp_path / "out" / "web-spyware.json").exists()
    assert "error: internal error" in (tmp_path / "out" / "index.html").read_text()


def test_a_pair_whose_file_is_broken_is_an_error_row(home, capsys):
    (home / "broken").mkdir()
    german = (home / "article" / "de.txt").read_bytes()
    (home / "broken" / "de.txt").write_bytes(german)
    (home / "broken" / "en.txt").write_bytes(b"\xff\xfe\x00bin\x00ary")
    code, out, err = run(["check", home, "--no-mt", "--output-dir", "out"], capsys)
    assert code == 2 and err.count("\n") == 1 and "broken: error:" in err
    assert "article: failed" in out
