"""The acquisition pipeline as a counsellor uses it: start, board, detail, edit, pause."""

import datetime

import pytest
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from lotse.companies import services
from lotse.companies.models import Acquisition, AcquisitionStatus, Channel, Stage, StageChange
from lotse.companies.tests.conftest import english_client
from lotse.factories import AcquisitionFactory, OrganisationFactory, PersonFactory, PlaceFactory
from lotse.organisations.models import OrganisationKind

TODAY = datetime.date.today()


@pytest.fixture
def logged_in(client, hagen_counsellor):
    client.force_login(hagen_counsellor)
    return client


@pytest.fixture
def rezaie(hagen):
    return OrganisationFactory(
        office=hagen, name="Bodenbeläge Rezaie", kind=OrganisationKind.COMPANY
    )


@pytest.fixture
def mso(hagen):
    return OrganisationFactory(
        office=hagen, name="Afghanischer Kulturverein Hagen", kind=OrganisationKind.MIGRANT_ORG
    )


@pytest.fixture
def acquisition(hagen, rezaie, hagen_counsellor):
    with scope(office=[hagen.pk]):
        return services.start_acquisition(
            rezaie,
            channel=Channel.COLD_CALL,
            counsellor=hagen_counsellor,
            started_on=TODAY - datetime.timedelta(days=10),
        )


def _page(response):
    return response.content.decode()


def _start(client, company, **data):
    return client.post(
        reverse("companies:start_for", args=[company.pk]),
        {
            "counsellor": data.pop("counsellor"),
            "started_on": TODAY.isoformat(),
            "stage": Stage.IDENTIFIED,
            **data,
        },
    )


def test_it_offers_to_start_from_the_company_page(logged_in, rezaie):
    page = _page(logged_in.get(rezaie.get_absolute_url()))
    assert reverse("companies:start_for", args=[rezaie.pk]) in page
    assert "Start acquisition" in page


def test_a_recommendation_without_recommender_is_refused_with_the_reason(
    logged_in, rezaie, hagen_counsellor
):
    form_page = _page(logged_in.get(reverse("companies:start_for", args=[rezaie.pk])))
    assert "A recommendation without its recommender is refused" in form_page
    response = _start(logged_in, rezaie, counsellor=hagen_counsellor.pk, channel="recommendation")
    assert response.status_code == 200
    page = _page(response)
    assert "error-summary" in page
    assert "choose the organisation or the person who recommended the company" in page
    with scopes_disabled():
        assert not Acquisition.objects.exists()


def test_it_starts_by_recommendation_of_an_mso(logged_in, rezaie, mso, hagen_counsellor):
    response = _start(
        logged_in,
        rezaie,
        counsellor=hagen_counsellor.pk,
        channel="recommendation",
        recommended_by_organisation=mso.pk,
        notes="Herr Rezaie sucht einen Azubi",
    )
    with scopes_disabled():
        acquisition = Acquisition.objects.get(company=rezaie)
        stages = list(acquisition.stage_changes.values_list("stage", flat=True))
    assert response.status_code == 302 and response.url == acquisition.get_absolute_url()
    assert acquisition.recommended_by_organisation == mso
    assert acquisition.office == rezaie.office and stages == [Stage.IDENTIFIED]
    detail = _page(logged_in.get(acquisition.get_absolute_url()))
    assert "Afghanischer Kulturverein Hagen" in detail
    # The company page now shows the stage instead of the start link.
    company_page = _page(logged_in.get(rezaie.get_absolute_url()))
    assert acquisition.get_absolute_url() in company_page


def test_the_recommending_person_is_found_by_a_search_step(
    logged_in, hagen, rezaie, hagen_counsellor
):
    """GIVEN a form filled in halfway
    WHEN the counsellor searches for the recommending person
    THEN nothing is saved, the input is kept and the people found can be chosen."""
    leyla = PersonFactory(
        office=hagen, given_names="Leyla", family_name="Yılmaz", is_young_person=False
    )
    PersonFactory(office=hagen, given_names="Olena", family_name="Kovalenko")
    url = reverse("companies:start_for", args=[rezaie.pk])
    searched = logged_in.post(
        url,
        {
            "channel": "recommendation",
            "counsellor": hagen_counsellor.pk,
            "started_on": TODAY.isoformat(),
            "stage": Stage.IDENTIFIED,
            "notes": "Kontakt über Elternabend",
            "person_query": "leyla",
            "search_person": "1",
        },
    )
    page = _page(searched)
    assert searched.status_code == 200 and "error-summary" not in page
    assert f'value="{leyla.pk}"' in page and "Kovalenko" not in page
    assert "Kontakt über Elternabend" in page
    with scopes_disabled():
        assert not Acquisition.objects.exists()
    saved = _start(
        logged_in,
        rezaie,
        counsellor=hagen_counsellor.pk,
        channel="recommendation",
        recommended_by_person=leyla.pk,
    )
    assert saved.status_code == 302
    with scopes_disabled():
        assert Acquisition.objects.get(company=rezaie).recommended_by_person == leyla


