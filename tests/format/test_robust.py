# SPDX-License-Identifier: MPL-2.0
"""Bad input files (issue 9): each a Danish message naming the file, the proposal, the field
and the line, never a traceback, a hang or a silently wrong figure."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from gevinst.cli.show import render_proposal
from gevinst.core import calc
from gevinst.core.errors import FormatError
from gevinst.format.reader import load_catalog
from gevinst.format.writer import number, to_yaml, write_catalog
from gevinst.format.yamlsource import MAX_FILE_BYTES, YamlError, read_text
from tests.format.bc01 import bc01_catalog, edit, problems
from tests.paths import SEED

# BC01's first line of Tabel 1, as the seed writes it
FIRST = "2025: -149, 2026: -297"


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    return bc01_catalog(tmp_path / "catalog")


def problem(catalog: Path) -> str:
    with pytest.raises(FormatError) as e:
        load_catalog(catalog)
    [found] = e.value.problems
    return str(found)


def at(catalog: Path, line: int, field: str = "") -> str:
    where = f"{catalog / 'proposals' / 'BC01.yaml'}, linje {line}, forslag BC01"
    return f"{where}, felt {field}:" if field else f"{where}:"


# --- the range of a number --------------------------------------------------------------------


@pytest.mark.parametrize("amount", ["-1000000000000000", "10000000000000000", '"1e20"'])
def test_an_amount_outside_the_range_is_refused_at_its_line(catalog: Path, amount: str) -> None:
    line = edit(catalog, FIRST, f"2025: {amount}, 2026: -297")
    message = problem(catalog)
    assert message.startswith(at(catalog, line, "lines[0].amounts[2025]"))
    assert "10^15" in message or "ikke et tal" in message


def test_the_largest_amount_loads_and_is_computed(catalog: Path) -> None:
    edit(catalog, FIRST, "2025: -999999999999999, 2026: -297")
    cat = load_catalog(catalog)
    p = cat.proposal("BC01")
    assert p.line("e1").amounts[2025] == Decimal(-999999999999999)
    # the figures and the text view are computed at the top of the range without a fault
    seed = load_catalog(SEED).proposal("BC01")
    top = Decimal(-999999999999999) - Decimal(-149)
    assert calc.permanent(p)[2025] == calc.permanent(seed)[2025] + top
    assert "999.999.999.999.999" in render_proposal(p, cat.profile)


def test_too_many_decimals_are_refused(catalog: Path) -> None:
    line = edit(catalog, FIRST, '2025: "0,12345678901", 2026: -297')
    assert "mere end 10 decimaler" in problem(catalog)
    assert problem(catalog).startswith(at(catalog, line, "lines[0].amounts[2025]"))


def test_an_integer_of_5000_digits_is_refused_at_its_line(catalog: Path) -> None:
    line = edit(catalog, FIRST, f"2025: -{'1' * 5000}, 2026: -297")
    message = problem(catalog)
    assert message.startswith(at(catalog, line))
    assert "5000 cifre" in message


# --- fractions --------------------------------------------------------------------------------


@pytest.mark.parametrize("written", ['"-1.144"', '"1.144"'])
def test_a_quoted_fraction_that_may_be_thousands_is_refused(catalog: Path, written: str) -> None:
    line = edit(catalog, FIRST, f"2025: {written}, 2026: -297")
    message = problem(catalog)
    assert message.startswith(at(catalog, line, "lines[0].amounts[2025]"))
    whole = written.strip('"').replace(".", "")
    assert f"skriv {whole} for beløbet" in message and "med komma" in message


@pytest.mark.parametrize(
    ("written", "value"), [('"-1,144"', "-1.144"), ('"12.5"', "12.5"), ('"0.125"', "0.125")]
)
def test_an_unambiguous_fraction_is_read(catalog: Path, written: str, value: str) -> None:
    edit(catalog, FIRST, f"2025: {written}, 2026: -297")
    assert load_catalog(catalog).proposal("BC01").line("e1").amounts[2025] == Decimal(value)


def test_the_format_writes_fractions_unmistakably() -> None:
    assert number(Decimal("-1.144")) == "-1,144"
    assert number(Decimal(2) / Decimal(3)) == "2/3"
    assert number(Decimal("1E-7")) == "0,0000001"
    assert number(Decimal("1144")) == 1144


def test_written_fractions_read_back_as_the_same_figures(catalog: Path, tmp_path: Path) -> None:
    edit(catalog, FIRST, '2025: "-1,144", 2026: "2/3"')
    before = load_catalog(catalog)
    write_catalog(before, tmp_path / "again")
    assert load_catalog(tmp_path / "again") == before


# --- numbers written with thousand separators (issue 10, item 6) ------------------------------

# what gevinst says of 70,000 and 1.144 written without quotes: each reading, and its writing
SEVENTY_THOUSAND = (
    "mente du -70000 (komma mellem tusinder), så skriv -70000; mente du decimaltallet -70,000 "
    '(komma som decimaltegn), så skriv "-70,000" i anførselstegn'
)
ONE_POINT = (
    "1.144 er skrevet som et decimaltal uden anførselstegn, altså 1,144; mente du 1144 (punktum "
    'som tusindtalsprik), så skriv 1144; mente du decimaltallet 1,144, så skriv "1,144" i '
    "anførselstegn"
)


def test_a_comma_in_a_flow_mapping_is_not_a_key(catalog: Path) -> None:
    # YAML reads {2025: -70,000} as -70 and a key 000 with no value
    line = edit(catalog, FIRST, "2025: -70,000, 2026: -297")
    assert problem(catalog) == (
        f"{at(catalog, line, 'lines[0].amounts[2025]')} -70,000 uden anførselstegn læser YAML "
        f"som -70 og en nøgle 000; {SEVENTY_THOUSAND}"
    )


def test_two_commas_in_one_mapping_are_not_a_key_given_twice(catalog: Path) -> None:
    line = edit(catalog, FIRST, "2025: -70,000, 2026: -70,000")
    said = problems(catalog)
    assert [p.split(": ", 1)[0] for p in said] == [
        at(catalog, line, f"lines[0].amounts[{year}]").removesuffix(":") for year in (2025, 2026)
    ]
    assert not [p for p in said if "står to gange" in p or "000" in p.split(": ", 1)[0]]


def test_commas_between_millions_are_one_reading(catalog: Path) -> None:
    line = edit(catalog, FIRST, "2025: -1,144,000, 2026: -297")
    assert problem(catalog) == (
        f"{at(catalog, line, 'lines[0].amounts[2025]')} -1,144,000 uden anførselstegn læser YAML "
        "som -1 og nøglerne 144 og 000; mente du -1144000 (kommaer mellem tusinder), så skriv "
        "-1144000"
    )


def test_a_decimal_comma_in_a_flow_mapping_is_said_to_be_quoted(catalog: Path) -> None:
    line = edit(catalog, FIRST, "2025: 0,5, 2026: -297")
    assert problem(catalog) == (
        f"{at(catalog, line, 'lines[0].amounts[2025]')} 0,5 uden anførselstegn læser YAML som 0 og "
        'en nøgle 5; mente du decimaltallet 0,5 (komma som decimaltegn), så skriv "0,5" i '
        "anførselstegn"
    )


def test_a_comma_in_block_style_is_not_read_as_a_decimal_comma(catalog: Path) -> None:
    # the text "-70,000" was read as -70 with a Danish decimal comma, without a word
    old = "amounts: {2024: 0, 2025: -149, 2026: -297, 2027: -297, 2028: -297, 2029: -297}"
    line = edit(catalog, old, "amounts:\n      2025: -70,000\n      2026: -297") + 1
    assert problem(catalog) == (
        f"{at(catalog, line, 'lines[0].amounts[2025]')} -70,000 er skrevet uden anførselstegn; "
        f"{SEVENTY_THOUSAND}"
    )


def test_a_point_in_an_amount_has_both_readings(catalog: Path) -> None:
    line = edit(catalog, FIRST, "2025: 1.144, 2026: -297")
    assert problem(catalog) == f"{at(catalog, line, 'lines[0].amounts[2025]')} {ONE_POINT}"


@pytest.mark.parametrize(
    ("old", "new", "field", "said"),
    [
        # a stated table's row
        (
            "varig: {2024: 0, 2025: -297, 2026: -1144,",
            "varig: {2024: 0, 2025: -297, 2026: -1,144,",
            "stated.1.varig[2026]",
            "-1,144 uden anførselstegn læser YAML som -1 og en nøgle 144; mente du -1144 (komma "
            "mellem tusinder), så skriv -1144; mente du decimaltallet -1,144 (komma som "
            'decimaltegn), så skriv "-1,144" i anførselstegn',
        ),
        # a key's weight
        (
            "weights: {BIF: 154,",
            "weights: {BIF: 1,154,",
            "keys.ledere.weights.BIF",
            "1,154 uden anførselstegn læser YAML som 1 og en nøgle 154; mente du 1154 (komma "
            "mellem tusinder), så skriv 1154; mente du decimaltallet 1,154 (komma som "
            'decimaltegn), så skriv "1,154" i anførselstegn',
        ),
        ("weights: {BIF: 154,", "weights: {BIF: 1.144,", "keys.ledere.weights.BIF", ONE_POINT),
        # a basis table's cell, where a decimal is as likely
        (
            "values: {Værdi: 68500,",
            "values: {Værdi: 68,500,",
            "basis[2].rows[0].values.Værdi",
            "68,500 uden anførselstegn læser YAML som 68 og en nøgle 500; mente du 68500 (komma "
            "mellem tusinder), så skriv 68500; mente du decimaltallet 68,500 (komma som "
            'decimaltegn), så skriv "68,500" i anførselstegn',
        ),
        (
            "values: {Værdi: 68500,",
            "values: {Værdi: 1.144,",
            "basis[2].rows[0].values.Værdi",
            ONE_POINT,
        ),
        # an effect's parameter: one message, not also "skal være en liste"
        (
            "        value: 594\n        assumed: true\n        source: >-\n"
            "          Prisen på et specialist-årsværk er ikke trykt; 594",
            "        value: 1,144\n        assumed: true\n        source: >-\n"
            "          Prisen på et specialist-årsværk er ikke trykt; 594",
            "effects[0].params.price.value",
            "1,144 er skrevet uden anførselstegn; mente du 1144 (komma mellem tusinder), så skriv "
            '1144; mente du decimaltallet 1,144 (komma som decimaltegn), så skriv "1,144" i '
            "anførselstegn",
        ),
        (
            'fte: {value: "0.5"',
            "fte: {value: 0.5",
            "effects[0].params.fte.value",
            "0.5 er skrevet som et decimaltal uden anførselstegn; skriv et decimaltal i "
            'anførselstegn med komma: "0,5"',
        ),
    ],
)
def test_each_kind_of_amount_says_what_was_meant(
    catalog: Path, old: str, new: str, field: str, said: str
) -> None:
    line = edit(catalog, old, new)
    assert problem(catalog) == f"{at(catalog, line, field)} {said}"


def test_commas_in_a_flow_list_are_one_number_or_two(catalog: Path) -> None:
    line = edit(catalog, "value: [68500, 4000]", "value: [68,500, 4,000]")
    first, second = (at(catalog, line, f"effects[2].params.cases.value[{i}]") for i in (0, 1))
    assert problems(catalog) == [
        f"{first} 68,500 uden anførselstegn læser YAML som to tal, 68 og "
        "500; mente du 68500 (komma mellem tusinder), så skriv 68500; mente du decimaltallet "
        '68,500 (komma som decimaltegn), så skriv "68,500" i anførselstegn; mente du to tal, så '
        "skriv et mellemrum efter kommaet: 68, 500",
        f"{second} 4,000 uden anførselstegn læser YAML som to tal, 4 og 0; "
        "mente du 4000 (komma mellem tusinder), så skriv 4000; mente du decimaltallet 4,000 (komma "
        'som decimaltegn), så skriv "4,000" i anførselstegn; mente du to tal, så skriv et '
        "mellemrum efter kommaet: 4, 000",
    ]


def test_a_list_written_without_spaces_is_read_as_before(catalog: Path) -> None:
    # [1,3]: a comma followed by fewer than three digits cannot separate thousands
    edit(catalog, "value: [1, 3]", "value: [1,3]")
    edit(catalog, "value: [68500, 4000]", "value: [68500,4000]")
    assert load_catalog(catalog).proposal("BC01") == load_catalog(SEED).proposal("BC01")


def test_a_catalog_row_says_what_was_meant(catalog: Path) -> None:
    table = """\
