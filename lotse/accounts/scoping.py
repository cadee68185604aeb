"""The one office-scoping mechanism.

Every model holding personal data inherits `OfficeScopedModel`; its default manager
is django-scopes' `ScopedManager`, which filters by the office scope that
`OfficeScopeMiddleware` activates for each request (pages and API alike) and
which management commands activate with `office_scope`/`scopes_disabled`.
A query outside any scope raises `ScopeError` instead of leaking data, and a
lookup of another office's object finds nothing, so the view answers 404.

The scope has three dimensions, all set together by `office_scope`:

* ``office`` – offices whose personal records (people, cases, companies …) the
  user sees: counsellors and leads see their office, everyone else none.
* ``network`` – offices whose events and volunteer-guide network the user works
  in: counsellors, leads *and* volunteer guides of the office.
* ``guide`` – ``None`` for staff; for a volunteer guide her own user id, so that
  network records that belong to a guide (her inquiries, her profile, her
  training record) are narrowed to her own.

Public pages (event registration) enter the same scope for the office named in
their URL with `public_office_scope`.
"""

from contextlib import contextmanager

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager, scope, scopes_disabled
from django_scopes.manager import DisabledQuerySet
from django_scopes.state import get_scope

__all__ = [
    "NetworkScopedModel",
    "OfficeScopedModel",
    "network_scoped_manager",
    "SharedOrOfficeManager",
    "office_scope",
    "office_scoped_manager",
    "public_office_scope",
    "scope_for",
    "scopes_disabled",
]


def office_scoped_manager(queryset_class: type[models.QuerySet] | None = None):
    """The scoped default manager, optionally with a model's own queryset methods."""
    manager_class = (
        models.Manager.from_queryset(queryset_class) if queryset_class else models.Manager
    )
    return ScopedManager(_manager_class=manager_class, office="office")


class OfficeScopedModel(models.Model):
    office = models.ForeignKey(
        "accounts.Office", on_delete=models.PROTECT, verbose_name=_("office"), editable=False
    )

    objects = office_scoped_manager()

    class Meta:
        abstract = True


def network_scoped_manager(
    queryset_class: type[models.QuerySet] | None = None,
    *,
    guide: str | None = None,
    manager_class: type[models.Manager] = models.Manager,
):
    """Scoped manager for the events and guides network (``network`` dimension).

    ``guide`` names the lookup to the owning guide's user (e.g. ``"guide__user"``):
    a volunteer guide then sees only her own rows, staff see all of the office's.
    ``manager_class`` may narrow the rows further (e.g. only institutions).
    """
    if queryset_class:
        manager_class = manager_class.from_queryset(queryset_class)
    dimensions = {"network": "office"}
    if guide is not None:
        dimensions["guide"] = guide
    return ScopedManager(_manager_class=manager_class, **dimensions)


class NetworkScopedModel(models.Model):
    """Events and volunteer-network records: staff and the office's guides work with them."""

    office = models.ForeignKey(
        "accounts.Office", on_delete=models.PROTECT, verbose_name=_("office"), editable=False
    )

    objects = network_scoped_manager()

    class Meta:
        abstract = True


def scope_for(membership) -> list[int]:
    """Office ids whose personal records this membership may see (none for guides etc.)."""
    if membership is None or not membership.sees_personal_data:
        return []
    return [membership.office_id]


def scope_values(membership) -> dict:
    """All three scope dimensions for a membership (or for nobody)."""
    from .models import Role

    if membership is None:
        return {"office": [], "network": [], "guide": None}
    if membership.sees_personal_data:
        return {"office": [membership.office_id], "network": [membership.office_id], "guide": None}
    if membership.role == Role.GUIDE:
        return {"office": [], "network": [membership.office_id], "guide": membership.user_id}
    return {"office": [], "network": [], "guide": None}


def office_values(office) -> dict:
    """The full scope of one office, as its staff have it."""
    return {"office": [office.pk], "network": [office.pk], "guide": None}


@contextmanager
def office_scope(membership):
    with scope(**scope_values(membership)):
        yield


@contextmanager
def public_office_scope(office):
    """Scope of a public page (event registration, calendar) of one office.

    The page itself decides what it shows; the scope makes sure it can reach
    nothing of any other office.
    """
    with scope(**office_values(office)):
        yield


class SharedOrOfficeManager(models.Manager):
    """For catalogues: rows shipped for all offices (office empty) plus the scope's own.

    "The scope's own" are the offices of the `office` and the `network` dimension,
    so a volunteer guide logging an inquiry picks from her office's topics.

    Uses the same office scope as `ScopedManager`, and like it refuses to query
    outside any scope.
    """

    def get_queryset(self):
        queryset = super().get_queryset()
        current = get_scope()
        if not current.get("_enabled", True):
            return queryset
        if "office" not in current:
            return DisabledQuerySet(self.model, using=self._db, missing_scopes={"office"})
        # Catalogues hold no personal data: the office's guides use them too.
        offices = set()
        for dimension in ("office", "network"):
            value = current.get(dimension) or []
            offices.update(value if isinstance(value, list | tuple | set) else [value])
        return queryset.filter(Q(office__isnull=True) | Q(office__in=sorted(offices)))
