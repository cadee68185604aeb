"""Public pages without login: an office's calendar, event pages, registration, cancelling.

Every page works in the scope of one office (from the URL, or from the
registration a secret link names) and in the language its URL names.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import SimpleTemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from lotse.accounts.models import Office
from lotse.accounts.scoping import public_office_scope
from lotse.core.public import (
    DEFAULT_PUBLIC_LANGUAGE,
    PUBLIC_LANGUAGES,
    html_lang,
    is_rtl,
    public_language,
)

from . import services
from .calendar import event_ics, feed_ics
from .models import (
    Event,
    Registration,
    RegistrationSource,
    RegistrationStatus,
    attach_seat_counts,
)
from .public_forms import RegistrationForm

# The feed keeps past events this long, so that a calendar app does not drop them at once.
FEED_KEEPS_PAST = datetime.timedelta(days=30)
# A subscribed calendar is fetched often: it carries the next half year, at most this many.
FEED_LOOKS_AHEAD = datetime.timedelta(days=183)
FEED_MAX_EVENTS = 100
CALENDAR_PAGE_SIZE = 30


def language_links(request, current: str) -> list[dict]:
    """The same page in every public language, for the language switcher.

    Works for any public page whose URL has a `lang` argument.
    """
    match = request.resolver_match
    links = []
    for code, own_name, _staff_name in PUBLIC_LANGUAGES:
        links.append(
            {
                "code": code,
                "name": own_name,
                "lang": html_lang(code),
                "dir": "rtl" if is_rtl(code) else "ltr",
                "url": reverse(match.view_name, kwargs={**match.kwargs, "lang": code}),
                "current": code == current,
            }
        )
    return links


def public_page_context(request, lang: str, office=None) -> dict:
    """What core/public_base.html needs: language, direction, switcher, office."""
    return {
        "lang": lang,
        "html_lang": html_lang(lang),
        "text_direction": "rtl" if is_rtl(lang) else "ltr",
        "language_links": language_links(request, lang),
        "office": office,
    }


class PublicPageMixin:
    """A public page of one office, in the language of its URL.

    Resolves the office (404 if unknown), enters its public scope and the
    language for the whole view, including rendering the template.
    """

    office: Office
    lang: str = DEFAULT_PUBLIC_LANGUAGE

    def get_language(self) -> str:
        return self.kwargs.get("lang", DEFAULT_PUBLIC_LANGUAGE)

    def get_office(self) -> Office:
        return get_object_or_404(Office, slug=self.kwargs["office"])

    def load_objects(self) -> None:
        """Load the records named in the URL, inside the office's scope (404 if foreign)."""

    def dispatch(self, request, *args, **kwargs):
        self.lang = self.get_language()
        with translation.override(self.lang):
            request.LANGUAGE_CODE = self.lang
            self.office = self.get_office()
            with public_office_scope(self.office):
                self.load_objects()
                response = super().dispatch(request, *args, **kwargs)
                if isinstance(response, SimpleTemplateResponse):
                    response.render()
        response.headers["Content-Language"] = html_lang(self.lang)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(public_page_context(self.request, self.lang, self.office))
        context["calendar_url"] = reverse(
            "public_events:calendar", args=[self.office.slug, self.lang]
        )
        return context


def event_text(event: Event, lang: str) -> dict:
    """Title and description in LANG and the language each is really written in."""
    title, description = event.text_in(lang)
    translated = next((text for text in event.texts.all() if text.language == lang), None)
    return {
        "title": title,
        "description": description,
        "title_lang": html_lang(lang) if translated and translated.title else "de",
        "description_lang": html_lang(lang) if translated and translated.description else "de",
    }


def seats_state(event: Event, free: int | None) -> str:
    """The seat state shown on the calendar and the event page: free, waiting list, closed."""
    if not accepts_registrations(event):
        return "closed"
    if free is not None and free <= 0:
        return "waiting_list"
    return "free"


def accepts_registrations(event: Event) -> bool:
    return event.registration_open and event.starts_at > timezone.now()


def public_events():
    return (
        Event.objects.public()
        .select_related("venue_organisation")
        .prefetch_related("texts")
        .order_by("starts_at", "id")
    )


class CalendarRedirectView(View):
    """/v/<office>/ opens the calendar in German."""

    def get(self, request, office):
        office = get_object_or_404(Office, slug=office)
        return redirect("public_events:calendar", office.slug, DEFAULT_PUBLIC_LANGUAGE)


class CalendarView(PublicPageMixin, TemplateView):
    """The office's upcoming public events, to share with the community."""

    template_name = "events/public/calendar.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = Paginator(public_events().upcoming(), CALENDAR_PAGE_SIZE).get_page(
            self.request.GET.get("page")
        )
        cards = []
        for event in attach_seat_counts(list(page.object_list)):
            free = None if event.capacity is None else max(event.capacity - event.seats_taken, 0)
            cards.append(
                {
                    "event": event,
                    **event_text(event, self.lang),
                    "free": free,
                    "state": seats_state(event, free),
                    "url": reverse(
                        "public_events:detail", args=[self.office.slug, self.lang, event.pk]
                    ),
                }
            )
        feed = reverse("public_events:feed", args=[self.office.slug])
        if self.lang != DEFAULT_PUBLIC_LANGUAGE:
            feed += f"?lang={self.lang}"
        context.update(
            cards=cards,
            page=page,
            feed_url=feed,
            feed_address=self.request.build_absolute_uri(feed),
            page_address=self.request.build_absolute_uri(self.request.path),
        )
        return context


