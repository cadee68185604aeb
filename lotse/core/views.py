from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.generic import TemplateView

from lotse.accounts.models import Role
from lotse.cases.worklist import worklist_for
from lotse.events.models import Event
from lotse.guides.models import GuideProfile, Inquiry
from lotse.organisations.models import Organisation
from lotse.people.models import Person


class HomeView(LoginRequiredMixin, TemplateView):
    """Start page: what the current role can do in the current office."""

    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        membership = self.request.membership
        if membership is not None and membership.sees_personal_data:
            context["recent_people"] = Person.objects.order_by("-updated_at", "-id")[:8]
            context["people_count"] = Person.objects.count()
            context["organisation_count"] = Organisation.objects.count()
            context["worklist"] = worklist_for(self.request.user)
        elif membership is not None and membership.role == Role.GUIDE:
            # The scope narrows profiles and inquiries to the guide's own.
            context["guide_profile"] = GuideProfile.objects.filter(user=self.request.user).first()
            context["my_inquiries"] = Inquiry.objects.select_related("topic", "language")[:5]
            context["upcoming_events"] = (
                Event.objects.upcoming().public().order_by("starts_at", "id")[:5]
            )
        return context


def health(request):
    """200 when the database answers, 503 when it does not (for load balancers)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
