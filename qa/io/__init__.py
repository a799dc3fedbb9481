"""Document loading: bytes → decoded text with prose blocks and markup ranges.

One loader per format, chosen by file extension from :data:`LOADERS`. Loaders never
alter the text: offsets in every later record point into the file as decoded.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from qa.errors import InputError
from qa.io.base import LoadedText, decode
from qa.io.markdown import load_markdown
from qa.io.plain import load_plain

LOADERS = {
    ".txt": load_plain,
    ".text": load_plain,
    ".md": load_markdown,
    ".markdown": load_markdown,
}

__all__ = ["LOADERS", "LoadedText", "read_text_file", "load_text"]


def read_text_file(path: str | Path) -> tuple[str, bool]:
    """Read and decode a file → ``(text, had_bom)``; :class:`InputError` on any problem."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: file not found")
    if p.is_dir():
        raise InputError(f"{path}: is a directory, expected a text file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return decode(data, str(path))


def load_text(path: str | Path, *, text: str | None = None) -> LoadedText:
    """Load a document by extension; ``text`` may be given to skip reading the file."""
    suffix = Path(path).suffix.lower()
    loader = LOADERS.get(suffix)
    if loader is None:
        known = ", ".join(sorted(LOADERS))
        raise InputError(f"{path}: unsupported file type {suffix or '(no extension)'!r} "
                         f"(supported: {known})")
    bom = False
    if text is None:
        text, bom = read_text_file(path)
    loaded = loader(text)
    return replace(loaded, bom=bom) if bom else loaded
