"""Ranking places for a young person, and young people for a place, with reasons in words.

Each suggestion scores up to 100 points:

    occupation   40  wished occupation; 25 a related one (same KldB occupational group)
    distance     25  full points next door, falling to 0 at the person's travel limit
    start date   15  the place starts when the person is available
    German       10  level reaches the requirement (4 if one level short)
    school       10  certificate reaches the requirement

The reasons say which of these held and which did not, so a counsellor can judge
the suggestion instead of trusting a number.
"""

from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from lotse.core.geo import distance_km
from lotse.core.models import Postcode
from lotse.people.models import Person

from .models import (
    CEFR_ORDER,
    SCHOOL_ORDER,
    SEAT_HOLDING,
    MatchingProfile,
    Place,
    Placement,
    PlaceStatus,
)

DEFAULT_MAX_DISTANCE_KM = 25
LIMIT = 50


@dataclass
class Suggestion:
    place: Place
    person: object
    score: int = 0
    distance: float | None = None
    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def explanation(self) -> str:
        return "; ".join(self.reasons + self.warnings)


def _coordinates(postcodes) -> dict[str, tuple[float, float]]:
    rows = Postcode.objects.filter(code__in={p for p in postcodes if p}).values_list(
        "code", "latitude", "longitude"
    )
    return {code: (lat, lon) for code, lat, lon in rows}


def _score(
    place, person, profile, wished: set[int], groups: set[str], home, explain: bool = True
) -> Suggestion:
    """Score PLACE for PERSON; the reasons in words only with EXPLAIN (they cost time).

    PROFILE needs max_distance_km, available_from, german_level and school_certificate
    (a MatchingProfile or a _ProfileRow), or is None.
    """
    s = Suggestion(place=place, person=person)
    occupation = place.occupation
    if occupation.pk in wished:
        s.score += 40
        if explain:
            s.reasons.append(_("wished occupation: %(occupation)s") % {"occupation": occupation})
    elif occupation.kldb_code and occupation.group in groups:
        s.score += 25
        if explain:
            s.reasons.append(
                _("related to a wished occupation: %(occupation)s") % {"occupation": occupation}
            )
    elif explain and wished:
        s.warnings.append(
            _("%(occupation)s is not among the wished occupations") % {"occupation": occupation}
        )
    elif explain:
        s.warnings.append(_("no wished occupations recorded"))

    limit = (profile.max_distance_km if profile else None) or DEFAULT_MAX_DISTANCE_KM
    if home and place.latitude is not None:
        s.distance = distance_km(home, (place.latitude, place.longitude))
        km = round(s.distance)
        if s.distance <= limit:
            s.score += round(25 * (1 - s.distance / limit))
            if explain:
                s.reasons.append(_("%(km)s km from home") % {"km": km})
        elif explain:
            s.warnings.append(
                _("%(km)s km from home, more than %(limit)s km") % {"km": km, "limit": limit}
            )
    elif explain:
        s.warnings.append(_("distance unknown (postcode missing)"))

    available = profile.available_from if profile else None
    if available is None or place.start_date >= available:
        s.score += 15
        if explain:
            s.reasons.append(
                _("starts on %(date)s") % {"date": place.start_date.strftime("%d.%m.%Y")}
            )
    elif explain:
        s.warnings.append(
            _("starts on %(date)s, before %(available)s")
            % {
                "date": place.start_date.strftime("%d.%m.%Y"),
                "available": available.strftime("%d.%m.%Y"),
            }
        )

    required = place.required_german_level
    level = profile.german_level if profile else ""
    if not required:
        s.score += 10
    elif level and CEFR_ORDER[level] >= CEFR_ORDER[required]:
        s.score += 10
        if explain:
            s.reasons.append(
                _("German %(level)s (needed: %(required)s)")
                % {"level": level, "required": required}
            )
    elif level and CEFR_ORDER[level] == CEFR_ORDER[required] - 1:
        s.score += 4
        if explain:
            s.warnings.append(
                _("German %(required)s needed, %(level)s so far")
                % {"level": level, "required": required}
            )
    elif explain:
        s.warnings.append(
            _("German %(required)s needed, level %(level)s")
            % {"required": required, "level": level or _("unknown")}
        )

    required_school = place.required_school_certificate
    school = profile.school_certificate if profile else ""
    if not required_school or SCHOOL_ORDER.get(required_school, 0) == 0:
        s.score += 10
    elif school and SCHOOL_ORDER.get(school, 0) >= SCHOOL_ORDER.get(required_school, 0):
        s.score += 10
        if explain:
            s.reasons.append(_("school certificate fits"))
    elif explain:
        s.warnings.append(
            _("needs %(certificate)s")
            % {"certificate": place.get_required_school_certificate_display()}
        )
    return s


def _rank(suggestions: list[Suggestion], limit: int) -> list[Suggestion]:
    suggestions.sort(
        key=lambda s: (-s.score, s.distance if s.distance is not None else 10_000, s.place.pk)
    )
    return suggestions[:limit]


def _profile_of(person) -> MatchingProfile | None:
    return (
        MatchingProfile.objects.filter(person=person).prefetch_related("wished_occupations").first()
    )


def _wishes(profile) -> tuple[set[int], set[str]]:
    if profile is None:
        return set(), set()
    occupations = list(profile.wished_occupations.all())
    return {o.pk for o in occupations}, {o.group for o in occupations if o.kldb_code}


