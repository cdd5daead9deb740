# SPDX-License-Identifier: MPL-2.0
"""The addresses of the web application."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path

from gevinst.web.views import catalog, proposal

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", catalog.index, name="index"),
    path("katalog/<slug:catalog>/", catalog.overview, name="catalog"),
    path("katalog/<slug:catalog>/forslag/<str:ident>/", proposal.page, name="proposal"),
    path("admin/", admin.site.urls),
]
