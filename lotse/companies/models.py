"""Company acquisition (Betriebsakquise): a pipeline per company, with its access channel."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lotse.accounts.scoping import OfficeScopedModel


class Stage(models.TextChoices):
    """The stages in order; a company may skip stages but the order is this one."""

    IDENTIFIED = "identified", _("identified")
    CONTACTED = "contacted", _("contacted")
    COUNSELLED = "counselled", _("counselled")
    ENTITLED = "entitled", _("entitled to train")
    OFFERS_PLACES = "offers_places", _("offers places")
    TRAINS = "trains", _("trains")


STAGE_ORDER = {stage: index for index, stage in enumerate(Stage.values)}


class Channel(models.TextChoices):
    COLD_CALL = "cold_call", _("cold call (Kaltakquise)")
    OUTREACH_VISIT = "outreach_visit", _("outreach visit (aufsuchende Beratung)")
    RECOMMENDATION = "recommendation", _("personal recommendation")


class Entitlement(models.TextChoices):
    """Ausbildungsberechtigung: may the company train (AEVO trainer aptitude)?"""

    UNKNOWN = "unknown", _("not known yet")
    NO = "no", _("no")
    AEVO_IN_PROGRESS = "aevo_in_progress", _("AEVO in progress")
    YES = "yes", _("yes")


class AcquisitionStatus(models.TextChoices):
    ACTIVE = "active", _("active")
    PAUSED = "paused", _("paused")
    LOST = "lost", _("lost")


class Acquisition(OfficeScopedModel):
    """The acquisition of one company by the office."""

    company = models.OneToOneField(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="acquisition",
        verbose_name=_("company"),
    )
    stage = models.CharField(
        _("stage"), max_length=20, choices=Stage.choices, default=Stage.IDENTIFIED
    )
    channel = models.CharField(_("access channel"), max_length=20, choices=Channel.choices)
    recommended_by_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recommendations",
        verbose_name=_("recommended by (organisation)"),
        help_text=_("A migrant organisation or a company already won."),
    )
    recommended_by_person = models.ForeignKey(
        "people.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recommendations",
        verbose_name=_("recommended by (person)"),
    )
    entitlement = models.CharField(
        _("entitled to train (AEVO)"),
        max_length=20,
        choices=Entitlement.choices,
        default=Entitlement.UNKNOWN,
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=AcquisitionStatus.choices,
        default=AcquisitionStatus.ACTIVE,
    )
    status_reason = models.CharField(_("reason (paused or lost)"), max_length=300, blank=True)
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("counsellor in charge"),
    )
    started_on = models.DateField(_("started on"), default=datetime.date.today)
    notes = models.TextField(_("notes"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("acquisition")
        verbose_name_plural = _("acquisitions")
        ordering = ["company__name", "id"]
        indexes = [
            models.Index(fields=["office", "status", "stage"]),
            models.Index(fields=["office", "channel"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(channel="recommendation")
                | Q(recommended_by_organisation__isnull=False)
                | Q(recommended_by_person__isnull=False),
                name="companies_acquisition_recommendation_has_recommender",
            ),
        ]

    def __str__(self) -> str:
        return str(self.company)

    def get_absolute_url(self) -> str:
        return reverse("companies:detail", args=[self.pk])

    @property
    def recommender(self):
        return self.recommended_by_organisation or self.recommended_by_person


class StageChange(OfficeScopedModel):
    """When an acquisition reached a stage: the basis of the channel analytics."""

    acquisition = models.ForeignKey(
        Acquisition, on_delete=models.CASCADE, related_name="stage_changes"
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    reached_on = models.DateField(_("reached on"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )

    class Meta:
        verbose_name = _("stage reached")
        verbose_name_plural = _("stages reached")
        ordering = ["reached_on", "id"]
        indexes = [models.Index(fields=["office", "stage", "reached_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["acquisition", "stage"], name="companies_stagechange_once_per_stage"
            )
        ]


class ActivityKind(models.TextChoices):
    CALL = "call", _("phone call")
    VISIT = "visit", _("visit")
    EMAIL = "email", _("e-mail")
    LETTER = "letter", _("letter")
    MEETING = "meeting", _("meeting or event")


class Activity(OfficeScopedModel):
    """A call, visit, e-mail or letter in an acquisition, with the next step agreed."""

    acquisition = models.ForeignKey(
        Acquisition, on_delete=models.CASCADE, related_name="activities"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ActivityKind.choices)
    date = models.DateField(_("date"), default=datetime.date.today)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    outcome = models.TextField(pgettext_lazy("activity", "result"), blank=True)
    next_step = models.CharField(_("next step"), max_length=300, blank=True)
    next_step_due_on = models.DateField(_("next step due on"), null=True, blank=True)
    next_step_done_on = models.DateField(_("next step done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["office", "by", "next_step_done_on", "next_step_due_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date:%d.%m.%Y}"
