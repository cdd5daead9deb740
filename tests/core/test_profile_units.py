# SPDX-License-Identifier: MPL-2.0
"""A profile's units in its order: the order the check lists a table's rows in."""

from tests.core.builders import PROFILE


def test_units_sort_in_the_profiles_order_and_others_after_by_name() -> None:
    # unit_order: ØU, Koncern IT, TMU, SU
    units = {"SU", "Zeta", "ØU", "Alfa", "TMU"}
    assert PROFILE.sort_units(units) == ["ØU", "TMU", "SU", "Alfa", "Zeta"]
    assert PROFILE.sort_units(["Koncern IT", "SU", "ØU"]) == ["ØU", "Koncern IT", "SU"]
