"""Document loading: a file → its prose as text, with prose blocks and markup ranges.

One loader per format, chosen by file extension from :data:`LOADERS`. Text formats
(``.txt``, ``.md``) are never altered: offsets in every later record point into the file
as decoded. Structured formats (HTML, DOCX) yield the prose extracted from the file,
with an ``origin`` map from its offsets back to the file's line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from qa.errors import InputError
from qa.io.base import LoadedText, decode
from qa.io.plain import load_plain


def _imported(module: str, function: str) -> Callable:
    """``module.function``, imported on the first call: a run reads one or two formats,
    and the HTML and DOCX readers pull in lxml and python-docx (~70 ms of start-up)."""
    def call(*args, **kwargs):
        from importlib import import_module

        return getattr(import_module(module), function)(*args, **kwargs)

    call.__name__ = function
    return call


load_markdown = _imported("qa.io.markdown", "load_markdown")
load_html = _imported("qa.io.html", "load_html")
decode_html = _imported("qa.io.html", "decode_html")
load_docx = _imported("qa.io.docx", "load_docx")


@dataclass(frozen=True)
class Loader:
    """How one format is read: ``decode`` turns the file's bytes into ``(text, had_bom)``
    and ``parse(text, name)`` reads that text; a binary format has no ``decode`` and its
    ``parse`` gets the bytes themselves."""

    parse: Callable[..., LoadedText]
    decode: Callable[[bytes, str], tuple[str, bool]] | None = decode

    @property
    def binary(self) -> bool:
        return self.decode is None


def _text_only(parse: Callable[[str], LoadedText]) -> Callable[[str, str], LoadedText]:
    """A ``parse(text, name)`` for a loader that needs no file name for its errors."""
    return lambda text, _name: parse(text)


_PLAIN = Loader(_text_only(load_plain))
_MARKDOWN = Loader(_text_only(load_markdown))
_HTML = Loader(load_html, decode_html)
_DOCX = Loader(load_docx, None)

LOADERS: dict[str, Loader] = {
    ".txt": _PLAIN,
    ".text": _PLAIN,
    ".md": _MARKDOWN,
    ".markdown": _MARKDOWN,
    ".html": _HTML,
    ".htm": _HTML,
    ".xhtml": _HTML,
    ".docx": _DOCX,
}

__all__ = ["LOADERS", "Loader", "LoadedText", "read_text_file", "read_bytes", "load_text",
           "limit_input"]


#: the largest input qa reads by default (a document, a bilingual file): far above any
#: article or memory (a 100,000-unit TMX is ~30 MB), far below what would exhaust memory;
#: a run sets its own with ``max-input-mb`` (:func:`limit_input`)
MAX_INPUT_BYTES = 512 * 1024 * 1024
_max_input_bytes = MAX_INPUT_BYTES


def limit_input(megabytes: int | None) -> None:
    """The largest file this process reads, for the run's ``max-input-mb`` (None: the
    default); set where a run starts (the command line, each batch or Ray worker)."""
    global _max_input_bytes
    _max_input_bytes = MAX_INPUT_BYTES if megabytes is None else megabytes * 1024 * 1024


def read_bytes(path: str | Path) -> bytes:
    """A file's bytes; :class:`InputError` when it is missing, a directory, not a regular
    file (a FIFO with no writer would hang, ``/dev/zero`` never ends) or too large."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: file not found")
    if p.is_dir():
        raise InputError(f"{path}: is a directory, expected a document")
    if not p.is_file():
        raise InputError(f"{path}: is not a regular file (a pipe or a device); save it to a file")
    try:
        if p.stat().st_size > _max_input_bytes:
            raise InputError(f"{path}: is larger than {_max_input_bytes // 2**20} MB "
                             "(max-input-mb); refusing it")
        return p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def read_text_file(path: str | Path) -> tuple[str, bool]:
    """Read and decode a file → ``(text, had_bom)``; :class:`InputError` on any problem."""
    return decode(read_bytes(path), str(path))


def load_text(path: str | Path, *, text: str | None = None) -> LoadedText:
    """Load a document by extension; ``text`` may be given to skip reading the file
    (for a text format, HTML included: that text is parsed as the file's content)."""
    suffix = Path(path).suffix.lower()
    loader = LOADERS.get(suffix)
    if loader is None:
        known = ", ".join(sorted(LOADERS))
        raise InputError(f"{path}: unsupported file type {suffix or '(no extension)'!r} "
                         f"(supported: {known})")
    if loader.binary:
        if text is not None:
            raise InputError(f"{path}: a {suffix} document is read from its file, not from text")
        return loader.parse(read_bytes(path), str(path))
    bom = False
    if text is None:
        text, bom = loader.decode(read_bytes(path), str(path))
    loaded = loader.parse(text, str(path))
    return replace(loaded, bom=bom) if bom else loaded
