"""The allow-list: every entry needs a reason, a known rule and something to accept."""

import pytest

from lotse.easygerman.allowlist import AllowlistError, load_allowlist, sort_out
from lotse.easygerman.checker import Finding


def write(tmp_path, text):
    path = tmp_path / "allowlist.toml"
    path.write_text(text, encoding="utf-8")
    return path


ENTRY = """
[[accepted]]
source = "locale/de_X-ls/LC_MESSAGES/django.po"
rule = "long-word"
text = "Praktikumsknigge"
msgid = "Workshop"
reason = "The workshop's name."
"""


def finding(text="Praktikumsknigge", msgid="Workshop Praktikumsknigge", rule="long-word"):
    return Finding(rule, 1, 1, text, source="locale/de_X-ls/LC_MESSAGES/django.po", msgid=msgid)


def test_an_entry_accepts_findings_of_its_rule_source_text_and_msgid(tmp_path):
    (entry,) = load_allowlist(write(tmp_path, ENTRY))
    assert entry.accepts(finding())
    assert entry.accepts(finding(text="Praktikumsknigge-Kurs"))  # a part of the text
    assert not entry.accepts(finding(rule="negation"))
    assert not entry.accepts(finding(msgid="Parents' evening"))
    assert not entry.accepts(finding(text="Kalenderdatei"))
    assert not entry.accepts(Finding("long-word", 1, 1, "Praktikumsknigge", source="other.txt"))


def test_open_accepted_and_stale(tmp_path):
    entries = load_allowlist(write(tmp_path, ENTRY + ENTRY.replace("Praktikumsknigge", "Xyz")))
    other = finding(text="Kalenderdatei")

    open_findings, accepted, stale = sort_out([finding(), other], entries)

    assert (open_findings, accepted) == ([other], [finding()])
    assert [entry.text for entry in stale] == ["Xyz"]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (('reason = "The workshop\'s name."', 'reason = "  "'), "reason is missing or empty"),
        (('reason = "The workshop\'s name."', ""), "reason is missing or empty"),
        (('rule = "long-word"', 'rule = "long-words"'), "unknown rule 'long-words'"),
        (('text = "Praktikumsknigge"', 'text = ""'), "text is missing or empty"),
        (('msgid = "Workshop"', 'why = "Workshop"'), "unknown field 'why'"),
        (('msgid = "Workshop"', "msgid = 3"), "msgid must be text"),
    ],
)
def test_an_incomplete_entry_is_an_error(tmp_path, change, problem):
    path = write(tmp_path, ENTRY + ENTRY.replace(*change))
    with pytest.raises(AllowlistError) as error:
        load_allowlist(path)
    assert str(error.value).splitlines()[1:] == [f"entry 2: {problem}"]


def test_the_shipped_allow_list_reads():
    assert all(entry.reason.strip() for entry in load_allowlist())
