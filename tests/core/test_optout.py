"""Opt-out and 'onveilig': intake marks, Zorg still processed, planner rule, feedback."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from fieldapp.domain.ddas import Signaalpartner
from fieldapp.domain.priority import Policy
from fieldapp.domain.signals import FLAG_OPT_OUT, FLAG_OPT_OUT_ZORG, FLAG_UNSAFE_PAIRS
from fieldapp.errors import InputRefused
from fieldapp.privacy.optout import OptOutEntry, VisitRule, add_opt_out, list_opt_outs, visit_rule
from fieldapp.reporting.partner_feedback import feedback_rows
from fieldapp.services.intake import import_parsed
from fieldapp.store.client_store import Store
from fieldapp.store.schema import CaseRow, SignalRow
from tests.core.signal_factory import parsed, signal

TODAY = date(2026, 11, 23)


def entry(**kwargs: object) -> OptOutEntry:
    base: dict[str, object] = {
        "bsn": None,
        "postcode": "7411 ab",
        "huisnummer": 12,
        "kind": "niet_benaderen",
        "visit_mode": None,
        "until": None,
    }
    return OptOutEntry.from_input(**{**base, **kwargs})  # type: ignore[arg-type]


def test_bad_entries_get_a_clear_dutch_error() -> None:
    with pytest.raises(InputRefused, match="elfproef"):
        entry(bsn="123456789", postcode=None, huisnummer=None)
    with pytest.raises(InputRefused, match="bezoek"):
        entry(kind="onveilig")
    with pytest.raises(InputRefused, match="BSN of een adres"):
        entry(postcode=None, huisnummer=None)


def test_intake_marks_opt_out_zorg_still_processed_feedback_says_andere_reden(
    store: Store,
) -> None:
    with store.session() as s:
        add_opt_out(s, entry(), today=TODAY)
        import_parsed(
            s,
            [
                parsed(
                    signal(Signaalpartner.ENERGIE, ext="E-9", postcode="7411AB", nr=12),
                    signal(Signaalpartner.ZORG, ext="Z-9", postcode="7411AB", nr=12),
                    signal(Signaalpartner.WATER, ext="W-9", postcode="7500XY", nr=1),
                )
            ],
            policy=Policy(),
            today=TODAY,
        )
        status = dict(s.execute(select(SignalRow.external_id, SignalRow.status)).all())
        flags = dict(s.execute(select(SignalRow.external_id, SignalRow.flags)).all())
        assert status == {
            "E-9": "Niet opgepakt: andere reden",
            "Z-9": "Opgepakt",
            "W-9": "Opgepakt",
        }
        assert FLAG_OPT_OUT in flags["E-9"] and FLAG_OPT_OUT_ZORG in flags["Z-9"]
        case_flags = {r.postcode: r.flags for r in s.scalars(select(CaseRow))}
        assert FLAG_OPT_OUT_ZORG in case_flags["7411AB"]  # visible note on the case
        assert visit_rule(case_flags["7411AB"]) is None  # Zorg keeps the case going
        assert visit_rule(case_flags["7500XY"]) is None
        [row] = feedback_rows(
            s, partner=Signaalpartner.ENERGIE, start=date(2026, 1, 1), end=date(2026, 12, 31)
        )
        assert (row.status.value, row.result and row.result.value) == (
            "Niet opgepakt: andere reden",
            "niet_opgepakt",
        )
        assert [e.target for e in list_opt_outs(s)] == ["adres 7411…"]


def test_adding_an_entry_marks_existing_cases_for_the_planner(store: Store) -> None:
    with store.session() as s:
        import_parsed(
            s,
            [
                parsed(
                    signal(Signaalpartner.ENERGIE, postcode="7411AB", nr=12),
                    signal(Signaalpartner.HUUR, postcode="7500XY", nr=1, bsn="999990019"),
                )
            ],
            policy=Policy(),
            today=TODAY,
        )
        add_opt_out(s, entry(), today=TODAY)
        add_opt_out(
            s,
            entry(
                bsn="999990019", postcode=None, huisnummer=None, kind="onveilig", visit_mode="duo"
            ),
            today=TODAY,
        )
        rules = {r.postcode: visit_rule(r.flags) for r in s.scalars(select(CaseRow))}
        assert rules == {"7411AB": VisitRule.SKIP, "7500XY": VisitRule.PAIRS}
        assert any(FLAG_UNSAFE_PAIRS in r.flags for r in s.scalars(select(CaseRow)))
