# SPDX-License-Identifier: MPL-2.0
"""The ``gevinst`` command."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from gevinst.core.check import check_catalog, summary
from gevinst.core.findings import Severity
from gevinst.core.summary import summarise
from gevinst.io.show import TABLE_CHOICES, render_findings, render_proposal, render_summary
from gevinst.io.yamlformat import FormatError, load_catalog

CATALOG_IDS = {"katalog", "catalog"}


def _cmd_check(args: argparse.Namespace) -> int:
    catalog = load_catalog(Path(args.path))
    findings = check_catalog(catalog)
    if args.format == "json":
        json.dump(
            {"findings": [f.as_json() for f in findings], "summary": summary(findings, catalog)},
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_findings(findings, summary(findings, catalog)))
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0


def _cmd_show(args: argparse.Namespace) -> int:
    catalog = load_catalog(Path(args.path))
    if args.id.casefold() in CATALOG_IDS:
        blocks = [render_summary(summarise(catalog, t.id)) for t in catalog.tables]
        sys.stdout.write("\n".join(blocks))
        return 0
    try:
        proposal = catalog.proposal(args.id)
    except KeyError:
        known = ", ".join(p.id for p in catalog.proposals)
        sys.stderr.write(
            f"gevinst: forslaget {args.id!r} findes ikke i kataloget (kendte: {known})\n"
        )
        return 2
    sys.stdout.write(render_proposal(proposal, catalog.profile, args.table))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gevinst",
        description="Investerings- og effektiviseringsforslag som kontrollerede data.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="genberegn alt og sammenlign med de angivne tal")
    check.add_argument("path", help="katalogmappe eller catalog.yaml")
    check.add_argument("--format", choices=["table", "json"], default="table")
    check.set_defaults(run=_cmd_check)
    show = sub.add_parser("show", help="vis et forslags tabeller")
    show.add_argument("path", help="katalogmappe eller catalog.yaml")
    show.add_argument("id", help="forslagets id, fx BC01, eller 'katalog' for katalogets tabeller")
    show.add_argument("--table", choices=TABLE_CHOICES, default="all")
    show.set_defaults(run=_cmd_show)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except FormatError as e:
        sys.stderr.write(f"gevinst: filerne følger ikke formatet ({len(e.problems)} fejl):\n")
        for problem in e.problems:
            sys.stderr.write(f"  {problem}\n")
        return 2
    except OSError as e:
        sys.stderr.write(f"gevinst: {e.filename or ''}: {e.strerror}\n")
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
