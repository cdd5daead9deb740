# SPDX-License-Identifier: MPL-2.0
"""The ``gevinst`` command."""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path

from gevinst.cli import check as check_output
from gevinst.cli import claims as claims_output
from gevinst.cli import consult as consult_output
from gevinst.cli import followup as followup_output
from gevinst.cli import overview as overview_output
from gevinst.cli import realisation as realisation_output
from gevinst.cli import status as status_output
from gevinst.cli import targets as targets_output
from gevinst.cli import whatif as whatif_output
from gevinst.cli.console import catalog_printing, option_date, write_json
from gevinst.cli.progress import on_terminal
from gevinst.cli.show import (
    TABLE_CHOICES,
    render_proposal,
    render_summary,
)
from gevinst.cli.versions import add_commands as add_version_commands
from gevinst.core.access import LOCAL
from gevinst.core.errors import (
    FormatError,
    GevinstError,
    InputError,
    NotFoundError,
    TransitionRefusedError,
)
from gevinst.core.evidence import RECORDED
from gevinst.core.findings import Severity
from gevinst.core.selection import ExportOptions
from gevinst.core.summary import summarise
from gevinst.format.writer import event_document
from gevinst.services import check as check_service
from gevinst.services import export as export_service
from gevinst.services import followup as followup_service
from gevinst.services import imports as import_service
from gevinst.services import overview as overview_service
from gevinst.services import prices as prices_service
from gevinst.services import targets as targets_service
from gevinst.services import whatif as whatif_service
from gevinst.services import workflow as workflow_service
from gevinst.stores.files import write_files, write_folder
from gevinst.stores.folder import FolderStore

CATALOG_IDS = {"katalog", "catalog"}


def _cmd_check(args: argparse.Namespace) -> int:
    progress = on_terminal(sys.stderr, "kontrollerer")
    try:
        checked = check_service.check_catalog(FolderStore(), LOCAL, args.path, progress)
    finally:
        if progress is not None:
            progress.close()
    severities = {Severity(s) for s in args.severity or ()}
    shown = check_service.select(checked, severities, args.proposal or ())
    if args.format == "json":
        write_json({"findings": [f.as_json() for f in shown.findings], "summary": shown.summary})
    else:
        printed = catalog_printing(args.path)
        sys.stdout.write(check_output.render_counts(shown.counts, printed) + "\n")
        sys.stdout.write(check_output.render_findings(shown.findings, shown.summary, printed))
    return 1 if shown.has_errors else 0


def _cmd_show(args: argparse.Namespace) -> int:
    shown = prices_service.at_price_level(FolderStore(), LOCAL, args.path, args.price_level)
    catalog = shown.catalog
    if args.id.casefold() in CATALOG_IDS:
        notes = [f"{c}\n" for c in shown.conversions]
        notes += [
            f"{p.id}: udarbejdet i {p.price_level} p/l, vist uomregnet i kataloget i "
            f"{catalog.price_level} p/l (omregn med --price-level {catalog.price_level})\n"
            for p in catalog.proposals
            if p.price_level != catalog.price_level
        ]
        blocks = [render_summary(summarise(catalog, t.id), catalog.profile) for t in catalog.tables]
        sys.stdout.write("\n".join([*blocks, *(["".join(notes)] if notes else [])]))
        return 0
    proposal = catalog.proposal(args.id)
    converted = [c for c in shown.conversions if c.proposal == proposal.id]
    sys.stdout.write("".join(f"{c}\n\n" for c in converted))
    sys.stdout.write(
        render_proposal(proposal, catalog.profile, args.table, converted=bool(converted))
    )
    return 0


