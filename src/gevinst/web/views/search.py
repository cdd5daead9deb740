# SPDX-License-Identifier: MPL-2.0
"""The search page: the proposals of every catalog that hold the words asked for, as the user
may see them (:mod:`gevinst.services.search`), each place they matched with its excerpt; a
confidential proposal shown in full in a result is logged as read."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gevinst.services.search import MAX_QUERY, search
from gevinst.web.access import actor_of, audit
from gevinst.web.search import matcher_for
from gevinst.web.store import DatabaseStore


def page(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    store = DatabaseStore()
    hits = search(store, actor_of(request.user), query, matcher_for(store.using))
    for hit in hits:
        if hit.confidential:
            audit(request.user, "read-confidential", hit.catalog, hit.proposal, via="søgning")
    context = {"search_query": query, "hits": hits}
    return render(request, "gevinst/search.html", context)
