# SPDX-License-Identifier: MPL-2.0
"""A proposal's sheet: Tabel 1 with its input lines, 2.1, Tabel 2, the technical tables A-E,
the inputs of the split, and the helper rows that round as the core does."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal
from functools import partial

from gevinst.core import calc, layout
from gevinst.core.distribute import round_to, round_whole
from gevinst.core.layout import Kind
from gevinst.core.marks import Place
from gevinst.core.model import ByKey, Line, Parts, Proposal, Section, ToUnit
from gevinst.core.profile import Profile
from gevinst.core.series import ZERO, Series
from gevinst.core.template import DANISH, printing
from gevinst.format.workbook.cells import number
from gevinst.format.workbook.names import column
from gevinst.format.workbook.sheet import (
    HORIZON,
    PRECISION,
    QUANTUM,
    Sheet,
    Terms,
    joined,
    signed,
    span_sum,
)
from gevinst.format.workbook.sheetwriter import SheetWriter
from gevinst.format.workbook.styles import Look, Style
from gevinst.format.workbook.targets import (
    AdminAmount,
    KeyWeight,
    LineAmount,
    MoveAmount,
    PartAmount,
)


@dataclass
class _Group:
    """Lines apportioned together (calc: placed together, or implementation on one area)."""

    title: str
    lines: list[Line]
    units: list[str] = field(default_factory=list)  # in the core's order: ties go first
    exact: dict[str, Series] = field(default_factory=dict)
    rounded: dict[str, int] = field(default_factory=dict)  # unit -> its row of whole shares


def _exact(p: Proposal, profile: Profile, lines: Sequence[Line]) -> dict[str, Series]:
    """Each unit's exact share of the lines, year by year, in the order the core meets
    the units (which decides ties)."""
    out: dict[str, dict[int, Decimal]] = {}
    for year in p.years:
        for line in lines:
            for unit, share in calc.exact_shares(p, profile, line, year).items():
                out.setdefault(unit, {}).setdefault(year, ZERO)
                out[unit][year] += share
    return {u: Series(v) for u, v in out.items()}


def _round(amount: Decimal) -> Decimal:
    return round_to(amount, QUANTUM)


def _floor(amount: Decimal) -> Decimal:
    return amount.to_integral_value(rounding=ROUND_FLOOR)


class ProposalSheet(Sheet):
    def __init__(self, ws: SheetWriter, p: Proposal, profile: Profile, name: str) -> None:
        super().__init__(ws, p.years, printing(profile))
        self.p, self.profile, self.name = p, profile, name
        self.line_rows: dict[str, int] = {}
        self.total_rows: dict[str, int] = {}  # Tabel 1's subtotals and total (calc.TABLE1_ROWS)
        self.payback_rows: dict[str, int] = {}  # Tabel 1's payback rows, by basis
        self.technical_rows: dict[str, dict[str, int]] = {}  # "A", "D", "E" -> unit -> row
        self.key_rows: dict[tuple[str, str], int] = {}  # (key, name) -> row of its weight
        self.key_spans: dict[str, tuple[int, int]] = {}
        self.part_rows: dict[tuple[str, str], int] = {}  # (line, name) -> row
        self.move_rows: list[int] = []
        self.groups: dict[str, list[_Group]] = {}  # "A", "D", "E"
        self.names = self.words.table_names  # 2.1 and A-E, where a proposal names none

    def write(self) -> None:
        p = self.p
        mark = self.words.confidential_mark if p.confidential else ""
        self.line(f"{p.id} {p.title}{mark}", Style.TITLE)
        self.line(p.heading or p.type.value)
        self.header(self.printed.prices(p.price_level), "")
        self.ws.freeze_panes(self.row, self.FIRST_VALUE)
        self.gap()
        self.table1()
        if p.catalog_entry_only:
            self.line(self.book["entry_only"], Style.NOTE)
        elif calc.unbooked(p):
            self.line(self.book["unbooked"], Style.NOTE)
        else:
            self.distribution()
            self.admin()
            self.technical()
            self.basis()
            self.apportioning()
        self.payback()
        widths = [(0, 62), (1, 20)] + [(self.col(y), 10) for y in self.years]
        if self.with_total:
            widths.append((self.total_col, 12))
        self.finish(widths, self.total_col if self.with_total else self.total_col - 1)

    # Tabel 1 -----------------------------------------------------------------------------

    def table1(self) -> None:
        """Tabel 1 as :mod:`gevinst.core.layout` lays it out: the lines as input cells, each
        subtotal a SUM or SUMIF over the lines of its section, the payback a formula."""
        p = self.p
        self.title(self.words.table1_title())
        if self.with_total:
            self.text(self.total_col, self.words.row_total, Style.HEADER)
        self.header(self.printed.prices(p.price_level), self.book["area"])
        spans: list[list[int]] = []
        for shown in layout.table1(p, printed=self.printed):
            amounts = shown.amounts if shown.amounts is not None else Series()
            if shown.kind is Kind.HEADING:
                self.line(shown.label, Style.BOLD)
                spans.append([])
            elif shown.kind is Kind.LINE:
                line = p.line(shown.key)
                target = partial(LineAmount, p.id, line.id)
                row = self.inputs_row(shown.label, shown.area, line.amounts, target)
                self.line_rows[line.id] = row
                spans[-1].append(row)
                self._row_total(row, line.id, line.amounts, total=False)
            elif shown.kind is Kind.SUBTOTAL and shown.area:
                self.total_rows[shown.key] = self._sumif(
                    shown.label, shown.area, spans[-1], amounts
                )
                self.place_row(p.id, "1", shown.key, self.total_rows[shown.key])
                self._row_total(self.total_rows[shown.key], shown.key, amounts)
            elif shown.kind in (Kind.SUBTOTAL, Kind.TOTAL):
                rows = spans[-1] if shown.kind is Kind.SUBTOTAL else [r for s in spans for r in s]
                terms = (lambda c, r=rows: span_sum(c, r)) if rows else None
                self.total_rows[shown.key] = self.formula_row(shown.label, "", amounts, terms)
                self.place_row(p.id, "1", shown.key, self.total_rows[shown.key])
                self._row_total(self.total_rows[shown.key], shown.key, amounts)
            elif shown.stated:
                # as the proposal states it: the data holds no yearly profile to compute from
                self.text(0, shown.label, Style.WRAP)
                self.text(1, shown.text)
                self.row += 1
            else:
                self.payback_rows[shown.key.removeprefix("payback_")] = self.row
                self.places[Place(p.id, "1", shown.key, None)] = (self.row, 1)
                self.text(0, shown.label, Style.WRAP)
                self.row += 1
        self.line(self.words.sign_note, Style.NOTE)
        self.gap()

    @property
    def with_total(self) -> bool:
        """Tabel 1 has a Total column (the profile's ``template.table1_total``)."""
        return layout.prints_total(self.profile)

    @property
    def total_col(self) -> int:
        """Tabel 1's Total column: the one after the last year."""
        return self.FIRST_VALUE + len(self.years)

    def _row_total(self, row: int, key: str, amounts: Series, total: bool = True) -> None:
        """A row's total over its years in Tabel 1's Total column, as a SUM over its year
        cells carrying the core's total; marked where the proposal states another."""
        if not self.with_total:
            return
        first, last = column(self.FIRST_VALUE), column(self.total_col - 1)
        formula = f"=SUM({first}{row + 1}:{last}{row + 1})"
        self.formula(row, self.total_col, formula, calc.row_total(self.p, amounts), total)
        self.places[Place(self.p.id, "1", key, layout.TOTAL_COLUMN)] = (row, self.total_col)

    def _sumif(self, label: str, area: str, rows: Sequence[int], amounts: Series) -> int:
        """A subtotal of the lines whose column B holds ``area`` (this row's B)."""
        here = self.row + 1
        if not rows:
            return self.formula_row(label, area, amounts, None)
        a, b = rows[0] + 1, rows[-1] + 1
        return self.formula_row(
            label, area, amounts, lambda c: f"SUMIF($B${a}:$B${b},$B${here},{c}{a}:{c}{b})"
        )

    # tables by unit ----------------------------------------------------------------------------

    def unit_table(
        self,
        table: str,
        title: str,
        units: Sequence[str],
        amounts: Mapping[str, Series],
        second: Mapping[str, str],
        terms: Callable[[str], Terms | None],
    ) -> dict[str, int]:
        """A table by unit with its total; each unit's cells ``terms(unit)``, written when
        the rows they refer to are known. Returns each unit's row."""
        self.places[Place(self.p.id, table, "", None)] = (self.row, 0)
        self.title(title)
        prices = self.printed.prices(self.p.price_level)
        self.header(
            f"{self.words.committee} ({prices})", self.words.appropriation if second else ""
        )
        rows: dict[str, int] = {}
        for unit in units:
            rows[unit] = self.label(self.profile.unit_name(unit), second.get(unit, ""))
            self.place_row(self.p.id, table, unit, self.row)
            self.row += 1
        span = [rows[u] for u in units]
        total = calc.column_total(amounts)
        total_row = self.formula_row(
            self.words.total, "", total, (lambda c: span_sum(c, span)) if span else None
        )
        self.place_row(self.p.id, table, "total", total_row)
        self.gap()

        def write() -> None:
            for unit, row in rows.items():
                series = amounts.get(unit, Series())
                unit_terms = terms(unit)
                for year in self.years:
                    col = self.col(year)
                    text = None if unit_terms is None else f"={unit_terms(column(col))}"
                    self.formula(row, col, text, series[year])

        self.later(write)
        return rows

    def distribution(self) -> None:
        """2.1: each committee's sum of its units' rows in A (and D and E where the
        proposal's table includes the implementation costs)."""
        stated = self.p.stated.distribution
        include = stated.includes_implementation if stated else False
        rows = calc.distribution(self.p, self.profile, include)
        title = (stated.title if stated else "") or self.names["2.1"]
        tables = ["A", "D", "E"] if include else ["A"]

        def terms(committee: str) -> Terms | None:
            return signed(
                (1, row)
                for name in tables
                for unit, row in self.technical_rows.get(name, {}).items()
                if self.profile.committee_of(unit) == committee
            )

        self.unit_table("2.1", title, self.profile.sort_units(list(rows)), rows, {}, terms)

    def admin(self) -> None:
        p = self.p
        if not p.admin_rows:
            return
        self.title(self.words.admin_table_title())
        self.header(self.printed.prices(p.price_level), "")
        rows = []
        for i, r in enumerate(p.admin_rows):
            row = self.label(r.text, "")
            given = dict(r.amounts)  # a year the row leaves blank stays blank
            for year in self.years:
                self.editable(row, self.col(year), given.get(year), AdminAmount(p.id, i, year))
            self.row += 1
            rows.append(row)
        total = self.formula_row(
            self.words.admin_total,
            "",
            calc.admin_total(p),
            lambda c: span_sum(c, rows),
        )
        self.place_row(p.id, "admin", "total", total)
        self.gap()

    def technical(self) -> None:
        p, profile = self.p, self.profile
        computed = calc.tables_of(p, profile)
        tables = {name: computed[name] for name in calc.TECHNICAL_TABLES}

        def second(name: str) -> Mapping[str, str]:
            stated = p.stated.technical.get(name)
            return stated.appropriations if stated else {}

        def rounded(name: str, unit: str) -> Terms | None:
            groups = self.groups.get(name, [])
            return signed((1, g.rounded[unit]) for g in groups if unit in g.rounded)

        # A, B and C share their rows, so that each cell of C is the A and B cells beside it
        units = profile.sort_units(set(tables["A"]) | set(tables["B"]) | set(tables["C"]))
        self.technical_rows["A"] = rows_a = self.unit_table(
            "A", self.names["A"], units, tables["A"], second("A"), lambda u: rounded("A", u)
        )
        rows_b = self.unit_table(
            "B",
            self.names["B"],
            units,
            tables["B"],
            second("B"),
            lambda u: signed(self.b_terms(u)),
        )
        self.unit_table(
            "C",
            self.names["C"],
            units,
            tables["C"],
            second("C"),
            lambda u: signed([(1, rows_a[u]), (1, rows_b[u])]),
        )
        for name in "DE":
            if tables[name] or name in p.stated.technical:
                self.technical_rows[name] = self.unit_table(
                    name,
                    self.names[name],
                    profile.sort_units(list(tables[name])),
                    tables[name],
                    {},
                    partial(rounded, name),
                )

    def b_terms(self, unit: str) -> list[tuple[int, int]]:
        """Tabel B for ``unit`` (calc.table_b): a line placed with another committee moves
        its share from the unit that carries it to the unit where it is placed; a budget
        move moves its amount."""
        profile, out = self.profile, []
        for g in self.groups.get("A", []):
            placed = g.lines[0].placed
            if placed is None:
                continue
            home = profile.unit(placed)
            for other, row in g.rounded.items():
                if profile.committee_of(other) == profile.committee_of(home):
                    continue
                if other == unit:
                    out.append((-1, row))
                if home == unit:
                    out.append((1, row))
        for move, row in zip(self.p.budget_moves, self.move_rows, strict=True):
            if profile.unit(move.from_unit) == unit:
                out.append((-1, row))
            if profile.unit(move.to_unit) == unit:
                out.append((1, row))
        return out

    # the inputs of the split ------------------------------------------------------------------

    def basis(self) -> None:
        """The keys' weights, the parts of lines split as printed and the budgets moved: input
        cells that the technical tables follow."""
        p = self.p
        if p.keys:
            self.title(self.book["keys"])
            self.text(0, self.book["key_unit"], Style.HEADER)
            self.text(1, self.book["key_name"], Style.HEADER)
            self.text(self.FIRST_VALUE, self.book["weight"], Style.HEADER)
            self.row += 1
            for key in p.keys.values():
                # a key is named by its id: its description is an internal note (docs/format.md)
                self.line(self.book["key"].format(name=key.name), Style.BOLD)
                first = self.row
                for name, weight in key.weights.items():
                    self.label(self.profile.unit_name(self.profile.unit(name)), name)
                    self.editable(
                        self.row, self.FIRST_VALUE, weight, KeyWeight(p.id, key.name, name)
                    )
                    self.key_rows[key.name, name] = self.row
                    self.row += 1
                self.key_spans[key.name] = (first, self.row - 1)
            self.gap()
        parts = [ln for ln in p.lines if isinstance(ln.booking, Parts)]
        if parts:
            self.title(self.book["parts"])
            self.header(self.printed.prices(p.price_level), self.book["committee"])
            for line in parts:
                assert isinstance(line.booking, Parts)
                self.line(f"{line.id}: {line.text}", Style.BOLD)
                for name, amounts in line.booking.parts.items():
                    self.part_rows[line.id, name] = self.inputs_row(
                        self.profile.unit_name(self.profile.unit(name)),
                        name,
                        amounts,
                        partial(PartAmount, p.id, line.id, name),
                    )
            self.gap()
        if p.budget_moves:
            self.title(self.book["moves"])
            self.header(self.printed.prices(p.price_level), self.book["from_to"])
            for i, move in enumerate(p.budget_moves):
                self.move_rows.append(
                    self.inputs_row(
                        self.book["move"].format(n=i + 1),  # internal, like a key's text
                        f"{move.from_unit} → {move.to_unit}",
                        move.amounts,
                        partial(MoveAmount, p.id, i),
                    )
                )
            self.gap()

    def share_terms(self, line: Line, unit: str) -> Terms | None:
        """A line's exact share for ``unit`` as a formula over the input cells."""
        profile, row = self.profile, self.line_rows.get(line.id)
        booking = line.booking
        if row is None:
            return None
        if isinstance(booking, ToUnit):
            return (lambda c: f"{c}{row + 1}") if profile.unit(booking.unit) == unit else None
        if isinstance(booking, Parts):
            mine = [self.part_rows[line.id, n] for n in booking.parts if profile.unit(n) == unit]
            return signed((1, r) for r in mine)
        if isinstance(booking, ByKey):
            key = self.p.keys[booking.key]
            mine = [self.key_rows[key.name, n] for n in key.weights if profile.unit(n) == unit]
            if not mine:
                return None
            a, b = self.key_spans[key.name]
            w = column(self.FIRST_VALUE)
            weight = "+".join(f"${w}${r + 1}" for r in mine)
            return lambda c: f"{c}{row + 1}*({weight})/SUM(${w}${a + 1}:${w}${b + 1})"
        return None

    def apportioning(self) -> None:
        """The helper rows of Tabel A, D and E: each group's exact shares, rounded by the
        largest remainder exactly as :func:`gevinst.core.distribute.apportion` does."""
        p = self.p
        # the core's own groups, so the workbook rounds exactly the lines the core rounds together
        self.groups["A"] = [
            _Group(
                self.book["group_placed"].format(where=where)
                if where
                else self.book["group"].format(name="A"),
                lines,
            )
            for where, lines in calc.placement_groups(p).items()
        ]
        for name, role in (("D", calc.CAPITAL), ("E", calc.OPERATING)):
            lines = list(calc.section_lines(p, Section.IMPLEMENTATION, role=role))
            title = self.book["group"].format(name=name)
            self.groups[name] = [_Group(title, lines)] if lines else []
        groups = [g for name in "ADE" for g in self.groups[name]]
        if not groups:
            return
        self.title(self.book["apportioning"])
        self.line(self.book["apportioning_note"].format(unit=self._quantum_unit()), Style.NOTE)
        for g in groups:
            self.group(g)

    def _quantum_unit(self) -> str:
        """What the shares are rounded to: whole "1.000 kr.", or "0,1 mio. kr." where the
        money has decimals."""
        money = self.profile.money
        if not money.decimals:
            return self.printed.unit
        return f"{self.printed.plain(money.quantum)} {self.printed.unit}"

    def group(self, g: _Group) -> None:
        """A group's helper rows. At a quantum below 1 (0,1 mio. kr.) the shares are counted
        in quanta (divided by 0,1), rounded as whole units and multiplied back, as
        :func:`gevinst.core.distribute.apportion` does; at quantum 1 the formulas are as
        they were."""
        p, profile = self.p, self.profile
        quantum = profile.money.quantum
        per = "" if quantum == 1 else f"/{quantum}"  # a formula's literal: '.' in any language
        times = "" if quantum == 1 else f"*{quantum}"
        g.exact = _exact(p, profile, g.lines)
        g.units = list(g.exact)
        final = calc.apportion_lines(p, profile, g.lines)  # the shares the rows reach
        self.title(g.title)
        self.header(self.book["committee"], "")
        exact_rows = {
            u: self._helper(
                profile.unit_name(u),
                u,
                g.exact[u],
                joined([t for t in (self.share_terms(ln, u) for ln in g.lines) if t]),
            )
            for u in g.units
        }
        total = Series({y: sum((g.exact[u][y] for u in g.units), ZERO) for y in self.years})
        rows = list(exact_rows.values())
        t_row = self._helper(self.book["exact_total"], "", total, lambda c: span_sum(c, rows))
        sign = Series({y: Decimal(-1 if _round(total[y]) < 0 else 1) for y in self.years})
        s_row = self._helper(
            self.book["sign"], "", sign, lambda c: f"IF(ROUND({c}{t_row + 1},{PRECISION})<0,-1,1)"
        )

        def in_quanta(amount: Decimal) -> Decimal:
            return amount if quantum == 1 else amount / quantum

        def scaled(u: str, y: int) -> Decimal:
            return _round(in_quanta(sign[y] * g.exact[u][y]))

        def x(c: str, u: str) -> str:
            """The unit's exact share made positive, in quanta, at nine decimals."""
            return f"ROUND({c}{s_row + 1}*{c}{exact_rows[u] + 1}{per},{PRECISION})"

        def floor_terms(u: str) -> Terms:
            return lambda c: f"INT({x(c, u)})"

        def rest_terms(u: str) -> Terms:
            return lambda c: f"ROUND({x(c, u)}-{c}{floors[u] + 1},{PRECISION})"

        floors: dict[str, int] = {}
        for u in g.units:
            floored = Series({y: _floor(scaled(u, y)) for y in self.years})
            floors[u] = self._helper(
                self.book["floor"].format(unit=profile.unit_name(u)), u, floored, floor_terms(u)
            )
        rests: dict[str, int] = {}
        for u in g.units:
            rest = Series({y: scaled(u, y) - _floor(scaled(u, y)) for y in self.years})
            label = self.book["rest"].format(unit=profile.unit_name(u))
            rests[u] = self._helper(label, u, rest, rest_terms(u))
        missing = Series(
            {
                y: round_whole(_round(in_quanta(sign[y] * total[y])))
                - sum((_floor(scaled(u, y)) for u in g.units), ZERO)
                for y in self.years
            }
        )
        floor_rows = list(floors.values())
        m_row = self._helper(
            self.book["missing"],
            "",
            missing,
            lambda c: (
                f"ROUND(ROUND({c}{s_row + 1}*{c}{t_row + 1}{per},{PRECISION}),0)"
                f"-{span_sum(c, floor_rows)}"
            ),
        )
        rest_rows = [rests[u] for u in g.units]
        for i, u in enumerate(g.units):
            g.rounded[u] = self.formula_row(
                self.book["shared"].format(unit=profile.unit_name(u)),
                u,
                final.get(u, Series()),
                self._whole(s_row, floors[u], rests[u], rest_rows, i, m_row, times),
                total=False,
            )
        self.gap()

    def _whole(
        self,
        s_row: int,
        floor: int,
        rest: int,
        rests: Sequence[int],
        i: int,
        m_row: int,
        times: str = "",
    ) -> Terms:
        """A unit's share: its floor, plus one if its rest ranks within the units still
        missing (larger rests first, ties to the earlier unit), ``times`` the quantum."""

        def text(c: str) -> str:
            all_rests = f"{c}{rests[0] + 1}:{c}{rests[-1] + 1}"
            rank = f"1+SUMPRODUCT(({all_rests}>{c}{rest + 1})*1)"
            if i > 0:
                rank += f"+SUMPRODUCT(({c}{rests[0] + 1}:{c}{rests[i - 1] + 1}={c}{rest + 1})*1)"
            return f"{c}{s_row + 1}*({c}{floor + 1}+IF({rank}<={c}{m_row + 1},1,0)){times}"

        return text

    def _helper(
        self, label: str, second: str, amounts: Series, terms: Terms | None, fmt: Look | None = None
    ) -> int:
        """A helper row: its figures in grey, with three decimals unless ``fmt`` says."""
        row = self.label(label, second)
        fmt = fmt or Style.HELPER
        for year in self.years:
            col = self.col(year)
            value = number(amounts[year])
            if terms is None:
                self.ws.write_number(row, col, value, fmt)
            else:
                self.ws.write_formula(row, col, f"={terms(column(col))}", fmt, value)
        self.row += 1
        return row

    # payback ---------------------------------------------------------------------------------

    def payback(self) -> None:
        """Each payback row of Tabel 1 as a formula (calc.payback_from_first_amount): count
        from the first year with an amount to the first year whose cumulative flow is <= 0 and
        stays so; after the table each year adds the last year's permanent change."""
        if not self.payback_rows:
            return
        self.title(self.book["payback"])
        self.header("", "")
        years = Series({y: Decimal(y) for y in self.years})
        year_row = self._helper(self.book["year"], "", years, None, Style.YEAR)
        for basis, row in self.payback_rows.items():
            self._payback(basis, self.words.payback_bases[basis], row, year_row)
        self.gap()

    def _payback_rows(self, basis: str) -> tuple[Series, list[int], int]:
        """The flows of a basis, the rows that add up to them and the row of the permanent
        part."""
        p, rows = self.p, self.total_rows
        if basis == "service":
            part = calc.permanent(p, role=calc.OPERATING)
            carry, flow_rows = rows["varig_service"], [rows["varig_service"], rows["impl"]]
        else:
            part = calc.permanent(p)
            carry, flow_rows = rows["varig"], [rows["impact"]]
        return part + calc.implementation(p), flow_rows, carry

    def _payback(self, basis: str, label: str, target: int, year_row: int) -> None:
        flows, flow_rows, carry_row = self._payback_rows(basis)
        a, z = column(self.FIRST_VALUE), column(self.col(self.years[-1]))
        self.line(self.book["basis"].format(label=label), Style.BOLD)
        f_row = self._helper(self.book["amount"], "", flows, signed((1, r) for r in flow_rows))
        cumulative, running = {}, ZERO
        for y in self.years:
            running += flows[y]
            cumulative[y] = running
        c_row = self._helper(
            self.book["cumulated"],
            "",
            Series(cumulative),
            lambda c: f"ROUND(SUM(${a}{f_row + 1}:{c}{f_row + 1}),{PRECISION})",
        )
        positive = Series({y: Decimal(y if cumulative[y] > 0 else 0) for y in self.years})
        pos_row = self._helper(
            self.book["positive_years"],
            "",
            positive,
            lambda c: f"IF({c}{c_row + 1}>0,{c}${year_row + 1},0)",
            Style.YEAR,
        )
        result = calc.payback(self.p, basis)
        start_year = flows.first_year()
        flow_range = f"${a}${f_row + 1}:${z}${f_row + 1}"
        start = self._scalar(
            self.book["first_year"],
            f'IF(COUNTIF({flow_range},"<>0")=0,"",'
            f"INDEX(${a}${year_row + 1}:${z}${year_row + 1},"
            f"MATCH(TRUE(),INDEX({flow_range}<>0,0),0)))",
            start_year if start_year is not None else "",
        )
        lastpos, cum_last = f"MAX(${a}${pos_row + 1}:${z}${pos_row + 1})", f"${z}${c_row + 1}"
        carry = f"${z}${carry_row + 1}"
        later = f"{self.years[-1]}+ROUNDUP(ROUND({cum_last}/-{carry},{PRECISION}),0)"
        paid = self._scalar(
            self.book["paid_back"],
            f'IF(OR({start}="",{carry}>0),"",IF({cum_last}<=0,IF({lastpos}=0,{start},{lastpos}+1),'
            f'IF({carry}<0,IF({later}-{start}+1>{HORIZON},"",{later}),"")))',
            result.year if result else "",
        )
        count = self._scalar(
            self.book["years"], f'IF({paid}="","",{paid}-{start}+1)', result.years if result else ""
        )

        def write() -> None:
            text = self._payback_formula(paid, count)
            self.ws.write_formula(target, 1, text, None, self.printed.payback(result))

        self.later(write)

    def _payback_formula(self, paid: str, count: str) -> str:
        """The payback's text as a formula of its year and count: "4 år (2028)", in English
        "4 years (2027/28)" (a financial year named by the year it starts in)."""
        printed, words = self.printed, self.words
        if words is DANISH and not printed.periods.financial:
            return f'=IF({paid}="","ingen",{count}&" år ("&{paid}&")")'
        year = paid
        if printed.periods.financial:
            year = f'{paid}&"/"&TEXT(MOD({paid}+1,100),"00")'
        many = words.payback_years.split("{years}")[1].split("{year}")[0]
        one = words.payback_year.split("{years}")[1].split("{year}")[0]
        unit = f'IF({count}=1,"{one}","{many}")'
        after = words.payback_years.split("{year}")[-1]
        never = words.payback_never
        return f'=IF({paid}="","{never}",{count}&{unit}&{year}&"{after}")'

    def _scalar(self, label: str, formula: str, value: int | str) -> str:
        """A helper cell in the first year's column; returns its absolute address."""
        self.label(label, "")
        self.ws.write_formula(self.row, self.FIRST_VALUE, f"={formula}", Style.YEAR, value)
        self.row += 1
        return f"${column(self.FIRST_VALUE)}${self.row}"
