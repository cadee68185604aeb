"""Events (Veranstaltungen): info events, parents' evenings, open days, fairs,
workshops, network meetings and training modules for volunteer guides, with
public registration, waiting list and attendance.
"""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lotse.accounts.scoping import NetworkScopedModel, network_scoped_manager
from lotse.core.names import folded_key, search_key
from lotse.core.public import TEXT_LANGUAGE_CHOICES


class EventKind(models.TextChoices):
    SCHOOL_INFO = "school_info", _("info event at a school")
    PARENTS_EVENING = "parents_evening", _("parents' evening")
    OPEN_DAY = "open_day", _("open day at a company")
    COMPANY_TOUR = "company_tour", _("company tour")
    TRAINING_FAIR = "training_fair", _("training fair")
    WORKSHOP = "workshop", _("workshop")
    NETWORK_MEETING = "network_meeting", _("network meeting of the guides")
    TRAINING_MODULE = "training_module", _("training module for guides")


# Kinds for the volunteer network: by invitation, not on the public calendar by default.
NETWORK_KINDS = frozenset({EventKind.NETWORK_MEETING, EventKind.TRAINING_MODULE})


class Audience(models.TextChoices):
    YOUNG_PEOPLE = "young_people", _("young people")
    PARENTS = "parents", _("parents")
    ENTREPRENEURS = "entrepreneurs", _("entrepreneurs and companies")
    SCHOOLS = "schools", _("schools and teachers")
    MSOS = "msos", _("migrant organisations")
    GUIDES = "guides", _("volunteer guides")


# An event without an end time counts as running this long after its start (lists,
# check-in, calendar files).
RUNNING_WITHOUT_END = datetime.timedelta(hours=2)


class EventQuerySet(models.QuerySet):
    def _ongoing_or_later(self, now):
        return Q(ends_at__gte=now) | Q(
            ends_at__isnull=True, starts_at__gte=now - RUNNING_WITHOUT_END
        )

    def upcoming(self, now=None):
        """Events still to come or running now."""
        return self.filter(self._ongoing_or_later(now or timezone.now()))

    def past(self, now=None):
        return self.exclude(self._ongoing_or_later(now or timezone.now()))

    def public(self):
        return self.filter(is_public=True)

    def with_seats_taken(self):
        """Annotate `seats_taken` and `waiting` (registrations on the waiting list).

        Correlated subqueries: computed for the fetched rows only, through the
        (event, status, registered_at) index, instead of grouping all registrations.
        """
        of_event = Registration.objects.filter(event=OuterRef("pk")).order_by().values("event")
        seats = of_event.filter(status=RegistrationStatus.CONFIRMED).annotate(
            n=Sum(F("companions") + 1)
        )
        waiting = of_event.filter(status=RegistrationStatus.WAITLISTED).annotate(n=Count("id"))
        return self.annotate(
            seats_taken=Coalesce(Subquery(seats.values("n"), output_field=IntegerField()), 0),
            waiting=Coalesce(Subquery(waiting.values("n"), output_field=IntegerField()), 0),
        )


def attach_seat_counts(events: list) -> list:
    """Set `seats_taken` and `waiting` on a page of EVENTS with one query.

    For paginated lists: annotating the whole queryset would make PostgreSQL compute
    the subqueries for every row an OFFSET skips.
    """
    counts = {
        pk: (taken, waiting)
        for pk, taken, waiting in Event.objects.filter(pk__in=[event.pk for event in events])
        .with_seats_taken()
        .values_list("pk", "seats_taken", "waiting")
    }
    for event in events:
        event.seats_taken, event.waiting = counts.get(event.pk, (0, 0))
    return events


