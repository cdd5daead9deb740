# SPDX-License-Identifier: MPL-2.0
"""The sheet ``Katalog``: the catalog's summary tables, each proposal's row linked to its
sheet, and the list of the proposals in the workbook."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from gevinst.core.marks import INVESTMENT, Place
from gevinst.core.model import Catalog
from gevinst.core.summary import Summary, SummaryColumn, SummaryRow, summarise
from gevinst.core.template import printing
from gevinst.format.workbook.cells import cell_text
from gevinst.format.workbook.names import KATALOG, cell_ref, column
from gevinst.format.workbook.proposal import ProposalSheet
from gevinst.format.workbook.sheet import Sheet, span_sum
from gevinst.format.workbook.sheetwriter import SheetWriter
from gevinst.format.workbook.styles import Style


def complete_table(cat: Catalog, table_rows: Iterable[str | None]) -> bool:
    ids = {p.id for p in cat.proposals}
    return all(pid is None or pid in ids for pid in table_rows)


def _sum(parts: Sequence[Decimal | None]) -> Decimal | None:
    """The sum of a column's figures, None where some row has none."""
    if not parts or any(p is None for p in parts):
        return None
    return sum((p for p in parts if p is not None), Decimal(0))


class CatalogSheet(Sheet):
    """The catalog's summary tables: columns Nr., Forslag, label, Godkendt med, the years,
    Samlet investering and Varig virkning; a proposal's row refers to its own sheet."""

    FIRST_VALUE = 4
    name = KATALOG

    def __init__(self, ws: SheetWriter, cat: Catalog, sheets: Mapping[str, ProposalSheet]) -> None:
        super().__init__(ws, cat.tables[0].years if cat.tables else (), printing(cat.profile))
        self.cat, self.sheets = cat, sheets
        self.name = self.book["catalog_sheet"]

    def write(self) -> None:
        cat = self.cat
        self.line(cat.title, Style.TITLE)
        self.line(f"{cat.municipality}, {cat.round}")
        self.gap()
        shown = [t for t in cat.tables if complete_table(cat, (r.proposal for r in t.rows()))]
        for i, t in enumerate(shown):
            self.summary(summarise(cat, t.id), freeze=i == 0)
        if len(shown) < len(cat.tables):
            self.line(self.book["selection"], Style.NOTE)
            self.gap()
        self.proposals()
        extra = max((len(self.extra_columns(summarise(cat, t.id))) for t in shown), default=0)
        values = max((len(t.years) for t in cat.tables), default=0) + 2 + extra
        widths = [(0, 10), (1, 9), (2, 60), (3, 14)]
        widths += [(self.FIRST_VALUE + i, 12) for i in range(values)]
        self.finish(widths, self.FIRST_VALUE + values - 1)

    def links(self, proposal: str) -> tuple[ProposalSheet, int | None, int | None]:
        """A proposal's sheet, its row of the permanent change and of the investment."""
        sheet = self.sheets[proposal]
        rows = sheet.total_rows
        permanent = rows.get("varig")
        if permanent is None and "impl" not in rows:
            permanent = rows.get("impact")  # no investment: the impact is the permanent change
        return sheet, permanent, rows.get("impl")

    def summary_row(self, r: Any, years: Sequence[int], invest: int, steady: int) -> None:
        proposal = r.row.proposal
        linked = proposal is not None and not self.cat.proposal(proposal).catalog_entry_only
        sheet, permanent, impl = (
            self.links(proposal) if proposal is not None else (None, None, None)
        )
        for i, year in enumerate(years):
            text = None
            if sheet is not None and permanent is not None and year in sheet.years:
                text = f"=-{cell_ref(sheet.name, sheet.col(year), permanent)}"
            self.formula(self.row, self.FIRST_VALUE + i, text, r.effect[year])
        if r.investment is not None:
            text = None
            if sheet is not None and impl is not None and linked:
                a, b = sheet.col(sheet.years[0]), sheet.col(sheet.years[-1])
                text = f"=SUM('{sheet.name}'!{column(a)}{impl + 1}:{column(b)}{impl + 1})"
            self.formula(self.row, invest, text, r.investment)
        text = None
        if sheet is not None and permanent is not None:
            text = f"=-{cell_ref(sheet.name, sheet.col(sheet.years[-1]), permanent)}"
        self.formula(self.row, steady, text, r.steady_state)

    def place_columns(self, table: str, row: str | None, invest: int) -> None:
        """This row's cells of a summary table, as marks.py names them."""
        if row is not None:
            self.place_row(None, table, row, self.row)
            self.places[Place(None, table, row, INVESTMENT)] = (self.row, invest)

    def summary(self, s: Summary, freeze: bool) -> None:
        t = s.table
        invest, steady = self.FIRST_VALUE + len(t.years), self.FIRST_VALUE + len(t.years) + 1
        self.title(t.title)
        if t.unit:
            self.line(t.unit)
        book = self.book
        label, investment, approved = self.words.summary_columns
        heads = [book["no"], book["proposal"], label, approved]
        heads += [book["contribution"].format(year=self.printed.year(y)) for y in t.years]
        extra = self.extra_columns(s)
        stated = [s.heading(c, self.printed) for c in extra]
        for col, head in enumerate([*heads, investment, book["steady_state"], *stated]):
            self.text(col, head, Style.HEADER)
        self.row += 1
        if freeze:
            self.ws.freeze_panes(self.row, 3)
        first = self.row
        for group in s.groups:
            self.text(2, group.committee, Style.BOLD)
            self.row += 1
            for r in group.rows:
                self.text(0, r.row.no)
                self.text(1, r.row.proposal or "")
                self.text(2, r.row.label, Style.WRAP)
                self.text(3, r.row.approved_with)
                self.summary_row(r, t.years, invest, steady)
                self.stated_columns(s, r, extra, steady + 1)
                self.place_columns(t.id, r.row.proposal, invest)
                self.row += 1
        rows = list(range(first, self.row))
        totals = {invest: s.total_investment(), steady: s.total_steady_state()}
        self.text(2, self.words.in_all, Style.TOTAL_LABEL)
        for i, year in enumerate(t.years):
            totals[self.FIRST_VALUE + i] = s.total_effect()[year]
        for i, c in enumerate(extra):
            # the sum of the rows, as the formula gives it (a printed total is the check's)
            parts = [r.row.full_effect for r in s.rows()] if c.kind == "full_effect" else None
            total = s.area_part(None, c) if parts is None else _sum(parts)
            if c.kind != "payback" and total is not None:
                totals[steady + 1 + i] = total
        for col, value in totals.items():
            self.formula(self.row, col, f"={span_sum(column(col), rows)}", value, total=True)
        self.place_columns(t.id, "total", invest)
        self.row += 1
        self.line(self.book["positive"], Style.NOTE)
        self.gap()

    @staticmethod
    def extra_columns(s: Summary) -> list[SummaryColumn]:
        """The profile's columns the sheet prints after "Varig virkning", in its order: what
        a row states with no year and the split by area (the years, the investment and
        "Godkendt med" have their own places)."""
        return [
            c for c in s.columns() if c.kind not in {"effect_years", "investment", "approved_with"}
        ]

    def stated_columns(
        self, s: Summary, r: SummaryRow, extra: Sequence[SummaryColumn], first: int
    ) -> None:
        """A row's stated figures with no year, its payback and its parts by area."""
        for i, c in enumerate(extra):
            if c.kind == "payback":
                self.text(first + i, r.row.payback)
                continue
            value = r.row.full_effect if c.kind == "full_effect" else s.area_part(r, c)
            if value is not None:
                self.value(self.row, first + i, value)

    def proposals(self) -> None:
        book = self.book
        self.title(book["proposals"])
        for col, head in enumerate((book["sheet"], book["proposal"], book["title"], book["type"])):
            self.text(col, head, Style.HEADER)
        self.row += 1
        for p in self.cat.proposals:
            name = self.sheets[p.id].name
            self.ws.write_url(self.row, 0, f"internal:'{name}'!A1", string=cell_text(name))
            self.text(1, p.id)
            mark = self.words.confidential_mark if p.confidential else ""
            self.text(2, p.title + mark, Style.WRAP)
            self.text(3, p.type.value)
            self.row += 1
