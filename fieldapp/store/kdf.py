"""Argon2id cost parameters, the derivation itself, and calibration to this device."""

from __future__ import annotations

import time
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw

SALT_BYTES = 16

# Sanity bounds when *reading* a slot: a damaged or hostile file must not make us allocate
# 100 GiB or spin for an hour. Policy minimums for new slots are the caller's choice.
_MAX_T = 64
_MAX_M_KIB = 4 * 1024 * 1024
_MAX_P = 64


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id cost: ``t`` passes, ``m`` KiB of memory, ``p`` lanes."""

    t: int
    m: int
    p: int

    def __post_init__(self) -> None:
        ok = 1 <= self.t <= _MAX_T and 1 <= self.p <= _MAX_P and 8 * self.p <= self.m
        if not (ok and self.m <= _MAX_M_KIB):
            raise ValueError("Argon2id parameters out of range")


#: RFC 9106 second recommendation; ~150 ms on the 2-vCPU reference VM. Real stores use this
#: or the result of :func:`calibrate`.
DEFAULT_PARAMS = KdfParams(t=3, m=64 * 1024, p=4)
#: For tests and the demo only (pass explicitly). Never the default for a real store.
FAST_TEST_PARAMS = KdfParams(t=1, m=8 * 1024, p=1)


def calibrate(target_seconds: float = 0.5, *, m: int = 64 * 1024, p: int = 4) -> KdfParams:
    """Pick Argon2id ``t`` (>= 3, RFC 9106) so one derivation takes about ``target_seconds``.

    Runs a few real derivations (a second or two); call it once when a store is created on the
    device, not in tests.
    """
    probe = KdfParams(t=3, m=m, p=p)
    start = time.perf_counter()
    argon2id(b"calibration probe", b"\0" * SALT_BYTES, probe)
    per_pass = max((time.perf_counter() - start) / probe.t, 1e-6)
    t = max(3, min(_MAX_T, round(target_seconds / per_pass)))
    return KdfParams(t=t, m=m, p=p)


def argon2id(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        secret=secret,
        salt=salt,
        time_cost=params.t,
        memory_cost=params.m,
        parallelism=params.p,
        hash_len=32,
        type=Type.ID,
    )
