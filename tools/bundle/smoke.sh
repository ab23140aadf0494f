#!/usr/bin/env bash
# Smoke test of a built bundle, run from an empty folder with no venv and no source on the path.
set -euo pipefail
bundle=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
mkdir -p "$HOME"
unset PYTHONPATH VIRTUAL_ENV
exe="$bundle/fieldapp"
[ -x "$exe" ] || exe="$bundle/fieldapp.exe"

echo "== fieldapp --version";      "$exe" --version
echo "== fieldapp letters lint";   "$exe" letters lint --zonder-opmaak | tail -1
echo "== fieldapp demo --no-gui";  "$exe" --db "$work/demo/veldwerk-demo.db" demo --no-gui --households 60 | tail -3
echo "== window (offscreen)";      QT_QPA_PLATFORM=offscreen FIELDAPP_SMOKE_CLOSE_MS=1500 "$exe" --db "$work/demo/veldwerk-demo.db" demo
echo "== fieldapp doctor";         QT_QPA_PLATFORM=offscreen "$exe" doctor --zonder-qt | tail -1 || true
echo "bundle smoke test passed"
