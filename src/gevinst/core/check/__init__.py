# SPDX-License-Identifier: MPL-2.0
"""Recompute every figure, compare it with what the document states, apply the template.

One module per rule family: :mod:`~gevinst.core.check.compare` (the comparison they share,
and the ±1 rounding warning), :mod:`~gevinst.core.check.table1`,
:mod:`~gevinst.core.check.tables` (A to E, 2.1, Tabel 2), :mod:`~gevinst.core.check.template`
(the template's rules), :mod:`~gevinst.core.check.basis` (effect models and basis tables),
:mod:`~gevinst.core.check.targets`; :mod:`~gevinst.core.check.proposal` applies them to a
proposal and :mod:`~gevinst.core.check.catalog` to the catalog and its own tables.
"""

from __future__ import annotations

from gevinst.core.check.catalog import check_catalog, summary
from gevinst.core.check.proposal import check_proposal
from gevinst.core.check.tables import PRICE_BASIS, TABLE_NAMES, price_basis, rows_by_unit
from gevinst.core.check.targets import TARGET_TOTAL
from gevinst.core.check.template import required_tables

__all__ = [
    "PRICE_BASIS",
    "TABLE_NAMES",
    "TARGET_TOTAL",
    "check_catalog",
    "check_proposal",
    "price_basis",
    "required_tables",
    "rows_by_unit",
    "summary",
]