def _cmd_targets(args: argparse.Namespace) -> int:
    accounts = targets_service.accounts(
        FolderStore(), LOCAL, args.path, year=args.year, price_level=args.price_level
    )
    if args.format == "json":
        write_json({"targets": [targets_output.account_json(a) for a in accounts]})
    else:
        sys.stdout.write(targets_output.render(accounts, catalog_printing(args.path)))
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    source, target = Path(args.path), Path(args.output)
    folder = export_service.FORMATS[args.format].folder
    problem = _export_problem(source, target, folder, args.charts)
    if problem:
        raise InputError(f"{problem}; intet er skrevet")
    options = ExportOptions(args.proposal, args.include_confidential, args.as_stated)
    done = export_service.export(
        FolderStore(), LOCAL, args.path, args.format, options, charts=args.charts is not None
    )
    charts = {}
    if args.charts is not None:
        args.charts.mkdir(parents=True, exist_ok=True)
        charts = {args.charts / name: svg for name, svg in done.charts.items()}
    if done.folder:
        # a new folder that appears whole; the charts only once it is there
        write_folder(target, done.files)
        write_files(charts)
    else:
        write_files({target: done.content, **charts})
    return 0


def _export_problem(source: Path, target: Path, folder: bool, charts: Path | None) -> str:
    """What is wrong with the export's targets, before anything is rendered or written."""
    checks = [
        (not target.parent.is_dir(), f"mappen {target.parent} findes ikke"),
        (
            folder and target.exists() and not (target.is_dir() and not any(target.iterdir())),
            f"{target} findes allerede og er ikke en tom mappe",
        ),
        (not folder and target.is_dir(), f"{target} er en mappe; angiv en fil"),
        (
            not folder and target.resolve() in _catalog_files(source),
            f"{target} er en af katalogets egne filer; angiv en anden fil",
        ),
        (
            charts is not None and charts.exists() and not charts.is_dir(),
            f"--charts {charts} er en fil; angiv en mappe",
        ),
    ]
    return next((message for failed, message in checks if failed), "")


def _catalog_files(source: Path) -> set[Path]:
    """The files a catalog is read from: its catalog file, the YAML files beside it (a
    profile) and its proposals."""
    catalog = source / "catalog.yaml" if source.is_dir() else source
    near = [*catalog.parent.glob("*.y*ml"), *(catalog.parent / "proposals").glob("*.y*ml")]
    return {p.resolve() for p in (catalog, *near)}


def _cmd_import(args: argparse.Namespace) -> int:
    source = Path(args.file)
    problem = _import_problem(source, args.output, args.onto, args.dry_run)
    if problem:
        sys.stderr.write(f"gevinst: {problem}\n")
        return 2
    with _terminated_as_exit():
        imported = import_service.import_catalog(
            FolderStore(), LOCAL, source, onto=args.onto, target=args.output
        )
    if args.onto is not None:
        _list_changes(source, args.onto, imported.changes)
        for note in imported.notes:
            sys.stdout.write(f"{source}: {note}\n")
    if args.output is None:
        sys.stdout.write("intet er skrevet (--dry-run)\n")
        return 0
    sys.stdout.write(f"{len(imported.catalog.proposals)} forslag skrevet til {args.output}\n")
    return 0


@contextmanager
def _terminated_as_exit() -> Iterator[None]:
    """A kill (SIGTERM) as an exit, so that the import's staging folder is removed on the way
    out as after Ctrl-C; only SIGKILL, which nothing can catch, leaves it behind."""

    def _exit(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, _exit)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _import_problem(source: Path, target: str | None, onto: str | None, dry_run: bool) -> str:
    """What is wrong with the import's arguments, before anything is read (the target is
    checked by the store)."""
    workbook = source.suffix.lower() == ".xlsx"
    checks = [
        (
            workbook and onto is None,
            "en Excel-projektmappe indlæses oven på det katalog den er eksporteret fra: "
            f"gevinst import {source} --onto KATALOG -o NY_MAPPE (eller --dry-run)",
        ),
        (
            not workbook and onto is not None,
            "--onto gælder en Excel-projektmappe (.xlsx); et dokument er et helt katalog",
        ),
        (dry_run and target is not None, "--dry-run skriver intet; udelad -o"),
        (not dry_run and target is None, "angiv en ny katalogmappe (-o MAPPE) eller --dry-run"),
    ]
    return next((message for failed, message in checks if failed), "")


def _list_changes(source: Path, onto: str, changes: Sequence[object]) -> None:
    if not changes:
        sys.stdout.write(f"{source}: ingen ændringer i forhold til {onto}\n")
        return
    sys.stdout.write(f"{source}: {len(changes)} ændringer i forhold til {onto}:\n")
    for change in changes:
        sys.stdout.write(f"  {change}\n")


