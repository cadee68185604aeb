import time

from django_scopes import scopes_disabled

from .models import ApiToken
from .scoping import office_scope

SESSION_OFFICE_KEY = "lotse_office_id"


def _bearer_key(request) -> str | None:
    header = request.headers.get("Authorization", "")
    kind, _, key = header.partition(" ")
    if kind.lower() in {"bearer", "token"} and key.strip():
        return key.strip()
    return None


class OfficeScopeMiddleware:
    """Finds who is asking and for which office, then scopes the whole request.

    * API requests with `Authorization: Bearer <token>` act as the token's user in
      the token's office.
    * Logged-in users act in the office chosen in the switcher (session), by
      default their first membership.
    * Staff users on the admin site work across offices.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.membership = None
        request.memberships = []
        request.api_token = None

        key = _bearer_key(request) if request.path.startswith("/api/") else None
        if key is not None:
            token = ApiToken.objects.for_key(key)
            if token is not None:
                request.api_token = token
                request.user = token.membership.user
                request.membership = token.membership
                request.memberships = [token.membership]
        elif request.user.is_authenticated:
            request.memberships = list(
                request.user.memberships.select_related("office").order_by("office__name")
            )
            chosen = request.session.get(SESSION_OFFICE_KEY)
            request.membership = next(
                (m for m in request.memberships if m.office_id == chosen),
                request.memberships[0] if request.memberships else None,
            )

        request.office = request.membership.office if request.membership else None

        if (
            request.user.is_authenticated
            and request.user.is_staff
            and request.path.startswith("/admin/")
        ):
            with scopes_disabled():
                return self.get_response(request)
        with office_scope(request.membership):
            return self.get_response(request)


class SessionActivityMiddleware:
    """Sessions end after LOTSE_SESSION_IDLE_MINUTES without activity.

    Instead of writing the session on every request (a write lock on SQLite for
    each page view), the expiry is pushed forward at most every REFRESH_SECONDS.
    """

    REFRESH_SECONDS = 300
    KEY = "lotse_last_seen"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = request.session
        if session.get("_auth_user_id"):
            now = int(time.time())
            if now - session.get(self.KEY, 0) >= self.REFRESH_SECONDS:
                session[self.KEY] = now
        return self.get_response(request)
