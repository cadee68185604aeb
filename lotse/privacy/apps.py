from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "lotse.privacy"
    verbose_name = _("Privacy")

    def ready(self):
        from auditlog.registry import auditlog

        from .models import Consent

        auditlog.register(Consent)