def _cmd_basis(args: argparse.Namespace) -> int:
    basis = whatif_service.basis(FolderStore(), LOCAL, args.path, args.id)
    if args.format == "json":
        write_json(whatif_output.basis_json(basis))
    else:
        sys.stdout.write(whatif_output.basis_text(basis))
    return 0


def _cmd_whatif(args: argparse.Namespace) -> int:
    request = whatif_service.Request(
        whatif_output.parse_changes(args.set, args.shift),
        args.sensitivity,
        tuple(whatif_output.parse_range(r) for r in args.range),
        args.npv,
    )
    if args.id is None:
        impact = whatif_service.catalog_whatif(FolderStore(), LOCAL, args.path, request)
        if args.format == "json":
            write_json(whatif_output.catalog_json(impact))
        else:
            sys.stdout.write(whatif_output.catalog_text(impact))
        return 0
    report = whatif_service.whatif(FolderStore(), LOCAL, args.path, args.id, request)
    if args.format == "json":
        write_json(whatif_output.whatif_json(report))
    else:
        sys.stdout.write(whatif_output.whatif_text(report, catalog_printing(args.path)))
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    # Django is loaded only for the web application, not on every command
    return int(import_module("gevinst.cli.serve").serve(args.host, args.port))


def _cmd_db_import(args: argparse.Namespace) -> int:
    return int(import_module("gevinst.cli.db").import_folder(args.folder, args.key))


def _cmd_db_export(args: argparse.Namespace) -> int:
    return int(import_module("gevinst.cli.db").export_folder(args.catalog, args.folder))


def _cmd_status(args: argparse.Namespace) -> int:
    infos = workflow_service.status(FolderStore(), LOCAL, args.path)
    if not infos:
        raise InputError(f"{args.path}: katalogets profil har intet forløb (workflow)")
    if args.id is None:
        if args.format == "json":
            write_json({"proposals": [status_output.status_json(p, i) for p, i in infos.items()]})
        else:
            sys.stdout.write(status_output.render_states(infos))  # the profile's own labels
        return 0
    pid = next((p for p in infos if p.casefold() == args.id.casefold()), None)
    if pid is None:
        raise NotFoundError(f"forslaget {args.id!r} findes ikke i kataloget")
    history = workflow_service.history(FolderStore(), LOCAL, args.path, pid)
    if args.format == "json":
        shown = status_output.status_json(pid, infos[pid])
        shown["history"] = [event_document(e) for e in history]
        write_json({"proposals": [shown]})
    else:
        printed = catalog_printing(args.path)
        sys.stdout.write(status_output.render_proposal(pid, infos[pid], history, printed))
    return 0


def _cmd_move(args: argparse.Namespace) -> int:
    store = FolderStore()
    seen = len(workflow_service.history(store, LOCAL, args.path, args.id))
    try:
        event = workflow_service.move(
            store, LOCAL, args.path, args.id, args.transition, args.comment, expected_count=seen
        )
    except TransitionRefusedError as e:
        sys.stderr.write(f"gevinst: {args.transition} kan ikke ske endnu for {args.id}; mangler:\n")
        sys.stderr.write("".join(f"  - {m}\n" for m in e.missing))
        return 2
    sys.stdout.write(f"{args.id}: {event.from_state} -> {event.to_state} ({event.transition})\n")
    return 0


def _cmd_overview(args: argparse.Namespace) -> int:
    as_of = option_date("--as-of", args.as_of)
    shown = overview_service.overview(FolderStore(), LOCAL, args.path, as_of)
    if args.format == "json":
        write_json(overview_output.overview_json(shown))
    else:
        sys.stdout.write(overview_output.render(shown, catalog_printing(args.path)))
    return 0


def _cmd_followup(args: argparse.Namespace) -> int:
    as_of = option_date("--as-of", args.as_of)
    items = followup_service.due_items(FolderStore(), LOCAL, args.path, as_of)
    if args.format == "json":
        write_json({"items": [followup_output.item_json(i) for i in items]})
    else:
        printed = catalog_printing(args.path)
        sys.stdout.write(followup_output.render_by_responsible(items, printed))
    return 0


