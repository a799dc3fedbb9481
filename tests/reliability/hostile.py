"""Helpers of the reliability suite (issue 15): run the CLI in-process and hold it to
the exit-code contract, and lay out a small article pair in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import CORPORA
from qa.cli import main

PAIR = CORPORA / "france-politics"
#: a short German/English pair that checks clean in a few milliseconds
GERMAN = ("Die Regierung legte am Montag den Haushalt vor.\n\n"
          "Die Opposition kritisierte ihn scharf.\n")
ENGLISH = ("The government presented the budget on Monday.\n\n"
           "The opposition sharply criticised it.\n")


def run(argv, capsys) -> tuple[int, str, str]:
    """``qa ARGV`` in this process: (exit code, stdout, stderr)."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, err: str, needle: str = "") -> None:
    """The contract of every error path: exit 2 and one ``qa: error:`` line on stderr,
    never a traceback or an internal error."""
    assert code == 2, (code, err)
    assert err.startswith("qa: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and "internal error" not in err, err
    assert needle in err, (needle, err)


def assert_contract(code: int, err: str, *, batch: bool = False) -> None:
    """A run on arbitrary input: a verdict (0/1) or one ``qa: error:`` line (2); a batch
    may instead report its pairs' error rows (``NAME: error: …``, one line each)."""
    assert code in (0, 1, 2), (code, err)
    assert "Traceback" not in err and "internal error" not in err, err
    if code == 2 and not (batch and not err.startswith("qa: error: ")):
        assert_one_line_error(code, err)
    elif code == 2:
        assert err and all(": error: " in line for line in err.splitlines()), err


def article(folder: Path, *, defective: bool = False, termbase: bool = True) -> Path:
    """``folder`` holding a copy of the France politics pair (de.txt, en.txt and
    terms.csv): the user's files that no output may replace."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(PAIR / "de.txt", folder / "de.txt")
    shutil.copyfile(PAIR / ("en.defective.txt" if defective else "en.txt"), folder / "en.txt")
    if termbase:
        shutil.copyfile(PAIR / "terms.csv", folder / "terms.csv")
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every regular file under ``folder`` and its bytes: what a run must leave as it was."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.is_symlink()}


@pytest.fixture
def home(tmp_path, monkeypatch):
    """The working folder of a run, holding a defective ``article/`` pair (a module that
    uses it imports it: pytest finds a fixture in the test module's namespace)."""
    article(tmp_path / "article", defective=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path
