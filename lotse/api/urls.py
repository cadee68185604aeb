"""The JSON API under /api/v1/ (django-ninja).

Authentication: `Authorization: Bearer <token>` (issue one with
`lotse create-api-token USER --office SLUG`) or the browser session. Who is
asking and for which office is resolved by OfficeScopeMiddleware, exactly as
for pages, so the API sees the same office scope.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError

from lotse.cases.api import router as cases_router
from lotse.companies.api import router as companies_router
from lotse.events.api import router as events_router
from lotse.guides.api import router as guides_router
from lotse.matching.api import router as matching_router
from lotse.organisations.api import router as organisations_router
from lotse.people.api import router as people_router

from .auth import office_auth

api = NinjaAPI(
    title="Lotse API",
    version="1",
    description=(
        "Office-scoped API of Lotse. Every request acts in the office of its token "
        "(or of the session's current office)."
    ),
    urls_namespace="api",
    auth=office_auth,
    docs_url=None,  # The interactive docs would load assets from a CDN.
)


@api.exception_handler(NinjaValidationError)
def validation_errors(request, exc):
    # Same shape as form errors: {field: [{"message": …, "code": …}]}.
    errors = {}
    for error in exc.errors:
        location = [
            str(part)
            for part in error.get("loc", [])
            if part not in {"body", "payload", "data", "query", "path"}
        ]
        errors.setdefault(".".join(location) or "__all__", []).append(
            {"message": error.get("msg", ""), "code": error.get("type", "invalid")}
        )
    return api.create_response(request, {"detail": "Invalid input.", "errors": errors}, status=400)


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Forbidden."}, status=403)


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    return api.create_response(
        request,
        {"detail": "Authentication required: send 'Authorization: Bearer <token>'."},
        status=401,
    )


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Not found."}, status=404)


api.add_router("/people/", people_router)
api.add_router("/organisations/", organisations_router)
api.add_router("/cases/", cases_router)
# Acquisitions, their activities and the channel analytics.
api.add_router("/companies/", companies_router)
# Occupations, places, placements and matches.
api.add_router("/matching/", matching_router)
# Events, registrations and attendance (guides: the public events).
api.add_router("/events/", events_router)
# Guides, their training record and the inquiry log (guides: their own inquiries).
api.add_router("/guides/", guides_router)
