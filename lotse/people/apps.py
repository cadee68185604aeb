from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "lotse.people"
    verbose_name = _("People")

    def ready(self):
        from auditlog.registry import auditlog

        from .models import LanguageSkill, ParentChild, Person

        auditlog.register(
            Person,
            m2m_fields={"languages"},
            exclude_fields=["search_key", "folded_name", "created_at", "updated_at"],
        )
        auditlog.register(ParentChild)
        auditlog.register(LanguageSkill)
