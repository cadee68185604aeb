"""factory_boy factories for tests and benchmarks."""

import datetime

import factory
from django_scopes import scopes_disabled

from lotse.accounts.models import Membership, Office, Role, User
from lotse.cases.models import (
    Case,
    Channel,
    Consultation,
    NextStep,
    Referral,
    ReferralStatus,
    TargetGroup,
)
from lotse.organisations.models import (
    Affiliation,
    AffiliationRole,
    InstitutionType,
    Organisation,
    OrganisationKind,
)
from lotse.people.models import ParentChild, Person
from lotse.privacy.models import Consent, ConsentPurpose


class ScopesDisabledFactory(factory.django.DjangoModelFactory):
    """Creates records outside any office scope, as set-up code must."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with scopes_disabled():
            return super()._create(model_class, *args, **kwargs)


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"KAUSA Servicestelle {n}")
    slug = factory.Sequence(lambda n: f"office-{n}")
    town = "Hagen"
    land = Office.Land.NW


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "lotse-test-password")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    office = factory.SubFactory(OfficeFactory)
    role = Role.COUNSELLOR


class PersonFactory(ScopesDisabledFactory):
    class Meta:
        model = Person

    office = factory.SubFactory(OfficeFactory)
    given_names = factory.Iterator(["Ayşe", "Mohammed", "Olena", "Tesfay", "Zahra", "Piotr"])
    family_name = factory.Iterator(
        ["Özdemir", "Al-Hassan", "Kovalenko", "Haile", "Ahmadi", "Nowak"]
    )
    is_young_person = True


class ParentChildFactory(ScopesDisabledFactory):
    class Meta:
        model = ParentChild

    parent = factory.SubFactory(PersonFactory)
    child = factory.SubFactory(PersonFactory, office=factory.SelfAttribute("..parent.office"))
    office = factory.SelfAttribute("parent.office")


class OrganisationFactory(ScopesDisabledFactory):
    class Meta:
        model = Organisation

    office = factory.SubFactory(OfficeFactory)
    name = factory.Sequence(lambda n: f"Betrieb {n}")
    kind = OrganisationKind.COMPANY
    town = "Hagen"


class AffiliationFactory(ScopesDisabledFactory):
    class Meta:
        model = Affiliation

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(
        OrganisationFactory, office=factory.SelfAttribute("..person.office")
    )
    office = factory.SelfAttribute("person.office")
    role = AffiliationRole.CONTACT


class CaseFactory(ScopesDisabledFactory):
    class Meta:
        model = Case

    person = factory.SubFactory(PersonFactory)
    office = factory.SelfAttribute("person.office")
    counsellor = factory.SubFactory(UserFactory)
    target_group = TargetGroup.YOUNG_PERSON
    opened_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=30))


class ConsultationFactory(ScopesDisabledFactory):
    class Meta:
        model = Consultation

    case = factory.SubFactory(CaseFactory)
    office = factory.SelfAttribute("case.office")
    counsellor = factory.SelfAttribute("case.counsellor")
    channel = Channel.IN_PERSON
    date = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=7))


class NextStepFactory(ScopesDisabledFactory):
    class Meta:
        model = NextStep

    case = factory.SubFactory(CaseFactory)
    office = factory.SelfAttribute("case.office")
    assigned_to = factory.SelfAttribute("case.counsellor")
    description = "Bewerbungsunterlagen mitbringen"
    due_on = factory.LazyFunction(datetime.date.today)


class InstitutionFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Agentur für Arbeit {n}")
    kind = OrganisationKind.INSTITUTION
    institution_type = InstitutionType.EMPLOYMENT_AGENCY


class ReferralFactory(ScopesDisabledFactory):
    class Meta:
        model = Referral

    case = factory.SubFactory(CaseFactory)
    office = factory.SelfAttribute("case.office")
    institution = factory.SubFactory(
        InstitutionFactory, office=factory.SelfAttribute("..case.office")
    )
    reason = "Berufsberatung"
    shares_personal_data = False
    status = ReferralStatus.SENT
    sent_on = factory.LazyFunction(datetime.date.today)
    created_by = factory.SelfAttribute("case.counsellor")


class ConsentFactory(ScopesDisabledFactory):
    class Meta:
        model = Consent

    person = factory.SubFactory(PersonFactory)
    office = factory.SelfAttribute("person.office")
    purpose = ConsentPurpose.SHARE_WITH_INSTITUTIONS
    given_on = factory.LazyFunction(datetime.date.today)
    form = "written"


class OutcomeFactory(ScopesDisabledFactory):
    class Meta:
        model = "cases.Outcome"

    case = factory.SubFactory(CaseFactory)
    office = factory.SelfAttribute("case.office")
    kind = "internship"
    date = factory.LazyFunction(datetime.date.today)


class OccupationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "matching.Occupation"
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Ausbildungsberuf {n}")
    duration_months = 36
    area = "ihk"
    kldb_code = "25212"
    source = "test"
    source_date = datetime.date(2025, 8, 1)


def _postcode_coordinate(place, index):
    from lotse.core.geo import coordinates

    found = coordinates(place.postcode)
    return found[index] if found else None


class PlaceFactory(ScopesDisabledFactory):
    class Meta:
        model = "matching.Place"

    office = factory.SubFactory(OfficeFactory)
    kind = "eq"
    company = factory.SubFactory(OrganisationFactory, office=factory.SelfAttribute("..office"))
    occupation = factory.SubFactory(OccupationFactory)
    postcode = "58135"
    latitude = factory.LazyAttribute(lambda place: _postcode_coordinate(place, 0))
    longitude = factory.LazyAttribute(lambda place: _postcode_coordinate(place, 1))
    start_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=60))
    seats = 1


class MatchingProfileFactory(ScopesDisabledFactory):
    class Meta:
        model = "matching.MatchingProfile"
        skip_postgeneration_save = True

    person = factory.SubFactory(PersonFactory, postcode="58135")
    office = factory.SelfAttribute("person.office")
    german_level = "B1"
    school_certificate = "hauptschule"

    @factory.post_generation
    def wished(obj, create, extracted, **kwargs):
        if create and extracted:
            with scopes_disabled():
                obj.wished_occupations.set(extracted)


class PlacementFactory(ScopesDisabledFactory):
    class Meta:
        model = "matching.Placement"

    place = factory.SubFactory(PlaceFactory)
    person = factory.SubFactory(PersonFactory, office=factory.SelfAttribute("..place.office"))
    office = factory.SelfAttribute("place.office")
    created_by = factory.SubFactory(UserFactory)


class AcquisitionFactory(ScopesDisabledFactory):
    class Meta:
        model = "companies.Acquisition"

    company = factory.SubFactory(OrganisationFactory)
    office = factory.SelfAttribute("company.office")
    channel = "cold_call"
    counsellor = factory.SubFactory(UserFactory)
    started_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=14))


class ActivityFactory(ScopesDisabledFactory):
    class Meta:
        model = "companies.Activity"

    acquisition = factory.SubFactory(AcquisitionFactory)
    office = factory.SelfAttribute("acquisition.office")
    kind = "call"
    by = factory.SelfAttribute("acquisition.counsellor")
    date = factory.LazyFunction(datetime.date.today)
    outcome = "Inhaber interessiert, Rückruf vereinbart"
    next_step = "Unterlagen zur Ausbildereignung schicken"
    next_step_due_on = factory.LazyFunction(datetime.date.today)


class EventFactory(ScopesDisabledFactory):
    class Meta:
        model = "events.Event"

    office = factory.SubFactory(OfficeFactory)
    kind = "parents_evening"
    title = factory.Sequence(lambda n: f"Elternabend {n}")
    starts_at = factory.LazyFunction(
        lambda: datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=14)
    )
    capacity = 20


class RegistrationFactory(ScopesDisabledFactory):
    """A registration written directly (no seat check): for set-up, not for seat tests."""

    class Meta:
        model = "events.Registration"

    event = factory.SubFactory(EventFactory)
    office = factory.SelfAttribute("event.office")
    name = factory.Sequence(lambda n: f"Gast {n}")
    status = "confirmed"
    source = "staff"


class GuideProfileFactory(ScopesDisabledFactory):
    class Meta:
        model = "guides.GuideProfile"

    person = factory.SubFactory(PersonFactory, is_guide=True)
    office = factory.SelfAttribute("person.office")
