from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView
from django.views.generic.edit import FormView

from lotse.accounts.permissions import OfficeRoleRequiredMixin
from lotse.people.models import Person

from . import engine, services
from .forms import MatchingProfileForm, PlaceFilterForm, PlaceForm, PlacementStatusForm
from .models import (
    PLACEMENT_TRANSITIONS,
    SEAT_HOLDING,
    MatchingProfile,
    Place,
    Placement,
    PlacementStatus,
    PlaceStatus,
)

CANDIDATES_SHOWN = 25


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            for item in errors:
                form.add_error(field if field in form.fields else None, item)
    else:
        form.add_error(None, error)


def _with_seats_taken(queryset):
    return queryset.annotate(
        taken=Count("placements", filter=Q(placements__status__in=SEAT_HOLDING))
    )


def suggestion_for(place: Place, person: Person) -> engine.Suggestion:
    """The engine's score and reasons for one place and one person.

    The engine ranks whole lists only; this asks it about the pair that was clicked,
    so the reasons stored with the placement are computed here, not sent by the browser.
    """
    return engine.suggestion_for(place, person)


def stored_reasons(suggestion: engine.Suggestion) -> str:
    """The suggestion in words, one line each, as kept with the placement."""
    lines = [_("%(score)s of 100 points") % {"score": suggestion.score}]
    lines += suggestion.reasons
    lines += [_("to check: %(warning)s") % {"warning": w} for w in suggestion.warnings]
    return "\n".join(lines)


def person_matching_context(person: Person) -> dict:
    """The matching panel on the person's page."""
    return {
        "matching_profile": MatchingProfile.objects.filter(person=person)
        .prefetch_related("wished_occupations")
        .first(),
        "person_placements": Placement.objects.filter(person=person).select_related(
            "place__company", "place__occupation"
        ),
    }


class PlaceListView(OfficeRoleRequiredMixin, ListView):
    template_name = "matching/place_list.html"
    paginate_by = 25

    def get_queryset(self):
        self.filter_form = PlaceFilterForm(self.request.GET)
        queryset = _with_seats_taken(Place.objects.select_related("company", "occupation"))
        if not self.filter_form.is_valid():
            return queryset.filter(status=PlaceStatus.OPEN)
        data = self.filter_form.cleaned_data
        if data["status"] in PlaceStatus.values:
            queryset = queryset.filter(status=data["status"])
        if data["kind"]:
            queryset = queryset.filter(kind=data["kind"])
        if data["company"]:
            queryset = queryset.filter(company=data["company"])
        if query := data["q"].strip():
            queryset = queryset.filter(
                Q(occupation__name__icontains=query)
                | Q(occupation__name_female__icontains=query)
                | Q(occupation__kldb_code__startswith=query)
            )
        return queryset.order_by("start_date", "id")

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter_form=self.filter_form, **kwargs)


class PlaceMixin(OfficeRoleRequiredMixin):
    """Loads the place named in the URL through the office scope (another office's → 404)."""

    def load_objects(self, **kwargs):
        self.place = get_object_or_404(
            _with_seats_taken(Place.objects.select_related("company", "occupation")),
            pk=kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(place=self.place, **kwargs)


class PlaceCreateView(OfficeRoleRequiredMixin, FormView):
    template_name = "matching/place_form.html"
    form_class = PlaceForm

    def get_initial(self):
        return {"company": self.request.GET.get("company")}

    def form_valid(self, form):
        try:
            place = services.save_place(form, office=self.request.office, by=self.request.user)
        except ValidationError as error:
            _add_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The place was saved."))
        return redirect(place)


class PlaceUpdateView(PlaceMixin, FormView):
    template_name = "matching/place_form.html"
    form_class = PlaceForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.place}

    def form_valid(self, form):
        try:
            place = services.save_place(form, by=self.request.user)
        except ValidationError as error:
            _add_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The place was saved."))
        return redirect(place)


