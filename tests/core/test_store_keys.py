"""Key slots: real Argon2id + AES-GCM on real files (FAST_TEST_PARAMS for speed)."""

from __future__ import annotations

import json
import os
import stat
import unicodedata
from pathlib import Path

import pytest

from fieldapp import files
from fieldapp.errors import StoreCorrupt, StoreMissing, StoreTooNew, WeakPassphrase, WrongPassphrase
from fieldapp.store import kdf, key_slots, passphrase_policy
from fieldapp.store.kdf import FAST_TEST_PARAMS, KdfParams

PASS = "paarse fiets onder de brug"


@pytest.fixture
def slot_path(tmp_path: Path) -> Path:
    return key_slots.slot_path_for(tmp_path / "veldwerk.db")


@pytest.fixture
def dek(slot_path: Path) -> bytearray:
    d = key_slots.new_dek()
    key_slots.create_slots(slot_path, d, PASS, db_id="db-1", params=FAST_TEST_PARAMS)
    return d


def test_slot_path_sits_beside_the_database(tmp_path: Path) -> None:
    assert key_slots.slot_path_for(tmp_path / "veldwerk.db") == tmp_path / "veldwerk.db.keys"


def test_unlock_returns_the_wrapped_key(slot_path: Path, dek: bytearray) -> None:
    got = key_slots.unlock(slot_path, PASS)
    assert isinstance(got, bytearray) and got == dek and len(got) == 32
    # The DEK itself is not in the file, in any encoding we write.
    raw = slot_path.read_bytes()
    assert bytes(dek) not in raw and dek.hex().encode() not in raw


def test_slot_file_records_params_and_is_private(slot_path: Path, dek: bytearray) -> None:
    doc = json.loads(slot_path.read_text())
    slot = doc["slots"][0]
    assert doc["version"] == 1 and doc["db_id"] == "db-1"
    assert (slot["kind"], slot["kdf"]) == ("passphrase", "argon2id")
    assert (slot["t"], slot["m"], slot["p"]) == (1, 8 * 1024, 1)
    assert stat.S_IMODE(os.stat(slot_path).st_mode) == 0o600


def test_wrong_passphrase_raises_typed_error_without_the_passphrase(
    slot_path: Path, dek: bytearray
) -> None:
    with pytest.raises(WrongPassphrase) as info:
        key_slots.unlock(slot_path, "paarse fiets onder de brug!")
    assert "fiets" not in str(info.value)


def test_nfc_and_nfd_spellings_of_a_passphrase_both_unlock(tmp_path: Path) -> None:
    phrase = "crème brûlée op één fiets"
    nfd = unicodedata.normalize("NFD", phrase)
    assert nfd != unicodedata.normalize("NFC", phrase)
    path = tmp_path / "a.db.keys"
    d = key_slots.new_dek()
    key_slots.create_slots(path, d, nfd, db_id="x", params=FAST_TEST_PARAMS)
    assert key_slots.unlock(path, unicodedata.normalize("NFC", phrase)) == d
    assert key_slots.unlock(path, nfd) == d


def test_slot_is_bound_to_its_database_id(slot_path: Path, dek: bytearray) -> None:
    doc = json.loads(slot_path.read_text())
    doc["db_id"] = "db-2"  # slot copied next to another database
    slot_path.write_text(json.dumps(doc))
    with pytest.raises(WrongPassphrase):
        key_slots.unlock(slot_path, PASS)


def test_change_passphrase_rewraps_keeps_recovery_slot(slot_path: Path, dek: bytearray) -> None:
    recovery = key_slots.new_recovery_key()
    key_slots.add_recovery_slot(slot_path, dek, recovery)
    new = "groene tram naar het strand"
    key_slots.change_passphrase(slot_path, PASS, new)
    with pytest.raises(WrongPassphrase):
        key_slots.unlock(slot_path, PASS)
    assert key_slots.unlock(slot_path, new) == dek
    assert key_slots.unlock_with_recovery(slot_path, recovery) == dek
    slot = json.loads(slot_path.read_text())["slots"][0]
    assert (slot["t"], slot["m"], slot["p"]) == (1, 8 * 1024, 1)  # params kept by default


def test_change_passphrase_can_raise_the_kdf_cost(slot_path: Path, dek: bytearray) -> None:
    new = "groene tram naar het strand"
    key_slots.change_passphrase(slot_path, PASS, new, params=KdfParams(t=2, m=16 * 1024, p=2))
    slot = json.loads(slot_path.read_text())["slots"][0]
    assert (slot["t"], slot["m"], slot["p"]) == (2, 16 * 1024, 2)
    assert key_slots.unlock(slot_path, new) == dek


