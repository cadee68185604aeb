"""The one office-scoping mechanism.

Every model holding personal data inherits `OfficeScopedModel`; its default manager
is django-scopes' `ScopedManager`, which filters by the office scope that
`OfficeScopeMiddleware` activates for each request (pages and API alike) and
which management commands activate with `office_scope`/`scopes_disabled`.
A query outside any scope raises `ScopeError` instead of leaking data, and a
lookup of another office's object finds nothing, so the view answers 404.
"""

from contextlib import contextmanager

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager, scope, scopes_disabled
from django_scopes.manager import DisabledQuerySet
from django_scopes.state import get_scope

__all__ = [
    "OfficeScopedModel",
    "SharedOrOfficeManager",
    "office_scope",
    "office_scoped_manager",
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


def scope_for(membership) -> list[int]:
    """Office ids whose personal records this membership may see (none for guides etc.)."""
    if membership is None or not membership.sees_personal_data:
        return []
    return [membership.office_id]


@contextmanager
def office_scope(membership):
    with scope(office=scope_for(membership)):
        yield


class SharedOrOfficeManager(models.Manager):
    """For catalogues: rows shipped for all offices (office empty) plus the scope's own.

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
        offices = current["office"]
        if not isinstance(offices, list | tuple):
            offices = [offices]
        return queryset.filter(Q(office__isnull=True) | Q(office__in=offices))
