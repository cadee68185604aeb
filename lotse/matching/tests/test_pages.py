"""Places, matching profiles and placements as a counsellor uses them, through the pages."""

import datetime

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from lotse.cases.models import CaseStatus, Outcome
from lotse.companies.models import Acquisition, Stage, StageChange
from lotse.factories import (
    CaseFactory,
    MatchingProfileFactory,
    OrganisationFactory,
    PersonFactory,
    PlaceFactory,
    PlacementFactory,
)
from lotse.matching.models import MatchingProfile, Occupation, Place, Placement

TODAY = datetime.date.today()
SOON = TODAY + datetime.timedelta(days=60)


def occupation(name, kldb_code="25212"):
    return Occupation.objects.create(
        name=name,
        duration_months=36,
        area="hwk",
        kldb_code=kldb_code,
        source="test",
        source_date=datetime.date(2026, 11, 1),
    )


@pytest.fixture
def logged_in(client, hagen_counsellor):
    client.force_login(hagen_counsellor)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def kfz(db):
    return occupation("Kfz-Mechatroniker (Test)")


@pytest.fixture
def koch(db):
    return occupation("Koch (Test)", "29302")


@pytest.fixture
def company(hagen):
    return OrganisationFactory(office=hagen, name="Autohaus Yılmaz")


@pytest.fixture
def hadi(hagen):
    return PersonFactory(
        office=hagen, given_names="Hadi", family_name="Rezaie", postcode="58135", birth_year=2006
    )


@pytest.fixture
def profile(hadi, kfz):
    return MatchingProfileFactory(person=hadi, office=hadi.office, wished=[kfz])


@pytest.fixture
def offer(company, kfz):
    return PlaceFactory(office=company.office, company=company, occupation=kfz, kind="eq")


def _page(response):
    return response.content.decode()


def _place_data(company, occupation, **changes):
    return {
        "kind": "apprenticeship",
        "company": company.pk,
        "occupation": occupation.pk,
        "postcode": "58089",
        "start_date": SOON.isoformat(),
        "duration": "3 Jahre",
        "seats": 2,
        "required_school_certificate": "hauptschule",
        "required_german_level": "B1",
        "status": "open",
        "description": "",
        **changes,
    }


# Profile ---------------------------------------------------------------------------------


def test_it_records_the_matching_profile(logged_in, hadi, kfz, koch):
    url = reverse("matching:profile", args=[hadi.pk])
    form = _page(logged_in.get(url))
    assert "<optgroup" in form and "Kfz-Mechatroniker (Test)" in form
    response = logged_in.post(
        url,
        {
            "wish_1": kfz.pk,
            "wish_2": koch.pk,
            "wish_3": kfz.pk,  # the same twice counts once
            "german_level": "B1",
            "school_certificate": "hauptschule",
            "available_from": SOON.isoformat(),
            "max_distance_km": 30,
        },
    )
    assert response.status_code == 302 and response.url == hadi.get_absolute_url()
    with scopes_disabled():
        profile = MatchingProfile.objects.get(person=hadi)
        assert set(profile.wished_occupations.all()) == {kfz, koch}
    assert profile.office == hadi.office and profile.max_distance_km == 30

    person_page = _page(logged_in.get(hadi.get_absolute_url()))
    assert "Kfz-Mechatroniker (Test)" in person_page and "30 km" in person_page
    assert reverse("matching:person_places", args=[hadi.pk]) in person_page


def test_editing_the_profile_shows_the_wishes_and_can_remove_one(logged_in, profile, kfz, koch):
    url = reverse("matching:profile", args=[profile.person_id])
    assert f'value="{kfz.pk}" selected' in _page(logged_in.get(url))
    logged_in.post(url, {"wish_1": koch.pk, "wish_2": "", "max_distance_km": 25})
    with scopes_disabled():
        assert list(MatchingProfile.objects.get().wished_occupations.all()) == [koch]


