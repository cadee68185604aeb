import csv
from pathlib import Path

from django_scopes import scopes_disabled

DATA_DIR = Path(__file__).resolve().parent / "data"


def load_topics(topic_model=None) -> int:
    """Create or update the shipped counselling topics (office = none)."""
    if topic_model is None:
        from .models import Topic as topic_model
    with (DATA_DIR / "topics.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with scopes_disabled():
        _update(topic_model, rows)
    return len(rows)


def _update(topic_model, rows) -> None:
    for row in rows:
        topic_model.objects.update_or_create(
            office=None,
            name=row["name"],
            defaults={
                "position": int(row["position"]),
                "for_entrepreneurs": row["for_entrepreneurs"] == "1",
            },
        )
