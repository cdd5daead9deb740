# SPDX-License-Identifier: MPL-2.0
"""A what-if's values (issue 9): a negative value would silently flip a saving's sign, a
value out of range would overflow; both are refused with a Danish message that says so."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gevinst.core import calc, whatif
from gevinst.core.errors import InputError
from gevinst.core.model import Catalog

BIG = Decimal(10**14)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (whatif.Changes(assumptions={"aarstimenorm": Decimal(-1262)}), "kan ikke være negativ"),
        (whatif.Changes(params={("e3", "wage"): Decimal(-793)}), "kan ikke være negativ"),
        (whatif.Changes(params={("e3", "wage"): Decimal("9" * 29)}), "tilladte område"),
        (whatif.Changes(assumptions={"aarstimenorm": Decimal(0)}), "deler med nul"),
        (
            # each value in range, their product past the 28 digits gevinst computes with
            whatif.Changes(
                params={
                    ("e3", "wage"): BIG,
                    ("e3", "cases"): (BIG, BIG),
                    ("e3", "minutes"): (BIG, BIG),
                }
            ),
            "uden for det område gevinst kan regne med",
        ),
    ],
)
def test_a_value_that_would_flip_or_overflow_is_refused(
    seed: Catalog, changes: whatif.Changes, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        whatif.compare(seed.proposal("BC01"), seed.profile, changes)


def test_a_positive_hour_norm_keeps_the_saving_a_saving(seed: Catalog) -> None:
    p = seed.proposal("BC01")
    after = whatif.apply(
        p, seed.profile, whatif.Changes(assumptions={"aarstimenorm": Decimal(1262)})
    )
    assert calc.steady_state(after) < 0
