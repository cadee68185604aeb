from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DeleteView, DetailView, ListView, UpdateView
from django.views.generic.detail import SingleObjectMixin
from django.views.generic.edit import FormView

from lotse.accounts.permissions import OfficeRoleRequiredMixin
from lotse.core.history import history_for
from lotse.people.models import Person

from . import services
from .forms import AffiliationForm, OrganisationFilterForm, OrganisationForm
from .models import Affiliation, Organisation

ORGANISATION_LINKS = [(Affiliation, "organisation")]


class OrganisationListView(OfficeRoleRequiredMixin, ListView):
    paginate_by = 25
    template_name = "organisations/organisation_list.html"

    def get_template_names(self):
        if self.request.htmx and self.request.htmx.target == "results":
            return ["organisations/_organisation_results.html"]
        return [self.template_name]

    def get_queryset(self):
        self.filter_form = OrganisationFilterForm(self.request.GET or None)
        queryset = Organisation.objects.all()
        if not self.filter_form.is_valid():
            return queryset
        data = self.filter_form.cleaned_data
        if data["kind"]:
            queryset = queryset.filter(kind=data["kind"])
        if data["migrant_led"]:
            queryset = queryset.filter(migrant_led=True)
        return services.search_organisations(queryset, data["q"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter_form=self.filter_form, **kwargs)


class OrganisationDetailView(OfficeRoleRequiredMixin, DetailView):
    template_name = "organisations/organisation_detail.html"

    def get_queryset(self):
        return Organisation.objects.prefetch_related(
            "languages",
            Prefetch("affiliations", Affiliation.objects.select_related("person")),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["history"] = history_for(self.object, ORGANISATION_LINKS)[:10]
        return context


class OrganisationFormMixin(OfficeRoleRequiredMixin):
    model = Organisation
    form_class = OrganisationForm
    template_name = "organisations/organisation_form.html"

    def form_valid(self, form):
        self.object = services.save_organisation(form, office=self.request.office)
        messages.success(self.request, _("Saved: %(name)s") % {"name": self.object.name})
        return redirect(self.object)


class OrganisationCreateView(OrganisationFormMixin, CreateView):
    pass


class OrganisationUpdateView(OrganisationFormMixin, UpdateView):
    def get_queryset(self):
        return Organisation.objects.all()


class OrganisationDeleteView(OfficeRoleRequiredMixin, DeleteView):
    template_name = "organisations/organisation_confirm_delete.html"
    success_url = reverse_lazy("organisations:list")

    def get_queryset(self):
        return Organisation.objects.all()

    def form_valid(self, form):
        name = self.object.name
        services.delete_organisation(self.object)
        messages.success(self.request, _("Deleted: %(name)s") % {"name": name})
        return redirect(self.success_url)


class OrganisationHistoryView(OfficeRoleRequiredMixin, SingleObjectMixin, ListView):
    template_name = "organisations/organisation_history.html"
    paginate_by = 50

    def get(self, request, *args, **kwargs):
        self.object = self.get_object(queryset=Organisation.objects.all())
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return history_for(self.object, ORGANISATION_LINKS)

    def get_context_data(self, **kwargs):
        return super().get_context_data(organisation=self.object, **kwargs)


class AffiliationCreateView(OfficeRoleRequiredMixin, FormView):
    """Record a person's role at an organisation, choosing the organisation by search."""

    template_name = "organisations/affiliation_form.html"
    form_class = AffiliationForm

    def load_objects(self, **kwargs):
        self.person = get_object_or_404(Person, pk=kwargs["person_pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(person=self.person, **kwargs)
        query = self.request.GET.get("q", "").strip()
        context["query"] = query
        if query:
            context["candidates"] = services.search_organisations(
                Organisation.objects.all(), query
            )[:20]
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.affiliate(self.person, data["organisation"], data["role"], data["note"])
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The role was recorded."))
        return redirect(self.person)


class AffiliationDeleteView(OfficeRoleRequiredMixin, DeleteView):
    template_name = "organisations/affiliation_confirm_delete.html"

    def get_queryset(self):
        return Affiliation.objects.select_related("person", "organisation")

    def form_valid(self, form):
        person = self.object.person
        services.remove_affiliation(self.object)
        messages.success(self.request, _("The role was removed."))
        return redirect(person)
