"""Reading the change history that django-auditlog records for every tracked model.

Tracked models are registered in their app's `ready()`; the actor comes from
the request (AuditlogMiddleware). Link models (parent/child, person/organisation)
put the ids of both ends into `additional_data`, so each end shows the link's
history too.
"""

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q


def history_for(obj, links: list[tuple[type, str]] = ()):
    """Log entries of OBJ and of links that name it (model, key in additional_data)."""
    condition = Q(content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk)
    for model, key in links:
        condition |= Q(
            content_type=ContentType.objects.get_for_model(model),
            **{f"additional_data__{key}": obj.pk},
        )
    return (
        LogEntry.objects.filter(condition)
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-id")
    )
