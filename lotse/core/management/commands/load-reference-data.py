from django.core.management.base import BaseCommand
from django.db import transaction

from lotse.core.reference import load_languages


class Command(BaseCommand):
    help = "Create or update the reference data shipped with Lotse (languages)."

    @transaction.atomic
    def handle(self, *args, **options):
        count = load_languages()
        self.stdout.write(f"{count} languages loaded.")
