from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lotse.matching.reference import OccupationDataError, load_occupations


class Command(BaseCommand):
    help = (
        "Create or update the training occupations from the file shipped with Lotse "
        "(or another file of the same form); occupations missing from it become inactive."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--file",
            type=Path,
            default=None,
            help="CSV file with the columns name, name_female, duration_months, area, "
            "kldb_code, description and optionally easy_description (the explanation in "
            "Easy German shown in the application profile; default: the shipped "
            "occupations.csv)",
        )

    def handle(self, *args, file=None, **options):
        if file is not None and not file.is_file():
            raise CommandError(f"{file}: no such file")
        try:
            created, updated, deactivated = load_occupations(path=file)
        except OccupationDataError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Occupations: {created} created, {updated} updated, {deactivated} marked inactive."
        )
