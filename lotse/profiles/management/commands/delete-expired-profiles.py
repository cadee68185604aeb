from django.core.management.base import BaseCommand
from django_scopes import scopes_disabled

from lotse.profiles.services import delete_expired


class Command(BaseCommand):
    help = (
        "Delete unfinished application profiles whose time is up (LOTSE_PROFILE_DRAFT_DAYS "
        "after their last change), in every office. Run it daily, e.g. from cron."
    )

    def handle(self, *args, **options):
        with scopes_disabled():
            count = delete_expired()
        self.stdout.write(f"{count} unfinished profile(s) deleted.")
