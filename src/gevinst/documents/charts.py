# SPDX-License-Identifier: MPL-2.0
"""Charts as SVG (for the PDF) or PNG (for Word): a proposal's cumulative impact with its
payback year, and the catalog's effect per committee and year.

Every figure comes from :mod:`gevinst.core.calc`; a chart only cumulates and draws it.
Figures are drawn through matplotlib's object API (no pyplot), so no GUI backend is ever
loaded and nothing is shared between calls. The SVG is byte-for-byte reproducible: a fixed
hash salt for its ids and no date in its metadata.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import matplotlib as mpl
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from gevinst.core import calc
from gevinst.core.model import Catalog, Proposal
from gevinst.core.numbers import dk
from gevinst.core.realisation import PlanAndOutcome
from gevinst.core.selection import ExportOptions, select
from gevinst.core.series import ZERO, Series

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

CATALOG_CHART = "katalog.svg"

# Text stays text (not paths), so the charts can be searched and read back; the PDF embeds
# the same DejaVu Sans that matplotlib draws with.
_STYLE: dict[RcKeyType, Any] = {
    "svg.hashsalt": "gevinst",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#555555",
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
}
NAVY = "#1f3b5c"
LIGHT = "#9db7d3"
ACCENT = "#c0392b"
# One colour per committee, in the profile's order (colour-blind safe, after Okabe and Ito).
PALETTE = (
    "#1f3b5c",
    "#e69f00",
    "#56b4e9",
    "#009e73",
    "#d55e00",
    "#cc79a7",
    "#0072b2",
    "#999999",
    "#f0e442",
    "#000000",
)


def _danish(value: float, _position: int) -> str:
    # tick values are floats from matplotlib; the label is Danish like every printed figure
    return dk(Decimal(f"{value:.6f}").normalize() + 0)


def _axes(fig: Figure, unit: str) -> Axes:
    ax = fig.add_subplot()
    ax.yaxis.set_major_formatter(FuncFormatter(_danish))
    ax.set_ylabel(unit)
    ax.axhline(0, color="#555555", linewidth=0.8)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    # bars would pin the axis to zero; the margin belongs on that side too
    ax.use_sticky_edges = False
    # room between the outermost points and the year labels
    ax.margins(y=0.1)
    return ax


def _year_ticks(ax: Axes, years: Sequence[int]) -> None:
    # years are labels, never amounts: "2028", not "2.028"
    ax.set_xticks(list(years), [str(y) for y in years])


PNG_DPI = 200  # sharp in print at the width of a Word page


def _svg(draw: Callable[[], Figure]) -> str:
    with mpl.rc_context(_STYLE):
        out = io.StringIO()
        draw().savefig(out, format="svg", metadata={"Date": None})
        return out.getvalue()


def _png(draw: Callable[[], Figure]) -> bytes:
    with mpl.rc_context(_STYLE):
        out = io.BytesIO()
        # no software or date in the metadata: the same chart gives the same bytes
        draw().savefig(out, format="png", dpi=PNG_DPI, metadata={"Software": None})
        return out.getvalue()


def _floats(series: Series, years: Sequence[int]) -> list[float]:
    return [float(series[y]) for y in years]


def _yearly_impact(p: Proposal, until: int) -> Series:
    """ "Samlet økonomisk påvirkning" per year, carried beyond the table with the last year's
    permanent change, as the payback rule counts it."""
    impact, last, carry = calc.impact(p), p.years[-1], calc.steady_state(p)
    return Series({y: calc.carried(impact, last, carry, y) for y in range(p.years[0], until + 1)})


def _cumulated(series: Series) -> Series:
    running = ZERO
    out: dict[int, Decimal] = {}
    for year, amount in series.items():
        running += amount
        out[year] = running
    return Series(out)


def _mark_payback(ax: Axes, year: int, years: Sequence[int]) -> None:
    ax.axvline(year, color=ACCENT, linestyle="--", linewidth=1)
    # the label sits on the side of the line that has room for it
    late = year > (years[0] + years[-1]) / 2
    ax.annotate(
        f"Tilbagebetaling {year}",
        xy=(year, 1),
        xycoords=("data", "axes fraction"),
        xytext=(-4 if late else 4, -4),
        textcoords="offset points",
        ha="right" if late else "left",
        va="top",
        color=ACCENT,
        fontweight="bold",
        bbox={"boxstyle": "square,pad=0.2", "facecolor": "white", "edgecolor": "none"},
    )


def proposal_chart_svg(p: Proposal) -> str:
    return _svg(lambda: _proposal_chart(p))


def proposal_chart_png(p: Proposal) -> bytes:
    return _png(lambda: _proposal_chart(p))


def _proposal_chart(p: Proposal) -> Figure:
    """The cumulative "Samlet økonomisk påvirkning" through the payback year (totaløkonomi),
    with the yearly impact as bars and the payback year marked."""
    payback = calc.payback(p, "total")
    until = max(p.years[-1], payback.year if payback else p.years[-1])
    yearly = _yearly_impact(p, until)
    years = list(yearly)
    fig = Figure(figsize=(7.5, 3.4), layout="constrained")
    ax = _axes(fig, f"1.000 kr. {p.price_level} p/l")
    ax.bar(years, _floats(yearly, years), color=LIGHT, width=0.6, label="Påvirkning i året")
    ax.plot(
        years,
        _floats(_cumulated(yearly), years),
        color=NAVY,
        marker="o",
        linewidth=2,
        label="Akkumuleret påvirkning",
    )
    if payback is not None:
        _mark_payback(ax, payback.year, years)
    _year_ticks(ax, years)
    ax.set_title(
        f"{p.id}: akkumuleret økonomisk påvirkning"
        + ("" if payback else " (ingen tilbagebetaling)")
    )
    fig.legend(loc="outside lower center", ncols=2, frameon=False, fontsize=8)
    return fig


def _detailed(cat: Catalog) -> Iterator[Proposal]:
    # a catalog entry alone has no booked lines, so it has no effect per committee
    return (p for p in cat.proposals if not p.catalog_entry_only)


def _stack(ax: Axes, years: list[int], rows: list[tuple[str, list[float]]]) -> None:
    # savings go down from zero and costs up, each stacked on its own side
    below = [0.0] * len(years)
    above = [0.0] * len(years)
    for index, (label, values) in enumerate(rows):
        bottoms = [above[i] if v >= 0 else below[i] for i, v in enumerate(values)]
        ax.bar(years, values, bottom=bottoms, width=0.65, label=label, color=PALETTE[index % 10])
        for i, v in enumerate(values):
            if v >= 0:
                above[i] += v
            else:
                below[i] += v


def _catalog_years(cat: Catalog) -> list[int]:
    """The years the catalog's own tables report, else every year of its proposals."""
    years = {y for t in cat.tables for y in t.years}
    return sorted(years or {y for p in cat.proposals for y in p.years})


