"""Reading the change history that django-auditlog records for every tracked model.

Tracked models are registered in their app's `ready()`; the actor comes from
the request (AuditlogMiddleware). Link models (parent/child, person/organisation)
put the ids of both ends into `additional_data`, so each end shows the link's
history too, also after the link was deleted.
"""

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q


def history_for(obj, links: list[tuple[type, str]] = ()):
    """Log entries of OBJ and of the links that name it in field KEY (model, key).

    Every lookup goes through an index: links still present are found by their
    foreign key, deleted ones among the few DELETE entries of the link model.
    """
    condition = Q(content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk)
    for model, key in links:
        content_type = ContentType.objects.get_for_model(model)
        ids = list(model.objects.filter(**{f"{key}_id": obj.pk}).values_list("pk", flat=True))
        ids += LogEntry.objects.filter(
            content_type=content_type,
            action=LogEntry.Action.DELETE,
            **{f"additional_data__{key}": obj.pk},
        ).values_list("object_id", flat=True)
        if ids:
            # A list, not a subquery: PostgreSQL scans the table for a subquery in an OR.
            condition |= Q(content_type=content_type, object_id__in=ids)
    return (
        LogEntry.objects.filter(condition)
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-id")
    )