def _cmd_followup_record(args: argparse.Namespace) -> int:
    store = FolderStore()
    files = [(path.name, path.read_bytes()) for path in args.attach]
    seen = len(followup_service.records(store, LOCAL, args.path, args.id))
    made = followup_service.record(
        store,
        LOCAL,
        args.path,
        args.id,
        args.goal,
        due_from=None if args.due_from is None else option_date("--due-from", args.due_from),
        status=args.status,
        note=args.note,
        files=files,
        expected_count=seen,
    )
    label = followup_output.RECORDED[made.status]
    sys.stdout.write(
        f"{made.proposal}: {made.due_from}–{made.due_to} {made.goal}: {label} (nr. {seen + 1})\n"
    )
    return 0


def _workflow_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """status, move and followup: where the proposals stand in their lifecycle, a step
    onward, and the follow-up goals due by a day."""
    status = sub.add_parser("status", help="vis hvor forslagene står i forløbet")
    status.add_argument("path", help="katalogmappe eller catalog.yaml")
    status.add_argument("id", nargs="?", help="et forslags id: dets skift og de næste")
    status.add_argument("--format", choices=["table", "json"], default="table")
    status.set_defaults(run=_cmd_status)
    move = sub.add_parser("move", help="flyt et forslag et skridt i forløbet")
    move.add_argument("path", help="katalogmappe eller catalog.yaml")
    move.add_argument("id", help="forslagets id, fx BC01")
    move.add_argument("transition", help="skiftet, fx submit (gevinst status KATALOG ID viser dem)")
    move.add_argument("--comment", default="", help="hvorfor")
    move.set_defaults(run=_cmd_move)
    followup = sub.add_parser(
        "followup",
        help="vis opfølgningsmål der er aktuelle eller forfaldne",
        description="Hver forekomst af et opfølgningsmål og dens status på dagen: done (nået, "
        "med dokumentation), missed (ikke nået), overdue (perioden er slut uden at målet er "
        "registreret nået eller ikke nået), due (dagen ligger i perioden), upcoming (den "
        'begynder senere). JSON: {"items": [...]} med proposal, goal, measure, '
        "responsible, due_from, due_to, status og recorded (den seneste registrering, eller "
        "null).",
    )
    followup.add_argument("path", help="katalogmappe eller catalog.yaml")
    followup.add_argument("--as-of", required=True, help="dagen der ses fra, fx 2025-12-31")
    followup.add_argument("--format", choices=["table", "json"], default="table")
    followup.set_defaults(run=_cmd_followup)
    record = sub.add_parser(
        "followup-record",
        help="registrér hvor et opfølgningsmål står, med dokumentation",
        description="Registreringen skrives i followup.yaml ved katalogets filer, vedhæftede "
        "filer under followup/. Et mål registreres kun som nået (done) med en note eller en "
        "vedhæftet fil som dokumentation.",
    )
    record.add_argument("path", help="katalogmappe eller catalog.yaml")
    record.add_argument("id", help="forslagets id, fx BC01")
    record.add_argument(
        "--goal", required=True, help="målets nummer i afsnit 3 (fra 1) eller dets tekst"
    )
    record.add_argument("--status", required=True, choices=list(RECORDED), help="hvor målet står")
    record.add_argument("--note", default="", help="dokumentationen: hvad viser det")
    record.add_argument(
        "--attach", action="append", default=[], type=Path, metavar="FIL", help="vedhæft en fil"
    )
    record.add_argument(
        "--due-from",
        help="forekomstens første dag (ÅÅÅÅ-MM-DD; standard: den igangværende eller senest "
        "begyndte)",
    )
    record.set_defaults(run=_cmd_followup_record)
    shown = sub.add_parser(
        "overview", help="vis runden samlet: status, hvad der venter, forfaldne opfølgningsmål"
    )
    shown.add_argument("path", help="katalogmappe eller catalog.yaml")
    shown.add_argument("--as-of", required=True, help="dagen der ses fra, fx 2025-12-31")
    shown.add_argument("--format", choices=["table", "json"], default="table")
    shown.set_defaults(run=_cmd_overview)