def test_the_start_page_offers_only_companies_without_acquisition(
    logged_in, hagen, acquisition, mso
):
    OrganisationFactory(office=hagen, name="Kfz-Werkstatt Haile")
    page = _page(logged_in.get(reverse("companies:start")))
    company_select = page.split('name="company"')[1].split("</select>")[0]
    assert "Kfz-Werkstatt Haile" in company_select
    assert "Bodenbeläge Rezaie" not in company_select  # in the pipeline already
    assert "Afghanischer Kulturverein" not in company_select  # not a company


def test_moving_through_the_stages_on_the_board_counts_skipped_stages(
    logged_in, hagen, acquisition
):
    board = _page(logged_in.get(reverse("companies:board")))
    assert reverse("companies:move", args=[acquisition.pk]) in board
    assert '<h2 id="column-identified">' in board and "Bodenbeläge Rezaie" in board
    move = reverse("companies:move", args=[acquisition.pk])
    response = logged_in.post(move, {"stage": Stage.CONTACTED, "next": reverse("companies:board")})
    assert response.status_code == 302
    assert response.url == f"{reverse('companies:board')}#acquisition-{acquisition.pk}"
    logged_in.post(move, {"stage": Stage.ENTITLED, "next": reverse("companies:board")})
    with scopes_disabled():
        acquisition.refresh_from_db()
        reached = set(
            StageChange.objects.filter(acquisition=acquisition).values_list("stage", flat=True)
        )
    assert acquisition.stage == Stage.ENTITLED
    # "counselled" was skipped, and counts as reached.
    assert reached == {Stage.IDENTIFIED, Stage.CONTACTED, Stage.COUNSELLED, Stage.ENTITLED}
    detail = _page(logged_in.get(acquisition.get_absolute_url()))
    assert 'class="current" aria-current="step"' in detail
    current = detail.split('aria-current="step"')[1].split("</li>")[0]
    assert "entitled to train" in current


def test_a_foreign_next_url_is_not_followed(logged_in, acquisition):
    response = logged_in.post(
        reverse("companies:move", args=[acquisition.pk]),
        {"stage": Stage.CONTACTED, "next": "https://example.org/phish"},
    )
    assert response.url.startswith(acquisition.get_absolute_url())


def test_the_board_filters_by_channel_status_and_counsellor(
    logged_in, hagen, acquisition, hagen_colleague
):
    AcquisitionFactory(
        company__office=hagen,
        company__name="Pflegedienst Nowak",
        channel=Channel.OUTREACH_VISIT,
        counsellor=hagen_colleague,
    )
    AcquisitionFactory(
        company__office=hagen,
        company__name="Bäckerei Haile",
        counsellor=hagen_colleague,
        status=AcquisitionStatus.PAUSED,
        status_reason="Inhaber im Urlaub",
    )
    board = reverse("companies:board")
    mine = _page(logged_in.get(board))
    assert "Bodenbeläge Rezaie" in mine and "Pflegedienst Nowak" not in mine
    everyone = _page(logged_in.get(board, {"mine": "0"}))
    assert "Pflegedienst Nowak" in everyone and "Bäckerei Haile" not in everyone
    visits = _page(logged_in.get(board, {"mine": "0", "channel": "outreach_visit"}))
    assert "Pflegedienst Nowak" in visits and "Bodenbeläge Rezaie" not in visits
    paused = _page(logged_in.get(board, {"mine": "0", "status": "paused"}))
    assert "Bäckerei Haile" in paused and "Bodenbeläge Rezaie" not in paused
    listed = _page(logged_in.get(reverse("companies:list"), {"mine": "0", "status": "all"}))
    assert "Bäckerei Haile" in listed and "Pflegedienst Nowak" in listed


