"""The reviewed allow-list: findings that people looked at and accepted, each with a reason.

`allowlist.toml` holds one `[[accepted]]` table per accepted finding:

    source = "locale/de_X-ls/LC_MESSAGES/django.po"   # relative to the lotse/ package
    rule = "long-word"
    text = "Praktikumsknigge"   # occurs in the finding's offending text
    msgid = "Praktikumsknigge"  # optional: occurs in the catalogue entry's msgid
    reason = "The name of the workshop; it is explained in the same text."

An entry accepts every finding of its rule in its source whose text contains `text`
(and whose msgid contains `msgid`, when given). An entry that accepts nothing is stale.
"""

import tomllib
from dataclasses import dataclass
from pathlib import Path

from lotse.easygerman.checker import RULES, Finding

ALLOWLIST_FILE = Path(__file__).with_name("allowlist.toml")
PACKAGE_DIR = Path(__file__).resolve().parent.parent  # lotse/
FIELDS = {"source", "rule", "text", "msgid", "reason"}


class AllowlistError(ValueError):
    """The allow-list file is malformed (unknown field or rule, missing reason)."""


@dataclass(frozen=True)
class Accepted:
    source: str
    rule: str
    text: str
    reason: str
    msgid: str = ""
    number: int = 0  # 1-based position in the file, for messages

    def accepts(self, finding: Finding) -> bool:
        return (
            finding.source == self.source
            and finding.rule == self.rule
            and self.text in finding.text
            and self.msgid in finding.msgid
        )

    def __str__(self) -> str:
        msgid = f", msgid {self.msgid!r}" if self.msgid else ""
        return f"#{self.number} {self.source} {self.rule} {self.text!r}{msgid}"


def load_allowlist(path: Path | None = None) -> list[Accepted]:
    """The entries of PATH (the shipped allow-list by default).

    AllowlistError lists every entry that is incomplete.
    """
    path = path or ALLOWLIST_FILE
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    unknown_tables = set(data) - {"accepted"}
    if unknown_tables:
        raise AllowlistError(f"{path.name}: unknown tables {sorted(unknown_tables)}")
    entries, problems = [], []
    for number, table in enumerate(data.get("accepted", []), 1):
        values = {key: table.get(key, "") for key in FIELDS}
        wrong = [
            *(f"unknown field {key!r}" for key in sorted(set(table) - FIELDS)),
            *(f"{key} must be text" for key in FIELDS if not isinstance(values[key], str)),
            *(
                f"{key} is missing or empty"
                for key in ("source", "rule", "text", "reason")
                if isinstance(values[key], str) and not values[key].strip()
            ),
        ]
        if isinstance(values["rule"], str) and values["rule"] and values["rule"] not in RULES:
            wrong.append(f"unknown rule {values['rule']!r}")
        if wrong:
            problems.append(f"entry {number}: " + ", ".join(wrong))
        else:
            entries.append(Accepted(number=number, **values))
    if problems:
        raise AllowlistError(f"{path.name}:\n" + "\n".join(problems))
    return entries


def sort_out(
    findings: list[Finding], entries: list[Accepted]
) -> tuple[list[Finding], list[Finding], list[Accepted]]:
    """(open findings, accepted findings, stale entries)."""
    open_findings, accepted, used = [], [], set()
    for finding in findings:
        matching = [entry for entry in entries if entry.accepts(finding)]
        used.update(entry.number for entry in matching)
        (accepted if matching else open_findings).append(finding)
    stale = [entry for entry in entries if entry.number not in used]
    return open_findings, accepted, stale


def source_name(path: Path) -> str | None:
    """PATH relative to the lotse/ package (as allow-list entries name it), or None."""
    try:
        return path.resolve().relative_to(PACKAGE_DIR).as_posix()
    except ValueError:
        return None