def _open_places():
    """Open places with free seats (seats held by accepted, started or completed placements)."""
    return (
        Place.objects.filter(status=PlaceStatus.OPEN)
        .annotate(taken=Count("placements", filter=Q(placements__status__in=SEAT_HOLDING)))
        .select_related("company", "occupation")
    )


def _postcode(person) -> str:
    return (person.postcode or "").strip()


def suggestion_for(place, person) -> Suggestion:
    """How well one place fits one person (e.g. to store the reasons of a placement)."""
    profile = _profile_of(person)
    wished, groups = _wishes(profile)
    home = _coordinates([_postcode(person)]).get(_postcode(person))
    return _score(place, person, profile, wished, groups, home)


class _Occupation(NamedTuple):
    pk: int
    kldb_code: str

    @property
    def group(self) -> str:
        return self.kldb_code[:3]


class _PlaceRow(NamedTuple):
    """What scoring reads of a Place, without building the model instances."""

    pk: int
    occupation: _Occupation
    latitude: float | None
    longitude: float | None
    start_date: object
    required_german_level: str
    required_school_certificate: str


def places_for(person, limit: int = LIMIT) -> list[Suggestion]:
    """Open places of PERSON's office, best first.

    All open places of the office are scored from plain rows (no model instances, no
    reasons in words); only the LIMIT best are loaded as places and explained.
    """
    profile = _profile_of(person)
    wished, groups = _wishes(profile)
    home = _coordinates([_postcode(person)]).get(_postcode(person))
    already = set(
        Placement.objects.filter(person=person)
        .exclude(status="cancelled")
        .values_list("place_id", flat=True)
    )
    rows = (
        _open_places()
        # The office filter is only a safety net for code running without a scope.
        .filter(office_id=person.office_id)
        .values_list(
            "pk",
            "occupation_id",
            "occupation__kldb_code",
            "latitude",
            "longitude",
            "start_date",
            "required_german_level",
            "required_school_certificate",
            "seats",
            "taken",
        )
    )
    ranked = _rank(
        [
            _score(
                _PlaceRow(pk, _Occupation(occupation_id, kldb_code), *rest),
                person,
                profile,
                wished,
                groups,
                home,
                explain=False,
            )
            for pk, occupation_id, kldb_code, *rest, seats, taken in rows
            if taken < seats and pk not in already
        ],
        limit,
    )
    # The places shown, as model instances, with their reasons in words (a place
    # closed in between is left out).
    places = _open_places().in_bulk([s.place.pk for s in ranked])
    return [
        _score(places[s.place.pk], person, profile, wished, groups, home)
        for s in ranked
        if s.place.pk in places
    ]


class _ProfileRow(NamedTuple):
    """What scoring reads of a MatchingProfile, without building the model instance."""

    pk: int
    person_id: int
    postcode: str
    max_distance_km: int
    available_from: object
    german_level: str
    school_certificate: str


def people_for(place, limit: int = LIMIT) -> list[Suggestion]:
    """Young people of PLACE's office (with a matching profile), best first.

    People who have started an apprenticeship or EQ already are left out.
    All profiles of the office are scored from plain rows (no model instances,
    no reasons in words); only the LIMIT best get their Person and their reasons.
    """
    already = set(
        Placement.objects.filter(place=place)
        .exclude(status="cancelled")
        .values_list("person_id", flat=True)
    )
    rows = [
        _ProfileRow(*row)
        for row in MatchingProfile.objects.filter(
            # person__office_id is implied, but lets PostgreSQL read only the office's
            # people instead of scanning all of them.
            office_id=place.office_id,
            person__office_id=place.office_id,
            person__is_young_person=True,
        )
        .exclude(
            person__in=Placement.objects.filter(
                status="started", place__kind__in=["apprenticeship", "eq"]
            ).values("person_id")
        )
        .values_list(
            "pk",
            "person_id",
            "person__postcode",
            "max_distance_km",
            "available_from",
            "german_level",
            "school_certificate",
        )
        if row[1] not in already
    ]
    # Wished occupations of the whole office in one query (the through table has no
    # office scope of its own: filtered by the place's office explicitly).
    wished: dict[int, set[int]] = {}
    groups: dict[int, set[str]] = {}
    wishes = MatchingProfile.wished_occupations.through.objects.filter(
        matchingprofile__office_id=place.office_id
    ).values_list("matchingprofile_id", "occupation_id", "occupation__kldb_code")
    for profile_id, occupation_id, kldb_code in wishes:
        wished.setdefault(profile_id, set()).add(occupation_id)
        if kldb_code:
            groups.setdefault(profile_id, set()).add(kldb_code[:3])
    homes = _coordinates([(row.postcode or "").strip() for row in rows])
    nothing = frozenset()

    def score(row, person, explain):
        return _score(
            place,
            person,
            row,
            wished.get(row.pk, nothing),
            groups.get(row.pk, nothing),
            homes.get((row.postcode or "").strip()),
            explain=explain,
        )

    ranked = sorted(
        ((score(row, None, False), row) for row in rows),
        key=lambda pair: (
            -pair[0].score,
            pair[0].distance if pair[0].distance is not None else 10_000,
            pair[1].person_id,
        ),
    )[:limit]
    people = Person.objects.in_bulk([row.person_id for _, row in ranked])
    return [score(row, people[row.person_id], True) for _, row in ranked if row.person_id in people]
