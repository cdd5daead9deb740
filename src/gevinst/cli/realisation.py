# SPDX-License-Identifier: MPL-2.0
"""Gevinstrealisering on the command line (issue 13, item 6):

- ``gevinst realisation PATH [ID] [--format json]``: the catalog's realised effect against
  its planned effect (Tabel A) and its spending against the investment granted (D + E), per
  committee and year; with ID one proposal's, with its goals' baselines and measurements;
- ``gevinst measurements import PATH FILE.csv [--mapping KOLONNE=MÅL ...]
  [--accept-rejections]``: an operational system's export; every rejected value on its own
  line; exit 1 and nothing saved where a value is rejected and the rejections are not
  accepted;
- ``gevinst measurements add PATH MÅL VÆRDI --date DATO [--note]`` and
  ``gevinst measurements baseline PATH MÅL VÆRDI --date DATO --source KILDE``;
- ``gevinst realised PATH ID ÅR BELØB --evidence TEKST [--committee UDVALG]`` and
  ``gevinst spent PATH ID ÅR BELØB [--committee UDVALG] [--note]``; a negative amount with
  a thousands separator ("-1.100,5") goes after ``--``, which argparse would otherwise take
  for an option.

A figure is typed as a Danish reader writes it ("-1.234,5"), or with a decimal point where
it cannot separate thousands ("12.5"); a date ÅÅÅÅ-MM-DD or DD-MM-ÅÅÅÅ. The records are kept
in the catalog folder's ``realisation.yaml``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from gevinst.cli.console import catalog_printing, write_json
from gevinst.core import realisation as r
from gevinst.core.access import LOCAL
from gevinst.core.errors import InputError
from gevinst.core.numbers import dk
from gevinst.core.series import Series
from gevinst.core.template import Printing, printing
from gevinst.format.writer import number
from gevinst.importers.measurements import read_csv
from gevinst.services import realisation as svc
from gevinst.stores.folder import FolderStore

# --- output ------------------------------------------------------------------------------


def _series_json(s: Series) -> dict[str, int | str]:
    return {str(y): number(v) for y, v in s.items()}


def row_json(row: r.OutcomeRow) -> dict[str, Any]:
    return {
        "planned": _series_json(row.planned),
        "realised": _series_json(row.realised),
        "difference": _series_json(row.difference()),
    }


def comparison_json(c: r.PlanAndOutcome) -> dict[str, Any]:
    return {
        "years": list(c.years),
        "committees": [{"committee": row.label, **row_json(row)} for row in c.rows],
        "total": row_json(c.total),
    }


def catalog_json(summary: svc.CatalogRealisation) -> dict[str, Any]:
    return {
        "effect": comparison_json(summary.effect),
        "spending": comparison_json(summary.spending),
        "proposals": [
            {
                "proposal": p.proposal,
                "title": p.title,
                "effect": row_json(p.effect),
                "spending": row_json(p.spending),
                "withheld": p.withheld,
            }
            for p in summary.proposals
        ],
        "withheld": list(summary.withheld),
    }


def _goal_json(g: svc.GoalProgress) -> dict[str, Any]:
    b = g.baseline
    return {
        "goal": str(g.goal),
        "text": g.followup.goal,
        "measure": g.followup.measure,
        "baseline": None
        if b is None
        else {"value": number(b.value), "date": b.day.isoformat(), "source": b.source},
        "measurements": [
            {"value": number(m.value), "date": m.day.isoformat(), "who": m.who, "note": m.note}
            for m in g.measurements
        ],
    }


def proposal_json(seen: svc.ProposalRealisation) -> dict[str, Any]:
    return {
        "proposal": seen.proposal.id,
        "goals": [_goal_json(g) for g in seen.goals],
        "effect": comparison_json(seen.effect),
        "spending": comparison_json(seen.spending),
        "realised": [
            {
                "year": e.year,
                "committee": e.committee,
                "amount": number(e.amount),
                "evidence": e.evidence,
                "who": e.who,
                "when": e.when.isoformat(),
            }
            for e in seen.realised
        ],
        "spent": [
            {
                "year": e.year,
                "committee": e.committee,
                "amount": number(e.amount),
                "note": e.note,
                "who": e.who,
                "when": e.when.isoformat(),
            }
            for e in seen.spent
        ],
    }


def _table(title: str, c: r.PlanAndOutcome, pr: Printing, width: int = 10) -> list[str]:
    """A comparison as text: a block per row, planned, realised and the difference by year,
    in the profile's years and figures (a column wider for a longer figure)."""
    t = pr.words.term
    rows = [(row, (row.planned, row.realised, row.difference())) for row in (*c.rows, c.total)]
    width = max(
        [width, *(len(pr.year(y)) + 1 for y in c.years)]
        + [
            len(pr.figure(s[y])) + 1
            for _, series in rows
            for s in series
            for y in c.years
            if y in s
        ]
    )
    head = f"{'':<24}" + "".join(f"{pr.year(y):>{width}}" for y in c.years)
    out = [title.format(unit=pr.unit), head]
    for row, series in rows:
        out.append(t(row.label) if row is c.total else row.label)  # "I alt": the core's
        for label, s in zip(("planlagt", "realiseret", "forskel"), series, strict=True):
            cells = "".join(f"{pr.figure(s[y]) if y in s else '':>{width}}" for y in c.years)
            out.append(f"{'  ' + t(label):<24}{cells}")
    return out


