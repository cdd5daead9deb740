# SPDX-License-Identifier: MPL-2.0
"""What every export shares: which proposals, and whether confidential ones are shown."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from gevinst.core.confidential import public_catalog
from gevinst.core.model import Catalog

FORMATS = ("pdf", "docx", "xlsx", "csv", "fdp")

# A cell that starts with one of these is read as a formula by spreadsheet programs.
_FORMULA_START = re.compile(r"^[=+\-@\t\r]")


@dataclass(frozen=True)
class ExportOptions:
    proposal: str | None = None  # one proposal alone; None: the whole catalog
    include_confidential: bool = False  # show confidential proposals in full
    charts_dir: Path | None = None  # also write the charts as SVG here


def select(cat: Catalog, options: ExportOptions) -> Catalog:
    """The catalog an export may show: confidential proposals reduced to what the catalog
    publishes unless ``include_confidential``, and only one proposal if one is asked for."""
    shown = cat if options.include_confidential else public_catalog(cat)
    if options.proposal is None:
        return shown
    return replace(shown, proposals=(shown.proposal(options.proposal),))


def neutralise(text: str) -> str:
    """Text that a spreadsheet would run as a formula, made inert with a leading apostrophe
    (OWASP's advice against CSV and formula injection)."""
    return "'" + text if _FORMULA_START.match(text) else text


def looks_like_formula(text: str) -> bool:
    return bool(_FORMULA_START.match(text))
