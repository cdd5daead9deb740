# SPDX-License-Identifier: MPL-2.0
"""The appraisal parts of the format: a profile's settings (Copenhagen's Finansministeriet
schedule, an English council's Green Book settings) read as the core holds them, settings
that cannot be refused with a Danish message, and a proposal's ``appraisal:`` section read,
written and read again unchanged."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import replace
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from gevinst.core import calc
from gevinst.core.appraisal.case import OptionRole, RowKind
from gevinst.core.appraisal.optimism import BiasBase, bias_for
from gevinst.core.errors import FormatError
from gevinst.format.reader import load_catalog, load_profile
from gevinst.format.writer import proposal_document, to_yaml

D = Decimal
DATA = Path(__file__).parent.parent / "data" / "appraisal"
KK: dict[str, Any] = yaml.safe_load(
    resources.files("gevinst.profiles").joinpath("kk.yaml").read_text(encoding="utf-8")
)


def english_catalog(tmp_path: Path, settings: dict[str, Any] | None = None) -> Path:
    """A catalog of the outline business case (tests/data/appraisal/obc.yaml) with a profile
    that has the Green Book settings (Copenhagen's organisation otherwise)."""
    profile = copy.deepcopy(KK)
    gb = yaml.safe_load((DATA / "green-book.yaml").read_text(encoding="utf-8"))
    profile["appraisal"] = settings if settings is not None else gb
    (tmp_path / "proposals").mkdir(parents=True)
    dump = yaml.safe_dump(profile, allow_unicode=True, sort_keys=False)
    (tmp_path / "profile.yaml").write_text(dump, encoding="utf-8")
    catalog = {
        "schema_version": 1,
        "id": "obc",
        "title": "Outline business cases",
        "municipality": "An English council",
        "profile": "profile.yaml",
        "round": "Budget 2025/26",
        "price_level": 2025,
        "proposals": ["OBC1"],
    }
    (tmp_path / "catalog.yaml").write_text(yaml.safe_dump(catalog), encoding="utf-8")
    obc = (DATA / "obc.yaml").read_text(encoding="utf-8")
    (tmp_path / "proposals" / "OBC1.yaml").write_text(obc, encoding="utf-8")
    return tmp_path


def test_copenhagen_has_finansministeriets_schedule() -> None:
    settings = load_profile("kk").appraisal
    assert settings is not None
    today = settings.discount.as_of(dt.date(2025, 1, 1))
    assert today.start == dt.date(2021, 1, 7)
    assert today.schedule.describe() == "3,5 % år 0-35, 2,5 % år 36-70, 1,5 % fra år 71"
    assert settings.discount.as_of(dt.date(2020, 1, 1)).schedule.rate(0) == D("0.04")
    assert settings.optimism == () and settings.key_decision_threshold is None
    # the assumption whatif --npv uses is the same rate of years 0-35
    rate = load_profile("kk").assumptions.value("diskonteringsrente", dt.date(2025, 1, 1))
    assert rate == today.schedule.rate(35)


def test_the_green_book_settings(tmp_path: Path) -> None:
    profile = load_catalog(english_catalog(tmp_path)).profile
    settings = profile.appraisal
    assert settings is not None
    schedule = settings.discount.as_of(dt.date(2025, 4, 1)).schedule
    assert (schedule.rate(30), schedule.rate(31), schedule.rate(301)) == (
        D("0.035"),
        D("0.03"),
        D("0.01"),
    )
    standard = bias_for(settings.optimism, "standard_buildings", dt.date(2025, 1, 1))
    assert (standard.upper, standard.works_duration) == (D("0.24"), D("0.04"))
    outsourcing = bias_for(settings.optimism, "outsourcing", dt.date(2025, 1, 1))
    assert outsourcing.applies_to is BiasBase.REVENUE
    assert settings.key_decision_threshold == 500_000


def test_the_outline_business_case_is_read(tmp_path: Path) -> None:
    p = load_catalog(english_catalog(tmp_path)).proposal("OBC1")
    a = p.appraisal
    assert a is not None and a.loan is not None
    assert (a.loan.term, a.loan.rate, a.project_kind, a.mitigation) == (
        10,
        D("0.045"),
        "equipment_development",
        D("0.9"),
    )
    assert [o.role for o in a.options] == [
        OptionRole.DO_NOTHING,
        OptionRole.DO_MINIMUM,
        OptionRole.PREFERRED,
    ]
    pref = a.preferred
    assert pref.capital[2025] == 1000 and pref.capital.price_level == 2025
    assert [(r.id, r.kind, r.cashable) for r in pref.rows][2:] == [
        ("licence-budget", RowKind.OFFSET, None),
        ("staff", RowKind.BENEFIT, True),
        ("residents", RowKind.BENEFIT, False),
    ]
    assert pref.risks[0].expected == 55  # PERT: (20 + 4 × 50 + 110) / 6 = 330 / 6


def test_the_appraisal_survives_a_round_trip(tmp_path: Path) -> None:
    folder = english_catalog(tmp_path)
    cat = load_catalog(folder)
    p = cat.proposal("OBC1")
    written = to_yaml(proposal_document(p))
    assert "appraisal:" in written and "cashable: false" in written
    (folder / "proposals" / "OBC1.yaml").write_text(written, encoding="utf-8")
    again = load_catalog(folder).proposal("OBC1")
    assert again == p
    assert to_yaml(proposal_document(again)) == written
    # reserves and no kind of project: written as such and read back
    assert p.appraisal is not None
    plain = replace(
        p, appraisal=replace(p.appraisal, loan=None, project_kind=None, borrowed_lines=())
    )
    (folder / "proposals" / "OBC1.yaml").write_text(
        to_yaml(proposal_document(plain)), encoding="utf-8"
    )
    assert load_catalog(folder).proposal("OBC1") == plain


def test_tabel_1s_payback_counts_the_borrowed_capital_once(tmp_path: Path) -> None:
    """The table's flows: 1.000 capital in 2025; 126 - 250 = -124 in 2026; 126 - 400 = -274 a
    year after. Counted once (the capital left out, its financing cost in revenue): -124 in
    2026 pays back at once, 1 year (2026). Counted twice: 1.000, 876, 602, 328, 54, -220:
    6 years (2030)."""
    p = load_catalog(english_catalog(tmp_path)).proposal("OBC1")
    assert p.appraisal is not None and p.appraisal.borrowed_lines == ("capital",)
    assert calc.payback(p, "total") == calc.Payback(1, 2026)
    twice = replace(p, appraisal=replace(p.appraisal, borrowed_lines=()))
    assert calc.payback(twice, "total") == calc.Payback(6, 2030)


def _refused(tmp_path: Path, change: Any, settings: dict[str, Any] | None = None) -> str:
    folder = english_catalog(tmp_path, settings)
    path = folder / "proposals" / "OBC1.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    with pytest.raises(FormatError) as e:
        load_catalog(folder)
    return str(e.value)


def test_a_case_that_cannot_be_is_refused_in_danish(tmp_path: Path) -> None:
    def two_preferred(doc: dict[str, Any]) -> None:
        doc["appraisal"]["options"][1]["role"] = "preferred"

    assert "netop én mulighed skal have role: preferred, ikke 2" in _refused(
        tmp_path / "a", two_preferred
    )

    def benefit_unmarked(doc: dict[str, Any]) -> None:
        del doc["appraisal"]["options"][2]["rows"][3]["cashable"]

    assert "staff: en gevinst (benefit) angiver cashable" in _refused(
        tmp_path / "b", benefit_unmarked
    )

    def loan_without_rate(doc: dict[str, Any]) -> None:
        del doc["appraisal"]["funding"]["rate"]

    assert "method: borrowing skal have term" in _refused(tmp_path / "c", loan_without_rate)

    def unknown_line(doc: dict[str, Any]) -> None:
        doc["appraisal"]["funding"]["lines"] = ["savings", "nowhere"]

    assert "savings, nowhere er ikke forslagets implementeringslinjer" in _refused(
        tmp_path / "d", unknown_line
    )

    def after_the_horizon(doc: dict[str, Any]) -> None:
        doc["appraisal"]["options"][1]["capital"] = {2035: 10, 2024: 5}

    assert "muligheden 'do-minimum': årene 2024, 2035 ligger uden for" in _refused(
        tmp_path / "e", after_the_horizon
    )


def test_settings_that_cannot_be_are_refused_in_danish(tmp_path: Path) -> None:
    gb = yaml.safe_load((DATA / "green-book.yaml").read_text(encoding="utf-8"))
    bad = copy.deepcopy(gb)
    bad["discount_rates"]["editions"][0]["rates"][1]["from"] = 0
    assert "from skal stige" in _refused(tmp_path / "a", lambda d: None, bad)
    bad = copy.deepcopy(gb)
    bad["discount_rates"]["editions"][0]["rates"] = [{"from": 1, "rate": "0,035"}]
    assert "den første rente gælder fra år 0" in _refused(tmp_path / "b", lambda d: None, bad)
