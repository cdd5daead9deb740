# SPDX-License-Identifier: MPL-2.0
"""The project's errors as pages with their Danish message: a name that is not there is a
404, an act the user may not do a 403, a conflict a 409, any other error a user should see
a 400; never a traceback."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gevinst.core.errors import AccessDeniedError, ConflictError, GevinstError, NotFoundError

STATUS = ((NotFoundError, 404), (AccessDeniedError, 403), (ConflictError, 409))


class GevinstErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, GevinstError):
            return None
        status = next((s for kind, s in STATUS if isinstance(exception, kind)), 400)
        context = {"message": str(exception), "status": status}
        return render(request, "gevinst/error.html", context, status=status)
