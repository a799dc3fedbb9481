"""Where qa keeps what it builds once and reuses: the user cache folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable


def cache_dir() -> Path:
    """``$QA_CACHE_DIR/qa``, else ``$XDG_CACHE_HOME/qa``, else ``~/.cache/qa``: the parsed
    dictionary, word-list tries and the translation cache live here."""
    base = os.environ.get("QA_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") \
        or str(Path.home() / ".cache")
    return Path(base) / "qa"


def save_atomically(path: Path, save: Callable[[str], None]) -> bool:
    """Write a cache file with ``save(temporary path)`` and rename it into place, so the
    parallel processes of a batch run never read half a file. False when it could not
    be written (a read-only cache folder only costs speed)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            save(str(tmp))
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    except OSError:
        return False
    return True
