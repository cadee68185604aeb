"""`lotse check-easy-german FILE|-`: one finding per line, exit 1 when it finds anything."""

import io
import os
import subprocess
import sys

from django.core.management import CommandError, call_command

from lotse.easygerman import allowlist
from lotse.easygerman.checker import RULES


def run(*args, stdin: str = "") -> tuple[str, str, int]:
    """Output, error output and exit code of the command, as a shell sees them."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("check-easy-german", *args, stdin=io.StringIO(stdin), stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue() + str(error), error.returncode
    return out.getvalue(), err.getvalue(), 0


def test_a_text_with_findings_prints_them_and_exits_1(tmp_path):
    text = tmp_path / "brief.txt"
    text.write_text("Hallo.\nDas kostet nichts; wirklich.\n", encoding="utf-8")

    out, err, code = run(str(text))

    assert code == 1
    assert out.splitlines() == [
        f'{text}:2:12: negation Verneinung: positiv schreiben: "nichts"',
        f'{text}:2:18: semicolon Semikolon: lieber einen Punkt: ";"',
    ]
    assert err == "2 finding(s)"


def test_an_easy_text_exits_0(tmp_path):
    text = tmp_path / "brief.txt"
    text.write_text("Hallo.\nDer Eintritt ist frei.\n", encoding="utf-8")
    assert run(str(text)) == ("", "0 finding(s)\n", 0)


def test_stdin(tmp_path):
    out, _err, code = run("-", stdin="Wir würden gern kommen.")
    assert code == 1
    assert out == '-:1:5: subjunctive Konjunktiv: "würden"\n'
    assert run("-", stdin="Wir kommen gern.")[2] == 0


def test_a_po_file_checks_every_msgstr(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr "Language: de_X-ls\\n"\n\n'
        'msgid "Register now"\nmsgstr "Jetzt anmelden"\n\n'
        'msgid "Download the calendar (.ics file)"\nmsgstr "Kalender herunterladen (.ics-Datei)"\n',
        encoding="utf-8",
    )
    out, _err, code = run(str(po))
    assert code == 1
    assert out.splitlines() == [
        f"{po}:8:18: long-word Langes Wort (kürzeres Wort wählen): "
        '"herunterladen" (msgid "Download the calendar (.ics file)")',
        f'{po}:8:32: brackets Klammern: "(.ics-Datei)" (msgid "Download the calendar (.ics file)")',
    ]


def test_the_format_can_be_chosen(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("<p>Sie ist da.\nEr auch.</p>", encoding="utf-8")
    assert run(str(page))[2] == 0  # as text: two lines
    out, _err, code = run(str(page), "--format", "html")
    assert code == 1
    assert out == f'{page}:2:1: sentence-per-line Mehr als ein Satz in einer Zeile: "Er auch."\n'


def test_rules_are_listed():
    out, _err, code = run("--rules")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()[::2]] == list(RULES)


def test_a_missing_file_or_no_file_exits_2(tmp_path):
    assert run(str(tmp_path / "missing.txt"))[1:] == (
        f"{tmp_path / 'missing.txt'}: no such file",
        2,
    )
    assert run()[2] == 2
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Größe".encode("latin-1"))
    assert run(str(latin1))[2] == 2


def test_findings_the_allow_list_accepts_are_left_out(tmp_path, monkeypatch):
    package = tmp_path / "lotse"
    (package / "texts").mkdir(parents=True)
    text = package / "texts" / "workshop.txt"
    text.write_text("Der Praktikumsknigge-Kurs ist am Montag.\nEs kostet nichts.\n", "utf-8")
    listed = tmp_path / "allowlist.toml"
    listed.write_text(
        '[[accepted]]\nsource = "texts/workshop.txt"\nrule = "long-word"\n'
        'text = "Praktikumsknigge"\nreason = "The workshop\'s name."\n\n'
        '[[accepted]]\nsource = "texts/workshop.txt"\nrule = "negation"\n'
        'text = "niemand"\nreason = "Gone from the text."\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(allowlist, "PACKAGE_DIR", package)
    monkeypatch.setattr(allowlist, "ALLOWLIST_FILE", listed)

    out, err, code = run(str(text))
    assert code == 1
    assert out == f'{text}:2:11: negation Verneinung: positiv schreiben: "nichts"\n'
    assert err.splitlines() == [
        "stale allow-list entry (accepts nothing): #2 texts/workshop.txt negation 'niemand'",
        "1 finding(s), 1 accepted by the allow-list",
    ]

    out, _err, _code = run(str(text), "--no-allowlist")
    assert "Praktikumsknigge" in out


def test_the_lotse_command_line_exits_with_the_code(tmp_path):
    text = tmp_path / "brief.txt"
    text.write_text("Das ist nicht gut.\n", encoding="utf-8")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lotse.test_settings"}
    command = [sys.executable, "-m", "lotse", "check-easy-german"]

    found = subprocess.run([*command, str(text)], capture_output=True, text=True, env=env)
    easy = subprocess.run(
        [*command, "-"], input="Das ist gut.\n", capture_output=True, text=True, env=env
    )

    assert (found.returncode, found.stdout) == (
        1,
        f'{text}:1:9: negation Verneinung: positiv schreiben: "nicht"\n',
    )
    assert "CommandError: 1 finding(s)" in found.stderr
    assert (easy.returncode, easy.stdout) == (0, "")
