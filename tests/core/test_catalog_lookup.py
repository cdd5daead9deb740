# SPDX-License-Identifier: MPL-2.0
"""A catalog's proposal by its id, in any case, and a proposal's line by its id: the first of
two that share it."""

from dataclasses import replace

import pytest

from gevinst.core.errors import MissingKeyError
from gevinst.core.model import LineKind, UnknownProposalError
from tests.core.builders import catalog, line, proposal, series

EFF = LineKind.EFFICIENCY


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


def test_a_line_is_found_by_its_id_and_the_first_of_two_wins() -> None:
    first, second = line("a", EFF, series(1)), line("a", EFF, series(2))
    other = line("b", EFF, series(3))
    p = proposal(first, second, other)
    assert p.line("a") is first
    assert p.line("b") is other
    with pytest.raises(MissingKeyError):
        p.line("c")
