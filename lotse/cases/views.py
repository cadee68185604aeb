from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView
from django.views.generic.edit import FormView

from lotse.accounts.models import Role
from lotse.accounts.permissions import OfficeRoleRequiredMixin
from lotse.core.history import history_for
from lotse.people.models import Person
from lotse.privacy.models import ConsentPurpose
from lotse.privacy.services import valid_consent

from . import services
from .forms import (
    CaseForm,
    CloseCaseForm,
    ConsultationForm,
    EsfForm,
    NextStepForm,
    OutcomeForm,
    ReferralForm,
    ReferralUpdateForm,
    TopicForm,
)
from .models import (
    Case,
    CaseStatus,
    Consultation,
    EsfRecord,
    NextStep,
    Referral,
    TargetGroup,
    Topic,
)
from .worklist import worklist_for


class CaseListView(OfficeRoleRequiredMixin, ListView):
    template_name = "cases/case_list.html"
    paginate_by = 25

    def get_queryset(self):
        params = self.request.GET
        # Not select_related: joining every case of the office before OFFSET makes
        # PostgreSQL scan all people for the last pages; the page's 25 are fetched by id.
        queryset = Case.objects.prefetch_related("person", "counsellor")
        self.status = params.get("status", CaseStatus.OPEN)
        if self.status in CaseStatus.values:
            queryset = queryset.filter(status=self.status)
        self.mine = params.get("mine", "1") == "1"
        if self.mine:
            queryset = queryset.filter(counsellor=self.request.user)
        self.target_group = params.get("target_group", "")
        if self.target_group in TargetGroup.values:
            queryset = queryset.filter(target_group=self.target_group)
        return queryset.order_by("-opened_on", "-id")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            status=self.status,
            mine=self.mine,
            target_group=self.target_group,
            statuses=CaseStatus.choices,
            target_groups=TargetGroup.choices,
            **kwargs,
        )


