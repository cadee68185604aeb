"""Training occupations, places at companies, placements and what matching needs."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lotse.accounts.scoping import OfficeScopedModel
from lotse.cases.esf import SchoolCertificate
from lotse.core.levels import CEFR_ORDER, CefrLevel  # noqa: F401  (used here and imported from here)


class OccupationArea(models.TextChoices):
    IHK = "ihk", _("industry and commerce (IHK)")
    HWK = "hwk", _("crafts (HWK)")
    LIBERAL = "liberal", _("liberal professions")
    PUBLIC = "public", _("public service")
    AGRICULTURE = "agriculture", _("agriculture")
    HOUSEKEEPING = "housekeeping", _("home economics")
    SEAFARING = "seafaring", _("seafaring")


class Occupation(models.Model):
    """A recognised training occupation (Ausbildungsberuf), shipped as reference data."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    name_female = models.CharField(_("female form"), max_length=200, blank=True)
    duration_months = models.PositiveSmallIntegerField(_("duration in months"))
    area = models.CharField(_("area"), max_length=20, choices=OccupationArea.choices)
    kldb_code = models.CharField(
        _("KldB 2010 code"),
        max_length=5,
        blank=True,
        help_text=_("Five digits; the first three name the occupational group."),
    )
    description = models.CharField(_("in easy words"), max_length=300, blank=True)
    # Easy German (Leichte Sprache), shown under the name in the public application
    # profile; loaded from the shipped occupations.csv and checked by the Easy-German test.
    easy_description = models.TextField(_("explained in easy words"), blank=True)
    source = models.CharField(_("source"), max_length=200)
    source_date = models.DateField(_("as of"))
    active = models.BooleanField(_("currently recognised"), default=True)

    class Meta:
        verbose_name = _("training occupation")
        verbose_name_plural = _("training occupations")
        ordering = ["name"]
        indexes = [models.Index(fields=["kldb_code"])]

    def __str__(self) -> str:
        return self.name

    @property
    def group(self) -> str:
        """KldB occupational group (first three digits): occupations in it are related."""
        return self.kldb_code[:3]


# School certificates in ascending order, for "at least" comparisons.
SCHOOL_ORDER = {
    SchoolCertificate.NONE: 0,
    SchoolCertificate.FOREIGN_UNRECOGNISED: 0,
    SchoolCertificate.FOERDERSCHULE: 1,
    SchoolCertificate.HAUPTSCHULE: 2,
    SchoolCertificate.MITTLERER: 3,
    SchoolCertificate.FACHHOCHSCHULREIFE: 4,
    SchoolCertificate.ABITUR: 5,
}


class MatchingProfile(OfficeScopedModel):
    """What matching needs to know about a young person."""

    person = models.OneToOneField(
        "people.Person",
        on_delete=models.CASCADE,
        related_name="matching_profile",
        verbose_name=_("person"),
    )
    wished_occupations = models.ManyToManyField(
        Occupation, verbose_name=_("wished occupations"), blank=True, related_name="+"
    )
    german_level = models.CharField(
        _("German level (CEFR)"), max_length=2, choices=CefrLevel.choices, blank=True
    )
    school_certificate = models.CharField(
        _("highest school certificate"),
        max_length=24,
        choices=SchoolCertificate.choices,
        blank=True,
    )
    available_from = models.DateField(_("available from"), null=True, blank=True)
    max_distance_km = models.PositiveSmallIntegerField(_("travels at most (km)"), default=25)

    class Meta:
        verbose_name = _("matching profile")
        verbose_name_plural = _("matching profiles")

    def __str__(self) -> str:
        return str(self.person)


class PlaceKind(models.TextChoices):
    ORIENTATION_DAY = "orientation_day", _("vocational orientation day (Berufsfelderkundung)")
    INTERNSHIP = "internship", _("internship")
    EQ = "eq", _("entry qualification (EQ)")
    APPRENTICESHIP = "apprenticeship", _("apprenticeship place")


