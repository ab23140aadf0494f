"""Languages: Dutch source strings, English via Qt Linguist (.ts -> .qm).

``resources/translations/veldwerk_en.ts`` is the source of the English texts; the compiled
``veldwerk_en.qm`` beside it is what the app loads. Rebuild after changing texts::

    .venv/bin/python -m ui.i18n --update    # pyside6-lupdate: collect tr() strings into .ts
    .venv/bin/python -m ui.i18n             # pyside6-lrelease: compile .ts -> .qm

If the .qm is missing or older than the .ts at start-up (a fresh checkout without the build
step), :func:`ensure_compiled` runs lrelease once into the same folder, or into a private cache
folder when that is read-only. Qt's own strings (dialog buttons) come from PySide6's
``qtbase_<lang>.qm``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from platformdirs import user_cache_dir

from ui.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from ui.resources import TRANSLATIONS

LANGUAGES = {"nl": "Nederlands", "en": "English"}
DEFAULT_LANGUAGE = "nl"
_UI_DIR = Path(__file__).resolve().parent

_installed: list[QTranslator] = []


def _tool(name: str) -> list[str] | None:
    """The pyside6 wrapper from the venv, else the binary inside the PySide6 package."""
    venv_bin = Path(sys.executable).parent / f"pyside6-{name}"
    if venv_bin.is_file():
        return [str(venv_bin)]
    found = shutil.which(f"pyside6-{name}")
    if found:
        return [found]
    import PySide6

    inner = Path(PySide6.__file__).parent / name
    return [str(inner)] if inner.is_file() else None


def _private_cache() -> Path:
    """This user's cache folder (0700), never the shared temp folder: a .qm planted there by
    another account would put its texts on our buttons."""
    return Path(user_cache_dir("veldwerk", appauthor=False)) / "translations"


def ensure_compiled(language: str) -> Path | None:
    """Path of an up-to-date ``veldwerk_<language>.qm`` (compiling it if needed), or None."""
    ts = TRANSLATIONS / f"veldwerk_{language}.ts"
    qm = TRANSLATIONS / f"veldwerk_{language}.qm"
    if qm.is_file() and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime):
        return qm
    if not ts.is_file():
        return qm if qm.is_file() else None
    tool = _tool("lrelease")
    if tool is None:
        return qm if qm.is_file() else None
    for target in (qm, _private_cache() / f"veldwerk_{language}.qm"):
        try:
            target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            subprocess.run(  # noqa: S603 (fixed tool, our own paths)
                [*tool, "-silent", str(ts), "-qm", str(target)],
                check=True,
                capture_output=True,
                timeout=60,
            )
        except (OSError, subprocess.SubprocessError):
            continue
        if target.is_file():
            return target
    return qm if qm.is_file() else None


def set_language(language: str | None) -> str:
    """Install translators for ``language`` (nl or en); returns the language in effect."""
    app = QCoreApplication.instance()
    lang = language if language in LANGUAGES else DEFAULT_LANGUAGE
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Dutch if lang == "nl" else QLocale.Language.English,
            QLocale.Country.Netherlands,
        )
    )
    if app is None:
        return lang
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{lang}", qt_dir):
        QCoreApplication.installTranslator(qt_translator)
        _installed.append(qt_translator)
    if lang != "nl":
        qm = ensure_compiled(lang)
        translator = QTranslator(app)
        if qm is not None and translator.load(str(qm)):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
    return lang


def _update_ts() -> None:
    tool = _tool("lupdate")
    if tool is None:
        raise SystemExit("pyside6-lupdate not found")
    sources = sorted(str(p) for p in _UI_DIR.rglob("*.py"))
    for language in LANGUAGES:
        if language == "nl":
            continue
        ts = TRANSLATIONS / f"veldwerk_{language}.ts"
        subprocess.run(  # noqa: S603
            [
                *tool,
                "-no-obsolete",
                "-source-language",
                "nl_NL",
                "-target-language",
                f"{language}_GB",
                *sources,
                "-ts",
                str(ts),
            ],
            check=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description="Build Veldwerk's UI translations")
    parser.add_argument("--update", action="store_true", help="run lupdate first")
    args = parser.parse_args()
    if args.update:
        _update_ts()
    for language in LANGUAGES:
        if language == "nl":
            continue
        qm = TRANSLATIONS / f"veldwerk_{language}.qm"
        if qm.exists():
            qm.unlink()
        print(ensure_compiled(language))


if __name__ == "__main__":
    main()
