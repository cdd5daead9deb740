# SPDX-License-Identifier: MPL-2.0
"""A line without a booking is a finding of the check, and every output still renders."""

from __future__ import annotations

from dataclasses import replace

from gevinst.cli.show import render_proposal
from gevinst.core import calc
from gevinst.core.check import check_proposal
from gevinst.core.model import Catalog
from gevinst.core.selection import ExportOptions
from gevinst.documents.charts import render_charts
from gevinst.documents.pdf import render_pdf
from gevinst.documents.word import render_docx
from gevinst.documents.xlsx import render_xlsx


def unbooked(seed: Catalog) -> Catalog:
    bc01 = seed.proposal("BC01")
    lines = (replace(bc01.lines[0], booking=None), *bc01.lines[1:])
    return replace(seed, proposals=(replace(bc01, lines=lines), *seed.proposals[1:]))


def test_the_unbooked_amount_has_a_row_of_its_own(seed: Catalog) -> None:
    cat = unbooked(seed)
    p = cat.proposal("BC01")
    a = calc.table_a(p, cat.profile)
    assert a[calc.UNBOOKED][2026] == -297  # e1, Koncernservice's until it was unbooked
    assert calc.column_total(a) == calc.permanent(p)
    assert "booking-missing" in {f.rule for f in check_proposal(p, cat.profile)}


def test_every_output_renders(seed: Catalog) -> None:
    cat = unbooked(seed)
    options = ExportOptions(proposal="BC01")
    assert calc.UNBOOKED in render_proposal(cat.proposal("BC01"), cat.profile, "A")
    assert render_pdf(cat, options).startswith(b"%PDF-")
    assert render_docx(cat, options).startswith(b"PK")  # a zip, as Word's files are
    assert render_xlsx(cat, options).startswith(b"PK")
    assert b"<svg" in render_charts(cat, options)["BC01.svg"]
