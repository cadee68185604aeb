"""`lotse seed-demo`: reset the demo offices and fill them (see lotse.demo.services)."""

from django.core.management.base import BaseCommand, CommandError

from lotse.demo import services


class Command(BaseCommand):
    help = (
        "Resets the demo offices (Hagen, Osnabrück and, with --offices, further generated "
        "offices) and fills them with organisations, people, counselling cases and the demo "
        "logins "
        f"(password {services.DEMO_PASSWORD}). Deterministic; records of the demo offices "
        "are deleted and created anew on every run, other offices are not touched."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            help=(
                f"N × {services.PEOPLE_PER_OFFICE} people and "
                f"N × {services.ORGANISATIONS_PER_OFFICE} organisations per office "
                "(default 1; --offices 40 --scale 50 gives 200,000 people)."
            ),
        )
        parser.add_argument(
            "--offices",
            type=int,
            default=2,
            help=(
                "Number of offices: Hagen, Osnabrück and M-2 generated ones in further towns "
                f"(default 2, at most {services.MAX_OFFICES})."
            ),
        )

    def handle(self, *args, scale, offices, verbosity, **options):
        log = self.stdout.write if verbosity >= 1 else (lambda line: None)
        log(f"Seeding {offices} office(s) at scale {scale} …")
        try:
            summary = services.seed_demo(scale=scale, offices=offices, log=log)
        except services.SeedError as error:
            raise CommandError(str(error)) from error
        if verbosity < 1:
            return
        log(
            self.style.SUCCESS(
                f"Demo data ready in {summary.seconds:.1f} s: {summary.offices} offices, "
                f"{summary.people:,} people, {summary.organisations:,} organisations, "
                f"{summary.links:,} parent–child links, {summary.affiliations:,} roles at "
                "organisations."
            )
        )
        c = summary.counselling
        log(
            f"Counselling: {c['cases']:,} cases, {c['consultations']:,} consultations, "
            f"{c['next_steps']:,} next steps, {c['referrals']:,} referrals with "
            f"{c['consents']:,} consents, {c['outcomes']:,} outcomes, "
            f"{c['esf_records']:,} ESF+ records; dates relative to today."
        )
        n = summary.network
        log(
            f"Events and guides: {n['events']:,} events ({n['upcoming_events']:,} ahead), "
            f"{n['registrations']:,} registrations ({n['attended']:,} attended), "
            f"{n['guides']:,} guides ({n['qualified']:,} qualified), "
            f"{n['inquiries']:,} inquiries ({n['follow_ups_open']:,} to follow up)."
        )
        k = summary.companies
        log(
            f"Companies: {k['acquisitions']:,} acquisitions (cold call {k['channel_cold_call']:,}, "
            f"outreach visit {k['channel_outreach_visit']:,}, recommendation "
            f"{k['channel_recommendation']:,}), {k['activities']:,} activities, "
            f"{k['places']:,} places, {k['profiles']:,} matching profiles, "
            f"{k['placements']:,} placements."
        )
        log("")
        log(f"Open {services.DEMO_URL} and log in as:")
        log("")
        log(services.login_table(summary))
