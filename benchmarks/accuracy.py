"""Accuracy on ../shared/data → docs/accuracy.md (same as `qa eval`; the code lives in
qa/evaluation/accuracy.py).

Usage:  python benchmarks/accuracy.py [--data ../shared/data] [--limit N]
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from qa.evaluation.accuracy import main  # noqa: E402

if __name__ == "__main__":
    main()
