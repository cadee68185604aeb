"""`lotse seed-demo`: deterministic, idempotent demo data with the demo logins."""

import re
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import F
from django_scopes import scopes_disabled

from lotse.accounts.models import Membership, Office, Role, User
from lotse.demo import services
from lotse.organisations.models import Affiliation, Organisation
from lotse.people.models import ParentChild, Person

pytestmark = pytest.mark.django_db

ARABIC = re.compile(r"[\u0600-\u06FF]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
GEEZ = re.compile(r"[\u1200-\u137F]")


def seed(**options) -> str:
    out = StringIO()
    call_command("seed-demo", stdout=out, **options)
    return out.getvalue()


def snapshot() -> dict:
    with scopes_disabled():
        return {
            "offices": sorted(Office.objects.values_list("slug", flat=True)),
            "people": list(
                Person.objects.order_by(
                    "office__slug", "family_name", "given_names", "id"
                ).values_list("office__slug", "given_names", "family_name", "birth_year", "email")
            ),
            "organisations": sorted(Organisation.objects.values_list("office__slug", "name")),
            "links": ParentChild.objects.count(),
            "affiliations": Affiliation.objects.count(),
            "person_languages": Person.languages.through.objects.count(),
            "users": User.objects.count(),
            "memberships": Membership.objects.count(),
        }


def test_seeding_twice_gives_the_same_data(demo_data):
    first = snapshot()
    seed(verbosity=0)
    assert snapshot() == first
    assert first["offices"] == ["hagen", "osnabrueck"]
    assert len(first["people"]) == 2 * services.PEOPLE_PER_OFFICE


def test_the_offices_come_from_the_seeds(demo_data):
    hagen = Office.objects.get(slug="hagen")
    assert hagen.name == "KAUSA Servicestelle Hagen"
    assert (hagen.land, hagen.funding_line) == ("NW", "JOBSTARTER plus (BMBF/ESF)")
    assert "Handwerkerstr. 11, 58135 Hagen" in hagen.address
    assert hagen.phone == "02331 / 48 87 80"
    osnabrueck = Office.objects.get(slug="osnabrueck")
    assert (osnabrueck.name, osnabrueck.land) == ("KAUSA Servicestelle Osnabrück", "NI")
    assert "Bramscher Str. 134-136, 49088 Osnabrück" in osnabrueck.address


def login(rf, username, password="lotse-demo"):
    return authenticate(rf.post("/accounts/login/"), username=username, password=password)


def test_demo_logins_exist_with_their_roles(rf):
    output = seed()
    expected = {
        "beratung.hagen": {"hagen": Role.COUNSELLOR},
        "leitung.hagen": {"hagen": Role.LEAD},
        "lotse.hagen": {"hagen": Role.GUIDE},
        "beratung.osnabrueck": {"osnabrueck": Role.COUNSELLOR},
        "leitung.osnabrueck": {"osnabrueck": Role.LEAD},
        "programm": {"hagen": Role.PROGRAMME, "osnabrueck": Role.PROGRAMME},
        "admin": {"hagen": Role.ADMIN, "osnabrueck": Role.ADMIN},
    }
    for username, roles in expected.items():
        user = login(rf, username)
        assert user is not None, username
        assert user.first_name and user.last_name and user.email.endswith("@example.org")
        assert dict(user.memberships.values_list("office__slug", "role")) == roles
        assert user.is_superuser == user.is_staff == (username == "admin")
        assert username in output
    assert "http://127.0.0.1:8000" in output


def test_reseeding_resets_a_changed_demo_login(rf, demo_data):
    user = User.objects.get(username="beratung.hagen")
    user.set_password("something-else")
    user.is_active = False
    user.save()
    seed(verbosity=0)
    assert login(rf, "beratung.hagen") == user


def test_hagen_counsellor_sees_hagen_people_and_not_osnabrueck(demo_data, client):
    client.force_login(User.objects.get(username="beratung.hagen"))
    with scopes_disabled():
        hagen_count = Person.objects.filter(office__slug="hagen").count()
        osnabrueck_person = Person.objects.filter(office__slug="osnabrueck").first()

    response = client.get("/people/")
    assert response.status_code == 200
    assert response.context["paginator"].count == hagen_count
    assert {p.office.slug for p in response.context["object_list"]} == {"hagen"}

    response = client.get("/people/", {"q": "al-hassan"})
    assert "Al-Hassan" in response.content.decode()
    response = client.get("/people/", {"q": "khalil muhammad"})
    assert "Khalil" not in response.content.decode()  # Osnabrück's Muhammad Khalil
    assert client.get(f"/people/{osnabrueck_person.pk}/").status_code == 404


def test_search_finds_demo_names_in_other_spellings(demo_data, client):
    client.force_login(User.objects.get(username="beratung.hagen"))
    page = client.get("/people/", {"q": "oezdemir"}).content.decode()
    assert "Özdemir" in page and "Oezdemir" in page
    page = client.get("/people/", {"q": "muhammad"}).content.decode()
    assert "Mohammed" in page


def test_names_in_original_scripts(demo_data):
    with scopes_disabled():
        originals = list(
            Person.objects.exclude(given_names_original="").values_list(
                "given_names_original", "family_name_original"
            )
        )
        mohammed = Person.objects.get(given_names="Mohammed", family_name="Al-Hassan")
    joined = " ".join(" ".join(pair) for pair in originals)
    assert ARABIC.search(joined) and CYRILLIC.search(joined) and GEEZ.search(joined)
    assert mohammed.original_name == "محمد الحسن"


def test_partial_and_placeholder_birth_dates(demo_data):
    with scopes_disabled():
        people = Person.objects.all()
        assert people.filter(birth_date_placeholder=True, birth_month=1, birth_day=1).exists()
        assert people.filter(birth_year__isnull=False, birth_month__isnull=True).exists()
        assert people.filter(birth_month__isnull=False, birth_day__isnull=True).exists()
        assert people.filter(birth_day__isnull=False, birth_date_placeholder=False).exists()


def test_kinds_links_and_roles_at_organisations(demo_data):
    with scopes_disabled():
        people = Person.objects.filter(office__slug="hagen")
        for kind in ("young_person", "parent", "entrepreneur", "guide", "contact"):
            assert people.filter(**{f"is_{kind}": True}).exists(), kind
        # An Eritrean child carries the father's given name as family name.
        assert ParentChild.objects.filter(
            parent__given_names="Tesfay",
            parent__family_name="Haile",
            child__given_names="Selam",
            child__family_name="Tesfay",
        ).exists()
        assert not ParentChild.objects.exclude(parent__office=F("child__office")).exists()
        roles = set(Affiliation.objects.values_list("role", flat=True))
        assert {"owner", "contact", "teacher", "mso_member", "pupil"} <= roles
        owner = Affiliation.objects.get(
            role="owner", organisation__name="Bodenbeläge Özdemir"
        ).person
        assert owner.is_entrepreneur and owner.full_name == "Mehmet Özdemir"
        orgs = Organisation.objects.filter(office__slug="hagen")
        assert set(orgs.values_list("kind", flat=True)) >= {
            "company",
            "school",
            "migrant_org",
            "institution",
            "provider",
        }
        assert orgs.filter(kind="company", migrant_led=True).exclude(sector="").exists()
        assert not orgs.filter(kind="institution", institution_type="").exists()
        assert orgs.get(institution_type="migration_council").name.startswith("Integrationsrat")
        assert Organisation.objects.filter(
            office__slug="osnabrueck", name="Migrationsbeirat der Stadt Osnabrück"
        ).exists()


def test_scale_and_more_offices(demo_data):
    base = snapshot()
    output = seed(scale=2, offices=3)
    scaled = snapshot()
    assert scaled["offices"] == ["bonn", "hagen", "osnabrueck"]
    assert len(scaled["people"]) == 3 * 2 * services.PEOPLE_PER_OFFICE
    assert len(scaled["people"]) / 3 == pytest.approx(2 * len(base["people"]) / 2)
    assert "[3/3] KAUSA Servicestelle Bonn" in output
    # The demo logins that work everywhere are members of the generated office too.
    assert Membership.objects.filter(user__username="programm").count() == 3
    # Back to the plain demo: the generated office goes away again.
    seed(verbosity=0)
    assert snapshot() == base


def test_offices_beyond_the_list_are_refused():
    with pytest.raises(CommandError):
        seed(offices=services.MAX_OFFICES + 1, verbosity=0)
