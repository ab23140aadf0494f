"""``fieldapp doctor``: what a support desk asks first, checked on this machine.

Every check returns a :class:`Check` with a status and a short Dutch detail. The report holds
no personal data: no names, no passphrase, no case content, and paths under the user's home
folder are shown as ``~/...`` (the home folder usually carries the user's name).
"""

from __future__ import annotations

import enum
import os
import shutil
import ssl
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import fieldapp
from fieldapp.support.deployment import DeploymentInvalid, load_deployment
from fieldapp.support.gui_preflight import missing_xcb_libraries, package_for

CLOCK_SKEW_WARN_S = 120.0
QT_PROBE_ENV = "FIELDAPP_QT_PROBE"


class Status(enum.StrEnum):
    OK = "ok"
    WARN = "waarschuwing"
    FAIL = "fout"
    SKIP = "overgeslagen"


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    status: Status
    detail: str

    def to_json(self) -> dict[str, str]:
        return {"check": self.name, "status": self.status.value, "detail": self.detail}


def shown_path(path: Path) -> str:
    """``path`` with the home folder as ``~`` (the home folder usually names the user)."""
    try:
        return "~/" + str(path.resolve().relative_to(Path.home().resolve()))
    except ValueError:
        return str(path)


def check_versions() -> Check:
    frozen = " (bundel)" if getattr(sys, "frozen", False) else ""
    return Check(
        "versie",
        Status.OK,
        f"Veldwerk {fieldapp.__version__}{frozen}, Python {sys.version.split()[0]}, {sys.platform}",
    )


def missing_qt_libraries() -> list[str]:
    """Shared libraries Qt's xcb platform plugin needs and cannot find (Linux)."""
    if not sys.platform.startswith("linux"):
        return []
    return missing_xcb_libraries()


def check_display() -> Check:
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal", "vnc")):
        return Check("beeldscherm", Status.OK, f"Qt-platform {platform} (geen scherm nodig)")
    if not sys.platform.startswith("linux"):
        return Check("beeldscherm", Status.OK, "Windows/macOS: eigen beeldscherm")
    if os.environ.get("WAYLAND_DISPLAY") or os.environ.get("DISPLAY"):
        kind = "Wayland" if os.environ.get("WAYLAND_DISPLAY") else "X11"
        return Check("beeldscherm", Status.OK, f"{kind}-beeldscherm gevonden")
    return Check(
        "beeldscherm",
        Status.FAIL,
        "geen beeldscherm gevonden (DISPLAY/WAYLAND_DISPLAY leeg); "
        "gebruik `fieldapp demo --no-gui` of start vanuit een bureaubladsessie",
    )


def check_qt_libraries(missing: Sequence[str] | None = None) -> Check:
    missing = missing_qt_libraries() if missing is None else missing
    if missing:
        headless = os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal"))
        packages = " ".join(sorted({package_for(name) for name in missing}))
        return Check(
            "Qt-bibliotheken",
            Status.WARN if headless else Status.FAIL,
            f"voor een venster ontbreken: {', '.join(missing)} — installeer met: "
            f"sudo apt-get install {packages}",
        )
    return Check("Qt-bibliotheken", Status.OK, "alle bibliotheken van het xcb-platform gevonden")


def _probe_command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "ui.main"]


Runner = Callable[..., subprocess.CompletedProcess[str]]


