# SPDX-License-Identifier: MPL-2.0
from decimal import ROUND_FLOOR, Decimal

from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.distribute import apportion, distribute, round_to, round_whole

D = Decimal

BC01_KEY = {
    "ØKF": D(189),
    "KFF": D(93),
    "BUF": D(102),
    "SUF": D(48),
    "SOF": D(172),
    "TMF": D(123),
    "BIF": D(154),
}


def test_bc01_2026_split_of_550_matches_its_tabel_a() -> None:
    # BC01 Tabel A, 2026: ØU -118, KFU -58, BUU -64, SOU -30, SU -107, TMU -77, BIU -96
    assert distribute(D(-550), BC01_KEY) == {
        "ØKF": D(-118),
        "KFF": D(-58),
        "BUF": D(-64),
        "SUF": D(-30),
        "SOF": D(-107),
        "TMF": D(-77),
        "BIF": D(-96),
    }


def test_bc02_net_income_split_by_tenancy_gives_the_missing_unit_to_kff() -> None:
    # exact shares 306,3 / 76,2 / 101,2 / 78,2 floor to 561; the largest remainder is KFF's
    split = distribute(
        D(-562), {"KFF": D(306376), "SOF": D(76220), "BUF": D(101271), "ØKF": D(78258)}
    )
    assert split == {"KFF": D(-307), "SOF": D(-76), "BUF": D(-101), "ØKF": D(-78)}


def test_equal_split_ties_go_to_the_first_party() -> None:
    assert distribute(D(1), {"a": D(1), "b": D(1)}) == {"a": D(1), "b": D(0)}
    assert distribute(D(5), {"a": D(1), "b": D(1)}) == {"a": D(3), "b": D(2)}


def test_mixed_signs_are_apportioned_to_the_rounded_sum() -> None:
    parts = apportion({"a": D("-367.4"), "b": D("61.1"), "c": D("-0.4")})
    assert sum(parts.values()) == D(-307)


weights = st.dictionaries(
    st.sampled_from(["ØU", "KFU", "BUU", "SOU", "SU", "TMU", "BIU"]),
    st.integers(min_value=0, max_value=10**6).map(Decimal),
    min_size=1,
).filter(lambda w: sum(w.values()) > 0)
totals = st.decimals(min_value=-(10**7), max_value=10**7, places=3, allow_nan=False)


@given(totals, weights)
def test_parts_add_up_to_the_rounded_total(total: Decimal, w: dict[str, Decimal]) -> None:
    assert sum(distribute(total, w).values()) == round_whole(total)


@given(totals, weights)
def test_each_part_is_within_one_of_its_exact_share(total: Decimal, w: dict[str, Decimal]) -> None:
    whole = round_whole(total)
    for party, part in distribute(total, w).items():
        exact = whole * w[party] / sum(w.values())
        assert abs(part - exact) < 1
        assert part == part.to_integral_value()


@given(totals, weights)
def test_a_saving_splits_as_the_mirror_of_a_cost(total: Decimal, w: dict[str, Decimal]) -> None:
    assert distribute(-total, w) == {k: -v for k, v in distribute(total, w).items()}


@given(totals, weights)
def test_zero_weight_gets_nothing(total: Decimal, w: dict[str, Decimal]) -> None:
    w = {**w, "Intern Revision": D(0)}
    assert distribute(total, w)["Intern Revision"] == 0


def test_ties_from_several_lines_go_to_the_first_in_the_key() -> None:
    # three parties with a true remainder of 2/3 each, from shares summed over two lines;
    # division noise in the 28th digit must not decide who gets the two missing units
    third = D(1) / D(3)
    exact = {"ØU": third + third, "SU": D(2) + third + third, "TMU": third + third}
    assert apportion(exact) == {"ØU": D(1), "SU": D(3), "TMU": D(0)}


def test_a_sum_that_rounds_to_zero_still_mirrors() -> None:
    a = apportion({"a": D("-0.6"), "b": D("0.4")})
    b = apportion({"a": D("0.6"), "b": D("-0.4")})
    assert a == {k: -v for k, v in b.items()}


