"""Staff pages of the events app (counsellors and leads): list, form, detail with
the registrations, check-in on a phone, exports and the report.

Every write goes through lotse.events.services (or lotse.guides.services for
invitations); objects are loaded through the scoped managers, so another
office's event or registration answers 404.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, F, Q, Sum
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import ListView, TemplateView
from django.views.generic.base import TemplateResponseMixin

from lotse.accounts.permissions import OfficeRoleRequiredMixin
from lotse.core.history import history_for
from lotse.core.pdf import pdf_response
from lotse.guides.services import invite_active_guides
from lotse.people.models import Person
from lotse.people.services import search_people

from . import exports, services
from .forms import (
    AddPersonForm,
    EventFilterForm,
    EventForm,
    PeriodForm,
    WalkInForm,
    text_forms,
)
from .models import (
    ACTIVE_STATUSES,
    Event,
    EventKind,
    EventText,
    Registration,
    RegistrationSource,
    RegistrationStatus,
    attach_seat_counts,
)
from .notifications import absolute
from .reports import event_report

EVENTS_PER_PAGE = 25
# Rows per group on the detail page and on the check-in list; the search finds the rest.
REGISTRATIONS_SHOWN = 50
CHECKIN_ROWS = 40
PERSON_CANDIDATES = 10


def _add_error(form, error: ValidationError) -> None:
    """Put a service's error on the form field it names, or on the form as a whole."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            for item in errors:
                form.add_error(name if name in form.fields else None, item)
    else:
        form.add_error(None, error)


def _next_url(request, fallback: str) -> str:
    next_url = request.POST.get("next") or request.GET.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return fallback


def checkin_counts(event: Event) -> dict:
    """Registrations still on the list, and how many of them (with companions) are present."""
    present = Q(attended=True)
    return event.registrations.active().aggregate(
        registered=Count("id"),
        present=Count("id", filter=present),
        people_present=Sum(F("companions") + 1, filter=present, default=0),
    )


def public_url(event: Event) -> str:
    """The German public page of the event, as guests get it in their e-mails."""
    try:
        path = reverse("public_events:detail", args=[event.office.slug, "de", event.pk])
    except NoReverseMatch:
        return ""
    return absolute(path)


class EventMixin(OfficeRoleRequiredMixin):
    """Loads the event named in the URL through the scope (another office's → 404)."""

    def load_objects(self, **kwargs):
        self.event = get_object_or_404(
            Event.objects.select_related("office", "venue_organisation"), pk=kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, **kwargs)


class RegistrationMixin(OfficeRoleRequiredMixin):
    def load_objects(self, **kwargs):
        self.registration = get_object_or_404(
            Registration.objects.select_related("event__office", "event__venue_organisation"),
            pk=kwargs["pk"],
        )
        self.event = self.registration.event


# List ----------------------------------------------------------------------------


class EventListView(OfficeRoleRequiredMixin, ListView):
    """Upcoming events (or past ones); seats and waiting list for the page's rows only."""

    template_name = "events/event_list.html"
    paginate_by = EVENTS_PER_PAGE

    def get_template_names(self):
        if self.request.htmx and self.request.htmx.target == "results":
            return ["events/_event_results.html"]
        return [self.template_name]

    def get_queryset(self):
        self.filter_form = EventFilterForm(self.request.GET or None)
        data = self.filter_form.cleaned_data if self.filter_form.is_valid() else {}
        self.when = data.get("when") or "upcoming"
        events = Event.objects.select_related("venue_organisation")
        if self.when == "past":
            events = events.past().order_by("-starts_at", "-id")
        else:
            events = events.upcoming().order_by("starts_at", "id")
        if data.get("kind"):
            events = events.filter(kind=data["kind"])
        if data.get("q"):
            events = events.filter(title__icontains=data["q"].strip())
        return events

    def paginate_queryset(self, queryset, page_size):
        paginator, page, events, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = attach_seat_counts(list(page.object_list))
        return paginator, page, page.object_list, is_paginated

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter_form=self.filter_form, when=self.when, **kwargs)


# Create, edit, delete ---------------------------------------------------------------


