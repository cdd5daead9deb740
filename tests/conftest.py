# SPDX-License-Identifier: MPL-2.0
"""Fixtures shared by all tests."""

import pytest
from hypothesis import settings

from gevinst.core.model import Catalog
from gevinst.format.reader import load_catalog
from tests.paths import SEED

# Hypothesis's 200 ms deadline per example is a timed assertion: on a loaded 2-core machine a
# property that parses YAML ten times an example fails by the clock, not by its result.
# The tests assert results; bench/ measures time.
settings.register_profile("gevinst", deadline=None)
settings.load_profile("gevinst")


@pytest.fixture(scope="session")
def seed() -> Catalog:
    """The shipped Copenhagen catalog, loaded once (domain objects are immutable)."""
    return load_catalog(SEED)
