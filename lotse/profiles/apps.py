from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProfilesConfig(AppConfig):
    name = "lotse.profiles"
    verbose_name = _("Application profiles")

    def ready(self):
        from auditlog.registry import auditlog

        from . import models

        # The answers themselves are personal data kept out of the log; status changes
        # (submitted, imported, discarded) are what the history needs to show.
        auditlog.register(
            models.ApplicationProfile,
            include_fields=["status", "person", "case", "imported_by", "imported_at"],
        )
