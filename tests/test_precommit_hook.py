"""The pre-commit hook, run the way pre-commit runs it (``entry`` + ``args``, no file
names): its options stay when a user sets ``args``, and its default ``args`` check the
articles folder instead of failing for want of a path."""

from __future__ import annotations

import json
import re
import shlex
import shutil

import pytest
import yaml

from conftest import REPO, corpus_pairs
from qa.cli import main

(HOOK,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def articles(tmp_path, monkeypatch):
    """A repository working directory with articles/<pair>/de.txt + en.txt + terms.csv."""
    for pair in corpus_pairs():
        shutil.copytree(pair, tmp_path / "articles" / pair.name,
                        ignore=shutil.ignore_patterns("gold.json", "en.defective.*"))
    monkeypatch.chdir(tmp_path)
    return tmp_path / "articles"


def _pre_commit(args: list[str]) -> int:
    """What pre-commit runs: the entry's words, then the args (pass_filenames is off)."""
    assert HOOK["pass_filenames"] is False
    command = shlex.split(HOOK["entry"]) + args
    assert command[:2] == ["qa", "check"]
    return main(command[1:])


def test_default_args_check_the_articles_folder(articles, capsys):
    assert _pre_commit(HOOK["args"]) == 0, capsys.readouterr()
    out = capsys.readouterr().out
    assert f"{len(corpus_pairs())} pairs → reports/qa/index.html · all passed" in out
    assert (articles.parent / "reports" / "qa" / "france-politics.html").is_file()


def test_user_args_keep_the_hooks_options(articles, capsys):
    shutil.copy(REPO / "corpora" / "france-politics" / "en.defective.txt",
                articles / "france-politics" / "en.txt")
    assert _pre_commit(["articles/"]) == 1  # the defective translation blocks the commit
    assert "reports/qa/index.html" in capsys.readouterr().out
    report = json.loads((articles.parent / "reports" / "qa" / "france-politics.json").read_text())
    assert {"check": "MTB01", "reason": "MT disabled (--no-mt or mt = false)"} in report["skipped"]
    assert _pre_commit(["articles/", "--fail-on", "never"]) == 0


def test_the_hook_runs_when_pairs_termbases_or_baselines_change():
    files = re.compile(HOOK["files"])
    for path in ("articles/a/de.txt", "articles/a/en.md", "articles/a/terms.csv",
                 "articles/a/terms.tbx", "articles/a/qa-baseline.json", "de.markdown"):
        assert files.search(path), path
    for path in ("README.md", "articles/a/notes.txt", "articles/a/index.json", "src/den.txt"):
        assert not files.search(path), path
    # every format qa reads, in the hook and in the workflow's manifest step
    from qa.io import LOADERS

    workflow = (REPO / "examples" / "github-workflow.yml").read_text(encoding="utf-8")
    for extension in LOADERS:
        assert files.search(f"articles/a/en{extension}"), extension
        assert f" {extension.lstrip('.')}" in workflow.split("for ext in", 1)[1].split(";")[0]
