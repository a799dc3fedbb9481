"""``python -m qa`` — the same entry point as the ``qa`` console script."""

from qa.cli import main

raise SystemExit(main())
