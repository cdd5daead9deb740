# SPDX-License-Identifier: MPL-2.0
"""``gevinst check`` as text: each proposal's findings by severity, the findings, and the
count, with the headers and summary in the profile's language (the findings' own messages
are the core's, in Danish)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from gevinst.core.findings import Finding
from gevinst.core.template import Printing, printing
from gevinst.services.check import Count


def render_counts(counts: Iterable[Count], printed: Printing | None = None) -> str:
    """The check's opening: each proposal's findings by severity, one line each."""
    t = (printed or printing(None)).words.term
    lines = [f"{t('forslag'):<12} {t('fejl'):>6} {t('advarsler'):>10} {t('info'):>6}"]
    for c in counts:
        lines.append(f"{c.proposal or t('katalog'):<12} {c.error:>6} {c.warning:>10} {c.info:>6}")
    return "\n".join(lines) + "\n"


def render_findings(
    findings: Iterable[Finding], summary: Mapping[str, object], printed: Printing | None = None
) -> str:
    """A line for each finding (severity, where, message), then how many of each."""
    t = (printed or printing(None)).words.term
    lines = []
    for f in findings:
        table = t("tabel {table}").format(table=f.table)
        where = " ".join(x for x in (f.proposal or t("katalog"), table) if x)
        lines.append(f"{f.severity:<7} {where:<22} {f.message}")
    lines.append(
        t(
            "{findings} fund i {proposals} forslag: {error} fejl, {warning} advarsler, {info} info"
        ).format(**summary)
    )
    return "\n".join(lines) + "\n"
