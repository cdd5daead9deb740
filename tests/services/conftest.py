# SPDX-License-Identifier: MPL-2.0
"""The services are tested with the in-memory store, without Django or files."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from gevinst.core.access import Actor, Edits
from gevinst.core.model import Catalog
from gevinst.stores.base import Change
from gevinst.stores.memory import MemoryStore

READER = Actor(name="Læser")
OKF_EDITOR = Actor(name="Økonom", administration="ØKF", edits=Edits.OWN)


@pytest.fixture
def store(seed: Catalog) -> MemoryStore:
    kept = MemoryStore()
    kept.create_catalog(
        "kat", seed, Change(who="x", when=datetime(2026, 1, 1, tzinfo=UTC), why="x")
    )
    return kept
