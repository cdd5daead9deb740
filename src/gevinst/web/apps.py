# SPDX-License-Identifier: MPL-2.0
"""The Django application of gevinst."""

from __future__ import annotations

from django.apps import AppConfig


class GevinstConfig(AppConfig):
    name = "gevinst.web"
    label = "gevinst"
    verbose_name = "gevinst"
    default_auto_field = "django.db.models.BigAutoField"
