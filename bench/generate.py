# SPDX-License-Identifier: MPL-2.0
"""Synthetic portfolios shaped like the seed, for the benchmarks (seeded, deterministic).

A proposal has 5 to 30 lines over 6 to 10 consecutive years, booked to 1 to 11 of the
Copenhagen profile's units, directly or by a key of amounts; its efficiencies are explained
by ``fte`` effect models phased in as the seed's are; it has follow-up goals, and it states
Tabel 1's subtotals and paybacks as the core computes them, except that about one proposal in
twenty has a planted disagreement ("Samlet varig ændring" off by 10 to 90 t.kr. in one
year, named in a remark), so the check has something to find.

A portfolio is ``catalogs`` catalog folders of ``proposals`` proposals each; the national one
is 98 x 150 (every Danish municipality, a year's proposals each).

Run: uv run python -m bench.generate OUT [--catalogs 98] [--proposals 150] [--seed 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from gevinst.core import calc
from gevinst.core import effects as fx
from gevinst.core import model as m
from gevinst.core.profile import Profile
from gevinst.core.series import Series
from gevinst.format.reader import load_profile
from gevinst.format.schema import SCHEMA_VERSION
from gevinst.format.writer import Doc, proposal_document, to_yaml

PROFILE = "kk"
PRICE_LEVEL = 2025
PHASES = (
    fx.PhaseIn(fx.PhaseInProfile.FULL),
    fx.PhaseIn(fx.PhaseInProfile.FROM_MID_YEAR),
    fx.PhaseIn(fx.PhaseInProfile.TWO_THIRDS),
    fx.PhaseIn(fx.PhaseInProfile.LINEAR, years=3),
)
FTE_PRICES = (450, 520, 594, 650, 720)  # t.kr. a full-time equivalent, as in the seed
PLANTED_ONE_IN = 20
PLANTED = "Plantet afvigelse i Samlet varig ændring,"  # the remark that says where
CFO = m.Consultation("Center for Økonomi", "cfo", True, (dt.date(2024, 4, 16),), "Godkendt.")
WHEN = ("Primo 2025", "Medio 2025", "Ultimo 2025", "Tredje kvartal 2025", "Q4 2026")


class _Drawer:
    """One proposal, drawn from ``rng``."""

    def __init__(self, rng: random.Random, profile: Profile, pid: str) -> None:
        self.rng = rng
        self.profile = profile
        self.pid = pid
        first = rng.choice((2024, 2025))
        self.years = tuple(range(first, first + rng.randint(6, 10)))
        self.units = rng.sample(profile.unit_order, rng.randint(1, len(profile.unit_order)))
        self.lines: list[m.Line] = []
        self.effects: list[fx.Effect] = []

    def _booking(self) -> m.Booking:
        if len(self.units) > 1 and self.rng.random() < 0.4:
            return m.ByKey("noegle")
        return m.ToUnit(self.rng.choice(self.units))

    def _line(
        self, n: int, kind: m.LineKind, area: str, amounts: Series, booking: m.Booking
    ) -> None:
        section = (
            m.Section.IMPLEMENTATION if kind is m.LineKind.IMPLEMENTATION else m.Section.PERMANENT
        )
        prefix = {m.LineKind.EFFICIENCY: "e", m.LineKind.OPERATING_COST: "d"}.get(kind, "i")
        text = {
            m.LineKind.EFFICIENCY: "Effektivisering ved ændrede arbejdsgange",
            m.LineKind.OPERATING_COST: "Varig drift af løsningen",
        }.get(kind, "Projektressourcer")
        self.lines.append(
            m.Line(
                f"{prefix}{n}",
                section,
                kind,
                f"{text} ({n})",
                area,
                amounts,
                booking,
                role=self.profile.role_of(area),  # as the reader resolves it
            )
        )

    def efficiency(self, n: int) -> None:
        """A line that an ``fte`` model explains: the core's own evaluation is its amounts."""
        fte, price = Decimal(self.rng.randint(1, 40)) / 2, self.rng.choice(FTE_PRICES)
        phase = replace(self.rng.choice(PHASES), start=self.rng.choice(self.years[1:4]))
        effect = fx.Effect(
            f"e{n}",
            "fte",
            {
                "fte": fx.Param("fte", fte, source="Skøn fra forvaltningen"),
                "price": fx.Param("price", Decimal(price), source="Gennemsnitlig årsværkspris"),
            },
            phase=phase,
            text=f"{fte} årsværk à {price} t.kr.",
        )
        as_of = dt.date(PRICE_LEVEL, 1, 1)
        result = fx.evaluate(effect, self.years, self.profile.assumptions, as_of)
        amounts = Series({y: a for y, a in result.series.items() if a})
        self.effects.append(effect)
        self._line(n, m.LineKind.EFFICIENCY, "Service", amounts, self._booking())

    def operating_cost(self, n: int) -> None:
        cost, start = Decimal(self.rng.randint(20, 600)), self.rng.choice(self.years[:3])
        amounts = Series({y: cost for y in self.years if y >= start})
        self._line(n, m.LineKind.OPERATING_COST, "Service", amounts, m.ToUnit(self.units[0]))

    def implementation(self, n: int) -> None:
        years = self.years[: self.rng.randint(1, 3)]
        amounts = Series({y: Decimal(self.rng.randint(100, 3000)) for y in years})
        area = self.rng.choice(("Service", "Anlæg"))
        self._line(n, m.LineKind.IMPLEMENTATION, area, amounts, m.ToUnit(self.units[0]))

    def proposal(self, catalog: str) -> m.Proposal:
        count = self.rng.randint(5, 30)
        self.efficiency(1)
        draw = (self.efficiency, self.operating_cost, self.implementation)
        for n in range(2, count + 1):
            self.rng.choices(draw, (6, 1, 2))[0](n)
        investment = any(line.section is m.Section.IMPLEMENTATION for line in self.lines)
        weights = {u: Decimal(self.rng.randint(1, 500)) for u in self.units}
        return m.Proposal(
            id=self.pid,
            title=f"Syntetisk forslag {self.pid} i {catalog}",
            type=m.ProposalType.INVESTMENT if investment else m.ProposalType.EFFICIENCY,
            years=self.years,
            price_level=PRICE_LEVEL,
            lines=tuple(self.lines),
            heading=f"Forslag {self.pid}",
            presenting=(self.rng.choice(self.profile.administrations).code,),
            summary="Et syntetisk forslag til måling af gevinst.",
            description="Forslaget er genereret til benchmarks.",
            keys={"noegle": m.Key("noegle", "Fordeling efter antal sager", "counts", weights)},
            followup=tuple(
                m.FollowUp(
                    phase,
                    f"Mål {i} er nået",
                    "Opgøres af forvaltningen",
                    "Projektejer",
                    self.rng.choice(WHEN),
                )
                for i, phase in enumerate(m.FollowUpPhase, start=1)
            ),
            effects=tuple(self.effects),
            consultations=(CFO,),
        )


