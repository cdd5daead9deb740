# SPDX-License-Identifier: MPL-2.0
"""A claim: a figure a proposal states in words, and what in its tables it refers to.

A claim quotes its phrase as printed and names the text field it stands in; it holds the
figure as the text writes it (``"1,3"``: its decimals are its precision), the unit, the
years, and a reference into the proposal: a line or a sum of lines, a cell of a table
(Tabel 1, 2.1, A to E, Tabel 2 "admin", Forslag 7's Tabel 4 "targets"), a basis table's
cell or its number of rows, an effect model's parameter, a key's weight or share, a share
of one figure in another, or a ratio between figures. A claim without a reference is a
figure the tables do not hold (context: "1.197 varslede fogedudsættelser"); it is recorded
and never checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from gevinst.core.errors import InputError
from gevinst.core.money import rescale


class ClaimUnit(StrEnum):
    KR = "kr."
    TKR = "t.kr."
    MIO_KR = "mio. kr."
    MIA_KR = "mia. kr."
    PERCENT = "%"
    FTE = "årsværk"
    HOURS = "timer"
    MINUTES = "minutter"
    MONTHS = "måneder"
    YEARS = "år"
    COUNT = "antal"
    RATIO = "forhold"
    FRACTION = "brøk"  # "2/3": a part of a figure


# a money unit's size in the currency itself: "kr." is the currency (a krone, a pound:
# "£175,000"), "t.kr." a thousand of it ("£175k"), "mio. kr." a million ("£1.2m"), "mia.
# kr." a billion ("£1bn"); the unit's name is the data format's, whatever the currency
MONEY: dict[ClaimUnit, int] = {
    ClaimUnit.KR: 1,
    ClaimUnit.TKR: 1000,
    ClaimUnit.MIO_KR: 1_000_000,
    ClaimUnit.MIA_KR: 1_000_000_000,
}
# the money unit a table of each scale is written in
SCALE_UNIT = {size: unit for unit, size in MONEY.items()}


def in_scale(unit: ClaimUnit, scale: int) -> Decimal:
    """One ``unit`` written in a table's ``scale`` (the profile's money: 1.000 for
    Copenhagen's 1.000 kr., 1 for an English council's whole pounds), exactly.

    >>> in_scale(ClaimUnit.MIO_KR, 1000), in_scale(ClaimUnit.KR, 1000)
    (Decimal('1000'), Decimal('0.001'))
    >>> in_scale(ClaimUnit.MIO_KR, 1)
    Decimal('1000000')
    """
    return rescale(Decimal(1), MONEY[unit], scale)


class Qualifier(StrEnum):
    """How loosely a figure is written: as written (half a unit of its last digit either
    way), ``ca.`` (about), ``mindst`` (at least: over, mere end) or ``højst`` (at most: under,
    op til); see :mod:`gevinst.core.claims.precision`."""

    EXACT = ""
    ABOUT = "ca."
    AT_LEAST = "mindst"
    AT_MOST = "højst"


def parse_danish(written: str) -> Decimal:
    """A figure as a Danish text writes it: a point between thousands, a decimal comma.
    The written decimals are kept (``"3,0"`` has one), since they are its precision.

    >>> parse_danish("1.197"), parse_danish("3,0"), parse_danish("-12.711"), parse_danish("0,5")
    (Decimal('1197'), Decimal('3.0'), Decimal('-12711'), Decimal('0.5'))
    """
    text = written.strip().replace("\u2212", "-").replace("–", "-")
    sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text.lstrip("+"))
    whole, _, fraction = digits.partition(",")
    groups = whole.split(".")
    ok = (
        groups[0].isdigit()
        and all(len(g) == 3 and g.isdigit() for g in groups[1:])
        and (fraction == "" or fraction.isdigit())
        and (len(groups) == 1 or len(groups[0]) <= 3)
        and "," not in fraction
    )
    if not ok or (not fraction and digits.endswith(",")):
        raise InputError(
            f"{written!r} er ikke et tal skrevet på dansk (fx 1.197, 3,0 eller -12.711)"
        )
    return Decimal(f"{sign}{''.join(groups)}{'.' + fraction if fraction else ''}")


@dataclass(frozen=True)
class LineRef:
    """A line of Tabel 1 by its id, or the sum of several lines; ``year`` reads it in that
    year whatever the claim's years (the whole of a share: "2/3 fra 2026" of 2027's line)."""

    lines: tuple[str, ...]
    year: int | None = None


@dataclass(frozen=True)
class CellRef:
    """A row of a printed table: Tabel 1 (``"1"``: ``varig``, ``impl``, ``impact`` ...),
    ``"2.1"`` or ``A``-``E`` (a unit or committee's row as the table keys it, or ``total``),
    ``admin`` (``total`` or an admin row's text), ``targets`` (a row's label)."""

    table: str
    row: str
    year: int | None = None


@dataclass(frozen=True)
class BasisRef:
    """A cell of a basis table: its id, the row's label, the column. ``unit`` is the unit
    its figures are in, where it is money ("kr."): the claim is converted to it."""

    table: str
    row: str
    column: str
    unit: str = ""


@dataclass(frozen=True)
class RowsRef:
    """The number of rows of a basis table (a count the text states: "39 matrikler"), its
    total rows not counted; with ``nonzero`` only the rows with a figure other than 0 in
    that column ("driftseffektiviseringer på 37 af indkøbsområderne"), with ``containing``
    only those whose label contains the text ("5 kategorioptimeringsprojekter": "(KOP)")."""

    table: str
    nonzero: str = ""
    containing: str = ""


@dataclass(frozen=True)
class ParamRef:
    """A parameter of the effect model that explains a line (its ``index`` in a list)."""

    line: str
    param: str
    index: int | None = None


@dataclass(frozen=True)
class KeyRef:
    """A distribution key's weight for a unit, or with ``share`` its share in percent."""

    key: str
    unit: str
    share: bool = False


@dataclass(frozen=True)
class ShareRef:
    """One figure as a percentage of another (100 x part / whole)."""

    part: Ref
    whole: Ref


@dataclass(frozen=True)
class RatioRef:
    """A ratio between figures ("47/53"): each figure's share of their sum, in percent of
    the sum of the claim's values."""

    parts: tuple[Ref, ...]


Ref = LineRef | CellRef | BasisRef | RowsRef | ParamRef | KeyRef | ShareRef | RatioRef


@dataclass(frozen=True)
class Claim:
    """A figure a text field states (``field``: ``economy_text``, ``basis.ID``,
    ``texts_after.KEY``, ``stated.B`` ...), as written (``written``: one figure, one per
    year, or the parts of a ratio). ``steady`` says the claim is of the permanent effect
    ("varig", "fra 2028 og frem"): the table's last year; ``total`` that it is the sum over
    its years (every year of the table where none is named)."""

    phrase: str
    field: str
    written: tuple[str, ...]
    unit: ClaimUnit
    years: tuple[int, ...] = ()
    steady: bool = False
    total: bool = False
    qualifier: Qualifier = Qualifier.EXACT
    ref: Ref | None = None
    note: str = ""  # why it refers to what it does, or why the tables hold nothing to compare

    @property
    def values(self) -> tuple[Decimal, ...]:
        """The figures as numbers; a fraction ("1/2 ÅV") as its decimal (0,5)."""
        return tuple(read_figure(w) for w in self.written)


# numbers a text writes in words; "en" and "et" are left out, being also the article
NUMBER_WORDS = {
    "ét": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7, "otte": 8, "ni": 9,
    "ti": 10, "elleve": 11, "tolv": 12,
}  # fmt: skip
HALF_WORDS = frozenset({"halv", "halvt", "halvdelen"})


def read_figure(written: str) -> Decimal:
    """A figure as written: a Danish number, a fraction ("1/2") as its decimal, or a number
    in words ("tre", "halvdelen").

    >>> read_figure("1/2"), read_figure("1.350"), read_figure("Tre"), read_figure("halvt")
    (Decimal('0.5'), Decimal('1350'), Decimal('3'), Decimal('0.5'))
    """
    word = written.strip().lower()
    if word in NUMBER_WORDS:
        return Decimal(NUMBER_WORDS[word])
    if word in HALF_WORDS:
        return Decimal("0.5")
    if "/" not in written:
        return parse_danish(written)
    numerator, _, denominator = written.partition("/")
    return parse_danish(numerator) / parse_danish(denominator)
