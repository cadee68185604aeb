"""Which way of reaching companies actually yields places: figures per channel and recommender.

The cohort is every acquisition started in the period. For each channel (and each
recommender of the recommendation channel) it counts how many companies reached
each stage by the end of the period, the places those companies offered and the
places filled (a placement accepted, started or completed).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Sum
from django.utils import timezone

from lotse.matching.models import SEAT_HOLDING, Place, Placement, PlaceStatus

from .models import Acquisition, Channel, Stage, StageChange


@dataclass
class Row:
    label: str
    channel: str
    companies: int = 0
    reached: dict = field(default_factory=lambda: dict.fromkeys(Stage.values, 0))
    places_offered: int = 0
    places_filled: int = 0

    def rate(self, stage: str) -> float | None:
        return self.reached[stage] / self.companies if self.companies else None

    @property
    def fill_rate(self) -> float | None:
        return self.places_filled / self.places_offered if self.places_offered else None

    @property
    def stage_rows(self):
        return [(stage, self.reached[stage], self.rate(stage)) for stage in Stage.values]


@dataclass
class ChannelReport:
    start: datetime.date
    end: datetime.date
    channels: list[Row]
    recommenders: list[Row]

    @property
    def max_companies(self) -> int:
        return max((row.companies for row in self.channels), default=0)

    @property
    def max_places(self) -> int:
        return max((row.places_offered for row in self.channels), default=0)


def channel_report(start: datetime.date, end: datetime.date) -> ChannelReport:
    """Figures for acquisitions started between START and END (inclusive), current office."""
    cohort = list(
        Acquisition.objects.filter(started_on__gte=start, started_on__lte=end).values(
            "pk",
            "channel",
            "company_id",
            "recommended_by_organisation_id",
            "recommended_by_organisation__name",
            "recommended_by_person__given_names",
            "recommended_by_person__family_name",
            "recommended_by_person_id",
        )
    )
    ids = [a["pk"] for a in cohort]
    reached = defaultdict(set)
    for acquisition_id, stage in StageChange.objects.filter(
        acquisition_id__in=ids, reached_on__lte=end
    ).values_list("acquisition_id", "stage"):
        reached[acquisition_id].add(stage)
    end_of_period = timezone.make_aware(datetime.datetime.combine(end, datetime.time.max))
    companies = [a["company_id"] for a in cohort]
    # Two aggregates, not one: a join with placements would multiply the seats.
    offered = dict(
        Place.objects.filter(company_id__in=companies, created_at__lte=end_of_period)
        .exclude(status=PlaceStatus.WITHDRAWN)
        .values("company_id")
        .annotate(total=Sum("seats"))
        .values_list("company_id", "total")
    )
    filled = dict(
        Placement.objects.filter(
            place__company_id__in=companies,
            place__created_at__lte=end_of_period,
            status__in=SEAT_HOLDING,
        )
        .values("place__company_id")
        .annotate(total=Count("id"))
        .values_list("place__company_id", "total")
    )

    channels = {value: Row(label=label, channel=value) for value, label in Channel.choices}
    recommenders: dict[tuple, Row] = {}
    for acquisition in cohort:
        rows = [channels[acquisition["channel"]]]
        if acquisition["channel"] == Channel.RECOMMENDATION:
            if acquisition["recommended_by_organisation_id"]:
                key = ("organisation", acquisition["recommended_by_organisation_id"])
                label = acquisition["recommended_by_organisation__name"]
            else:
                key = ("person", acquisition["recommended_by_person_id"])
                label = (
                    f"{acquisition['recommended_by_person__given_names']} "
                    f"{acquisition['recommended_by_person__family_name']}"
                )
            if key not in recommenders:
                recommenders[key] = Row(label=label, channel=Channel.RECOMMENDATION)
            rows.append(recommenders[key])
        company_offered = offered.get(acquisition["company_id"]) or 0
        company_filled = min(filled.get(acquisition["company_id"]) or 0, company_offered)
        for row in rows:
            row.companies += 1
            for stage in reached[acquisition["pk"]]:
                row.reached[stage] += 1
            row.places_offered += company_offered
            row.places_filled += company_filled
    return ChannelReport(
        start=start,
        end=end,
        channels=list(channels.values()),
        recommenders=sorted(
            recommenders.values(), key=lambda row: (-row.places_filled, -row.companies, row.label)
        ),
    )
