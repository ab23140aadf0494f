"""Use case: build the PDF for cards or letters from domain objects (no database here).

The caller loads the cases (the lead's ``load_print_jobs``) and passes them in; this module
picks the text per resident (language, audience by age), fills it and returns PDF bytes.
Nothing is written to disk: the CLI writes to ``--out``; the UI asks where to save.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from fieldapp.domain.cases import Case
from fieldapp.domain.ddas import Dagdeel
from fieldapp.domain.letters import Audience, Language, LetterKind, Sender, audience_for
from fieldapp.domain.people import Person
from fieldapp.errors import FieldAppError
from fieldapp.files import write_private_atomic
from fieldapp.letters.geometry import CardLayout, WindowPosition
from fieldapp.letters.letter import recipient_lines
from fieldapp.letters.locale import format_letter_date
from fieldapp.letters.render import (
    LetterItem,
    prepare_text,
    render_calibration,
    render_cards,
    render_letters,
)

MAX_BLANK_CARDS = 2000


class PrintRefused(FieldAppError):
    """A print job cannot be made as asked. The message is Dutch and names no person."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class PrintJob:
    """One card or letter: the case, who signs it, and the planned visit (if any).

    ``language``/``audience`` override the defaults (language from the command, audience from
    the addressee's age).
    """

    case: Case
    sender: Sender | None
    visit_date: date | None = None
    dagdeel: Dagdeel | None = None
    language: Language | None = None
    audience: Audience | None = None
    route_no: int | None = None  # the stop's number in its shift: small on the card's back


JobLike = PrintJob | tuple[Case, Sender | None, date | None, Dagdeel | None]


def as_job(item: JobLike) -> PrintJob:
    """Accept the loader's ``(Case, Sender, date|None, Dagdeel|None)`` tuples as well."""
    if isinstance(item, PrintJob):
        return item
    case, sender, visit_date, dagdeel = item
    return PrintJob(case, sender, visit_date, dagdeel)


MSG_NO_CONTACT = (
    "Uw {missing} {verb}: dan staat er een lege regel op het kaartje of de brief. Vul uw "
    "gegevens in bij Instellingen, of met `fieldapp profile set --naam ... --telefoon ...`."
)


def check_sender(sender: Sender | None) -> Sender:
    """Refuse, before anything is printed, a card or letter whose contact lines would be blank.

    The resident must be able to call back: a name and a direct number are required."""
    missing = []
    if sender is None or not sender.display_name.strip():
        missing.append("naam")
    if sender is None or not sender.phone.strip():
        missing.append("telefoonnummer")
    if sender is None or missing:
        verb = "ontbreekt" if len(missing) == 1 else "ontbreken"
        raise PrintRefused(MSG_NO_CONTACT.format(missing=" en ".join(missing), verb=verb))
    return sender


def addressee(case: Case) -> Person | None:
    """The person a text is addressed to: the first person named in the case."""
    return case.people[0] if case.people else None


def _audience(job: PrintJob, today: date) -> Audience:
    return job.audience or audience_for(addressee(job.case), today)


def build_cards(
    jobs: Iterable[JobLike],
    *,
    today: date,
    language: Language = Language.NL,
    layout: CardLayout = CardLayout.A4_4UP,
) -> bytes:
    """Personalised niet-thuis-kaartjes, date and daypart pre-filled where planned.

    The card names no resident: it goes through the letterbox of whoever lives there.
    """
    jobs_list = list(jobs)
    texts = []
    for job in map(as_job, jobs_list):
        check_sender(job.sender)
        lang = job.language or language
        texts.append(
            prepare_text(
                LetterKind.NIET_THUIS_KAARTJE,
                lang,
                _audience(job, today),
                sender=job.sender,
                person=None,
                visit_date=job.visit_date,
                dagdeel=job.dagdeel,
                print_date=today,
            )
        )
    if not texts:
        raise PrintRefused("Er is niets om te printen: geen zaken gevonden.")
    marks = [str(job.route_no) if job.route_no else "" for job in map(as_job, jobs_list)]
    return render_cards(texts, layout, marks=marks)


def build_blank_cards(
    count: int,
    *,
    today: date,
    sender: Sender | None,
    language: Language = Language.NL,
    audience: Audience = Audience.STANDAARD,
    layout: CardLayout = CardLayout.A4_4UP,
) -> bytes:
    """Blank stock: date and daypart as handwriting lines (name and numbers too, without sender)."""
    if not 1 <= count <= MAX_BLANK_CARDS:
        raise PrintRefused(f"Kies een aantal kaartjes van 1 tot en met {MAX_BLANK_CARDS}.")
    text = prepare_text(
        LetterKind.NIET_THUIS_KAARTJE,
        language,
        audience,
        sender=sender,
        person=None,
        visit_date=None,
        dagdeel=None,
        print_date=today,
    )
    return render_cards([text] * count, layout)


def build_letters(
    jobs: Iterable[JobLike],
    *,
    kind: LetterKind,
    today: date,
    language: Language = Language.NL,
    window: WindowPosition | None = None,
) -> bytes:
    """One A4 letter per job, for a window envelope.

    Raises ``PrintRefused`` when a letter cannot be delivered (no street or town known, or no
    sender), or when a visit letter has no planned date and daypart.
    """
    if kind.is_card:
        raise PrintRefused("Kaartjes print u met 'print cards'.")
    items: list[LetterItem] = []
    for job in map(as_job, jobs):
        case = job.case
        sender = check_sender(job.sender)
        if case.address is None or not case.address.straat or not case.address.plaats:
            raise PrintRefused(
                f"Zaak {case.id}: straat of woonplaats onbekend; de brief kan niet worden bezorgd."
            )
        if kind.needs_visit_moment and (job.visit_date is None or job.dagdeel is None):
            raise PrintRefused(f"Zaak {case.id}: plan eerst een datum en dagdeel voor deze brief.")
        lang = job.language or language
        person = addressee(case)
        text = prepare_text(
            kind,
            lang,
            _audience(job, today),
            sender=sender,
            person=person,
            visit_date=job.visit_date,
            dagdeel=job.dagdeel,
            print_date=today,
        )
        items.append(
            LetterItem(
                text,
                sender,
                tuple(recipient_lines(person, case.address)),
                format_letter_date(today, lang),
            )
        )
    if not items:
        raise PrintRefused("Er is niets om te printen: geen zaken gevonden.")
    return render_letters(items, window)


def build_calibration(window: WindowPosition | None = None) -> bytes:
    return render_calibration(window)


def jobs_from(items: Sequence[JobLike]) -> list[PrintJob]:
    return [as_job(item) for item in items]


def write_pdf(path: Path, data: bytes) -> None:
    """Write atomically, readable only by the user (the PDF holds names and addresses)."""
    path = path.expanduser()
    if path.suffix.lower() != ".pdf":
        raise PrintRefused("Het uitvoerbestand moet op .pdf eindigen.")
    if not path.parent.is_dir():
        raise PrintRefused("De map voor het uitvoerbestand bestaat niet.")
    write_private_atomic(path, data)
