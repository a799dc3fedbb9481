"""Where qa keeps what it builds once and reuses: the user cache folder."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """``$QA_CACHE_DIR/qa``, else ``$XDG_CACHE_HOME/qa``, else ``~/.cache/qa``: the parsed
    dictionary, word-list tries and the translation cache live here."""
    base = os.environ.get("QA_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") \
        or str(Path.home() / ".cache")
    return Path(base) / "qa"
