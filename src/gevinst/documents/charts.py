# SPDX-License-Identifier: MPL-2.0
"""A proposal's cumulative impact with its payback year, the catalog's effect per committee
and year, and a realisation's plan against its outcome: each first a :class:`Chart`, what it
shows (its series, scale and labels, computed once here), then drawn for a medium: by typst
itself in the PDF (``chart`` in ``templates/catalog.typ``, from :meth:`Chart.as_json`), by
matplotlib as SVG for the web page and as PNG for Word (:func:`chart_svg`, :func:`chart_png`).

Every figure comes from :mod:`gevinst.core.calc`; a chart only cumulates and draws it.
Figures are drawn through matplotlib's object API (no pyplot), so no GUI backend is ever
loaded and nothing is shared between calls. The SVG is byte-for-byte reproducible: a fixed
hash salt for its ids and no date in its metadata.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import matplotlib as mpl
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from gevinst.core import calc
from gevinst.core.model import Catalog, Proposal
from gevinst.core.numbers import dk, en
from gevinst.core.realisation import PlanAndOutcome
from gevinst.core.selection import ExportOptions, select
from gevinst.core.series import ZERO, Series
from gevinst.core.template import Printing, Wording, printing

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.typing import RcKeyType

CATALOG_CHART = "katalog.svg"

AXIS = "#555555"  # the axes, the zero line and the note
GRID = "#dddddd"

# Text stays text (not paths), so the charts can be searched and read back; the PDF sets its
# charts in the same DejaVu Sans that matplotlib draws with.
_STYLE: dict[RcKeyType, Any] = {
    "svg.hashsalt": "gevinst",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": AXIS,
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
WIDTH = 7.5  # inches: a chart's width, as matplotlib draws it; typst scales it to the page's
MARGIN_X, MARGIN_Y = 0.05, 0.1  # of the data's span, on either side


@dataclass(frozen=True)
class Bars:
    """A series of bars, a value per year of the chart (None: no bar that year), each standing
    on its bottom (stacked bars stand on the ones before them); ``offset`` moves the bars off
    their year, in years, to stand beside another series."""

    label: str
    colour: str
    values: tuple[float | None, ...]
    bottoms: tuple[float, ...]
    width: float
    offset: float = 0.0

    def ends(self) -> Iterator[float]:
        for value, bottom in zip(self.values, self.bottoms, strict=True):
            if value is not None:
                yield from (bottom, bottom + value)


@dataclass(frozen=True)
class Line:
    """A series drawn as a line with a dot a year."""

    label: str
    colour: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Chart:
    """What a chart shows: its years, series, scale and labels. ``height`` is in inches on a
    width of :data:`WIDTH`; ``note`` stands at the right of the title; a ``payback`` year is
    marked by a dashed line and its label. The legend names the lines, then the bars.

    The scale is the data's span with a margin, zero always in it (the bars stand on zero),
    and round steps between its ticks, as matplotlib would choose them:

    >>> bars = Bars("B", NAVY, (1000.0, -400.0), (0.0, 0.0), width=0.6)
    >>> chart = Chart("T", "kr.", (2024, 2025), (bars,), height=3.4, legend_columns=2)
    >>> chart.scale()
    (-540.0, 1140.0, (-500.0, -250.0, 0.0, 250.0, 500.0, 750.0, 1000.0))
    >>> chart.x_range()
    (2023.62, 2025.38)
    """

    title: str
    unit: str
    years: tuple[int, ...]
    bars: tuple[Bars, ...]
    height: float
    legend_columns: int
    lines: tuple[Line, ...] = ()
    payback: int | None = None
    note: str = ""
    # the years as the profile names them ("2024/25"; the years themselves where empty), the
    # language of the axis's figures and the payback's label ("Tilbagebetaling 2028")
    year_labels: tuple[str, ...] = ()
    language: str = "da"
    payback_text: str = ""

    def scale(self) -> tuple[float, float, tuple[float, ...]]:
        """The y axis: its lowest and highest value and its ticks."""
        ends = [0.0, *(e for b in self.bars for e in b.ends())]
        ends += [v for line in self.lines for v in line.values]
        span = (max(ends) - min(ends)) or 1.0
        low, high = min(ends) - MARGIN_Y * span, max(ends) + MARGIN_Y * span
        # about a tick every half inch of the chart's height, as matplotlib's "auto" gives
        locator = MaxNLocator(nbins=round(self.height * 2), steps=[1, 2, 2.5, 5, 10])
        ticks = tuple(float(t) for t in locator.tick_values(low, high) if low <= t <= high)
        return low, high, ticks

    def x_range(self) -> tuple[float, float]:
        """The x axis: from the first bar's left edge to the last one's right, with a margin."""
        edges = [
            y + b.offset + side * b.width / 2
            for b in self.bars
            for y in self.years
            for side in (-1, 1)
        ]
        # a chart without bars (a catalog whose proposals are all left out) still has its years
        edges += self.years or (0, 1)
        left, right = min(edges), max(edges)
        pad = MARGIN_X * (right - left)
        return round(left - pad, 6), round(right + pad, 6)

    def payback_late(self) -> bool:
        """The payback's label stands left of its line when the line is in the later half
        (where the room is), else right of it."""
        return self.payback is not None and self.payback > (self.years[0] + self.years[-1]) / 2

    def labels(self) -> tuple[str, ...]:
        """The years as the axis names them: "2028", "2024/25"."""
        return self.year_labels or tuple(str(y) for y in self.years)

    def tick(self, value: float) -> str:
        """A tick's figure in the chart's language, like every printed figure."""
        figure = dk if self.language == "da" else en
        return figure(Decimal(f"{value:.6f}").normalize() + 0)

    def payback_label(self) -> str:
        if self.payback is None:
            return ""
        return self.payback_text or _payback_label(self.payback)

    def as_json(self) -> dict[str, Any]:
        """The chart with its scale and labels, as typst draws it (``templates/catalog.typ``);
        :meth:`from_json` reads it back."""
        low, high, ticks = self.scale()
        left, right = self.x_range()
        return {
            "title": self.title,
            "unit": self.unit,
            "years": list(self.years),
            "bars": [asdict(b) for b in self.bars],
            "height": self.height,
            "legend_columns": self.legend_columns,
            "lines": [asdict(x) for x in self.lines],
            "payback": self.payback,
            "note": self.note,
            # computed once, here: typst only places them
            "low": low,
            "high": high,
            "ticks": [{"at": t, "label": self.tick(t)} for t in ticks],
            "left": left,
            "right": right,
            "year_labels": list(self.labels()),
            "payback_label": self.payback_label(),
            "payback_late": self.payback_late(),
            # matplotlib's width and colours, so that both media draw the same chart
            "width": WIDTH,
            "axis": AXIS,
            "grid": GRID,
            "accent": ACCENT,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Chart:
        bars = tuple(
            Bars(
                b["label"],
                b["colour"],
                tuple(b["values"]),
                tuple(b["bottoms"]),
                b["width"],
                b["offset"],
            )
            for b in data["bars"]
        )
        lines = tuple(Line(x["label"], x["colour"], tuple(x["values"])) for x in data["lines"])
        return cls(
            data["title"],
            data["unit"],
            tuple(data["years"]),
            bars,
            data["height"],
            data["legend_columns"],
            lines,
            data["payback"],
            data["note"],
            tuple(data.get("year_labels", ())),
            data.get("language", "da"),
            data.get("payback_text", ""),
        )


def _payback_label(year: int) -> str:
    return f"Tilbagebetaling {year}"


PNG_DPI = 200  # sharp in print at the width of a Word page


@lru_cache(maxsize=64)
def chart_svg(chart: Chart) -> str:
    """The chart drawn by matplotlib, as SVG (the web page's). Remembered by what it shows:
    drawing takes a good part of a page's time, and a catalog's chart is the same until a
    figure of it changes."""
    with mpl.rc_context(_STYLE):
        out = io.StringIO()
        _figure(chart).savefig(out, format="svg", metadata={"Date": None})
        return out.getvalue()


def chart_png(chart: Chart) -> bytes:
    """The chart drawn by matplotlib, as PNG (Word's)."""
    with mpl.rc_context(_STYLE):
        out = io.BytesIO()
        # no software or date in the metadata: the same chart gives the same bytes
        _figure(chart).savefig(out, format="png", dpi=PNG_DPI, metadata={"Software": None})
        return out.getvalue()


def _figure(chart: Chart) -> Figure:
    fig = Figure(figsize=(WIDTH, chart.height), layout="constrained")
    ax = fig.add_subplot()
    ax.set_ylabel(chart.unit)
    ax.axhline(0, color=AXIS, linewidth=0.8)
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    years = chart.years
    for b in chart.bars:
        drawn = [i for i, v in enumerate(b.values) if v is not None]
        ax.bar(
            [years[i] + b.offset for i in drawn],
            [b.values[i] or 0.0 for i in drawn],
            bottom=[b.bottoms[i] for i in drawn],
            width=b.width,
            color=b.colour,
            label=b.label,
        )
    for line in chart.lines:
        ax.plot(years, line.values, color=line.colour, marker="o", linewidth=2, label=line.label)
    if chart.payback is not None:
        _mark_payback(ax, chart.payback, chart)
    low, high, ticks = chart.scale()
    ax.set_ylim(low, high)
    ax.set_yticks(ticks, [chart.tick(t) for t in ticks])
    ax.set_xlim(*chart.x_range())
    # years are labels, never amounts: "2028", not "2.028"
    ax.set_xticks(list(years), list(chart.labels()))
    ax.set_title(chart.title)
    if chart.note:
        ax.set_title(chart.note, loc="right", fontsize=7, fontweight="normal", color=AXIS)
    if chart.bars or chart.lines:
        fig.legend(
            loc="outside lower center", ncols=chart.legend_columns, frameon=False, fontsize=8
        )
    return fig


def _floats(series: Series, years: Sequence[int]) -> tuple[float, ...]:
    return tuple(float(series[y]) for y in years)


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


def _mark_payback(ax: Axes, year: int, chart: Chart) -> None:
    late = chart.payback_late()
    ax.axvline(year, color=ACCENT, linestyle="--", linewidth=1)
    ax.annotate(
        chart.payback_label(),
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


def proposal_chart_svg(p: Proposal, printed: Printing | None = None) -> str:
    return chart_svg(proposal_chart(p, printed))


def proposal_chart_png(p: Proposal, printed: Printing | None = None) -> bytes:
    return chart_png(proposal_chart(p, printed))


def proposal_chart(p: Proposal, printed: Printing | None = None) -> Chart:
    """The cumulative "Samlet økonomisk påvirkning" through the payback year (totaløkonomi),
    with the yearly impact as bars and the payback year marked; worded as ``printed`` (else
    in Danish)."""
    printed = printed or printing(None)
    words = printed.words
    payback = calc.payback(p, "total")
    until = max(p.years[-1], payback.year if payback else p.years[-1])
    yearly = _yearly_impact(p, until)
    years = tuple(yearly)
    return Chart(
        title=words.proposal_chart_title.format(id=p.id)
        + ("" if payback else words.proposal_chart_never),
        unit=printed.prices(p.price_level),
        years=years,
        bars=(
            Bars(words.chart_year_bars, LIGHT, _floats(yearly, years), (0.0,) * len(years), 0.6),
        ),
        height=3.4,
        legend_columns=2,
        lines=(Line(words.chart_cumulated, NAVY, _floats(_cumulated(yearly), years)),),
        payback=payback.year if payback else None,
        **_worded(printed, years, payback.year if payback else None),
    )


def _worded(printed: Printing, years: Sequence[int], payback: int | None) -> dict[str, Any]:
    """A chart's year labels, language and payback label, where they are not Danish
    calendar years (whose chart stays as it was drawn before a profile could say otherwise)."""
    if printed.words.language == "da" and not printed.periods.financial:
        return {}
    label = printed.words.chart_payback.format(year=printed.year(payback)) if payback else ""
    return {
        "year_labels": tuple(printed.year(y) for y in years),
        "language": printed.words.language,
        "payback_text": label,
    }


def _detailed(cat: Catalog) -> Iterator[Proposal]:
    # a catalog entry alone has no booked lines, so it has no effect per committee
    return (p for p in cat.proposals if not p.catalog_entry_only)


def _stacked(years: Sequence[int], rows: list[tuple[str, tuple[float, ...]]]) -> tuple[Bars, ...]:
    # savings go down from zero and costs up, each stacked on its own side
    below = [0.0] * len(years)
    above = [0.0] * len(years)
    out = []
    for index, (label, values) in enumerate(rows):
        bottoms = tuple(above[i] if v >= 0 else below[i] for i, v in enumerate(values))
        out.append(Bars(label, PALETTE[index % 10], values, bottoms, 0.65))
        for i, v in enumerate(values):
            if v >= 0:
                above[i] += v
            else:
                below[i] += v
    return tuple(out)


def _catalog_years(cat: Catalog) -> list[int]:
    """The years the catalog's own tables report, else every year of its proposals."""
    years = {y for t in cat.tables for y in t.years}
    return sorted(years or {y for p in cat.proposals for y in p.years})


def catalog_chart_svg(cat: Catalog) -> str:
    return chart_svg(catalog_chart(cat))


def catalog_chart_png(cat: Catalog) -> bytes:
    return chart_png(catalog_chart(cat))


def catalog_chart(cat: Catalog, printed: Printing | None = None) -> Chart:
    """Tabel A's effect (måltalseffekt) of every proposal, added up per committee, as stacked
    bars per year, worded as ``printed`` (else as the catalog's profile prints)."""
    printed = printed or printing(cat.profile)
    words = printed.words
    proposals = list(_detailed(cat))
    per_committee = calc.by_committee(
        (calc.tables_of(p, cat.profile)["A"] for p in proposals), cat.profile
    )
    years = _catalog_years(cat)
    committees = cat.profile.sort_units(list(per_committee))
    rows = [(cat.profile.unit_name(c), _floats(per_committee[c], years)) for c in committees]
    left_out = [p for p in cat.proposals if p.catalog_entry_only]
    return Chart(
        title=words.catalog_chart_title,
        unit=words.catalog_chart_unit.format(prices=printed.prices(cat.price_level)),
        years=tuple(years),
        bars=_stacked(years, rows),
        height=4.2,
        legend_columns=3,
        note=_left_out_note(left_out, words),
        **_worded(printed, years, None),
    )


def _left_out_note(left_out: Sequence[Proposal], words: Wording) -> str:
    """What the chart leaves out, by why: a confidential proposal's tables are withheld, a
    summary's were never published (neither has a Tabel A to add)."""
    notes = []
    if any(p.confidential for p in left_out):
        notes.append(words.catalog_chart_note)
    if any(p.summary_only for p in left_out):
        notes.append(words.catalog_chart_summary_note)
    return " ".join(notes)


def realisation_chart_svg(title: str, comparison: PlanAndOutcome, unit: str) -> str:
    """Planned against realised per year (the comparison's total row) as bars side by side;
    a year with nothing realised has no realised bar."""
    years = tuple(comparison.years)
    total = comparison.total
    zeros = (0.0,) * len(years)
    realised = tuple(float(total.realised[y]) if y in total.realised else None for y in years)
    return chart_svg(
        Chart(
            title=title,
            unit=unit,
            years=years,
            bars=(
                Bars("Planlagt", LIGHT, _floats(total.planned, years), zeros, 0.4, -0.2),
                Bars("Realiseret", NAVY, realised, zeros, 0.4, 0.2),
            ),
            height=3.4,
            legend_columns=2,
        )
    )


def render_charts(cat: Catalog, options: ExportOptions) -> dict[str, bytes]:
    """SVG by file name: one per proposal with an investment (``ID.svg``: its payback) and
    the catalog's (``katalog.svg``), for what ``options`` selects; a proposal without an
    investment has no payback to chart."""
    cat = select(cat, options)
    printed = printing(cat.profile)
    charts = {
        f"{p.id}.svg": proposal_chart_svg(p, printed).encode("utf-8")
        for p in _detailed(cat)
        if calc.has_investment(p)
    }
    charts[CATALOG_CHART] = catalog_chart_svg(cat).encode("utf-8")
    return charts
