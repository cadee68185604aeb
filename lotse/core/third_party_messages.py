"""Messages of third-party packages that ship no German translation.

Marked here so makemessages puts them into Lotse's catalogue; Django merges all
catalogues, so the packages' own gettext calls then find the German text.
"""

from django.utils.translation import gettext_noop

MESSAGES = [
    # django-auditlog: the actions in a record's history.
    gettext_noop("create"),
    gettext_noop("update"),
    gettext_noop("delete"),
    gettext_noop("access"),
    # Django 6.1: the empty choice of a select, missing in Django's German catalogue.
    gettext_noop("- Select an option -"),
]