def test_change_passphrase_refuses_weak_or_wrong(slot_path: Path, dek: bytearray) -> None:
    before = slot_path.read_bytes()
    with pytest.raises(WeakPassphrase):
        key_slots.change_passphrase(slot_path, PASS, "kort")
    with pytest.raises(WrongPassphrase):
        key_slots.change_passphrase(
            slot_path, "niet de goede zin hoor", "groene tram naar het strand"
        )
    assert slot_path.read_bytes() == before


def test_recovery_slot_unlocks_and_wrong_recovery_key_fails(
    slot_path: Path, dek: bytearray
) -> None:
    recovery = key_slots.new_recovery_key()
    key_slots.add_recovery_slot(slot_path, dek, recovery)
    assert key_slots.unlock_with_recovery(slot_path, recovery) == dek
    assert key_slots.unlock(slot_path, PASS) == dek  # passphrase slot untouched
    with pytest.raises(WrongPassphrase):
        key_slots.unlock_with_recovery(slot_path, key_slots.new_recovery_key())
    with pytest.raises(WrongPassphrase):
        key_slots.unlock_with_recovery(slot_path, b"short")


def test_recovery_resets_a_forgotten_passphrase(slot_path: Path, dek: bytearray) -> None:
    recovery = key_slots.new_recovery_key()
    key_slots.add_recovery_slot(slot_path, dek, recovery)
    new = "nieuwe zin na het vergeten"
    got = key_slots.reset_passphrase_with_recovery(slot_path, recovery, new, FAST_TEST_PARAMS)
    assert got == dek
    assert key_slots.unlock(slot_path, new) == dek
    with pytest.raises(WrongPassphrase):
        key_slots.unlock(slot_path, PASS)


