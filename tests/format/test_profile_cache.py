# SPDX-License-Identifier: MPL-2.0
"""A profile file read once for each version of its bytes (issue 11): the catalogs of a
portfolio share one profile, a changed file is read again, a broken one says why each time."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gevinst.core.errors import FormatError
from gevinst.format.reader import _profile, load_profile
from tests.format.test_profile_workflow import KK_DATA, written


def test_the_shipped_profile_is_read_once_and_is_what_reading_it_gives() -> None:
    first = load_profile("kk")
    assert load_profile("kk") is first
    path = Path(str(resources.files("gevinst.profiles").joinpath("kk.yaml")))
    assert _profile(path) == first


@settings(max_examples=20)
@given(st.text(alphabet="abcdefgh", min_size=1, max_size=8))
def test_a_profile_file_changed_in_place_is_read_again(
    tmp_path_factory: pytest.TempPathFactory, name: str
) -> None:
    folder = tmp_path_factory.mktemp("profil")
    path = written(folder, lambda d: d.update(name="a" * len(name)))
    assert load_profile(str(path)).name == "a" * len(name)
    # the same size, at once: its time may not tell the versions apart, its bytes do
    written(folder, lambda d: d.update(name=name))
    assert load_profile(str(path)).name == name


def test_a_broken_profile_says_why_each_time(tmp_path: Path) -> None:
    path = written(tmp_path, lambda d: d.pop("committees"))
    for _ in range(2):
        with pytest.raises(FormatError) as e:
            load_profile(str(path))
        assert [p.field for p in e.value.problems] == ["committees"]
    assert KK_DATA["committees"]  # the shipped data was not changed