def test_a_paused_acquisition_cannot_be_moved(logged_in, acquisition):
    with scopes_disabled():
        Acquisition.objects.filter(pk=acquisition.pk).update(
            status=AcquisitionStatus.PAUSED, status_reason="Saisongeschäft"
        )
    response = logged_in.post(
        reverse("companies:move", args=[acquisition.pk]), {"stage": Stage.TRAINS}, follow=True
    )
    assert "Make it active again first" in _page(response)
    with scopes_disabled():
        assert Acquisition.objects.get(pk=acquisition.pk).stage == Stage.IDENTIFIED


def _edit_data(acquisition, **changes):
    return {
        "channel": acquisition.channel,
        "entitlement": acquisition.entitlement,
        "counsellor": acquisition.counsellor_id,
        "started_on": acquisition.started_on.isoformat(),
        "notes": acquisition.notes,
        "version": acquisition.version,
        **changes,
    }


def test_two_counsellors_editing_at_once_the_second_is_refused_and_keeps_input(
    client, acquisition, hagen_counsellor, hagen_colleague
):
    """GIVEN both opened the edit form at the same version
    WHEN the first saves and then the second saves
    THEN the second is refused with a message and her input is still in the form."""
    url = reverse("companies:update", args=[acquisition.pk])
    first, second = client, english_client()
    first.force_login(hagen_counsellor)
    second.force_login(hagen_colleague)
    assert first.get(url).status_code == 200
    saved = first.post(url, _edit_data(acquisition, entitlement="aevo_in_progress"))
    assert saved.status_code == 302
    refused = second.post(url, _edit_data(acquisition, notes="Meister macht AEVO im Mai"))
    page = _page(refused)
    assert refused.status_code == 200 and "error-summary" in page
    assert "A colleague saved this acquisition" in page
    assert "Meister macht AEVO im Mai" in page
    with scopes_disabled():
        acquisition.refresh_from_db()
    assert acquisition.entitlement == "aevo_in_progress" and acquisition.notes == ""


def test_pausing_needs_a_reason(logged_in, acquisition):
    url = reverse("companies:status", args=[acquisition.pk])
    refused = logged_in.post(url, {"status": "paused", "version": acquisition.version})
    assert refused.status_code == 200
    assert "Please note why the acquisition is paused or lost" in _page(refused)
    saved = logged_in.post(
        url,
        {"status": "paused", "status_reason": "Betriebsübergabe", "version": acquisition.version},
    )
    assert saved.status_code == 302
    with scopes_disabled():
        acquisition.refresh_from_db()
    assert acquisition.status == AcquisitionStatus.PAUSED
    assert "Betriebsübergabe" in _page(logged_in.get(acquisition.get_absolute_url()))
    # Active again: the reason is cleared.
    logged_in.post(url, {"status": "active", "version": acquisition.version})
    with scopes_disabled():
        acquisition.refresh_from_db()
    assert acquisition.status == AcquisitionStatus.ACTIVE and acquisition.status_reason == ""


def test_the_detail_page_lists_the_places_of_the_company(logged_in, hagen, acquisition):
    with scopes_disabled():
        place = PlaceFactory(office=hagen, company=acquisition.company, seats=2)
    page = _page(logged_in.get(acquisition.get_absolute_url()))
    assert place.occupation.name in page and "2 places" in page


def test_a_guide_is_refused(client, hagen_guide, acquisition):
    client.force_login(hagen_guide)
    assert client.get(reverse("companies:board")).status_code == 403
    assert client.get(acquisition.get_absolute_url()).status_code == 403


def test_the_board_needs_the_same_few_queries_for_many_companies(
    logged_in, hagen, hagen_counsellor, django_assert_max_num_queries
):
    def fill(count):
        for _ in range(count):
            AcquisitionFactory(company__office=hagen, counsellor=hagen_counsellor)

    fill(3)
    with django_assert_max_num_queries(20) as few:
        logged_in.get(reverse("companies:board"))
    fill(40)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = _page(logged_in.get(reverse("companies:board")))
    assert page.count('class="board-card"') == 30  # a column shows 30, then links to the list
    assert "Show all 43 in the list" in page
