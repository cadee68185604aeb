"""The texts to check: plain text, HTML templates and .po catalogues.

In a .po file every translated msgstr (and msgstr[n]) is checked on its own; a finding
names the place of the offending text in the file and the entry's msgid. The header
and untranslated entries are skipped. The rule "one sentence per line" is not checked
there: where a message's sentences break is decided by the template that shows it.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from lotse.easygerman.checker import Finding, check_text, scan

KINDS = ("text", "html", "po")


def kind_of(name: str) -> str:
    """The kind of a file by its name: po, html, else text."""
    suffix = Path(name).suffix.lower()
    return {".po": "po", ".pot": "po", ".html": "html", ".htm": "html"}.get(suffix, "text")


def check_source(text: str, kind: str, source: str = "") -> list[Finding]:
    """The findings in TEXT, a file of KIND, with SOURCE as the file's name."""
    if kind == "po":
        return check_po(text, source)
    return [replace(finding, source=source) for finding in check_text(text, html=kind == "html")]


def check_file(path: Path, source: str | None = None) -> list[Finding]:
    text = path.read_text(encoding="utf-8")
    return check_source(text, kind_of(path.name), str(path) if source is None else source)


# --- .po files ------------------------------------------------------------------------


class PoError(ValueError):
    """A .po file that cannot be read."""


@dataclass
class PoString:
    """A decoded string of a .po entry and where each of its characters is in the file."""

    text: str = ""
    positions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class PoMessage:
    msgid: str
    field: str  # "msgstr" or "msgstr[n]"
    text: str
    positions: list[tuple[int, int]]  # (line, column) of each character of text


_KEYWORD = re.compile(r'\s*(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(?=")')
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b"}


def _decode(line: str, quote: int, number: int, into: PoString) -> None:
    """Append the quoted string that starts at LINE[QUOTE] to INTO."""
    chars, index = [], quote + 1
    while index < len(line):
        char = line[index]
        if char == '"':
            if line[index + 1 :].strip():
                raise PoError(f"line {number}: text after the closing quote")
            into.text += "".join(chars)
            return
        into.positions.append((number, index + 1))
        if char == "\\" and index + 1 < len(line):
            chars.append(_ESCAPES.get(line[index + 1], line[index + 1]))
            index += 2
        else:
            chars.append(char)
            index += 1
    raise PoError(f"line {number}: the string has no closing quote")


def po_messages(text: str) -> Iterator[PoMessage]:
    """Every msgstr of the .po TEXT with its msgid (obsolete "#~" entries are skipped)."""
    entry: dict[str, PoString] = {}
    current = None

    def finish():
        msgid = entry.get("msgid", PoString()).text
        for key, value in entry.items():
            if key.startswith("msgstr"):
                yield PoMessage(msgid, key, value.text, value.positions)

    for number, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        stripped = line.strip()
        complete = any(key.startswith("msgstr") for key in entry)
        if not stripped or stripped.startswith("#"):
            if complete:
                yield from finish()
                entry, current = {}, None
        elif match := _KEYWORD.match(line):
            if complete and match.group(1) in {"msgctxt", "msgid"}:
                yield from finish()
                entry = {}
            current = entry.setdefault(match.group(1), PoString())
            _decode(line, match.end(), number, current)
        elif stripped.startswith('"') and current is not None:
            _decode(line, line.index('"'), number, current)
        else:
            raise PoError(f"line {number}: cannot read {stripped!r}")
    yield from finish()


def check_po(text: str, source: str = "") -> list[Finding]:
    findings = []
    for message in po_messages(text):
        if not message.msgid or not message.text.strip():
            continue
        for hit in scan(message.text, sentence_per_line=False):
            line, column = message.positions[hit.start]
            findings.append(
                Finding(hit.rule, line, column, hit.text, hit.detail, source, message.msgid)
            )
    return findings
