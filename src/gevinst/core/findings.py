# SPDX-License-Identifier: MPL-2.0
"""A finding: one place where a stated figure disagrees, or a rule is not followed."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, kw_only=True)
class Finding:
    """Built with keywords only: of nine fields, several share a type (a stated and a
    computed figure, a table and a row), so a swap by position would pass unnoticed."""

    proposal: str | None  # None for the catalog's own tables
    table: str  # "1", "2.1", "admin", "A".."E", "catalog-1", "catalog-2", "basis", "template"
    row: str | None
    year: int | None
    stated: Decimal | str | None
    computed: Decimal | str | None
    rule: str
    severity: Severity
    message: str

    @classmethod
    def note(
        cls,
        *,
        proposal: str | None,
        table: str,
        row: str | None,
        rule: str,
        severity: Severity,
        message: str,
    ) -> Finding:
        """A finding that is not a figure against a figure: a rule, a gap, an assumption."""
        return cls(
            proposal=proposal,
            table=table,
            row=row,
            year=None,
            stated=None,
            computed=None,
            rule=rule,
            severity=severity,
            message=message,
        )

    def as_json(self) -> dict[str, Any]:
        out = asdict(self)
        for k in ("stated", "computed"):
            if isinstance(out[k], Decimal):
                out[k] = int(out[k]) if out[k] == out[k].to_integral_value() else str(out[k])
        out["severity"] = str(self.severity)
        return out
