"""Paths: where qa keeps what it builds once and reuses (the user cache folder), and
how reports name files (relative to the working directory where possible)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")


def file_digest(path: str | Path) -> str:
    """SHA-256 (hex) of a file's bytes, or "missing" where it cannot be read: what a
    signature records of an input file (its content, not its path, which varies between
    machines)."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return "missing"


def cache_dir() -> Path:
    """``$QA_CACHE_DIR/qa``, else ``$XDG_CACHE_HOME/qa``, else ``~/.cache/qa``: the parsed
    dictionary, word-list tries and the translation cache live here."""
    base = os.environ.get("QA_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") \
        or str(Path.home() / ".cache")
    return Path(base) / "qa"


def save_atomically(path: Path, save: Callable[[str], None]) -> bool:
    """Write a cache file with ``save(temporary path)`` and rename it into place, so the
    parallel processes of a batch run never read half a file, then stamp it
    (:func:`stamp_cache`). False when it could not be written (a read-only cache folder
    only costs speed)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            save(str(tmp))
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
        stamp_cache(path)
    except OSError:
        return False
    return True


def cached_file(path: Path, load: Callable[[str], T], build: Callable[[], T]) -> T:
    """A cache file of qa's: ``load(path)`` (a memory-mapped trie) while it is the file
    qa wrote (:func:`cache_is_intact`) and reads; otherwise ``build()``, saved in its
    place (:func:`save_atomically`, with ``.save``) and returned — if it cannot be
    saved, the one in memory serves."""
    if cache_is_intact(path):  # (a file not as qa wrote it may map and answer wrongly)
        try:
            return load(str(path))
        except Exception:  # unreadable: built again
            pass
    value = build()
    save_atomically(path, value.save)
    return value


def _stamp_path(path: Path) -> Path:
    return path.with_name(path.name + ".ok")


def _identity(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size} {stat.st_mtime_ns} {stat.st_ino}"


def stamp_cache(path: Path) -> None:
    """Record beside a cache file qa has just written its size, modification time and
    inode (``<name>.ok``): :func:`cache_is_intact` then knows the file for the one qa
    wrote. A memory-mapped trie of the wrong kind, or one whose values do not decode,
    would otherwise load without error and answer wrongly or crash on lookup."""
    try:
        write_text_atomically(_stamp_path(path), _identity(path) + "\n")
    except OSError:  # (a folder that cannot take the stamp: the file is rebuilt next time)
        pass


def cache_is_intact(path: Path) -> bool:
    """Whether ``path`` is still the cache file qa wrote and stamped (a file replaced,
    truncated or written over since, or one without its stamp, is not: the caller
    rebuilds it). One ``stat`` and a small read: cheap enough for every start."""
    try:
        return _stamp_path(path).read_text(encoding="utf-8").strip() == _identity(path)
    except (OSError, UnicodeDecodeError):
        return False


def _process_umask() -> int:
    """The process's umask, read once at import (reading it means setting it: done later,
    another thread could create a file with umask 0 in between)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _process_umask()


def write_text_atomically(path: Path, text: str | Iterable[str], *,
                          mode_of: Path | None = None) -> None:
    """Write ``text`` (UTF-8, newlines as given; a string, or parts one after another) to
    ``path`` through a temporary file
    of its folder renamed into place: a reader, a crash or Ctrl-C sees the old file or
    the new one, never half of one, and a failed write leaves no temporary behind. The
    temporary name is created exclusively (it never replaces a file that happens to
    bear it). The new file gets ``mode_of``'s permissions, else the umask's default.
    A link at ``path`` is replaced, not followed. OSError as the write raised it."""
    import tempfile

    descriptor, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.writelines([text] if isinstance(text, str) else text)
        if mode_of is not None:
            os.chmod(tmp, mode_of.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def folder_problem(folder: Path) -> str | None:
    """Why ``folder`` cannot hold reports (it is a file, or lies under one), or None:
    asked before any check runs, so a run never ends after minutes of work on an
    output folder it could not have used."""
    if folder.exists():
        return None if folder.is_dir() else "is a file, expected a folder for the reports"
    for parent in folder.parents:
        if parent.exists():
            return None if parent.is_dir() else f"{parent} is a file, not a folder"
    return None


def display_path(path: str, base: Path | None = None) -> str:
    """``path`` relative to ``base`` (default: the working directory) with ``/``
    separators when it lies under it, else absolute: CI tools map repository-relative
    paths to files, and reports carry no machine-specific prefix where avoidable."""
    base = (base or Path.cwd()).resolve()
    absolute = Path(path).resolve()
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        return absolute.as_posix() if Path(path).is_absolute() else os.path.normpath(path).replace("\\", "/")


def existing_files(paths: Iterable[str | Path]) -> frozenset[Path]:
    """The ``paths`` that exist, resolved: what an output must not replace."""
    return frozenset(Path(path).resolve() for path in paths if Path(path).exists())


def replaces_input(output: str | Path, inputs: frozenset[Path]) -> bool:
    """Whether writing ``output`` would replace one of ``inputs`` (:func:`existing_files`),
    however the output is spelled (``missing/../en.txt`` is ``en.txt``; links resolved)."""
    return Path(os.path.abspath(output)).resolve() in inputs