class EventFormView(OfficeRoleRequiredMixin, TemplateResponseMixin, View):
    """The event with its texts in further languages, saved together."""

    template_name = "events/event_form.html"
    event = None

    def forms(self, data=None):
        initial = {}
        if self.event is None:
            kind = self.request.GET.get("kind")
            if kind in EventKind.values:
                initial["kind"] = kind
        form = EventForm(data, instance=self.event, initial=initial)
        return form, text_forms(self.event, data)

    def render_forms(self, form, texts):
        return self.render_to_response(
            {
                "form": form,
                "text_forms": texts,
                "text_errors": any(text.errors for text in texts),
                "event": self.event,
                "view": self,
            }
        )

    def get(self, request, *args, **kwargs):
        return self.render_forms(*self.forms())

    def post(self, request, *args, **kwargs):
        form, texts = self.forms(request.POST)
        # Validate every form, so that all errors show at once.
        valid = [form.is_valid()] + [text.is_valid() for text in texts]
        if not all(valid):
            return self.render_forms(form, texts)
        try:
            event = services.save_event(
                form,
                office=request.office,
                user=request.user,
                texts=[
                    (
                        text.language,
                        text.cleaned_data["title"],
                        text.cleaned_data["description"].strip(),
                    )
                    for text in texts
                ],
            )
        except ValidationError as error:
            _add_error(form, error)
            return self.render_forms(form, texts)
        messages.success(request, _("Saved: %(title)s") % {"title": event.title})
        return redirect(event)


class EventCreateView(EventFormView):
    """A new event (EventFormView without an event to change)."""


class EventUpdateView(EventMixin, EventFormView):
    def load_objects(self, **kwargs):
        self.event = get_object_or_404(Event.objects.prefetch_related("texts"), pk=kwargs["pk"])


class EventDeleteView(EventMixin, TemplateView):
    template_name = "events/event_confirm_delete.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            registrations=self.event.registrations.exclude(
                status=RegistrationStatus.CANCELLED
            ).count(),
            **kwargs,
        )

    def post(self, request, pk):
        title = self.event.title
        try:
            services.delete_event(self.event)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.event)
        messages.success(request, _("Deleted: %(title)s") % {"title": title})
        return redirect("events:list")


# Detail and registrations ------------------------------------------------------------


