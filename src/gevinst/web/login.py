# SPDX-License-Identifier: MPL-2.0
"""Sign-in required everywhere, as Django's LoginRequiredMiddleware does it, and for a
request the page's htmx sends (a recompute while editing, the what-if panel) a redirect of
the whole page: a session that has run out must not swap the sign-in form into a panel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponseBase
from django_htmx.http import HttpResponseClientRedirect


class SignInRequired(LoginRequiredMiddleware):
    # the stubs promise a redirect with status 302; htmx's client redirect is a 200 with a
    # header, which Django's middleware passes on as any response
    def handle_no_permission(  # type: ignore[override]
        self, request: HttpRequest, view_func: Callable[..., Any]
    ) -> HttpResponseBase:
        if not request.headers.get("HX-Request"):
            return super().handle_no_permission(request, view_func)
        # back to the page the panel is on, once signed in
        shown = urlsplit(request.headers.get("HX-Current-URL", ""))
        page = shown.path + (f"?{shown.query}" if shown.query else "") or "/"
        login = redirect_to_login(page, self.get_login_url(view_func))
        return HttpResponseClientRedirect(login["Location"])
