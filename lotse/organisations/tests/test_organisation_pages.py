import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from lotse.factories import OrganisationFactory
from lotse.organisations.models import Organisation


@pytest.fixture
def logged_in(client, hagen_counsellor):
    client.force_login(hagen_counsellor)
    return client


def test_creating_a_migrant_led_company(logged_in, hagen):
    response = logged_in.post(
        reverse("organisations:create"),
        {
            "name": "Yılmaz Kfz-Meisterbetrieb",
            "kind": "company",
            "town": "Hagen",
            "postcode": "58089",
            "sector": "Kfz-Handwerk",
            "size_class": "micro",
            "chamber": "hwk",
            "migrant_led": "on",
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        company = Organisation.objects.get(name="Yılmaz Kfz-Meisterbetrieb")
    assert company.office == hagen and company.migrant_led
    page = logged_in.get(company.get_absolute_url()).content.decode()
    assert "Kfz-Handwerk" in page


def test_an_institution_needs_its_type(logged_in):
    response = logged_in.post(
        reverse("organisations:create"), {"name": "Agentur für Arbeit Hagen", "kind": "institution"}
    )
    assert response.status_code == 200
    assert 'value="Agentur für Arbeit Hagen"' in response.content.decode()
    with scopes_disabled():
        assert not Organisation.objects.exists()


def test_company_details_are_dropped_for_other_kinds(logged_in, hagen):
    logged_in.post(
        reverse("organisations:create"),
        {"name": "Gesamtschule Haspe", "kind": "school", "migrant_led": "on", "sector": "Bildung"},
    )
    with scopes_disabled():
        school = Organisation.objects.get(name="Gesamtschule Haspe")
    assert not school.migrant_led and school.sector == ""


def test_search_and_filter(logged_in, hagen):
    OrganisationFactory(office=hagen, name="Türkisch-Islamische Gemeinde", kind="migrant_org")
    OrganisationFactory(office=hagen, name="Bäckerei Öztürk", migrant_led=True)
    OrganisationFactory(office=hagen, name="Stadtwerke Hagen")
    page = logged_in.get(reverse("organisations:list"), {"q": "turkisch"}).content.decode()
    assert "Türkisch-Islamische Gemeinde" in page and "Stadtwerke" not in page
    page = logged_in.get(reverse("organisations:list"), {"migrant_led": "on"}).content.decode()
    assert "Bäckerei Öztürk" in page and "Stadtwerke" not in page
    page = logged_in.get(reverse("organisations:list"), {"kind": "migrant_org"}).content.decode()
    assert "Türkisch-Islamische Gemeinde" in page and "Bäckerei" not in page


def test_edit_history_and_delete(logged_in, hagen):
    company = OrganisationFactory(office=hagen, name="Friseur Salon Aleppo", town="Hagen")
    logged_in.post(
        reverse("organisations:update", args=[company.pk]),
        {"name": "Friseursalon Aleppo", "kind": "company", "town": "Hagen"},
    )
    history = logged_in.get(reverse("organisations:history", args=[company.pk])).content.decode()
    assert "Friseur Salon Aleppo" in history and "Friseursalon Aleppo" in history
    logged_in.post(reverse("organisations:delete", args=[company.pk]))
    with scopes_disabled():
        assert not Organisation.objects.exists()