def test_a_profile_with_a_travel_limit_of_zero_keeps_the_form(logged_in, hadi, kfz):
    response = logged_in.post(
        reverse("matching:profile", args=[hadi.pk]), {"wish_1": kfz.pk, "max_distance_km": 0}
    )
    assert response.status_code == 200
    assert "error-summary" in _page(response)
    with scopes_disabled():
        assert not MatchingProfile.objects.exists()


# Places ----------------------------------------------------------------------------------


def test_it_adds_a_place_located_by_its_postcode(logged_in, hagen, company, kfz):
    response = logged_in.post(reverse("matching:place_create"), _place_data(company, kfz))
    with scopes_disabled():
        place = Place.objects.get()
    assert response.status_code == 302 and response.url == place.get_absolute_url()
    assert place.office == hagen and place.town == "Hagen"
    assert place.latitude and place.longitude
    page = _page(logged_in.get(place.get_absolute_url()))
    assert "Autohaus Yılmaz" in page and "0 of 2 taken" in page


def test_an_unknown_postcode_keeps_the_form_with_a_clear_message(logged_in, company, kfz):
    response = logged_in.post(
        reverse("matching:place_create"),
        _place_data(company, kfz, postcode="00000", description="Werkstatt am Hauptbahnhof"),
    )
    page = _page(response)
    assert response.status_code == 200
    assert "The postcode 00000 does not exist in Germany" in page
    assert "Werkstatt am Hauptbahnhof" in page and 'value="00000"' in page
    with scopes_disabled():
        assert not Place.objects.exists()


def test_the_unknown_postcode_message_is_german_by_default(client, hagen_counsellor, company, kfz):
    client.force_login(hagen_counsellor)
    response = client.post(
        reverse("matching:place_create"), _place_data(company, kfz, postcode="5813")
    )
    assert "fünf Ziffern" in _page(response)


def test_a_start_date_in_the_past_is_refused(logged_in, company, kfz):
    yesterday = (TODAY - datetime.timedelta(days=1)).isoformat()
    response = logged_in.post(
        reverse("matching:place_create"), _place_data(company, kfz, start_date=yesterday)
    )
    assert response.status_code == 200
    assert "The start date is in the past." in _page(response)


def test_only_companies_offer_places(logged_in, hagen, kfz):
    mso = OrganisationFactory(office=hagen, name="Kulturverein Hagen", kind="migrant_org")
    form = _page(logged_in.get(reverse("matching:place_create")))
    assert "Kulturverein Hagen" not in form
    response = logged_in.post(reverse("matching:place_create"), _place_data(mso, kfz))
    assert response.status_code == 200 and "error-summary" in _page(response)


def test_changing_the_postcode_moves_the_place_and_its_town(logged_in, offer, company, kfz):
    response = logged_in.post(
        reverse("matching:place_update", args=[offer.pk]),
        _place_data(company, kfz, postcode="49088", seats=1),
    )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.postcode == "49088" and offer.town == "Osnabrück"


def test_seats_cannot_drop_below_the_accepted_placements(logged_in, offer, company, kfz):
    offer.seats = 2
    offer.save()
    PlacementFactory.create_batch(2, place=offer, status="accepted")
    response = logged_in.post(
        reverse("matching:place_update", args=[offer.pk]), _place_data(company, kfz, seats=1)
    )
    assert response.status_code == 200 and "accepted already" in _page(response)


def test_the_place_list_filters(logged_in, hagen, company, kfz, koch):
    other_company = OrganisationFactory(office=hagen, name="Restaurant Anatolia")
    PlaceFactory(office=hagen, company=company, occupation=kfz, kind="eq")
    PlaceFactory(office=hagen, company=other_company, occupation=koch, kind="internship")
    PlaceFactory(office=hagen, company=company, occupation=koch, status="filled")
    url = reverse("matching:place_list")

    page = _page(logged_in.get(url))
    assert "2 places" in page  # open places by default
    assert "Restaurant Anatolia" in page

    page = _page(logged_in.get(url, {"q": "kfz"}))
    assert "1 place" in page and "Kfz-Mechatroniker (Test)" in page
    page = _page(logged_in.get(url, {"kind": "internship"}))
    assert "1 place" in page and "Restaurant Anatolia" in page
    page = _page(logged_in.get(url, {"company": company.pk, "status": "all"}))
    assert "2 places" in page and "Restaurant Anatolia" not in page.split("<table")[1]
    page = _page(logged_in.get(url, {"status": "filled"}))
    assert "1 place" in page


