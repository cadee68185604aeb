from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidesConfig(AppConfig):
    name = "lotse.guides"
    verbose_name = _("Volunteer guides")

    def ready(self):
        from auditlog.registry import auditlog

        from . import models

        auditlog.register(models.GuideProfile, m2m_fields={"languages"})
        auditlog.register(models.TrainingSeries)
        auditlog.register(models.TrainingModule)
        auditlog.register(models.SeriesCompletion)
        auditlog.register(models.Inquiry)
