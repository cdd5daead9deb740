# SPDX-License-Identifier: MPL-2.0
"""The proposal page's claims in its text: each phrase a claim quotes is marked where the
document's text says it, with its status, and links to its row of the page's list
("Tal i teksten"), which says what the tables hold."""

from __future__ import annotations

from html import escape

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from gevinst.core.claims.report import CONFIRMED, CONTEXT, DIFFERS, Shown

_WORDS = {
    CONFIRMED: gettext_noop("Bekræftet"),
    DIFFERS: gettext_noop("Afviger"),
    CONTEXT: gettext_noop("Ikke i tabellerne"),
}
_STALE = gettext_noop("Skal rettes")


def status_label(status: str) -> str:
    """A claim's status in the user's language."""
    return _(_WORDS.get(status, _STALE))


def marked(body: str, claims: list[Shown]) -> str:
    """``body`` (the document's HTML, every text escaped) with each claim's phrase marked
    where it first stands after the one marked before it with the same phrase. A phrase the
    markup splits (a line break, emphasis) is not found, and is listed all the same."""
    searched_from: dict[str, int] = {}
    for number, s in enumerate(claims, start=1):
        phrase = escape(s.claim.phrase)
        at = body.find(phrase, searched_from.get(phrase, 0))
        if at < 0 or "\n" in s.claim.phrase:
            continue
        title = escape(f"{status_label(s.status)}: {s.refers_to}" if s.refers_to else "")
        opening = f'<a class="claim {s.status}" href="#claim-{number}" title="{title}"><mark>'
        body = f"{body[:at]}{opening}{phrase}</mark></a>{body[at + len(phrase) :]}"
        searched_from[phrase] = at + len(opening) + len(phrase)
    return body
