#!/usr/bin/env bash
# Build the one-folder bundle dist/veldwerk/ (PyInstaller) and smoke-test it without the venv:
#   bash tools/build_bundle.sh            # build + smoke test
#   bash tools/build_bundle.sh --no-test  # build only
# The bundle needs the same system libraries as the venv (README: Qt's xcb libraries).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  "${PYTHON:-python3}" -m venv .venv
  .venv/bin/python -m pip install --quiet -e .
fi
.venv/bin/python -m pip install --quiet -e ".[bundle]"
.venv/bin/python -m ui.i18n >/dev/null   # compiled translations must be fresh in the bundle

started=$(date +%s)
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller tools/bundle/veldwerk.spec
echo "== bundle built in $(( $(date +%s) - started )) s: $(du -sh dist/veldwerk | cut -f1) in dist/veldwerk"

if [ "${1:-}" != "--no-test" ]; then
  bash tools/bundle/smoke.sh dist/veldwerk
fi
