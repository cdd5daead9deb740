# SPDX-License-Identifier: MPL-2.0
"""Follow-up on one page (issue 13, items 6 and 7): a catalog's goals due and overdue on a day
(today by default), by responsible unit, each occurrence with what was recorded last and,
for those who may edit its proposal, a form to record its status with an evidence note and a
file. A record is audited; one from a stale page is refused (409) and one without evidence
is the page again with the reason beside its field (422). Attachments are sent only to those
who may read their proposal in full."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gevinst.core.access import may_edit
from gevinst.core.errors import ConflictError, InputError
from gevinst.core.evidence import MAX_ATTACHMENT, MAX_NOTE, require_evidence
from gevinst.services import followup as followup_service
from gevinst.services.followup import Item
from gevinst.web.access import actor_of, audit, record_read
from gevinst.web.store import DatabaseStore
from gevinst.web.views import catalog as catalog_views
from gevinst.web.views.overview import day_asked

# where an occurrence stands, as the page says it
STATUS_LABELS = {
    "done": gettext_lazy("Nået"),
    "missed": gettext_lazy("Ikke nået"),
    "overdue": gettext_lazy("Forfalden"),
    "due": gettext_lazy("Aktuel"),
    "upcoming": gettext_lazy("Kommende"),
}
# what a record may say
RECORDED_LABELS = {
    "not_started": gettext_lazy("Ikke begyndt"),
    "on_track": gettext_lazy("På vej"),
    "late": gettext_lazy("Forsinket"),
    "done": gettext_lazy("Nået (kræver dokumentation)"),
    "missed": gettext_lazy("Ikke nået"),
}
OPEN = ("overdue", "due")


class RecordForm(forms.Form):
    """A record of one occurrence: its status, the evidence note and one file."""

    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=RECORDED_LABELS.items())
    note = forms.CharField(
        label=gettext_lazy("Dokumentation"),
        required=False,
        max_length=MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    attachment = forms.FileField(label=gettext_lazy("Vedhæft fil"), required=False)

    def clean_attachment(self) -> Any:
        file = self.cleaned_data.get("attachment")
        if file is not None and file.size > MAX_ATTACHMENT:
            mb = MAX_ATTACHMENT // (1024 * 1024)
            raise forms.ValidationError(_("Filen er større end %(mb)s MB.") % {"mb": mb})
        return file

    def clean(self) -> dict[str, Any] | None:
        data = super().clean() or {}
        file = data.get("attachment")
        try:
            require_evidence(
                data.get("status", ""), data.get("note", "").strip(), [file.name] if file else []
            )
        except InputError as e:
            self.add_error("note", str(e))
        return data


@dataclass(frozen=True)
class Row:
    """An occurrence as the page lists it: the item, its form's prefix (unique on the page)
    and its form where the user may record."""

    item: Item
    key: str
    form: RecordForm | None


def _key(i: Item) -> str:
    return slugify(f"r-{i.proposal}-{i.number}-{i.due_from.isoformat()}")


def _context(
    request: HttpRequest, catalog: str, as_of: date, bound: tuple[str, RecordForm] | None = None
) -> dict[str, Any]:
    store, actor = DatabaseStore(), actor_of(request.user)
    full = store.catalog(catalog)
    items = followup_service.due_items(store, actor, catalog, as_of)
    everything = request.GET.get("alle") == "1" or request.POST.get("alle") == "1"
    shown = [i for i in items if everything or i.status in OPEN or (bound and _key(i) == bound[0])]
    for pid in dict.fromkeys(i.proposal for i in shown):
        record_read(request.user, catalog, full.proposal(pid))
    units: dict[str, list[Row]] = {}
    for i in shown:
        key = _key(i)
        form = None
        if may_edit(actor, full.proposal(i.proposal)):
            form = bound[1] if bound and bound[0] == key else RecordForm(prefix=key)
        units.setdefault(i.responsible, []).append(Row(i, key, form))
    return {
        "catalog": full,
        "slug": catalog,
        "as_of": as_of,
        "everything": everything,
        "units": list(units.items()),
        "overdue": sum(i.status == "overdue" for i in items),
        "due": sum(i.status == "due" for i in items),
        "status_labels": STATUS_LABELS,
        "recorded_labels": RECORDED_LABELS,
    }


def page(request: HttpRequest, catalog: str) -> HttpResponse:
    context = _context(request, catalog, day_asked(request))
    return render(request, "gevinst/followup.html", context)


def _posted_day(request: HttpRequest) -> date:
    try:
        return date.fromisoformat(request.POST.get("dato", ""))
    except ValueError:
        raise InputError(_("Siden mangler dagen, den er set fra; hent den igen.")) from None


@require_POST
def record(request: HttpRequest, catalog: str) -> HttpResponse:
    """A record from the page's form of one occurrence, audited; the page again with the
    reasons beside the fields (422), or with the conflict said (409), where it is refused."""
    as_of = _posted_day(request)
    key = request.POST.get("row", "")
    form = RecordForm(request.POST, request.FILES, prefix=key)
    try:
        seen = int(request.POST.get("expected_count", ""))
        due_from = date.fromisoformat(request.POST.get("due_from", ""))
    except ValueError as e:
        raise InputError(_("Siden mangler forekomsten, den blev vist med; hent den igen.")) from e
    ident, goal = request.POST.get("proposal", ""), request.POST.get("goal", "")
    if not form.is_valid():
        context = _context(request, catalog, as_of, (key, form))
        return render(request, "gevinst/followup.html", context, status=422)
    file = form.cleaned_data["attachment"]
    try:
        made = followup_service.record(
            DatabaseStore(),
            actor_of(request.user),
            catalog,
            ident,
            goal,
            due_from=due_from,
            status=form.cleaned_data["status"],
            note=form.cleaned_data["note"],
            files=[(file.name, file.read())] if file else [],
            expected_count=seen,
        )
    except ConflictError as e:
        messages.error(request, str(e))
        context = _context(request, catalog, as_of)
        return render(request, "gevinst/followup.html", context, status=409)
    except InputError as e:
        form.add_error(None, str(e))
        context = _context(request, catalog, as_of, (key, form))
        return render(request, "gevinst/followup.html", context, status=422)
    audit(
        request.user,
        "followup",
        catalog,
        made.proposal,
        goal=made.goal,
        due_from=made.due_from.isoformat(),
        status=made.status,
        note=made.note,
        attachments=list(made.attachments),
    )
    messages.success(
        request, _("Opfølgningen på %(ident)s er registreret.") % {"ident": made.proposal}
    )
    # a record counts from the day it is made: a page seen from an earlier day would not show
    # it, so that page is followed by today's
    day = as_of if as_of >= timezone.localdate(made.when) else timezone.localdate()
    query = f"?dato={day.isoformat()}" + ("&alle=1" if request.POST.get("alle") == "1" else "")
    return redirect(reverse("followup", args=[catalog]) + query + f"#{key}")


def attachment(
    request: HttpRequest, catalog: str, ident: str, number: int, name: str
) -> HttpResponse:
    """A file recorded as evidence, as a download (never shown inline), for who may read
    its proposal in full; audited."""
    found = followup_service.attachment(
        DatabaseStore(), actor_of(request.user), catalog, ident, number, name
    )
    audit(request.user, "followup-download", catalog, ident, number=number, name=found.name)
    response = HttpResponse(found.content, content_type=found.content_type)
    response["Content-Disposition"] = content_disposition_header(True, found.name) or "attachment"
    response["Content-Security-Policy"] = "sandbox"
    return response


def index(request: HttpRequest) -> HttpResponse:
    """The site's "Opfølgning": the only catalog's page, or the catalogs to choose from."""
    return catalog_views.index(request, "followup")
