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


class Authored(WrittenOnce):
    """A record written once in an actor's name: ``who`` as the services name the actor (a
    user name, or the command line's "lokal bruger" for an import), the user where there is
    one, and when."""

    who = models.CharField(max_length=150)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True


class Version(Authored):
    """One saved state of a proposal's document; never changed once written."""

    proposal = models.ForeignKey(StoredProposal, models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    # the SHA-256 of the canonical document (gevinst.format.writer.document_version): what a
    # save names as the version it was edited from
    digest = models.CharField(max_length=64)
    document = models.JSONField(encoder=DjangoJSONEncoder)
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


class WorkflowEvent(Authored):
    """One transition a proposal took in its workflow (gevinst.core.lifecycle.Event); written
    once, numbered from 1 in the order taken."""

    proposal = models.ForeignKey(StoredProposal, models.PROTECT, related_name="events")
    number = models.PositiveIntegerField()
    transition = models.CharField(max_length=60)
    from_state = models.CharField(max_length=60)
    to_state = models.CharField(max_length=60)
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


class RealisationEntry(Authored):
    """One record of a catalog's gevinstrealisering (gevinst.core.realisation): a CSV column
    mapped to a goal, a baseline, a measurement, a realised amount with its evidence, or
    spending; written once, numbered from 1 in the catalog in the order written (the latest
    for the same place is the one in force)."""

    catalog = models.ForeignKey(StoredCatalog, models.PROTECT, related_name="realisation")
    number = models.PositiveIntegerField()
    kind = models.CharField(max_length=20)  # mapping | baseline | measurement | realised | spending
    proposal = models.CharField(max_length=40, blank=True)  # '' for a column mapping
    # the entry as gevinst.format.realisation writes it (realisation.yaml's entries)
    document = models.JSONField(encoder=DjangoJSONEncoder)

    class Meta:
        ordering = ["catalog", "number"]
        constraints = [
            models.UniqueConstraint(fields=["catalog", "number"], name="one_realisation_number")
        ]
        verbose_name = _("registrering af gevinstrealisering")
        verbose_name_plural = _("registreringer af gevinstrealisering")

    def __str__(self) -> str:
        return f"{self.catalog} {self.number}: {self.kind}"


class FollowUpRecord(Authored):
    """Where one occurrence of a proposal's follow-up goal stood when it was recorded
    (gevinst.core.evidence.Record); written once, numbered from 1 in the order made."""

    proposal = models.ForeignKey(StoredProposal, models.PROTECT, related_name="followups")
    number = models.PositiveIntegerField()
    goal = models.TextField()
    due_from = models.DateField()
    due_to = models.DateField()
    status = models.CharField(max_length=20)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["proposal", "number"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "number"], name="one_followup_number")
        ]
        verbose_name = _("opfølgning")
        verbose_name_plural = _("opfølgninger")

    def __str__(self) -> str:
        return f"{self.proposal} {self.number}: {self.status}"


class FollowUpAttachment(WrittenOnce):
    """A file recorded as evidence with a follow-up record: its bytes in the database, at
    most gevinst.core.evidence.MAX_ATTACHMENT of them."""

    record = models.ForeignKey(FollowUpRecord, models.PROTECT, related_name="files")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=150)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    content = models.BinaryField()

    class Meta:
        ordering = ["record", "position"]
        constraints = [
            models.UniqueConstraint(fields=["record", "name"], name="one_attachment_name")
        ]
        verbose_name = _("vedhæftet fil")
        verbose_name_plural = _("vedhæftede filer")

    def __str__(self) -> str:
        return f"{self.record} {self.name}"


