from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View

from .forms import LoginForm, SwitchOfficeForm
from .middleware import SESSION_OFFICE_KEY


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


class SwitchOfficeView(LoginRequiredMixin, View):
    """Make another of the user's offices the current one."""

    http_method_names = ["post"]

    def post(self, request):
        form = SwitchOfficeForm(request.POST)
        membership = None
        if form.is_valid():
            membership = next(
                (m for m in request.memberships if m.office_id == form.cleaned_data["office"]),
                None,
            )
        if membership is None:
            messages.error(request, _("You are not a member of this office."))
        else:
            request.session[SESSION_OFFICE_KEY] = membership.office_id
            messages.success(
                request, _("You are now working in %(office)s.") % {"office": membership.office}
            )
        return redirect("core:home")
