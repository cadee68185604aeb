"""`lotse seed-demo`: events, the guides network, company acquisition and placements."""

import datetime
from io import StringIO

import pytest
from django.core.mail import mailers
from django.core.management import call_command
from django.db.models import Count
from django.tasks import task_backends
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from lotse.accounts.models import Office, User
from lotse.accounts.scoping import office_values
from lotse.companies.analytics import channel_report
from lotse.companies.models import Acquisition, Activity, Channel
from lotse.demo import services
from lotse.events.models import Event, EventKind, Registration, RegistrationStatus
from lotse.events.services import seats_free
from lotse.guides.models import GuideProfile, Inquiry, SeriesCompletion, TrainingSeries
from lotse.guides.services import progress
from lotse.matching.models import MatchingProfile, Place, Placement, PlaceStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def hagen(demo_data):
    office = Office.objects.get(slug="hagen")
    with scope(**office_values(office)):
        yield office


def test_hagen_has_the_events_of_the_seed_past_and_ahead(hagen):
    now = timezone.now()
    events = Event.objects.all()
    assert set(events.values_list("kind", flat=True)) == set(EventKind.values)
    titles = " ".join(events.values_list("title", flat=True))
    for words in ("Hagener Ausbildungsmesse", "Praktikumsknigge", "Elternabend", "KAoA"):
        assert words in titles
    past = events.filter(starts_at__lt=now, is_public=True)
    ahead = events.upcoming().public()
    assert past.count() >= 6 and ahead.count() >= 5
    # Coming events take registrations; past ones are closed and have their attendance.
    assert not ahead.filter(registration_open=False).exists()
    assert not past.filter(registration_open=True).exists()
    fair = events.get(kind=EventKind.TRAINING_FAIR)
    assert fair.capacity >= 1000 and fair.starts_at < now
    attended = Registration.objects.filter(event__in=past, attended=True)
    assert attended.count() >= 100
    assert attended.filter(person__isnull=False).count() >= 20  # people the office knows
    walk_ins = attended.filter(source="staff", registered_at__gte=fair.starts_at, event=fair)
    assert walk_ins.exists()
    assert not Registration.objects.filter(event__in=ahead, attended=True).exists()
    # Partners are the demo's schools, MSOs and companies.
    partner_kinds = set(events.values_list("partners__kind", flat=True))
    assert {"school", "migrant_org", "company"} <= partner_kinds


def test_an_upcoming_event_is_full_with_a_waiting_list(hagen):
    full = [
        event
        for event in Event.objects.upcoming().public().exclude(capacity=None)
        if seats_free(event) == 0
    ]
    assert len(full) == 1
    event = full[0]
    assert "Praktikumsknigge" in event.title
    waiting = event.registrations.waitlisted()
    assert waiting.count() == 3
    # Someone cancelled and the first on the waiting list moved up.
    assert event.registrations.filter(status=RegistrationStatus.CANCELLED).count() == 1
    promoted = event.registrations.get(promoted_at__isnull=False)
    assert promoted.status == RegistrationStatus.CONFIRMED
    assert promoted.registered_at < waiting.first().registered_at


def test_an_upcoming_parents_evening_in_arabic_and_turkish(hagen):
    event = Event.objects.upcoming().get(texts__language="ar")
    assert event.kind == EventKind.PARENTS_EVENING
    assert set(event.texts.values_list("language", flat=True)) == {"ar", "tr"}
    title, description = event.text_in("ar")
    assert "التدريب المهني" in title and description
    assert event.text_in("tr")[0].startswith("Veli akşamı")
    assert set(event.languages.values_list("code", flat=True)) == {"de", "ar", "tr"}


def test_guides_speak_the_communities_languages_and_the_demo_guide_has_a_login(hagen):
    guides = GuideProfile.objects.all()
    assert 6 <= guides.count() <= 10
    languages = set(guides.values_list("languages__code", flat=True))
    assert {"ar", "ti", "prs", "fa", "tr"} <= languages
    assert not guides.filter(organisation__isnull=True).exists()
    assert not guides.exclude(person__is_guide=True).exists()
    demo = guides.get(user__username="lotse.hagen")
    assert demo.person.full_name == "Hamid Noori"
    assert demo.inquiries.count() >= 3  # her own list is not empty


