# SPDX-License-Identifier: MPL-2.0
"""Review comments: addresses that name a section, a line or a cell of a seed proposal,
threads built from the record log, who may comment, resolve and reopen."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.access import Actor, Edits
from gevinst.core.comments import (
    Address,
    Comment,
    Resolution,
    Thread,
    require_address,
    require_comment,
    require_resolve,
    threads,
)
from gevinst.core.errors import AccessDeniedError, InputError
from gevinst.core.model import Catalog

WHEN = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
CFO = Actor(name="CFØ", edits=Edits.CATALOG, reads_confidential=True)
OKF_EDITOR = Actor(name="Anna", administration="ØKF", edits=Edits.OWN)
READER = Actor(name="Læser")
CELL = Address(table="1", row="varig", year=2027)


def _comment(who: str = "CFØ", reply_to: int | None = None) -> Comment:
    return Comment(address=CELL, text="?", version="v", reply_to=reply_to, who=who, when=WHEN)


def _resolution(number: int, resolved: bool) -> Resolution:
    return Resolution(comment=number, resolved=resolved, who="CFØ", when=WHEN)


@pytest.mark.parametrize(
    "address",
    [
        Address(section="1"),
        Address(section="7"),
        Address(table="1", row="e3"),
        Address(table="1", row="varig", year=2027),
        Address(table="A", row="ØU", year=2025),
        Address(table="2.1", row="BUU", year=2029),
    ],
)
def test_an_address_of_bc01_is_accepted(seed: Catalog, address: Address) -> None:
    require_address(seed.proposal("BC01"), address)


@pytest.mark.parametrize(
    ("address", "message"),
    [
        (Address(section="8"), "afsnit '8' findes ikke"),
        (Address(section="2", table="1"), "afsnit '2' findes ikke"),
        (Address(table="1", row="e9"), "ingen linje 'e9' i tabel 1"),
        (Address(table="A", row="ØU"), "ingen linje 'ØU' i tabel 1"),
        (Address(table="F", row="ØU", year=2025), "tabel 'F' findes ikke"),
        (Address(table="1", row=" ", year=2025), "angiv rækken i tabel 1"),
        (Address(table="1", row="varig", year=2030), "intet år 2030 i tabel 1"),
        (Address(), "tabel '' findes ikke"),
    ],
)
def test_an_address_that_names_nothing_of_bc01_is_refused(
    seed: Catalog, address: Address, message: str
) -> None:
    with pytest.raises(InputError, match=f"forslag BC01.*{message}"):
        require_address(seed.proposal("BC01"), address)


def test_replies_join_their_thread_and_the_last_resolution_counts() -> None:
    log = [
        _comment(),
        _comment(who="Anna", reply_to=1),
        _comment(who="Bo"),
        _resolution(1, True),
        _comment(who="Bo", reply_to=1),
        _resolution(2, True),
        _resolution(2, False),
    ]
    first, second = threads(log)
    assert (first.number, [c.who for c in first.replies], first.resolved) == (
        1,
        ["Anna", "Bo"],
        True,
    )
    assert first.participants == ("CFØ", "Anna", "Bo")
    assert (second.number, second.replies, second.resolved) == (2, (), False)


@given(st.lists(st.booleans(), max_size=8))
def test_a_thread_is_resolved_exactly_when_its_last_resolution_says_so(
    states: list[bool],
) -> None:
    [thread] = threads([_comment(), *(_resolution(1, s) for s in states)])
    assert thread.resolved == (states[-1] if states else False)


def test_whoever_reads_in_full_comments(seed: Catalog) -> None:
    require_comment(READER, seed.proposal("BC01"), "Et spørgsmål")
    with pytest.raises(AccessDeniedError, match="forslag F1 er fortroligt; Læser må ikke se det"):
        require_comment(READER, seed.proposal("F1"), "Et spørgsmål")
    require_comment(CFO, seed.proposal("F1"), "Et spørgsmål")
    with pytest.raises(InputError, match="skriv en kommentar til forslag BC01"):
        require_comment(READER, seed.proposal("BC01"), "  ")
    with pytest.raises(InputError, match="for lang"):
        require_comment(READER, seed.proposal("BC01"), "x" * 10_001)


def test_the_author_or_an_editor_resolves_and_reopens(seed: Catalog) -> None:
    bc01 = seed.proposal("BC01")
    by_reader = Thread(1, _comment(who="Læser"))
    require_resolve(READER, bc01, by_reader, True)
    require_resolve(OKF_EDITOR, bc01, by_reader, True)
    by_cfo = Thread(1, _comment())
    with pytest.raises(AccessDeniedError, match="Læser må ikke løse eller genåbne tråd 1"):
        require_resolve(READER, bc01, by_cfo, True)
    sof = Actor(name="Sif", administration="SOF", edits=Edits.OWN)
    with pytest.raises(AccessDeniedError):
        require_resolve(sof, bc01, by_cfo, True)
    with pytest.raises(InputError, match="tråd 1 på forslag BC01 er allerede åben"):
        require_resolve(CFO, bc01, by_cfo, False)
    with pytest.raises(InputError, match="er allerede løst"):
        require_resolve(CFO, bc01, replace(by_cfo, resolved=True), True)
