"""Reading .po catalogues and HTML templates for the check."""

import pytest

from lotse.easygerman.files import PoError, check_source, kind_of, po_messages

CATALOGUE = r"""msgid ""
msgstr ""
"Language: de_X-ls\n"
"Content-Type: text/plain; charset=UTF-8\n"

#: events/templates/events/public/calendar.html
msgid "At the moment there are no dates."
msgstr "Im Moment gibt es keine Termine."

#: events/public_forms.py
#, python-format
msgid "%(counter)s place"
msgid_plural "%(counter)s places"
msgstr[0] "%(counter)s Platz"
msgstr[1] ""
"%(counter)s Plätze \"für\" Sie; "
"nicht mehr."

msgctxt "month"
msgid "May"
msgstr ""

#~ msgid "gone"
#~ msgstr "nicht mehr da"
"""


def test_every_msgstr_is_read_with_its_msgid_and_positions():
    messages = list(po_messages(CATALOGUE))
    assert [(m.msgid, m.field, m.text) for m in messages] == [
        ("", "msgstr", "Language: de_X-ls\nContent-Type: text/plain; charset=UTF-8\n"),
        ("At the moment there are no dates.", "msgstr", "Im Moment gibt es keine Termine."),
        ("%(counter)s place", "msgstr[0]", "%(counter)s Platz"),
        ("%(counter)s place", "msgstr[1]", '%(counter)s Plätze "für" Sie; nicht mehr.'),
        ("May", "msgstr", ""),
    ]
    plural = messages[3]
    assert plural.positions[0] == (16, 2)  # the line after `msgstr[1] ""`
    assert plural.text[19] == '"' and plural.positions[19] == (16, 21)  # the escaped quote
    assert plural.positions[plural.text.index("nicht")] == (17, 2)


def test_a_po_finding_names_the_place_in_the_file_and_the_msgid():
    findings = check_source(CATALOGUE, "po", "django.po")
    assert [f.format() for f in findings] == [
        'django.po:8:27: negation Verneinung: positiv schreiben: "keine"'
        ' (msgid "At the moment there are no dates.")',
        'django.po:16:32: semicolon Semikolon: lieber einen Punkt: ";" (msgid "%(counter)s place")',
        'django.po:17:2: negation Verneinung: positiv schreiben: "nicht"'
        ' (msgid "%(counter)s place")',
    ]


def test_the_header_and_untranslated_entries_are_skipped():
    assert check_source('msgid ""\nmsgstr "Nicht; (zwei)"\n', "po") == []
    assert check_source('msgid "No"\nmsgstr ""\n', "po") == []


def test_in_a_catalogue_several_sentences_may_share_a_line():
    po = 'msgid "A. B."\nmsgstr "Sie haben einen Platz. Wir freuen uns auf Sie."\n'
    assert check_source(po, "po") == []
    assert [f.rule for f in check_source(po.split("msgstr ")[1], "text")] == ["sentence-per-line"]


def test_a_broken_catalogue_is_an_error():
    with pytest.raises(PoError, match="line 2"):
        list(po_messages('msgid "a"\nmsgstr "b\n'))
    with pytest.raises(PoError, match="line 2"):
        list(po_messages('msgid "a"\nnonsense\n'))


def test_html_the_visible_text_is_checked():
    template = (
        "{# easy-german #}{% extends 'core/public_base.html' %}{% load i18n %}\n"
        "{% block content %}<h1>Ihre Anmeldung</h1>\n"
        '<p class="notice">Sie haben einen Platz.</p>\n'
        "{% comment %}nicht; (zwei){% endcomment %}<script>let a = 'nicht';</script>\n"
        "<style>p::before { content: '(zwei)'; }</style><!-- nicht -->\n"
        "{% translate 'Do not (ever) do this.' %}\n"
        "{% blocktranslate with name=name %}Not {{ name }}; never.{% endblocktranslate %}\n"
        "<p>Der Eintritt kostet&nbsp;nichts &amp; ist frei.</p>{% endblock %}\n"
    )
    findings = check_source(template, "html", "x.html")
    assert [f.format() for f in findings] == [
        'x.html:8:29: negation Verneinung: positiv schreiben: "nichts"'
    ]


def test_the_kind_of_a_file_comes_from_its_name():
    assert kind_of("django.po") == "po"
    assert kind_of("event.HTML") == "html"
    assert kind_of("confirmed.txt") == "text"
    assert kind_of("notes") == "text"
