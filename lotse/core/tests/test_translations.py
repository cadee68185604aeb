"""The German catalogue is complete and the pages speak German (and English on request).

Django ships no .po parser and we add no dependency for one: `read_po` below understands
what `makemessages` writes (flags, msgctxt, msgid, msgid_plural, msgstr, msgstr[n],
continued strings; obsolete `#~` entries are skipped).
"""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

GERMAN_PO = Path(settings.LOCALE_PATHS[0]) / "de" / "LC_MESSAGES" / "django.po"

PYTHON_FORMAT = re.compile(r"%(?:\(\w+\))?[-#0 +]*(?:\*|\d+)?(?:\.\d+)?[diouxXeEfFgGcrsa]")
PYTHON_BRACE_FORMAT = re.compile(r"(?<!\{)\{[^{}]*\}(?!\})")
KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*\")$")


def read_po(path: Path) -> list[dict]:
    """Entries of a .po file as dicts: flags (a set), line, and msgid, msgstr[0], … strings."""
    entries, entry, field = [], None, None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#~"):
            continue
        finished = entry is not None and any(key.startswith("msgstr") for key in entry)
        if entry is None or (finished and not line.startswith(('"', "msgstr"))):
            entry, field = {"flags": set(), "line": number}, None
            entries.append(entry)
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif match := KEYWORD.match(line):
            field = "msgstr[0]" if match.group(1) == "msgstr" else match.group(1)
            entry[field] = ast.literal_eval(match.group(2))
        elif line.startswith('"') and field:
            entry[field] += ast.literal_eval(line)
        else:
            raise ValueError(f"{path}:{number}: cannot read {line!r}")
    return entries


def placeholders(text: str, flags: set) -> list[str]:
    found = []
    if "python-format" in flags:
        found += PYTHON_FORMAT.findall(text.replace("%%", ""))
    if "python-brace-format" in flags:
        found += PYTHON_BRACE_FORMAT.findall(text)
    return sorted(found)


@pytest.fixture(scope="module")
def german():
    assert GERMAN_PO.exists(), f"{GERMAN_PO} is missing: run `lotse makemessages -l de` in lotse/"
    entries = read_po(GERMAN_PO)
    header, messages = entries[0], entries[1:]
    assert header["msgid"] == "", "the catalogue must start with its header"
    return header, messages


def _where(entry) -> str:
    return f"{GERMAN_PO.name}:{entry['line']} {entry['msgid']!r}"


def test_the_header_declares_german_with_two_plural_forms(german):
    header, _ = german
    assert "Language: de\n" in header["msgstr[0]"]
    assert "Plural-Forms: nplurals=2; plural=(n != 1);\n" in header["msgstr[0]"]
    assert "charset=UTF-8" in header["msgstr[0]"]
    assert "fuzzy" not in header["flags"]


def test_every_message_is_translated(german):
    _, messages = german
    assert len(messages) > 100
    untranslated = []
    for entry in messages:
        fields = ("msgstr[0]", "msgstr[1]") if "msgid_plural" in entry else ("msgstr[0]",)
        if not all(entry.get(field, "").strip() for field in fields):
            untranslated.append(_where(entry))
    assert not untranslated, "untranslated:\n" + "\n".join(untranslated)


def test_no_translation_is_fuzzy(german):
    _, messages = german
    fuzzy = [_where(entry) for entry in messages if "fuzzy" in entry["flags"]]
    assert not fuzzy, "fuzzy (check the translation, then remove the flag):\n" + "\n".join(fuzzy)


def test_translations_keep_the_placeholders(german):
    _, messages = german
    broken = []
    for entry in messages:
        flags = entry["flags"]
        plural = entry.get("msgid_plural")
        for field in sorted(key for key in entry if key.startswith("msgstr[")):
            source = entry["msgid"] if field == "msgstr[0]" or plural is None else plural
            if placeholders(entry[field], flags) != placeholders(source, flags):
                broken.append(f"{_where(entry)} → {field} {entry[field]!r}")
    assert not broken, "placeholders differ:\n" + "\n".join(broken)


def test_the_parser_reads_plurals_context_and_continued_lines(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: de\\n"\n\n'
        '#: people/views.py\n#, python-format\nmsgid "%(counter)s person"\n'
        'msgid_plural "%(counter)s people"\nmsgstr[0] "%(counter)s Person"\n'
        'msgstr[1] "%(counter)s Personen"\n\n'
        'msgctxt "month"\nmsgid "May"\nmsgstr "Mai"\n\n'
        '#, fuzzy\nmsgid ""\n"Say \\"hi\\" "\n"twice."\nmsgstr ""\n\n'
        '#~ msgid "gone"\n#~ msgstr "weg"\n',
        encoding="utf-8",
    )
    header, plural, with_context, fuzzy = read_po(po)
    assert header["msgstr[0]"] == "Language: de\n"
    assert plural["flags"] == {"python-format"}
    assert plural["msgstr[1]"] == "%(counter)s Personen"
    assert with_context == {
        "flags": set(),
        "line": 12,
        "msgctxt": "month",
        "msgid": "May",
        "msgstr[0]": "Mai",
    }
    assert fuzzy["msgid"] == 'Say "hi" twice.' and fuzzy["flags"] == {"fuzzy"}
    assert placeholders("%(counter)s von %d, 100 %%", {"python-format"}) == ["%(counter)s", "%d"]


@pytest.fixture
def logged_in(client, hagen_counsellor):
    client.force_login(hagen_counsellor)
    return client


def _compiled():
    mo = GERMAN_PO.with_suffix(".mo")
    assert mo.exists(), (
        f"{mo} is missing: run `make messages` (or `lotse compilemessages` in lotse/)"
    )


def test_pages_are_german_by_default(logged_in):
    _compiled()
    response = logged_in.get(reverse("people:list"))
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "de"
    page = response.content.decode()
    assert '<html lang="de"' in page
    assert "<h1>Personen</h1>" in page
    assert "Person anlegen" in page
    assert "Jugendliche·r" in page  # a model choice in the filter form
    assert "0 Personen" in page  # a plural
    assert "Abmelden" in page


def test_an_english_browser_gets_english_pages(logged_in):
    response = logged_in.get(reverse("people:list"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.headers["Content-Language"] == "en"
    page = response.content.decode()
    assert '<html lang="en"' in page
    assert "<h1>People</h1>" in page
    assert "young person" in page
    assert "0 people" in page
    assert "Personen" not in page
