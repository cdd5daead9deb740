# SPDX-License-Identifier: MPL-2.0
"""The addresses of the web application."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import path
from django.views.i18n import set_language

from gevinst.web.views import (
    catalog,
    edit,
    exports,
    followup,
    history,
    overview,
    proposal,
    realisation,
    review,
    search,
    upload,
    versions,
)

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", catalog.index, name="index"),
    path("sog/", search.page, name="search"),
    path("katalog/<slug:catalog>/", catalog.overview, name="catalog"),
    path("katalog/<slug:catalog>/overblik/", overview.page, name="overview"),
    path("opfoelgning/", followup.index, name="followup-index"),
    path("katalog/<slug:catalog>/opfoelgning/", followup.page, name="followup"),
    path("katalog/<slug:catalog>/opfoelgning/registrer/", followup.record, name="followup-record"),
    path(
        "katalog/<slug:catalog>/forslag/<str:ident>/opfoelgning/<int:number>/<str:name>",
        followup.attachment,
        name="followup-attachment",
    ),
    path("katalog/<slug:catalog>/versioner/", versions.page, name="catalog-versions"),
    path("katalog/<slug:catalog>/versioner/frys/", versions.freeze, name="catalog-freeze"),
    path("katalog/<slug:catalog>/versioner/aendringer/", versions.changes, name="catalog-changes"),
    path("katalog/<slug:catalog>/versioner/som/", versions.as_of, name="catalog-as-of"),
    path(
        "katalog/<slug:catalog>/aendringsanmodninger/<int:number>/",
        versions.request_page,
        name="change-request",
    ),
    path(
        "katalog/<slug:catalog>/aendringsanmodninger/<int:number>/afgoer/",
        versions.decide,
        name="change-request-decide",
    ),
    path("katalog/<slug:catalog>/forslag/<str:ident>/", proposal.page, name="proposal"),
    path(
        "katalog/<slug:catalog>/forslag/<str:ident>/hvad-nu-hvis/",
        proposal.whatif_panel,
        name="proposal-whatif",
    ),
    path("katalog/<slug:catalog>/forslag/<str:ident>/status/", proposal.move, name="proposal-move"),
    path(
        "katalog/<slug:catalog>/forslag/<str:ident>/hoering/",
        review.consult,
        name="proposal-consult",
    ),
    path(
        "katalog/<slug:catalog>/forslag/<str:ident>/hoering/svar/",
        review.answer,
        name="proposal-answer",
    ),
    path(
        "katalog/<slug:catalog>/forslag/<str:ident>/kommentar/",
        review.comment,
        name="proposal-comment",
    ),
    path(
        "katalog/<slug:catalog>/forslag/<str:ident>/kommentar/svar/",
        review.reply,
        name="proposal-reply",
    ),
    path(
        "katalog/<slug:catalog>/forslag/<str:ident>/kommentar/loes/",
        review.resolve,
        name="proposal-resolve",
    ),
    path("beskeder/", review.notifications, name="notifications"),
    path("katalog/<slug:catalog>/forslag/<str:ident>/rediger/", edit.page, name="edit"),
    path(
        "katalog/<slug:catalog>/forslag/<str:ident>/rediger/beregn/",
        edit.derived,
        name="edit-derived",
    ),
    path("katalog/<slug:catalog>/forslag/<str:ident>/historik/", history.page, name="history"),
    path("katalog/<slug:catalog>/forslag/<str:ident>/gendan/", history.restore, name="restore"),
    path("katalog/<slug:catalog>/forslag/<str:ident>/indlaes/", upload.page, name="upload"),
    path(
        "katalog/<slug:catalog>/eksport.<str:fmt>",
        exports.catalog_download,
        name="catalog-download",
    ),
    path(
        "katalog/<slug:catalog>/forslag/<str:ident>/eksport.<str:fmt>",
        exports.proposal_download,
        name="proposal-download",
    ),
    path(
        "katalog/<slug:catalog>/gevinstrealisering/",
        realisation.summary,
        name="catalog-realisation",
    ),
    path(
        "katalog/<slug:catalog>/forslag/<str:ident>/gevinstrealisering/",
        realisation.page,
        name="realisation",
    ),
    path(
        "katalog/<slug:catalog>/forslag/<str:ident>/gevinstrealisering/registrer/",
        realisation.record,
        name="realisation-record",
    ),
    path(
        "katalog/<slug:catalog>/forslag/<str:ident>/gevinstrealisering/indlaes/",
        realisation.upload,
        name="realisation-upload",
    ),
    path("admin/", admin.site.urls),
    # the language switch of every page header, the login page's too
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
]
