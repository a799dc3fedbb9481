"""DEMETR recall per perturbation and false positives on clean translations (the code
lives in qa/evaluation/demetr.py; `qa eval` runs it with the other datasets).

Usage:  python benchmarks/demetr.py [../shared/data/demetr] [--json FILE]
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from qa.evaluation.demetr import main  # noqa: E402

if __name__ == "__main__":
    main(REPO.parent / "shared" / "data" / "demetr")
