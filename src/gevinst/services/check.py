# SPDX-License-Identifier: MPL-2.0
"""Check a catalog: every figure recomputed and compared with what the documents state, and
the template's rules (:mod:`gevinst.core.check`), over what the acting user may see."""

from __future__ import annotations

from dataclasses import dataclass

from gevinst.core.access import Actor, visible
from gevinst.core.check import check_catalog as findings_of
from gevinst.core.check import summary
from gevinst.core.findings import Finding, Severity
from gevinst.core.model import Catalog
from gevinst.stores.base import Store


@dataclass(frozen=True)
class Checked:
    catalog: Catalog  # as the actor may see it
    findings: tuple[Finding, ...]
    summary: dict[str, object]

    @property
    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)


def check_catalog(store: Store, actor: Actor, key: str) -> Checked:
    """The findings of the catalog ``key``; a confidential proposal the actor may not read in
    full is checked as the catalog publishes it, so its findings reveal nothing more."""
    catalog = visible(store.catalog(key), actor)
    findings = findings_of(catalog)
    return Checked(catalog, tuple(findings), summary(findings, catalog))
