# SPDX-License-Identifier: MPL-2.0
"""Targets (måltal): which proposals count, targets set per committee or shared out, the
achieved effect and the manko; Forslag 7's Tabel 4 reproduced from the seed."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.check import check_proposal
from gevinst.core.errors import InputError
from gevinst.core.model import Catalog, Shares, Target, TargetRole
from gevinst.core.series import Series
from gevinst.core.targets import MUNICIPALITY, Account, Prices, account, committee_targets, counted
from gevinst.format.reader import load_profile

D = Decimal
PROFILE = load_profile("kk")


def _prices(seed: Catalog) -> Prices:
    index = seed.profile.price_index
    assert index is not None
    return Prices(index, index.edition())


def _account(seed: Catalog, target: Target, **kw: object) -> Account:
    ids = counted(seed, {})
    proposals = [p for p in seed.proposals if p.id in ids]
    return account(target, proposals, seed.profile, _prices(seed), **kw)  # type: ignore[arg-type]


def _figures(a: Account) -> dict[str | None, tuple[Decimal | None, Decimal, Decimal | None]]:
    year = a.years[0]
    return {
        r.committee: (
            None if r.target is None else r.target[year],
            r.achieved[year],
            None if r.manko is None else r.manko[year],
        )
        for r in (*a.rows, a.total)
    }


def test_forslag_7s_tabel_4_is_reproduced(seed: Catalog) -> None:
    """Target -41.920 (2025 p/l, Service), achieved -43.142, manko -1.222: "43,1 mio. kr. på
    service ... overstiger måltallet på 41,9 mio. kr." The committees' achieved effects are
    Tabel 3's Service rows; the seed sets no target per committee."""
    (target,) = seed.targets
    a = _account(seed, target)
    assert a.years == (2025,) and a.price_level == 2025 and a.counted == ("F7",)
    assert a.total.committee is None and a.total.name == MUNICIPALITY
    assert _figures(a) == {
        "ØU": (None, D(-3368), None),
        "KFU": (None, D(-1944), None),
        "BUU": (None, D(-15422), None),
        "SOU": (None, D(-12040), None),
        "SU": (None, D(-6292), None),
        "TMU": (None, D(-2454), None),
        "BIU": (None, D(-1614), None),  # Service only: its -422 on Efterspørgselsstyret is not
        "Borgerrådgiveren": (None, D(-3), None),
        "Intern Revision": (None, D(-5), None),
        None: (D(-41920), D(-43142), D(-1222)),
    }
    # the figures F7's Tabel 4 states
    f7 = seed.proposal("F7").targets
    assert f7 is not None
    assert (f7.target[2025], f7.achieved[2025], f7.stated_manko[2025]) == (  # type: ignore[index]
        a.total.target[2025],  # type: ignore[index]
        a.total.achieved[2025],
        a.total.manko[2025],  # type: ignore[index]
    )
    assert a.total.met(2025) is True and a.rows[0].met(2025) is None
    assert a.conversions == ()


def test_the_seed_counts_what_the_catalog_records_as_approved_earlier(seed: Catalog) -> None:
    """Tabel 2's proposals were approved with OFS 23-24, Budget 2024 or by ØU; Tabel 1's
    BC01 and BC02 are to be approved with Budget 2025, the catalog's own round."""
    assert counted(seed, {}) == ("F1", "F2", "F3", "F4", "F5", "F6", "F7")


def test_the_lifecycle_decides_for_a_proposal_it_has_moved(seed: Catalog) -> None:
    states = {"BC01": "approved_committees", "F2": "withdrawn", "F3": "in_budget"}
    assert counted(seed, states) == ("BC01", "F1", "F3", "F4", "F5", "F6", "F7")
    assert "BC02" not in counted(seed, {"BC02": "approved_cfo"})  # not yet the committees'


def test_without_a_workflow_only_the_catalog_counts(seed: Catalog) -> None:
    bare = replace(seed, profile=replace(seed.profile, workflow=None))
    assert counted(bare, {"BC01": "approved_committees"}) == counted(seed, {})


def _all(**kw: object) -> Target:
    base = {"id": "t", "label": "Måltal", "source": "test", "price_level": 2025, "area": "Service"}
    return Target(**{**base, **kw})  # type: ignore[arg-type]


