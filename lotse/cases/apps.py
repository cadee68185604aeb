from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "lotse.cases"
    verbose_name = _("Counselling cases")

    def ready(self):
        from auditlog.registry import auditlog

        from . import models

        auditlog.register(models.Case, exclude_fields=["version", "updated_at"])
        auditlog.register(models.Consultation, m2m_fields={"topics"})
        auditlog.register(models.NextStep)
        auditlog.register(models.Referral)
        auditlog.register(models.Outcome)
        auditlog.register(models.EsfRecord)