class EventDetailView(EventMixin, TemplateView):
    template_name = "events/event_detail.html"

    def load_objects(self, **kwargs):
        self.event = get_object_or_404(
            Event.objects.with_seats_taken()
            .select_related("office", "venue_organisation", "created_by")
            .prefetch_related("partners", "languages", "texts"),
            pk=kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        event = self.event
        registrations = event.registrations.all()
        totals = dict(registrations.order_by().values_list("status").annotate(n=Count("id")))
        groups = [
            (RegistrationStatus.CONFIRMED, _("Confirmed"), registrations.confirmed()),
            (RegistrationStatus.WAITLISTED, _("Waiting list"), registrations.waitlisted()),
            (RegistrationStatus.INVITED, _("Invited"), registrations.filter(status="invited")),
            (
                RegistrationStatus.CANCELLED,
                _("Cancelled"),
                registrations.filter(status="cancelled").order_by("-cancelled_at", "-id"),
            ),
        ]
        seats_free = None
        if event.capacity is not None:
            seats_free = max(event.capacity - event.seats_taken, 0)
        return super().get_context_data(
            seats_free=seats_free,
            public_url=public_url(event),
            groups=[
                {
                    "status": status,
                    "title": title,
                    "total": totals.get(status, 0),
                    "registrations": list(queryset[:REGISTRATIONS_SHOWN])
                    if totals.get(status)
                    else [],
                }
                for status, title, queryset in groups
            ],
            shown=REGISTRATIONS_SHOWN,
            walk_in_form=WalkInForm(),
            history=history_for(event, [(EventText, "event")])[:10],
            **kwargs,
        )


class AddPersonView(EventMixin, TemplateView):
    """Search the office's people (live with htmx) and register one of them."""

    template_name = "events/add_person.html"

    def get_template_names(self):
        if self.request.htmx and self.request.htmx.target == "person-candidates":
            return ["events/_person_candidates.html"]
        return [self.template_name]

    def get_context_data(self, form=None, **kwargs):
        query = self.request.GET.get("q", "").strip()
        candidates = []
        if query:
            candidates = list(search_people(Person.objects.all(), query)[:PERSON_CANDIDATES])
            registered = set(
                self.event.registrations.active()
                .filter(person__in=[person.pk for person in candidates])
                .values_list("person_id", flat=True)
            )
            for person in candidates:
                person.already_registered = person.pk in registered
        return super().get_context_data(
            query=query, candidates=candidates, form=form or AddPersonForm(), **kwargs
        )

    def post(self, request, pk):
        form = AddPersonForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        person = form.cleaned_data["person"]
        try:
            registration = services.register(
                self.event,
                name=person.full_name,
                email=person.email,
                phone=person.phone,
                companions=form.cleaned_data["companions"],
                person=person,
                source=RegistrationSource.STAFF,
            )
        except ValidationError as error:
            _add_error(form, error)
            return self.render_to_response(self.get_context_data(form=form))
        if registration.status == RegistrationStatus.WAITLISTED:
            messages.warning(
                request,
                _("%(name)s is on the waiting list: the event is full.")
                % {"name": person.full_name},
            )
        else:
            messages.success(request, _("%(name)s is registered.") % {"name": person.full_name})
        return redirect(f"{self.event.get_absolute_url()}#registrations-heading")


class WalkInView(EventMixin, TemplateView):
    """Someone came without registering: added and checked in at once."""

    template_name = "events/walk_in.html"

    def get_context_data(self, form=None, **kwargs):
        return super().get_context_data(
            form=form or WalkInForm(),
            next=_next_url(self.request, self.event.get_absolute_url()),
            **kwargs,
        )

    def post(self, request, pk):
        form = WalkInForm(request.POST)
        if form.is_valid():
            try:
                services.add_walk_in(
                    self.event,
                    name=form.cleaned_data["name"],
                    companions=form.cleaned_data["companions"],
                    user=request.user,
                )
            except ValidationError as error:
                _add_error(form, error)
            else:
                messages.success(
                    request,
                    _("%(name)s is added and checked in.") % {"name": form.cleaned_data["name"]},
                )
                return redirect(_next_url(request, self.event.get_absolute_url()))
        return self.render_to_response(self.get_context_data(form=form))


class CancelRegistrationView(RegistrationMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        registration = self.registration
        if registration.status == RegistrationStatus.CANCELLED:
            messages.info(request, _("This registration was cancelled already."))
        else:
            promoted = services.cancel(registration)
            text = _("Cancelled: %(name)s.") % {"name": registration.name}
            if promoted:
                text += " " + ngettext(
                    "Moved up from the waiting list: %(names)s.",
                    "Moved up from the waiting list: %(names)s.",
                    len(promoted),
                ) % {"names": ", ".join(r.name for r in promoted)}
            messages.success(request, text)
        return redirect(
            _next_url(request, f"{self.event.get_absolute_url()}#registrations-heading")
        )


class InviteGuidesView(EventMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        event = self.event
        if not event.is_network_event:
            messages.error(
                request, _("Guides are invited to network meetings and training modules only.")
            )
            return redirect(event)
        try:
            invited = invite_active_guides(event)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(event)
        if invited:
            messages.success(
                request,
                ngettext("%(count)s guide was invited.", "%(count)s guides were invited.", invited)
                % {"count": invited},
            )
        else:
            messages.info(request, _("Every active guide is on the list already."))
        return redirect(f"{event.get_absolute_url()}#registrations-heading")


# Check-in ----------------------------------------------------------------------------


class CheckInView(EventMixin, TemplateView):
    """The door list for a phone: search by name, check in with one tap."""

    template_name = "events/checkin.html"

    def get_template_names(self):
        if self.request.htmx and self.request.htmx.target == "checkin-results":
            return ["events/_checkin_results.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "").strip()[:100]
        rows = self.event.registrations.filter(status__in=ACTIVE_STATUSES).order_by(
            "folded_name", "id"
        )
        if query:
            rows = services.search_registrations(rows, query)
        rows = list(rows[: CHECKIN_ROWS + 1])
        more = len(rows) > CHECKIN_ROWS
        return super().get_context_data(
            query=query,
            rows=rows[:CHECKIN_ROWS],
            more=more,
            counts=checkin_counts(self.event),
            walk_in_form=WalkInForm(),
            **kwargs,
        )


class CheckInToggleView(RegistrationMixin, View):
    """Check in or undo. `attended` says which (so two phones cannot undo each other);
    without it the state toggles."""

    http_method_names = ["post"]

    def post(self, request, pk):
        registration = self.registration
        wanted = request.POST.get("attended")
        attend = not registration.attended if wanted not in ("0", "1") else wanted == "1"
        if registration.status == RegistrationStatus.CANCELLED:
            messages.error(
                request,
                _("%(name)s cancelled the registration. Add them as a walk-in instead.")
                % {"name": registration.name},
            )
        elif attend and not registration.attended:
            registration = services.check_in(registration, user=request.user)
        elif not attend and registration.attended:
            registration = services.undo_check_in(registration)
        if request.htmx:
            return render(
                request,
                "events/_checkin_row_swap.html",
                {
                    "row": registration,
                    "event": self.event,
                    "counts": checkin_counts(self.event),
                    "swapped": True,
                    "next": _next_url(request, reverse("events:checkin", args=[self.event.pk])),
                },
            )
        if registration.status != RegistrationStatus.CANCELLED:
            if registration.attended:
                text = _("%(name)s is checked in.")
            else:
                text = _("%(name)s is no longer checked in.")
            messages.success(request, text % {"name": registration.name})
        fallback = reverse("events:checkin", args=[self.event.pk])
        return redirect(f"{_next_url(request, fallback)}#registration-{registration.pk}")


# Exports ---------------------------------------------------------------------------------


class ParticipantsPdfView(EventMixin, View):
    def get(self, request, pk):
        pdf = exports.participants_pdf(self.event, request=request)
        return pdf_response(pdf, exports.filename(self.event, _("participants")))


class ParticipantsXlsxView(EventMixin, View):
    def get(self, request, pk):
        response = HttpResponse(
            exports.participants_xlsx(self.event), content_type=exports.XLSX_TYPE
        )
        name = exports.filename(self.event, _("participants"))
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response


class CertificatesView(EventMixin, View):
    """Certificates for everyone who attended, one page each."""

    def get(self, request, pk):
        attended = self.event.registrations.attended().exclude(status=RegistrationStatus.CANCELLED)
        registrations = list(attended.order_by("folded_name", "id"))
        if not registrations:
            messages.error(
                request,
                _("Nobody is checked in yet: certificates are issued for attendance only."),
            )
            return redirect(self.event)
        pdf = exports.certificates_pdf(self.event, registrations, request=request)
        return pdf_response(pdf, exports.filename(self.event, _("certificates")))


class CertificateView(RegistrationMixin, View):
    def get(self, request, pk):
        registration = self.registration
        if not registration.attended or registration.status == RegistrationStatus.CANCELLED:
            messages.error(
                request,
                _("%(name)s is not checked in: certificates are issued for attendance only.")
                % {"name": registration.name},
            )
            return redirect(self.event)
        pdf = exports.certificates_pdf(self.event, [registration], request=request)
        return pdf_response(pdf, exports.filename(self.event, _("certificate")))


# Report --------------------------------------------------------------------------------


class ReportView(OfficeRoleRequiredMixin, TemplateView):
    template_name = "events/report.html"

    def get_context_data(self, **kwargs):
        params = self.request.GET
        period = PeriodForm.current_year()
        if "start" in params or "end" in params:
            form = PeriodForm(params)
            period = form.cleaned_data if form.is_valid() else None
        else:
            form = PeriodForm(initial=period)
        report = event_report(period["start"], period["end"]) if period else None
        return super().get_context_data(form=form, report=report, **kwargs)
