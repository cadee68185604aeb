"""The training occupations (Ausbildungsberufe) shipped in `data/occupations.csv`.

Source: the list is Lotse's own selection, curated by hand after the "Verzeichnis der
anerkannten Ausbildungsberufe" that the Bundesinstitut für Berufsbildung (BIBB) publishes
every year. BIBB offers no machine-readable file under a licence we could ship, so
nothing is copied from it: names are the official occupation titles (masculine form as
in the list, female form beside it), durations and the competent chamber are public
facts from the training regulations, and the descriptions are our own: `description` in
plain words for staff, `easy_description` in Easy German (Leichte Sprache: at most 2
sentences of at most 12 words, long compounds split with the Mediopunkt) for the
public application profile. The Easy-German check of the test suite reads the
`easy_description` column (lotse/easygerman/texts.py).
KldB 2010 codes (Klassifikation der Berufe, five digits, the fifth one the skill level)
are recorded only where the code is certain, as facts; the classification files of the
Bundesagentur für Arbeit are not redistributed. Matching treats occupations whose codes
share the first three digits as related, so a blank code is better than a wrong one.

Each row gets `SOURCE` and `SOURCE_DATE`. Occupations governed by their own laws
(Pflegefachmann under the Pflegeberufegesetz, other health professions, Erzieher) are not
in the BIBB list and not in the file.

`load_occupations()` creates or updates occupations by name and marks every occupation
missing from the file as no longer recognised; it never deletes one, because places and
wishes refer to it. It runs in the data migration and in `lotse load-occupations`.
"""

import csv
import datetime
import re
from pathlib import Path

from django.db import transaction

DATA_DIR = Path(__file__).resolve().parent / "data"
OCCUPATIONS_FILE = DATA_DIR / "occupations.csv"

SOURCE = "Lotse-Auswahl nach BIBB-Verzeichnis der anerkannten Ausbildungsberufe"
SOURCE_DATE = datetime.date(2026, 11, 1)

COLUMNS = [
    "name",
    "name_female",
    "duration_months",
    "area",
    "kldb_code",
    "description",
    "easy_description",
]
# A file of the older form without the Easy-German column still loads (for
# `lotse load-occupations --file`); its occupations get no Easy-German description.
OPTIONAL_COLUMNS = ["easy_description"]
MIN_DURATION_MONTHS = 12
MAX_DURATION_MONTHS = 48
MAX_NAME_LENGTH = 200
MAX_DESCRIPTION_LENGTH = 300
KLDB_CODE = re.compile(r"[0-9]{4}[1-4]")


class OccupationDataError(ValueError):
    """A row of the occupations file that cannot be loaded; the message names the line."""


def read_occupations(path: Path | None = None, areas=None) -> list[dict]:
    """Read and check every row of the occupations file; raise on the first bad line."""
    path = Path(path) if path is not None else OCCUPATIONS_FILE
    if areas is None:
        from .models import OccupationArea

        areas = OccupationArea.values
    areas = set(areas)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        required = [column for column in COLUMNS if column not in OPTIONAL_COLUMNS]
        if reader.fieldnames not in (COLUMNS, required):
            raise OccupationDataError(
                f"{path.name}, line 1: the columns must be {', '.join(COLUMNS)}, "
                f"not {', '.join(reader.fieldnames or [])}"
            )
        rows = []
        first_line = {}
        for raw in reader:
            line = reader.line_num
            row = _check(raw, areas, f"{path.name}, line {line}", len(reader.fieldnames))
            if row["name"] in first_line:
                raise OccupationDataError(
                    f"{path.name}, line {line}: {row['name']!r} is already on line "
                    f"{first_line[row['name']]}"
                )
            first_line[row["name"]] = line
            rows.append(row)
    return rows


def _check(raw: dict, areas: set, where: str, columns: int) -> dict:
    if None in raw or any(value is None for value in raw.values()):
        raise OccupationDataError(f"{where}: expected {columns} columns")
    row = {key: value.strip() for key, value in raw.items()}
    row.setdefault("easy_description", "")
    if not row["name"]:
        raise OccupationDataError(f"{where}: the name is empty")
    for field in ("name", "name_female"):
        if len(row[field]) > MAX_NAME_LENGTH:
            raise OccupationDataError(f"{where}: {field} is longer than {MAX_NAME_LENGTH}")
    try:
        duration = int(row["duration_months"])
    except ValueError:
        raise OccupationDataError(
            f"{where}: duration_months must be a whole number, not {row['duration_months']!r}"
        ) from None
    if not MIN_DURATION_MONTHS <= duration <= MAX_DURATION_MONTHS:
        raise OccupationDataError(
            f"{where}: duration_months must be between {MIN_DURATION_MONTHS} and "
            f"{MAX_DURATION_MONTHS}, not {duration}"
        )
    row["duration_months"] = duration
    if row["area"] not in areas:
        raise OccupationDataError(
            f"{where}: area must be one of {', '.join(sorted(areas))}, not {row['area']!r}"
        )
    if row["kldb_code"] and not KLDB_CODE.fullmatch(row["kldb_code"]):
        raise OccupationDataError(
            f"{where}: kldb_code must be five digits ending in 1 to 4, or blank, "
            f"not {row['kldb_code']!r}"
        )
    for field in ("description", "easy_description"):
        if len(row[field]) > MAX_DESCRIPTION_LENGTH:
            raise OccupationDataError(
                f"{where}: the {field.replace('_', ' ')} is longer than "
                f"{MAX_DESCRIPTION_LENGTH} characters"
            )
    return row


def load_occupations(occupation_model=None, path: Path | None = None) -> tuple[int, int, int]:
    """Create or update the occupations from the file; returns (created, updated, deactivated).

    Occupations not in the file are marked inactive, never deleted. The migrations pass
    their historical model; otherwise the current `Occupation` model is used. A
    historical model from before `easy_description` existed (migration 0002) loads
    everything else; migration 0004 runs the loader again to fill it.
    """
    if occupation_model is None:
        from .models import Occupation as occupation_model
    areas = [value for value, _label in occupation_model._meta.get_field("area").choices]
    rows = read_occupations(path, areas=areas)
    has_easy_description = any(
        field.name == "easy_description" for field in occupation_model._meta.get_fields()
    )
    created = updated = 0
    with transaction.atomic():
        existing = {occupation.name: occupation for occupation in occupation_model.objects.all()}
        for row in rows:
            values = {
                "name_female": row["name_female"],
                "duration_months": row["duration_months"],
                "area": row["area"],
                "kldb_code": row["kldb_code"],
                "description": row["description"],
                "easy_description": row["easy_description"],
                "source": SOURCE,
                "source_date": SOURCE_DATE,
                "active": True,
            }
            if not has_easy_description:
                del values["easy_description"]
            occupation = existing.get(row["name"])
            if occupation is None:
                occupation_model.objects.create(name=row["name"], **values)
                created += 1
                continue
            changed = [
                field for field, value in values.items() if getattr(occupation, field) != value
            ]
            if changed:
                for field in changed:
                    setattr(occupation, field, values[field])
                occupation.save(update_fields=changed)
                updated += 1
        deactivated = (
            occupation_model.objects.filter(active=True)
            .exclude(name__in=[row["name"] for row in rows])
            .update(active=False)
        )
    return created, updated, deactivated