EFFECT = "Realiseret effekt mod planlagt (Tabel A), {unit}"
SPENDING = "Forbrug mod bevilget investering (Tabel D og E), {unit}"


def render_catalog(summary: svc.CatalogRealisation, printed: Printing | None = None) -> str:
    """The catalog's planned and realised effect and spending, in the profile's words,
    money, years and figures (Copenhagen's without one)."""
    pr = printed or printing(None)
    t = pr.words.term
    out = _table(t(EFFECT), summary.effect, pr)
    out += [""]
    out += _table(t(SPENDING), summary.spending, pr)
    if summary.withheld:
        withheld = (
            "Fortrolige forslag ({ids}) indgår kun med deres planlagte tal, som kataloget "
            "offentliggør dem."
        )
        out += ["", t(withheld).format(ids=", ".join(summary.withheld))]
    return "\n".join(out) + "\n"


def render_proposal(seen: svc.ProposalRealisation, printed: Printing | None = None) -> str:
    """A proposal's goals with their baselines and measurements, then its planned and
    realised effect and spending, as :func:`render_catalog`."""
    pr = printed or printing(None)
    t = pr.words.term
    p = seen.proposal
    out = [f"{p.id}: {p.title}", ""]
    for g in seen.goals:
        out.append(f"{g.goal}  {g.followup.goal}")
        if g.baseline is not None:
            b = g.baseline
            baseline = t("udgangspunkt {value} ({day}, {source})").format(
                value=pr.plain(b.value), day=b.day.isoformat(), source=b.source
            )
            out.append(f"  {baseline}")
        for m in g.measurements:
            note = f"  {m.note}" if m.note else ""
            measured = t("måling {day}: {value} ({who}){note}").format(
                day=m.day.isoformat(), value=pr.plain(m.value), who=m.who, note=note
            )
            out.append(f"  {measured}")
    out.append("")
    out += _table(t(EFFECT), seen.effect, pr)
    out.append("")
    out += _table(t(SPENDING), seen.spending, pr)
    return "\n".join(out) + "\n"


# --- commands -----------------------------------------------------------------------------


def _amount(text: str) -> Any:
    try:
        return r.read_number(text, decimal_comma=True)
    except InputError as e:
        raise InputError(f"{text!r}: {e}") from None


def _day(text: str) -> Any:
    try:
        return r.read_date(text)
    except InputError as e:
        raise InputError(f"--date {text!r}: {e}") from None


def _count(path: str) -> int:
    return len(FolderStore().realisation(path))


