"""examples/github-workflow.yml: valid YAML whose manifest step, run in a git repository
with a pull request's changes, lists every article whose source, translation, termbase
or baseline changed (and no removed one), and whose qa step writes what the upload
steps upload, with annotations on stdout."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tomllib

import pytest
import yaml

from conftest import CORPORA, REPO
from qa.batch import read_manifest
from qa.cli import main

WORKFLOW = yaml.safe_load((REPO / "examples" / "github-workflow.yml").read_text(encoding="utf-8"))
STEPS = {step.get("name") or step.get("uses"): step for step in WORKFLOW["jobs"]["qa"]["steps"]}

pytestmark = pytest.mark.skipif(not (shutil.which("git") and shutil.which("bash")),
                                reason="needs git and bash")


def _git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"})


def _article(repo, name, corpus, ext="txt", termbase=True):
    folder = repo / "articles" / name
    folder.mkdir(parents=True)
    shutil.copy(CORPORA / corpus / "de.txt", folder / f"de.{ext}")
    shutil.copy(CORPORA / corpus / "en.defective.txt", folder / f"en.{ext}")
    if termbase:
        shutil.copy(CORPORA / corpus / "terms.csv", folder / "terms.csv")
    return folder


@pytest.fixture
def pull_request(tmp_path, monkeypatch):
    """A repository with seven articles, then a branch that changes a source, a termbase,
    adds a baseline, changes a Markdown translation, removes an article and touches a
    file that is none of these. Returns (repo, base commit)."""
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    folders = {name: _article(repo, name, corpus, ext) for name, corpus, ext in (
        ("source-changed", "france-politics", "txt"), ("terms-changed", "web-spyware", "txt"),
        ("baseline-added", "business-windpower", "txt"), ("markdown", "france-politics", "md"),
        ("removed", "web-spyware", "txt"), ("notes-only", "business-windpower", "txt"),
        ("with space", "france-politics", "txt"))}
    (repo / "README.md").write_text("articles\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "base")
    base = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True,
                          text=True, check=True).stdout.strip()
    with open(folders["source-changed"] / "de.txt", "a", encoding="utf-8") as fh:
        fh.write("\nEin neuer Absatz.\n")
    with open(folders["terms-changed"] / "terms.csv", "a", encoding="utf-8") as fh:
        fh.write("Spähsoftware,spyware,,\n")
    (folders["baseline-added"] / "qa-baseline.json").write_text('{"qa-baseline": 1, "entries": []}\n')
    with open(folders["markdown"] / "en.md", "a", encoding="utf-8") as fh:
        fh.write("\nA new paragraph.\n")
    with open(folders["with space"] / "en.txt", "a", encoding="utf-8") as fh:
        fh.write("\nA new paragraph.\n")
    shutil.rmtree(folders["removed"])
    (folders["notes-only"] / "notes.txt").write_text("editor's notes\n")
    (repo / "README.md").write_text("articles, changed\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "change")
    monkeypatch.chdir(repo)
    return repo, base


def _manifest_step(repo, base) -> str:
    step = STEPS["Manifest of changed articles"]
    assert step["shell"] == "bash" and step["env"]["BASE"] == "origin/${{ github.base_ref }}"
    subprocess.run(["bash", "-e", "-o", "pipefail", "-c", step["run"]], cwd=repo, check=True,
                   capture_output=True, env={**os.environ, "BASE": base})
    return (repo / "qa-changed.toml").read_text(encoding="utf-8")


def test_workflow_reacts_to_sources_termbases_and_baselines_not_only_translations(pull_request):
    repo, base = pull_request
    manifest = tomllib.loads(_manifest_step(repo, base))
    pairs = {p["name"]: (p["source"], p["target"]) for p in manifest["pair"]}
    assert pairs == {
        "source-changed": ("articles/source-changed/de.txt", "articles/source-changed/en.txt"),
        "terms-changed": ("articles/terms-changed/de.txt", "articles/terms-changed/en.txt"),
        "baseline-added": ("articles/baseline-added/de.txt", "articles/baseline-added/en.txt"),
        "markdown": ("articles/markdown/de.md", "articles/markdown/en.md"),
        "with space": ("articles/with space/de.txt", "articles/with space/en.txt"),
    }
    # qa finds each pair's termbase and baseline beside it
    specs = {spec.name: spec for spec in read_manifest(repo / "qa-changed.toml")}
    assert specs["terms-changed"].termbase == ("articles/terms-changed/terms.csv",)
    assert specs["baseline-added"].baseline == "articles/baseline-added/qa-baseline.json"


def test_no_relevant_change_leaves_an_empty_manifest(pull_request):
    repo, _ = pull_request
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True,
                          text=True, check=True).stdout.strip()
    assert _manifest_step(repo, head) == ""


def test_qa_step_annotates_on_stdout_and_writes_what_is_uploaded(pull_request, capsys):
    repo, base = pull_request
    _manifest_step(repo, base)
    script = STEPS["qa check"]["run"]
    (command,) = [shlex.split(line.strip()) for line in script.splitlines()
                  if line.strip().startswith("qa check")]
    assert command[command.index("--format") + 1] == "github"
    code = main(command[1:])
    out = capsys.readouterr().out
    assert code == 1 and "::error file=articles/source-changed/en.txt," in out
    sarif = STEPS["Upload SARIF"]["with"]["sarif_file"]
    assert STEPS["Upload SARIF"]["uses"].startswith("github/codeql-action/upload-sarif")
    kept = STEPS["Keep the HTML reports"]["with"]["path"]
    assert (repo / sarif).is_file() and (repo / kept / "index.html").is_file()
    assert str(repo) not in (repo / sarif).read_text(encoding="utf-8")
    triggers = WORKFLOW[True]  # YAML 1.1 reads the key `on` as true; GitHub reads `on`
    assert triggers["pull_request"]["paths"] == ["articles/**"]
