"""What every loader returns, and the decoding rules shared by all text formats."""

from __future__ import annotations

from dataclasses import dataclass

from qa.errors import InputError
from qa.model import Span

BOM = "\ufeff"


@dataclass(frozen=True)
class LoadedText:
    """A decoded document before segmentation.

    ``blocks`` are prose regions ``(start, end, kind)`` with kind ``text``, ``heading``
    or ``list``; ``markup`` are inline ranges inside blocks that are syntax, not prose.
    """

    text: str
    format: str
    bom: bool
    newline: str
    blocks: tuple[tuple[int, int, str], ...]
    markup: tuple[Span, ...] = ()


def decode(data: bytes, name: str) -> tuple[str, bool]:
    """Decode UTF-8 (BOM allowed, removed; returned as a flag) or raise one clear :class:`InputError`.

    Newlines are kept exactly as in the file. Binary data, other encodings and files
    with no visible text are refused.
    """
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file (NUL bytes), expected UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start:exc.start + 1].hex()
        raise InputError(f"{name}: is not valid UTF-8 (byte 0x{bad} at offset {exc.start}); "
                         "re-save it as UTF-8") from None
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    if not text.strip():
        raise InputError(f"{name}: file is empty")
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 8:
        raise InputError(f"{name}: looks like a binary file (control characters), "
                         "expected UTF-8 text")
    return text, bom


def newline_of(text: str) -> str:
    """The file's newline convention: ``\\r\\n`` when CRLF dominates, else ``\\n``."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf >= text.count("\n") - crlf else "\n"