class FeedView(PublicPageMixin, View):
    """The calendar as an iCalendar feed: the coming year's events and the last 30 days'.

    `?lang=` chooses the language of titles and links (German by default).
    """

    def get_language(self) -> str:
        return public_language(self.request.GET.get("lang"))

    def get(self, request, office):
        now = timezone.now()
        # Upcoming (not yet over) or started within the last 30 days.
        events = public_events().filter(
            Q(ends_at__gte=now) | Q(starts_at__gte=now - FEED_KEEPS_PAST),
            starts_at__lte=now + FEED_LOOKS_AHEAD,
        )[:FEED_MAX_EVENTS]

        def url_for(event):
            return request.build_absolute_uri(
                reverse("public_events:detail", args=[self.office.slug, self.lang, event.pk])
            )

        content = feed_ics(self.office, events, language=self.lang, url_for=url_for)
        response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{self.office.slug}.ics"'
        return response


class EventMixin(PublicPageMixin):
    """An event on the office's public calendar (404 if not public or another office's)."""

    event: Event

    def load_objects(self) -> None:
        self.event = get_object_or_404(
            public_events().prefetch_related("partners", "languages"), pk=self.kwargs["pk"]
        )


class EventView(EventMixin, TemplateView):
    """The event page with the registration form (POST registers, then redirects)."""

    template_name = "events/public/event.html"

    def get(self, request, *args, **kwargs):
        form = RegistrationForm() if accepts_registrations(self.event) else None
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        if not accepts_registrations(self.event):
            return self.render_to_response(self.get_context_data(form=None))
        form = RegistrationForm(request.POST)
        if form.is_valid():
            if form.is_from_a_bot:
                form.add_error(None, _("Your registration could not be sent. Please try again."))
            else:
                data = form.cleaned_data
                try:
                    registration = services.register(
                        self.event,
                        name=data["name"],
                        email=data["email"],
                        phone=data["phone"],
                        companions=data["companions"],
                        language=self.lang,
                        consent_contact=data["consent_contact"],
                        consent_photos=data["consent_photos"],
                        source=RegistrationSource.PUBLIC,
                    )
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    return redirect(
                        "public_events:registered", self.office.slug, self.lang, registration.token
                    )
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.event
        free = services.seats_free(event)
        context.update(
            event=event,
            **event_text(event, self.lang),
            free=free,
            state=seats_state(event, free),
            has_started=event.starts_at <= timezone.now(),
            ics_url=reverse(
                "public_events:event_ics", args=[self.office.slug, self.lang, event.pk]
            ),
        )
        return context


class EventIcsView(EventMixin, View):
    """The event as a calendar file, in the page's language."""

    def get(self, request, *args, **kwargs):
        url = request.build_absolute_uri(
            reverse("public_events:detail", args=[self.office.slug, self.lang, self.event.pk])
        )
        response = HttpResponse(
            event_ics(self.event, language=self.lang, url=url),
            content_type="text/calendar; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="event-{self.event.pk}.ics"'
        return response


class RegistrationMixin(PublicPageMixin):
    """A page reached through the secret link of one registration (404 if unknown)."""

    registration: Registration

    def load_objects(self) -> None:
        self.registration = get_object_or_404(
            Registration.objects.select_related("event__office", "event__venue_organisation"),
            token=self.kwargs["token"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registration = self.registration
        event = registration.event
        context.update(
            registration=registration,
            event=event,
            **event_text(event, self.lang),
            is_over=event.starts_at <= timezone.now(),
            event_url=(
                reverse("public_events:detail", args=[self.office.slug, self.lang, event.pk])
                if event.is_public
                else ""
            ),
            registered_url=reverse(
                "public_events:registered", args=[self.office.slug, self.lang, registration.token]
            ),
            cancel_url=reverse(
                "public_events:cancel", args=[self.office.slug, self.lang, registration.token]
            ),
        )
        return context


def waiting_list_position(registration: Registration) -> int:
    ahead = (
        registration.event.registrations.waitlisted()
        .filter(
            Q(registered_at__lt=registration.registered_at)
            | Q(registered_at=registration.registered_at, pk__lt=registration.pk)
        )
        .count()
    )
    return ahead + 1


class RegisteredView(RegistrationMixin, TemplateView):
    """After registering: confirmed or on the waiting list; calendar file; cancel.

    An invited guest (network meeting, training module) answers "I come" here.
    """

    template_name = "events/public/registered.html"

    def post(self, request, *args, **kwargs):
        registration = self.registration
        if (
            registration.status == RegistrationStatus.INVITED
            and registration.event.starts_at > timezone.now()
        ):
            services.confirm_invitation(registration)
        return redirect(
            "public_events:registered", self.office.slug, self.lang, self.registration.token
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registration = self.registration
        if registration.status == RegistrationStatus.WAITLISTED:
            context["position"] = waiting_list_position(registration)
        if registration.status == RegistrationStatus.CONFIRMED and registration.event.is_public:
            context["ics_url"] = reverse(
                "public_events:event_ics",
                args=[self.office.slug, self.lang, registration.event_id],
            )
        return context


class CancelView(RegistrationMixin, TemplateView):
    """GET asks, POST cancels. Cancelling twice changes nothing."""

    template_name = "events/public/cancel.html"

    def post(self, request, *args, **kwargs):
        if self.registration.event.starts_at > timezone.now():
            services.cancel(self.registration, by_guest=True)
        return redirect(
            "public_events:cancel", self.office.slug, self.lang, self.registration.token
        )
