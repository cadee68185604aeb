from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "lotse.accounts"
    verbose_name = _("Offices and users")
