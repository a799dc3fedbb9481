"""Issue 15, writes escaping their target: a report lands exactly where it was asked
to, as a whole file or not at all. Batch reports never follow a link out of the output
folder; writes are atomic (an interrupted or failed write leaves the old file and no
temporary one); a FIFO, ``/dev/stdout`` or ``-`` is written to as it is, never replaced
by a regular file; a pair's name never places its report outside the folder."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from hostile import assert_one_line_error, home, run, snapshot  # noqa: F401 (home: a fixture)

pytestmark = pytest.mark.reliability



PAIR_ARGS = ["article/de.txt", "article/en.txt", "--no-mt"]


def test_batch_reports_replace_links_in_the_output_folder_never_follow_them(home, capsys):
    manifest = home / "m.toml"
    manifest.write_text('[[pair]]\nname = "same"\nsource = "article/de.txt"\n'
                        'target = "article/en.txt"\n', encoding="utf-8")
    out = home / "out"
    out.mkdir()
    outside = home / "outside.txt"
    outside.write_text("keep me")
    for name in ("same.json", "index.html", "combined.json"):
        (out / name).symlink_to(outside)
    (out / "same.html").symlink_to(home / "article" / "en.txt")
    before = snapshot(home / "article")
    code, _, err = run(["check", manifest, "--no-mt", "--output-dir", out], capsys)
    assert code in (1, 2), err
    assert outside.read_text() == "keep me" and snapshot(home / "article") == before
    if code == 1:
        assert not any(p.is_symlink() for p in out.iterdir())


def _no_temporaries(folder: Path) -> None:
    assert not [p.name for p in folder.rglob("*") if ".tmp" in p.name], list(folder.iterdir())


def test_a_failed_single_write_keeps_the_old_report_and_leaves_no_temporary(home, capsys,
                                                                             monkeypatch):
    (home / "r.json").write_text("old report")

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(os, "replace", failing_replace)
        code, _, err = run(["check", *PAIR_ARGS, "-o", "r.json"], capsys)
    assert_one_line_error(code, err, "No space left on device")
    assert (home / "r.json").read_text() == "old report"
    _no_temporaries(home)


def test_a_failed_batch_write_keeps_the_old_reports_and_leaves_no_temporary(home, capsys,
                                                                             monkeypatch):
    out = home / "out"
    out.mkdir()
    (out / "index.html").write_text("old index")

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(os, "replace", failing_replace)
        code, _, err = run(["check", "article", "--no-mt", "--output-dir", out], capsys)
    assert_one_line_error(code, err, "No space left on device")
    assert (out / "index.html").read_text() == "old index"
    _no_temporaries(out)


def test_ctrl_c_in_a_batch_is_one_line_and_writes_no_report(home, capsys, monkeypatch):
    import qa.batch

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(qa.batch, "run_batch_records", interrupted)
    code, out, err = run(["check", "article", "--no-mt", "--output-dir", "out"], capsys)
    assert code == 130 and err == "qa: interrupted\n" and "Traceback" not in err
    assert not (home / "out").exists() or not list((home / "out").iterdir())


def test_ctrl_c_reaches_no_batch_worker(tmp_path):
    """The workers leave SIGINT to the calling process (each printed a traceback)."""
    import signal

    from qa.batch import _init_worker

    before = signal.getsignal(signal.SIGINT)
    try:
        _init_worker()
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, before)


def test_output_to_a_fifo_streams_into_it_and_keeps_the_fifo(home, capsys):
    fifo = home / "report.pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, _, err = run(["check", *PAIR_ARGS, "--format", "json", "-o", fifo], capsys)
    reader.join(timeout=60)
    assert code == 1, err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received and received[0].startswith(b"{")


@pytest.mark.parametrize("output", ["/dev/null", "null-link"])
def test_output_to_a_device_writes_through_it(home, capsys, output):
    (home / "null-link").symlink_to("/dev/null")
    code, _, err = run(["check", *PAIR_ARGS, "-o", output], capsys)
    assert code == 1, err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert os.path.islink(home / "null-link")
    assert not [p for p in Path("/dev").iterdir() if p.name.startswith(".null")]


def test_output_dash_is_stdout(home, capsys):
    code, out, err = run(["check", *PAIR_ARGS, "--format", "json", "-o", "-"], capsys)
    assert code == 1 and out.startswith("{"), err
    assert not (home / "-").exists()


def test_output_to_dev_stdout_in_a_real_process(home):
    """``-o /dev/stdout`` (a link to /proc/self/fd/1, a pipe here) reaches stdout; the
    pipe is not replaced by a file."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "qa", "check", *PAIR_ARGS, "--format", "json",
                           "-o", "/dev/stdout"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("{") and done.stderr == ""


def test_a_read_only_output_is_refused(home, capsys):
    (home / "r.txt").write_text("old")
    (home / "r.txt").chmod(0o444)
    code, _, err = run(["check", *PAIR_ARGS, "-o", "r.txt"], capsys)
    assert_one_line_error(code, err, "read-only")
    assert (home / "r.txt").read_text() == "old"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=12), min_size=1, max_size=6))
def test_pair_names_give_reports_inside_the_folder_unique_and_never_reserved(names):
    """Any pair names (``..``, ``/``, ``\\``, NUL, case twins, ``index``) map to unique
    file stems of the output folder itself."""
    from qa.batch import RESERVED_NAMES, _unique_slugs

    slugs = _unique_slugs(names)
    assert len(slugs) == len(names)
    assert len({s.casefold() for s in slugs}) == len(slugs)
    out = Path("/srv/reports")
    for slug in slugs:
        assert slug and slug.casefold() not in RESERVED_NAMES
        assert "/" not in slug and "\\" not in slug and "\x00" not in slug
        for ext in ("json", "txt", "github.txt"):
            path = Path(os.path.normpath(out / f"{slug}.{ext}"))
            assert path.parent == out, slug
