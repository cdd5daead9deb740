# SPDX-License-Identifier: MPL-2.0
"""What every export shares: which proposals, and whether confidential ones are shown."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from gevinst.core.confidential import public_catalog
from gevinst.core.model import Catalog, CatalogTable

# A cell that starts with one of these is read as a formula by spreadsheet programs.
_FORMULA_START = re.compile(r"^[=+\-@\t\r]")


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
    (then the summary tables keep only its rows, without the totals and statements that
    speak of all). Every writer starts here, so a writer called directly cannot show more
    than the command would."""
    shown = cat if options.include_confidential else public_catalog(cat)
    if options.proposal is None:
        return shown
    p = shown.proposal(options.proposal)
    return replace(shown, proposals=(p,), tables=_only(shown.tables, p.id), statements=())


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
            out.append(replace(t, groups=groups, total_effect=None, total_investment=None))
    return tuple(out)


def neutralise(text: str) -> str:
    """Text that a spreadsheet would run as a formula, made inert with a leading apostrophe
    (OWASP's advice against CSV and formula injection)."""
    return "'" + text if _FORMULA_START.match(text) else text


def looks_like_formula(text: str) -> bool:
    return bool(_FORMULA_START.match(text))