class PlaceDetailView(PlaceMixin, TemplateView):
    template_name = "matching/place_detail.html"

    def get_context_data(self, **kwargs):
        place = self.place
        is_open = place.status == PlaceStatus.OPEN
        return super().get_context_data(
            placements=place.placements.select_related("person").order_by("-created_at", "-id"),
            free_seats=max(place.seats - place.taken, 0),
            candidates=engine.people_for(place, limit=CANDIDATES_SHOWN) if is_open else [],
            is_open=is_open,
            **kwargs,
        )


class SuggestView(OfficeRoleRequiredMixin, View):
    """One click: the suggestion of PLACE for PERSON becomes a placement, reasons kept."""

    http_method_names = ["post"]

    def load_objects(self, **kwargs):
        self.place = get_object_or_404(
            Place.objects.select_related("company", "occupation"), pk=kwargs["pk"]
        )
        self.person = get_object_or_404(Person, pk=kwargs["person_pk"])

    def post(self, request, *args, **kwargs):
        suggestion = suggestion_for(self.place, self.person)
        try:
            services.suggest(
                self.person, self.place, by=request.user, reasons=stored_reasons(suggestion)
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(name)s is now suggested for %(place)s.")
                % {"name": self.person.full_name, "place": self.place.occupation},
            )
        if request.POST.get("next") == "person":
            return redirect("matching:person_places", self.person.pk)
        return redirect(self.place)


class PersonMixin(OfficeRoleRequiredMixin):
    def load_objects(self, **kwargs):
        self.person = get_object_or_404(Person, pk=kwargs["person_pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(person=self.person, **kwargs)


class ProfileUpdateView(PersonMixin, FormView):
    template_name = "matching/profile_form.html"
    form_class = MatchingProfileForm

    def get_form_kwargs(self):
        profile = MatchingProfile.objects.filter(person=self.person).first()
        return {
            **super().get_form_kwargs(),
            "instance": profile or MatchingProfile(person=self.person),
        }

    def form_valid(self, form):
        services.save_profile(form, person=self.person)
        messages.success(self.request, _("The matching profile was saved."))
        if self.request.POST.get("then") == "places":
            return redirect("matching:person_places", self.person.pk)
        return redirect(self.person)


class PersonPlacesView(PersonMixin, TemplateView):
    """Places for one young person, best first, each with its reasons."""

    template_name = "matching/person_places.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            suggestions=engine.places_for(self.person),
            **person_matching_context(self.person),
            **kwargs,
        )


class PlacementUpdateView(OfficeRoleRequiredMixin, FormView):
    template_name = "matching/placement_form.html"
    form_class = PlacementStatusForm

    def load_objects(self, **kwargs):
        self.placement = get_object_or_404(
            Placement.objects.select_related(
                "place__company", "place__occupation", "person", "case", "created_by"
            ),
            pk=kwargs["pk"],
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "current_status": self.placement.status}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            placement=self.placement,
            can_change=bool(PLACEMENT_TRANSITIONS[PlacementStatus(self.placement.status)]),
            back=self._back(),
            **kwargs,
        )

    def _back(self) -> str:
        if self.request.GET.get("next", self.request.POST.get("next")) == "person":
            return "person"
        return "place"

    def form_valid(self, form):
        data = form.cleaned_data
        cancelling = data["status"] == PlacementStatus.CANCELLED
        try:
            services.change_placement(
                self.placement,
                status=data["status"],
                by=self.request.user,
                on=data["on"],
                cancelled_by=data["cancelled_by"] if cancelling else "",
                cancel_reason=data["cancel_reason"] if cancelling else "",
            )
        except ValidationError as error:
            _add_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(name)s: %(status)s.")
            % {
                "name": self.placement.person.full_name,
                "status": PlacementStatus(data["status"]).label,
            },
        )
        if self._back() == "person":
            return redirect(self.placement.person)
        return redirect(self.placement.place)
