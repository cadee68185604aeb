"""Every training occupation is explained in Easy German, and the profile form shows it."""

import csv
import re

import pytest
from django.db.migrations.loader import MigrationLoader
from django.utils.html import escape
from django_scopes import scope

from lotse.matching.models import Occupation
from lotse.matching.reference import COLUMNS, OCCUPATIONS_FILE, load_occupations
from lotse.profiles import services

pytestmark = pytest.mark.django_db


def shipped_explanations() -> dict[str, str]:
    with OCCUPATIONS_FILE.open(encoding="utf-8", newline="") as handle:
        return {row["name"]: row["easy_description"] for row in csv.DictReader(handle)}


def test_after_installing_every_occupation_has_its_explanation_from_the_file():
    # The migrations loaded the shipped file: 0002 without the field, 0004 fills it.
    shipped = shipped_explanations()
    loaded = dict(Occupation.objects.filter(active=True).values_list("name", "easy_description"))

    assert loaded == shipped
    assert all(text.strip() for text in loaded.values())
    assert loaded["Friseur"] == "Sie schneiden, waschen und färben Haare. " + (
        "Sie beraten die Kunden zu Frisur und Pflege."
    )


def test_the_loader_works_with_the_model_from_before_the_field_existed():
    state = MigrationLoader(None, ignore_no_migrations=True).project_state(
        ("matching", "0002_load_occupations")
    )
    old_model = state.apps.get_model("matching", "Occupation")
    Occupation.objects.update(easy_description="")

    assert load_occupations(old_model) == (0, 0, 0)
    assert set(Occupation.objects.values_list("easy_description", flat=True)) == {""}

    load_occupations()
    assert not Occupation.objects.filter(active=True, easy_description="").exists()


def test_a_file_without_the_easy_german_column_still_loads(tmp_path):
    path = tmp_path / "old.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS[:-1])
        writer.writerow(["Probeberuf", "Probeberuferin", "36", "ihk", "", "Sie probieren."])

    load_occupations(path=path)

    occupation = Occupation.objects.get(name="Probeberuf")
    assert (occupation.description, occupation.easy_description) == ("Sie probieren.", "")


@pytest.mark.parametrize("lang", ["de-x-ls", "en", "ar"])
def test_the_form_shows_each_explanation_under_the_name_tied_to_its_checkbox(client, hagen, lang):
    with scope(office=[hagen.pk], network=[hagen.pk], guide=None):
        profile = services.start_profile(hagen)
    hairdresser = Occupation.objects.get(name="Friseur")

    page = client.get(f"/profil/{hagen.slug}/{lang}/{profile.token}/occupations/").content.decode()

    checkbox = re.search(rf'<input[^>]*value="{hairdresser.pk}"[^>]*>', page)[0]
    described_by = re.search(r'aria-describedby="([^"]+)"', checkbox)[1]
    explanation = re.search(rf'<small[^>]*id="{described_by}"[^>]*>([^<]*)</small>', page)
    assert explanation, "the checkbox names an element that is not on the page"
    # German in every language of the form.
    assert explanation[1] == escape(hairdresser.easy_description)
    assert 'lang="de"' in explanation[0]
    shown = re.findall(r'<small class="occupation-description"', page)
    assert len(shown) == Occupation.objects.filter(active=True).count()
