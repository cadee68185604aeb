"""Who may call the API. The records they see are decided by the office scope."""

from django.core.exceptions import PermissionDenied
from ninja.utils import check_csrf

from lotse.accounts.models import Role


def _membership(request, allowed, refusal: str):
    membership = getattr(request, "membership", None)
    if membership is None:
        return None
    # Session-authenticated writes need the CSRF token, as forms do.
    unsafe = request.method not in {"GET", "HEAD", "OPTIONS"}
    if request.api_token is None and unsafe and check_csrf(request) is not None:
        raise PermissionDenied("CSRF check failed.")
    if not allowed(membership):
        raise PermissionDenied(refusal)
    return membership


def office_auth(request):
    """Accept the request's membership if its role may work with personal records."""
    return _membership(
        request,
        lambda membership: membership.sees_personal_data,
        "This role has no access to personal records.",
    )


def network_auth(request):
    """Counsellors and leads, as everywhere in the API, and the office's volunteer guides.

    For the few operations guides use (public events, their own inquiries). What a
    guide then sees is decided by the scope (`lotse.accounts.scoping`), not here.
    """
    return _membership(
        request,
        lambda membership: membership.sees_personal_data or membership.role == Role.GUIDE,
        "This role has no access to the events and guides network.",
    )
