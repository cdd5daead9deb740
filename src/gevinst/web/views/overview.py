# SPDX-License-Identifier: MPL-2.0
"""The round on one page for Center for Økonomi (issue 13): where every proposal stands,
what each waiting step misses, the follow-up goals overdue for evidence on a day the user
may choose (today by default), each target (måltal) by committee, and the investment pool."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from gevinst.core.errors import InputError
from gevinst.core.pool import pool_balance
from gevinst.core.template import printing
from gevinst.services.overview import overview
from gevinst.web.access import actor_of
from gevinst.web.store import DatabaseStore
from gevinst.web.views import targets


def day_asked(request: HttpRequest) -> date:
    """The day asked for (``?dato=2025-12-31``), today where none is given."""
    asked = request.GET.get("dato", "").strip()
    if not asked:
        return timezone.localdate()
    try:
        return date.fromisoformat(asked)
    except ValueError:
        raise InputError(
            _("datoen %(asked)s kan ikke læses; skriv den som 2025-12-31") % {"asked": asked}
        ) from None


def page(request: HttpRequest, catalog: str) -> HttpResponse:
    store, actor = DatabaseStore(), actor_of(request.user)
    round_ = overview(store, actor, catalog, day_asked(request))
    context = {
        "round": round_,
        # the profile's money, years and figures, which every amount on the page follows
        "pr": printing(round_.catalog.profile),
        "slug": catalog,
        "targets": targets.shown(store, actor, catalog),
        "pool": pool_balance(round_.catalog),  # the catalog as the user may see it
    }
    return render(request, "gevinst/overview.html", context)
