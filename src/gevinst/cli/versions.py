# SPDX-License-Identifier: MPL-2.0
"""The commands of budget rounds and catalog versions (issue 13, item 3), on a catalog
folder as the local user:

- ``gevinst freeze PATH NAME``: the catalog frozen as sent to a meeting;
- ``gevinst changes PATH --since NAME [--format json]``: what changed since, cell by cell;
- ``gevinst requests PATH [--format json]``, ``gevinst accept PATH N [--note]`` and
  ``gevinst reject PATH N --note``: the change requests and their decision;
- ``gevinst pool PATH [--format json]``: the round's investment pool year by year;
- ``gevinst carry PATH NEW --round NAME``: a new round's catalog, the proposals carried;
- ``gevinst rounds PATH... [--format json]``: several rounds' catalogs, each proposal once.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gevinst.cli.console import catalog_printing
from gevinst.core.access import LOCAL
from gevinst.core.change_requests import ChangeRequest
from gevinst.core.pool import PoolBalance
from gevinst.core.template import Printing, printing
from gevinst.format.catalog_versions import frozen_document, request_document
from gevinst.format.writer import number
from gevinst.services import catalog_versions, change_requests, rounds
from gevinst.services.catalog_versions import ChangedProposal
from gevinst.stores.folder import FolderStore

_KINDS = {"changed": "ændret", "added": "tilføjet", "removed": "fjernet"}


def _json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _value(value: object) -> str:
    if value is None:
        return "–"
    text = (
        str(value) if not isinstance(value, (dict, list)) else json.dumps(value, ensure_ascii=False)
    )
    return text if len(text) <= 70 else text[:69] + "…"


def render_changes(name: str, changes: Sequence[ChangedProposal]) -> str:
    if not changes:
        return f"Intet er ændret siden '{name}'.\n"
    lines = [f"Ændret siden '{name}':\n"]
    for c in changes:
        lines.append(f"{c.change.proposal} {c.title} ({_KINDS[c.change.kind]})\n")
        lines += [f"  {d.place}: {_value(d.before)} -> {_value(d.after)}\n" for d in c.differences]
    return "".join(lines)


def changes_json(name: str, changes: Sequence[ChangedProposal]) -> dict[str, Any]:
    return {
        "since": name,
        "proposals": [
            {
                "proposal": c.change.proposal,
                "title": c.title,
                "kind": c.change.kind,
                "before": c.change.before,
                "after": c.change.after,
                "cells": [
                    {"place": d.place, "before": d.before, "after": d.after} for d in c.differences
                ],
            }
            for c in changes
        ],
    }


def render_pool(balance: PoolBalance, printed: Printing | None = None) -> str:
    """The pool as a table: available, each proposal's request, the requests and the
    remainder (+) or shortfall (-) per year, in the profile's money, years, figures and
    language (Copenhagen's 1.000 kr. without a profile)."""
    pr = printed or printing(None)
    t, f = pr.words.term, pr.figure
    years = [y.year for y in balance.years]
    source = (
        t(" (kilde: {source})").format(source=balance.source)
        if balance.source
        else t(" (kataloget angiver ingen pulje)")
    )
    head = [t("Investeringspuljen, {round}{source}").format(round=balance.round, source=source)]
    head.append("\n")
    rows: list[tuple[str, list[str], str]] = [
        (t("Til rådighed"), [f(y.available) for y in balance.years], f(balance.total().available))
    ]
    for r in balance.requests:
        undated = t(" (uden år: {amount})").format(amount=f(r.undated)) if r.undated else ""
        rows.append(
            (f"  {r.proposal}{undated}", [f(r.amounts[y]) for y in years], f(r.amounts.total()))
        )
    rows.append(
        (t("Ansøgt i alt"), [f(y.requested) for y in balance.years], f(balance.total().requested))
    )
    rows.append(
        (
            t("Rest (+) / mangler (-)"),
            [f(y.balance) for y in balance.years],
            f(balance.total().balance),
        )
    )
    width = max(len(label) for label, _, _ in rows)
    # a column is 10 wide, wider for a figure of ten characters or more (whole pounds)
    cell = max([10, *(len(c) + 1 for _, cells, total in rows for c in (*cells, total))])
    header = (
        f"{pr.unit:<{width}}"
        + "".join(f"{pr.year(y):>{cell}}" for y in years)
        + f"{t('I alt'):>{cell}}\n"
    )
    body = [
        f"{label:<{width}}" + "".join(f"{c:>{cell}}" for c in cells) + f"{total:>{cell}}\n"
        for label, cells, total in rows
    ]
    return "".join([*head, header, *body])


def pool_json(balance: PoolBalance) -> dict[str, Any]:
    return {
        "round": balance.round,
        "source": balance.source,
        "years": [
            {
                "year": y.year,
                "available": number(y.available),
                "requested": number(y.requested),
                "balance": number(y.balance),
            }
            for y in balance.years
        ],
        "requests": [
            {
                "proposal": r.proposal,
                "title": r.title,
                "amounts": {str(y): number(a) for y, a in r.amounts.items()},
                "undated": number(r.undated),
            }
            for r in balance.requests
        ],
    }


def _request_line(r: ChangeRequest) -> str:
    if r.decision is None:
        state = "åben"
    else:
        state = f"{'godkendt' if r.decision.accepted else 'afvist'} af {r.decision.who}"
        state += f": {r.decision.note}" if r.decision.note else ""
    return f"{r.number:>3}  {r.proposal:<6} {r.when:%Y-%m-%d %H:%M} {r.who}: {r.why} ({state})\n"


def _cmd_freeze(args: argparse.Namespace) -> int:
    frozen = catalog_versions.freeze_catalog(FolderStore(), LOCAL, args.path, args.name)
    sys.stdout.write(f"Frosset som '{frozen.name}' ({len(frozen.versions)} forslag).\n")
    return 0


def _cmd_changes(args: argparse.Namespace) -> int:
    store = FolderStore()
    if args.since is None:
        frozen = catalog_versions.frozen_versions(store, args.path)
        if args.format == "json":
            _json({"frozen": [frozen_document(f) for f in frozen]})
        else:
            sys.stdout.write(
                "".join(f"{f.when:%Y-%m-%d %H:%M}  {f.name} ({f.who})\n" for f in frozen)
            )
        return 0
    changes = catalog_versions.changes_since(store, LOCAL, args.path, args.since)
    if args.format == "json":
        _json(changes_json(args.since, changes))
    else:
        sys.stdout.write(render_changes(args.since, changes))
    return 0


def _cmd_requests(args: argparse.Namespace) -> int:
    requests = change_requests.list_requests(FolderStore(), LOCAL, args.path)
    if args.format == "json":
        _json({"requests": [request_document(r) for r in requests]})
    elif not requests:
        sys.stdout.write("Ingen ændringsanmodninger.\n")
    else:
        sys.stdout.write("".join(_request_line(r) for r in requests))
    return 0


def _cmd_accept(args: argparse.Namespace) -> int:
    saved = change_requests.accept(FolderStore(), LOCAL, args.path, args.number, args.note)
    sys.stdout.write(f"Ændringsanmodning {args.number} er godkendt og gemt ({saved.id[:12]}).\n")
    return 0


def _cmd_reject(args: argparse.Namespace) -> int:
    change_requests.reject(FolderStore(), LOCAL, args.path, args.number, args.note)
    sys.stdout.write(f"Ændringsanmodning {args.number} er afvist.\n")
    return 0


def _cmd_pool(args: argparse.Namespace) -> int:
    balance = rounds.pool(FolderStore(), LOCAL, args.path)
    if args.format == "json":
        _json(pool_json(balance))
    else:
        sys.stdout.write(render_pool(balance, catalog_printing(args.path)))
    return 0


def render_rounds(rows: Sequence[rounds.Counted], printed: Printing | None = None) -> str:
    """Each proposal once, with the round whose version counts and its effect a year (a
    saving positive, as the catalog's tables print it), and the total; in the profile's
    words, years and figures (Copenhagen's without one)."""
    pr = printed or printing(None)
    t, f = pr.words.term, pr.figure
    total = rounds.total(rows)
    years = list(total)
    proposal, round_ = t("Forslag"), t("Runde")
    width = max([len(proposal), *(len(r.proposal.id) for r in rows)])
    rwidth = max([len(round_), *(len(r.round) for r in rows)])
    figures = [f(r.effect[y]) for r in rows for y in years] + [f(total[y]) for y in years]
    cell = max([9, *(len(x) + 1 for x in figures), *(len(pr.year(y)) + 1 for y in years)])
    head = f"{proposal:<{width}}  {round_:<{rwidth}}" + "".join(
        f"{pr.year(y):>{cell}}" for y in years
    )
    lines = [head + "\n"]
    for r in rows:
        cells = "".join(f"{f(r.effect[y]):>{cell}}" for y in years)
        lines.append(f"{r.proposal.id:<{width}}  {r.round:<{rwidth}}{cells}\n")
    cells = "".join(f"{f(total[y]):>{cell}}" for y in years)
    lines.append(f"{t('I alt'):<{width}}  {'':<{rwidth}}{cells}\n")
    return "".join(lines)


def _cmd_rounds(args: argparse.Namespace) -> int:
    rows = rounds.counted_once(FolderStore(), LOCAL, args.paths)
    if args.format == "json":
        _json(
            {
                "proposals": [
                    {
                        "proposal": r.proposal.id,
                        "round": r.round,
                        "effect": {str(y): number(a) for y, a in r.effect.items()},
                    }
                    for r in rows
                ],
                "total": {str(y): number(a) for y, a in rounds.total(rows).items()},
            }
        )
    else:
        sys.stdout.write(render_rounds(rows, catalog_printing(args.paths[-1])))
    return 0


def _cmd_carry(args: argparse.Namespace) -> int:
    store = FolderStore()
    new = rounds.carry_round(
        store, args.path, store, args.new, LOCAL, args.round, new_id=Path(args.new).name
    )
    sys.stdout.write(f"{args.new}: {new.round}, {len(new.proposals)} forslag videreført.\n")
    return 0


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    path = "katalogmappe eller catalog.yaml"
    freeze = sub.add_parser("freeze", help="frys kataloget, som det sendes til et møde")
    freeze.add_argument("path", help=path)
    freeze.add_argument("name", help="versionens navn, fx 'Sendt til ØU 2024-05-14'")
    freeze.set_defaults(run=_cmd_freeze)
    changes = sub.add_parser(
        "changes", help="vis hvad der er ændret siden en frossen version (uden --since: dem)"
    )
    changes.add_argument("path", help=path)
    changes.add_argument("--since", help="den frosne versions navn")
    changes.add_argument("--format", choices=["table", "json"], default="table")
    changes.set_defaults(run=_cmd_changes)
    requests = sub.add_parser("requests", help="vis ændringsanmodningerne")
    requests.add_argument("path", help=path)
    requests.add_argument("--format", choices=["table", "json"], default="table")
    requests.set_defaults(run=_cmd_requests)
    accept = sub.add_parser("accept", help="godkend en ændringsanmodning og gem den")
    accept.add_argument("path", help=path)
    accept.add_argument("number", type=int, help="anmodningens nummer")
    accept.add_argument("--note", default="", help="en bemærkning")
    accept.set_defaults(run=_cmd_accept)
    reject = sub.add_parser("reject", help="afvis en ændringsanmodning")
    reject.add_argument("path", help=path)
    reject.add_argument("number", type=int, help="anmodningens nummer")
    reject.add_argument("--note", required=True, help="hvorfor den afvises")
    reject.set_defaults(run=_cmd_reject)
    pool = sub.add_parser("pool", help="investeringspuljen år for år mod rundens investeringer")
    pool.add_argument("path", help=path)
    pool.add_argument("--format", choices=["table", "json"], default="table")
    pool.set_defaults(run=_cmd_pool)
    counted = sub.add_parser(
        "rounds",
        help="forslagene i flere runders kataloger, hvert én gang i den seneste rundes version",
    )
    counted.add_argument("paths", nargs="+", help="katalogerne, den ældste runde først")
    counted.add_argument("--format", choices=["table", "json"], default="table")
    counted.set_defaults(run=_cmd_rounds)
    carry = sub.add_parser("carry", help="en ny budgetrundes katalog med forslagene videreført")
    carry.add_argument("path", help=path)
    carry.add_argument("new", help="den nye katalogmappe")
    carry.add_argument("--round", required=True, help="den nye runde, fx 'Budget 2026'")
    carry.set_defaults(run=_cmd_carry)
