"""The results store of a resumable batch run: one SQLite file in the output folder.

Each checked pair's :class:`~qa.scale.records.PairRecord` is written the moment its
result arrives, keyed by

* the pair's **content key** (:func:`pair_key`): its name, file names and the bytes
  of its source, translation, termbases and baseline, and
* the **run signature** (:func:`run_signature`): qa's version, the record layout,
  every setting that changes findings (with the contents of the run's termbases,
  lexicon, baseline and pattern files), qa's word lists and precision table, the MT
  models found, the report formats and text options, and the working folder (reports
  show paths relative to it).

Re-running the same command finds the pairs already done and checks only the rest; a
pair whose files or settings changed has another key and is checked again. A pair is
written once per key (``INSERT OR REPLACE``): a retried task cannot double it. Records
are JSON text, never pickles.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from qa.errors import QAError
from qa.paths import file_digest
from qa.scale.records import LAYOUT, PairRecord

#: the store's file in the output folder
FILE_NAME = "qa-results.sqlite"

_SCHEMA = """CREATE TABLE IF NOT EXISTS results (
    pair TEXT NOT NULL, signature TEXT NOT NULL, record TEXT NOT NULL,
    PRIMARY KEY (pair, signature))"""


def _file_digest(path: str | None) -> str:
    """SHA-256 of a file's bytes; "missing" when it cannot be read (the check then
    reports that, and a later run where it exists has another key)."""
    if not path or path == "none":
        return "none"
    try:
        stat = os.stat(path)
    except OSError:
        return "missing"
    return _digest_of_version(os.path.realpath(path), stat.st_size, stat.st_mtime_ns,
                              stat.st_ino)


@lru_cache(maxsize=4096)
def _digest_of_version(path: str, size: int, mtime_ns: int, inode: int) -> str:
    """One version of a file hashed once a run: every chunk of a split translation
    memory (and the pair and source of each) names the same file."""
    return file_digest(path)


def pair_key(spec) -> str:
    """The content key of a :class:`qa.batch.PairSpec`: its names and its files' bytes."""
    parts = [spec.name, spec.source, spec.target, *spec.termbase, spec.baseline or "",
             *(_file_digest(p) for p in (spec.source, spec.target, *spec.termbase,
                                         spec.baseline))]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def run_signature(config, formats: list[str], *, show_accepted: bool,
                  quiet: bool) -> str:
    """What, besides a pair's own files, decides its record (see the module's text)."""
    from qa import __version__, earned
    from qa.lang import data

    settings = config.result_settings()
    for key in ("termbase", "lexicon", "baseline", "residue_patterns"):
        value = getattr(config, key)
        files = value if isinstance(value, tuple) else (value,)
        settings[key] = [[p, _file_digest(p)] for p in files if p]
    settings["models"] = _models(config)
    basis = {"qa": __version__, "layout": LAYOUT, "settings": settings,
             "data": data.signature(), "earned": earned.signature(),
             "formats": list(formats), "show_accepted": show_accepted, "quiet": quiet,
             "cwd": os.getcwd()}
    return hashlib.sha256(json.dumps(basis, sort_keys=True, default=str).encode()).hexdigest()


def _models(config) -> list[str]:
    """The MT models this run would load (id and content revision; the file system
    only, no MT import), or [] without MT."""
    if not config.mt:
        return []
    from qa.mt import DEFAULT_MODELS
    from qa.mt.models import find_model

    wanted = dict(config.mt_models)
    found = [find_model(wanted.get(d) or DEFAULT_MODELS[d]) for d in ("back", "forward")]
    return [f"{m.model_id}@{m.revision}" if m else "absent" for m in found]


class ResultStore:
    """The results of one output folder, across runs (open with :func:`open_store`)."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self._db = sqlite3.connect(path)
            # WAL: each write is on disk when commit returns, even if qa is killed next
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(_SCHEMA)
            self._db.commit()
        except sqlite3.Error as exc:
            raise QAError(f"{path}: cannot use the results store ({exc})") from None

    def done(self, keys: Iterable[str], signature: str) -> set[str]:
        """The keys among ``keys`` whose record this run signature already has."""
        wanted = set(keys)
        rows = self._db.execute("SELECT pair FROM results WHERE signature = ?", (signature,))
        return {pair for (pair,) in rows if pair in wanted}

    def put(self, key: str, signature: str, record: PairRecord) -> None:
        """Keep one pair's record (replacing any of the same key): committed at once."""
        self.put_many(signature, [(key, record.to_json())])

    def put_many(self, signature: str, items: list[tuple[str, str]]) -> None:
        """Keep (key, record JSON) items in one transaction, committed at once: a
        result is on disk before the next is waited for."""
        self._db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?)",
                             [(key, signature, text) for key, text in items])
        self._db.commit()

    def get(self, key: str, signature: str) -> PairRecord | None:
        row = self._db.execute("SELECT record FROM results WHERE pair = ? AND signature = ?",
                               (key, signature)).fetchone()
        return None if row is None else PairRecord.from_json(row[0])

    def records(self, keys: list[str], signature: str) -> Iterator[PairRecord]:
        """The records of ``keys``, in that order (each must be in the store)."""
        for key in keys:
            record = self.get(key, signature)
            if record is None:
                raise QAError(f"{self.path}: no result for pair {key[:12]}… (the run did "
                              "not finish; run it again to check the rest)")
            yield record

    def count(self, signature: str | None = None) -> int:
        if signature is None:
            return self._db.execute("SELECT COUNT(*) FROM results").fetchone()[0]
        return self._db.execute("SELECT COUNT(*) FROM results WHERE signature = ?",
                                (signature,)).fetchone()[0]

    def close(self) -> None:
        self._db.close()


def open_store(out_dir: Path) -> ResultStore:
    """The results store of an output folder (created with the folder if need be)."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise QAError(f"{out_dir}: cannot create the output folder ({exc.strerror or exc})") from None
    return ResultStore(out_dir / FILE_NAME)
