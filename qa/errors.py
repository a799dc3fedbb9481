"""Errors that end a run with exit code 2 and one clear line on stderr."""

from __future__ import annotations


class QAError(Exception):
    """A usage, input or configuration problem the user must fix.

    The message is a single line meant for a person; the CLI prints it as
    ``qa: error: <message>`` and exits with status 2. No traceback is shown.
    """


class InputError(QAError):
    """A document cannot be read or is not what qa expects (encoding, emptiness, language)."""


class ConfigError(QAError):
    """The configuration (pyproject ``[tool.qa]``, ``--config`` file or flags) is invalid."""
