"""The public pages and their e-mails speak every public language.

For each public language but German (filled with the staff catalogue) and English
(the message ids are English), every message that a public page or e-mail shows
is translated, not fuzzy, and keeps its placeholders. Whether the Easy German
follows the rules of Leichte Sprache is checked by lotse/easygerman
(tests/test_lotse_texts.py).
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import to_locale

from lotse.core.public import PUBLIC_LANGUAGE_CODES
from lotse.core.tests.test_translations import placeholders, read_po
from lotse.events.models import Audience, EventKind
from lotse.factories import EventFactory

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
TRANSLATED = [code for code in PUBLIC_LANGUAGE_CODES if code not in {"de", "en"}]

# Where public texts live (paths as in the catalogues' "#:" lines, relative to lotse/).
PUBLIC_SOURCES = re.compile(
    r"^(events/templates/events/(public|email)/"
    r"|core/templates/core/public_base\.html$"
    r"|core/templates/includes/(field|form_errors)\.html$"
    r"|events/public_(views|forms)\.py$"
    r"|profiles/templates/profiles/public/"
    r"|profiles/(forms|public_views)\.py$"
    r"|core/public\.py$)"
)


def shown_elsewhere() -> set[str]:
    """Message ids defined outside the public files but shown on public pages."""
    with translation.override(None):
        labels = {str(label) for label in [*EventKind.labels, *Audience.labels]}
    # A service's message a guest sees when registering twice.
    return labels | {"You are already registered for this event. Please check your e-mail."}


def catalogue(code: str) -> Path:
    return LOCALE_DIR / to_locale(code) / "LC_MESSAGES" / "django.po"


def locations(lines: list[str], entry: dict) -> list[str]:
    """The "#:" references of ENTRY (read_po starts an entry at its first comment line)."""
    found = []
    for line in lines[entry["line"] - 1 :]:
        if not line.startswith("#"):
            break
        if line.startswith("#:"):
            found += line[2:].split()
    return found


def public_entries(code: str) -> list[dict]:
    path = catalogue(code)
    assert path.exists(), f"{path} is missing: run makemessages for {to_locale(code)} in lotse/"
    lines = path.read_text(encoding="utf-8").splitlines()
    extra = shown_elsewhere()
    return [
        entry
        for entry in read_po(path)[1:]
        if entry["msgid"] in extra or any(PUBLIC_SOURCES.match(p) for p in locations(lines, entry))
    ]


def where(code: str, entry: dict) -> str:
    return f"{to_locale(code)}:{entry['line']} {entry['msgid']!r}"


def test_easy_german_has_the_locale_django_expects():
    assert to_locale("de-x-ls") == "de_X-ls"
    assert catalogue("de-x-ls").parent.parent.name == "de_X-ls"


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_header_is_complete_and_not_fuzzy(code):
    header = read_po(catalogue(code))[0]
    assert header["msgid"] == ""
    assert "fuzzy" not in header["flags"], "a fuzzy header is not compiled: its charset gets lost"
    assert f"Language: {to_locale(code)}\n" in header["msgstr[0]"]
    assert "charset=UTF-8" in header["msgstr[0]"]
    assert "nplurals=INTEGER" not in header["msgstr[0]"]


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_public_text_is_translated(code):
    entries = public_entries(code)
    assert len(entries) > 100, "the public templates and e-mails were not found in the catalogue"
    missing = [
        where(code, entry)
        for entry in entries
        if not all(entry.get(key, "").strip() for key in entry if key.startswith("msgstr"))
    ]
    assert not missing, "untranslated:\n" + "\n".join(missing)
    fuzzy = [where(code, entry) for entry in entries if "fuzzy" in entry["flags"]]
    assert not fuzzy, "fuzzy (check the translation, then remove the flag):\n" + "\n".join(fuzzy)


@pytest.mark.parametrize("code", TRANSLATED)
def test_public_translations_keep_the_placeholders(code):
    broken = [
        where(code, entry)
        for entry in public_entries(code)
        if placeholders(entry["msgstr[0]"], entry["flags"])
        != placeholders(entry["msgid"], entry["flags"])
    ]
    assert not broken, "placeholders differ:\n" + "\n".join(broken)


def msgstr(code: str, msgid: str) -> str:
    (entry,) = [e for e in read_po(catalogue(code))[1:] if e["msgid"] == msgid]
    return entry["msgstr[0]"]


def test_the_arabic_event_page_is_right_to_left_with_arabic_labels(client, hagen):
    mo = catalogue("ar").with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run `make messages`"
    event = EventFactory(office=hagen, title="Elternabend", capacity=10)
    response = client.get(reverse("public_events:detail", args=["hagen", "ar", event.pk]))
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "ar"
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    register = msgstr("ar", "Register now")
    assert re.search(r"[\u0600-\u06FF]", register), "the Arabic label is not in Arabic script"
    assert f">{register}</button>" in html
    assert msgstr("ar", "Your name") in html
    assert "Register now" not in html


def test_the_easy_german_page_is_german_for_browsers(client, hagen):
    event = EventFactory(office=hagen, title="Elternabend")
    response = client.get(reverse("public_events:detail", args=["hagen", "de-x-ls", event.pk]))
    html = response.content.decode()
    assert '<html lang="de" dir="ltr">' in html
    assert msgstr("de-x-ls", "Register now") in html