def catalog_chart_svg(cat: Catalog) -> str:
    return _svg(lambda: _catalog_chart(cat))


def catalog_chart_png(cat: Catalog) -> bytes:
    return _png(lambda: _catalog_chart(cat))


def _catalog_chart(cat: Catalog) -> Figure:
    """Tabel A's effect (måltalseffekt) of every proposal, added up per committee, as stacked
    bars per year."""
    proposals = list(_detailed(cat))
    per_committee = calc.by_committee(
        (calc.table_a(p, cat.profile) for p in proposals), cat.profile
    )
    years = _catalog_years(cat)
    committees = cat.profile.sort_units(list(per_committee))
    rows = [(cat.profile.unit_name(c), _floats(per_committee[c], years)) for c in committees]
    fig = Figure(figsize=(7.5, 4.2), layout="constrained")
    ax = _axes(fig, f"1.000 kr. {cat.price_level} p/l (besparelser negative)")
    _stack(ax, years, rows)
    _year_ticks(ax, years)
    ax.set_title("Måltalseffekt pr. udvalg og år")
    if len(proposals) < len(cat.proposals):
        ax.set_title(
            "Fortrolige forslag uden tabeller indgår ikke.",
            loc="right",
            fontsize=7,
            fontweight="normal",
            color="#555555",
        )
    if rows:
        fig.legend(loc="outside lower center", ncols=3, frameon=False, fontsize=8)
    return fig


def realisation_chart_svg(title: str, comparison: PlanAndOutcome, unit: str) -> str:
    """Planned against realised per year (the comparison's total row) as bars side by side;
    a year with nothing realised has no realised bar."""
    return _svg(lambda: _realisation_chart(title, comparison, unit))


def _realisation_chart(title: str, comparison: PlanAndOutcome, unit: str) -> Figure:
    years = list(comparison.years)
    total = comparison.total
    fig = Figure(figsize=(7.5, 3.4), layout="constrained")
    ax = _axes(fig, unit)
    ax.bar([y - 0.2 for y in years], _floats(total.planned, years), width=0.4,
           color=LIGHT, label="Planlagt")  # fmt: skip
    done = [y for y in years if y in total.realised]
    ax.bar([y + 0.2 for y in done], _floats(total.realised, done), width=0.4,
           color=NAVY, label="Realiseret")  # fmt: skip
    _year_ticks(ax, years)
    ax.set_title(title)
    fig.legend(loc="outside lower center", ncols=2, frameon=False, fontsize=8)
    return fig


def render_charts(cat: Catalog, options: ExportOptions) -> dict[str, bytes]:
    """SVG by file name: one per proposal with an investment (``ID.svg``: its payback) and
    the catalog's (``katalog.svg``), for what ``options`` selects; a proposal without an
    investment has no payback to chart."""
    cat = select(cat, options)
    charts = {
        f"{p.id}.svg": proposal_chart_svg(p).encode("utf-8")
        for p in _detailed(cat)
        if calc.has_investment(p)
    }
    charts[CATALOG_CHART] = catalog_chart_svg(cat).encode("utf-8")
    return charts
