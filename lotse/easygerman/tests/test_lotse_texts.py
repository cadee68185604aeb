"""Every Easy-German text Lotse ships passes the Easy-German check.

A finding fails this test until the text is rewritten or, where a rule cannot
reasonably be met, a reviewed entry with a reason is added to
lotse/easygerman/allowlist.toml. An entry that accepts nothing any more fails it
too: remove it. `lotse check-easy-german FILE` shows the findings of one file.
"""

from lotse.easygerman.allowlist import load_allowlist, sort_out
from lotse.easygerman.texts import CATALOGUE, TEMPLATE_MARKER, check_lotse_texts
from lotse.easygerman.texts import easy_german_sources as sources


def test_the_sources_are_the_catalogue_and_the_marked_templates():
    found = sources()
    assert found[0] == CATALOGUE and CATALOGUE.exists()
    for template in found[1:]:
        assert TEMPLATE_MARKER in template.read_text(encoding="utf-8").splitlines()[0]


def test_every_finding_is_fixed_or_accepted_and_no_acceptance_is_stale():
    open_findings, _accepted, stale = sort_out(check_lotse_texts(), load_allowlist())
    assert not open_findings, (
        "Easy German that breaks a rule: rewrite it, or accept it with a reason in "
        "lotse/easygerman/allowlist.toml\n" + "\n".join(f.format() for f in open_findings)
    )
    assert not stale, "allow-list entries that accept nothing (remove them):\n" + "\n".join(
        map(str, stale)
    )


def test_the_catalogue_has_easy_german_texts_to_check():
    from lotse.easygerman.files import po_messages

    translated = [
        message
        for message in po_messages(CATALOGUE.read_text(encoding="utf-8"))
        if message.msgid and message.text.strip()
    ]
    assert len(translated) > 100


def test_every_occupation_has_an_easy_german_explanation_that_is_checked():
    from lotse.easygerman.texts import OCCUPATIONS, occupation_texts

    texts = occupation_texts()
    assert len(texts) > 200
    assert [name for _line, name, text in texts if not text.strip()] == []
    assert OCCUPATIONS.exists()


def test_a_finding_in_an_occupation_explanation_names_the_occupation(tmp_path):
    from lotse.easygerman.texts import check_occupation_texts

    path = tmp_path / "occupations.csv"
    path.write_text(
        "name,easy_description\n"
        "Bäcker,Sie backen Brot.\n"
        'Koch,"Sie kochen Essen, aber nicht im Restaurant."\n',
        encoding="utf-8",
    )

    findings = check_occupation_texts(path)

    assert [(f.rule, f.line, f.msgid, f.text) for f in findings] == [
        ("negation", 3, "Koch", "nicht")
    ]
    assert findings[0].column == len('Koch,"Sie kochen Essen, aber ') + 1
