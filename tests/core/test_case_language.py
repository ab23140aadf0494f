"""Each household's cards print in its own language (issue 11 item 14)."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from fieldapp.domain.ddas import Dagdeel, Signaalpartner
from fieldapp.domain.letters import Language
from fieldapp.domain.listing import WorkerInfo
from fieldapp.domain.priority import Policy
from fieldapp.services import queries
from fieldapp.services.case_language import case_languages, set_case_language
from fieldapp.services.cases import upsert_worker
from fieldapp.services.intake import import_parsed
from fieldapp.services.planning import plan_shift
from fieldapp.services.print_jobs import load_organisation, load_print_jobs
from fieldapp.services.print_pdf import build_cards
from fieldapp.store.client_store import Store
from fieldapp.sync.apply import _tombstone
from tests.core.signal_factory import parsed, signal

TODAY = date(2026, 11, 23)
WORKER = WorkerInfo("w-1", "iris", "Iris Bakker", "Iris", "worker", "", "+31612345678", "", "")


def _two_cases(store: Store) -> list[str]:
    with store.session() as s:
        upsert_worker(s, WORKER)
        import_parsed(
            s,
            [
                parsed(
                    signal(Signaalpartner.HUUR),
                    signal(Signaalpartner.ENERGIE, postcode="7411CD", nr=9, name="Visser"),
                )
            ],
            policy=Policy(),
            today=TODAY,
        )
        return sorted(r.id for r in queries.list_case_rows(s, today=TODAY))


def test_one_route_prints_each_household_in_its_own_language(store: Store) -> None:
    polish, dutch = _two_cases(store)
    with store.session() as s:
        set_case_language(s, polish, Language.PL)
        shift_id, _ = plan_shift(
            s, worker_id=WORKER.id, day=TODAY, dagdeel=Dagdeel.AVOND, case_ids=[polish, dutch]
        )
        jobs = load_print_jobs(
            s, organisation=load_organisation(None), today=TODAY, shift_id=shift_id
        )
        by_case = {j.case.id: j.language for j in jobs}
        case_jobs = load_print_jobs(
            s, organisation=load_organisation(None), today=TODAY, case_ids=[polish]
        )
    assert by_case == {polish: Language.PL, dutch: None}
    assert case_jobs[0].language is Language.PL
    pdf = PdfReader(io.BytesIO(build_cards(jobs, today=TODAY, language=Language.NL)))
    front = pdf.pages[0].extract_text()
    assert "Dzień dobry" in front and "Hallo" in front  # both languages on one sheet


def test_the_choice_can_be_cleared_and_goes_with_the_cases_personal_data(store: Store) -> None:
    first, second = _two_cases(store)
    with store.session() as s:
        set_case_language(s, first, Language.AR)
        set_case_language(s, second, Language.TR)
        set_case_language(s, second, None)
        assert case_languages(s, [first, second]) == {first: Language.AR}
        _tombstone(s, first)  # unassigned or purged: removed from this laptop
        assert case_languages(s, [first, second]) == {}
