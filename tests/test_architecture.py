"""The layering the house rules ask for, read from the import statements: checks import
records, checks.base, qa.lang and language-free helpers — never another check, the CLI
or a reporter; qa.lang knows words, not documents, checks or reports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "qa"


def _all_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def _imports(path: Path) -> set[str]:
    """The qa modules ``path`` imports."""
    return {name for name in _all_imports(path) if name == "qa" or name.startswith("qa.")}


CHECK_MODULES = sorted(p for p in (PACKAGE / "checks").glob("*.py") if p.name != "__init__.py")
CHECKS_MAY_IMPORT = ("qa.checks.base", "qa.model", "qa.lang", "qa.text", "qa.robust",
                     "qa.errors", "qa.paths")


@pytest.mark.parametrize("path", CHECK_MODULES, ids=lambda p: p.name)
def test_a_check_imports_no_other_check_cli_or_reporter(path):
    allowed = CHECKS_MAY_IMPORT + (("qa.align", "qa.mt.service", "qa.termbase", "qa.segment")
                                   if path.name == "base.py" else ())
    bad = [name for name in _imports(path)
           if not any(name == a or name.startswith(a + ".") for a in allowed)]
    assert not bad, f"{path.name} imports {bad}"


@pytest.mark.parametrize("path", sorted((PACKAGE / "lang").glob("*.py")), ids=lambda p: p.name)
def test_language_knowledge_imports_only_words(path):
    bad = [name for name in _imports(path)
           if not (name.startswith("qa.lang") or name in {"qa.text", "qa.paths", "qa.errors"})]
    assert not bad, f"qa/lang/{path.name} imports {bad}"


def test_only_qa_lang_frequency_imports_wordfreq():
    importers = [p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
                 if "wordfreq" in {n.split(".")[0] for n in _all_imports(p)}]
    assert importers == ["lang/frequency.py"]
