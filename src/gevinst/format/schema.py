# SPDX-License-Identifier: MPL-2.0
"""The schema of the data format (docs/format.md), version 1, as pydantic models.

The models only check the *form* of a file; :mod:`gevinst.format.reader` turns a valid
file into core domain objects, and the core checks the *figures*.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    field_validator,
    model_validator,
)

from gevinst.core.claims.claim import HALF_WORDS, NUMBER_WORDS
from gevinst.core.effects import MODELS
from gevinst.core.model import TABLES_WITH_TEXT_AFTER
from gevinst.core.numbers import AMOUNT_LIMIT, MAX_DENOMINATOR, amount_problem, dk, shortened
from gevinst.core.profile import CATALOG_COLUMNS
from gevinst.core.template import TEMPLATE_HEADINGS, WORDINGS, wording_problem
from gevinst.format.language import Messages, said
from gevinst.format.language import reading as reading_language
from gevinst.format.yamlsource import CommaNumber, WrittenNumber

SCHEMA_VERSION = 1

# an id names a file (proposals/ID.yaml), so it may not climb out of its folder
Identifier = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$")]

_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_FRACTION = re.compile(r"^([+-]?\d+)/(\d+)$")
# "1.144" and "-12.500" read as Danish are whole thousands: a point before three digits
# is as likely a thousand separator as a decimal point, so a fraction is written with a comma
_THOUSANDS = re.compile(r"^[+-]?[1-9]\d{0,2}(?:\.\d{3})+$")


_WHOLE_LIMIT = int(AMOUNT_LIMIT)

# the messages a user meets most (numbers, years, dates), in the language of the file being
# read (gevinst.format.language: the profile's); the Danish ones as they always were
_SAID: Messages = {
    "da": {
        "bool_amount": "et beløb kan ikke være true/false",
        "zero_division": "{value!r}: division med nul",
        "denominator": "{value}: nævneren må højst være {most}",
        "point_or_fraction": "{value!r} kan læses både som {whole} (med tusindtalsprik) og som "
        'en brøk; skriv {whole} for beløbet, eller brøken med komma: "{fraction}"',
        "not_a_number": "{value} er ikke et tal",
        "point_thousands": "{written} er skrevet som et decimaltal uden anførselstegn, altså "
        "{decimal}; mente du {whole} (punktum som tusindtalsprik), så skriv {whole}; mente du "
        'decimaltallet {decimal}, så skriv "{decimal}" i anførselstegn',
        "point_decimal": "{written} er skrevet som et decimaltal uden anførselstegn; skriv et "
        'decimaltal i anførselstegn med komma: "{decimal}"',
        "point_other": "{written} er skrevet som et decimaltal; skriv beløb uden tusindtalsprik "
        '(fx 1144, ikke 1.144) og brøker i anførselstegn med komma (fx "0,5")',
        "comma_read": "{written} uden anførselstegn læser YAML {reading}",
        "comma_unquoted": "{written} er skrevet uden anførselstegn",
        "comma_between": "komma mellem tusinder",
        "commas_between": "kommaer mellem tusinder",
        "comma_thousands": "mente du {whole} ({between}), så skriv {whole}",
        "comma_decimal": "mente du decimaltallet {written} (komma som decimaltegn), så skriv "
        '"{written}" i anførselstegn',
        "comma_list": "mente du {count} tal, så skriv et mellemrum efter kommaet: {parts}",
        "comma_other": 'skriv et tal uden komma (fx 1144) eller i anførselstegn (fx "0,5")',
        "grouped": "{value} er skrevet med tegn mellem tusinder; skriv {plain}",
        "not_a_year": "{value!r} er ikke et årstal; skriv året som et helt tal, fx 2025",
        "year_range": "året {value} er uden for {first}-{last}",
        "not_a_date": "{value!r} er ikke en gyldig dato; skriv ÅÅÅÅ-MM-DD",
        "consecutive": "årene skal følge hinanden i rækkefølge, fx [2024, 2025, 2026]: {years}",
    },
    "en": {
        "bool_amount": "an amount cannot be true/false",
        "zero_division": "{value!r}: division by zero",
        "denominator": "{value}: the denominator may be at most {most}",
        "point_or_fraction": "{value!r} can be read both as {whole} (with a point between "
        "thousands) and as a fraction; write {whole} for the amount, or the fraction with a "
        'comma: "{fraction}"',
        "not_a_number": "{value} is not a number",
        "point_thousands": "{written} is written as a decimal number without quotes, that is "
        "{decimal}; if you meant {whole} (a point between thousands), write {whole}; if you "
        'meant the decimal number {decimal}, write "{decimal}" in quotes',
        "point_decimal": "{written} is written as a decimal number without quotes; write a "
        'decimal number in quotes with a comma: "{decimal}"',
        "point_other": "{written} is written as a decimal number; write amounts without "
        "separators between thousands (e.g. 1144, not 1.144) and fractions in quotes with a "
        'comma (e.g. "0,5")',
        "comma_read": "{written} without quotes is read by YAML {reading}",
        "comma_unquoted": "{written} is written without quotes",
        "comma_between": "a comma between thousands",
        "commas_between": "commas between thousands",
        "comma_thousands": "if you meant {whole} ({between}), write {whole}",
        "comma_decimal": "if you meant the decimal number {written} (a comma as the decimal "
        'sign), write "{written}" in quotes',
        "comma_list": "if you meant {count} numbers, write a space after the comma: {parts}",
        "comma_other": 'write a number without a comma (e.g. 1144) or in quotes (e.g. "0,5")',
        "grouped": "{value} is written with separators between thousands; write {plain}",
        "not_a_year": "{value!r} is not a year; write the year as a whole number, e.g. 2025",
        "year_range": "the year {value} is outside {first}-{last}",
        "not_a_date": "{value!r} is not a valid date; write YYYY-MM-DD",
        "consecutive": "the years must follow each other in order, e.g. [2024, 2025, 2026]: "
        "{years}",
    },
}


def _in_range(value: Decimal) -> Decimal:
    if (problem := amount_problem(value)) is not None:
        raise ValueError(problem)
    return value


def _amount(value: Any) -> Decimal:
    if type(value) is int and -_WHOLE_LIMIT < value < _WHOLE_LIMIT:
        # most amounts of a catalog: a whole number inside the range (as _in_range finds it),
        # a hundred thousand of them in a national portfolio's catalog
        return Decimal(value)
    if isinstance(value, WrittenNumber | CommaNumber):
        raise ValueError(_unquoted_problem(value))
    if isinstance(value, bool):
        raise ValueError(said(_SAID, "bool_amount"))
    if isinstance(value, int):
        return _in_range(Decimal(value))
    if isinstance(value, Decimal):
        return _in_range(value)
    if isinstance(value, str) and (fraction := _FRACTION.match(value.strip())):
        numerator, denominator = Decimal(fraction[1]), Decimal(fraction[2])
        if denominator == 0:
            raise ValueError(said(_SAID, "zero_division", value=value))
        if denominator > MAX_DENOMINATOR:
            # the writer finds a fraction again by its denominator, up to this one
            most = dk(Decimal(MAX_DENOMINATOR))
            raise ValueError(said(_SAID, "denominator", value=shortened(value), most=most))
        _in_range(numerator)
        # an exact fraction ("2/3") has as many decimals as it needs
        return numerator / denominator
    if isinstance(value, str) and (grouped := _grouped(value.strip())):
        raise ValueError(grouped)
    if isinstance(value, str) and _THOUSANDS.match(value.strip()):
        whole = value.strip().replace(".", "")
        fraction_text = value.strip().replace(".", ",")
        raise ValueError(
            said(_SAID, "point_or_fraction", value=value, whole=whole, fraction=fraction_text)
        )
    if isinstance(value, str) and _NUMBER.match(value.strip()):
        try:
            return _in_range(Decimal(value.strip().replace(",", ".")))
        except InvalidOperation:
            pass
    raise ValueError(said(_SAID, "not_a_number", value=shortened(repr(value))))


# how a number is written unquoted where YAML (or JSON) does not read it as meant; the
# message says each reading it may have, and how to write each (docs/format.md, "Numbers")
_POINT_THOUSANDS = re.compile(r"^[+-]?[1-9]\d{0,2}\.\d{3}$")
_POINT_DECIMAL = re.compile(r"^[+-]?\d+\.\d+$")
_COMMA_THOUSANDS = re.compile(r"^[+-]?[1-9]\d{0,2}(?:,\d{3})+$")
_COMMA_DECIMAL = re.compile(r"^[+-]?\d+,\d+$")


def _unquoted_problem(written: WrittenNumber | CommaNumber) -> str:
    if isinstance(written, CommaNumber):
        return _comma_problem(written)
    return _point_problem(written)


def _point_problem(written: str) -> str:
    """What a number written with a point and no quotes probably means, and how to write it.

    >>> print(_point_problem("1.144").replace("; ", ";\\n"))
    1.144 er skrevet som et decimaltal uden anførselstegn, altså 1,144;
    mente du 1144 (punktum som tusindtalsprik), så skriv 1144;
    mente du decimaltallet 1,144, så skriv "1,144" i anførselstegn
    >>> print(_point_problem("0.5").replace("; ", ";\\n"))
    0.5 er skrevet som et decimaltal uden anførselstegn;
    skriv et decimaltal i anførselstegn med komma: "0,5"
    """
    if _POINT_THOUSANDS.match(written):
        # one point: YAML reads 12.500.000 as a text, which _grouped speaks of
        whole = written.replace(".", "")
        decimal = written.replace(".", ",")
        return said(_SAID, "point_thousands", written=written, decimal=decimal, whole=whole)
    if _POINT_DECIMAL.match(written):
        return said(_SAID, "point_decimal", written=written, decimal=written.replace(".", ","))
    return said(_SAID, "point_other", written=shortened(written))


def _comma_problem(written: CommaNumber) -> str:
    """What a number written with a comma and no quotes probably means, and how to write it:
    ``70,000`` is 70000 with a comma between thousands, or 70 with a Danish decimal comma.

    >>> print(_comma_problem(CommaNumber("70,000")).replace("; ", ";\\n"))
    70,000 er skrevet uden anførselstegn;
    mente du 70000 (komma mellem tusinder), så skriv 70000;
    mente du decimaltallet 70,000 (komma som decimaltegn), så skriv "70,000" i anførselstegn
    """
    reading = written.yaml_reading(language := reading_language())
    told = said(_SAID, "comma_read", written=written, reading=reading)
    if not reading:  # block style: YAML keeps it whole, as the text "70,000"
        told = said(_SAID, "comma_unquoted", written=written)
    meant = []
    if _COMMA_THOUSANDS.match(written):
        whole = written.replace(",", "")
        between = said(_SAID, "comma_between" if written.count(",") == 1 else "commas_between")
        meant.append(said(_SAID, "comma_thousands", whole=whole, between=between))
    if _COMMA_DECIMAL.match(written):
        meant.append(said(_SAID, "comma_decimal", written=written))
    if written.split_in == "list":
        count = _COUNT.get(language, _COUNT["da"]).get(len(written.parts), str(len(written.parts)))
        parts = ", ".join(written.parts)
        meant.append(said(_SAID, "comma_list", count=count, parts=parts))
    if not meant:
        meant.append(said(_SAID, "comma_other"))
    return "; ".join([told, *meant])


_COUNT = {
    "da": {2: "to", 3: "tre", 4: "fire", 5: "fem"},
    "en": {2: "two", 3: "three", 4: "four", 5: "five"},
}
_SEPARATED = re.compile(
    r"^(?P<sign>[+-]?)(?P<whole>[1-9]\d{0,2}(?:(?P<sep>[., \u00a0\u202f])\d{3})(?:(?P=sep)\d{3})*)"
    r"(?:(?P<point>[.,])(?P<fraction>\d+))?$"
)


def _grouped(text: str) -> str | None:
    """The message for a quoted number written with separators between thousands, which the
    format does not read, where they cannot be a decimal sign: ``"70 000"``, ``"1,144,000"``,
    ``"1.144,5"``, ``"1,144.5"``; None for any other text.

    >>> print(_grouped("1.144,5"))
    '1.144,5' er skrevet med tegn mellem tusinder; skriv "1144,5"
    >>> print(_grouped("70 000"), _grouped("1.144"))
    '70 000' er skrevet med tegn mellem tusinder; skriv 70000 None
    """
    found = _SEPARATED.match(text)
    if found is None or found["sep"] == found["point"]:
        return None
    if found["sep"] in ".," and found["point"] is None and text.count(found["sep"]) == 1:
        return None  # "1.144" and "1,144" are read (or refused) as decimals
    whole = found["sign"] + re.sub(r"\D", "", found["whole"])
    plain = f'"{whole},{found["fraction"]}"' if found["fraction"] else whole
    return said(_SAID, "grouped", value=shortened(repr(text)), plain=plain)


# A year of the format: a budget round's year, written as a whole number
FIRST_YEAR, LAST_YEAR = 1900, 2199


def _year(value: Any) -> int:
    if type(value) is int or type(value) is str:
        # a year of the format as a JSON key ("2025") or a YAML one (2025), read before
        year = _YEARS.get(value)
        if year is not None:
            return year
    if isinstance(value, str) and not isinstance(value, WrittenNumber) and value.isdigit():
        value = int(value)  # a JSON key is always text
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(said(_SAID, "not_a_year", value=value))
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise ValueError(said(_SAID, "year_range", value=value, first=FIRST_YEAR, last=LAST_YEAR))
    return value


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(said(_SAID, "not_a_date", value=str(value))) from None


_YEARS: dict[int | str, int] = {
    spelt: year for year in range(FIRST_YEAR, LAST_YEAR + 1) for spelt in (year, str(year))
}
Year = Annotated[int, BeforeValidator(_year)]
Date = Annotated[dt.date, BeforeValidator(_date)]


def _cell(value: Any) -> Decimal | str | None:
    """A basis-table cell: a number where it is one, else the text as printed."""
    if value is None:
        return None
    if isinstance(value, str) and not isinstance(value, WrittenNumber | CommaNumber):
        return _amount(value) if _NUMBER.match(value.strip()) else value
    return _amount(value)


def _whole_series(value: Any, each: ValidatorFunctionWrapHandler) -> Any:
    """A series of whole amounts in range by years of the format (nearly every series of a
    catalog, two hundred thousand in a national portfolio's) read in one pass, as :func:`_year`
    and :func:`_amount` read each; any other series the way every value takes, which names the
    value at fault. A blank amount (None) is left for ``each`` to allow or refuse."""
    if type(value) is not dict:
        return each(value)
    out = {}
    for key, amount in value.items():
        # a year as YAML (2025) or JSON ("2025") writes it; True or 2025.0 would hash alike
        year = _YEARS.get(key) if type(key) is int or type(key) is str else None
        if year is None or type(amount) is not int or not -_WHOLE_LIMIT < amount < _WHOLE_LIMIT:
            return each(value)
        out[year] = Decimal(amount)
    return out


Amount = Annotated[Decimal, BeforeValidator(_amount)]
Cell = Annotated[Decimal | str | None, BeforeValidator(_cell)]
YearSeries = Annotated[dict[Year, Amount], WrapValidator(_whole_series)]
StatedSeries = Annotated[dict[Year, Amount | None], WrapValidator(_whole_series)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Origin(Model):
    innovation: bool | None = None
    innovation_title: str | None = None
    simplification: bool | None = None


class BookingModel(Model):
    unit: str | None = None
    key: str | None = None
    parts: dict[str, YearSeries] | None = None


class LineModel(Model):
    id: str
    section: Literal["permanent", "implementation"]
    kind: Literal["efficiency", "operating_cost", "income", "implementation"]
    text: str
    area: str | None = None
    amounts: YearSeries = Field(default_factory=dict)
    booking: BookingModel | None = None
    placed: str | None = None


class KeyModel(Model):
    text: str = ""
    kind: Literal["shares", "counts", "areas", "amounts", "purchases", "equal"]
    weights: dict[str, Amount]


class BudgetMoveModel(Model):
    from_: str = Field(alias="from")
    to: str
    amounts: YearSeries
    text: str = ""


class BasisRowModel(Model):
    label: str
    values: dict[str, Cell] = Field(default_factory=dict)


class TotalRowModel(Model):
    row: str
    of: list[str]


class BasisTableModel(Model):
    id: str
    title: str
    text: str = ""
    printed: bool = True  # false: built from the prose for the check; never drawn
    label_column: str = ""  # the header printed over the row labels
    unit: str = ""  # printed after every figure ("kr.")
    in_distribution: bool = False  # printed in section 2.1, after its text
    columns: list[str]
    rows: list[BasisRowModel]
    total_column: str | None = None
    total_rows: list[TotalRowModel] = Field(default_factory=list)
    remarks: list[str] = Field(default_factory=list)


class FollowUpModel(Model):
    phase: Literal["implementation", "realisation"]
    goal: str
    measure: str = ""
    responsible: str = ""
    when: str = ""


def _risk_level(value: object) -> object:
    """A risk level in either language, as the core names it: "low" is "lav"."""
    if isinstance(value, str) and value.strip().casefold() in RISK_WORDS:
        return RISK_WORDS[value.strip().casefold()]
    if value is None:
        return None
    known = ", ".join(RISK_WORDS)
    raise ValueError(f"{value!r} er ikke et risikoniveau: {known}")


# every word for a risk level, Danish and English, to the core's (Danish) value
RISK_WORDS = {
    word.casefold(): str(level) for w in WORDINGS.values() for level, word in w.risk_levels.items()
}


class RiskModel(Model):
    # "lav", "middel", "høj" or "low", "medium", "high": the same RiskLevel
    level: Annotated[str | None, BeforeValidator(_risk_level)] = None
    text: str = ""


class AdminRowModel(Model):
    text: str
    amounts: StatedSeries = Field(default_factory=dict)


class AdminModel(Model):
    text: str = ""
    rows: list[AdminRowModel] = Field(default_factory=list)


def _template_heading(text: str) -> str:
    if text not in TEMPLATE_HEADINGS:
        known = "; ".join(TEMPLATE_HEADINGS)
        raise ValueError(f"{text!r} er ikke en af skabelonens overskrifter: {known}")
    return text


TemplateHeading = Annotated[str, AfterValidator(_template_heading)]


class ConsultationModel(Model):
    body: str
    # one of the profile's consultation_kinds (checked when the proposal is read with its
    # profile: reader._References)
    kind: Annotated[str, Field(min_length=1)]
    heard: bool | None = None
    dates: list[Date] = Field(default_factory=list)
    text: str = ""
    header: str = ""


class StatedTableModel(Model):
    title: str = ""
    text: str = ""
    includes_implementation: bool = False
    appropriations: dict[str, str] = Field(default_factory=dict)
    key_column: str = ""
    price_basis: str = ""
    rows: dict[str, StatedSeries] = Field(default_factory=dict)
    total: StatedSeries | None = None


class PaybackModel(Model):
    service: str | None = None
    total: str | None = None


# Tabel 1's subtotal and total rows by their key (core.calc.TABLE1_ROWS)
TABLE1_ROW_KEYS = ("varig_service", "varig", "impl_service", "impl_anlaeg", "impl", "impact")


class StatedModel(Model):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    table1: dict[
        Literal["varig_service", "varig", "impl_service", "impl_anlaeg", "impl", "impact"],
        StatedSeries,
    ] = Field(default_factory=dict, alias="1")
    payback: PaybackModel = PaybackModel()
    distribution: StatedTableModel | None = Field(default=None, alias="2.1")
    admin_total: StatedSeries | None = None
    A: StatedTableModel | None = None
    B: StatedTableModel | None = None
    C: StatedTableModel | None = None
    D: StatedTableModel | None = None
    E: StatedTableModel | None = None
    # Tabel 1's total column as printed: a line's id or a subtotal's key -> the row's total
    table1_totals: dict[str, Amount] = Field(default_factory=dict)


class TargetRowModel(Model):
    label: str
    area: str | None = None
    role: Literal["achieved", "target", "manko", "total", "other"] = "other"
    values: StatedSeries = Field(default_factory=dict)
    price_basis: str = ""


class TargetsModel(Model):
    title: str = ""
    price_basis: str = ""
    rows: list[TargetRowModel]


def _param(value: Any) -> Any:
    """A parameter may be written as a bare number or list, short for {value: ...}."""
    return value if isinstance(value, dict) else {"value": value}


def _one_or_list(value: Any) -> str:
    return "tal[liste]" if isinstance(value, list) else "tal[et]"


# a parameter's value is one amount or a list of them: chosen by what is written, so that a
# number written wrongly gets its own message only, not also "skal være en liste"; the tags
# hold "[" so that the reader leaves them out of the field it names (reader._is_validator_tag)
ParamValue = Annotated[
    Annotated[Amount, Tag("tal[et]")] | Annotated[list[Amount], Tag("tal[liste]")],
    Discriminator(_one_or_list),
]


class ParamModel(Model):
    value: ParamValue | None = None
    assumption: str | None = None
    source: str = ""
    assumed: bool = False  # the document does not state this value


class PhaseModel(Model):
    profile: Literal["full", "from_mid_year", "two_thirds", "linear", "factors"] = "full"
    start: Year | None = None
    years: int = Field(default=1, ge=1, le=100)
    factors: dict[Year, Amount] = Field(default_factory=dict)


def _known_model(kind: str) -> str:
    if kind not in MODELS:
        raise ValueError(f"ukendt model {kind!r}; kendte modeller: {', '.join(MODELS)}")
    return kind


class EffectModel(Model):
    line: str
    also: list[str] = Field(default_factory=list)
    model: Annotated[str, AfterValidator(_known_model)]
    sign: Literal["saving", "income", "cost"] = "saving"
    text: str = ""
    params: dict[str, Annotated[ParamModel, BeforeValidator(_param)]]
    phase: PhaseModel = PhaseModel()


def _claim_figure(value: Any) -> str:
    """A claim's figure as the text writes it: a quoted Danish number ("1,3", "1.197") or a
    fraction ("2/3") or a number in words ("tre"); a whole number may be written bare."""
    if isinstance(value, WrittenNumber):
        raise ValueError(
            f"{value} er skrevet som et decimaltal; skriv tallet i anførselstegn, som teksten "
            f'skriver det (fx "1,3" eller "1.197")'
        )
    if isinstance(value, CommaNumber) and value.split_in:
        # "[1,197, 2,000]": one figure or two, as the text writes them?
        two = f", eller med et mellemrum efter kommaet: {', '.join(value.parts)}"
        raise ValueError(
            f"{value} uden anførselstegn læser YAML {value.yaml_reading()}; skriv tallet i "
            f'anførselstegn, som teksten skriver det: "{value}"'
            + (two if value.split_in == "list" else "")
        )
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and (
        _CLAIM_FIGURE.match(value)
        or _FRACTION.match(value)
        or value.lower() in NUMBER_WORDS
        or value.lower() in HALF_WORDS
    ):
        return value
    raise ValueError(f"{shortened(repr(value))} er ikke et tal, som en tekst skriver det")


_CLAIM_FIGURE = re.compile(r"^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$")
ClaimFigure = Annotated[str, BeforeValidator(_claim_figure)]


class RefModel(Model):
    """What a claim refers to (docs/format.md, "Claims"): exactly one of ``line``,
    ``table`` (with ``row``), ``basis`` (with ``row`` and ``column``), ``rows_of``,
    ``effect`` (with ``param``), ``key`` (with ``weight`` or ``share``), ``part`` (with
    ``of``) or ``ratio``."""

    line: str | list[str] | None = None
    table: Literal["1", "2.1", "A", "B", "C", "D", "E", "admin", "targets"] | None = None
    row: str | None = None
    basis: str | None = None
    column: str | None = None
    unit: Literal["", "kr.", "t.kr.", "mio. kr."] = ""
    rows_of: str | None = None
    nonzero: str = ""  # rows_of: only rows with a figure other than 0 in this column
    containing: str = ""  # rows_of: only rows whose label contains this text
    effect: str | None = None
    param: str | None = None
    index: int | None = Field(default=None, ge=1)
    key: str | None = None
    weight: str | None = None
    share: str | None = None
    part: RefModel | None = None
    of: RefModel | None = None
    ratio: list[RefModel] | None = None
    year: Year | None = None  # a line's or a table row's figure in this year

    @model_validator(mode="after")
    def _one_kind(self) -> RefModel:
        kinds = {
            "line": self.line is not None,
            "table": self.table is not None and self.row is not None,
            "basis": None not in (self.basis, self.row, self.column),
            "rows_of": self.rows_of is not None,
            "effect": self.effect is not None and self.param is not None,
            "key": self.key is not None and (self.weight is None) != (self.share is None),
            "part": self.part is not None and self.of is not None,
            "ratio": bool(self.ratio) and len(self.ratio or ()) >= 2,
        }
        if sum(kinds.values()) != 1:
            raise ValueError(
                "angiv præcis én henvisning: line, table + row, basis + row + column, rows_of, "
                "effect + param, key + weight/share, part + of eller ratio (mindst to)"
            )
        return self


class ClaimModel(Model):
    phrase: str = Field(min_length=1)
    field: str
    value: ClaimFigure | None = None
    values: list[ClaimFigure] = Field(default_factory=list)
    unit: Literal[
        "kr.",
        "t.kr.",
        "mio. kr.",
        "mia. kr.",
        "%",
        "årsværk",
        "timer",
        "minutter",
        "måneder",
        "år",
        "antal",
        "forhold",
        "brøk",
    ]
    year: Year | Literal["varig"] | None = None
    years: list[Year] = Field(default_factory=list)
    from_: Year | None = Field(default=None, alias="from")
    total: bool = False
    qualifier: Literal["", "ca.", "mindst", "højst"] = ""
    ref: RefModel | None = None
    note: str = ""

    @model_validator(mode="after")
    def _figures_and_years(self) -> ClaimModel:
        if (self.value is None) == (not self.values):
            raise ValueError("angiv enten value eller values")
        named = [self.year is not None, bool(self.years), self.from_ is not None]
        if sum(named) > 1:
            raise ValueError("angiv højst én af year, years og from")
        return self


class ScopeModel(Model):
    digitalisation: bool | None = None
    new_it_system: bool | None = None
    m2_change: bool | None = None
    employer_area: bool | None = None


def _consecutive(years: list[Year]) -> list[Year]:
    if any(b != a + 1 for a, b in itertools.pairwise(years)):
        raise ValueError(said(_SAID, "consecutive", years=years))
    return years


# --- a proposal's appraisal (docs/format.md, "Funding and appraisal") ----------------------

# the appraisal's messages, in the language of the file being read (an English council's
# outline business case has an appraisal; a Danish proposal seldom)
_APPRAISAL: Messages = {
    "da": {
        "borrowing": 'method: borrowing skal have term (år) og rate (fx "0,045")',
        "reserves": "method: reserves har hverken term, rate eller lines",
        "rate": "rate skal være større end -1",
        "cashable": "{id}: en gevinst (benefit) angiver cashable: true eller false",
        "only_benefits": "{id}: kun en gevinst (benefit) angiver cashable",
        "rising": "{id}: low ≤ likely ≤ high",
        "one_role": "netop én mulighed skal have role: {role}, ikke {n}",
        "option_twice": "muligheden {id!r} står to gange",
        "row_twice": "muligheden {option!r}: rækken {id!r} står to gange",
        "mitigation": 'mitigation skal være mellem 0 og 1 (fx "0,5")',
        "funded_lines": "appraisal.funding.lines: {lines} er ikke forslagets implementeringslinjer",
        "outside": "appraisal, muligheden {id!r}: årene {years} ligger uden for vurderingens år",
    },
    "en": {
        "borrowing": 'method: borrowing must have term (years) and rate (e.g. "0,045")',
        "reserves": "method: reserves has no term, rate or lines",
        "rate": "rate must be greater than -1",
        "cashable": "{id}: a benefit says cashable: true or false",
        "only_benefits": "{id}: only a benefit says cashable",
        "rising": "{id}: low ≤ likely ≤ high",
        "one_role": "exactly one option must have role: {role}, not {n}",
        "option_twice": "the option {id!r} is listed twice",
        "row_twice": "the option {option!r}: the row {id!r} is listed twice",
        "mitigation": 'mitigation must be between 0 and 1 (e.g. "0,5")',
        "funded_lines": "appraisal.funding.lines: {lines} are not the proposal's "
        "implementation lines",
        "outside": "appraisal, the option {id!r}: the years {years} are outside the "
        "appraisal's years",
    },
}


class FundingModel(Model):
    """How the capital is funded: borrowed on an annuity (term, rate) or from reserves."""

    method: Literal["borrowing", "reserves"]
    term: int | None = Field(default=None, ge=1, le=100)
    rate: Amount | None = None
    source: str = ""
    # Tabel 1's implementation lines of capital so borrowed, whose financing cost the
    # permanent (revenue) lines hold: the payback and the present value leave them out
    lines: list[Identifier] = Field(default_factory=list)

    @model_validator(mode="after")
    def _loan_or_not(self) -> FundingModel:
        borrowed = self.method == "borrowing"
        if borrowed and (self.term is None or self.rate is None):
            raise ValueError(said(_APPRAISAL, "borrowing"))
        if not borrowed and (self.term is not None or self.rate is not None or self.lines):
            raise ValueError(said(_APPRAISAL, "reserves"))
        if self.rate is not None and self.rate <= -1:
            raise ValueError(said(_APPRAISAL, "rate"))
        return self


class AppraisalRowModel(Model):
    id: Identifier
    text: str = ""
    kind: Literal["cost", "benefit", "offset"]
    cashable: bool | None = None
    amounts: YearSeries = Field(default_factory=dict)

    @model_validator(mode="after")
    def _cashable_for_benefits(self) -> AppraisalRowModel:
        if self.kind == "benefit" and self.cashable is None:
            raise ValueError(said(_APPRAISAL, "cashable", id=self.id))
        if self.kind != "benefit" and self.cashable is not None:
            raise ValueError(said(_APPRAISAL, "only_benefits", id=self.id))
        return self


class RiskEstimateModel(Model):
    id: Identifier
    text: str = ""
    year: Year
    low: Amount
    likely: Amount
    high: Amount

    @model_validator(mode="after")
    def _rising(self) -> RiskEstimateModel:
        if not self.low <= self.likely <= self.high:
            raise ValueError(said(_APPRAISAL, "rising", id=self.id))
        return self


class AppraisalOptionModel(Model):
    id: Identifier
    label: str = Field(min_length=1)
    role: Literal["do_nothing", "do_minimum", "preferred", "other"] = "other"
    text: str = ""
    capital: YearSeries = Field(default_factory=dict)
    rows: list[AppraisalRowModel] = Field(default_factory=list)
    risks: list[RiskEstimateModel] = Field(default_factory=list)


class ProposalAppraisalModel(Model):
    """A proposal's options compared, how its capital is funded, its kind of project for
    optimism bias (a kind the profile names) and the share of the bias mitigated."""

    text: str = ""
    years: Annotated[list[Year], AfterValidator(_consecutive)] = Field(default_factory=list)
    funding: FundingModel = FundingModel(method="reserves")
    project_kind: str | None = None
    mitigation: Amount = Decimal(0)
    options: list[AppraisalOptionModel] = Field(min_length=2)

    @model_validator(mode="after")
    def _one_baseline_one_preferred(self) -> ProposalAppraisalModel:
        problems = []
        for role in ("do_nothing", "preferred"):
            n = sum(o.role == role for o in self.options)
            if n != 1:
                problems.append(said(_APPRAISAL, "one_role", role=role, n=n))
        ids = [o.id for o in self.options]
        problems += [said(_APPRAISAL, "option_twice", id=i) for i in _twice(ids)]
        for o in self.options:
            problems += [
                said(_APPRAISAL, "row_twice", option=o.id, id=i)
                for i in _twice([r.id for r in o.rows])
            ]
        if not 0 <= self.mitigation <= 1:
            problems.append(said(_APPRAISAL, "mitigation"))
        if problems:
            raise ValueError("; ".join(problems))
        return self


class ProposalModel(Model):
    schema_version: Literal[1]
    id: Identifier
    title: str
    type: Literal["investering", "effektivisering"]
    heading: str = ""
    confidential: bool = False
    catalog_entry_only: bool = False
    price_level: Year
    # the scale the amounts are written in: the profile's (money.scale), said or left out
    scale: Literal[1, 1000, 1000000] | None = None
    years: Annotated[list[Year], AfterValidator(_consecutive)] = Field(min_length=1)
    presenting: list[str] = Field(default_factory=list)
    affected: list[str] = Field(default_factory=list)
    origin: Origin = Origin()
    summary: str = ""
    description: str = ""
    economy_text: str = ""
    notes: list[str] = Field(default_factory=list)
    table1_split: dict[Literal["varig_service", "impl_service"], dict[str, str]] = Field(
        default_factory=dict
    )
    lines: list[LineModel] = Field(default_factory=list)
    keys: dict[str, KeyModel] = Field(default_factory=dict)
    budget_moves: list[BudgetMoveModel] = Field(default_factory=list)
    distribution_text: str = ""
    basis: list[BasisTableModel] = Field(default_factory=list)
    followup: list[FollowUpModel] = Field(default_factory=list)
    followup_text: str = ""
    risk: RiskModel = RiskModel()
    admin: AdminModel = AdminModel()
    consultations: list[ConsultationModel] = Field(default_factory=list)
    partners_text: str = ""
    technical_text: str = ""
    appendices_text: str = ""
    appendix_heading: str = ""
    texts_after: dict[str, str] = Field(default_factory=dict)
    printed_headings: dict[TemplateHeading, str | None] = Field(default_factory=dict)
    scope: ScopeModel = ScopeModel()
    targets: TargetsModel | None = None
    effects: list[EffectModel] = Field(default_factory=list)
    claims: list[ClaimModel] = Field(default_factory=list)
    stated: StatedModel = StatedModel()
    remarks: list[str] = Field(default_factory=list)
    appraisal: ProposalAppraisalModel | None = None

    @model_validator(mode="after")
    def _appraisal_fits(self) -> ProposalModel:
        if self.appraisal is None:
            return self
        # capital left out of the payback must be an implementation line of the proposal
        implementation = {ln.id for ln in self.lines if ln.section == "implementation"}
        unknown = [i for i in self.appraisal.funding.lines if i not in implementation]
        problems = []
        if unknown:
            problems.append(said(_APPRAISAL, "funded_lines", lines=", ".join(unknown)))
        # an amount outside the horizon would silently count in no present value
        horizon = set(self.appraisal.years or self.years)
        for o in self.appraisal.options:
            years = {
                *o.capital,
                *(y for r in o.rows for y in r.amounts),
                *(r.year for r in o.risks),
            }
            if outside := sorted(years - horizon):
                years_outside = ", ".join(map(str, outside))
                problems.append(said(_APPRAISAL, "outside", id=o.id, years=years_outside))
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @model_validator(mode="after")
    def _row_totals_known_rows(self) -> ProposalModel:
        # a total stated for a row Tabel 1 does not have would be checked against nothing
        known = [*(ln.id for ln in self.lines), *TABLE1_ROW_KEYS]
        unknown = [k for k in self.stated.table1_totals if k not in known]
        if unknown:
            raise ValueError(
                f"stated.table1_totals: ukendt række {', '.join(unknown)}; kendte: "
                f"{', '.join(known)}"
            )
        return self

    @model_validator(mode="after")
    def _texts_after_known_tables(self) -> ProposalModel:
        # a text placed after a table the proposal does not print would silently be lost
        known = [*TABLES_WITH_TEXT_AFTER, *(b.id for b in self.basis)]
        unknown = [k for k in self.texts_after if k not in known]
        if unknown:
            raise ValueError(
                f"texts_after: ukendt tabel {', '.join(unknown)}; kendte: {', '.join(known)}"
            )
        return self


class CatalogRowModel(Model):
    no: str = ""
    proposal: str | None = None
    label: str
    effect: StatedSeries = Field(default_factory=dict)
    investment: Amount | None = None
    approved_with: str = ""
    note_refs: list[str] = Field(default_factory=list)
    marker: str = ""
    # stated with no year, as printed: the payback ("3 år", "3,5 år") and the effect at full
    # phase-in ("Effektivisering ved fuld indfasning", a positive contribution as `effect`)
    payback: str = ""
    full_effect: Amount | None = None
    # the effect and the investment split by styringsområde, as printed (docs/format.md)
    effect_by_area: dict[str, StatedSeries] = Field(default_factory=dict)
    investment_by_area: dict[str, Amount] = Field(default_factory=dict)


class CatalogGroupModel(Model):
    committee: str
    rows: list[CatalogRowModel]


class CatalogTotalModel(Model):
    effect: StatedSeries = Field(default_factory=dict)
    investment: Amount | None = None
    full_effect: Amount | None = None


class CatalogTableModel(Model):
    id: Literal["catalog-1", "catalog-2"]
    title: str
    unit: str = ""
    years: list[Year]
    groups: list[CatalogGroupModel]
    total: CatalogTotalModel | None = None
    notes: list[str] = Field(default_factory=list)
    text: str = ""
    remarks: list[str] = Field(default_factory=list)


class StatementModel(Model):
    text: str
    table: Literal["catalog-1", "catalog-2"]
    year: Year | Literal["varig"]
    mio_kr: Amount


def _not_negative(value: Decimal) -> Decimal:
    if value < 0:
        raise ValueError(f"{dk(value)}: puljens midler kan ikke være negative")
    return value


class PoolModel(Model):
    """The round's investment pool: the money available each year (1.000 kr.) and where the
    figures come from."""

    source: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
    amounts: dict[Year, Annotated[Decimal, BeforeValidator(_amount), AfterValidator(_not_negative)]]

    @model_validator(mode="after")
    def _some_year(self) -> PoolModel:
        if not self.amounts:
            raise ValueError("amounts: angiv puljens midler for mindst ét år, fx {2025: 50000}")
        return self


def _positive(value: Decimal) -> Decimal:
    if value <= 0:
        raise ValueError(f"{dk(value)}: skal være over nul")
    return value


def _not_negative_weight(value: Decimal) -> Decimal:
    if value < 0:
        raise ValueError(f"{dk(value)}: en andel kan ikke være negativ")
    return value


NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Weight = Annotated[Decimal, BeforeValidator(_amount), AfterValidator(_not_negative_weight)]


class SharesModel(Model):
    """Each administration's (or committee's) share of a municipality-wide target, e.g. its
    share of the service spending, and where the figures come from."""

    source: NonEmpty
    weights: dict[str, Weight] = Field(min_length=1)

    @model_validator(mode="after")
    def _some_weight(self) -> SharesModel:
        if not any(self.weights.values()):
            raise ValueError("weights: mindst én andel skal være over nul")
        return self


class TargetModel(Model):
    """A target (måltal) per committee and year: set directly (``committees``), or for the
    whole municipality (``total``), shared out by ``shares`` where they are given."""

    id: Identifier
    label: NonEmpty
    source: NonEmpty
    price_level: Year
    area: str | None = "Service"
    proposals: list[Identifier] | None = None
    total: dict[Year, Amount] | None = None
    committees: dict[str, dict[Year, Amount]] | None = None
    shares: SharesModel | None = None
    remarks: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_form(self) -> TargetModel:
        if (self.total is None) == (self.committees is None):
            raise ValueError(
                "angiv enten total (hele kommunens måltal) eller committees (pr. udvalg), ikke "
                "begge og ikke ingen"
            )
        if self.shares is not None and self.total is None:
            raise ValueError("shares fordeler en total; et måltal pr. udvalg har ingen shares")
        if not (self.total or any(self.committees or {})):
            raise ValueError("måltallet har ingen år; angiv fx {2025: -41920}")
        return self


class CatalogModel(Model):
    schema_version: Literal[1]
    id: Identifier
    title: str
    municipality: str
    profile: str = "kk"
    round: str
    price_level: Year
    # the scale the amounts are written in: the profile's (money.scale), said or left out
    scale: Literal[1, 1000, 1000000] | None = None
    proposals: list[Identifier]
    intro: str = ""
    tables: list[CatalogTableModel] = Field(default_factory=list)
    statements: list[StatementModel] = Field(default_factory=list)
    remarks: list[str] = Field(default_factory=list)
    targets: list[TargetModel] = Field(default_factory=list)
    pool: PoolModel | None = None


class AdministrationModel(Model):
    code: str
    name: str
    committee: str


class CommitteeModel(Model):
    code: str
    name: str


class AppropriationModel(Model):
    code: str
    name: str
    committee: str
    aliases: list[str] = Field(default_factory=list)


class AreaModel(Model):
    code: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    # what the area is for; the core's rules ask for a role, never for an area's name
    role: Literal["operating", "capital", "transfers", "user_financed", "financing"] | None = None


class PeriodModel(Model):
    start: Date
    value: Amount
    reference: str = ""


class AssumptionModel(Model):
    name: str
    label: str
    unit: str
    source: str = ""
    periods: list[PeriodModel] = Field(min_length=1)


IndexValue = Annotated[Decimal, BeforeValidator(_amount), AfterValidator(_positive)]


class IndexEditionModel(Model):
    start: Date
    reference: NonEmpty
    values: dict[Year, IndexValue] = Field(min_length=1)


class PriceIndexModel(Model):
    """The price and wage development (pris- og lønudvikling): an index a year, in editions
    each valid from its date, with its source."""

    label: NonEmpty
    source: NonEmpty
    unit: str = "indeks"
    editions: list[IndexEditionModel] = Field(min_length=1)

    @model_validator(mode="after")
    def _dates_once(self) -> PriceIndexModel:
        starts = [str(e.start) for e in self.editions]
        if twice := _twice(starts):
            raise ValueError(f"editions: {', '.join(twice)} står to gange")
        return self


class StateModel(Model):
    id: Identifier
    label: str


class TransitionModel(Model):
    id: Identifier
    from_: list[str] = Field(alias="from", min_length=1)
    to: str
    label: str
    by: Literal["own", "catalog"]
    requires: list[str] = Field(default_factory=list)


class ConditionModel(Model):
    """The absence of the check's findings of ``rules`` or of ``severity``, and/or a
    consultation of ``kind`` answered yes for an investment of ``investment_at_least``."""

    label: str
    rules: list[str] = Field(default_factory=list)
    severity: Literal["error", "warning", "info"] | None = None
    investment_at_least: Amount | None = None
    kind: str | None = None

    @model_validator(mode="after")
    def _something_to_check(self) -> ConditionModel:
        if (self.investment_at_least is None) != (self.kind is None):
            raise ValueError("investment_at_least og kind skal angives sammen")
        if not self.rules and self.severity is None and self.investment_at_least is None:
            raise ValueError("en betingelse skal have rules, severity eller investment_at_least")
        return self


def _twice(ids: Sequence[str]) -> list[str]:
    return sorted({i for i in ids if ids.count(i) > 1})


class WorkflowModel(Model):
    initial: str
    states: list[StateModel] = Field(min_length=1)
    transitions: list[TransitionModel] = Field(default_factory=list)
    conditions: dict[Identifier, ConditionModel] = Field(default_factory=dict)
    # the states in which a proposal counts toward the targets (måltal)
    counted: list[str] = Field(default_factory=list)
    change_requests_from: str | None = None

    @model_validator(mode="after")
    def _names_known(self) -> WorkflowModel:
        # every problem at once, so that a workflow is mended in one pass
        states = [s.id for s in self.states]
        problems = [f"tilstanden {s!r} står to gange" for s in _twice(states)]
        problems += [
            f"overgangen {t!r} står to gange" for t in _twice([t.id for t in self.transitions])
        ]
        if self.initial not in states:
            problems.append(f"initial: tilstanden {self.initial!r} findes ikke under states")
        problems += [
            f"counted: tilstanden {c!r} findes ikke under states"
            for c in self.counted
            if c not in states
        ]
        if self.change_requests_from not in (None, *states):
            problems.append(
                f"change_requests_from: tilstanden {self.change_requests_from!r} findes ikke "
                "under states"
            )
        for t in self.transitions:
            for s in (*t.from_, t.to):
                if s not in states:
                    problems.append(
                        f"overgangen {t.id!r}: tilstanden {s!r} findes ikke under states"
                    )
            for c in t.requires:
                if c not in self.conditions:
                    problems.append(
                        f"overgangen {t.id!r}: betingelsen {c!r} findes ikke under conditions"
                    )
        if problems:
            raise ValueError("; ".join(problems))
        return self


class MoneyModel(Model):
    """The currency (ISO 4217), the scale figures are written in, and their decimals."""

    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = "DKK"
    scale: Literal[1, 1000, 1000000] = 1000
    decimals: Annotated[int, Field(ge=0, le=6)] = 0
    label: NonEmpty = "1.000 kr."
    # fixed prices of a year ("2025 p/l") or cash (each year's own prices)
    prices: Literal["fixed", "cash"] = "fixed"


class PeriodsModel(Model):
    """Calendar years (``start_month: 1``) or financial years from the first of a month."""

    start_month: Annotated[int, Field(ge=1, le=12)] = 1


class ApprovalModel(Model):
    kind: NonEmpty
    missing: NonEmpty
    before: NonEmpty


class RequiredConsultationModel(Model):
    when: Literal["digitalisation", "new_it_system", "m2_change", "employer_area"]
    kind: NonEmpty
    text: NonEmpty


class TemplateRulesModel(Model):
    """The template's rules in the body's words (docs/profiles.md)."""

    technical_tables: dict[Literal["A", "B", "C", "D", "E"], NonEmpty] = Field(default_factory=dict)
    table1_total: bool = False  # Tabel 1 prints each row's total over its years
    approval: ApprovalModel | None = None
    consultations: list[RequiredConsultationModel] = Field(default_factory=list)
    wording: dict[str, NonEmpty] = Field(default_factory=dict)
    # the columns of the catalog's summary tables, in order (core.profile.CATALOG_COLUMNS)
    catalog_columns: list[str] = Field(default_factory=list)

    @field_validator("wording")
    @classmethod
    def _known_texts(cls, wording: dict[str, str]) -> dict[str, str]:
        problems = [p for name in wording if (p := wording_problem(name)) is not None]
        if problems:
            raise ValueError("; ".join(problems))
        return wording

    @field_validator("catalog_columns")
    @classmethod
    def _known_columns(cls, columns: list[str]) -> list[str]:
        unknown = [c for c in columns if c not in CATALOG_COLUMNS]
        if unknown:
            raise ValueError(
                f"ukendt kolonne {', '.join(unknown)}; en katalogtabel kan vise "
                f"{', '.join(CATALOG_COLUMNS)}"
            )
        twice = sorted({c for i, c in enumerate(columns) if c in columns[:i]})
        if twice:
            raise ValueError(f"kolonnen {', '.join(twice)} står to gange")
        return columns


class RateBandModel(Model):
    from_: int = Field(alias="from", ge=0, le=1000)  # the first year index of the rate
    rate: Amount


class RateEditionModel(Model):
    start: Date
    reference: NonEmpty
    rates: list[RateBandModel] = Field(min_length=1)

    @model_validator(mode="after")
    def _bands_in_order(self) -> RateEditionModel:
        starts = [b.from_ for b in self.rates]
        if starts[0] != 0:
            raise ValueError(f"rates: den første rente gælder fra år 0 (from: 0), ikke {starts[0]}")
        if any(b <= a for a, b in itertools.pairwise(starts)):
            raise ValueError(f"rates: from skal stige: {starts}")
        if any(b.rate <= -1 for b in self.rates):
            raise ValueError("rates: en rente skal være større end -1")
        return self


class DiscountRatesModel(Model):
    """A discount-rate schedule in dated editions, each a list of (from year index, rate)."""

    label: NonEmpty
    source: NonEmpty
    editions: list[RateEditionModel] = Field(min_length=1)

    @model_validator(mode="after")
    def _dates_once(self) -> DiscountRatesModel:
        if twice := _twice([str(e.start) for e in self.editions]):
            raise ValueError(f"editions: {', '.join(twice)} står to gange")
        return self


class OptimismBiasModel(Model):
    """An upper bound of optimism bias for a kind of project, from a day, with its source."""

    kind: Identifier
    label: NonEmpty
    upper: Annotated[Decimal, BeforeValidator(_amount), AfterValidator(_not_negative)]
    applies_to: Literal["capital", "revenue"] = "capital"
    works_duration: Amount | None = None
    start: Date
    source: NonEmpty


class KeyDecisionModel(Model):
    threshold: Annotated[Decimal, BeforeValidator(_amount), AfterValidator(_positive)]
    source: NonEmpty


class AppraisalSettingsModel(Model):
    """The profile's appraisal settings (docs/format.md, "Appraisal settings")."""

    discount_rates: DiscountRatesModel
    optimism_bias: list[OptimismBiasModel] = Field(default_factory=list)
    key_decision: KeyDecisionModel | None = None

    @model_validator(mode="after")
    def _kinds_once_a_day(self) -> AppraisalSettingsModel:
        pairs = [f"{b.kind} fra {b.start}" for b in self.optimism_bias]
        if twice := _twice(pairs):
            raise ValueError(f"optimism_bias: {', '.join(twice)} står to gange")
        return self


