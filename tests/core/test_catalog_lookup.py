# SPDX-License-Identifier: MPL-2.0
"""A catalog's proposal by its id: in any case, the first of two that differ by case only."""

from dataclasses import replace

import pytest

from gevinst.core.model import UnknownProposalError
from tests.core.builders import catalog, proposal


def test_a_proposal_is_found_by_its_id_in_any_case_and_the_first_wins() -> None:
    first = replace(proposal(), id="BC01", title="Første")
    second = replace(proposal(), id="bc01", title="Anden")
    other = replace(proposal(), id="BC02")
    cat = catalog(first, second, other)
    assert cat.proposal("bc01") is first
    assert cat.proposal("BC01") is first
    assert cat.proposal("Bc02") is other
    with pytest.raises(UnknownProposalError):
        cat.proposal("BC03")
