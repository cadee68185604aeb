from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import DeleteView
from django.views.generic.edit import FormView

from lotse.accounts.permissions import OfficeRoleRequiredMixin
from lotse.people.models import Person

from . import services
from .forms import ConsentForm
from .models import Consent


class ConsentCreateView(OfficeRoleRequiredMixin, FormView):
    template_name = "privacy/consent_form.html"
    form_class = ConsentForm

    def load_objects(self, **kwargs):
        self.person = get_object_or_404(Person, pk=kwargs["person_pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            person=self.person, back_url=self.get_success_url(), **kwargs
        )

    def get_success_url(self):
        next_url = self.request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(next_url, allowed_hosts={self.request.get_host()}):
            return next_url
        return self.person.get_absolute_url()

    def form_valid(self, form):
        try:
            services.record_consent(self.person, recorded_by=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The consent was recorded."))
        return redirect(self.get_success_url())


class ConsentWithdrawView(OfficeRoleRequiredMixin, DeleteView):
    """Record the withdrawal of a consent (the consent itself stays as evidence)."""

    template_name = "privacy/consent_withdraw.html"

    def get_queryset(self):
        return Consent.objects.select_related("person")

    def form_valid(self, form):
        try:
            services.withdraw_consent(self.object)
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
        else:
            messages.success(self.request, _("The withdrawal was recorded."))
        return redirect(self.object.person)
