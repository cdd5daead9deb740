# SPDX-License-Identifier: MPL-2.0
"""The database store's tables (docs/architecture.md): a proposal is one document in the
schema the YAML files use, every save an immutable :class:`Version` (who, when, why), and the
proposal points at its current one. Everything else is derived by the core when it is shown.

Beside the documents: who may do what (:class:`Membership`) and what was done
(:class:`AuditEvent`)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StoredCatalog(models.Model):
    """A catalog: its own document (catalog.yaml) and its proposals in order."""

    slug = models.SlugField(max_length=100, unique=True)
    title = models.CharField(max_length=300)
    document = models.JSONField(encoder=DjangoJSONEncoder)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("katalog")
        verbose_name_plural = _("kataloger")

    def __str__(self) -> str:
        return self.slug


class StoredProposal(models.Model):
    """A proposal of a catalog, pointing at its current version."""

    catalog = models.ForeignKey(StoredCatalog, models.PROTECT, related_name="proposals")
    ident = models.CharField(max_length=40)
    position = models.PositiveIntegerField()
    current = models.OneToOneField(
        "Version", models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["catalog", "position"]
        constraints = [
            models.UniqueConstraint(fields=["catalog", "ident"], name="one_proposal_per_id")
        ]
        verbose_name = _("forslag")
        verbose_name_plural = _("forslag")

    def __str__(self) -> str:
        return f"{self.catalog.slug}/{self.ident}"


class ImmutableError(Exception):
    """A stored version changed or deleted: versions are written once."""


class WrittenOnce(models.Model):
    """A record that is written once and never changed or deleted (a version, a step)."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ImmutableError(f"{self} er gemt og kan ikke ændres")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableError(f"{self} er gemt og kan ikke slettes")


class Version(WrittenOnce):
    """One saved state of a proposal's document; never changed once written."""

    proposal = models.ForeignKey(StoredProposal, models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    # the SHA-256 of the canonical document (gevinst.format.writer.document_version): what a
    # save names as the version it was edited from
    digest = models.CharField(max_length=64)
    document = models.JSONField(encoder=DjangoJSONEncoder)
    # who saved it, as the services name the actor (a user name, or the command line's
    # "lokal bruger" for an import), and the user where there is one
    who = models.CharField(max_length=150)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["proposal", "number"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "number"], name="one_version_number")
        ]
        verbose_name = _("version")
        verbose_name_plural = _("versioner")

    def __str__(self) -> str:
        return f"{self.proposal} v{self.number}"


class WorkflowEvent(WrittenOnce):
    """One transition a proposal took in its workflow (gevinst.core.lifecycle.Event); written
    once, numbered from 1 in the order taken."""

    proposal = models.ForeignKey(StoredProposal, models.PROTECT, related_name="events")
    number = models.PositiveIntegerField()
    transition = models.CharField(max_length=60)
    from_state = models.CharField(max_length=60)
    to_state = models.CharField(max_length=60)
    # as Version: the actor's name, and the user where there is one
    who = models.CharField(max_length=150)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["proposal", "number"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "number"], name="one_event_number")
        ]
        verbose_name = _("statusskift")
        verbose_name_plural = _("statusskift")

    def __str__(self) -> str:
        return f"{self.proposal} {self.number}: {self.transition}"


class Role(models.TextChoices):
    CFO = "cfo", _("Center for Økonomi (redigerer og godkender alt)")
    EDITOR = "editor", _("Redaktør (redigerer sin forvaltnings forslag)")
    READER = "reader", _("Læser (læser det, der ikke er fortroligt)")


class Membership(models.Model):
    """A user's role, and for an editor the administration whose proposals they write."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, models.CASCADE, related_name="membership")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.READER)
    # the code of an administration of the profile (ØKF, SOF, ...)
    administration = models.CharField(max_length=40, blank=True)

    class Meta:
        verbose_name = _("rolle")
        verbose_name_plural = _("roller")

    def __str__(self) -> str:
        return f"{self.user}: {self.role}"


class AuditEvent(models.Model):
    """Something done or seen that must be accounted for: every save, import, restore and
    export, and every read of a confidential proposal."""

    created = models.DateTimeField(default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=40)
    catalog = models.CharField(max_length=100, blank=True)
    proposal = models.CharField(max_length=40, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("logpost")
        verbose_name_plural = _("log")

    def __str__(self) -> str:
        return f"{self.created:%Y-%m-%d %H:%M} {self.user} {self.action} {self.proposal}"
