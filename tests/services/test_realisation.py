# SPDX-License-Identifier: MPL-2.0
"""The realisation services on the seed: who may record and see what, realised against
Tabel A and spending against D + E per proposal, committee and catalog, and a CSV import
that saves all or nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gevinst.core.access import LOCAL
from gevinst.core.errors import AccessDeniedError, ConflictError, InputError
from gevinst.core.model import Catalog
from gevinst.importers.measurements import table_from_bytes
from gevinst.services import realisation as svc
from gevinst.stores.base import Change
from gevinst.stores.memory import MemoryStore
from tests.services.conftest import OKF_EDITOR, READER

D = Decimal
CHANGE = Change(who="x", when=datetime(2026, 1, 1, tzinfo=UTC), why="x")


def test_a_realised_amount_needs_evidence_and_the_committee_where_tabel_a_splits(
    store: MemoryStore,
) -> None:
    with pytest.raises(InputError, match=r"BC01, 2026: dokumentation .*mangler; intet er gemt"):
        svc.record_realised(store, LOCAL, "kat", "BC01", 2026, D(-107), " ", "SU", expected_count=0)
    with pytest.raises(InputError, match=r"fordeles på flere udvalg .*angiv udvalget"):
        svc.record_realised(store, LOCAL, "kat", "BC01", 2026, D(-107), "udtræk", expected_count=0)
    with pytest.raises(InputError, match="2031 er ikke et af forslagets år \\(2024-2029\\)"):
        svc.record_realised(store, LOCAL, "kat", "BC01", 2031, D(-1), "x", "SU", expected_count=0)
    assert store.realisation("kat") == []
    e = svc.record_realised(
        store, LOCAL, "kat", "bc01", 2026, D(-100), "Lønudtræk", "SU", expected_count=0
    )
    assert (e.proposal, e.committee, e.who) == ("BC01", "SU", "lokal bruger")
    # BC02's investment is all on ØU: the committee may be left out
    spent = svc.record_spending(store, LOCAL, "kat", "BC02", 2025, D(2000), expected_count=1)
    assert spent.committee == "ØU"


def test_a_proposals_realisation_against_its_plan(store: MemoryStore) -> None:
    svc.record_realised(store, LOCAL, "kat", "BC01", 2026, D(-90), "a", "SU", expected_count=0)
    svc.record_realised(store, LOCAL, "kat", "BC01", 2026, D(-100), "b", "SU", expected_count=1)
    svc.record_realised(store, LOCAL, "kat", "BC01", 2025, D(-297), "c", "ØU", expected_count=2)
    svc.record_spending(store, LOCAL, "kat", "BC01", 2025, D(800), "", expected_count=3)
    seen = svc.proposal_realisation(store, LOCAL, "kat", "BC01")
    rows = {row.label: row for row in seen.effect.rows}
    assert list(rows["SU"].planned.values()) == [0, 0, -107, -172, -172, -172]
    assert dict(rows["SU"].realised) == {2026: -100}  # the correction in force
    assert dict(rows["SU"].difference()) == {2026: 7}  # 7 short of the plan
    assert dict(seen.effect.total.realised) == {2025: -297, 2026: -100}
    # BC01's Samlet varig ændring 2026 is -1.144: -100 realised is 1.044 short
    assert dict(seen.effect.total.difference()) == {2025: 0, 2026: 1044}
    [spending] = seen.spending.rows  # BC01's 2.000 granted in 2025, 800 spent
    assert spending.label == "ØU" and dict(spending.difference()) == {2025: -1200}
    assert [e.amount for e in seen.realised] == [-90, -100, -297]  # the history kept
    assert seen.count == 4 and len(seen.goals) == 6
    assert seen.effect_committees == ("ØU", "KFU", "BUU", "SOU", "SU", "TMU", "BIU")
    assert seen.spending_committees == ("ØU",)


def test_committee_totals_add_up_to_the_catalogs_and_to_the_plans(
    store: MemoryStore, seed: Catalog
) -> None:
    svc.record_realised(store, LOCAL, "kat", "BC02", 2025, D(-300), "a", "KFU", expected_count=0)
    svc.record_realised(store, LOCAL, "kat", "F2", 2025, D(-700), "b", "SU", expected_count=1)
    summary = svc.catalog_realisation(store, LOCAL, "kat")
    by = {row.label: row for row in summary.effect.rows}
    assert [row.label for row in summary.effect.rows][:3] == ["ØU", "KFU", "BUU"]
    assert dict(by["KFU"].realised) == {2025: -300} and by["KFU"].planned[2025] == -2448
    assert dict(by["SU"].difference()) == {2025: -700 + 76 + 800 + 1000 + 516 + 45 + 6292}
    # each year, the committees add up to the catalog, and the plan to Samlet varig ændring
    for year in summary.effect.years:
        assert (
            sum(row.planned[year] for row in summary.effect.rows)
            == (summary.effect.total.planned[year])
        )
    assert summary.effect.total.planned[2025] == sum(
        row.effect.planned[2025] for row in summary.proposals
    )
    # the implementation costs of BC01, BC02, F2, F3, F4 and F5
    assert summary.spending.total.planned.total() == 4250 + 1822 + 30100 + 18950 + 7700 + 8100
    assert summary.withheld == ()


def test_a_confidential_proposal_counts_only_as_the_catalog_publishes_it(
    store: MemoryStore,
) -> None:
    svc.record_realised(store, LOCAL, "kat", "F1", 2025, D(-6000), "x", expected_count=0)
    svc.record_realised(store, LOCAL, "kat", "F2", 2025, D(-700), "y", "SU", expected_count=1)
    full = svc.catalog_realisation(store, LOCAL, "kat")
    public = svc.catalog_realisation(store, READER, "kat")
    assert public.withheld == ("F1",) and full.withheld == ()
    biu_full = next(row for row in full.effect.rows if row.label == "BIU")
    biu = next(row for row in public.effect.rows if row.label == "BIU")
    assert biu.planned == biu_full.planned  # F1's plan is published on BIU, its one committee
    assert dict(biu_full.realised) == {2025: -6000} and dict(biu.realised) == {}
    [f1] = [row for row in public.proposals if row.proposal == "F1"]
    assert f1.withheld and dict(f1.effect.realised) == {}
    with pytest.raises(AccessDeniedError, match="F1 er fortroligt"):
        svc.proposal_realisation(store, READER, "kat", "F1")


def test_only_those_who_may_edit_a_proposal_record_against_it(store: MemoryStore) -> None:
    with pytest.raises(AccessDeniedError, match="Læser må ikke rette forslag BC02"):
        svc.record_spending(store, READER, "kat", "BC02", 2025, D(1), expected_count=0)
    with pytest.raises(AccessDeniedError, match="Økonom må ikke rette forslag F2"):
        svc.record_measurement(store, OKF_EDITOR, "kat", "F2/7", D(1), date(2025, 3, 31),
                               expected_count=0)  # fmt: skip
    svc.record_baseline(store, OKF_EDITOR, "kat", "BC02/4", D(0), date(2024, 12, 31),
                        "Ladeoperatørens opgørelse", expected_count=0)  # fmt: skip
    assert store.realisation("kat")[0].who == "Økonom"


def test_a_measurement_against_its_baseline_and_a_duplicate_day_refused(
    store: MemoryStore,
) -> None:
    with pytest.raises(InputError, match="ukendt mål BC02/5"):
        svc.record_baseline(store, LOCAL, "kat", "BC02/5", D(0), date(2025, 1, 1), "x",
                            expected_count=0)  # fmt: skip
    with pytest.raises(InputError, match="kilden til udgangspunktet mangler"):
        svc.record_baseline(store, LOCAL, "kat", "BC02/4", D(0), date(2025, 1, 1), "",
                            expected_count=0)  # fmt: skip
    svc.record_baseline(store, LOCAL, "kat", "BC02/4", D(10), date(2024, 12, 31), "drift",
                        expected_count=0)  # fmt: skip
    svc.record_measurement(store, LOCAL, "kat", "BC02/4", D(25), date(2025, 3, 31),
                           expected_count=1)  # fmt: skip
    with pytest.raises(InputError, match="BC02/4 har allerede en måling 2025-03-31"):
        svc.record_measurement(store, LOCAL, "kat", "BC02/4", D(26), date(2025, 3, 31),
                               expected_count=2)  # fmt: skip
    goal = svc.proposal_realisation(store, LOCAL, "kat", "BC02").goals[3]
    assert goal.followup.goal == "Indtægter fra ladeoperatører"
    assert goal.change() == 15


def test_a_write_from_a_stale_count_is_a_conflict(store: MemoryStore) -> None:
    svc.record_spending(store, LOCAL, "kat", "BC02", 2025, D(1), expected_count=0)
    with pytest.raises(ConflictError, match="nye registreringer"):
        svc.record_spending(store, LOCAL, "kat", "BC02", 2026, D(1), expected_count=0)


CSV = (
    "Dato;Udlejede ladere;Sparringsmøder;Afdeling\n"
    "2025-01-31;12;1.234;KS\n"
    "28-02-2025;13,5;;KS\n"
    "31-02-2025;14;5;KS\n"
    "2025-04-30;mange;6;KS\n"
).encode()
MAPPING = {"Dato": "dato", "Udlejede ladere": "BC02/4", "Sparringsmøder": "F2/7"}


def test_an_import_with_rejections_saves_nothing_unless_they_are_accepted(
    store: MemoryStore,
) -> None:
    table = table_from_bytes(CSV, "drift.csv")
    refused = svc.import_measurements(store, LOCAL, "kat", table, MAPPING, expected_count=0)
    assert not refused.saved and store.realisation("kat") == []
    assert [str(x) for x in refused.rejections] == [
        "drift.csv, række 4, kolonne 'Dato': '31-02-2025': datoen findes ikke",
        "drift.csv, række 5, kolonne 'Udlejede ladere': 'mange': ikke et tal (skriv fx 1.234,5 "
        "eller 1234,5)",
    ]
    assert refused.unmapped == ("Afdeling",)
    done = svc.import_measurements(
        store, LOCAL, "kat", table, MAPPING, accept_rejections=True, expected_count=0
    )
    assert done.saved and len(done.measurements) == 4 and len(done.mapped) == 3
    kept = store.realisation("kat")
    assert len(kept) == 7  # the three mappings, then the four measurements, in one write
    # the mapping is reused: the next file needs none, and a day kept already is a duplicate
    again = svc.import_measurements(
        store, LOCAL, "kat", table_from_bytes(CSV[:80], "marts.csv"), expected_count=7
    )
    assert not again.saved and again.mapped == ()
    assert again.rejections[0].why.startswith("dublet: BC02/4 har en måling 2025-01-31")


def test_an_import_touching_a_proposal_the_actor_may_not_edit_is_refused_whole(
    store: MemoryStore,
) -> None:
    table = table_from_bytes(CSV, "drift.csv")
    with pytest.raises(AccessDeniedError, match="kolonnen 'Sparringsmøder' hører til F2/7"):
        svc.import_measurements(store, OKF_EDITOR, "kat", table, MAPPING, expected_count=0)
    with pytest.raises(InputError, match="ukendt mål F2/11"):
        svc.import_measurements(store, LOCAL, "kat", table, {"Sparringsmøder": "F2/11"},
                                expected_count=0)  # fmt: skip
    assert store.realisation("kat") == []
    assert [str(g) for g, _ in svc.goal_choices(store, OKF_EDITOR, "kat")][:7] == [
        "BC01/1", "BC01/2", "BC01/3", "BC01/4", "BC01/5", "BC01/6", "BC02/1",
    ]  # fmt: skip
    assert all(g.proposal != "F2" for g, _ in svc.goal_choices(store, OKF_EDITOR, "kat"))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["BC02", "F1", "F2", "F4"]),
            st.integers(2025, 2028),
            st.integers(-5000, 0),
        ),
        max_size=8,
    )
)
def test_the_committees_add_up_to_the_catalog_for_any_amounts_recorded(
    seed: Catalog, amounts: list[tuple[str, int, int]]
) -> None:
    store = MemoryStore()
    store.create_catalog("kat", seed, CHANGE)
    for n, (ident, year, amount) in enumerate(amounts):
        committee = svc.proposal_realisation(store, LOCAL, "kat", ident).effect_committees[0]
        svc.record_realised(
            store, LOCAL, "kat", ident, year, D(amount), "udtræk", committee, expected_count=n
        )
    for actor in (LOCAL, READER):
        summary = svc.catalog_realisation(store, actor, "kat")
        for c in (summary.effect, summary.spending):
            for year in c.years:
                for kind in ("planned", "realised"):
                    rows = sum(getattr(row, kind)[year] for row in c.rows)
                    assert rows == getattr(c.total, kind)[year]
        realised = sum(row.effect.realised.total() for row in summary.proposals)
        assert summary.effect.total.realised.total() == realised
        hidden = sum(D(a) for i, _, a in _latest(amounts) if i == "F1") if actor is READER else 0
        assert realised == sum(D(a) for _, _, a in _latest(amounts)) - hidden


def _latest(amounts: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The amounts in force: the last recorded for each proposal and year."""
    return list({(i, y): (i, y, a) for i, y, a in amounts}.values())
