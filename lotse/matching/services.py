"""Places and placements: every change goes through these functions."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from lotse.cases.models import CaseStatus, OutcomeKind
from lotse.cases.services import record_outcome
from lotse.companies.models import Acquisition, Stage
from lotse.companies.services import reach_stage_at_least
from lotse.core.models import Postcode
from lotse.organisations.models import OrganisationKind

from .models import (
    PLACEMENT_TRANSITIONS,
    SEAT_HOLDING,
    MatchingProfile,
    Place,
    PlaceKind,
    Placement,
    PlacementStatus,
    PlaceStatus,
)

OUTCOME_FOR_PLACE = {
    PlaceKind.ORIENTATION_DAY: OutcomeKind.ORIENTATION_DAY,
    PlaceKind.INTERNSHIP: OutcomeKind.INTERNSHIP,
    PlaceKind.EQ: OutcomeKind.EQ,
    PlaceKind.APPRENTICESHIP: OutcomeKind.APPRENTICESHIP,
}


def _today() -> datetime.date:
    return datetime.date.today()


def _locate(place: Place) -> None:
    postcode = Postcode.objects.filter(code=place.postcode).first()
    if postcode is None:
        place.latitude = place.longitude = None
        return
    place.latitude, place.longitude = postcode.latitude, postcode.longitude
    place.town = postcode.town


@transaction.atomic
def save_place(form, *, office=None, by=None) -> Place:
    """Save a place form; locates its postcode and moves the company's acquisition on."""
    place = form.save(commit=False)
    if place.company.kind != OrganisationKind.COMPANY:
        raise ValidationError({"company": _("Places are offered by companies.")})
    if place.pk is None:
        place.office = office
    _locate(place)
    place.save()
    _update_place_status(place)
    acquisition = Acquisition.objects.filter(company=place.company).first()
    if acquisition is not None and by is not None and place.status != PlaceStatus.WITHDRAWN:
        reach_stage_at_least(acquisition, Stage.OFFERS_PLACES, by=by)
    return place


def _update_place_status(place: Place) -> None:
    """Open while seats are free, filled when not (a withdrawn place stays withdrawn)."""
    if place.status == PlaceStatus.WITHDRAWN:
        return
    taken = place.placements.filter(status__in=SEAT_HOLDING).count()
    status = PlaceStatus.FILLED if taken >= place.seats else PlaceStatus.OPEN
    if status != place.status:
        place.status = status
        place.save(update_fields=["status", "updated_at"])


@transaction.atomic
def save_profile(form, *, person) -> MatchingProfile:
    profile = form.save(commit=False)
    profile.person = person
    profile.office_id = person.office_id
    profile.save()
    form.save_m2m()
    return profile


@transaction.atomic
def suggest(person, place, *, by, reasons: str = "") -> Placement:
    """Turn a suggestion into a placement (status suggested)."""
    if place.status != PlaceStatus.OPEN:
        raise ValidationError(_("This place is no longer open."), code="place_closed")
    if place.placements.filter(status__in=SEAT_HOLDING).count() >= place.seats:
        raise ValidationError(
            _("All %(seats)s places are taken.") % {"seats": place.seats}, code="full"
        )
    case = person.cases.filter(status=CaseStatus.OPEN).first()
    try:
        with transaction.atomic():
            return Placement.objects.create(
                office_id=place.office_id,
                place=place,
                person=person,
                case=case,
                match_reasons=reasons,
                created_by=by,
            )
    except IntegrityError:
        raise ValidationError(
            _("%(name)s is already on the way into this place.") % {"name": person.full_name},
            code="exists",
        ) from None


@transaction.atomic
def change_placement(
    placement: Placement,
    *,
    status: str,
    by,
    on: datetime.date | None = None,
    cancelled_by: str = "",
    cancel_reason: str = "",
) -> Placement:
    """Move a placement along; a started placement becomes the case's outcome."""
    on = on or _today()
    placement = Placement.objects.select_for_update().select_related("place").get(pk=placement.pk)
    place = Place.objects.select_for_update().get(pk=placement.place_id)
    current = PlacementStatus(placement.status)
    if status not in PlacementStatus.values:
        raise ValidationError({"status": _("Please choose a status.")}, code="status")
    if status == current:
        return placement
    if status not in PLACEMENT_TRANSITIONS[current]:
        raise ValidationError(
            _("A placement that is “%(current)s” cannot become “%(new)s”.")
            % {"current": current.label, "new": PlacementStatus(status).label},
            code="transition",
        )
    if status == PlacementStatus.CANCELLED and not (cancelled_by and cancel_reason.strip()):
        raise ValidationError(
            {"cancel_reason": _("Please note who cancelled and why.")}, code="cancel_reason"
        )
    if status in SEAT_HOLDING and current not in SEAT_HOLDING:
        if place.status == PlaceStatus.WITHDRAWN:
            raise ValidationError(_("The company has withdrawn this place."), code="withdrawn")
        taken = place.placements.filter(status__in=SEAT_HOLDING).count()
        if taken >= place.seats:
            raise ValidationError(
                _("All %(seats)s places are taken.") % {"seats": place.seats}, code="full"
            )
    placement.status = status
    placement.status_changed_on = on
    if status == PlacementStatus.CANCELLED:
        placement.cancelled_by = cancelled_by
        placement.cancel_reason = cancel_reason.strip()
    placement.save()

    _update_place_status(place)

    if status == PlacementStatus.STARTED:
        _on_start(placement, place, by=by, on=on)
    return placement


def _on_start(placement: Placement, place: Place, *, by, on) -> None:
    case = placement.case
    if case is None or case.status != CaseStatus.OPEN:
        # The case may have been opened (again) after the suggestion.
        case = placement.person.cases.filter(status=CaseStatus.OPEN).first()
        if case is not None:
            placement.case = case
            placement.save(update_fields=["case"])
    if case is not None:
        record_outcome(
            case,
            kind=OUTCOME_FOR_PLACE[PlaceKind(place.kind)],
            date=on,
            organisation=place.company,
            occupation=place.occupation.name,
            note=_("from the placement"),
        )
    if place.kind == PlaceKind.APPRENTICESHIP:
        acquisition = Acquisition.objects.filter(company_id=place.company_id).first()
        if acquisition is not None:
            reach_stage_at_least(acquisition, Stage.TRAINS, by=by, on=on)
