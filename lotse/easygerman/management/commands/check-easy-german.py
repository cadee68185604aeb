import sys
from dataclasses import replace
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lotse.easygerman import allowlist
from lotse.easygerman.checker import RULES
from lotse.easygerman.files import KINDS, PoError, check_source, kind_of


class Command(BaseCommand):
    help = (
        "Check a German text against the rules of Easy German (Leichte Sprache) that a "
        "program can check. Prints one finding per line and exits with 1 when it finds "
        "anything (2 when the file cannot be read). A .po file: every msgstr; an .html "
        "file: the visible text. Findings the reviewed allow-list accepts are left out."
    )
    requires_system_checks = []
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="the file to check, or - for stdin")
        parser.add_argument(
            "--format",
            dest="kind",
            choices=["auto", *KINDS],
            default="auto",
            help="how to read the input (default: by the file name; stdin is text)",
        )
        parser.add_argument(
            "--no-allowlist",
            action="store_true",
            help="also show the findings the reviewed allow-list accepts",
        )
        parser.add_argument("--rules", action="store_true", help="list the rules and exit")

    def handle(self, *args, file=None, kind="auto", no_allowlist=False, rules=False, **options):
        if rules:
            for rule in RULES.values():
                self.stdout.write(f"{rule.id:<18} {rule.message}")
                self.stdout.write(f"{'':<18} {rule.summary} ({rule.source})")
            return
        if file is None:
            raise CommandError("name a file, or - for stdin", returncode=2)
        if file == "-":
            text, source = options.get("stdin", sys.stdin).read(), "-"
        else:
            path = Path(file)
            if not path.is_file():
                raise CommandError(f"{file}: no such file", returncode=2)
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError as error:
                raise CommandError(f"{file}: not UTF-8 ({error.reason})", returncode=2) from error
            # Allow-list entries name their source relative to the lotse/ package.
            source = allowlist.source_name(path) or file
        if kind == "auto":
            kind = "text" if file == "-" else kind_of(file)
        try:
            findings = check_source(text, kind, source)
        except PoError as error:
            raise CommandError(f"{file}: {error}", returncode=2) from error

        accepted, stale = [], []
        if not no_allowlist and allowlist.ALLOWLIST_FILE.exists():
            try:
                entries = allowlist.load_allowlist()
            except allowlist.AllowlistError as error:
                raise CommandError(str(error), returncode=2) from error
            entries = [entry for entry in entries if entry.source == source]
            findings, accepted, stale = allowlist.sort_out(findings, entries)

        for finding in findings:
            # Named as the user named the file, so that editors can jump to it.
            self.stdout.write(replace(finding, source=file).format())
        for entry in stale:
            self.stderr.write(f"stale allow-list entry (accepts nothing): {entry}")
        summary = f"{len(findings)} finding(s)"
        if accepted:
            summary += f", {len(accepted)} accepted by the allow-list"
        if findings:
            raise CommandError(summary, returncode=1)
        if options.get("verbosity", 1) > 0:
            self.stderr.write(summary)
