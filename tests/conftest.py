# SPDX-License-Identifier: MPL-2.0
"""Fixtures shared by all tests."""

import pytest

from gevinst.core.model import Catalog
from gevinst.format.reader import load_catalog
from tests.paths import SEED


@pytest.fixture(scope="session")
def seed() -> Catalog:
    """The shipped Copenhagen catalog, loaded once (domain objects are immutable)."""
    return load_catalog(SEED)
