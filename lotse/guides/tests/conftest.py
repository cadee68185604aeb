"""The guides network of Hagen: two volunteer guides with logins, one in Osnabrück.

* Hamid Rahimi (login "lotse.hagen") speaks Dari and logs inquiries on his phone,
* Saba Tesfay (login "lotse2.hagen") speaks Tigrinya,
* Osnabrück has its own guide, whom nobody from Hagen may see.
"""

import datetime

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from lotse.accounts.models import Role
from lotse.core.models import Language
from lotse.factories import (
    EventFactory,
    GuideProfileFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
)
from lotse.guides.models import Inquiry, ReferredTo
from lotse.organisations.models import OrganisationKind


@pytest.fixture
def client(client):
    """Pages in English: the assertions read the message ids, true also once translated."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def language(code: str) -> Language:
    return Language.objects.get(code=code)


def make_guide(office, given, family, *, user=None, languages=(), **extra):
    person = PersonFactory(
        office=office, given_names=given, family_name=family, is_guide=True, is_young_person=False
    )
    guide = GuideProfileFactory(person=person, office=office, user=user, **extra)
    with scopes_disabled():
        guide.languages.set([language(code) for code in languages])
    return guide


@pytest.fixture
def mso(hagen):
    return OrganisationFactory(
        office=hagen, name="Afghanischer Kulturverein Hagen", kind=OrganisationKind.MIGRANT_ORG
    )


@pytest.fixture
def hamid(hagen, hagen_guide, mso):
    return make_guide(
        hagen,
        "Hamid",
        "Rahimi",
        user=hagen_guide,
        languages=("prs", "de"),
        organisation=mso,
        communities="Afghan families",
        districts="Altenhagen",
        availability="weekdays after 5 pm",
    )


@pytest.fixture
def saba_user(hagen):
    user = UserFactory(username="lotse2.hagen", first_name="Saba")
    MembershipFactory(user=user, office=hagen, role=Role.GUIDE)
    return user


@pytest.fixture
def saba(hagen, saba_user):
    return make_guide(
        hagen,
        "Saba",
        "Tesfay",
        user=saba_user,
        languages=("ti",),
        communities="Eritrean families, Ethiopian families",
        districts="Wehringhausen",
        qualified_on=datetime.date(2025, 6, 14),
    )


@pytest.fixture
def osnabrueck_guide(osnabrueck):
    return make_guide(osnabrueck, "Olena", "Kovalenko", languages=("uk",))


@pytest.fixture
def agentur(hagen):
    return OrganisationFactory(
        office=hagen, name="Agentur für Arbeit Hagen", kind=OrganisationKind.INSTITUTION
    )


@pytest.fixture
def osnabrueck_agentur(osnabrueck):
    return OrganisationFactory(
        office=osnabrueck, name="Agentur für Arbeit Osnabrück", kind=OrganisationKind.INSTITUTION
    )


def make_inquiry(guide, **extra) -> Inquiry:
    fields = {
        "date": datetime.date.today(),
        "referred_to": ReferredTo.NONE,
        "community": "Afghan families",
        **extra,
    }
    with scopes_disabled():
        return Inquiry.objects.create(office=guide.office, guide=guide, **fields)


def make_event(office, *, kind="parents_evening", days=14, **extra):
    return EventFactory(
        office=office,
        kind=kind,
        starts_at=timezone.now() + datetime.timedelta(days=days),
        **extra,
    )
