from django.core.management.base import BaseCommand
from django.db import transaction

from lotse.cases.reference import load_topics
from lotse.core.reference import load_languages


class Command(BaseCommand):
    help = "Create or update the reference data shipped with Lotse (languages, counselling topics)."

    @transaction.atomic
    def handle(self, *args, **options):
        languages = load_languages()
        topics = load_topics()
        self.stdout.write(f"{languages} languages and {topics} counselling topics loaded.")
