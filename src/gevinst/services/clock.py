# SPDX-License-Identifier: MPL-2.0
"""The time a service writes on what it records: now, in UTC, to the second."""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> datetime:
    """Now in UTC without its microseconds, as a person reads a time (and a document
    writes it: ``2025-03-31T09:15:02+00:00``)."""
    return datetime.now(UTC).replace(microsecond=0)