class PlaceStatus(models.TextChoices):
    OPEN = "open", _("open")
    FILLED = "filled", _("filled")
    WITHDRAWN = "withdrawn", _("withdrawn")


class Place(OfficeScopedModel):
    """A place a company offers for one occupation."""

    kind = models.CharField(_("kind"), max_length=20, choices=PlaceKind.choices)
    company = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="places",
        verbose_name=_("company"),
    )
    occupation = models.ForeignKey(
        Occupation, on_delete=models.PROTECT, related_name="+", verbose_name=_("occupation")
    )
    postcode = models.CharField(_("postcode"), max_length=5)
    town = models.CharField(_("town"), max_length=100, blank=True)
    latitude = models.FloatField(null=True, editable=False)
    longitude = models.FloatField(null=True, editable=False)
    start_date = models.DateField(_("start date"))
    duration = models.CharField(
        _("duration"), max_length=50, blank=True, help_text=_("e.g. 2 weeks, 6 months, 3 years")
    )
    seats = models.PositiveSmallIntegerField(_("number of places"), default=1)
    required_school_certificate = models.CharField(
        _("school certificate required"),
        max_length=24,
        choices=SchoolCertificate.choices,
        blank=True,
    )
    required_german_level = models.CharField(
        _("German level required"), max_length=2, choices=CefrLevel.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=PlaceStatus.choices, default=PlaceStatus.OPEN
    )
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["start_date", "id"]
        indexes = [models.Index(fields=["office", "status", "kind"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.occupation} · {self.company}"

    def get_absolute_url(self) -> str:
        return reverse("matching:place_detail", args=[self.pk])


class PlacementStatus(models.TextChoices):
    SUGGESTED = "suggested", _("suggested")
    APPLIED = "applied", _("applied")
    INTERVIEW = "interview", _("interview")
    ACCEPTED = "accepted", pgettext_lazy("placement", "accepted")
    STARTED = "started", _("started")
    COMPLETED = "completed", _("completed")
    CANCELLED = "cancelled", _("cancelled")


PLACEMENT_TRANSITIONS = {
    PlacementStatus.SUGGESTED: {PlacementStatus.APPLIED, PlacementStatus.CANCELLED},
    PlacementStatus.APPLIED: {
        PlacementStatus.INTERVIEW,
        PlacementStatus.ACCEPTED,
        PlacementStatus.CANCELLED,
    },
    PlacementStatus.INTERVIEW: {PlacementStatus.ACCEPTED, PlacementStatus.CANCELLED},
    PlacementStatus.ACCEPTED: {PlacementStatus.STARTED, PlacementStatus.CANCELLED},
    PlacementStatus.STARTED: {PlacementStatus.COMPLETED, PlacementStatus.CANCELLED},
    PlacementStatus.COMPLETED: set(),
    PlacementStatus.CANCELLED: set(),
}
# Placements in these statuses hold a seat of the place.
SEAT_HOLDING = {PlacementStatus.ACCEPTED, PlacementStatus.STARTED, PlacementStatus.COMPLETED}


class CancelledBy(models.TextChoices):
    PERSON = "person", _("the young person")
    COMPANY = "company", _("the company")
    OFFICE = "office", _("the service point")


class Placement(OfficeScopedModel):
    """A young person on the way into a place."""

    place = models.ForeignKey(
        Place, on_delete=models.PROTECT, related_name="placements", verbose_name=_("place")
    )
    person = models.ForeignKey(
        "people.Person",
        on_delete=models.PROTECT,
        related_name="placements",
        verbose_name=_("person"),
    )
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="placements",
        verbose_name=_("case"),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=PlacementStatus.choices,
        default=PlacementStatus.SUGGESTED,
    )
    status_changed_on = models.DateField(_("status since"), default=datetime.date.today)
    cancelled_by = models.CharField(
        _("cancelled by"), max_length=10, choices=CancelledBy.choices, blank=True
    )
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)
    match_reasons = models.TextField(_("why it was suggested"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["place", "person"],
                condition=~models.Q(status="cancelled"),
                name="matching_placement_once_per_place",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.place}"
