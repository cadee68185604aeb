from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "lotse.matching"
    verbose_name = _("Places and matching")

    def ready(self):
        from auditlog.registry import auditlog

        from .models import MatchingProfile, Place, Placement

        auditlog.register(Place, exclude_fields=["latitude", "longitude", "updated_at"])
        auditlog.register(Placement)
        auditlog.register(MatchingProfile, m2m_fields={"wished_occupations"})
