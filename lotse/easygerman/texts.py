"""Every Easy-German text Lotse ships, for the check in the test suite.

* the Easy-German catalogue (`locale/de_X-ls/LC_MESSAGES/django.po`): every msgstr
  in it is a public text;
* templates written in Easy German by design: they say so with `{# easy-german #}`
  on their first line (none yet; Lotse's public pages take their Easy German from
  the catalogue).
"""

from pathlib import Path

from lotse.easygerman.allowlist import PACKAGE_DIR
from lotse.easygerman.checker import Finding
from lotse.easygerman.files import check_file

CATALOGUE = PACKAGE_DIR / "locale" / "de_X-ls" / "LC_MESSAGES" / "django.po"
TEMPLATE_MARKER = "{# easy-german #}"


def easy_german_templates() -> list[Path]:
    found = []
    for path in sorted(PACKAGE_DIR.glob("*/templates/**/*")):
        if path.suffix in {".html", ".txt"} and path.is_file():
            with path.open(encoding="utf-8") as handle:
                if TEMPLATE_MARKER in handle.readline():
                    found.append(path)
    return found


def easy_german_sources() -> list[Path]:
    return [CATALOGUE, *easy_german_templates()]


def check_lotse_texts() -> list[Finding]:
    """The findings in every source, named relative to the lotse/ package."""
    return [
        finding
        for path in easy_german_sources()
        for finding in check_file(path, path.relative_to(PACKAGE_DIR).as_posix())
    ]