class ReminderSent(WrittenOnce):
    """A follow-up reminder e-mailed to a user on a day: the reminders command sends a user
    at most one a day."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    day = models.DateField()
    created = models.DateTimeField(default=timezone.now)
    items = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="one_reminder_a_day")]
        verbose_name = _("påmindelse")
        verbose_name_plural = _("påmindelser")

    def __str__(self) -> str:
        return f"{self.user} {self.day}"


class ReviewRecord(Authored):
    """One record of a proposal's review (gevinst.core.review): a consultation asked or
    answered, a comment or a reply, a thread resolved or reopened; written once, numbered
    from 1 in the order written (an answer names its request, a reply its thread, by
    number)."""

    proposal = models.ForeignKey(StoredProposal, models.PROTECT, related_name="records")
    number = models.PositiveIntegerField()
    kind = models.CharField(max_length=20)  # request | answer | comment | resolution
    # the record as gevinst.format.review writes it (review.yaml's entries)
    document = models.JSONField(encoder=DjangoJSONEncoder)

    class Meta:
        ordering = ["proposal", "number"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "number"], name="one_record_number")
        ]
        verbose_name = _("høring eller kommentar")
        verbose_name_plural = _("høringer og kommentarer")

    def __str__(self) -> str:
        return f"{self.proposal} {self.number}: {self.kind}"


class FrozenCatalogVersion(Authored):
    """A catalog as it was sent to a meeting (gevinst.core.catalog_versions.FrozenVersion):
    its name, who froze it and when, and each proposal's version id by proposal id."""

    catalog = models.ForeignKey(StoredCatalog, models.PROTECT, related_name="frozen")
    name = models.CharField(max_length=200)
    versions = models.JSONField()

    class Meta:
        ordering = ["catalog", "created", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["catalog", "name"], name="one_frozen_version_per_name")
        ]
        verbose_name = _("frossen katalogversion")
        verbose_name_plural = _("frosne katalogversioner")

    def __str__(self) -> str:
        return f"{self.catalog}: {self.name}"


class ChangeRequest(Authored):
    """A proposed new version of an approved proposal (gevinst.core.change_requests), numbered
    from 1 in its catalog; its decision is a record of its own, written once."""

    catalog = models.ForeignKey(StoredCatalog, models.PROTECT, related_name="change_requests")
    proposal = models.ForeignKey(StoredProposal, models.PROTECT, related_name="change_requests")
    number = models.PositiveIntegerField()
    base = models.CharField(max_length=64)
    digest = models.CharField(max_length=64)
    document = models.JSONField(encoder=DjangoJSONEncoder)
    reason = models.TextField()

    class Meta:
        ordering = ["catalog", "number"]
        constraints = [
            models.UniqueConstraint(fields=["catalog", "number"], name="one_change_request_number")
        ]
        verbose_name = _("ændringsanmodning")
        verbose_name_plural = _("ændringsanmodninger")

    def __str__(self) -> str:
        return f"{self.catalog} #{self.number} ({self.proposal.ident})"


class ChangeDecision(Authored):
    """The decision on a change request: accepted or rejected, by whom, when, with a note."""

    request = models.OneToOneField(ChangeRequest, models.PROTECT, related_name="decision")
    accepted = models.BooleanField()
    note = models.TextField(blank=True)

    class Meta:
        verbose_name = _("afgørelse af ændringsanmodning")
        verbose_name_plural = _("afgørelser af ændringsanmodninger")

    def __str__(self) -> str:
        return f"{self.request}: {'godkendt' if self.accepted else 'afvist'}"


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
    # the bodies whose consultations the user answers: consultation kinds of the profile
    # ("it-kredsen", "hr-kredsen"); their administration's code counts as one too
    bodies = models.JSONField(
        default=list,
        blank=True,
        help_text=_('De høringsorganer, brugeren svarer for, fx ["it-kredsen", "hr-kredsen"]'),
    )

    class Meta:
        verbose_name = _("rolle")
        verbose_name_plural = _("roller")

    def __str__(self) -> str:
        return f"{self.user}: {self.role}"


class Notification(models.Model):
    """A message to a user in the application (and, where they have an address, by e-mail):
    a consultation asked of their body, an answer to their request, a reply in their thread.
    Its text never holds more of a proposal than the user may read."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    created = models.DateTimeField(default=timezone.now)
    text = models.TextField()
    link = models.CharField(max_length=300, blank=True)  # the page it is about
    read = models.DateTimeField(null=True, blank=True)  # when the user marked it read

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("besked")
        verbose_name_plural = _("beskeder")

    def __str__(self) -> str:
        return f"{self.user}: {self.text[:40]}"


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
