# SPDX-License-Identifier: MPL-2.0
"""Django's admin for setting up a production installation: users with their role and
administration, and the record of what was stored and done, which no one changes here."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from gevinst.web.models import AuditEvent, Membership, StoredCatalog, Version


class MembershipInline(admin.StackedInline):  # type: ignore[type-arg]
    model = Membership
    can_delete = False


class GevinstUserAdmin(UserAdmin):  # type: ignore[type-arg]
    inlines = (MembershipInline,)


class ReadOnly(admin.ModelAdmin):  # type: ignore[type-arg]
    """A record that the application writes and the admin only shows."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnly):
    list_display = ("created", "user", "action", "catalog", "proposal")
    list_filter = ("action", "catalog")
    search_fields = ("proposal", "user__username")


@admin.register(Version)
class VersionAdmin(ReadOnly):
    list_display = ("proposal", "number", "who", "created", "reason")
    search_fields = ("proposal__ident", "who", "reason")
    # in the table's order (models.Authored's fields come first in the model's); without
    # the document: a confidential proposal's text is read in the application
    fields = ("proposal", "number", "digest", "who", "author", "created", "reason")


@admin.register(StoredCatalog)
class StoredCatalogAdmin(ReadOnly):
    list_display = ("slug", "title", "created")
    exclude = ("document",)


user_model = get_user_model()
admin.site.unregister(user_model)
admin.site.register(user_model, GevinstUserAdmin)
