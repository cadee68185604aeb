"""Languages of the public pages (event registration, calendar) and their activation.

Staff work in German or English (settings.LANGUAGES). Public pages are read by
young people, parents and entrepreneurs and offer more languages for their fixed
texts; the language is part of the page's URL, so a shared link opens in the
language it was shared in.
"""

from django.utils.translation import gettext_lazy as _

# Code, own name (shown in the language switcher), name for staff.
PUBLIC_LANGUAGES: list[tuple[str, str, str]] = [
    ("de", "Deutsch", _("German")),
    ("de-x-ls", "Leichte Sprache", _("Easy German")),
    ("en", "English", _("English")),
    ("ar", "العربية", _("Arabic")),
    ("fa", "فارسی / دری", _("Farsi / Dari")),
    ("tr", "Türkçe", _("Turkish")),
    ("uk", "Українська", _("Ukrainian")),
    ("ru", "Русский", _("Russian")),
]
PUBLIC_LANGUAGE_CODES = [code for code, _own, _staff in PUBLIC_LANGUAGES]
RTL_LANGUAGES = {"ar", "fa"}
DEFAULT_PUBLIC_LANGUAGE = "de"
# Event texts can be written in every public language but German (the event's own).
TEXT_LANGUAGE_CHOICES = [(code, staff) for code, _own, staff in PUBLIC_LANGUAGES if code != "de"]


def public_language(code: str | None) -> str:
    """CODE if it is a public language, else German."""
    return code if code in PUBLIC_LANGUAGE_CODES else DEFAULT_PUBLIC_LANGUAGE


def is_rtl(code: str) -> bool:
    return code in RTL_LANGUAGES


def html_lang(code: str) -> str:
    """The value for <html lang>: Easy German is German for browsers and screen readers."""
    return "de" if code == "de-x-ls" else code