def check_qt_start(runner: Runner = subprocess.run) -> Check:
    """Start Qt for real in a child process (a crash there cannot take this report down)."""
    env = dict(os.environ, **{QT_PROBE_ENV: "1"})
    try:
        done = runner(
            _probe_command(), env=env, capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Check("Qt starten", Status.FAIL, f"Qt start niet ({exc.__class__.__name__})")
    if done.returncode == 0 and "QT-OK" in done.stdout:
        platform = done.stdout.split("QT-OK", 1)[1].strip() or "?"
        return Check("Qt starten", Status.OK, f"Qt start (platform {platform})")
    return Check(
        "Qt starten",
        Status.FAIL,
        f"Qt start niet (afsluitcode {done.returncode}); zie de Qt-bibliotheken hierboven",
    )


def check_fonts() -> Check:
    from fieldapp.letters.fonts import ensure_fonts

    try:
        ensure_fonts()
    except Exception as exc:  # a missing or broken font file: report, never crash the report
        return Check("lettertypen", Status.FAIL, f"niet te laden ({exc.__class__.__name__})")
    return Check("lettertypen", Status.OK, "DejaVu Sans (normaal en vet) geladen")


def check_texts() -> Check:
    from fieldapp.letters.templates import all_text_paths, letters_dir

    try:
        count = len(list(all_text_paths()))
    except OSError as exc:
        return Check("teksten", Status.FAIL, f"niet leesbaar ({exc.__class__.__name__})")
    if count == 0:
        return Check("teksten", Status.FAIL, f"geen teksten in {shown_path(letters_dir())}")
    return Check("teksten", Status.OK, f"{count} teksten voor brieven en kaartjes")


def check_sqlcipher() -> Check:
    try:
        import sqlcipher3

        connection = sqlcipher3.connect(":memory:")
        try:
            row = connection.execute("PRAGMA cipher_version").fetchone()
        finally:
            connection.close()
    except Exception as exc:  # an absent or broken build: say so
        return Check("SQLCipher", Status.FAIL, f"niet beschikbaar ({exc.__class__.__name__})")
    if not row or not row[0]:
        return Check("SQLCipher", Status.FAIL, "sqlcipher3 zonder versleuteling gebouwd")
    return Check("SQLCipher", Status.OK, f"versie {row[0]}")


def check_data_folder(data_dir: Path) -> Check:
    name = "gegevensmap"
    where = shown_path(data_dir)
    if not data_dir.exists():
        parent = next((p for p in data_dir.parents if p.exists()), None)
        if parent is not None and os.access(parent, os.W_OK):
            return Check(name, Status.OK, f"{where} bestaat nog niet (wordt bij start gemaakt)")
        return Check(name, Status.FAIL, f"{where} kan niet worden gemaakt (geen schrijfrecht)")
    if not os.access(data_dir, os.W_OK | os.X_OK):
        return Check(name, Status.FAIL, f"{where}: geen schrijfrecht")
    free_mib = shutil.disk_usage(data_dir).free / 2**20
    if sys.platform != "win32":
        mode = data_dir.stat().st_mode & 0o777
        if mode & 0o077:
            return Check(
                name,
                Status.WARN,
                f"{where} is leesbaar voor anderen (rechten {mode:o}; verwacht 700): "
                f"chmod 700 {where}",
            )
    if free_mib < 200:
        return Check(name, Status.WARN, f"{where}: nog maar {free_mib:.0f} MiB vrij")
    return Check(name, Status.OK, f"{where}, schrijfbaar, {free_mib / 1024:.1f} GiB vrij")


def check_server(url: str | None, ca_bundle: Path | None) -> list[Check]:
    """Reachable with TLS (and the CA bundle), protocol compatible, clock skew small."""
    if not url:
        return [
            Check("server", Status.SKIP, "geen serveradres (gebruik --server of veldwerk.toml)")
        ]
    import httpx

    from fieldapp.sync.protocol import PROTOCOL_VERSION
    from fieldapp.sync.transport import SyncError, check_url

    try:
        base = check_url(url)
    except SyncError as exc:
        return [Check("server", Status.FAIL, str(exc))]
    verify: ssl.SSLContext | bool = True
    if ca_bundle is not None:
        if not ca_bundle.is_file():
            return [Check("server", Status.FAIL, f"CA-bestand {shown_path(ca_bundle)} ontbreekt")]
        verify = ssl.create_default_context(cafile=str(ca_bundle))
    started = time.perf_counter()
    try:
        response = httpx.get(f"{base.rstrip('/')}/v1/health", verify=verify, timeout=10.0)
    except httpx.ConnectError as exc:
        reason = (
            "certificaat niet vertrouwd" if "CERTIFICATE" in str(exc).upper() else "geen verbinding"
        )
        return [Check("server", Status.FAIL, f"{reason} met {base}")]
    except httpx.HTTPError as exc:
        return [Check("server", Status.FAIL, f"{base}: {exc.__class__.__name__}")]
    ms = (time.perf_counter() - started) * 1000
    try:
        health = response.json()
    except ValueError:
        health = None
    if response.status_code != 200 or not isinstance(health, dict) or health.get("status") != "ok":
        return [
            Check(
                "server",
                Status.FAIL,
                f"{base} antwoordt, maar niet als Veldwerk-server (HTTP {response.status_code}; "
                "een inlogpagina van een wifi-netwerk?)",
            )
        ]
    checks = [
        Check(
            "server",
            Status.OK,
            f"{base} bereikbaar{' via TLS' if base.startswith('https') else ''} in {ms:.0f} ms"
            + (f", serverversie {health['version']}" if health.get("version") else ""),
        )
    ]
    minimum = int(health.get("min_protocol_version", 0))
    if minimum > PROTOCOL_VERSION:
        checks.append(
            Check("protocol", Status.FAIL, "deze Veldwerk is te oud voor de server: werk bij")
        )
    else:
        checks.append(Check("protocol", Status.OK, f"protocol {PROTOCOL_VERSION} wordt aanvaard"))
    checks.append(_clock_check(response.headers.get("date")))
    return checks


def _clock_check(date_header: str | None, now: datetime | None = None) -> Check:
    if not date_header:
        return Check("klok", Status.SKIP, "de server gaf geen tijd mee")
    try:
        server_time = parsedate_to_datetime(date_header)
    except (TypeError, ValueError):
        return Check("klok", Status.SKIP, "servertijd onleesbaar")
    skew = ((now or datetime.now(UTC)) - server_time).total_seconds()
    if abs(skew) > CLOCK_SKEW_WARN_S:
        direction = "voor" if skew > 0 else "achter"
        return Check(
            "klok",
            Status.WARN,
            f"de klok van deze laptop loopt {abs(skew) / 60:.0f} minuten {direction} op de "
            "server: termijnen en dagdelen kunnen verkeerd uitkomen",
        )
    return Check("klok", Status.OK, f"verschil met de server {abs(skew):.0f} s")


def run_checks(
    *,
    data_dir: Path,
    server_url: str | None = None,
    ca_bundle: Path | None = None,
    start_qt: bool = True,
) -> list[Check]:
    checks = [check_versions()]
    try:
        deployment = load_deployment()
    except DeploymentInvalid as exc:
        checks.append(Check("instellingen", Status.FAIL, str(exc)))
    else:
        source = shown_path(deployment.source) if deployment.source else "geen (standaard)"
        checks.append(Check("instellingen", Status.OK, f"instellingenbestand: {source}"))
        server_url = server_url or deployment.server_url
        ca_bundle = ca_bundle or deployment.ca_bundle
    display = check_display()
    checks += [display, check_qt_libraries()]
    if start_qt and display.status is not Status.FAIL:
        checks.append(check_qt_start())
    checks += [check_fonts(), check_texts(), check_sqlcipher(), check_data_folder(data_dir)]
    checks += check_server(server_url, ca_bundle)
    return checks


def worst(checks: Sequence[Check]) -> Status:
    statuses = {c.status for c in checks}
    for status in (Status.FAIL, Status.WARN):
        if status in statuses:
            return status
    return Status.OK
