# SPDX-License-Identifier: MPL-2.0
"""The import through the service: a bundle kept as a new catalog, a dry run that keeps
nothing, and the actor and the target checked before the source is read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gevinst.core.access import LOCAL
from gevinst.core.errors import AccessDeniedError, InputError
from gevinst.core.model import Catalog
from gevinst.importers.bundle import catalog_bundle
from gevinst.services.imports import import_catalog
from gevinst.stores.memory import MemoryStore
from tests.services.conftest import OKF_EDITOR


@pytest.fixture
def bundle(seed: Catalog, tmp_path: Path) -> Path:
    path = tmp_path / "katalog.json"
    path.write_text(json.dumps(catalog_bundle(seed), default=str), encoding="utf-8")
    return path


def test_a_bundle_is_kept_as_a_new_catalog(store: MemoryStore, seed: Catalog, bundle: Path) -> None:
    imported = import_catalog(store, LOCAL, bundle, onto=None, target="ny")
    assert imported.catalog == seed and imported.changes == ()
    assert store.catalog("ny") == seed
    [first] = store.versions("ny", "BC01")
    assert (first.who, first.why) == ("lokal bruger", "indlæst fra katalog.json")


def test_a_dry_run_keeps_nothing(store: MemoryStore, seed: Catalog, bundle: Path) -> None:
    assert import_catalog(store, LOCAL, bundle, onto=None, target=None).catalog == seed
    assert store.catalogs() == ["kat"]


def test_the_actor_and_the_target_are_checked_before_reading(
    store: MemoryStore, tmp_path: Path
) -> None:
    missing = tmp_path / "findes-ikke.json"
    with pytest.raises(AccessDeniedError, match="må ikke indlæse"):
        import_catalog(store, OKF_EDITOR, missing, onto=None, target="ny")
    with pytest.raises(InputError, match="'kat' findes allerede"):
        import_catalog(store, LOCAL, missing, onto=None, target="kat")
    assert store.catalogs() == ["kat"]
