#!/usr/bin/env bash
# Create .venv and install qa. Idempotent: re-installs only when pyproject.toml changed.
#
#   bash scripts/setup.sh core   what the main job needs (scripts/demo.sh): qa and its
#                                core dependencies, the Ding dictionary and WordNet —
#                                no torch, no Ray, no browser
#   bash scripts/setup.sh test   everything the test suite needs (scripts/test.sh): the
#                                core plus the MT extra (torch CPU wheel, transformers,
#                                CTranslate2), Ray, pytest, Playwright and Debian's chromium
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-test}
case $mode in core | test) ;; *) echo "setup: unknown mode '$mode' (core or test)" >&2; exit 2 ;; esac
PYTHON=${PYTHON:-python3}
# The Ding German–English dictionary (Debian's trans-de-en, GPL) for the lexical
# adequacy checks and WordNet for MEA01/MEA02: read where installed, never copied into
# the repository. Debian's chromium drives the HTML report's browser tests (Playwright
# never downloads one): the tests' need only.
missing=""
[ -f /usr/share/trans/de-en ] || missing="$missing trans-de-en"
[ -f /usr/share/wordnet/data.noun ] || missing="$missing wordnet-base"
[ "$mode" = core ] || [ -x /usr/bin/chromium ] || missing="$missing chromium"
if [ -n "$missing" ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing) \
    >/dev/null 2>&1 || echo "setup: could not install$missing; the checks or tests that need it are skipped" >&2
fi
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
installed() { [ -f ".venv/.qa-installed-$1" ] && [ "$(cat ".venv/.qa-installed-$1")" = "$want" ]; }
# a venv set up for the tests holds the core too
if installed test || { [ "$mode" = core ] && installed core; }; then
  exit 0
fi
# pip's own chatter (build-backend notices) goes to a log, shown only when pip fails
pip() {
  if ! .venv/bin/python -m pip install --quiet --disable-pip-version-check "$@" \
      >>.venv/setup.log 2>&1; then
    tail -n 20 .venv/setup.log >&2
    echo "setup: pip install $* failed (full log: .venv/setup.log)" >&2
    exit 1
  fi
}
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true
if [ "$mode" = core ]; then
  pip -e .
  .venv/bin/python -c "import qa, qa.cli, numpy, marisa_trie"
else
  # torch first, pinned: the mt extra's range is then satisfied by the CPU wheel on this
  # machine instead of pulling gigabytes of CUDA
  pip "torch==2.13.0"
  pip -e ".[dev,mt,scale]"
  .venv/bin/python -c "import qa, pysbd, numpy, pytest, torch, transformers, ctranslate2, ray"
fi
echo "$want" > ".venv/.qa-installed-$mode"
