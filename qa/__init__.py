"""qa — quality checks for German→English translations.

The public API is small: :func:`check_documents` runs the whole pipeline on two texts or
documents and returns a :class:`Report`; :class:`Finding`, :class:`Severity` and
:class:`Category` are the records it contains. Everything is imported lazily so that
``qa --version`` starts without loading the pipeline.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "check_documents", "check_files", "Finding", "Report",
           "Severity", "Category", "Config"]


def __getattr__(name: str):
    if name in {"check_documents", "check_files"}:
        from qa import runner
        return getattr(runner, name)
    if name in {"Finding", "Report", "Severity", "Category"}:
        from qa import model
        return getattr(model, name)
    if name == "Config":
        from qa.config import Config
        return Config
    raise AttributeError(f"module 'qa' has no attribute {name!r}")
