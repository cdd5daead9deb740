# SPDX-License-Identifier: MPL-2.0
"""Read-only mappings for the core's frozen values.

A frozen dataclass refuses a new value for a field, not a change inside a dict the field
holds. Each mapping field is therefore copied once when the value is built (shallow: what
the mapping holds is immutable already) and kept behind a read-only view, so a value read
from a catalog stays what the catalog says however it is passed around.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


def read_only(mapping: Mapping[K, V]) -> Mapping[K, V]:
    """A read-only copy of ``mapping``: changing it raises TypeError."""
    return MappingProxyType(dict(mapping))


def freeze(value: object, *fields: str) -> None:
    """Make the mapping ``fields`` of a frozen dataclass read-only (in ``__post_init__``)."""
    for name in fields:
        object.__setattr__(value, name, read_only(getattr(value, name)))
