from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DeleteView, DetailView, ListView, UpdateView
from django.views.generic.detail import SingleObjectMixin
from django.views.generic.edit import FormView

from lotse.accounts.permissions import OfficeRoleRequiredMixin
from lotse.cases.timeline import KINDS as TIMELINE_KINDS
from lotse.cases.timeline import timeline_for
from lotse.core.history import history_for
from lotse.matching.views import person_matching_context
from lotse.organisations.models import Affiliation

from . import services
from .forms import LinkPersonForm, PersonFilterForm, PersonForm
from .models import KIND_FIELDS, LanguageSkill, ParentChild, Person

PERSON_LINKS = [(ParentChild, "parent"), (ParentChild, "child"), (Affiliation, "person")]


class PersonListView(OfficeRoleRequiredMixin, ListView):
    paginate_by = 25
    template_name = "people/person_list.html"

    def get_template_names(self):
        if self.request.htmx and self.request.htmx.target == "results":
            return ["people/_person_results.html"]
        return [self.template_name]

    def get_queryset(self):
        self.filter_form = PersonFilterForm(self.request.GET or None)
        queryset = Person.objects.prefetch_related("languages")
        if not self.filter_form.is_valid():
            return queryset
        data = self.filter_form.cleaned_data
        if data["kind"]:
            queryset = queryset.filter(**{KIND_FIELDS[data["kind"]]: True})
        if data["gender"]:
            queryset = queryset.filter(gender=data["gender"])
        if data["language"]:
            queryset = queryset.filter(languages=data["language"])
        return services.search_people(queryset, data["q"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter_form=self.filter_form, **kwargs)


class PersonDetailView(OfficeRoleRequiredMixin, DetailView):
    template_name = "people/person_detail.html"

    def get_queryset(self):
        return Person.objects.prefetch_related(
            "languages",
            Prefetch("language_skills", LanguageSkill.objects.select_related("language")),
            Prefetch("child_links", ParentChild.objects.select_related("child")),
            Prefetch("parent_links", ParentChild.objects.select_related("parent")),
            Prefetch("affiliations", Affiliation.objects.select_related("organisation")),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        selected = set(self.request.GET.getlist("timeline")) & set(TIMELINE_KINDS)
        cases = list(person.cases.select_related("counsellor").order_by("-opened_on", "-id"))
        context.update(
            history=history_for(person, PERSON_LINKS)[:10],
            person_cases=cases,
            open_case=next((case for case in cases if case.is_open), None),
            consents=person.consents.order_by("-given_on", "-id"),
            timeline=timeline_for(person, selected or None),
            timeline_kinds=list(TIMELINE_KINDS.items()),
            timeline_selected=selected or set(TIMELINE_KINDS),
            **person_matching_context(person),
        )
        return context


class PersonFormMixin(OfficeRoleRequiredMixin):
    model = Person
    form_class = PersonForm
    template_name = "people/person_form.html"

    def form_valid(self, form):
        self.object = services.save_person(form, office=self.request.office)
        messages.success(self.request, _("Saved: %(name)s") % {"name": self.object.full_name})
        return redirect(self.object)


class PersonCreateView(PersonFormMixin, CreateView):
    pass


class PersonUpdateView(PersonFormMixin, UpdateView):
    def get_queryset(self):
        return Person.objects.all()


class PersonDeleteView(OfficeRoleRequiredMixin, DeleteView):
    template_name = "people/person_confirm_delete.html"
    success_url = reverse_lazy("people:list")

    def get_queryset(self):
        return Person.objects.all()

    def form_valid(self, form):
        name = self.object.full_name
        try:
            services.delete_person(self.object)
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
            return redirect(self.object)
        messages.success(self.request, _("Deleted: %(name)s") % {"name": name})
        return redirect(self.success_url)


class PersonHistoryView(OfficeRoleRequiredMixin, SingleObjectMixin, ListView):
    template_name = "people/person_history.html"
    paginate_by = 50

    def get(self, request, *args, **kwargs):
        self.object = self.get_object(queryset=Person.objects.all())
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return history_for(self.object, PERSON_LINKS)

    def get_context_data(self, **kwargs):
        return super().get_context_data(person=self.object, **kwargs)


class LinkRelativeView(OfficeRoleRequiredMixin, FormView):
    """Find another person of the office and link them as parent or child."""

    template_name = "people/link_relative.html"
    form_class = LinkPersonForm

    def load_objects(self, **kwargs):
        self.person = get_object_or_404(Person, pk=kwargs["pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "person": self.person}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(person=self.person, **kwargs)
        query = self.request.GET.get("q", "").strip()
        context["query"] = query
        if query:
            context["candidates"] = services.search_people(
                Person.objects.exclude(pk=self.person.pk), query
            )[:20]
        return context

    def form_valid(self, form):
        other = form.cleaned_data["other"]
        if form.cleaned_data["relation"] == "child":
            parent, child = self.person, other
        else:
            parent, child = other, self.person
        try:
            services.link_parent_child(parent, child)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(parent)s is now recorded as a parent of %(child)s.")
            % {"parent": parent.full_name, "child": child.full_name},
        )
        return redirect(self.person)


class UnlinkRelativeView(OfficeRoleRequiredMixin, DeleteView):
    template_name = "people/unlink_relative.html"
    pk_url_kwarg = "link_pk"

    def get_queryset(self):
        person_id = self.kwargs["pk"]
        return ParentChild.objects.select_related("parent", "child").filter(
            Q(parent_id=person_id) | Q(child_id=person_id)
        )

    def form_valid(self, form):
        services.unlink_parent_child(self.object)
        messages.success(self.request, _("The link was removed."))
        return redirect(reverse("people:detail", args=[self.kwargs["pk"]]))
