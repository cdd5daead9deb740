# SPDX-License-Identifier: MPL-2.0
"""The ``gevinst`` command."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path

from gevinst.core.check import check_catalog, summary
from gevinst.core.findings import Severity
from gevinst.core.summary import summarise
from gevinst.io.document import write_catalog
from gevinst.io.export import ExportOptions, select
from gevinst.io.show import TABLE_CHOICES, render_findings, render_proposal, render_summary
from gevinst.io.yamlformat import FormatError, load_catalog

CATALOG_IDS = {"katalog", "catalog"}

# format -> (module under gevinst.io, function(catalog, output, options))
WRITERS = {
    "pdf": ("pdf", "write_pdf"),
    "docx": ("word", "write_docx"),
    "xlsx": ("xlsx_export", "write_xlsx"),
    "csv": ("csv_export", "write_csv"),
    "fdp": ("fdp", "write_fdp"),
}


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


def _cmd_export(args: argparse.Namespace) -> int:
    catalog = load_catalog(Path(args.path))
    options = ExportOptions(args.proposal, args.include_confidential, args.charts)
    if args.proposal is not None:
        catalog.proposal(args.proposal)  # an unknown id is reported before anything is written
    writer = import_module(f"gevinst.io.{WRITERS[args.format][0]}")
    getattr(writer, WRITERS[args.format][1])(select(catalog, options), Path(args.output), options)
    if args.charts is not None:
        from gevinst.io.charts import write_charts

        write_charts(select(catalog, options), args.charts)
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from gevinst.io.importer import import_file

    target = Path(args.output)
    if target.exists() and any(target.iterdir()):
        sys.stderr.write(f"gevinst: {target} findes allerede og er ikke tom; intet er skrevet\n")
        return 2
    catalog = import_file(Path(args.file))
    staging = Path(tempfile.mkdtemp(prefix=".gevinst-import-", dir=target.parent))
    try:
        write_catalog(catalog, staging)
        load_catalog(staging)  # what was written must read back before it replaces anything
        if target.exists():
            target.rmdir()
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    sys.stdout.write(f"{len(catalog.proposals)} forslag importeret til {target}\n")
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
    export = sub.add_parser("export", help="skriv kataloget som PDF, Word, Excel, CSV eller FDP")
    export.add_argument("path", help="katalogmappe eller catalog.yaml")
    export.add_argument("--format", choices=sorted(WRITERS), required=True)
    export.add_argument("-o", "--output", required=True, help="filen (FDP: mappen) der skrives")
    export.add_argument("--proposal", help="kun dette forslag, fx BC01")
    export.add_argument(
        "--include-confidential", action="store_true", help="vis fortrolige forslag fuldt ud"
    )
    export.add_argument("--charts", type=Path, help="skriv også graferne som SVG i denne mappe")
    export.set_defaults(run=_cmd_export)
    imp = sub.add_parser("import", help="læs et katalog fra Excel, YAML eller JSON")
    imp.add_argument(
        "file", help="fil i gevinsts Excel-layout (.xlsx) eller et dokument (.yaml/.json)"
    )
    imp.add_argument("-o", "--output", required=True, help="katalogmappen der oprettes")
    imp.set_defaults(run=_cmd_import)
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
    except KeyError as e:
        sys.stderr.write(f"gevinst: {e.args[0]} findes ikke i kataloget\n")
        return 2
    except OSError as e:
        sys.stderr.write(f"gevinst: {e.filename or ''}: {e.strerror}\n")
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