def test_the_place_list_shows_only_the_own_office(client, osnabrueck_counsellor, offer):
    client.force_login(osnabrueck_counsellor)
    assert "Autohaus Yılmaz" not in _page(client.get(reverse("matching:place_list")))


# Suggestions -----------------------------------------------------------------------------


def test_the_places_for_a_person_come_with_reasons_in_words(logged_in, profile, offer):
    page = _page(logged_in.get(reverse("matching:person_places", args=[profile.person_id])))
    assert "100 of 100 points" in page
    assert "wished occupation: Kfz-Mechatroniker (Test)" in page
    assert reverse("matching:suggest", args=[offer.pk, profile.person_id]) in page


def test_the_candidates_of_a_place_with_score_reasons_and_distance(logged_in, profile, offer):
    offer.required_german_level = "B2"
    offer.save()
    page = _page(logged_in.get(offer.get_absolute_url()))
    assert "Hadi Rezaie" in page
    assert "94 of 100 points" in page
    assert "German B2 needed, B1 so far" in page
    assert "0 km" in page


def test_one_click_makes_a_placement_linked_to_the_open_case(
    logged_in, profile, offer, hagen_counsellor
):
    case = CaseFactory(person=profile.person, counsellor=hagen_counsellor)
    response = logged_in.post(
        reverse("matching:suggest", args=[offer.pk, profile.person_id]), {"next": "person"}
    )
    assert response.url == reverse("matching:person_places", args=[profile.person_id])
    with scopes_disabled():
        placement = Placement.objects.get()
    assert placement.status == "suggested" and placement.case == case
    assert placement.created_by == hagen_counsellor and placement.office == offer.office
    assert placement.match_reasons.startswith("100 of 100 points\n")
    assert "wished occupation: Kfz-Mechatroniker (Test)" in placement.match_reasons

    page = _page(logged_in.get(response.url))
    assert "No open place with a free seat." in page  # the place is now on the way
    assert "wished occupation: Kfz-Mechatroniker (Test)" in page  # in the placements list


def test_a_second_click_does_not_make_a_second_placement(logged_in, profile, offer):
    url = reverse("matching:suggest", args=[offer.pk, profile.person_id])
    logged_in.post(url)
    response = logged_in.post(url, follow=True)
    assert "already on the way into this place" in _page(response)
    with scopes_disabled():
        assert Placement.objects.count() == 1


def test_the_suggest_button_only_posts(logged_in, profile, offer):
    url = reverse("matching:suggest", args=[offer.pk, profile.person_id])
    assert logged_in.get(url).status_code == 405


# Placements ------------------------------------------------------------------------------


def _change(client, placement, **data):
    return client.post(
        reverse("matching:placement_update", args=[placement.pk]),
        {"on": TODAY.isoformat(), **data},
    )


def test_only_the_allowed_next_statuses_are_offered(logged_in, offer):
    placement = PlacementFactory(place=offer)
    page = _page(logged_in.get(reverse("matching:placement_update", args=[placement.pk])))
    assert 'value="applied"' in page and 'value="cancelled"' in page
    assert 'value="accepted"' not in page and 'value="started"' not in page

    response = _change(logged_in, placement, status="started")
    assert response.status_code == 200 and "error-summary" in _page(response)
    assert _change(logged_in, placement, status="applied").status_code == 302
    placement.refresh_from_db()
    assert placement.status == "applied"


