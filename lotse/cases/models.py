"""Counselling cases (Beratungsfälle): consultations, next steps, referrals, outcomes, ESF+."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lotse.accounts.scoping import (
    OfficeScopedModel,
    SharedOrOfficeManager,
    office_scoped_manager,
)


class TopicQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Topic(models.Model):
    """A counselling topic. Lotse ships a catalogue; a lead can add the office's own."""

    name = models.CharField(_("name"), max_length=100)
    office = models.ForeignKey(
        "accounts.Office",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("office"),
        help_text=_("Empty for the topics shipped with Lotse."),
    )
    for_entrepreneurs = models.BooleanField(_("mainly for entrepreneurs"), default=False)
    active = models.BooleanField(_("in use"), default=True)
    position = models.PositiveSmallIntegerField(default=100)

    # The shipped topics plus the current office's own (same office scope as everywhere).
    objects = SharedOrOfficeManager.from_queryset(TopicQuerySet)()

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["office", "name"], name="cases_topic_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class TargetGroup(models.TextChoices):
    YOUNG_PERSON = "young_person", _("young person")
    PARENT = "parent", _("parent")
    ENTREPRENEUR = "entrepreneur", _("entrepreneur")
    YOUNG_REFUGEE = "young_refugee", _("young refugee")


class CaseStatus(models.TextChoices):
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=CaseStatus.OPEN)


class Case(OfficeScopedModel):
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="cases", verbose_name=_("person")
    )
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("counsellor in charge"),
    )
    target_group = models.CharField(_("target group"), max_length=20, choices=TargetGroup.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=CaseStatus.choices, default=CaseStatus.OPEN
    )
    opened_on = models.DateField(_("opened on"), default=datetime.date.today)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closing_reason = models.CharField(_("reason for closing"), max_length=300, blank=True)
    short_contact = models.BooleanField(
        _("short contact"),
        default=False,
        help_text=_("Short contacts (up to about 8 hours) need no ESF+ questionnaire."),
    )
    notes = models.TextField(_("notes"), blank=True)
    # Optimistic locking: a save must name the version it started from.
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = office_scoped_manager(CaseQuerySet)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-opened_on", "-id"]
        indexes = [
            models.Index(fields=["office", "status", "-opened_on", "-id"]),
            models.Index(fields=["office", "counsellor", "status", "-opened_on", "-id"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(status="open"),
                name="cases_case_one_open_case_per_person",
            ),
            models.CheckConstraint(
                condition=Q(status="open") | Q(closed_on__isnull=False),
                name="cases_case_closed_has_date",
            ),
        ]

    def __str__(self) -> str:
        return _("Case of %(person)s since %(date)s") % {
            "person": self.person.full_name,
            "date": self.opened_on.strftime("%d.%m.%Y"),
        }

    def get_absolute_url(self) -> str:
        return reverse("cases:detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status == CaseStatus.OPEN

    @property
    def needs_esf(self) -> bool:
        """Whether the case needs the ESF+ questionnaire (office funding, no short contact)."""
        return self.office.esf_enabled and not self.short_contact


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("in person at the office")
    PHONE = "phone", _("phone")
    VIDEO = "video", _("video call")
    MESSENGER = "messenger", _("messenger")
    OUTREACH_SCHOOL = "outreach_school", _("outreach at a school")
    OUTREACH_MSO = "outreach_mso", _("outreach at a migrant organisation")
    OUTREACH_HOME = "outreach_home", _("home visit")
    EVENT = "event", _("at an event")


class Consultation(OfficeScopedModel):
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="consultations", verbose_name=_("case")
    )
    about_case = models.ForeignKey(
        Case,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consultations_about",
        verbose_name=_("concerns the case of"),
        help_text=_("For a parent's consultation about their child: the child's case."),
    )
    date = models.DateField(_("date"), default=datetime.date.today)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=30)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    language = models.ForeignKey(
        "core.Language",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("language used"),
    )
    interpreter_present = models.BooleanField(_("interpreter present"), default=False)
    guide_present = models.BooleanField(_("volunteer guide present"), default=False)
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="+")
    notes = models.TextField(_("notes"), blank=True)
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("counsellor"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["case", "-date", "-id"])]

    def __str__(self) -> str:
        return _("Consultation on %(date)s") % {"date": self.date.strftime("%d.%m.%Y")}


