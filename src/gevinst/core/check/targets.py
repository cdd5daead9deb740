# SPDX-License-Identifier: MPL-2.0
"""The target accounting (Forslag 7's Tabel 4): its stated manko against achieved minus
target, its achieved effect against the proposal's permanent change on the row's
styringsområde, and its "Samlet varig ændring" against the proposal's permanent change."""

from __future__ import annotations

from collections.abc import Iterator

from gevinst.core import calc
from gevinst.core.check.compare import compare_series
from gevinst.core.check.say import Messages, say, voice
from gevinst.core.findings import Finding
from gevinst.core.model import Proposal, TargetRole
from gevinst.core.profile import Profile

# the row of the target accounting's "Samlet varig ændring" (Forslag 7's Tabel 4)
TARGET_TOTAL = "target_total"

MESSAGES: Messages = {
    "da": {
        "manko": "Manko",
        "target-achieved": "Opnået effekt (måltalsopgørelsen{area})",
        "target-total": "Samlet varig ændring (måltalsopgørelsen)",
    },
    "en": {
        "manko": "Shortfall",
        "target-achieved": "Achieved effect (the target accounting{area})",
        "target-total": "Total permanent change (the target accounting)",
    },
}


def check_targets(p: Proposal, profile: Profile | None = None) -> Iterator[Finding]:
    """The manko and the total, each in the years the table prints (a year it leaves out is
    not compared)."""
    t = p.targets
    if t is None:
        return
    pr = voice(profile)
    if t.stated_manko is not None:
        yield from compare_series(
            p.id,
            "1",
            "manko",
            say(pr, MESSAGES, "manko"),
            t.stated_manko,
            calc.manko(t.achieved, t.target),
            tuple(t.stated_manko),
            "manko",
            pr=pr,
        )
    achieved = next((r for r in t.rows if r.role is TargetRole.ACHIEVED), None)
    if achieved is not None:
        # what the proposal's lines achieve on the row's styringsområde (F7: -43.142 on Service)
        yield from compare_series(
            p.id,
            "1",
            "achieved",
            say(
                pr,
                MESSAGES,
                "target-achieved",
                area=", " + achieved.area if achieved.area else "",
            ),
            achieved.values,
            calc.permanent(p, achieved.area),
            tuple(achieved.values),
            "target-achieved",
            pr=pr,
        )
    if t.stated_total is not None:
        yield from compare_series(
            p.id,
            "1",
            TARGET_TOTAL,
            say(pr, MESSAGES, "target-total"),
            t.stated_total,
            calc.permanent(p),
            tuple(t.stated_total),
            "target-total",
            pr=pr,
        )
