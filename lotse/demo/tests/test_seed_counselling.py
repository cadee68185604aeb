"""`lotse seed-demo`: counselling cases, consultations, referrals, outcomes, ESF+ records."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, F
from django_scopes import scopes_disabled

from lotse.accounts.models import Membership, User
from lotse.cases.models import (
    FEEDBACK_EXPECTED_WITHIN_DAYS,
    Case,
    CaseStatus,
    Consultation,
    EsfRecord,
    NextStep,
    Outcome,
    Referral,
    ReferralStatus,
    TargetGroup,
)
from lotse.privacy.models import ConsentGivenBy, ConsentPurpose
from lotse.privacy.services import is_minor

pytestmark = pytest.mark.django_db


def seed(**options) -> str:
    out = StringIO()
    call_command("seed-demo", stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def seeded(demo_data, db):
    """The demo, seeded once for the module (see conftest.py)."""


def counselling_snapshot() -> dict:
    """Everything but ids and timestamps, in a stable order."""
    with scopes_disabled():
        person = ("person__office__slug", "person__family_name", "person__given_names")
        return {
            "cases": sorted(
                Case.objects.values_list(
                    *person,
                    "counsellor__username",
                    "target_group",
                    "status",
                    "opened_on",
                    "closed_on",
                    "short_contact",
                )
            ),
            "consultations": sorted(
                Consultation.objects.annotate(topic_count=Count("topics")).values_list(
                    "case__person__family_name",
                    "case__person__given_names",
                    "date",
                    "channel",
                    "language__code",
                    "interpreter_present",
                    "guide_present",
                    "notes",
                    "topic_count",
                    "about_case__person__given_names",
                ),
                key=repr,
            ),
            "topics": sorted(
                Consultation.topics.through.objects.values_list(
                    "consultation__case__person__family_name",
                    "consultation__date",
                    "topic__name",
                )
            ),
            "next_steps": sorted(
                NextStep.objects.values_list(
                    "case__person__family_name", "description", "due_on", "done_on"
                ),
                key=repr,
            ),
            "referrals": sorted(
                Referral.objects.values_list(
                    "case__person__family_name",
                    "institution__name",
                    "status",
                    "created_on",
                    "sent_on",
                    "follow_up_on",
                    "consent__given_on",
                ),
                key=repr,
            ),
            "outcomes": sorted(
                Outcome.objects.values_list(
                    "case__person__family_name", "kind", "date", "organisation__name", "occupation"
                ),
                key=repr,
            ),
            "esf": sorted(
                EsfRecord.objects.values_list(
                    "person__family_name",
                    "person__given_names",
                    "entry_date",
                    "employment_status",
                    "isced",
                    "age_band",
                    "exit_date",
                ),
                key=repr,
            ),
        }


def test_cases_for_most_young_people_and_some_parents_and_entrepreneurs(seeded):
    with scopes_disabled():
        for slug in ("hagen", "osnabrueck"):
            cases = Case.objects.filter(office__slug=slug)
            young = cases.filter(person__is_young_person=True).values("person").distinct()
            assert young.count() >= 25, slug
            groups = set(cases.values_list("target_group", flat=True))
            assert groups == set(TargetGroup.values), slug
            assert cases.filter(status=CaseStatus.CLOSED).exists()
            assert cases.filter(short_contact=True).exists()
            # Counsellors are the office's demo counsellor and lead.
            counsellors = set(cases.values_list("counsellor__username", flat=True))
            assert counsellors == {f"beratung.{slug}", f"leitung.{slug}"}
            assert not cases.exclude(person__office=F("office")).exists()
        # Closed cases have an outcome or a reason.
        closed = Case.objects.filter(status=CaseStatus.CLOSED)
        assert not closed.filter(outcomes__isnull=True, closing_reason="").exists()


def test_consultations_with_channels_languages_topics_and_notes(seeded):
    with scopes_disabled():
        consultations = Consultation.objects.filter(office__slug="hagen")
        assert consultations.count() >= 3 * Case.objects.filter(office__slug="hagen").count()
        assert len(set(consultations.values_list("channel", flat=True))) >= 6
        languages = set(consultations.values_list("language__code", flat=True))
        assert {"de", "ar", "prs", "ti", "tr"} <= languages
        assert consultations.filter(interpreter_present=True).exists()
        assert consultations.filter(guide_present=True).exists()
        assert not consultations.filter(topics__isnull=True).exists()
        topics = set(consultations.values_list("topics__name", flat=True))
        assert {"Berufsorientierung", "Bewerbung", "Elternarbeit", "Aufenthalt"} <= topics
        assert consultations.filter(notes__startswith="Erstgespräch").exists()
        # A parent's consultation about the child's case.
        rasha = consultations.get(case__person__given_names="Rasha")
        assert rasha.about_case.person.full_name == "Mohammed Al-Hassan"
        assert not consultations.exclude(counsellor=F("case__counsellor")).exists()


def test_referrals_in_several_statuses_with_consent_where_data_are_shared(seeded):
    today = datetime.date.today()
    with scopes_disabled():
        referrals = Referral.objects.select_related("case__person", "consent", "institution")
        statuses = set(referrals.values_list("status", flat=True))
        assert statuses >= {
            ReferralStatus.PLANNED,
            ReferralStatus.SENT,
            ReferralStatus.ACCEPTED,
            ReferralStatus.DECLINED,
            ReferralStatus.COMPLETED,
            ReferralStatus.NO_FEEDBACK,
        }
        assert not referrals.exclude(institution__kind="institution").exists()
        assert not referrals.exclude(institution__office=F("office")).exists()
        assert referrals.filter(shares_personal_data=False).exists()
        for referral in referrals.filter(shares_personal_data=True):
            consent = referral.consent
            person = referral.case.person
            assert consent is not None, referral
            assert consent.person_id == person.pk
            assert consent.purpose == ConsentPurpose.SHARE_WITH_INSTITUTIONS
            assert consent.is_valid_on(referral.created_on)
            if is_minor(person, consent.given_on) or is_minor(person, today):
                assert consent.given_by == ConsentGivenBy.GUARDIAN and consent.guardian_name
        guardian = referrals.get(
            case__person__given_names="Emre", case__person__family_name="Yılmaz"
        )
        assert guardian.consent.guardian_name == "Ayşe Yılmaz"
        # Sent more than 14 days ago without feedback: the worklist shows these.
        waiting = referrals.filter(
            status=ReferralStatus.SENT,
            sent_on__lte=today - datetime.timedelta(FEEDBACK_EXPECTED_WITHIN_DAYS),
            case__counsellor__username="beratung.hagen",
        )
        assert waiting.count() >= 2
        declined = referrals.filter(status=ReferralStatus.DECLINED)
        assert not declined.filter(declined_reason="").exists()


def test_outcomes_and_the_bodenleger_story(seeded):
    with scopes_disabled():
        hadi = list(
            Outcome.objects.filter(case__person__given_names="Hadi")
            .order_by("date")
            .values_list("kind", "occupation", "organisation__name", "organisation__migrant_led")
        )
        assert hadi == [
            ("internship", "Bodenleger·in", "Bodenbeläge Özdemir", True),
            ("eq", "Bodenleger·in", "Bodenbeläge Özdemir", True),
            ("apprenticeship", "Bodenleger·in", "Bodenbeläge Özdemir", True),
        ]
        kinds = set(Outcome.objects.values_list("kind", flat=True))
        assert {"internship", "eq", "apprenticeship"} <= kinds
        apprenticeships = Outcome.objects.filter(kind="apprenticeship")
        assert not apprenticeships.filter(occupation="").exists()
        assert apprenticeships.filter(organisation__migrant_led=True).exists()


def test_esf_records_one_per_person_not_for_short_contacts(seeded):
    today = datetime.date.today()
    with scopes_disabled():
        records = list(EsfRecord.objects.select_related("first_case", "person"))
        assert records
        assert len({r.person_id for r in records}) == len(records)
        assert not any(r.first_case.short_contact for r in records)
        # Everyone with a case that needs the questionnaire has a record.
        needing = set(Case.objects.filter(short_contact=False).values_list("person_id", flat=True))
        assert {r.person_id for r in records} == needing
        states = {r.entry_state for r in records}
        assert states == {"complete", "incomplete", "late"}
        assert any(r.exit_state == "late" for r in records)
        assert all(r.entry_date == r.first_case.opened_on for r in records)
        complete = [r for r in records if r.entry_complete]
        assert all(r.gender and r.isced for r in complete)
        assert today  # dates are relative to the day of seeding


def test_beratung_hagen_has_an_overdue_and_a_due_step(seeded):
    today = datetime.date.today()
    with scopes_disabled():
        steps = NextStep.objects.filter(assigned_to__username="beratung.hagen", done_on=None)
        assert steps.filter(due_on__lt=today).exists()
        assert steps.filter(due_on=today).exists()
        assert NextStep.objects.filter(done_on__isnull=False).exists()


def test_beratung_hagen_start_page_shows_her_worklist(client, seeded):
    client.force_login(User.objects.get(username="beratung.hagen"))
    response = client.get("/")
    assert response.status_code == 200
    worklist = response.context["worklist"]
    for section in ("next_steps", "follow_ups", "waiting_for_feedback", "esf_incomplete"):
        total = getattr(worklist, section).total
        # Meaningful, not overwhelming.
        assert 1 <= total <= 15, (section, total)
    page = response.content.decode()
    assert "Selam Tesfay" in page  # overdue: translated certificates
    assert "Bewerbungsmappe für das Schulpraktikum fertigstellen" in page
    assert "Hadi Rezaie → Handwerkskammer Südwestfalen" in page  # waiting for feedback
    # Every row is one click from the action.
    step = worklist.next_steps.rows[0]
    assert f"/cases/next-steps/{step.pk}/done/" in page
    assert client.get(step.case.get_absolute_url()).status_code == 200


def test_case_list_case_page_and_timeline_render(client, seeded):
    client.force_login(User.objects.get(username="beratung.hagen"))
    response = client.get("/cases/")
    assert response.status_code == 200
    assert response.context["paginator"].count >= 20
    response = client.get("/cases/", {"mine": "0", "status": "all"})
    assert response.status_code == 200
    with scopes_disabled():
        hadi = Case.objects.get(person__given_names="Hadi", person__family_name="Rezaie")
    page = client.get(f"/cases/{hadi.pk}/").content.decode()
    assert "Bodenleger·in" in page and "Bodenbeläge Özdemir" in page
    page = client.get(f"/people/{hadi.person_id}/").content.decode()
    assert "Handwerkskammer Südwestfalen" in page  # the referral in the timeline
    assert "Bodenleger·in" in page  # the outcomes in the timeline


def test_seeding_twice_gives_the_same_counselling_data(demo_data):
    first = counselling_snapshot()
    seed(verbosity=0)
    assert counselling_snapshot() == first
    assert len(first["cases"]) > 80 and len(first["consultations"]) > 500


def test_generated_offices_have_their_own_counsellor():
    output = seed(offices=3, verbosity=1)
    assert "beratung.<office>" in output and "Counselling:" in output
    with scopes_disabled():
        bonn_cases = Case.objects.filter(office__slug="bonn")
        assert bonn_cases.exists()
        assert set(bonn_cases.values_list("counsellor__username", flat=True)) == {"beratung.bonn"}
        assert Membership.objects.get(user__username="beratung.bonn").office.slug == "bonn"
    seed(verbosity=0)
    assert not User.objects.filter(username="beratung.bonn").exists()