def _catalog_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """check, show, export and import: a catalog folder and its documents."""
    check = sub.add_parser("check", help="genberegn alt og sammenlign med de angivne tal")
    check.add_argument("path", help="katalogmappe eller catalog.yaml")
    check.add_argument("--format", choices=["table", "json"], default="table")
    check.add_argument(
        "--severity",
        action="append",
        choices=[str(s) for s in Severity],
        help="vis kun fund af denne alvor (kan gentages)",
    )
    check.add_argument(
        "--proposal",
        action="append",
        help="kun dette forslag, fx BC01 (kan gentages); afslutningskoden gælder dem",
    )
    check.set_defaults(run=_cmd_check)
    show = sub.add_parser("show", help="vis et forslags tabeller")
    show.add_argument("path", help="katalogmappe eller catalog.yaml")
    show.add_argument("id", help="forslagets id, fx BC01, eller 'katalog' for katalogets tabeller")
    show.add_argument("--table", choices=TABLE_CHOICES, default="all")
    show.add_argument(
        "--price-level",
        type=int,
        metavar="ÅR",
        help="vis beløbene i dette års p/l, omregnet med profilens prisindeks (fx 2025)",
    )
    show.set_defaults(run=_cmd_show)
    targets = sub.add_parser(
        "targets",
        help="vis måltal, opnået effekt og manko pr. udvalg og år",
        description="For hvert måltal i catalog.yaml: pr. udvalg og år måltallet, den effekt "
        "de godkendte forslag opnår (Tabel A på måltallets styringsområde) og manko = opnået - "
        "måltal; besparelser er negative, så en negativ manko er et overopfyldt måltal.",
    )
    targets.add_argument("path", help="katalogmappe eller catalog.yaml")
    targets.add_argument("--year", type=int, metavar="ÅR", help="kun dette år, fx 2025")
    targets.add_argument(
        "--price-level", type=int, metavar="ÅR", help="i dette års p/l (standard: måltallets)"
    )
    targets.add_argument("--format", choices=["table", "json"], default="table")
    targets.set_defaults(run=_cmd_targets)
    export = sub.add_parser("export", help="skriv kataloget som PDF, Word, Excel, CSV eller FDP")
    export.add_argument("path", help="katalogmappe eller catalog.yaml")
    export.add_argument("--format", choices=sorted(export_service.FORMATS), required=True)
    export.add_argument("-o", "--output", required=True, help="filen (FDP: mappen) der skrives")
    export.add_argument("--proposal", help="kun dette forslag, fx BC01")
    export.add_argument(
        "--include-confidential", action="store_true", help="vis fortrolige forslag fuldt ud"
    )
    export.add_argument(
        "--as-stated",
        action="store_true",
        help="tallene som angivet i det godkendte dokument (en arkivkopi); afvigelser fra de "
        "beregnede tal mærkes som ellers",
    )
    export.add_argument("--charts", type=Path, help="skriv også graferne som SVG i denne mappe")
    export.set_defaults(run=_cmd_export)
    imp = sub.add_parser(
        "import",
        help="læs et katalog fra YAML eller JSON, eller en rettet Excel-projektmappe",
        description="En Excel-projektmappe (.xlsx) lægges oven på kataloget den er eksporteret "
        "fra (--onto): hver ændret indtastningscelle vises, før noget skrives.",
    )
    imp.add_argument(
        "file", help="fil i gevinsts Excel-layout (.xlsx) eller et dokument (.yaml/.json)"
    )
    imp.add_argument("-o", "--output", help="katalogmappen der oprettes")
    imp.add_argument("--onto", help="katalogmappen som projektmappens ændringer lægges på")
    imp.add_argument("--dry-run", action="store_true", help="vis kun ændringerne; skriv intet")
    imp.set_defaults(run=_cmd_import)


