"""The training occupations shipped as reference data, and loading them."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from lotse.matching.models import Occupation, OccupationArea
from lotse.matching.reference import (
    COLUMNS,
    OCCUPATIONS_FILE,
    SOURCE,
    SOURCE_DATE,
    OccupationDataError,
    load_occupations,
    read_occupations,
)


def write_csv(path, rows):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return path


def shipped_rows():
    with OCCUPATIONS_FILE.open(encoding="utf-8", newline="") as handle:
        return [list(row.values()) for row in csv.DictReader(handle)]


def test_the_shipped_file_reads_and_every_row_checks():
    rows = read_occupations()

    assert len(rows) >= 200
    names = [row["name"] for row in rows]
    assert len(names) == len(set(names))
    for row in rows:
        assert 12 <= row["duration_months"] <= 48, row["name"]
        assert row["area"] in OccupationArea.values, row["name"]
        assert row["kldb_code"] == "" or (
            len(row["kldb_code"]) == 5 and row["kldb_code"].isdigit()
        ), row["name"]
        assert 0 < len(row["description"]) <= 300, row["name"]


def test_every_male_form_has_its_female_form():
    for row in read_occupations():
        if "mann" in row["name"]:
            assert "frau" in row["name_female"], row["name"]
        if row["name_female"]:
            assert row["name_female"] != row["name"], row["name"]


def test_the_common_occupations_are_there_with_the_right_facts():
    rows = {row["name"]: row for row in read_occupations()}

    retail = rows["Kaufmann im Einzelhandel"]
    assert retail["name_female"] == "Kauffrau im Einzelhandel"
    assert (retail["duration_months"], retail["area"], retail["kldb_code"]) == (36, "ihk", "62102")
    assert rows["Verkäufer"]["duration_months"] == 24
    assert rows["Fachlagerist"]["duration_months"] == 24
    assert rows["Kraftfahrzeugmechatroniker"]["duration_months"] == 42
    assert rows["Medizinischer Fachangestellter"]["area"] == "liberal"
    assert rows["Steuerfachangestellter"]["area"] == "liberal"
    assert rows["Verwaltungsfachangestellter"]["area"] == "public"
    assert rows["Bodenleger"]["kldb_code"][:3] == "331"


def test_the_migration_loaded_the_shipped_occupations(db):
    rows = read_occupations()

    assert Occupation.objects.filter(active=True).count() == len(rows)
    cook = Occupation.objects.get(name="Koch")
    assert cook.name_female == "Köchin"
    assert cook.group == "293"
    assert (cook.source, cook.source_date) == (SOURCE, SOURCE_DATE)


def test_loading_again_changes_nothing(db):
    load_occupations()

    assert load_occupations() == (0, 0, 0)


def test_an_occupation_missing_from_the_file_becomes_inactive_and_stays(db, tmp_path):
    rows = shipped_rows()
    total = len(rows)
    smaller = write_csv(tmp_path / "smaller.csv", [row for row in rows if row[0] != "Bäcker"])

    assert load_occupations(path=smaller) == (0, 0, 1)
    baker = Occupation.objects.get(name="Bäcker")
    assert not baker.active

    assert load_occupations() == (0, 1, 0)
    baker.refresh_from_db()
    assert baker.active
    assert Occupation.objects.filter(active=True).count() == total


def test_a_changed_row_updates_the_occupation(db, tmp_path):
    rows = [row[:] for row in shipped_rows()]
    for row in rows:
        if row[0] == "Friseur":
            row[5] = "Sie schneiden Haare."
    changed = write_csv(tmp_path / "changed.csv", rows)

    assert load_occupations(path=changed) == (0, 1, 0)
    assert Occupation.objects.get(name="Friseur").description == "Sie schneiden Haare."


def test_a_new_row_creates_an_occupation(db, tmp_path):
    extra = ["Probeberuf", "Probeberuferin", "36", "ihk", "", "Sie probieren etwas aus.", ""]
    bigger = write_csv(tmp_path / "bigger.csv", [*shipped_rows(), extra])

    assert load_occupations(path=bigger) == (1, 0, 0)
    assert Occupation.objects.get(name="Probeberuf").duration_months == 36


GOOD = ["Bäcker", "Bäckerin", "36", "hwk", "29222", "Sie backen Brot.", "Sie backen Brot."]


@pytest.mark.parametrize(
    "bad, message",
    [
        (
            ["Maurer", "Maurerin", "7", "hwk", "", "", ""],
            "duration_months must be between 12 and 48",
        ),
        (
            ["Maurer", "Maurerin", "drei", "hwk", "", "", ""],
            "duration_months must be a whole number",
        ),
        (["Maurer", "Maurerin", "36", "bau", "", "", ""], "area must be one of"),
        (["Maurer", "Maurerin", "36", "hwk", "3212", "", ""], "kldb_code must be five digits"),
        (["Maurer", "Maurerin", "36", "hwk", "32120", "", ""], "kldb_code must be five digits"),
        (["Maurer", "Maurerin", "36", "hwk", "3212x", "", ""], "kldb_code must be five digits"),
        (["", "", "36", "hwk", "", "", ""], "the name is empty"),
        (["Maurer", "Maurerin", "36", "hwk", "", "x" * 301, ""], "description is longer"),
        (["Maurer", "Maurerin", "36", "hwk"], "expected 7 columns"),
        (GOOD, "'Bäcker' is already on line 2"),
    ],
)
def test_a_bad_row_gives_an_error_naming_its_line(db, tmp_path, bad, message):
    path = write_csv(tmp_path / "bad.csv", [GOOD, bad])
    before = list(Occupation.objects.values_list("name", "active").order_by("name"))

    with pytest.raises(OccupationDataError, match="bad.csv, line 3") as error:
        load_occupations(path=path)

    assert message in str(error.value)
    after = list(Occupation.objects.values_list("name", "active").order_by("name"))
    assert after == before


def test_a_file_with_other_columns_is_refused(tmp_path):
    path = tmp_path / "columns.csv"
    path.write_text("name,duration\nBäcker,36\n", encoding="utf-8")

    with pytest.raises(OccupationDataError, match="columns.csv, line 1: the columns must be"):
        read_occupations(path)


def test_the_command_prints_the_counts(db):
    out = io.StringIO()

    call_command("load-occupations", stdout=out)

    assert out.getvalue().strip() == "Occupations: 0 created, 0 updated, 0 marked inactive."


def test_the_command_loads_another_file_and_names_a_bad_line(db, tmp_path):
    out = io.StringIO()
    small = write_csv(tmp_path / "small.csv", [GOOD])
    bad = write_csv(tmp_path / "bad.csv", [GOOD, ["Maurer", "Maurerin", "7", "hwk", "", "", ""]])

    call_command("load-occupations", "--file", str(small), stdout=out)
    assert f"0 created, 1 updated, {len(shipped_rows()) - 1} marked inactive" in out.getvalue()

    with pytest.raises(CommandError, match="bad.csv, line 3: duration_months"):
        call_command("load-occupations", "--file", str(bad))
    with pytest.raises(CommandError, match="no such file"):
        call_command("load-occupations", "--file", str(tmp_path / "missing.csv"))