def test_a_target_per_committee_with_f3_converted_to_2025_p_l(seed: Catalog) -> None:
    """Every counted proposal on Service; F3 (2024 p/l) is converted line by line, so SU
    gets F3's -1.000 at 2025 p/l, -1.048, besides F2's and F7's."""
    t = _all(committees={"SU": Series({2025: D(-8000)}), "SOF": Series({2025: D(-500)})})
    a = _account(seed, t)
    (conv,) = a.conversions
    assert (conv.proposal, conv.from_level, conv.to_level) == ("F3", 2024, 2025)
    su = next(r for r in a.rows if r.committee == "SU")
    assert su.target == Series({2025: D(-8500)})  # SU named and SOF for it
    f3_only = _account(seed, _all(proposals=("F3",), committees={"SU": Series({2025: D(0)})}))
    (f3_su,) = [r for r in f3_only.rows if r.committee == "SU"]
    assert f3_su.achieved[2025] == D(-1048)
    assert su.target is not None and su.manko == su.achieved - su.target
    # the whole municipality: the sum of the committees' targets
    assert a.total.target == Series({2025: D(-8500)})
    assert a.total.achieved[2025] == sum(r.achieved[2025] for r in a.rows)


def test_a_municipality_target_shared_out_by_the_shares(seed: Catalog) -> None:
    shares = Shares("test: andel af serviceudgifterne", {"BUF": D(3), "SUF": D(2), "ØU": D(1)})
    t = _all(total=Series({2025: D(-1000), 2026: D(-2000)}), shares=shares)
    targets = committee_targets(t, seed.profile)
    assert {c: dict(s) for c, s in targets.items()} == {
        "BUU": {2025: D(-500), 2026: D(-1000)},
        "SOU": {2025: D(-333), 2026: D(-667)},
        "ØU": {2025: D(-167), 2026: D(-333)},
    }
    a = _account(seed, t)
    assert a.total.target == Series({2025: D(-1000), 2026: D(-2000)})
    assert a.years == (2025, 2026)
    ku = next(r for r in a.rows if r.committee == "KFU")
    assert ku.target is None and ku.manko is None  # a committee without a share


@given(
    st.integers(-(10**7), 0),
    st.dictionaries(
        st.sampled_from(["BUF", "SUF", "SOF", "TMF", "ØKF"]), st.integers(0, 1000), min_size=1
    ).filter(lambda w: any(w.values())),
)
def test_shared_out_targets_add_up_to_the_total(total: int, weights: dict[str, int]) -> None:
    shares = Shares("t", {k: D(v) for k, v in weights.items()})
    parts = committee_targets(_all(total=Series({2025: D(total)}), shares=shares), PROFILE)
    assert sum(s[2025] for s in parts.values()) == total


def test_a_price_level_asked_for_converts_the_target_and_every_proposal(seed: Catalog) -> None:
    (target,) = seed.targets
    a = _account(seed, target, price_level=2024)
    assert a.price_level == 2024
    assert a.total.target == Series({2025: D(-40000)}, 2024)  # the decision: 40 mio. kr.
    assert [(c.proposal, c.from_level, c.to_level) for c in a.conversions] == [("F7", 2025, 2024)]


def test_without_an_index_a_conversion_is_refused(seed: Catalog) -> None:
    t = _all(committees={"SU": Series({2025: D(-1)})})
    with pytest.raises(InputError, match=r"forslag F3 \(2024 p/l\) skal omregnes til 2025 p/l"):
        account(t, list(seed.proposals), seed.profile, Prices(None, None))


def test_the_check_compares_tabel_4s_achieved_with_the_lines(seed: Catalog) -> None:
    """F7's stated -43.142 on Service is its lines' permanent change on Service: nothing
    found; a changed figure is."""
    f7 = seed.proposal("F7")
    assert not [f for f in check_proposal(f7, seed.profile) if f.rule == "target-achieved"]
    t = f7.targets
    assert t is not None
    rows = tuple(
        replace(r, values=Series({2025: D(-43000)})) if r.role is TargetRole.ACHIEVED else r
        for r in t.rows
    )
    changed = replace(f7, targets=replace(t, rows=rows))
    (found,) = [f for f in check_proposal(changed, seed.profile) if f.rule == "target-achieved"]
    assert found.message == (
        "Opnået effekt (måltalsopgørelsen, Service), 2025: angivet -43.000, beregnet -43.142 "
        "(forskel 142; " + found.message.split("; ", 1)[1]
    )
    assert (found.proposal, found.year, found.stated, found.computed) == (
        "F7",
        2025,
        D(-43000),
        D(-43142),
    )


def test_a_year_a_committee_has_no_target_for_is_blank_not_zero(seed: Catalog) -> None:
    t = _all(committees={"SU": Series({2025: D(-10)}), "BUU": Series({2026: D(-20)})})
    a = _account(seed, t)
    assert a.years == (2025, 2026)
    su = next(r for r in a.rows if r.committee == "SU")
    assert su.figures(2026) == (None, su.achieved[2026], None) and su.met(2026) is None
    assert su.figures(2025) == (D(-10), su.achieved[2025], su.achieved[2025] + 10)
    assert a.total.target == Series({2025: D(-10), 2026: D(-20)})