class NextStep(OfficeScopedModel):
    """Something agreed in a consultation, due on a date."""

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="next_steps", verbose_name=_("case")
    )
    consultation = models.ForeignKey(
        Consultation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="next_steps",
        verbose_name=_("agreed in"),
    )
    description = models.CharField(_("next step"), max_length=300)
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("assigned to"),
    )

    class Meta:
        verbose_name = _("next step")
        verbose_name_plural = _("next steps")
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["office", "assigned_to", "done_on", "due_on"])]

    def __str__(self) -> str:
        return self.description


class ReferralStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    SENT = "sent", _("sent")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    COMPLETED = "completed", _("completed")
    NO_FEEDBACK = "no_feedback", _("no feedback")


# Which status may follow which (planned → sent → accepted/declined → completed, or no feedback).
REFERRAL_TRANSITIONS = {
    ReferralStatus.PLANNED: {ReferralStatus.SENT},
    ReferralStatus.SENT: {
        ReferralStatus.ACCEPTED,
        ReferralStatus.DECLINED,
        ReferralStatus.NO_FEEDBACK,
    },
    ReferralStatus.ACCEPTED: {ReferralStatus.COMPLETED, ReferralStatus.NO_FEEDBACK},
    ReferralStatus.DECLINED: set(),
    ReferralStatus.COMPLETED: set(),
    ReferralStatus.NO_FEEDBACK: {ReferralStatus.ACCEPTED, ReferralStatus.DECLINED},
}

# A sent referral without feedback after this many days shows on the worklist.
FEEDBACK_EXPECTED_WITHIN_DAYS = 14


class Referral(OfficeScopedModel):
    """A referral (Verweis) to a standard institution."""

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="referrals", verbose_name=_("case")
    )
    institution = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="referrals",
        verbose_name=_("institution"),
    )
    reason = models.CharField(_("reason"), max_length=300)
    shares_personal_data = models.BooleanField(
        _("personal data are passed on"),
        default=True,
        help_text=_("Needs the person's recorded consent (or a guardian's for minors)."),
    )
    shared_information = models.TextField(_("what was shared"), blank=True)
    consent = models.ForeignKey(
        "privacy.Consent",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("consent"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ReferralStatus.choices, default=ReferralStatus.PLANNED
    )
    created_on = models.DateField(_("created on"), default=datetime.date.today)
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    feedback_on = models.DateField(_("feedback on"), null=True, blank=True)
    feedback = models.TextField(_("feedback"), blank=True)
    declined_reason = models.CharField(_("reason for declining"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-created_on", "-id"]
        indexes = [
            models.Index(fields=["office", "status", "sent_on"]),
            models.Index(fields=["office", "follow_up_on"]),
        ]

    def __str__(self) -> str:
        return _("Referral to %(institution)s") % {"institution": self.institution}


class OutcomeKind(models.TextChoices):
    ORIENTATION_DAY = "orientation_day", _("vocational orientation day (Berufsfelderkundung)")
    INTERNSHIP = "internship", _("internship")
    EQ = "eq", _("entry qualification (EQ)")
    APPRENTICESHIP = "apprenticeship", _("apprenticeship (dual training)")
    SCHOOL = "school", _("school")
    WORK = "work", _("work")
    UNEMPLOYED = "unemployed", _("unemployed")
    UNKNOWN = "unknown", _("unknown")
    OTHER = "other", _("other")


class Outcome(OfficeScopedModel):
    """Where the person went (Verbleib). Several over time."""

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="outcomes", verbose_name=_("case")
    )
    kind = models.CharField(_("outcome"), max_length=20, choices=OutcomeKind.choices)
    date = models.DateField(_("date"), default=datetime.date.today)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outcomes",
        verbose_name=_("organisation"),
    )
    occupation = models.CharField(
        _("training occupation"),
        max_length=200,
        blank=True,
        help_text=_("For an apprenticeship or EQ, e.g. Bodenleger·in."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return self.get_kind_display()


from .esf import EsfRecord  # noqa: E402  (the ESF+ model lives in its own module)

__all__ = [
    "Case",
    "Consultation",
    "EsfRecord",
    "NextStep",
    "Outcome",
    "Referral",
    "Topic",
]