tables:
  - id: catalog-1
    title: Tabel 1
    years: [2025, 2026]
    groups:
      - committee: Økonomiudvalget
        rows:
          - {proposal: BC01, label: Ferie, effect: {2025: 297, 2026: 1,144}, investment: 4.250}
"""
    path = catalog / "catalog.yaml"
    path.write_text(path.read_text(encoding="utf-8") + table, encoding="utf-8")
    line = len(path.read_text(encoding="utf-8").splitlines())
    where = f"{path}, linje {line}, felt tables[0].groups[0].rows[0]"
    assert problems(catalog) == [
        f"{where}.effect[2026]: 1,144 uden anførselstegn læser YAML som 1 og en nøgle 144; mente "
        "du 1144 (komma mellem tusinder), så skriv 1144; mente du decimaltallet 1,144 (komma som "
        'decimaltegn), så skriv "1,144" i anførselstegn',
        f"{where}.investment: 4.250 er skrevet som et decimaltal uden anførselstegn, altså 4,250; "
        "mente du 4250 (punktum som tusindtalsprik), så skriv 4250; mente du decimaltallet 4,250, "
        'så skriv "4,250" i anførselstegn',
    ]


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ('"-70 000"', "'-70 000' er skrevet med tegn mellem tusinder; skriv -70000"),
        ('"1,144,000"', "'1,144,000' er skrevet med tegn mellem tusinder; skriv 1144000"),
        ('"12.500.000"', "'12.500.000' er skrevet med tegn mellem tusinder; skriv 12500000"),
        ('"1.144,5"', "'1.144,5' er skrevet med tegn mellem tusinder; skriv \"1144,5\""),
        ('"1,144.5"', "'1,144.5' er skrevet med tegn mellem tusinder; skriv \"1144,5\""),
        ("12.500.000", "'12.500.000' er skrevet med tegn mellem tusinder; skriv 12500000"),
    ],
)
def test_separated_thousands_are_said_plainly(catalog: Path, written: str, said: str) -> None:
    line = edit(catalog, FIRST, f"2025: {written}, 2026: -297")
    assert problem(catalog) == f"{at(catalog, line, 'lines[0].amounts[2025]')} {said}"


def test_in_quotes_a_comma_is_the_decimal_comma(catalog: Path) -> None:
    # the format's rule (docs/format.md, "Numbers"): "70,000" is seventy, as the writer writes it
    edit(catalog, FIRST, '2025: "-70,000", 2026: "-70000"')
    amounts = load_catalog(catalog).proposal("BC01").line("e1").amounts
    assert (amounts[2025], amounts[2026]) == (Decimal(-70), Decimal(-70000))


def test_a_claim_figure_split_by_yaml_is_said(catalog: Path) -> None:
    # a claim's figure is a text as the prose writes it: "1262,6", never 1262 and a key 6
    line = edit(catalog, 'value: "1262,6", unit: timer', "value: 1262,6, unit: timer")
    assert problem(catalog) == (
        f"{at(catalog, line, 'claims[2].value')} 1262,6 uden anførselstegn læser YAML som 1262 og "
        'en nøgle 6; skriv tallet i anførselstegn, som teksten skriver det: "1262,6"'
    )


def test_the_writer_quotes_a_fraction_that_would_read_as_thousands() -> None:
    # unquoted, -1,144 in block style is refused as a thousand separator or a decimal comma
    assert to_yaml({"a": {2025: "-1,144", 2026: "12,5"}}) == "a:\n  2025: '-1,144'\n  2026: 12,5\n"


# --- years, keys and dates --------------------------------------------------------------------


@pytest.mark.parametrize("second", ['"2025": -1', "2025.0: -1", "+2025: -1"])
def test_a_year_given_twice_in_two_spellings_is_refused(catalog: Path, second: str) -> None:
    line = edit(catalog, FIRST, f"2025: -149, {second}, 2026: -297")
    message = problem(catalog)
    assert message.startswith(at(catalog, line)) and "står to gange" in message


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("price_level: 2025", "price_level: -1", "price_level"),
        (FIRST, "-2025: -149, 2026: -297", "lines[0].amounts"),
        (FIRST, "2025.0: -149, 2026: -297", "lines[0].amounts"),
    ],
)
def test_a_year_that_is_no_year_is_refused(catalog: Path, old: str, new: str, field: str) -> None:
    line = edit(catalog, old, new)
    message = problem(catalog)
    assert message.startswith(at(catalog, line, field)[:-1]), message
    assert "1900-2199" in message or "ikke et årstal" in message


@pytest.mark.parametrize("date", ["2024-02-30", "2024-13-45", "2024-03-01"])
def test_a_date_in_a_title_is_text(catalog: Path, date: str) -> None:
    edit(catalog, "title: Samlet ferieløsning i Serviceportalen", f"title: {date}")
    assert load_catalog(catalog).proposal("BC01").title == date


@pytest.mark.parametrize("date", ["2024-02-30", "2024-13-45"])
def test_an_impossible_date_is_refused_where_a_date_is_read(catalog: Path, date: str) -> None:
    line = edit(catalog, "dates: [2024-03-18,", f"dates: [{date},")
    message = problem(catalog)
    assert message.startswith(at(catalog, line, "consultations[0].dates[0]"))
    assert f"'{date}' er ikke en gyldig dato" in message


# --- structure ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    # closed, within libyaml's limit of 1.000 levels and past Python's recursion; unclosed
    "nested",
    ["[" * 41 + "]" * 41, "[" * 300 + "]" * 300, "[" * 5000],
)
def test_deep_nesting_is_refused_at_its_line(catalog: Path, nested: str) -> None:
    line = edit(catalog, "title: Samlet ferieløsning i Serviceportalen", "title: " + nested)
    message = problem(catalog)
    assert message.startswith(at(catalog, line)) and "indlejret mere end 40 niveauer" in message


# --- files -------------------------------------------------------------------------------------


def test_a_named_pipe_is_refused_without_blocking(catalog: Path) -> None:
    path = catalog / "proposals" / "BC01.yaml"
    path.unlink()
    os.mkfifo(path)
    assert "ikke en almindelig fil" in problem(catalog)


def test_a_link_to_a_device_is_refused_without_reading_it(catalog: Path) -> None:
    path = catalog / "proposals" / "BC01.yaml"
    path.unlink()
    path.symlink_to("/dev/zero")
    assert "filen er et link ud af katalogmappen (til /dev/zero)" in problem(catalog)
    # a device is refused wherever it is read, a link or not
    with pytest.raises(YamlError, match="ikke en almindelig fil"):
        read_text(path)


def test_a_file_over_the_size_limit_is_refused(catalog: Path) -> None:
    with (catalog / "proposals" / "BC01.yaml").open("a", encoding="utf-8") as f:
        f.write("#" * MAX_FILE_BYTES)
    assert "højst 10.485.760 læses" in problem(catalog)


def test_a_link_out_of_the_catalog_folder_is_refused(catalog: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    path = catalog / "proposals" / "BC01.yaml"
    path.rename(outside)
    path.symlink_to(outside)
    message = problem(catalog)
    assert message.startswith(f"{path}, forslag BC01: filen er et link ud af katalogmappen")


def test_a_link_inside_the_catalog_folder_is_read(catalog: Path) -> None:
    path = catalog / "proposals" / "BC01.yaml"
    path.rename(catalog / "BC01-kilde.yaml")
    path.symlink_to(catalog / "BC01-kilde.yaml")
    assert load_catalog(catalog).proposal("BC01").id == "BC01"


def test_yaml_aliases_are_refused_before_they_multiply(catalog: Path) -> None:
    # ten aliases of ten aliases: 10^11 values to check, a hang before aliases were refused
    laughs = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    laughs += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 12)]
    (catalog / "proposals" / "BC01.yaml").write_text("\n".join(laughs), encoding="utf-8")
    assert "gevinst læser ikke YAML-aliaser" in problem(catalog)


@pytest.mark.parametrize(
    ("old", "new", "danish"),
    [
        ("type: investering", "type: a: b", "et kolon og mellemrum (': ') inde i en værdi"),
        ("type: investering", "type: 'investering", "indrykningen passer ikke"),
        ("type: investering", "type: !!str [a]", "forventede en enkelt værdi"),
        ("type: investering", "type: investering\n---", "filen holder mere end ét YAML-dokument"),
    ],
)
def test_a_yaml_error_is_told_in_danish(catalog: Path, old: str, new: str, danish: str) -> None:
    edit(catalog, old, new)
    message = problem(catalog)
    assert "ikke gyldig YAML: " + danish in message


@pytest.mark.parametrize(
    ("old", "new", "field", "danish"),
    [
        ("title: Samlet ferieløsning i Serviceportalen\n", "", "title", "feltet mangler"),
        ("type: investering", "type: investment", "type", "skal være 'investering' eller"),
        ("type: investering", "type: investering\ntypo: 1", "typo", "ukendt felt"),
        ("confidential: false", "confidential: maybe", "confidential", "true eller false"),
        ("years: [2024", "years: [x", "years[0]", "ikke et årstal"),
        ("title: Samlet ferieløsning i Serviceportalen", "title: [a]", "title", "en tekst"),
    ],
)
def test_a_schema_error_is_told_in_danish(
    catalog: Path, old: str, new: str, field: str, danish: str
) -> None:
    edit(catalog, old, new)
    message = problem(catalog)
    assert f"felt {field}: " in message and danish in message, message


def test_a_quoted_number_of_two_million_digits_is_refused_briefly(catalog: Path) -> None:
    line = edit(catalog, FIRST, f'2025: "{"9" * 2_000_000}", 2026: -297')
    message = problem(catalog)
    assert message.startswith(at(catalog, line, "lines[0].amounts[2025]"))
    assert "(2000000 tegn) er uden for det tilladte område" in message and len(message) < 400


@pytest.mark.parametrize("key", ['"1e999999999"', '"1' + "0" * 1000 + '"'])
def test_a_key_that_is_a_huge_number_is_refused_not_overflowed(catalog: Path, key: str) -> None:
    line = edit(catalog, FIRST, f"{key}: -149, 2026: -297")
    assert problem(catalog).startswith(at(catalog, line, "lines[0].amounts")[:-1])


def test_a_zero_with_many_decimals_is_a_zero(catalog: Path) -> None:
    edit(catalog, FIRST, '2025: "0,000000000000000", 2026: -297')
    assert load_catalog(catalog).proposal("BC01").line("e1").amounts[2025] == 0


def test_every_fraction_the_format_reads_is_written_back_exactly() -> None:
    # the largest denominator read: the writer finds the fraction again
    assert number(Decimal(1) / Decimal(999_999)) == "1/999999"
    assert number(Decimal(-7) / Decimal(1_000_000)) == "-0,000007"


def test_a_fraction_with_a_larger_denominator_is_refused(catalog: Path) -> None:
    line = edit(catalog, FIRST, '2025: "1/1000001", 2026: -297')
    assert problem(catalog).startswith(at(catalog, line, "lines[0].amounts[2025]"))
    assert "nævneren må højst være 1.000.000" in problem(catalog)


@pytest.mark.parametrize(
    ("tagged", "message"),
    [
        ("!!timestamp 2024-02-30", "YAML-mærket 'timestamp' læses ikke"),
        ("!!python/name:os.system x", "YAML-mærket 'python/name:os.system' læses ikke"),
        ("!!set {a, b}", "YAML-mærket 'set' læses ikke"),
        ("!!int 0x1F", "'0x1F' er ikke et helt tal"),
        ("!!bool maybe", "'maybe' er hverken true eller false"),
    ],
)
def test_a_tagged_value_is_refused_with_its_line(catalog: Path, tagged: str, message: str) -> None:
    line = edit(catalog, "type: investering", f"type: {tagged}")
    assert problem(catalog).startswith(at(catalog, line)) and message in problem(catalog)


def test_a_merge_key_is_refused(catalog: Path) -> None:
    line = edit(catalog, "type: investering", "type: investering\n<<: {confidential: true}")
    assert problem(catalog).startswith(at(catalog, line + 1))
    assert "YAML-mærket 'merge' læses ikke" in problem(catalog)


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("type: invest\x00ering", "filen holder styretegnet #x0000"),
        ("type:\n\t- investering", "en tabulator i indrykningen"),
    ],
)
def test_a_control_character_or_a_tab_is_named_with_its_line(
    catalog: Path, new: str, message: str
) -> None:
    line = edit(catalog, "type: investering", new)
    found = problem(catalog)
    assert found.startswith(at(catalog, line)) or found.startswith(at(catalog, line + 1))
    assert message in found


def test_a_profile_named_with_a_nul_character_is_refused_with_its_name(tmp_path: Path) -> None:
    """No file can have such a name: the catalog is refused with a message, not a crash."""
    catalog = bc01_catalog(tmp_path / "catalog")
    path = catalog / "catalog.yaml"
    path.write_text(path.read_text(encoding="utf-8") + 'profile: "k\\0k.yaml"\n', encoding="utf-8")
    assert problems(catalog) == [
        f"{catalog / 'k'}\x00k.yaml: filen kan ikke læses: navnet indeholder et NUL-tegn"
    ]
