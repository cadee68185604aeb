"""Training series, qualification by attendance, certificates and network meetings."""

import datetime
import io

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled
from pypdf import PdfReader

from lotse.events import services as event_services
from lotse.events.models import RegistrationSource, RegistrationStatus
from lotse.guides import services
from lotse.guides.models import SeriesCompletion, TrainingModule, TrainingSeries
from lotse.guides.tests.conftest import make_event


@pytest.fixture
def staff(client, hagen_counsellor):
    client.force_login(hagen_counsellor)
    return client


@pytest.fixture
def series(hagen):
    with scopes_disabled():
        return TrainingSeries.objects.create(
            office=hagen, name="Elternlotsen 2026", starts_on=datetime.date(2026, 2, 1)
        )


def _module_event(office, title, days):
    return make_event(office, kind="training_module", title=title, days=days, is_public=False)


@pytest.fixture
def modules(hagen, series):
    """Three modules, two of them required; all already held."""
    with scopes_disabled():
        return [
            TrainingModule.objects.create(
                office=hagen,
                series=series,
                event=_module_event(hagen, title, days),
                required=required,
            )
            for title, days, required in [
                ("Das duale Ausbildungssystem", -30, True),
                ("Beratungsangebote in Hagen", -20, True),
                ("Gesprächsführung", -10, False),
            ]
        ]


def _attend(office, module, guide, user, *, check_in=True):
    with scope(office=[office.pk], network=[office.pk], guide=None):
        registration = event_services.register(
            module.event,
            name=guide.person.full_name,
            person=guide.person,
            source=RegistrationSource.INVITATION,
            status=RegistrationStatus.INVITED,
        )
        if check_in:
            event_services.check_in(registration, user=user)
        return registration


def test_a_series_is_created_and_gets_its_modules(staff, hagen, osnabrueck):
    response = staff.post(
        reverse("guides:series_create"),
        {"name": "Elternlotsen 2027", "starts_on": "2027-02-01"},
    )
    with scopes_disabled():
        series = TrainingSeries.objects.get(name="Elternlotsen 2027")
    assert series.office == hagen
    assert response.url == reverse("guides:series_detail", args=[series.pk])
    free = _module_event(hagen, "Schulsystem in NRW", 20)
    _module_event(osnabrueck, "Osnabrücker Modul", 20)
    make_event(hagen, title="Elternabend Haspe")
    form = staff.get(reverse("guides:module_add", args=[series.pk])).content.decode()
    assert "Schulsystem in NRW" in form
    assert "Osnabrücker Modul" not in form and "Elternabend Haspe" not in form
    response = staff.post(
        reverse("guides:module_add", args=[series.pk]), {"event": free.pk, "required": "0"}
    )
    assert response.status_code == 302
    with scopes_disabled():
        module = TrainingModule.objects.get(event=free)
    assert module.series == series and module.required is False
    page = staff.get(reverse("guides:series_detail", args=[series.pk])).content.decode()
    assert "Schulsystem in NRW" in page
    # An event already in a series is no longer offered.
    form = staff.get(reverse("guides:module_add", args=[series.pk])).content.decode()
    assert "Schulsystem in NRW" not in form


def test_a_module_can_be_taken_out_of_the_series(staff, series, modules):
    module = modules[2]
    response = staff.post(reverse("guides:module_remove", args=[series.pk, module.pk]))
    assert response.status_code == 302
    with scopes_disabled():
        assert not TrainingModule.objects.filter(pk=module.pk).exists()


def test_attending_every_required_module_qualifies_the_guide(
    staff, hagen, hagen_counsellor, series, modules, hamid, saba
):
    _attend(hagen, modules[0], hamid, hagen_counsellor)
    _attend(hagen, modules[0], saba, hagen_counsellor)
    _attend(hagen, modules[1], saba, hagen_counsellor, check_in=False)
    with scopes_disabled():
        assert not SeriesCompletion.objects.exists()
    _attend(hagen, modules[1], hamid, hagen_counsellor)  # the optional module is not needed
    with scopes_disabled():
        completion = SeriesCompletion.objects.get()
        hamid.refresh_from_db()
    assert completion.guide == hamid
    held_on = timezone.localdate(modules[1].event.starts_at)
    assert completion.completed_on == held_on and hamid.qualified_on == held_on

    page = staff.get(reverse("guides:series_detail", args=[series.pk])).content.decode()
    table = page[page.index("Progress of the guides") :]
    assert "Hamid Rahimi" in table and "Saba Tesfay" in table
    assert "✓</span> attended" in table and "✗</span> not attended" in table
    assert "2 / 2" in table and "1 / 2" in table
    assert held_on.strftime("%d.%m.%Y") in table
    assert reverse("guides:certificate", args=[hamid.pk, series.pk]) in table
    assert reverse("guides:certificate", args=[saba.pk, series.pk]) not in table

    detail = staff.get(reverse("guides:detail", args=[hamid.pk])).content.decode()
    assert "Elternlotsen 2026" in detail and "completed" in detail
    assert reverse("guides:certificate", args=[hamid.pk, series.pk]) in detail


