"""The shipped integration examples are valid and call qa the way it works."""

from __future__ import annotations

import shlex

import yaml

from conftest import REPO
from qa.cli import build_parser


def _qa_commands(text: str) -> list[list[str]]:
    commands = []
    for line in text.splitlines():
        line = line.strip().lstrip("- ").strip()
        if line.startswith("qa check"):
            commands.append(shlex.split(line)[1:])
    return commands


def test_pre_commit_hook():
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    hook = hooks[0]
    assert hook["id"] == "qa-check" and hook["language"] == "python"
    entry = shlex.split(hook["entry"])
    assert entry[:2] == ["qa", "check"] and hook["pass_filenames"] is False
    # the options live in entry, so a user's own args (the folder) keep them
    build_parser().parse_args([*entry[1:], *hook["args"]])
    build_parser().parse_args([*entry[1:], "translations/"])


def test_github_workflow():
    workflow = yaml.safe_load((REPO / "examples" / "github-workflow.yml").read_text())
    steps = workflow["jobs"]["qa"]["steps"]
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)
    assert workflow["permissions"]["security-events"] == "write"
    script = next(s["run"] for s in steps if s.get("name") == "qa check")
    for argv in _qa_commands(script):
        build_parser().parse_args(argv)


def test_gitlab_snippet():
    job = yaml.safe_load((REPO / "examples" / "gitlab-ci.yml").read_text())["translation-qa"]
    assert job["artifacts"]["reports"]["junit"] == "reports/combined.junit.xml"
    for argv in _qa_commands("\n".join(job["script"])):
        build_parser().parse_args(argv)
