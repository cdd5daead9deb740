# SPDX-License-Identifier: MPL-2.0
"""What an export or a view may show: which proposals, and whether confidential ones are
shown in full (:mod:`gevinst.core.confidential` reduces them)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from gevinst.core.confidential import public_catalog
from gevinst.core.model import Catalog, CatalogTable


@dataclass(frozen=True)
class ExportOptions:
    proposal: str | None = None  # one proposal alone; None: the whole catalog
    include_confidential: bool = False  # show confidential proposals in full
    # print the figures as the documents state them (an archive copy of the approved
    # document), marked where they differ from the derived ones, as the default marks them
    as_stated: bool = False


def select(cat: Catalog, options: ExportOptions) -> Catalog:
    """The catalog an export may show: confidential proposals reduced to what the catalog
    publishes unless ``include_confidential``, and only one proposal if one is asked for
    (then the summary tables keep only its rows, without the totals, statements and
    targets that speak of all). Every writer starts here, so a writer called directly cannot
    show more than the command would."""
    shown = cat if options.include_confidential else public_catalog(cat)
    if options.proposal is None:
        return shown
    p = shown.proposal(options.proposal)
    return replace(
        shown, proposals=(p,), tables=_only(shown.tables, p.id), statements=(), targets=()
    )


def _only(tables: tuple[CatalogTable, ...], proposal: str) -> tuple[CatalogTable, ...]:
    """The summary tables cut down to the rows of one proposal."""
    out = []
    for t in tables:
        groups = tuple(
            replace(g, rows=rows)
            for g in t.groups
            if (rows := tuple(r for r in g.rows if r.proposal == proposal))
        )
        if groups:
            out.append(
                replace(
                    t,
                    groups=groups,
                    total_effect=None,
                    total_investment=None,
                    total_full_effect=None,
                )
            )
    return tuple(out)
