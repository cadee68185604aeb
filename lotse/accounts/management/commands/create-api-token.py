from django.core.management.base import BaseCommand, CommandError

from lotse.accounts.models import ApiToken, Membership


class Command(BaseCommand):
    help = "Issue an API token for a user in one office. The key is printed once."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--office", required=True, help="the office's short name (slug)")
        parser.add_argument("--name", default="API", help="what the token is for")

    def handle(self, *args, username, office, name, **options):
        membership = (
            Membership.objects.select_related("office", "user")
            .filter(user__username=username, office__slug=office)
            .first()
        )
        if membership is None:
            raise CommandError(f"{username!r} is not a member of an office {office!r}.")
        _token, key = ApiToken.objects.issue(membership, name)
        self.stdout.write(key)