def _stated(
    p: m.Proposal, profile: Profile, rng: random.Random
) -> tuple[m.Stated, tuple[str, ...]]:
    """Tabel 1, the paybacks and (where there are operating costs) tables A to C as the core
    computes them, one proposal in twenty with a planted error in Tabel 1; and the remark
    that names the error."""
    table1 = {name: compute(p) for name, (_, compute) in calc.TABLE1_ROWS.items()}
    planted: tuple[str, ...] = ()
    if rng.randrange(PLANTED_ONE_IN) == 0:
        year = rng.choice(p.years)
        table1["varig"] = table1["varig"] + Series({year: Decimal(-10 * rng.randint(1, 9))})
        planted = (f"{PLANTED} {year}",)
    payback = {basis: calc.payback_text(calc.payback(p, basis)) for basis in calc.PAYBACK_BASES}
    technical = {}
    if not calc.operating_costs(p).is_zero():
        a = calc.table_a(p, profile)
        zeros = {u: Series(dict.fromkeys(p.years, Decimal(0))) for u in a}
        tables = (("A", a), ("B", calc.table_b(p, profile)), ("C", calc.table_c(p, profile)))
        for name, table in tables:
            # a table that moves nothing is printed with its zeros, as the seed prints Tabel B
            merged = {**zeros, **table}
            # in the profile's order: calc's tables are unordered mappings
            rows = {u: merged[u] for u in profile.sort_units(set(merged))}
            technical[name] = m.StatedTable(rows, calc.column_total(rows), f"Tabel {name}")
    stated = m.Stated(
        table1=table1,
        payback=payback if p.type is m.ProposalType.INVESTMENT else {},
        technical=technical,
    )
    return stated, planted


def proposals(rng: random.Random, profile: Profile, catalog: str, count: int) -> Iterator[Doc]:
    """``count`` proposal documents, each with its stated figures."""
    for i in range(1, count + 1):
        p = _Drawer(rng, profile, f"P{i:04d}").proposal(catalog)
        stated, planted = _stated(p, profile, rng)
        yield proposal_document(replace(p, stated=stated, remarks=planted))


def write_portfolio(out: Path, catalogs: int, count: int, seed: int = 1) -> list[Path]:
    """``catalogs`` catalog folders under ``out``, each of ``count`` proposals."""
    rng = random.Random(seed)
    profile = load_profile(PROFILE)
    folders = []
    for c in range(1, catalogs + 1):
        cid = f"kommune-{c:02d}"
        folder = out / cid
        (folder / "proposals").mkdir(parents=True, exist_ok=True)
        ids = []
        for doc in proposals(rng, profile, cid, count):
            ids.append(doc["id"])
            text = to_yaml(doc)
            (folder / "proposals" / f"{doc['id']}.yaml").write_text(text, encoding="utf-8")
        catalog = {
            "schema_version": SCHEMA_VERSION,
            "id": cid,
            "title": f"Syntetisk katalog {c}",
            "municipality": f"Kommune {c}",
            "profile": PROFILE,
            "round": "Budget 2025",
            "price_level": PRICE_LEVEL,
            "scale": 1000,
            "proposals": ids,
        }
        (folder / "catalog.yaml").write_text(to_yaml(catalog), encoding="utf-8")
        folders.append(folder)
    return folders


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--catalogs", type=int, default=1)
    parser.add_argument("--proposals", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    folders = write_portfolio(args.out, args.catalogs, args.proposals, args.seed)
    print(f"{len(folders)} kataloger med {args.proposals} forslag hver i {args.out}")


if __name__ == "__main__":
    main()
