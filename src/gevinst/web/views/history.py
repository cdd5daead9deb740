# SPDX-License-Identifier: MPL-2.0
"""A proposal's history: every version (who, when, why), two versions compared as a
document, an earlier version restored as a new one, and the steps of its lifecycle."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gevinst.core.access import may_edit
from gevinst.core.errors import InputError
from gevinst.core.lifecycle import Event, Workflow
from gevinst.format.diff import differences, word_diff
from gevinst.services import proposals, workflow
from gevinst.web.access import actor_of, audit, record_read
from gevinst.web.store import DatabaseStore


def _changes(before: dict[str, object], after: dict[str, object]) -> list[dict[str, object]]:
    """The differences, a changed text as a word diff."""
    out = []
    for d in differences(before, after):
        words = (
            word_diff(d.before, d.after)
            if isinstance(d.before, str) and isinstance(d.after, str)
            else None
        )
        out.append({"place": d.place, "before": d.before, "after": d.after, "words": words})
    return out


def _steps(flow: Workflow, events: list[Event]) -> list[tuple[int, dict[str, object]]]:
    """Each event with its transition and states as the profile names them."""
    return [
        (
            n,
            {
                "event": e,
                "transition": flow.transition(e.transition).label,
                "from_state": flow.state(e.from_state).label,
                "to_state": flow.state(e.to_state).label,
            },
        )
        for n, e in enumerate(events, start=1)
    ]


def page(request: HttpRequest, catalog: str, ident: str) -> HttpResponse:
    store, actor = DatabaseStore(), actor_of(request.user)
    versions = proposals.list_versions(store, actor, catalog, ident)
    cat = proposals.read_catalog(store, actor, catalog)
    p = cat.proposal(ident)
    record_read(request.user, catalog, p)
    newest, oldest = versions[-1].id, versions[0].id
    before = request.GET.get("fra", versions[-2].id if len(versions) > 1 else oldest)
    after = request.GET.get("til", newest)
    changes = _changes(
        proposals.read_version(store, actor, catalog, ident, before),
        proposals.read_version(store, actor, catalog, ident, after),
    )
    context = {
        "slug": catalog,
        "p": p,
        "versions": list(enumerate(versions, start=1)),
        "before": before,
        "after": after,
        "changes": changes,
        "may_restore": may_edit(actor, p),
        "current": newest,
        # None: the catalog's profile keeps no lifecycle
        "steps": (
            _steps(cat.profile.workflow, workflow.history(store, actor, catalog, ident))
            if cat.profile.workflow
            else None
        ),
    }
    return render(request, "gevinst/history.html", context)


@require_POST
def restore(request: HttpRequest, catalog: str, ident: str) -> HttpResponse:
    store, actor = DatabaseStore(), actor_of(request.user)
    version, base = request.POST.get("version", ""), request.POST.get("base", "")
    if not version or not base:
        raise InputError(_("Vælg den version, der skal gendannes, på historiksiden."))
    proposals.restore_version(store, actor, catalog, ident, version, base=base)
    audit(request.user, "restore", catalog, ident, version=version)
    return redirect("history", catalog=catalog, ident=ident)
