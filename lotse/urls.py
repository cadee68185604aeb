from django.contrib import admin
from django.urls import include, path

from lotse.api.urls import api

urlpatterns = [
    path("", include("lotse.core.urls")),
    path("accounts/", include("lotse.accounts.urls")),
    path("people/", include("lotse.people.urls")),
    path("organisations/", include("lotse.organisations.urls")),
    path("cases/", include("lotse.cases.urls")),
    path("companies/", include("lotse.companies.urls")),
    path("privacy/", include("lotse.privacy.urls")),
    path("matching/", include("lotse.matching.urls")),
    path("events/", include("lotse.events.urls")),
    path("guides/", include("lotse.guides.urls")),
    path("profiles/", include("lotse.profiles.urls")),
    # Public pages (no login): an office's calendar, event pages, registration.
    path("v/", include("lotse.events.public_urls")),
    path("profil/", include("lotse.profiles.public_urls")),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

handler403 = "lotse.core.views.permission_denied"
handler404 = "lotse.core.views.page_not_found"
handler500 = "lotse.core.views.server_error"
