"""Every Easy-German text Lotse ships, for the check in the test suite.

* the Easy-German catalogue (`locale/de_X-ls/LC_MESSAGES/django.po`): every msgstr
  in it is a public text;
* templates written in Easy German by design: they say so with `{# easy-german #}`
  on their first line (none yet; Lotse's public pages take their Easy German from
  the catalogue);
* the column `easy_description` of the training occupations
  (`matching/data/occupations.csv`), shown in the public application profile: each
  occupation's explanation is checked on its own, and a finding names the occupation
  in place of a msgid (an allow-list entry's `msgid` matches the occupation's name).
"""

import csv
from pathlib import Path

from lotse.easygerman.allowlist import PACKAGE_DIR, source_name
from lotse.easygerman.checker import Finding, scan
from lotse.easygerman.files import check_file

CATALOGUE = PACKAGE_DIR / "locale" / "de_X-ls" / "LC_MESSAGES" / "django.po"
TEMPLATE_MARKER = "{# easy-german #}"
OCCUPATIONS = PACKAGE_DIR / "matching" / "data" / "occupations.csv"
OCCUPATION_COLUMN = "easy_description"


def easy_german_templates() -> list[Path]:
    found = []
    for path in sorted(PACKAGE_DIR.glob("*/templates/**/*")):
        if path.suffix in {".html", ".txt"} and path.is_file():
            with path.open(encoding="utf-8") as handle:
                if TEMPLATE_MARKER in handle.readline():
                    found.append(path)
    return found


def easy_german_sources() -> list[Path]:
    """The files checked as a whole (the occupations' column is checked on its own)."""
    return [CATALOGUE, *easy_german_templates()]


def occupation_texts(path: Path = OCCUPATIONS) -> list[tuple[int, str, str]]:
    """(line, occupation name, Easy-German explanation) of every row of PATH."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return [
            (reader.line_num, row["name"] or "", row.get(OCCUPATION_COLUMN) or "") for row in reader
        ]


def check_occupation_texts(path: Path = OCCUPATIONS) -> list[Finding]:
    """The findings in each occupation's explanation, the occupation's name as msgid.

    Each explanation is one short text shown under the occupation's name, like a
    catalogue message: "one sentence per line" is not checked. The column is the
    line's position of the explanation (the file's last column) plus the offset.
    """
    source = source_name(path) or str(path)
    lines = path.read_text(encoding="utf-8-sig").split("\n")
    findings = []
    for line, name, text in occupation_texts(path):
        start = lines[line - 1].rfind(text) if text and line <= len(lines) else -1
        for hit in scan(text, sentence_per_line=False):
            column = (start if start >= 0 else 0) + hit.start + 1
            findings.append(Finding(hit.rule, line, column, hit.text, hit.detail, source, name))
    return findings


def check_lotse_texts() -> list[Finding]:
    """The findings in every source, named relative to the lotse/ package."""
    return [
        *(
            finding
            for path in easy_german_sources()
            for finding in check_file(path, path.relative_to(PACKAGE_DIR).as_posix())
        ),
        *check_occupation_texts(),
    ]
