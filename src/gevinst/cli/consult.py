# SPDX-License-Identifier: MPL-2.0
"""Consultations from the command line (issue 13, item 2), on a catalog folder (its
``review.yaml``):

- ``gevinst consult PATH ID --kind it-kredsen --due ÅÅÅÅ-MM-DD [--note TEXT]``: ask a body
  (a consultation kind of the profile, or an administration's code such as ``SOF``);
- ``gevinst answer PATH ID NUMBER --yes|--no --date ÅÅÅÅ-MM-DD [--note TEXT]``: answer
  request NUMBER, which writes the answer into the proposal's "Hvem er hørt?" (its file);
- ``gevinst consultations PATH [ID] [--as-of ÅÅÅÅ-MM-DD] [--format json]``: the requests,
  each with its status on the day and its answer.

Comments have no command: they are a conversation between the web application's users,
each told of a reply; the folder keeps them (``review.yaml``) and ``gevinst db import`` and
``db export`` carry them, but reading or writing one thread at a prompt would add a second,
poorer place for that conversation.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from gevinst.cli.console import option_date, write_json
from gevinst.core.access import LOCAL
from gevinst.core.consultation import Asked
from gevinst.core.numbers import dk_date
from gevinst.format.review import record_document
from gevinst.services import consultations
from gevinst.stores.folder import FolderStore


def _consult(args: argparse.Namespace) -> int:
    due = option_date("--due", args.due)
    made = consultations.request(
        FolderStore(), LOCAL, args.path, args.id, args.kind, due, args.note
    )
    sys.stdout.write(
        f"{args.id}: høring {made.number} af {made.request.body}, frist {dk_date(due)}\n"
    )
    return 0


def _answer(args: argparse.Namespace) -> int:
    store = FolderStore()
    base = store.proposal(args.path, args.id).version
    made, _ = consultations.answer(
        store,
        LOCAL,
        args.path,
        args.id,
        args.number,
        heard_yes=args.heard,
        date=option_date("--date", args.date),
        note=args.note,
        base=base,
    )
    said = "ja" if args.heard else "nej"
    sys.stdout.write(f"{args.id}: {made.request.body} svarede {said}; skrevet i Hvem er hørt?\n")
    return 0


def _document(pid: str, a: Asked, on: dt.date) -> dict[str, Any]:
    request = {k: v for k, v in record_document(a.request).items() if k != "record"}
    answer = None
    if a.answer is not None:
        answer = {
            k: v for k, v in record_document(a.answer).items() if k not in ("record", "request")
        }
    return {
        "proposal": pid,
        "number": a.number,
        "status": a.status(on).value,
        **request,
        "answer": answer,
    }


def _line(pid: str, a: Asked, on: dt.date) -> str:
    status = {"open": "åben", "overdue": "overskredet", "answered": "besvaret"}[a.status(on).value]
    answer = ""
    if a.answer is not None:
        said = "ja" if a.answer.heard else "nej"
        answer = f": {said} {dk_date(a.answer.date)} ({a.answer.who})"
    return f"{pid} {a.number}. {a.request.body}, frist {dk_date(a.request.due)}, {status}{answer}\n"


def _list(args: argparse.Namespace) -> int:
    store = FolderStore()
    on = option_date("--as-of", args.as_of) if args.as_of else dt.date.today()
    catalog = store.catalog(args.path)
    ids = [catalog.proposal(args.id).id] if args.id else [p.id for p in catalog.proposals]
    found = [(pid, a) for pid in ids for a in consultations.requests(store, LOCAL, args.path, pid)]
    if args.format == "json":
        shown = {"consultations": [_document(pid, a, on) for pid, a in found]}
        write_json(shown)
    else:
        sys.stdout.write("".join(_line(pid, a, on) for pid, a in found) or "Ingen høringer.\n")
    return 0


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    consult = sub.add_parser("consult", help="bed et organ om at høre et forslag")
    consult.add_argument("path", help="katalogmappen")
    consult.add_argument("id", help="forslagets id, fx BC01")
    consult.add_argument(
        "--kind",
        required=True,
        help="høringsorganet (it-kredsen, hr-kredsen, ...) eller en forvaltning (SOF)",
    )
    consult.add_argument("--due", required=True, help="fristen, ÅÅÅÅ-MM-DD")
    consult.add_argument("--note", default="", help="hvad organet skal se på")
    consult.set_defaults(run=_consult)
    answer = sub.add_parser("answer", help="skriv et organs svar i Hvem er hørt?")
    answer.add_argument("path", help="katalogmappen")
    answer.add_argument("id", help="forslagets id")
    answer.add_argument("number", type=int, help="høringens nummer (gevinst consultations)")
    said = answer.add_mutually_exclusive_group(required=True)
    said.add_argument("--yes", dest="heard", action="store_true", help="organet siger ja")
    said.add_argument("--no", dest="heard", action="store_false", help="organet siger nej")
    answer.add_argument("--date", required=True, help="svarets dato, ÅÅÅÅ-MM-DD")
    answer.add_argument("--note", default="", help="svarets bemærkning")
    answer.set_defaults(run=_answer)
    listed = sub.add_parser("consultations", help="vis høringerne og deres svar")
    listed.add_argument("path", help="katalogmappen")
    listed.add_argument("id", nargs="?", help="kun dette forslag")
    listed.add_argument("--as-of", help="status på denne dag (ÅÅÅÅ-MM-DD; standard: i dag)")
    listed.add_argument("--format", choices=["text", "json"], default="text")
    listed.set_defaults(run=_list)