class Event(NetworkScopedModel):
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    venue_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events_hosted",
        verbose_name=_("held at (organisation)"),
    )
    venue = models.CharField(
        pgettext_lazy("where an event takes place", "place"),
        max_length=300,
        blank=True,
        help_text=_("Address or room; may stay empty when the organisation's address is meant."),
    )
    partners = models.ManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="events",
        verbose_name=_("partner organisations"),
    )
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    audiences = models.JSONField(_("target groups"), default=list, blank=True)
    languages = models.ManyToManyField(
        "core.Language", blank=True, related_name="+", verbose_name=_("languages spoken")
    )
    is_public = models.BooleanField(
        _("on the public calendar"),
        default=True,
        help_text=_("Network meetings and training modules are usually by invitation only."),
    )
    registration_open = models.BooleanField(_("registration open"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = network_scoped_manager(EventQuerySet)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "id"]
        indexes = [
            models.Index(fields=["office", "starts_at", "id"]),
            models.Index(fields=["office", "kind", "starts_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=F("starts_at")),
                name="events_event_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({timezone.localtime(self.starts_at):%d.%m.%Y})"

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.pk])

    @property
    def is_network_event(self) -> bool:
        return self.kind in NETWORK_KINDS

    def get_audiences_display(self) -> list[str]:
        return [Audience(value).label for value in self.audiences if value in Audience.values]

    @property
    def place_display(self) -> str:
        parts = []
        if self.venue_organisation_id:
            organisation = self.venue_organisation
            parts.append(organisation.name)
            address = ", ".join(
                p
                for p in (organisation.street, f"{organisation.postcode} {organisation.town}")
                if p.strip()
            )
            if address and not self.venue:
                parts.append(address)
        if self.venue:
            parts.append(self.venue)
        return ", ".join(parts)

    def text_in(self, language: str) -> tuple[str, str]:
        """(title, description) in LANGUAGE, falling back to German per field."""
        if language != "de":
            for text in self.texts.all():
                if text.language == language:
                    return text.title or self.title, text.description or self.description
        return self.title, self.description


class EventText(NetworkScopedModel):
    """Title and description of an event in a further language."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="texts", verbose_name=_("event")
    )
    language = models.CharField(_("language"), max_length=10, choices=TEXT_LANGUAGE_CHOICES)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("event text")
        verbose_name_plural = _("event texts")
        ordering = ["event", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "language"], name="events_eventtext_one_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmed")
    WAITLISTED = "waitlisted", _("waiting list")
    INVITED = "invited", _("invited")
    CANCELLED = "cancelled", pgettext_lazy("registration", "cancelled")


# Registrations that still count (for the participant list and for duplicates).
ACTIVE_STATUSES = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITLISTED,
    RegistrationStatus.INVITED,
)


class RegistrationSource(models.TextChoices):
    PUBLIC = "public", _("public registration page")
    STAFF = "staff", _("added by staff")
    INVITATION = "invitation", _("invitation")


def _new_token() -> str:
    return secrets.token_urlsafe(24)


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)

    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by("registered_at", "id")

    def attended(self):
        return self.filter(attended=True)


class Registration(NetworkScopedModel):
    """One person's (or family's) place at an event: confirmed, waiting, invited or cancelled.

    `companions` come along on the same registration and take seats too. Walk-ins
    are registrations added by staff at the door and checked in at once.
    """

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    person = models.ForeignKey(
        "people.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("person"),
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    companions = models.PositiveSmallIntegerField(_("companions"), default=0)
    language = models.CharField(_("language"), max_length=10, default="de")
    status = models.CharField(
        _("status"), max_length=12, choices=RegistrationStatus.choices, db_index=True
    )
    source = models.CharField(
        pgettext_lazy("registration", "source"),
        max_length=12,
        choices=RegistrationSource.choices,
    )
    consent_contact = models.BooleanField(_("may be contacted about further offers"), default=False)
    consent_photos = models.BooleanField(_("agrees to photos"), default=False)
    registered_at = models.DateTimeField(_("registered"), default=timezone.now)
    promoted_at = models.DateTimeField(_("moved up from the waiting list"), null=True, blank=True)
    cancelled_at = models.DateTimeField(
        pgettext_lazy("registration", "cancelled"), null=True, blank=True
    )
    attended = models.BooleanField(_("attended"), default=False)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked in by"),
    )
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    token = models.CharField(max_length=40, unique=True, default=_new_token, editable=False)
    search_key = models.CharField(max_length=400, editable=False, default="")
    folded_name = models.CharField(max_length=400, editable=False, default="")

    # Staff see all of the office's registrations; a guide only her own (training record).
    objects = network_scoped_manager(RegistrationQuerySet, guide="person__guide_profile__user")

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["registered_at", "id"]
        indexes = [
            models.Index(fields=["event", "status", "registered_at"]),
            models.Index(fields=["event", "folded_name"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=Q(person__isnull=False) & ~Q(status="cancelled"),
                name="events_registration_person_once",
            ),
            models.CheckConstraint(
                condition=Q(companions__lte=20), name="events_registration_companions_max"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} · {self.event.title}"

    @property
    def seats(self) -> int:
        return 1 + self.companions

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    def refresh_search_keys(self) -> None:
        self.search_key = search_key(self.name)[:400]
        self.folded_name = folded_key(self.name)[:400]

    def save(self, *args, **kwargs):
        self.refresh_search_keys()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_key", "folded_name"}
        super().save(*args, **kwargs)
