"""Before the first QApplication: can a window open here at all?

Without ``libxcb-cursor0``, ``libxcb-icccm4`` or ``libxkbcommon-x11-0`` (a fresh Debian 12)
Qt's xcb plugin fails to load and Qt aborts with "Reinstalling the application may fix this
problem" and a core dump; without any display it aborts too. This check runs first and turns
both into a Dutch message with the fix, and exit code 2. No Qt is imported here.

The libraries are found with ``ldd`` on the xcb plugin the installed PySide6 ships (exact:
it lists what that build needs, transitively); without ``ldd`` (a frozen bundle, musl), each
library of :data:`XCB_LIBRARIES` is tried with ``dlopen`` (``ctypes.CDLL``).
"""

from __future__ import annotations

import ctypes
import importlib.util
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# What PySide6 6.x's libqxcb.so needs outside glibc, libstdc++ and Qt itself (from ``ldd`` on
# the plugin, Debian 12). The README's apt line installs the packages of all of them.
XCB_LIBRARIES: tuple[str, ...] = (
    "libxcb.so.1",
    "libxcb-cursor.so.0",
    "libxcb-icccm.so.4",
    "libxcb-image.so.0",
    "libxcb-keysyms.so.1",
    "libxcb-randr.so.0",
    "libxcb-render.so.0",
    "libxcb-render-util.so.0",
    "libxcb-shape.so.0",
    "libxcb-shm.so.0",
    "libxcb-sync.so.1",
    "libxcb-util.so.1",
    "libxcb-xfixes.so.0",
    "libxcb-xkb.so.1",
    "libxkbcommon.so.0",
    "libxkbcommon-x11.so.0",
    "libX11.so.6",
    "libX11-xcb.so.1",
    "libGL.so.1",
    "libEGL.so.1",
    "libfontconfig.so.1",
    "libfreetype.so.6",
    "libglib-2.0.so.0",
    "libdbus-1.so.3",
)
# Package names that do not follow the soname pattern.
_PACKAGES = {"libglib-2.0.so.0": "libglib2.0-0", "libX11.so.6": "libx11-6"}
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb")

MSG_NO_DISPLAY = (
    "Veldwerk kan geen venster openen: geen beeldscherm gevonden (DISPLAY en WAYLAND_DISPLAY "
    "zijn leeg); gebruik `fieldapp demo --no-gui`, of start vanuit een bureaubladsessie."
)
MSG_MISSING = (
    "Veldwerk kan geen venster openen: Qt mist deze systeembibliotheken: {libraries}.\n"
    "Installeer ze met:\n"
    "  sudo apt-get install {packages}\n"
    "(De README noemt onder 'Systeempakketten' alles wat Veldwerk nodig heeft.) Zonder "
    "venster werkt `fieldapp demo --no-gui`."
)


def debian_package(soname: str) -> str:
    """``libxcb-icccm.so.4`` -> ``libxcb-icccm4``; ``libxkbcommon-x11.so.0`` -> ``...-x11-0``."""
    stem, _, number = soname.partition(".so.")
    number = number.split(".")[0]
    stem = stem.lower()
    return f"{stem}-{number}" if stem[-1:].isdigit() else f"{stem}{number}"


def package_for(soname: str) -> str:
    """The Debian/Ubuntu package that ships ``soname``."""
    return _PACKAGES.get(soname) or debian_package(soname)


def _xcb_plugin() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = Path(next(iter(spec.submodule_search_locations)))
    plugin = plugin / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.is_file() else None


def _loadable(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_xcb_libraries() -> list[str]:
    """Sonames the xcb platform needs and the system cannot load (~20 ms with ``ldd``)."""
    ldd, plugin = shutil.which("ldd"), _xcb_plugin()
    if ldd is None or plugin is None:
        return [name for name in XCB_LIBRARIES if not _loadable(name)]
    out = subprocess.run(  # noqa: S603 (the system's ldd on the installed plugin file)
        [ldd, str(plugin)], capture_output=True, text=True, timeout=20, check=False
    ).stdout
    return sorted({line.split()[0] for line in out.splitlines() if "not found" in line})


def gui_problem(
    environ: Mapping[str, str],
    *,
    platform: str = sys.platform,
    find_missing: Callable[[], list[str]] = missing_xcb_libraries,
) -> str | None:
    """A Dutch message when no window can open (exit 2 with it), else None."""
    if not platform.startswith("linux"):
        return None  # Windows and macOS bring their own display and libraries
    qpa = environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if qpa.startswith(HEADLESS_PLATFORMS):
        return None
    wayland, x11 = environ.get("WAYLAND_DISPLAY"), environ.get("DISPLAY")
    if qpa.startswith("wayland"):
        return None if wayland else MSG_NO_DISPLAY
    if not wayland and not x11:
        return MSG_NO_DISPLAY
    if qpa != "xcb" and wayland:
        return None  # Qt picks its Wayland plugin in a Wayland session
    missing = find_missing()
    if not missing:
        return None
    packages = " ".join(sorted({package_for(name) for name in missing}))
    return MSG_MISSING.format(libraries=", ".join(missing), packages=packages)
