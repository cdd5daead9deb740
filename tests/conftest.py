# SPDX-License-Identifier: MPL-2.0
"""Fixtures shared by all tests."""

from pathlib import Path

import pytest
from hypothesis import settings

from gevinst.cli.main import main
from gevinst.core.model import Catalog
from gevinst.format.reader import load_catalog
from tests.paths import SEED
from tests.test_profiles_shipped import EXAMPLES, FORMATS

# Hypothesis's 200 ms deadline per example is a timed assertion: on a loaded 2-core machine a
# property that parses YAML ten times an example fails by the clock, not by its result.
# The tests assert results; bench/ measures time.
settings.register_profile("gevinst", deadline=None)
settings.load_profile("gevinst")


@pytest.fixture(scope="session")
def seed() -> Catalog:
    """The shipped Copenhagen catalog, loaded once (domain objects are immutable)."""
    return load_catalog(SEED)


@pytest.fixture(scope="session")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Every example catalog in every format, through the command line."""
    out = tmp_path_factory.mktemp("shipped")
    files = {}
    for name, folder in EXAMPLES.items():
        for fmt in FORMATS:
            target = out / (f"{name}-fdp" if fmt == "fdp" else f"{name}.{fmt}")
            assert main(["export", str(folder), "--format", fmt, "-o", str(target)]) == 0
            files[name, fmt] = target
    return files
