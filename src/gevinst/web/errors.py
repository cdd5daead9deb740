# SPDX-License-Identifier: MPL-2.0
"""The project's errors as pages: a name that is not there is a 404, any other error a user
should see a 400 with its Danish message; never a traceback."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gevinst.core.errors import GevinstError, NotFoundError


class GevinstErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, GevinstError):
            return None
        status = 404 if isinstance(exception, NotFoundError) else 400
        context = {"message": str(exception), "status": status}
        return render(request, "gevinst/error.html", context, status=status)
