"""The suite itself: every module of tests/reliability/ carries the ``reliability``
marker, so ``pytest -m reliability`` runs exactly this folder (and ``-m "not
reliability"`` everything else), and the marker is registered."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.reliability


def _marks_module(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(isinstance(node, ast.Assign)
               and any(isinstance(t, ast.Name) and t.id == "pytestmark" for t in node.targets)
               and ast.unparse(node.value) == "pytest.mark.reliability"
               for node in tree.body)


def test_every_module_of_the_folder_is_marked():
    modules = sorted(Path(__file__).parent.glob("test_*.py"))
    assert len(modules) >= 7
    assert [m.name for m in modules if not _marks_module(m)] == []


def test_the_marker_is_registered():
    options = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    markers = options["tool"]["pytest"]["ini_options"]["markers"]
    assert any(marker.startswith("reliability:") for marker in markers)


def test_no_module_elsewhere_claims_the_marker():
    """The suite is the one home of these tests: nothing outside the folder is marked."""
    outside = [str(p.relative_to(REPO)) for p in sorted((REPO / "tests").rglob("test_*.py"))
               if Path(__file__).parent not in p.parents
               and "mark.reliability" in p.read_text(encoding="utf-8")]
    assert outside == []
