"""Consent: recorded per purpose, checked before personal data leave the office."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Consent, ConsentGivenBy, ConsentPurpose

ADULT_AGE = 18


def is_minor(person, on: datetime.date) -> bool:
    """True when the date of birth shows the person is under 18 (unknown counts as adult)."""
    birth_date = person.birth_date
    return birth_date is not None and birth_date.age_on(on) < ADULT_AGE


def valid_consent(person, purpose: str, on: datetime.date | None = None) -> Consent | None:
    """The newest consent of PERSON for PURPOSE in force ON that day, if any.

    For a minor only a parent's or guardian's consent counts.
    """
    on = on or datetime.date.today()
    consents = Consent.objects.filter(person=person, purpose=purpose).valid_on(on)
    if is_minor(person, on):
        consents = consents.filter(given_by=ConsentGivenBy.GUARDIAN)
    return consents.order_by("-given_on", "-id").first()


def require_consent(person, purpose: str, on: datetime.date | None = None) -> Consent:
    """The consent in force, or a ValidationError that tells the counsellor what is missing."""
    on = on or datetime.date.today()
    consent = valid_consent(person, purpose, on)
    if consent is not None:
        return consent
    label = ConsentPurpose(purpose).label
    if is_minor(person, on):
        message = _(
            "%(name)s is under 18: a parent's or guardian's consent to “%(purpose)s” is needed "
            "first. Record it on the person's page, then try again."
        )
    else:
        message = _(
            "There is no consent of %(name)s to “%(purpose)s” in force. Record the consent on "
            "the person's page first, or pass on no personal data."
        )
    raise ValidationError(message % {"name": person.full_name, "purpose": label}, code="consent")


@transaction.atomic
def record_consent(person, *, recorded_by, **data) -> Consent:
    if data.get("given_by") == ConsentGivenBy.GUARDIAN and not data.get("guardian_name"):
        raise ValidationError(
            {"guardian_name": _("Please name the parent or guardian who gave the consent.")}
        )
    consent = Consent(office_id=person.office_id, person=person, recorded_by=recorded_by, **data)
    consent.full_clean(exclude=["office", "person", "recorded_by"])
    consent.save()
    return consent


@transaction.atomic
def withdraw_consent(consent: Consent, on: datetime.date | None = None) -> Consent:
    on = on or datetime.date.today()
    if consent.withdrawn_on is not None:
        raise ValidationError(_("This consent was withdrawn already."))
    if on < consent.given_on:
        raise ValidationError(_("A consent cannot be withdrawn before it was given."))
    consent.withdrawn_on = on
    consent.save(update_fields=["withdrawn_on"])
    return consent
