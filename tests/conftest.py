"""Shared fixtures. Tests run offline: no model hub, no network."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

REPO = Path(__file__).resolve().parent.parent
CORPORA = REPO / "corpora"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def corpus_pairs() -> list[Path]:
    return sorted(p for p in CORPORA.iterdir() if (p / "gold.json").is_file())


def corpus_files(pair: Path) -> tuple[Path, Path, Path]:
    """A corpora pair's source, clean and defective translation, as its gold.json names
    them (``de.txt``, ``en.html``…: the corpora come in several formats)."""
    import json

    gold = json.loads((pair / "gold.json").read_text(encoding="utf-8"))
    return pair / gold["source"], pair / gold["clean"], pair / gold["defective"]


@pytest.fixture
def write(tmp_path):
    """Write text (or bytes) to a file under tmp_path and return its path as str."""

    def _write(name: str, content: str | bytes) -> str:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
        return str(path)

    return _write


def translation_memory(path: Path, units: int, sample: str = "clean.tmx") -> Path:
    """A TMX of ``units`` units: the corpora translation memory's units (``sample``: its
    clean or defective file), repeated under new ids."""
    import re

    text = (CORPORA / "tmx-memory" / sample).read_text(encoding="utf-8")
    head, rest = text.split("<body>", 1)
    body, tail = rest.split("</body>", 1)
    tus = re.findall(r"<tu .*?</tu>", body, re.S)
    repeated = [re.sub(r'tuid="([^"]+)"', rf'tuid="\1-{k}"', tus[k % len(tus)], count=1)
                for k in range(units)]
    path.write_text(head + "<body>\n    " + "\n    ".join(repeated) + "\n  </body>" + tail,
                    encoding="utf-8")
    return path
