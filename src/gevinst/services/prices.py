# SPDX-License-Identifier: MPL-2.0
"""A catalog shown at one price level (issue 13, item 5): every proposal the actor may see
converted with the profile's index of price and wage development, and the conversions
stated ("F3: udarbejdet i 2024 p/l, vist i 2025 p/l ...")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gevinst.core.access import Actor, visible
from gevinst.core.model import Catalog
from gevinst.core.prices import Conversion, convert_catalog
from gevinst.stores.base import Store


@dataclass(frozen=True)
class AtPriceLevel:
    """The catalog as the actor may see it at one price level, and what was converted."""

    catalog: Catalog
    conversions: tuple[Conversion, ...]


def at_price_level(
    store: Store, actor: Actor, key: str, level: int | None = None, as_of: dt.date | None = None
) -> AtPriceLevel:
    """The catalog at ``level`` p/l (None: as made, nothing converted), a confidential
    proposal the actor may not read in full reduced to what the catalog publishes before it
    is converted; InputError where the profile's index lacks a year a conversion needs."""
    catalog = visible(store.catalog(key), actor)
    if level is None:
        return AtPriceLevel(catalog, ())
    return AtPriceLevel(*convert_catalog(catalog, level, as_of))