class CaseMixin(OfficeRoleRequiredMixin):
    """Loads the case named in the URL through the office scope (another office's → 404)."""

    case_kwarg = "pk"

    def load_objects(self, **kwargs):
        self.case = get_object_or_404(
            Case.objects.select_related("person", "counsellor", "office"),
            pk=kwargs[self.case_kwarg],
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(case=self.case, person=self.case.person, **kwargs)


class CaseCreateView(OfficeRoleRequiredMixin, FormView):
    template_name = "cases/case_form.html"
    form_class = CaseForm

    def load_objects(self, **kwargs):
        self.person = get_object_or_404(Person, pk=kwargs["person_pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "office": self.request.office}

    def get_initial(self):
        person = self.person
        group = TargetGroup.YOUNG_PERSON
        if person.is_entrepreneur:
            group = TargetGroup.ENTREPRENEUR
        elif person.is_parent and not person.is_young_person:
            group = TargetGroup.PARENT
        return {"counsellor": self.request.user, "target_group": group}

    def get_context_data(self, **kwargs):
        return super().get_context_data(person=self.person, **kwargs)

    def form_valid(self, form):
        data = {k: v for k, v in form.cleaned_data.items() if k not in {"version", "counsellor"}}
        try:
            case = services.open_case(
                self.person, counsellor=form.cleaned_data["counsellor"], **data
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The case was opened."))
        return redirect(case)


class CaseDetailView(CaseMixin, DetailView):
    template_name = "cases/case_detail.html"

    def get_object(self, queryset=None):
        return self.case

    def get_context_data(self, **kwargs):
        case = self.case
        context = super().get_context_data(**kwargs)
        context.update(
            consultations=case.consultations.select_related(
                "language", "counsellor", "about_case__person"
            )
            .prefetch_related("topics")
            .order_by("-date", "-id")[:50],
            next_steps=case.next_steps.select_related("assigned_to").order_by(
                "done_on", "due_on", "id"
            ),
            referrals=case.referrals.select_related("institution").order_by("-created_on", "-id"),
            outcomes=case.outcomes.select_related("organisation").order_by("-date", "-id"),
            esf=EsfRecord.objects.filter(person_id=case.person_id).first()
            if case.needs_esf
            else None,
            consent=valid_consent(case.person, ConsentPurpose.SHARE_WITH_INSTITUTIONS),
            close_form=CloseCaseForm(initial={"version": case.version}),
            next_step_form=NextStepForm(),
            history=history_for(case)[:10],
        )
        return context


class CaseUpdateView(CaseMixin, FormView):
    template_name = "cases/case_form.html"
    form_class = CaseForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "office": self.request.office, "instance": self.case}

    def form_valid(self, form):
        try:
            case = services.save_case(form, expected_version=form.cleaned_data.get("version") or 0)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The case was saved."))
        return redirect(case)


class CaseCloseView(CaseMixin, FormView):
    template_name = "cases/case_close.html"
    form_class = CloseCaseForm

    def get_initial(self):
        return {"version": self.case.version}

    def form_valid(self, form):
        try:
            services.close_case(
                self.case,
                closed_on=form.cleaned_data["closed_on"],
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The case was closed."))
        return redirect(self.case)


class ConsultationCreateView(CaseMixin, FormView):
    template_name = "cases/consultation_form.html"
    form_class = ConsultationForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "case": self.case}

    def form_valid(self, form):
        try:
            services.record_consultation(
                self.case, form, counsellor=self.request.user, next_steps=form.next_steps()
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The consultation was recorded."))
        return redirect(self.case)


class ConsultationUpdateView(CaseMixin, FormView):
    template_name = "cases/consultation_form.html"
    form_class = ConsultationForm

    def load_objects(self, **kwargs):
        super().load_objects(**kwargs)
        self.consultation = get_object_or_404(
            Consultation, pk=kwargs["consultation_pk"], case=self.case
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "case": self.case, "instance": self.consultation}

    def form_valid(self, form):
        services.save_consultation(form)
        messages.success(self.request, _("The consultation was saved."))
        return redirect(self.case)


class NextStepCreateView(CaseMixin, FormView):
    template_name = "cases/next_step_form.html"
    form_class = NextStepForm

    def form_valid(self, form):
        services.add_next_step(self.case, assigned_to=self.request.user, **form.cleaned_data)
        messages.success(self.request, _("The next step was added."))
        return redirect(self.case)


class NextStepDoneView(OfficeRoleRequiredMixin, TemplateView):
    http_method_names = ["post"]

    def post(self, request, pk):
        step = get_object_or_404(NextStep.objects.select_related("case"), pk=pk)
        services.complete_next_step(step)
        messages.success(request, _("Done: %(step)s") % {"step": step.description})
        next_url = request.POST.get("next")
        if next_url == "worklist":
            return redirect("core:home")
        return redirect(step.case)


class ReferralCreateView(CaseMixin, FormView):
    template_name = "cases/referral_form.html"
    form_class = ReferralForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            consent=valid_consent(self.case.person, ConsentPurpose.SHARE_WITH_INSTITUTIONS),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            services.refer(self.case, created_by=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The referral was recorded."))
        return redirect(self.case)


class ReferralUpdateView(OfficeRoleRequiredMixin, FormView):
    template_name = "cases/referral_update.html"
    form_class = ReferralUpdateForm

    def load_objects(self, **kwargs):
        self.referral = get_object_or_404(
            Referral.objects.select_related("case__person", "institution"), pk=kwargs["pk"]
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "current_status": self.referral.status}

    def get_initial(self):
        referral = self.referral
        return {
            "status": referral.status,
            "feedback": referral.feedback,
            "declined_reason": referral.declined_reason,
            "follow_up_on": referral.follow_up_on,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(referral=self.referral, case=self.referral.case, **kwargs)

    def form_valid(self, form):
        try:
            services.update_referral(self.referral, **form.cleaned_data)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    for item in errors:
                        form.add_error(field, item)
            else:
                form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The referral was updated."))
        return redirect(self.referral.case)


class OutcomeCreateView(CaseMixin, FormView):
    template_name = "cases/outcome_form.html"
    form_class = OutcomeForm

    def form_valid(self, form):
        try:
            services.record_outcome(self.case, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The outcome was recorded."))
        return redirect(self.case)


class EsfUpdateView(CaseMixin, FormView):
    template_name = "cases/esf_form.html"
    form_class = EsfForm

    def get_record(self):
        record = services.ensure_esf_record(self.case)
        if record is None:  # short contact, or the office collects no ESF+ data
            raise Http404
        return record

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_record()}

    def form_valid(self, form):
        services.save_esf(form)
        messages.success(self.request, _("The ESF+ data were saved."))
        return redirect(self.case)


def worklist_context(user):
    return {"worklist": worklist_for(user)}


class WorklistView(OfficeRoleRequiredMixin, TemplateView):
    template_name = "cases/worklist.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**worklist_context(self.request.user), **kwargs)


class TopicListView(OfficeRoleRequiredMixin, FormView):
    """The topic catalogue: shipped topics plus the office's own, which the lead maintains."""

    allowed_roles = {Role.LEAD}
    template_name = "cases/topic_list.html"
    form_class = TopicForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "office": self.request.office}

    def get_context_data(self, **kwargs):
        return super().get_context_data(topics=Topic.objects.order_by("position", "name"), **kwargs)

    def form_valid(self, form):
        services.add_topic(self.request.office, **form.cleaned_data)
        messages.success(self.request, _("The topic was added."))
        return redirect("cases:topics")


class TopicToggleView(OfficeRoleRequiredMixin, TemplateView):
    """Take an office's own topic out of use, or back in (shipped topics stay)."""

    allowed_roles = {Role.LEAD}
    http_method_names = ["post"]

    def load_objects(self, **kwargs):
        self.topic = get_object_or_404(Topic, pk=kwargs["pk"])

    def post(self, request, pk):
        try:
            services.toggle_topic(self.topic)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("cases:topics")
