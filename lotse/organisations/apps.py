from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "lotse.organisations"
    verbose_name = _("Organisations")

    def ready(self):
        from auditlog.registry import auditlog

        from .models import Affiliation, Organisation

        auditlog.register(
            Organisation,
            m2m_fields={"languages"},
            exclude_fields=["search_key", "created_at", "updated_at"],
        )
        auditlog.register(Affiliation)
