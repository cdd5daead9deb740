# SPDX-License-Identifier: MPL-2.0
"""The comparison every rule family shares: a stated figure against a computed one.

A difference of exactly one quantum of the profile's money (one 1.000 kr. in Copenhagen, 0,1
mio. kr. in a profile with one decimal, one pound) is a rounding difference and a warning;
any other difference is an error. A printed table whose rows do not add up to its own total is an
error of the table itself, whatever gevinst computes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal

from gevinst.core.check.say import Messages, say, voice
from gevinst.core.distribute import ONE
from gevinst.core.findings import Finding, Severity
from gevinst.core.series import Series, sum_series
from gevinst.core.template import Printing

MESSAGES: Messages = {
    "da": {
        "series": "{row}, {year}: angivet {stated}, beregnet {computed} "
        "(forskel {difference}; {why})",
        "value": "{name}: angivet {stated}, beregnet {computed}{because}",
        "because": " ({why})",
        "printed-total": "{title}, {year}: i {source} er totalen {stated}, men {owner} rækker "
        "giver {computed}",
        "catalog": "kataloget",
        "catalog-own": "katalogets",
        "proposal": "forslaget",
        "proposal-own": "forslagets",
        "discrepancy": "uoverensstemmelse",
        "rounding": "afrundingsforskel",
        "rounding-because": "afrundingsforskel: {why}",
        "key-rounding": (
            "forslaget har afrundet rækken for sig; de beregnede rækker er fordelt efter "
            "forslagets nøgle og afrundet samlet (største rest), så de giver totalen"
        ),
    },
    "en": {
        "series": "{row}, {year}: stated {stated}, calculated {computed} "
        "(difference {difference}; {why})",
        "value": "{name}: stated {stated}, calculated {computed}{because}",
        "because": " ({why})",
        "printed-total": "{title}, {year}: in {source} the total is {stated}, but {owner} rows "
        "give {computed}",
        "catalog": "the catalogue",
        "catalog-own": "the catalogue's",
        "proposal": "the proposal",
        "proposal-own": "the proposal's",
        "discrepancy": "discrepancy",
        "rounding": "rounding difference",
        "rounding-because": "rounding difference: {why}",
        "key-rounding": (
            "the proposal rounded the row on its own; the calculated rows are split by the "
            "proposal's key and rounded together (largest remainder), so that they give the total"
        ),
    },
}

# why a row split by a key differs by one from the source's row (Danish; key_rounding(pr))
KEY_ROUNDING = MESSAGES["da"]["key-rounding"]

Reason = Callable[[int, Decimal, Decimal], str]


def key_rounding(pr: Printing) -> str:
    """Why a row split by a key differs by one from the source's row, in ``pr``'s words."""
    return say(pr, MESSAGES, "key-rounding")


def off_by_one(stated: Decimal, computed: Decimal, quantum: Decimal = ONE) -> bool:
    """Whether the figures differ by exactly one ``quantum`` (a rounding difference).

    >>> off_by_one(Decimal("-1.4"), Decimal("-1.3"), Decimal("0.1")), off_by_one(Decimal(5), 4)
    (True, True)
    """
    return abs(stated - computed) == quantum


def severity(stated: Decimal, computed: Decimal, quantum: Decimal = ONE) -> Severity:
    """A warning where the figures differ by exactly one quantum, an error otherwise."""
    return Severity.WARNING if off_by_one(stated, computed, quantum) else Severity.ERROR


def kind(stated: Decimal, computed: Decimal, rounding: str, pr: Printing | None = None) -> str:
    """The message's word for a difference; ``rounding`` says why a difference of one
    quantum arises (left out where the stated figure is 0, which no rounding explains)."""
    pr = pr or voice(None)
    if not off_by_one(stated, computed, pr.money.quantum):
        return say(pr, MESSAGES, "discrepancy")
    if rounding and stated != 0:
        return say(pr, MESSAGES, "rounding-because", why=rounding)
    return say(pr, MESSAGES, "rounding")


def compare_series(
    proposal: str | None,
    table: str,
    row: str,
    row_name: str | Callable[[], str],
    stated: Series,
    computed: Series,
    years: tuple[int, ...],
    rule: str,
    rounding: str = "",
    reason: Reason | None = None,
    *,
    pr: Printing | None = None,
) -> Iterator[Finding]:
    """One finding per year where a stated row differs from the computed one; ``rounding``
    says why a difference of one arises, and ``reason`` why any difference does, where the
    caller knows; worded as ``pr`` prints (Danish where it is not given). ``row_name`` may
    be a function that words the row: called only for a finding, as most rows agree."""
    stated_row, computed_row = stated.at(years), computed.at(years)
    if stated_row == computed_row:
        return  # most rows agree: no year to look at one by one
    pr = pr or voice(None)
    for year, s, c in zip(years, stated_row, computed_row, strict=True):
        if s != c:
            if callable(row_name):
                row_name = row_name()
            why = reason(year, s, c) if reason is not None else kind(s, c, rounding, pr)
            yield Finding(
                proposal=proposal,
                table=table,
                row=row,
                year=year,
                stated=s,
                computed=c,
                rule=rule,
                severity=severity(s, c, pr.money.quantum),
                message=say(
                    pr,
                    MESSAGES,
                    "series",
                    row=row_name,
                    year=pr.year(year),
                    stated=pr.plain(s),
                    computed=pr.plain(c),
                    difference=pr.plain(s - c),
                    why=why,
                ),
            )


def compare_value(
    proposal: str | None,
    table: str,
    row: str,
    name: str,
    stated: Decimal | None,
    computed: Decimal,
    rule: str,
    why: str = "",
    *,
    pr: Printing | None = None,
) -> Iterator[Finding]:
    """A single stated figure (no year) against its computed value; ``why`` says why they
    differ, where the caller knows."""
    pr = pr or voice(None)
    if stated is not None and stated != computed:
        because = say(pr, MESSAGES, "because", why=why) if why else ""
        yield Finding(
            proposal=proposal,
            table=table,
            row=row,
            year=None,
            stated=stated,
            computed=computed,
            rule=rule,
            severity=severity(stated, computed, pr.money.quantum),
            message=say(
                pr,
                MESSAGES,
                "value",
                name=name,
                stated=pr.plain(stated),
                computed=pr.plain(computed),
                because=because,
            ),
        )


def printed_sum(
    proposal: str | None,
    table: str,
    title: str,
    rows: Mapping[str, Series],
    total: Series | None,
    years: tuple[int, ...],
    *,
    pr: Printing | None = None,
) -> Iterator[Finding]:
    """The source's rows against the source's total of the same table: the source's own
    arithmetic, whatever gevinst derives."""
    if total is None or not rows:
        return
    pr = pr or voice(None)
    source = "catalog" if proposal is None else "proposal"
    rows_total = sum_series(rows.values())
    for year in years:
        s, c = total[year], rows_total[year]
        if s != c:
            yield Finding(
                proposal=proposal,
                table=table,
                row="total",
                year=year,
                stated=s,
                computed=c,
                rule="printed-total",
                severity=severity(s, c, pr.money.quantum),
                message=say(
                    pr,
                    MESSAGES,
                    "printed-total",
                    title=title,
                    year=pr.year(year),
                    source=say(pr, MESSAGES, source),
                    owner=say(pr, MESSAGES, f"{source}-own"),
                    stated=pr.plain(s),
                    computed=pr.plain(c),
                ),
            )
