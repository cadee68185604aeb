"""Ranking places for a young person and young people for a place, with reasons in words."""

import datetime

import pytest
from django.utils import translation
from django_scopes import scope

from lotse.factories import (
    MatchingProfileFactory,
    OrganisationFactory,
    PersonFactory,
    PlaceFactory,
    PlacementFactory,
)
from lotse.matching.engine import people_for, places_for
from lotse.matching.models import Occupation

TODAY = datetime.date.today()
SOON = TODAY + datetime.timedelta(days=60)


def occupation(name, kldb_code):
    return Occupation.objects.create(
        name=name,
        duration_months=36,
        area="hwk",
        kldb_code=kldb_code,
        source="test",
        source_date=datetime.date(2026, 11, 1),
    )


@pytest.fixture
def kfz(db):
    return occupation("Kfz-Mechatroniker (Test)", "25212")


@pytest.fixture
def zweirad(db):
    return occupation("Zweiradmechatroniker (Test)", "25232")


@pytest.fixture
def koch(db):
    return occupation("Koch (Test)", "29302")


@pytest.fixture
def company(hagen):
    return OrganisationFactory(office=hagen, name="Autohaus Yılmaz")


@pytest.fixture
def hadi(hagen, kfz):
    """Lives in Hagen (58135), wishes Kfz, German B1, Hauptschulabschluss, free in 30 days."""
    profile = MatchingProfileFactory(
        person__office=hagen,
        person__given_names="Hadi",
        person__family_name="Rezaie",
        person__postcode="58135",
        german_level="B1",
        school_certificate="hauptschule",
        available_from=TODAY + datetime.timedelta(days=30),
        max_distance_km=25,
        wished=[kfz],
    )
    return profile.person


def place(company, occupation, **kwargs):
    return PlaceFactory(office=company.office, company=company, occupation=occupation, **kwargs)


def ranked(person, office):
    with scope(office=[office.pk]), translation.override("en"):
        return places_for(person)


def test_it_ranks_wished_before_related_before_other(hadi, hagen, company, kfz, zweirad, koch):
    other = place(company, koch)
    related = place(company, zweirad)
    wished = place(company, kfz, postcode="58089")  # a few km away, still first

    suggestions = ranked(hadi, hagen)

    assert [s.place for s in suggestions] == [wished, related, other]
    assert "wished occupation: Kfz-Mechatroniker (Test)" in suggestions[0].reasons
    assert "related to a wished occupation: Zweiradmechatroniker (Test)" in suggestions[1].reasons
    assert "Koch (Test) is not among the wished occupations" in suggestions[2].warnings
    assert suggestions[1].score - suggestions[2].score == 25


def test_a_perfect_fit_scores_100_points(hadi, hagen, company, kfz):
    place(company, kfz)
    [suggestion] = ranked(hadi, hagen)
    assert suggestion.score == 100
    assert suggestion.warnings == []
    assert "0 km from home" in suggestion.reasons


def test_distance_within_and_over_the_limit(hadi, hagen, company, kfz):
    near = place(company, kfz, postcode="58089")
    far = place(company, kfz, postcode="49088")  # Osnabrück, about 100 km

    by_place = {s.place: s for s in ranked(hadi, hagen)}

    assert 0 < by_place[near].distance < 25
    assert any(r.endswith("km from home") for r in by_place[near].reasons)
    assert by_place[far].distance > 80
    assert any("more than 25 km" in w for w in by_place[far].warnings)
    assert by_place[near].score > by_place[far].score
    assert 100 - by_place[far].score == 25  # no distance points, nothing else lost


def test_german_one_level_short_counts_a_little(hadi, hagen, company, kfz):
    b1 = place(company, kfz, required_german_level="B1")
    b2 = place(company, kfz, required_german_level="B2")
    c1 = place(company, kfz, required_german_level="C1")

    by_place = {s.place: s for s in ranked(hadi, hagen)}

    assert by_place[b1].score == 100
    assert "German B1 (needed: B1)" in by_place[b1].reasons
    assert by_place[b2].score == 94
    assert "German B2 needed, B1 so far" in by_place[b2].warnings
    assert by_place[c1].score == 90
    assert "German C1 needed, level B1" in by_place[c1].warnings


def test_school_certificate_must_reach_the_requirement(hadi, hagen, company, kfz):
    fits = place(company, kfz, required_school_certificate="hauptschule")
    higher = place(company, kfz, required_school_certificate="mittlerer")

    by_place = {s.place: s for s in ranked(hadi, hagen)}

    assert "school certificate fits" in by_place[fits].reasons
    assert by_place[higher].score == 90
    assert "needs Mittlerer Schulabschluss" in by_place[higher].warnings


def test_a_place_starting_before_the_person_is_available_loses_points(hadi, hagen, company, kfz):
    early = place(company, kfz, start_date=TODAY + datetime.timedelta(days=10))
    [suggestion] = ranked(hadi, hagen)
    assert suggestion.place == early
    assert suggestion.score == 85
    assert any(w.startswith("starts on") and "before" in w for w in suggestion.warnings)


def test_full_closed_and_already_chosen_places_are_left_out(hadi, hagen, company, kfz, koch):
    full = place(company, kfz, seats=1)
    PlacementFactory(place=full, status="accepted")
    withdrawn = place(company, kfz, status="withdrawn")
    chosen = place(company, kfz)
    PlacementFactory(place=chosen, person=hadi)
    cancelled_before = place(company, koch)
    PlacementFactory(place=cancelled_before, person=hadi, status="cancelled")
    two_seats = place(company, kfz, seats=2)
    PlacementFactory(place=two_seats, status="accepted")

    places = {s.place for s in ranked(hadi, hagen)}

    assert full not in places and withdrawn not in places and chosen not in places
    assert cancelled_before in places and two_seats in places


def test_people_for_a_place_ranked_by_the_same_rules(hagen, company, kfz, zweirad, koch, hadi):
    related = MatchingProfileFactory(
        person__office=hagen,
        person__given_names="Olena",
        person__postcode="58135",
        wished=[zweirad],
    ).person
    other = MatchingProfileFactory(
        person__office=hagen, person__given_names="Piotr", person__postcode="58135", wished=[koch]
    ).person
    placed = MatchingProfileFactory(
        person__office=hagen, person__given_names="Zahra", person__postcode="58135", wished=[kfz]
    ).person
    PersonFactory(office=hagen, given_names="ohne Profil")
    MatchingProfileFactory(person__office=hagen, person__is_young_person=False, wished=[kfz])
    offer = place(company, kfz)
    PlacementFactory(place=offer, person=placed)

    with scope(office=[hagen.pk]), translation.override("en"):
        suggestions = people_for(offer)

    assert [s.person for s in suggestions] == [hadi, related, other]
    assert suggestions[0].reasons[0] == "wished occupation: Kfz-Mechatroniker (Test)"
    assert "Kfz-Mechatroniker (Test)" in suggestions[2].warnings[0]
    assert suggestions[0].explanation.startswith("wished occupation")


def test_without_a_profile_the_reasons_say_what_is_missing(hagen, company, kfz):
    person = PersonFactory(office=hagen, postcode="")
    place(company, kfz, required_german_level="B1")
    [suggestion] = ranked(person, hagen)
    assert "no wished occupations recorded" in suggestion.warnings
    assert "distance unknown (postcode missing)" in suggestion.warnings
    assert "German B1 needed, level unknown" in suggestion.warnings