def test_the_certificate_names_the_guide_and_the_modules(
    staff, hagen, hagen_counsellor, series, modules, hamid, saba
):
    for module in modules[:2]:
        _attend(hagen, module, hamid, hagen_counsellor)
    response = staff.get(reverse("guides:certificate", args=[hamid.pk, series.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Hamid Rahimi" in text
    assert "KAUSA Servicestelle Hagen" in text
    assert "Elternlotsen 2026" in text and "Das duale Ausbildungssystem" in text
    assert "Gesprächsführung" not in text  # not attended
    # Not (yet) qualified: no certificate.
    response = staff.get(reverse("guides:certificate", args=[saba.pk, series.pk]))
    assert response.status_code == 404


def test_a_guide_sees_her_training_record_and_downloads_her_certificate(
    hagen, hagen_counsellor, hagen_guide, series, modules, hamid, saba
):
    for module in modules[:2]:
        _attend(hagen, module, hamid, hagen_counsellor)
        _attend(hagen, module, saba, hagen_counsellor)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(hagen_guide)
    page = client.get(reverse("guides:my_record")).content.decode()
    assert "Elternlotsen 2026" in page and "Afghan families" in page
    certificate = reverse("guides:certificate", args=[hamid.pk, series.pk])
    assert certificate in page
    assert client.get(certificate).status_code == 200
    # Saba's certificate is hers alone.
    other = reverse("guides:certificate", args=[saba.pk, series.pk])
    assert client.get(other).status_code == 404


def test_the_meetings_page_counts_and_warns_when_too_few_are_planned(
    staff, hagen, hagen_counsellor, hamid, saba
):
    year = timezone.localdate().year + 1
    starts = timezone.make_aware(datetime.datetime(year, 3, 12, 18, 0))
    with scopes_disabled():
        meeting = make_event(hagen, kind="network_meeting", title="Netzwerktreffen Frühjahr")
        meeting.starts_at = starts
        meeting.save()
    with scope(office=[hagen.pk], network=[hagen.pk], guide=None):
        assert services.invite_active_guides(meeting) == 2
        registration = meeting.registrations.get(person=hamid.person)
        event_services.confirm_invitation(registration)
        event_services.check_in(registration, user=hagen_counsellor)
    response = staff.get(reverse("guides:meetings"), {"year": year})
    page = response.content.decode()
    assert "Netzwerktreffen Frühjahr" in page and f"12.03.{year} 18:00" in page
    assert response.context["meetings"][0]["invited"] == 1
    assert response.context["meetings"][0]["confirmed"] == 1
    assert response.context["meetings"][0]["attended"] == 1
    assert "1 meeting is still to be planned" in page
    assert reverse("events:create") + "?kind=network_meeting" in page
    assert reverse("events:detail", args=[meeting.pk]) in page
    empty = staff.get(reverse("guides:meetings"), {"year": year + 1}).content.decode()
    assert "2 meetings are still to be planned" in empty


def test_nobody_qualifies_before_the_planned_number_of_modules(
    hagen, hagen_counsellor, series, hamid
):
    """A series built module by module: attending the only module planned so far is not
    the qualification when the series is set to two required modules."""
    with scopes_disabled():
        series.required_modules = 2
        series.save()
        first = TrainingModule.objects.create(
            office=hagen, series=series, event=_module_event(hagen, "Modul 1", -20)
        )
    _attend(hagen, first, hamid, hagen_counsellor)
    with scope(office=[hagen.pk], network=[hagen.pk], guide=None):
        state = services.progress(hamid, series)
        assert (state.required_attended, state.required_total, state.complete) == (1, 2, False)
        assert not SeriesCompletion.objects.filter(guide=hamid).exists()
    with scopes_disabled():
        second = TrainingModule.objects.create(
            office=hagen, series=series, event=_module_event(hagen, "Modul 2", -10)
        )
    _attend(hagen, second, hamid, hagen_counsellor)
    with scopes_disabled():
        assert SeriesCompletion.objects.filter(guide=hamid, series=series).exists()
