import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lotse.accounts.scoping import OfficeScopedModel, office_scoped_manager


class ConsentPurpose(models.TextChoices):
    """What a person agreed to. Each purpose is consented to (and withdrawn) on its own."""

    SHARE_WITH_INSTITUTIONS = (
        "share_with_institutions",
        _("share personal data with institutions for a referral"),
    )
    ESF_DATA = "esf_data", _("ESF+ participant data for the funder")
    CONTACT = "contact", _("be contacted by the service point")
    PHOTOS = "photos", _("photos at events")


class ConsentForm(models.TextChoices):
    WRITTEN = "written", _("written (signed)")
    DIGITAL = "digital", _("digital")
    VERBAL = "verbal", _("verbal (noted by the counsellor)")


class ConsentGivenBy(models.TextChoices):
    PERSON = "person", _("the person")
    GUARDIAN = "guardian", _("a parent or guardian")


class ConsentQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date):
        return self.filter(given_on__lte=day).filter(
            Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=day)
        )


class Consent(OfficeScopedModel):
    """A person's (or their guardian's) consent for one purpose, until withdrawn."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="consents", verbose_name=_("person")
    )
    purpose = models.CharField(_("purpose"), max_length=40, choices=ConsentPurpose.choices)
    given_on = models.DateField(_("given on"))
    form = models.CharField(_("form"), max_length=10, choices=ConsentForm.choices)
    given_by = models.CharField(
        _("given by"), max_length=10, choices=ConsentGivenBy.choices, default=ConsentGivenBy.PERSON
    )
    guardian_name = models.CharField(
        _("name of the parent or guardian"), max_length=200, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
        null=True,
    )
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    objects = office_scoped_manager(ConsentQuerySet)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_on", "-id"]
        indexes = [models.Index(fields=["person", "purpose"])]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} ({self.given_on:%d.%m.%Y})"

    def is_valid_on(self, day: datetime.date) -> bool:
        return self.given_on <= day and (self.withdrawn_on is None or self.withdrawn_on > day)
