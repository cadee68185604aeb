from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "lotse.events"
    verbose_name = _("Events")

    def ready(self):
        from auditlog.registry import auditlog

        from . import models

        auditlog.register(models.Event, m2m_fields={"partners", "languages"})
        auditlog.register(models.EventText)
        auditlog.register(
            models.Registration, exclude_fields=["search_key", "token", "reminder_sent_at"]
        )
