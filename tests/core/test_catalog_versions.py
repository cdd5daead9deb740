# SPDX-License-Identifier: MPL-2.0
"""Frozen catalog versions: a name given once, what changed since, and the catalog as of a
moment; with hypothesis, that nothing has changed since a freeze of an unchanged catalog and
that the catalog as of a freeze's moment is the frozen version."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gevinst.core.catalog_versions import (
    FrozenVersion,
    freeze,
    named,
    since,
    version_at,
    versions_at,
)
from gevinst.core.errors import InputError, NotFoundError

START = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def at(hours: int) -> dt.datetime:
    return START + dt.timedelta(hours=hours)


def test_a_name_is_given_once_and_found_again() -> None:
    first = freeze(" Sendt til  ØU 2024-05-14 ", "cfo", at(1), {"BC01": "a"}, [])
    assert first.name == "Sendt til ØU 2024-05-14"
    with pytest.raises(InputError, match="allerede en version ved navn"):
        freeze("sendt til øu 2024-05-14", "cfo", at(2), {}, [first])
    with pytest.raises(InputError, match="giv katalogversionen et navn"):
        freeze("  ", "cfo", at(2), {}, [first])
    assert named([first], "SENDT TIL ØU 2024-05-14") is first
    with pytest.raises(NotFoundError, match="'Sendt til ØU 2024-05-14'"):
        named([first], "Sendt til BR")


def test_a_frozen_version_cannot_be_changed_through_its_mapping() -> None:
    versions = {"BC01": "a"}
    frozen = freeze("Sendt", "cfo", at(1), versions, [])
    versions["BC01"] = "b"
    assert frozen.versions["BC01"] == "a"
    with pytest.raises(TypeError):
        frozen.versions["BC01"] = "b"  # type: ignore[index]


def test_what_changed_since_proposal_by_proposal() -> None:
    changes = since({"BC01": "a", "BC02": "b", "F1": "f"}, {"BC01": "a2", "BC02": "b", "F9": "n"})
    assert [(c.proposal, c.kind, c.before, c.after) for c in changes] == [
        ("BC01", "changed", "a", "a2"),
        ("F9", "added", None, "n"),
        ("F1", "removed", "f", None),
    ]


def test_the_version_at_a_moment_is_the_last_saved_by_then() -> None:
    history = [("v1", at(1)), ("v2", at(5)), ("v3", at(9))]
    assert version_at(history, at(0)) is None
    assert version_at(history, at(5)) == "v2"
    assert version_at(history, at(8)) == "v2"
    assert versions_at({"BC01": history, "F9": [("n", at(7))]}, at(6)) == {"BC01": "v2"}


ids = st.sampled_from(["BC01", "BC02", "F1", "F2", "F3"])
versions = st.dictionaries(ids, st.text("0123456789abcdef", min_size=4, max_size=8))


@given(versions)
def test_nothing_has_changed_since_a_freeze_of_the_unchanged_catalog(
    current: dict[str, str],
) -> None:
    frozen = freeze("Sendt til ØU", "cfo", at(0), current, [])
    assert since(frozen.versions, current) == []


histories = st.dictionaries(
    ids,
    st.lists(st.tuples(st.text("abcdef", min_size=3, max_size=3), st.integers(0, 100)), max_size=6),
)


@given(histories, st.integers(0, 100))
def test_the_catalog_as_of_a_freezes_moment_is_the_frozen_version(
    drawn: dict[str, list[tuple[str, int]]], moment: int
) -> None:
    # each proposal's saves in the order made, at times that never go back
    saved = {
        pid: [(v, at(t)) for v, t in zip([v for v, _ in h], sorted(t for _, t in h), strict=True)]
        for pid, h in drawn.items()
    }
    # the freeze takes each proposal's current version at its moment: the last saved by then
    current = {
        pid: [v for v, when in h if when <= at(moment)][-1]
        for pid, h in saved.items()
        if any(when <= at(moment) for _, when in h)
    }
    frozen: FrozenVersion = freeze("Sendt", "cfo", at(moment), current, [])
    assert versions_at(saved, frozen.when) == dict(frozen.versions)
    assert since(frozen.versions, versions_at(saved, frozen.when)) == []
