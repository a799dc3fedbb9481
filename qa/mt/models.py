"""Finding translation models on disk: a folder given by the user, or a snapshot in the
local Hugging Face cache. Reads the file system only (no transformers import, no network).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class LocalModel:
    """A model folder with its id and a content revision for signatures."""

    model_id: str
    path: Path
    revision: str
    kind: str  # "transformers" | "ctranslate2"


def hf_cache_dir() -> Path:
    if os.environ.get("HF_HUB_CACHE"):
        return Path(os.environ["HF_HUB_CACHE"])
    home = Path(os.environ.get("HF_HOME", Path.home() / ".cache" / "huggingface"))
    return home / "hub"


def folder_revision(path: Path) -> str:
    """A short hash of the weights and config (size + name + first bytes of each file)."""
    digest = hashlib.sha256()
    for file in sorted(p for p in path.iterdir() if p.is_file()):
        digest.update(file.name.encode())
        digest.update(str(file.stat().st_size).encode())
        with file.open("rb") as fh:
            digest.update(fh.read(65536))
    return digest.hexdigest()[:10]


def folder_kind(path: Path) -> str | None:
    if (path / "model.bin").is_file() and (path / "config.json").is_file() \
            and not (path / "model.safetensors").is_file() and not (path / "pytorch_model.bin").is_file():
        return "ctranslate2"
    if (path / "config.json").is_file() and ((path / "model.safetensors").is_file()
                                             or (path / "pytorch_model.bin").is_file()):
        return "transformers"
    return None


def find_model(model: str) -> LocalModel | None:
    """A folder path, or a hub id found in the local Hugging Face cache; None if absent."""
    path = Path(model).expanduser()
    if path.is_dir():
        kind = folder_kind(path)
        return LocalModel(str(path), path, folder_revision(path), kind) if kind else None
    repo = hf_cache_dir() / ("models--" + model.replace("/", "--"))
    snapshots = repo / "snapshots"
    if not snapshots.is_dir():
        return None
    pinned = _main_revision(repo / "refs" / "main")
    candidates = [snapshots / pinned] if pinned else []
    candidates += sorted(snapshots.iterdir(), reverse=True)
    for snapshot in candidates:
        if snapshot.is_dir() and folder_kind(snapshot):
            return LocalModel(model, snapshot, snapshot.name[:10], folder_kind(snapshot))
    return None


#: the longest ``refs/main`` read: a commit hash is 40 characters
REF_MAX_BYTES = 256


def _main_revision(ref: Path) -> str | None:
    """The snapshot name ``refs/main`` points to, or None where it is missing or not a
    plain revision name (a corrupt cache: binary bytes, a path, a huge file); the caller
    then takes the newest usable snapshot instead of failing or leaving the folder."""
    try:
        with ref.open("rb") as fh:
            raw = fh.read(REF_MAX_BYTES + 1)
    except OSError:
        return None
    try:
        name = raw.decode("ascii").strip()
    except UnicodeDecodeError:
        return None
    if len(raw) > REF_MAX_BYTES or not name or not name.isalnum():
        return None
    return name
