#!/usr/bin/env bash
# The project's test command (README "Run the tests"; .ci/run runs exactly this).
# Creates .venv if needed, installs Veldwerk with its dev extras, lints, then runs pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[dev]"

echo "== lint: ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== lint: mypy (strict on fieldapp and ui)"
.venv/bin/mypy
echo "== lint: import-linter (layers, independent mechanisms, core never imports Qt or ui)"
.venv/bin/lint-imports

echo "== tests"
export QT_QPA_PLATFORM=offscreen
# pytest exits 5 when no test ran: with `set -e` that fails the run, as it should.
.venv/bin/python -m pytest -p no:cacheprovider "$@"
