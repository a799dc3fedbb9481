"""On-disk translation cache: SQLite in the user cache folder (``QA_CACHE_DIR`` or
``mt-cache`` in the config overrides), keyed by translator signature and text.

Safe for concurrent runs (WAL journal, busy timeout, INSERT OR IGNORE); a damaged cache
is moved aside with a warning and rebuilt, never a crash; a path holding anything but
an SQLite database is refused, never touched.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
from pathlib import Path

from qa.errors import ConfigError
from qa.paths import cache_dir


#: the first bytes of every SQLite database file (https://www.sqlite.org/fileformat.html)
SQLITE_HEADER = b"SQLite format 3\x00"


def default_cache_path() -> Path:
    return cache_dir() / "translations.sqlite3"


def _foreign_tables(path: Path) -> list[str]:
    """The tables of the SQLite database at ``path`` that a qa cache never has (another
    program's database), read without writing; [] for a cache of ours, or one too
    damaged to list its tables (that one is moved aside and rebuilt)."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
        try:
            names = [row[0] for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")]
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return []
    return sorted(name for name in names if name != "translations")


class TranslationCache:
    """get_many/put_many of translations for one translator signature."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else default_cache_path()
        self.connection = self._open()

    def _open(self) -> sqlite3.Connection | None:
        self._refuse_foreign_file()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(str(self.path), timeout=30)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA busy_timeout=30000")
            connection.execute("CREATE TABLE IF NOT EXISTS translations ("
                               "key TEXT PRIMARY KEY, translation TEXT NOT NULL)")
            # the columns this cache reads and writes: a table of our name with others
            # (an older or tampered cache) is damaged, moved aside and rebuilt
            connection.execute("SELECT key, translation FROM translations LIMIT 1").fetchone()
            return connection
        except sqlite3.DatabaseError as exc:
            return self._rebuild(exc)
        except OSError as exc:
            print(f"qa: warning: translation cache unavailable ({exc}); continuing without",
                  file=sys.stderr)
            return None

    def _refuse_foreign_file(self) -> None:
        """A path that holds something other than an SQLite database (``mt-cache``
        pointed at a user's file or folder) is refused, never moved aside or replaced:
        only a damaged cache of ours is rebuilt."""
        if self.path.is_dir():
            raise ConfigError(f"{self.path}: mt-cache is a folder; give a file name (or \"off\")")
        if self.path.is_file() and self.path.stat().st_size:
            with self.path.open("rb") as handle:
                if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                    raise ConfigError(f"{self.path}: mt-cache names a file that is not a qa "
                                      "translation cache (SQLite); refusing to replace it")
            foreign = _foreign_tables(self.path)
            if foreign:
                raise ConfigError(f"{self.path}: mt-cache names another program's SQLite "
                                  f"database (tables {', '.join(foreign)}), not a qa "
                                  "translation cache; refusing to write into it")
        elif self.path.exists() and not self.path.is_file():
            raise ConfigError(f"{self.path}: mt-cache is not a regular file (a pipe or a "
                              "device); give a file name (or \"off\")")

    def _rebuild(self, exc: Exception) -> sqlite3.Connection | None:
        aside = self.path.with_suffix(self.path.suffix + f".corrupt-{os.getpid()}")
        print(f"qa: warning: translation cache {self.path} is damaged ({exc}); "
              f"moved to {aside.name} and rebuilt", file=sys.stderr)
        try:
            self.path.replace(aside)
            for extra in ("-wal", "-shm"):
                Path(str(self.path) + extra).unlink(missing_ok=True)
            connection = sqlite3.connect(str(self.path), timeout=30)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("CREATE TABLE IF NOT EXISTS translations ("
                               "key TEXT PRIMARY KEY, translation TEXT NOT NULL)")
            return connection
        except (OSError, sqlite3.DatabaseError):
            return None

    @staticmethod
    def key(signature: str, text: str) -> str:
        return hashlib.sha256(f"{signature}\0{text}".encode("utf-8")).hexdigest()

    def get_many(self, signature: str, texts: list[str]) -> dict[str, str]:
        if self.connection is None or not texts:
            return {}
        keys = {self.key(signature, t): t for t in texts}
        found: dict[str, str] = {}
        items = list(keys)
        try:
            for start in range(0, len(items), 500):
                chunk = items[start:start + 500]
                rows = self.connection.execute(
                    f"SELECT key, translation FROM translations WHERE key IN "
                    f"({','.join('?' * len(chunk))})", chunk).fetchall()
                for key, translation in rows:
                    found[keys[key]] = translation
        except sqlite3.DatabaseError as exc:
            self.connection = self._rebuild(exc)
            return {}
        return found

    def put_many(self, signature: str, pairs: dict[str, str]) -> None:
        if self.connection is None or not pairs:
            return
        try:
            with self.connection:
                self.connection.executemany(
                    "INSERT OR IGNORE INTO translations (key, translation) VALUES (?, ?)",
                    [(self.key(signature, t), tr) for t, tr in pairs.items()])
        except sqlite3.DatabaseError as exc:
            print(f"qa: warning: could not write the translation cache ({exc})", file=sys.stderr)