def test_cancelling_needs_who_and_why(logged_in, offer):
    placement = PlacementFactory(place=offer, status="applied")
    response = _change(logged_in, placement, status="cancelled")
    page = _page(response)
    assert response.status_code == 200 and "Who cancelled?" in page and "Why was it" in page
    _change(
        logged_in,
        placement,
        status="cancelled",
        cancelled_by="company",
        cancel_reason="Betrieb hat jemand anderen genommen",
    )
    placement.refresh_from_db()
    assert placement.status == "cancelled" and placement.cancelled_by == "company"
    page = _page(logged_in.get(reverse("matching:placement_update", args=[placement.pk])))
    assert "does not change any more" in page


def test_accepting_beyond_the_seats_is_refused_and_the_place_is_filled(logged_in, offer):
    first, second = PlacementFactory.create_batch(2, place=offer, status="interview")
    assert _change(logged_in, first, status="accepted").status_code == 302
    offer.refresh_from_db()
    assert offer.status == "filled"

    response = _change(logged_in, second, status="accepted")
    assert response.status_code == 200 and "All 1 places are taken." in _page(response)
    second.refresh_from_db()
    assert second.status == "interview"

    _change(logged_in, first, status="cancelled", cancelled_by="person", cancel_reason="umgezogen")
    offer.refresh_from_db()
    assert offer.status == "open"


def test_a_started_apprenticeship_becomes_the_outcome_and_the_company_trains(
    logged_in, hagen, hadi, company, kfz, hagen_counsellor
):
    case = CaseFactory(person=hadi, counsellor=hagen_counsellor)
    with scopes_disabled():
        acquisition = Acquisition.objects.create(
            office=hagen,
            company=company,
            channel="cold_call",
            counsellor=hagen_counsellor,
            stage=Stage.OFFERS_PLACES,
        )
    apprenticeship = PlaceFactory(
        office=hagen, company=company, occupation=kfz, kind="apprenticeship"
    )
    placement = PlacementFactory(place=apprenticeship, person=hadi, case=case, status="accepted")

    response = _change(logged_in, placement, status="started", next="person")

    assert response.status_code == 302 and response.url == hadi.get_absolute_url()
    with scopes_disabled():
        outcome = Outcome.objects.get(case=case)
        acquisition.refresh_from_db()
        assert StageChange.objects.filter(acquisition=acquisition, stage=Stage.TRAINS).exists()
    assert outcome.kind == "apprenticeship" and outcome.organisation == company
    assert outcome.occupation == "Kfz-Mechatroniker (Test)" and outcome.date == TODAY
    assert acquisition.stage == Stage.TRAINS
    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN
    person_page = _page(logged_in.get(hadi.get_absolute_url()))
    assert "Kfz-Mechatroniker (Test)" in person_page and "started" in person_page


def test_a_future_date_is_refused(logged_in, offer):
    placement = PlacementFactory(place=offer)
    tomorrow = (TODAY + datetime.timedelta(days=1)).isoformat()
    response = _change(logged_in, placement, status="applied", on=tomorrow)
    assert response.status_code == 200 and "error-summary" in _page(response)


# Who may -------------------------------------------------------------------------------


def test_the_person_page_has_the_matching_panel(logged_in, profile, offer):
    PlacementFactory(place=offer, person=profile.person, status="applied")
    page = _page(logged_in.get(profile.person.get_absolute_url()))
    assert 'id="matching-heading"' in page
    assert "applied" in page and reverse("matching:profile", args=[profile.person_id]) in page


def test_a_guide_gets_no_matching_page(client, hagen_guide, profile, offer):
    client.force_login(hagen_guide)
    for url in (
        reverse("matching:place_list"),
        offer.get_absolute_url(),
        reverse("matching:person_places", args=[profile.person_id]),
        reverse("matching:profile", args=[profile.person_id]),
    ):
        assert client.get(url).status_code == 403, url
    assert (
        client.post(reverse("matching:suggest", args=[offer.pk, profile.person_id])).status_code
        == 403
    )
    page = _page(client.get(reverse("core:home")))
    assert reverse("matching:place_list") not in page
