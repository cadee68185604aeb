from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EasyGermanConfig(AppConfig):
    name = "lotse.easygerman"
    verbose_name = _("Easy German")