def test_missing_and_damaged_slot_files_are_typed(slot_path: Path, dek: bytearray) -> None:
    good = slot_path.read_text()
    slot_path.write_bytes(b"\x00\xffnot json")
    with pytest.raises(StoreCorrupt):
        key_slots.unlock(slot_path, PASS)
    slot_path.write_text(good[: len(good) // 2])  # torn write
    with pytest.raises(StoreCorrupt):
        key_slots.unlock(slot_path, PASS)
    doc = json.loads(good)
    doc["slots"][0]["m"] = 1 << 40  # absurd memory cost must not be attempted
    slot_path.write_text(json.dumps(doc))
    with pytest.raises(StoreCorrupt):
        key_slots.unlock(slot_path, PASS)
    doc = json.loads(good)
    doc["slots"][0]["wrapped"] = "!!not base64!!"
    slot_path.write_text(json.dumps(doc))
    with pytest.raises(StoreCorrupt):
        key_slots.unlock(slot_path, PASS)
    doc = json.loads(good)
    doc["version"] = 99
    slot_path.write_text(json.dumps(doc))
    with pytest.raises(StoreTooNew):
        key_slots.unlock(slot_path, PASS)
    slot_path.unlink()
    with pytest.raises(StoreMissing):
        key_slots.unlock(slot_path, PASS)


def test_crash_before_replace_leaves_old_slot_usable(
    slot_path: Path, dek: bytearray, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = slot_path.read_bytes()

    def crash(src: object, dst: object) -> None:
        raise KeyboardInterrupt  # power cut between fsync(temp) and rename

    monkeypatch.setattr(files.os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        key_slots.change_passphrase(slot_path, PASS, "groene tram naar het strand")
    monkeypatch.undo()
    assert slot_path.read_bytes() == before
    assert key_slots.unlock(slot_path, PASS) == dek


def test_stray_temp_file_is_ignored_then_cleaned_and_shredded(
    slot_path: Path, dek: bytearray
) -> None:
    # What a crash after the temp write but before os.replace leaves behind.
    stray = slot_path.with_name(f".{slot_path.name}.tmp-deadbeef0000")
    stray.write_text(slot_path.read_text()[:40])
    assert key_slots.unlock(slot_path, PASS) == dek
    key_slots.change_passphrase(slot_path, PASS, "groene tram naar het strand")
    assert not stray.exists()
    stray.write_text("{}")
    key_slots.destroy_slots(slot_path)
    assert not slot_path.exists() and not stray.exists()
    with pytest.raises(StoreMissing):
        key_slots.unlock(slot_path, "groene tram naar het strand")


def test_create_refuses_to_overwrite_existing_slots(slot_path: Path, dek: bytearray) -> None:
    with pytest.raises(FileExistsError):
        key_slots.create_slots(
            slot_path, key_slots.new_dek(), PASS, db_id="y", params=FAST_TEST_PARAMS
        )
    assert key_slots.unlock(slot_path, PASS) == dek


@pytest.mark.parametrize(
    "weak",
    ["kort", "aaaaaaaaaaaaaaaa", "Wachtwoord1234", "  welkom123456 ", "ééééééééééééé"],
)
def test_passphrase_policy_rejects_weak_with_dutch_message(weak: str) -> None:
    with pytest.raises(WeakPassphrase) as info:
        passphrase_policy.check_new_passphrase(weak)
    assert "wachtwoordzin" in str(info.value).lower()


def test_passphrase_policy_counts_characters_after_nfc() -> None:
    # 11 NFC characters (é as one) but 12 code points in NFD: too short.
    with pytest.raises(WeakPassphrase):
        passphrase_policy.check_new_passphrase(unicodedata.normalize("NFD", "café op zee"))
    passphrase_policy.check_new_passphrase("paarse fiets onder de brug")
    passphrase_policy.check_new_passphrase("ŝtraße-één-λ")  # non-ASCII is fine


def test_calibrate_picks_at_least_rfc_minimum_passes() -> None:
    params = kdf.calibrate(0.01, m=8 * 1024, p=1)
    assert params.t >= 3 and params.m == 8 * 1024 and params.p == 1


def test_wipe_zeroes_the_buffer() -> None:
    d = key_slots.new_dek()
    key_slots.wipe(d)
    assert d == bytearray(32)


def _clock(*readings: float):  # type: ignore[no-untyped-def]
    it = iter(readings)
    return lambda: next(it)


def test_calibration_keeps_t_between_rfc_minimum_and_a_cap() -> None:
    small = {"m": 8 * 1024, "p": 1}
    # 3 passes took 3 s: even one pass is over the target, so the RFC minimum.
    assert kdf.calibrate(0.5, clock=_clock(0.0, 3.0), **small).t == kdf.CALIBRATED_T_MIN
    # 3 passes took 0.3 ms (a disturbed probe): capped, not hundreds of passes.
    assert kdf.calibrate(0.5, clock=_clock(0.0, 0.0003), **small).t == kdf.CALIBRATED_T_MAX
    # 3 passes took 0.15 s: 50 ms a pass, 10 passes for half a second.
    assert kdf.calibrate(0.5, clock=_clock(0.0, 0.15), **small) == KdfParams(t=10, m=8192, p=1)


def test_a_store_made_without_params_is_calibrated_on_this_device(tmp_path: Path) -> None:
    from fieldapp.store.client_store import Store

    db = tmp_path / "veldwerk.db"
    Store.create(db, PASS).close()
    slot = json.loads(key_slots.slot_path_for(db).read_text(encoding="utf-8"))["slots"][0]
    assert kdf.CALIBRATED_T_MIN <= slot["t"] <= kdf.CALIBRATED_T_MAX
    assert (slot["m"], slot["p"]) == (kdf.DEFAULT_PARAMS.m, kdf.DEFAULT_PARAMS.p)


@pytest.mark.parametrize(
    ("damage", "field"),
    [
        (lambda d: d["slots"][0].update(salt="!!geen base64!!"), "veld slots.0.passphrase.salt"),
        (lambda d: d["slots"][0].update(t="3"), "veld slots.0.passphrase.t"),
        (lambda d: d.update(version=True), "veld version"),
        (lambda d: d.update(slots=[]), "veld slots"),
    ],
)
def test_a_damaged_slot_file_names_the_field_but_never_its_value(
    slot_path: Path, dek: bytearray, damage, field: str
) -> None:
    doc = json.loads(slot_path.read_text())
    wrapped = doc["slots"][0]["wrapped"]
    damage(doc)
    slot_path.write_text(json.dumps(doc))
    with pytest.raises(StoreCorrupt) as info:
        key_slots.unlock(slot_path, PASS)
    assert str(info.value) == "Het sleutelbestand van de database is beschadigd."  # UI-translated
    detail = getattr(info.value, "detail", "")
    assert detail == field
    assert wrapped not in detail and "geen base64!!" not in detail