def test_this_years_series_has_qualified_and_halfway_guides(hagen):
    series = TrainingSeries.objects.order_by("-starts_on").first()
    year = series.starts_on.year
    assert series.name == f"Elternlotsen {year}"
    modules = list(series.modules.select_related("event"))
    assert len(modules) == 4 and all(m.required for m in modules)
    assert all(m.event.starts_at < timezone.now() for m in modules)
    participants = GuideProfile.objects.filter(
        person__registrations__event__training_module__series=series
    ).distinct()
    states = {guide.pk: progress(guide, series) for guide in participants}
    done = [s for s in states.values() if s.complete]
    halfway = [s for s in states.values() if s.required_attended == 2]
    assert len(done) >= 2 and len(halfway) >= 1
    last_module = modules[-1].event.starts_at
    for state in done:
        # Qualified by the check-in at the last module (the service's completion).
        assert state.completion.completed_on == timezone.localdate(last_module)
    assert not [s for s in states.values() if not s.complete and s.completion]
    demo = GuideProfile.objects.get(user__username="lotse.hagen")
    assert states[demo.pk].complete and demo.qualified_on is not None
    # Last year's series qualified the experienced guides (Ayşe Yılmaz).
    earlier = SeriesCompletion.objects.exclude(series=series)
    assert earlier.filter(guide__person__given_names="Ayşe").exists()


def test_network_meetings_one_held_one_with_invitations(hagen):
    meetings = Event.objects.filter(kind=EventKind.NETWORK_MEETING).order_by("starts_at")
    assert meetings.count() == 2
    held, coming = meetings
    assert held.starts_at < timezone.now() < coming.starts_at
    assert not held.is_public and not coming.is_public
    assert held.registrations.attended().count() >= 3
    invited = set(coming.registrations.values_list("person_id", flat=True))
    assert invited == set(GuideProfile.objects.active().values_list("person_id", flat=True))
    assert coming.registrations.filter(status=RegistrationStatus.INVITED).exists()
    assert not GuideProfile.objects.filter(active=False, person_id__in=invited).exists()


def test_inquiries_over_the_last_months_some_for_the_worklist(hagen, client):
    today = datetime.date.today()
    inquiries = Inquiry.objects.all()
    assert 20 <= inquiries.count() <= 40
    dates = list(inquiries.values_list("date", flat=True))
    assert all(today - datetime.timedelta(days=183) <= d <= today for d in dates)
    assert len({(d.year, d.month) for d in dates}) >= 4  # spread over the months
    assert inquiries.values("topic").distinct().count() >= 6
    assert not inquiries.filter(topic__office__isnull=False).exists()  # the shipped catalogue
    assert set(inquiries.values_list("referred_to", flat=True)) == {
        "institution",
        "service_point",
        "event",
        "none",
    }
    assert inquiries.filter(language__code__in=["ar", "prs", "ti", "tr"]).count() >= 5
    assert not inquiries.filter(event__is_public=False).exists()
    open_ones = inquiries.follow_up_open()
    assert open_ones.count() == 3
    assert not open_ones.filter(contact_consent=False).exists()
    assert not open_ones.filter(contact_phone="").exists()
    assert inquiries.filter(follow_up_done_at__isnull=False).exists()

    client.force_login(User.objects.get(username="beratung.hagen"))
    response = client.get("/")
    worklist = response.context["worklist"]
    assert worklist.inquiries.total == 3
    assert open_ones.first().contact_phone in response.content.decode()
    assert 1 <= worklist.company_steps.total <= 10


