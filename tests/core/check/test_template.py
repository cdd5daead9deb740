# SPDX-License-Identifier: MPL-2.0
"""The template's rules on small proposals: the technical tables it calls for (A, B and C
where there are operating costs, D and E where an investment falls on more than one
committee) and the consultations it calls for (Center for Økonomi always; Ejendom,
IT-kredsen, Koncern IT and HR-kredsen by the proposal's scope)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from gevinst.core.check.template import check_template, required_tables
from gevinst.core.findings import Finding, Severity
from gevinst.core.model import (
    Consultation,
    LineKind,
    Proposal,
    Scope,
    Stated,
    StatedTable,
    ToUnit,
)
from tests.core.builders import PROFILE, line, proposal, series

EFF, COST, IMPL = LineKind.EFFICIENCY, LineKind.OPERATING_COST, LineKind.IMPLEMENTATION
CFO = Consultation("Center for Økonomi", "cfo", heard=True)


def saving() -> Proposal:
    return replace(proposal(line("e", EFF, series(0, -100, -100))), consultations=(CFO,))


def findings(p: Proposal) -> list[Finding]:
    return list(check_template(p, PROFILE))


def investment(area: str, *units: str) -> Proposal:
    return replace(
        proposal(*(line(f"i{u}", IMPL, series(100), area=area, booking=ToUnit(u)) for u in units)),
        consultations=(CFO,),
    )


def test_a_saving_heard_by_the_cfo_calls_for_nothing() -> None:
    assert required_tables(saving(), PROFILE) == ()
    assert findings(saving()) == []


def test_operating_costs_call_for_a_b_and_c() -> None:
    p = replace(saving(), lines=(*saving().lines, line("c", COST, series(0, 10, 10))))
    assert required_tables(p, PROFILE) == ("A", "B", "C")
    found = findings(p)
    assert [(f.table, f.row, f.year, f.rule) for f in found] == [
        ("template", None, None, "template-A"),
        ("template", None, None, "template-B"),
        ("template", None, None, "template-C"),
    ]
    assert {f.severity for f in found} == {Severity.WARNING}
    assert found[0].message == "Forslaget har varige driftsudgifter, men Tabel A er ikke udfyldt"
    filled = StatedTable(rows={"ØU": series(0, 10, 10)}, total=None)
    b_left_out = replace(p, stated=Stated(technical={"A": filled, "C": filled}))
    assert [f.rule for f in findings(b_left_out)] == ["template-B"]


@pytest.mark.parametrize(("area", "table"), [("Anlæg", "D"), ("Service", "E")])
def test_an_investment_on_two_committees_calls_for_its_table(area: str, table: str) -> None:
    p = investment(area, "ØU", "TMU")
    assert required_tables(p, PROFILE) == (table,)
    [f] = findings(p)
    assert (f.rule, f.severity) == (f"template-{table}", Severity.WARNING)
    assert f.message == (
        f"Investeringen på {area} fordeler sig på flere udvalg, men Tabel {table} er ikke udfyldt"
    )


def test_an_investment_on_one_committee_and_its_appropriation_calls_for_nothing() -> None:
    # Koncern IT is an appropriation under Økonomiudvalget: one committee
    assert required_tables(investment("Service", "ØU", "KIT"), PROFILE) == ()
    assert required_tables(investment("Anlæg", "TMU"), PROFILE) == ()


def test_a_catalog_entry_only_is_held_to_no_rule() -> None:
    p = replace(investment("Anlæg", "ØU", "TMU"), consultations=(), catalog_entry_only=True)
    assert required_tables(p, PROFILE) == ()
    assert findings(p) == []


@pytest.mark.parametrize("cfo", [None, Consultation("Center for Økonomi", "cfo", heard=False)])
def test_the_cfo_must_approve(cfo: Consultation | None) -> None:
    p = replace(saving(), consultations=() if cfo is None else (cfo,))
    [f] = findings(p)
    assert (f.proposal, f.table, f.row, f.rule) == ("T1", "template", None, "template-cfo")
    assert f.severity is Severity.WARNING
    assert "ikke godkendt i endelig form af Center for Økonomi" in f.message


SCOPED = [
    ("m2_change", "ejendom", "Ændrede m2-behov kræver en ejendomsfaglig vurdering"),
    ("digitalisation", "it-kredsen", "Digitaliseringsprojekter skal i høring i IT-kredsen"),
    ("new_it_system", "koncern-it", "Nye it-systemer skal vurderes af Koncern IT"),
    (
        "employer_area",
        "hr-kredsen",
        "Effektiviseringer på arbejdsgiverområdet skal i høring i HR-kredsen",
    ),
]


@pytest.mark.parametrize(("scope", "kind", "text"), SCOPED)
def test_a_scope_calls_for_its_consultation(scope: str, kind: str, text: str) -> None:
    p = replace(saving(), scope=Scope(**{scope: True}))
    [f] = findings(p)
    assert (f.table, f.row, f.rule, f.severity) == (
        "template",
        None,
        f"template-{kind}",
        Severity.WARNING,
    )
    assert f.message == f"{text}, før Center for Økonomi kan godkende endeligt"
    heard = replace(p, consultations=(CFO, Consultation("høringspart", kind, heard=True)))
    assert findings(heard) == []
    not_yet = replace(p, consultations=(CFO, Consultation("høringspart", kind, heard=None)))
    assert [f.rule for f in findings(not_yet)] == [f"template-{kind}"]


@pytest.mark.parametrize("scope", [scope for scope, _kind, _text in SCOPED])
def test_a_scope_not_known_or_not_applying_calls_for_nothing(scope: str) -> None:
    assert findings(replace(saving(), scope=Scope(**{scope: False}))) == []
    assert findings(replace(saving(), scope=Scope())) == []