def _basis_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """basis and whatif: the calculation basis behind the figures."""
    basis = sub.add_parser("basis", help="vis beregningsgrundlaget bag et forslags tal")
    basis.add_argument("path", help="katalogmappe eller catalog.yaml")
    basis.add_argument("id", help="forslagets id, fx BC01")
    basis.add_argument("--format", choices=["table", "json"], default="table")
    basis.set_defaults(run=_cmd_basis)
    whatif = sub.add_parser(
        "whatif",
        help="hvad nu hvis: ændr en antagelse, en parameter eller en indfasning",
        description="Uden ID ændres fælles antagelser for hele kataloget. Tal skrives med "
        "decimalkomma eller decimalpunktum (1262,6 eller 1262.6); flere tal adskilles af ';'.",
    )
    whatif.add_argument("path", help="katalogmappe eller catalog.yaml")
    whatif.add_argument("id", nargs="?", help="forslagets id, fx BC01 (uden: hele kataloget)")
    whatif.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAVN=VÆRDI",
        help="en fælles antagelse (aarstimenorm=1300) eller en parameter (e3.wage=800)",
    )
    whatif.add_argument(
        "--shift",
        action="append",
        default=[],
        metavar="LINJE=ÅR",
        help="flyt en indfasning, fx e3=+1",
    )
    whatif.add_argument(
        "--sensitivity", action="store_true", help="følsomhed: hvert input ±10 %% og ±25 %%"
    )
    whatif.add_argument(
        "--range",
        action="append",
        default=[],
        metavar="NAVN=LAV,SANDSYNLIG,HØJ",
        help="trepunktsestimat for en antagelse eller parameter",
    )
    whatif.add_argument("--npv", action="store_true", help="nutidsværdi (totaløkonomi)")
    whatif.add_argument("--format", choices=["table", "json"], default="table")
    whatif.set_defaults(run=_cmd_whatif)


def _web_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """serve and db: the web application and its database."""
    serve = sub.add_parser(
        "serve",
        help="start webapplikationen (uden DATABASE_URL: en demo på SQLite)",
        description="Uden DATABASE_URL køres en demo på SQLite i datamappen (GEVINST_DATA_DIR) "
        "med Københavns katalog og demobrugerne; med DATABASE_URL=postgresql://... bruges "
        "produktionsdatabasen.",
    )
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(run=_cmd_serve)
    db = sub.add_parser(
        "db",
        help="læs en katalogmappe ind i webapplikationens database, eller skriv et katalog ud",
    ).add_subparsers(dest="db_command", required=True)
    db_import = db.add_parser("import", help="læs en katalogmappe ind i databasen")
    db_import.add_argument("folder", type=Path, help="katalogmappen")
    db_import.add_argument("--as", dest="key", help="katalogets navn i databasen (standard: id)")
    db_import.set_defaults(run=_cmd_db_import)
    db_export = db.add_parser("export", help="skriv et katalog fra databasen til en ny mappe")
    db_export.add_argument("catalog", help="katalogets navn i databasen, fx kk-budget-2025")
    db_export.add_argument("folder", type=Path, help="den nye mappe")
    db_export.set_defaults(run=_cmd_db_export)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gevinst",
        description="Investerings- og effektiviseringsforslag som kontrollerede data.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    _catalog_commands(sub)
    _workflow_commands(sub)
    _basis_commands(sub)
    _web_commands(sub)
    add_version_commands(sub)
    claims_output.add_command(sub)
    consult_output.add_commands(sub)
    realisation_output.add_commands(sub)
    import_module("gevinst.cli.appraise").add_command(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except FormatError as e:
        # in the problems' language: an English profile's catalog is refused in English
        english = bool(e.problems) and all(p.language == "en" for p in e.problems)
        header = "the catalog cannot be read ({n} problems)"
        if not english:
            header = "kataloget kan ikke læses ({n} fejl)"
        sys.stderr.write(f"gevinst: {header.format(n=len(e.problems))}:\n")
        for problem in e.problems:
            sys.stderr.write(f"  {problem}\n")
        return 2
    except GevinstError as e:
        sys.stderr.write(f"gevinst: {e}\n")
        return 2
    except BrokenPipeError:
        # the reader went away (| head); nothing more to say
        sys.stderr.close()
        return 0
    except OSError as e:
        sys.stderr.write(f"gevinst: {e.filename or ''}: {e.strerror}\n")
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