def test_acquisitions_in_all_three_channels_places_and_placements(hagen):
    acquisitions = Acquisition.objects.all()
    assert set(acquisitions.values_list("channel", flat=True)) == set(Channel.values)
    recommended = acquisitions.filter(channel=Channel.RECOMMENDATION)
    kinds = set(recommended.values_list("recommended_by_organisation__kind", flat=True))
    assert {"migrant_org", "company"} <= kinds
    assert recommended.filter(recommended_by_person__guide_profile__isnull=False).exists()
    assert len(set(acquisitions.values_list("stage", flat=True))) >= 5
    assert {"paused", "lost"} <= set(acquisitions.values_list("status", flat=True))
    # Every acquisition has its calls and visits; the stage history starts with them.
    assert not acquisitions.annotate(n=Count("activities")).filter(n=0).exists()
    counsellor = User.objects.get(username="beratung.hagen")
    open_steps = Activity.objects.filter(by=counsellor, next_step_done_on=None).exclude(
        next_step=""
    )
    assert open_steps.filter(next_step_due_on__lt=datetime.date.today()).exists()

    open_places = Place.objects.filter(status=PlaceStatus.OPEN)
    assert set(open_places.values_list("kind", flat=True)) == {
        "orientation_day",
        "internship",
        "eq",
        "apprenticeship",
    }
    assert not Place.objects.filter(latitude__isnull=True).exists()
    assert (
        MatchingProfile.objects.annotate(n=Count("wished_occupations")).filter(n__gt=0).count() >= 6
    )
    placements = Placement.objects.all()
    assert {"suggested", "applied", "accepted", "started", "cancelled"} <= set(
        placements.values_list("status", flat=True)
    )
    hadi = placements.get(person__given_names="Hadi")
    assert (hadi.status, hadi.place.company.name) == ("accepted", "Bodenbeläge Özdemir")
    assert hadi.match_reasons
    # What the channel analytics make of it: each channel yields places.
    report = channel_report(
        datetime.date.today() - datetime.timedelta(days=730), datetime.date.today()
    )
    assert all(row.companies and row.places_offered for row in report.channels)
    assert any(row.places_filled for row in report.recommenders)


def test_osnabrueck_has_its_own_network(demo_data):
    office = Office.objects.get(slug="osnabrueck")
    with scope(**office_values(office)):
        assert Event.objects.upcoming().get(texts__language="tr")
        assert any(seats_free(e) == 0 for e in Event.objects.upcoming().exclude(capacity=None))
        assert TrainingSeries.objects.filter(name__startswith="Elternmentoren").count() == 2
        assert 6 <= GuideProfile.objects.count() <= 10
        assert 20 <= Inquiry.objects.count() <= 40
        assert set(Acquisition.objects.values_list("channel", flat=True)) == set(Channel.values)
        assert "Netzwerks ausbildender" in " ".join(Event.objects.values_list("title", flat=True))


def network_snapshot() -> dict:
    with scopes_disabled():
        return {
            "events": sorted(
                Event.objects.annotate(n=Count("registrations")).values_list(
                    "office__slug", "kind", "title", "capacity", "n"
                )
            ),
            "registrations": sorted(
                Registration.objects.values_list(
                    "event__title", "name", "status", "attended", "companions", "email"
                )
            ),
            "guides": sorted(
                GuideProfile.objects.values_list(
                    "person__family_name", "qualified_on", "active", "user__username"
                ),
                key=repr,
            ),
            "inquiries": sorted(
                Inquiry.objects.values_list(
                    "guide__person__family_name", "date", "topic__name", "referred_to"
                ),
                key=repr,
            ),
            "acquisitions": sorted(
                Acquisition.objects.values_list("company__name", "channel", "stage", "status")
            ),
            "placements": sorted(
                Placement.objects.values_list("person__family_name", "place__kind", "status")
            ),
        }


def test_seeding_again_gives_the_same_network(demo_data):
    first = network_snapshot()
    call_command("seed-demo", verbosity=0, stdout=StringIO())
    assert network_snapshot() == first
    assert len(first["events"]) > 40 and len(first["acquisitions"]) > 20


def test_seeding_keeps_mail_and_tasks_in_memory():
    with services._no_mail_or_tasks():
        assert type(mailers.default).__module__ == "django.core.mail.backends.locmem"
        assert type(task_backends["default"]).__name__ == "DummyBackend"