def _show(args: argparse.Namespace) -> int:
    store = FolderStore()
    if args.id is None:
        summary = svc.catalog_realisation(store, LOCAL, args.path)
        if args.format == "json":
            write_json(catalog_json(summary))
        else:
            sys.stdout.write(render_catalog(summary, catalog_printing(args.path)))
        return 0
    seen = svc.proposal_realisation(store, LOCAL, args.path, args.id)
    if args.format == "json":
        write_json(proposal_json(seen))
    else:
        sys.stdout.write(render_proposal(seen, catalog_printing(args.path)))
    return 0


def parse_mapping(items: Sequence[str]) -> dict[str, str]:
    """``KOLONNE=MÅL`` pairs: a column of the file and a goal (BC02/4) or ``dato``.

    >>> parse_mapping(["Udlejede ladere=BC02/4", "Dato=dato"])
    {'Udlejede ladere': 'BC02/4', 'Dato': 'dato'}
    """
    out = {}
    for item in items:
        column, sep, target = item.rpartition("=")
        if not sep or not column.strip() or not target.strip():
            raise InputError(f"--mapping {item!r}: skriv KOLONNE=MÅL, fx 'Udlejede ladere=BC02/4'")
        out[column.strip()] = target.strip()
    return out


def _import(args: argparse.Namespace) -> int:
    table = read_csv(Path(args.file))
    done = svc.import_measurements(
        FolderStore(),
        LOCAL,
        args.path,
        table,
        parse_mapping(args.mapping),
        accept_rejections=args.accept_rejections,
        expected_count=_count(args.path),
    )
    for rejection in done.rejections:
        sys.stderr.write(f"afvist: {rejection}\n")
    if done.unmapped:
        sys.stdout.write(f"ikke læst (ikke koblet): {', '.join(done.unmapped)}\n")
    if not done.saved:
        sys.stderr.write(
            f"gevinst: intet er gemt: {len(done.rejections)} værdier er afvist; ret filen, "
            "eller gem resten med --accept-rejections\n"
        )
        return 1
    sys.stdout.write(
        f"{len(done.measurements)} målinger gemt, {len(done.rejections)} værdier afvist, "
        f"{len(done.mapped)} nye koblinger\n"
    )
    return 0


def _add(args: argparse.Namespace) -> int:
    m = svc.record_measurement(
        FolderStore(),
        LOCAL,
        args.path,
        args.goal,
        _amount(args.value),
        _day(args.date),
        args.note,
        expected_count=_count(args.path),
    )
    sys.stdout.write(f"{m.goal}: måling {m.day.isoformat()} {dk(m.value)} gemt\n")
    return 0


def _baseline(args: argparse.Namespace) -> int:
    b = svc.record_baseline(
        FolderStore(),
        LOCAL,
        args.path,
        args.goal,
        _amount(args.value),
        _day(args.date),
        args.source,
        expected_count=_count(args.path),
    )
    sys.stdout.write(f"{b.goal}: udgangspunkt {dk(b.value)} ({b.day.isoformat()}) gemt\n")
    return 0


def _amount_of(
    args: argparse.Namespace,
    record: Callable[..., r.Realised | r.Spending],
    text: str,
    what: str,
) -> int:
    """A realised amount or spending, recorded by ``record`` with its ``text`` (the evidence
    or the note) and said as ``what`` it was."""
    e = record(
        FolderStore(),
        LOCAL,
        args.path,
        args.id,
        args.year,
        _amount(args.amount),
        text,
        args.committee,
        expected_count=_count(args.path),
    )
    where = f", {e.committee}" if e.committee else ""
    sys.stdout.write(f"{e.proposal} {e.year}{where}: {what} {dk(e.amount)} gemt\n")
    return 0


def _realised(args: argparse.Namespace) -> int:
    return _amount_of(args, svc.record_realised, args.evidence, "realiseret")