class ProfileModel(Model):
    schema_version: Literal[1]
    id: str
    name: str
    budget_system: str = ""
    language: Literal["da", "en"] = "da"
    money: MoneyModel = MoneyModel()
    periods: PeriodsModel = PeriodsModel()
    template: TemplateRulesModel = TemplateRulesModel()
    administrations: list[AdministrationModel]
    committees: list[CommitteeModel]
    appropriations: list[AppropriationModel] = Field(default_factory=list)
    unit_order: list[str]
    styringsomraader: list[AreaModel]
    default_area: str | None = None
    consultation_kinds: dict[str, str] = Field(default_factory=dict)
    assumptions: list[AssumptionModel] = Field(default_factory=list)
    workflow: WorkflowModel | None = None
    price_index: PriceIndexModel | None = None
    appraisal: AppraisalSettingsModel | None = None

    @model_validator(mode="after")
    def _consistent(self) -> ProfileModel:
        # every contradiction at once, so that a profile is mended in one pass
        problems = [*self._unknown_kinds(), *self._unknown_units(), *self._area_problems()]
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def _unknown_kinds(self) -> Iterator[str]:
        conditions = self.workflow.conditions if self.workflow else {}
        named = [(f"workflow.conditions.{n}", c.kind) for n, c in conditions.items() if c.kind]
        if self.template.approval:
            named.append(("template.approval", self.template.approval.kind))
        named += [
            (f"template.consultations[{i}]", c.kind)
            for i, c in enumerate(self.template.consultations)
        ]
        for where, kind in named:
            if kind not in self.consultation_kinds:
                yield f"{where}: kind {kind!r} findes ikke under consultation_kinds"

    def _unknown_units(self) -> Iterator[str]:
        committees = [c.code for c in self.committees]
        yield from (f"udvalget {c!r} står to gange under committees" for c in _twice(committees))
        for where, rows in (
            ("administrations", self.administrations),
            ("appropriations", self.appropriations),
        ):
            for row in rows:
                if row.committee not in committees:
                    yield (
                        f"{where}: {row.code}: udvalget {row.committee!r} findes ikke under "
                        "committees"
                    )
        units = [*committees, *(a.code for a in self.appropriations)]
        for unit in self.unit_order:
            if unit not in units:
                yield f"unit_order: {unit!r} er hverken et udvalg eller en bevilling"

    def _area_problems(self) -> Iterator[str]:
        areas = [a.code for a in self.styringsomraader]
        if self.default_area is not None and self.default_area not in areas:
            yield f"default_area: {self.default_area!r} findes ikke under styringsomraader"
        roles = [a.role for a in self.styringsomraader if a.role]
        yield from (
            f"styringsomraader: rollen {r!r} er givet to områder; hver rolle har ét område"
            for r in _twice(roles)
        )
        needs = {"D": "capital", "E": "operating"}
        for table, role in needs.items():
            if table in self.template.technical_tables and role not in roles:
                yield (
                    f"template.technical_tables: Tabel {table} fordeler investeringen på "
                    f"området med rollen {role!r}, men intet område under styringsomraader "
                    "har den rolle"
                )
