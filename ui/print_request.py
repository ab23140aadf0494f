"""What the print dialog asks for, and how that becomes PDF bytes (no widgets here).

:func:`load_for` runs on the DB thread (cases, senders, planned visits); :func:`render` runs on
a worker thread (ReportLab, ~0.5 s per 100 cards). Both take and return plain values only, so
neither touches a widget: capture a :class:`PrintChoice` on the GUI thread first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from sqlalchemy.orm import Session

from fieldapp.domain.letters import Language, LetterKind, Sender
from fieldapp.letters.geometry import CardLayout, WindowPosition
from fieldapp.services.print_jobs import current_sender, load_organisation, load_print_jobs
from fieldapp.services.print_pdf import (
    PrintJob,
    build_blank_cards,
    build_calibration,
    build_cards,
    build_letters,
)


class Output(StrEnum):
    """What comes out of the printer; letters use their LetterKind value."""

    CARDS = "kaartjes"
    BLANK_CARDS = "lege_kaartjes"
    CALIBRATION = "kalibratie"


@dataclass(frozen=True, slots=True)
class PrintSource:
    """Where the dialog was opened: a day's shifts (Vandaag) and/or chosen cases.

    ``use_shifts``: offer the shifts of ``day`` (the planned route). ``case_ids``: the cases
    shown or opened, offered as a selection; ``label`` names it ("Molenweg 3").
    ``default``: the output selected first (an :class:`Output` or LetterKind value).
    ``default_shift_id``: the shift selected first (Vandaag: the current or next shift).
    """

    day: date
    case_ids: tuple[str, ...] = ()
    label: str = ""
    use_shifts: bool = False
    default: str = Output.CARDS.value
    default_shift_id: str | None = None


@dataclass(frozen=True, slots=True)
class PrintChoice:
    """The dialog's options, captured on the GUI thread."""

    output: str
    language: Language = Language.NL
    layout: CardLayout = CardLayout.A4_4UP
    count: int = 20
    window: WindowPosition = field(default_factory=WindowPosition)
    shift_id: str | None = None
    case_ids: tuple[str, ...] = ()

    @property
    def letter_kind(self) -> LetterKind | None:
        """The letter kind when letters are asked for, else None (cards, calibration)."""
        if self.output in {o.value for o in Output}:
            return None
        return LetterKind(self.output)

    @property
    def needs_cases(self) -> bool:
        return self.output not in (Output.BLANK_CARDS.value, Output.CALIBRATION.value)


@dataclass(frozen=True, slots=True)
class Loaded:
    """What :func:`load_for` read: the jobs (in route order) and the signing worker."""

    jobs: tuple[PrintJob, ...] = ()
    sender: Sender | None = None


@dataclass(frozen=True, slots=True, repr=False)
class BuiltPdf:
    """The PDF in memory and what is in it. ``repr`` is off: never log the bytes."""

    data: bytes
    output: str
    case_ids: tuple[str, ...]
    items: int
    layout: CardLayout | None = None  # cards only

    @property
    def personal(self) -> bool:
        """Whether the file holds residents' names or addresses (letters do; a card names no
        resident, blank cards and the calibration sheet hold nobody)."""
        return self.output not in {o.value for o in Output}


def load_for(session: Session, choice: PrintChoice, db_path: Path, today: date) -> Loaded:
    """DB thread: the jobs for ``choice`` (nothing for calibration; the sender for blanks)."""
    organisation = load_organisation(db_path)
    if choice.output == Output.CALIBRATION.value:
        return Loaded()
    if choice.output == Output.BLANK_CARDS.value:
        return Loaded(sender=current_sender(session, organisation))
    jobs = load_print_jobs(
        session,
        organisation=organisation,
        today=today,
        shift_id=choice.shift_id,
        case_ids=() if choice.shift_id else choice.case_ids,
    )
    return Loaded(jobs=tuple(jobs))


def render(choice: PrintChoice, loaded: Loaded, today: date) -> BuiltPdf:
    """Worker thread: the PDF bytes. Raises PrintRefused (a Dutch message) when impossible."""
    case_ids = tuple(job.case.id for job in loaded.jobs)
    kind = choice.letter_kind
    if choice.output == Output.CALIBRATION.value:
        return BuiltPdf(build_calibration(choice.window), choice.output, (), 1)
    if choice.output == Output.BLANK_CARDS.value:
        data = build_blank_cards(
            choice.count,
            today=today,
            sender=loaded.sender,
            language=choice.language,
            layout=choice.layout,
        )
        return BuiltPdf(data, choice.output, (), choice.count, choice.layout)
    if kind is None:
        data = build_cards(loaded.jobs, today=today, language=choice.language, layout=choice.layout)
    else:
        data = build_letters(
            loaded.jobs, kind=kind, today=today, language=choice.language, window=choice.window
        )
    layout = choice.layout if kind is None else None
    return BuiltPdf(data, choice.output, case_ids, len(case_ids), layout)