def _spent(args: argparse.Namespace) -> int:
    return _amount_of(args, svc.record_spending, args.note, "forbrug")


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """realisation, measurements, realised and spent."""
    show = sub.add_parser(
        "realisation", help="vis realiseret effekt og forbrug mod det planlagte pr. udvalg og år"
    )
    show.add_argument("path", help="katalogmappe eller catalog.yaml")
    show.add_argument("id", nargs="?", help="et forslags id: dets mål, målinger og beløb")
    show.add_argument("--format", choices=["table", "json"], default="table")
    show.set_defaults(run=_show)

    measurements = sub.add_parser(
        "measurements", help="målinger af opfølgningsmål: indlæs en CSV-fil, tilføj, udgangspunkt"
    ).add_subparsers(dest="measurements_command", required=True)
    imp = measurements.add_parser(
        "import",
        help="indlæs målinger fra et driftssystems CSV-eksport",
        description="Hver kolonne kobles én gang til et mål (forslag/nummer, fx BC02/4) eller "
        "til 'dato'; koblingen gemmes og bruges igen. Afvises en værdi, gemmes intet, "
        "medmindre --accept-rejections er givet.",
    )
    imp.add_argument("path", help="katalogmappe eller catalog.yaml")
    imp.add_argument("file", help="CSV-filen (';' og dansk talformat, eller ',' og ISO)")
    imp.add_argument(
        "--mapping",
        action="append",
        default=[],
        metavar="KOLONNE=MÅL",
        help="kobl en kolonne til et mål (BC02/4) eller til dato (kan gentages)",
    )
    imp.add_argument(
        "--accept-rejections", action="store_true", help="gem de godkendte værdier trods afviste"
    )
    imp.set_defaults(run=_import)
    add = measurements.add_parser("add", help="tilføj en måling af et mål")
    add.add_argument("path", help="katalogmappe eller catalog.yaml")
    add.add_argument("goal", help="målet: forslag/nummer, fx BC02/4")
    add.add_argument("value", help="værdien, fx 1.234,5")
    add.add_argument("--date", required=True, help="målingens dato, fx 2025-03-31")
    add.add_argument("--note", default="", help="en bemærkning")
    add.set_defaults(run=_add)
    base = measurements.add_parser("baseline", help="sæt et måls udgangspunkt")
    base.add_argument("path", help="katalogmappe eller catalog.yaml")
    base.add_argument("goal", help="målet: forslag/nummer, fx BC02/4")
    base.add_argument("value", help="værdien, fx 1.234,5")
    base.add_argument("--date", required=True, help="udgangspunktets dato")
    base.add_argument("--source", required=True, help="hvor tallet kommer fra")
    base.set_defaults(run=_baseline)

    realised = sub.add_parser(
        "realised", help="registrér en realiseret gevinst med dokumentation (1.000 kr.)"
    )
    realised.add_argument("path", help="katalogmappe eller catalog.yaml")
    realised.add_argument("id", help="forslagets id, fx BC01")
    realised.add_argument("year", type=int, help="året")
    realised.add_argument(
        "amount",
        help="beløbet i 1.000 kr., besparelser negative, fx -297 (et negativt beløb med "
        "tusindtalsprik efter --: -- BC01 2026 -1.100,5)",
    )
    realised.add_argument("--evidence", required=True, help="dokumentationen for gevinsten")
    realised.add_argument("--committee", help="udvalget, hvor effekten fordeles på flere")
    realised.set_defaults(run=_realised)
    spent = sub.add_parser("spent", help="registrér faktisk forbrug af investeringsmidler")
    spent.add_argument("path", help="katalogmappe eller catalog.yaml")
    spent.add_argument("id", help="forslagets id, fx BC01")
    spent.add_argument("year", type=int, help="året")
    spent.add_argument("amount", help="beløbet i 1.000 kr., fx 750")
    spent.add_argument("--committee", help="udvalget, hvor investeringen fordeles på flere")
    spent.add_argument("--note", default="", help="en bemærkning")
    spent.set_defaults(run=_spent)
