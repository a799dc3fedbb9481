"""One section of docs/performance.md replaced in place: each benchmark that writes its
figures there owns one ``## `` section and leaves the others as they are."""

from __future__ import annotations

import re
from pathlib import Path

PERFORMANCE_MD = Path(__file__).resolve().parent.parent / "docs" / "performance.md"


def replace_section(heading: str, section: list[str], path: Path = PERFORMANCE_MD) -> Path:
    """Replace the section that starts with ``heading`` (a ``## `` line) up to the next
    ``## `` heading with ``section`` (its lines, heading included), or append it."""
    text = path.read_text(encoding="utf-8") if path.is_file() else "# qa performance\n"
    block = "\n".join(section) + "\n"
    pattern = re.compile(r"^" + re.escape(heading) + r"[^\n]*\n.*?(?=^## |\Z)", re.S | re.M)
    text = pattern.sub(lambda _: block, text, count=1) if pattern.search(text) \
        else text.rstrip("\n") + "\n\n" + block
    path.write_text(text, encoding="utf-8")
    return path
