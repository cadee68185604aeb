from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    name = "lotse.companies"
    verbose_name = _("Company acquisition")

    def ready(self):
        from auditlog.registry import auditlog

        from .models import Acquisition, Activity

        auditlog.register(Acquisition, exclude_fields=["version", "updated_at"])
        auditlog.register(Activity)
