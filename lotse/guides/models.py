"""The volunteer guides network (Elternlotsen / Elternmentoren).

Guides are people from migrant organisations who answer their community's
questions and refer them on. They are qualified in a training series (modules
are events of kind "training module"), meet twice a year at network meetings
and log the inquiries they answer, phone-first and without names.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lotse.accounts.scoping import NetworkScopedModel, network_scoped_manager


class GuideProfileQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class GuideProfile(NetworkScopedModel):
    person = models.OneToOneField(
        "people.Person",
        on_delete=models.CASCADE,
        related_name="guide_profile",
        verbose_name=_("person"),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="guide_profile",
        verbose_name=_("login"),
        help_text=_("The guide's own login, so she can log inquiries on her phone."),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="guides",
        verbose_name=_("migrant organisation"),
    )
    languages = models.ManyToManyField(
        "core.Language", blank=True, related_name="+", verbose_name=_("languages")
    )
    communities = models.CharField(
        _("communities"),
        max_length=300,
        blank=True,
        help_text=_("e.g. Eritrean families, Syrian community, Turkish parents' association"),
    )
    districts = models.CharField(_("districts"), max_length=300, blank=True)
    availability = models.CharField(
        _("availability"), max_length=300, blank=True, help_text=_("e.g. weekdays after 5 pm")
    )
    qualified_on = models.DateField(_("qualified on"), null=True, blank=True)
    active = models.BooleanField(_("active"), default=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    # Staff see all guides of the office; a guide sees her own profile only.
    objects = network_scoped_manager(GuideProfileQuerySet, guide="user")

    class Meta:
        verbose_name = _("guide profile")
        verbose_name_plural = _("guide profiles")
        ordering = ["person__family_name", "person__given_names", "id"]

    def __str__(self) -> str:
        return self.person.full_name

    def get_absolute_url(self) -> str:
        return reverse("guides:detail", args=[self.pk])


class TrainingSeries(NetworkScopedModel):
    """One run of the qualification course (e.g. "Elternlotsen 2026")."""

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    required_modules = models.PositiveSmallIntegerField(
        _("number of required modules"),
        null=True,
        blank=True,
        help_text=_(
            "Set it when not all modules are planned yet: nobody qualifies before "
            "attending this many. Empty: all required modules of the series."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = network_scoped_manager()

    class Meta:
        verbose_name = _("training series")
        verbose_name_plural = pgettext_lazy("plural", "training series")
        ordering = ["-starts_on", "-id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("guides:series_detail", args=[self.pk])

    def required_total(self, required_planned: int) -> int:
        """Modules to attend: the required ones planned so far, or the number set."""
        return max(required_planned, self.required_modules or 0)


class TrainingModule(NetworkScopedModel):
    """A module of a series: an event of kind training module."""

    series = models.ForeignKey(
        TrainingSeries, on_delete=models.CASCADE, related_name="modules", verbose_name=_("series")
    )
    event = models.OneToOneField(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="training_module",
        verbose_name=_("event"),
    )
    required = models.BooleanField(_("required for the qualification"), default=True)

    objects = network_scoped_manager()

    class Meta:
        verbose_name = _("training module")
        verbose_name_plural = _("training modules")
        ordering = ["event__starts_at", "id"]

    def __str__(self) -> str:
        return self.event.title


class SeriesCompletion(NetworkScopedModel):
    """A guide attended all required modules of a series: she is qualified."""

    guide = models.ForeignKey(
        GuideProfile, on_delete=models.CASCADE, related_name="completions", verbose_name=_("guide")
    )
    series = models.ForeignKey(
        TrainingSeries,
        on_delete=models.CASCADE,
        related_name="completions",
        verbose_name=_("series"),
    )
    completed_on = models.DateField(_("completed on"))

    objects = network_scoped_manager(guide="guide__user")

    class Meta:
        verbose_name = _("completed training series")
        verbose_name_plural = pgettext_lazy("plural", "completed training series")
        ordering = ["-completed_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["guide", "series"], name="guides_completion_once")
        ]

    def __str__(self) -> str:
        return f"{self.guide} · {self.series}"


class ReferredTo(models.TextChoices):
    INSTITUTION = "institution", _("an institution")
    SERVICE_POINT = "service_point", _("the service point")
    EVENT = "event", _("an event")
    NONE = "none", _("answered myself")


class InquiryQuerySet(models.QuerySet):
    def follow_up_open(self):
        return self.filter(follow_up_wanted=True, follow_up_done_at__isnull=True)


class Inquiry(NetworkScopedModel):
    """A question a guide answered in her community. No name needed.

    Contact data only when the service point should follow up and the person
    agreed to pass them on.
    """

    guide = models.ForeignKey(
        GuideProfile, on_delete=models.PROTECT, related_name="inquiries", verbose_name=_("guide")
    )
    date = models.DateField(_("date"))
    language = models.ForeignKey(
        "core.Language",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("language"),
    )
    topic = models.ForeignKey(
        "cases.Topic",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("topic"),
    )
    community = models.CharField(_("community"), max_length=100, blank=True)
    referred_to = models.CharField(
        _("referred to"), max_length=20, choices=ReferredTo.choices, default=ReferredTo.NONE
    )
    institution = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("institution"),
    )
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("event"),
    )
    note = models.TextField(_("note"), blank=True)
    follow_up_wanted = models.BooleanField(_("the service point should follow up"), default=False)
    contact_name = models.CharField(_("name"), max_length=200, blank=True)
    contact_phone = models.CharField(_("phone"), max_length=50, blank=True)
    contact_email = models.EmailField(_("e-mail address"), blank=True)
    contact_consent = models.BooleanField(
        _("the person agreed to pass on the contact data"), default=False
    )
    follow_up_done_at = models.DateTimeField(_("followed up"), null=True, blank=True)
    follow_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("followed up by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    # Staff see all inquiries of the office; a guide only her own.
    objects = network_scoped_manager(InquiryQuerySet, guide="guide__user")

    class Meta:
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["office", "date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(contact_consent=True)
                | (Q(contact_name="") & Q(contact_phone="") & Q(contact_email="")),
                name="guides_inquiry_contact_needs_consent",
            )
        ]

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y} · {self.topic or '–'}"

    def get_absolute_url(self) -> str:
        return reverse("guides:inquiry_detail", args=[self.pk])

    @property
    def has_contact(self) -> bool:
        return bool(self.contact_name or self.contact_phone or self.contact_email)