def test_round_to_is_half_away_from_zero() -> None:
    assert round_to(D("55.65"), D("0.1")) == D("55.7")
    assert round_to(D("-55.65"), D("0.1")) == D("-55.7")


# --- at a quantum: the profile's smallest figure (0,1 for mio. kr. with one decimal) ----------

QUANTA = st.sampled_from([D(1), D("0.1"), D("0.01"), D("0.001")])
# exact parts as a key's shares give them: several parties, mixed signs, many decimals
exact_parts = st.dictionaries(
    st.sampled_from(["ØU", "KFU", "BUU", "SOU", "SU", "TMU", "BIU"]),
    st.decimals(min_value=-(10**5), max_value=10**5, places=6, allow_nan=False),
    min_size=1,
)


def _whole_units_before(exact: dict[str, Decimal]) -> dict[str, Decimal]:
    """The rule as it was before the quantum (largest remainder in whole units, copied from
    the commit before), to hold quantum 1 to it digit for digit."""
    total = sum(exact.values(), D(0)).quantize(D("1e-12"))
    whole = round_whole(total)
    if total < 0:
        return {k: -v for k, v in _whole_units_before({k: -v for k, v in exact.items()}).items()}
    parts = {k: v.to_integral_value(rounding=ROUND_FLOOR) for k, v in exact.items()}
    missing = int(whole - sum(parts.values(), D(0)))
    order = list(exact)
    by_remainder = sorted(
        order, key=lambda k: (-(exact[k] - parts[k]).quantize(D("1e-12")), order.index(k))
    )
    for k in by_remainder[:missing]:
        parts[k] += 1
    return parts


def test_p2_in_tenths_of_millions_gives_every_committee_its_share() -> None:
    # P2's -1,4 mio. kr. by invoices (ØA 1200, BSF 2600, SSF 1900, ÆO 1500, TMF 2100, KFF 900,
    # JC 400): in whole units one committee got -1 and the rest 0; in tenths each its share
    key = {
        "ØU": D(1200),
        "BSU": D(2600),
        "SSU": D(1900),
        "ÆU": D(1500),
        "TMU": D(2100),
        "KFU": D(900),
        "BU": D(400),
    }
    split = distribute(D("-1.4"), key, D("0.1"))
    assert split == {
        "ØU": D("-0.2"),
        "BSU": D("-0.3"),
        "SSU": D("-0.2"),
        "ÆU": D("-0.2"),
        "TMU": D("-0.3"),
        "KFU": D("-0.1"),
        "BU": D("-0.1"),
    }
    assert distribute(D("-1.4"), key) == {**dict.fromkeys(key, D(0)), "BSU": D(-1)}


@given(exact_parts, QUANTA)
def test_parts_at_a_quantum_add_up_to_the_total_rounded_at_it(
    exact: dict[str, Decimal], quantum: Decimal
) -> None:
    assert sum(apportion(exact, quantum).values()) == round_to(sum(exact.values(), D(0)), quantum)


@given(exact_parts, QUANTA)
def test_each_part_is_within_one_quantum_of_its_exact_share(
    exact: dict[str, Decimal], quantum: Decimal
) -> None:
    for party, part in apportion(exact, quantum).items():
        assert abs(part - exact[party]) < quantum
        assert part % quantum == 0


@given(totals, weights, QUANTA)
def test_a_split_at_a_quantum_is_the_whole_split_counted_in_quanta(
    total: Decimal, w: dict[str, Decimal], quantum: Decimal
) -> None:
    """0,1 mio. kr. split as 1 hundred-thousand would be: the rule does not depend on the scale."""
    in_quanta = distribute(total / quantum, w)
    assert distribute(total, w, quantum) == {k: v * quantum for k, v in in_quanta.items()}


@given(exact_parts)
def test_quantum_one_is_the_whole_unit_split_as_before(exact: dict[str, Decimal]) -> None:
    before = _whole_units_before(exact)
    for split in (apportion(exact), apportion(exact, D(1))):
        assert split == before
        assert [str(v) for v in split.values()] == [str(v) for v in before.values()]
