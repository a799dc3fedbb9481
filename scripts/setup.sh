#!/usr/bin/env bash
# Create .venv and install qa with its test dependencies. Idempotent: re-installs only
# when pyproject.toml changed. Used by scripts/demo.sh and scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
# The Ding German–English dictionary (Debian's trans-de-en, GPL) for the lexical
# adequacy checks: read where it is installed, never copied into the repository.
# Debian's chromium drives the HTML report's browser tests (Playwright never downloads one).
missing=""
[ -f /usr/share/trans/de-en ] || missing="$missing trans-de-en"
[ -f /usr/share/wordnet/data.noun ] || missing="$missing wordnet-base"  # WordNet: MEA01/MEA02
[ -x /usr/bin/chromium ] || missing="$missing chromium"
if [ -n "$missing" ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing) \
    >/dev/null 2>&1 || echo "setup: could not install$missing; the tests that need it are skipped" >&2
fi
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.qa-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true
  # torch first, pinned: the mt extra's range is then satisfied by the CPU wheel on this
  # machine instead of pulling gigabytes of CUDA
  .venv/bin/python -m pip install --quiet --disable-pip-version-check "torch==2.13.0" 2>&1 \
    | grep -v "^WARNING: Location" || true
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[dev,mt,scale]" 2>&1 \
    | grep -v "^WARNING: Location" || true
  .venv/bin/python -c "import qa, pysbd, numpy, pytest, torch, transformers, ctranslate2"
  echo "$want" > "$stamp"
fi
