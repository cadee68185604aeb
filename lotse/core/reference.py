"""Loading the reference data shipped in `lotse/core/data/`."""

import csv
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def load_languages(language_model=None) -> int:
    """Create or update the languages from languages.csv; returns how many rows were read."""
    if language_model is None:
        from .models import Language as language_model
    with (DATA_DIR / "languages.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        language_model.objects.update_or_create(
            code=row["code"],
            defaults={
                "name_de": row["name_de"],
                "name_en": row["name_en"],
                "native_name": row["native_name"],
                "rtl": row["rtl"] == "1",
            },
        )
    return len(rows)
