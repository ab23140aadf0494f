"""``fieldapp letters lint`` and ``fieldapp print ...``: texts checked, cards and letters as PDF.

``register(sub)`` wires the commands to the client store (``--db``). Tests and other front ends
may hand in their own ``job_source(args)`` (print jobs for ``args.shift`` / ``args.case``: a list
of ``PrintJob`` or ``(Case, Sender, date|None, Dagdeel|None)`` tuples) and ``sender_source(args)``
(the signing worker for blank stock, or None: handwriting lines).

Commands::

    fieldapp letters lint [PATH ...] [--zonder-opmaak]
    fieldapp print cards   [--shift ID | --case ID ...] --out F.pdf [--taal nl]
                           [--opmaak a4|a6|drukkerij]
    fieldapp print cards   --blank --count N --out F.pdf
    fieldapp print letters --kind K [--shift ID | --case ID ...] --out F.pdf
                           [--venster-x MM --venster-y MM] [--registreer]
    fieldapp print calibration --out F.pdf [--venster-x MM --venster-y MM]

Output goes only to ``--out`` (mode 0600: it holds personal data); nothing else is written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from fieldapp.cli.common import db_path, open_store
from fieldapp.domain.letters import Audience, Language, LetterKind, Sender
from fieldapp.errors import FieldAppError
from fieldapp.letters.geometry import CardLayout, WindowPosition
from fieldapp.letters.lint import lint_all, lint_paths
from fieldapp.letters.templates import TemplateError
from fieldapp.services.print_pdf import (
    JobLike,
    PrintRefused,
    build_blank_cards,
    build_calibration,
    build_cards,
    build_letters,
    write_pdf,
)

JobSource = Callable[[argparse.Namespace], Sequence[JobLike]]
SenderSource = Callable[[argparse.Namespace], Sender | None]
LettersWritten = Callable[[argparse.Namespace, Sequence[JobLike]], None]


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    *,
    job_source: JobSource | None = None,
    sender_source: SenderSource | None = None,
    today: Callable[[], date] = date.today,
    on_letters_written: LettersWritten | None = None,
    from_store: bool = True,
) -> None:
    """Add ``letters`` and ``print`` to the main parser. Each leaf sets ``func(args) -> int``.

    ``from_store`` (default: the real command line) takes jobs, sender and letter logging from the
    client store named by ``--db``, for whichever of the three is not handed in.
    """
    if from_store:
        job_source = job_source or store_jobs
        sender_source = sender_source or store_sender
        on_letters_written = on_letters_written or log_letters_in_store
    letters = subparsers.add_parser("letters", help="teksten voor brieven en kaartjes")
    letters_sub = letters.add_subparsers(dest="letters_command", required=True)
    lint = letters_sub.add_parser("lint", help="controleer alle teksten (taal, toon, velden)")
    lint.add_argument("paths", nargs="*", type=Path, help="bestanden (standaard: alle teksten)")
    lint.add_argument(
        "--zonder-opmaak",
        action="store_true",
        help="sla de controle over of de tekst op de kaart of pagina past",
    )
    lint.set_defaults(func=run_lint)

    printing = subparsers.add_parser("print", help="kaartjes en brieven als PDF")
    print_sub = printing.add_subparsers(dest="print_command", required=True)

    cards = print_sub.add_parser("cards", help="niet-thuis-kaartjes (A6)")
    _add_selection(cards)
    cards.add_argument(
        "--kind",
        default=LetterKind.NIET_THUIS_KAARTJE.value,
        choices=[LetterKind.NIET_THUIS_KAARTJE.value],
    )
    cards.add_argument("--blank", action="store_true", help="blanco kaartjes om in te vullen")
    cards.add_argument("--count", type=int, default=0, help="aantal blanco kaartjes")
    cards.add_argument("--doelgroep", choices=[a.value for a in Audience], default=None)
    cards.add_argument(
        "--opmaak",
        choices=[c.value for c in CardLayout],
        default=CardLayout.A4_4UP.value,
        help="a4: 4 per vel met snijtekens; a6: 1 per pagina; drukkerij: met afloop",
    )
    cards.set_defaults(func=lambda args: run_print_cards(args, job_source, sender_source, today()))

    letters_cmd = print_sub.add_parser("letters", help="brieven (A4, vensterenvelop)")
    _add_selection(letters_cmd)
    letters_cmd.add_argument(
        "--kind", required=True, choices=[k.value for k in LetterKind if not k.is_card]
    )
    _add_window(letters_cmd)
    letters_cmd.add_argument(
        "--registreer",
        action="store_true",
        help="leg per brief een contactpoging 'Brief' vast (na het schrijven van de PDF)",
    )
    letters_cmd.set_defaults(
        func=lambda args: run_print_letters(args, job_source, today(), on_letters_written)
    )

    calibration = print_sub.add_parser(
        "calibration", help="proefafdruk om het venster af te stellen"
    )
    calibration.add_argument("--out", required=True, type=Path)
    _add_window(calibration)
    calibration.set_defaults(func=run_print_calibration)


def _add_selection(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--shift", help="id van een dienst (route)")
    group.add_argument("--case", action="append", default=[], help="id van een zaak (herhaalbaar)")
    parser.add_argument("--out", required=True, type=Path, help="PDF-bestand om te schrijven")
    parser.add_argument(
        "--taal", choices=[lang.value for lang in Language], default=Language.NL.value
    )


def _add_window(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--venster-x", type=float, default=0.0, help="verschuiving in mm, + = rechts"
    )
    parser.add_argument(
        "--venster-y", type=float, default=0.0, help="verschuiving in mm, + = omlaag"
    )


def _window(args: argparse.Namespace) -> WindowPosition:
    return WindowPosition(offset_x_mm=args.venster_x, offset_y_mm=args.venster_y)


def _guarded(action: Callable[[], int]) -> int:
    try:
        return action()
    except FieldAppError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return exc.exit_code
    except TemplateError as exc:
        print("Fout: een tekst is onbruikbaar; draai 'fieldapp letters lint'.", file=sys.stderr)
        for problem in exc.problems[:10]:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except ValueError as exc:
        # CardOverflow / LetterOverflow / IndiscreetOutside: messages name texts, not people.
        print(f"Fout: {exc}", file=sys.stderr)
        return 1


def _jobs(args: argparse.Namespace, job_source: JobSource | None) -> Sequence[JobLike]:
    if job_source is None:
        raise PrintRefused("Printen van zaken is in deze omgeving niet beschikbaar.")
    if not args.shift and not args.case:
        raise PrintRefused("Kies een dienst (--shift) of een of meer zaken (--case).")
    return job_source(args)


def run_lint(args: argparse.Namespace) -> int:
    check_fit = not args.zonder_opmaak
    problems = (
        lint_paths(args.paths, check_fit=check_fit) if args.paths else lint_all(check_fit=check_fit)
    )
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} bevinding(en).", file=sys.stderr)
        return 1
    print("Alle teksten in orde.")
    return 0


def run_print_cards(
    args: argparse.Namespace,
    job_source: JobSource | None,
    sender_source: SenderSource | None,
    today: date,
) -> int:
    def action() -> int:
        layout = CardLayout(args.opmaak)
        language = Language(args.taal)
        if args.blank:
            sender = sender_source(args) if sender_source else None
            audience = Audience(args.doelgroep) if args.doelgroep else Audience.STANDAARD
            data = build_blank_cards(
                args.count,
                today=today,
                sender=sender,
                language=language,
                audience=audience,
                layout=layout,
            )
            count = args.count
        else:
            jobs = _jobs(args, job_source)
            data = build_cards(jobs, today=today, language=language, layout=layout)
            count = len(jobs)
        write_pdf(args.out, data)
        print(f"{count} kaartje(s) geschreven naar {args.out}. Let op: bevat persoonsgegevens.")
        return 0

    return _guarded(action)


def run_print_letters(
    args: argparse.Namespace,
    job_source: JobSource | None,
    today: date,
    on_letters_written: LettersWritten | None = None,
) -> int:
    def action() -> int:
        jobs = _jobs(args, job_source)
        data = build_letters(
            jobs,
            kind=LetterKind(args.kind),
            today=today,
            language=Language(args.taal),
            window=_window(args),
        )
        write_pdf(args.out, data)
        print(
            f"{len(jobs)} brief/brieven geschreven naar {args.out}. Let op: bevat persoonsgegevens."
        )
        if getattr(args, "registreer", False) and on_letters_written is not None:
            on_letters_written(args, jobs)
            print(f"{len(jobs)} contactpoging(en) 'Brief' vastgelegd.")
        return 0

    return _guarded(action)


def run_print_calibration(args: argparse.Namespace) -> int:
    def action() -> int:
        write_pdf(args.out, build_calibration(_window(args)))
        print(f"Proefafdruk geschreven naar {args.out}.")
        return 0

    return _guarded(action)


# --- the client store as the source of print jobs (the real command line) -------------------


def store_jobs(args: argparse.Namespace) -> list[Any]:
    from fieldapp.services.print_jobs import load_organisation, load_print_jobs

    store = open_store(args)
    try:
        with store.session() as session:
            return load_print_jobs(
                session,
                organisation=load_organisation(db_path(args)),
                today=date.today(),
                shift_id=getattr(args, "shift", None),
                case_ids=getattr(args, "case", None) or (),
            )
    finally:
        store.close()


def store_sender(args: argparse.Namespace) -> Sender | None:
    from fieldapp.services.print_jobs import current_sender, load_organisation

    path = db_path(args)
    if not path.exists():
        return None
    store = open_store(args)
    try:
        with store.session() as session:
            sender: Sender | None = current_sender(session, load_organisation(path))
            return sender
    finally:
        store.close()


def log_letters_in_store(args: argparse.Namespace, jobs: Sequence[Any]) -> None:
    """After letters are written: one 'Brief' attempt per case (same dagdeel = logged once)."""
    from datetime import datetime

    from fieldapp.domain.dayparts import AMSTERDAM
    from fieldapp.services import queries
    from fieldapp.services.identity import KV_APP_DEVICE_ID, KV_APP_WORKER_ID
    from fieldapp.services.print_jobs import log_letters_sent
    from fieldapp.services.print_pdf import as_job

    now = datetime.now(AMSTERDAM)
    store = open_store(args)
    try:
        with store.session() as session:
            log_letters_sent(
                session,
                [as_job(job).case.id for job in jobs],
                LetterKind(args.kind),
                now,
                queries.get_kv(session, KV_APP_WORKER_ID),
                queries.get_kv(session, KV_APP_DEVICE_ID),
            )
    finally:
        store.close()
