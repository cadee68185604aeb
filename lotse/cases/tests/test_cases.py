"""Counselling cases as a counsellor experiences them, through the pages."""

import datetime

import pytest
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from lotse.cases.models import Case, CaseStatus, Consultation, EsfRecord, Referral, Topic
from lotse.core.models import Language
from lotse.factories import (
    CaseFactory,
    ConsentFactory,
    InstitutionFactory,
    NextStepFactory,
    ParentChildFactory,
    PersonFactory,
    ReferralFactory,
)

TODAY = datetime.date.today()


@pytest.fixture
def logged_in(client, hagen_counsellor):
    client.force_login(hagen_counsellor)
    return client


@pytest.fixture
def hadi(hagen):
    return PersonFactory(office=hagen, given_names="Hadi", family_name="Rezaie", birth_year=2000)


@pytest.fixture
def case(hadi, hagen_counsellor):
    return CaseFactory(person=hadi, counsellor=hagen_counsellor)


def _page(response):
    return response.content.decode()


def test_opening_a_case_from_the_person_page(logged_in, hadi, hagen_counsellor):
    person_page = _page(logged_in.get(hadi.get_absolute_url()))
    assert reverse("cases:create", args=[hadi.pk]) in person_page
    response = logged_in.post(
        reverse("cases:create", args=[hadi.pk]),
        {
            "target_group": "young_refugee",
            "counsellor": hagen_counsellor.pk,
            "opened_on": TODAY.isoformat(),
        },
    )
    with scopes_disabled():
        case = Case.objects.get(person=hadi)
        assert EsfRecord.objects.get(person=hadi).entry_date == TODAY
    assert response.status_code == 302 and response.url == case.get_absolute_url()
    assert case.status == CaseStatus.OPEN and case.office == hadi.office


def test_a_second_open_case_is_refused(logged_in, case, hagen_counsellor):
    response = logged_in.post(
        reverse("cases:create", args=[case.person_id]),
        {"target_group": "young_person", "counsellor": hagen_counsellor.pk, "opened_on": TODAY},
    )
    assert response.status_code == 200
    assert "error-summary" in _page(response)
    with scopes_disabled():
        assert Case.objects.count() == 1


def test_two_counsellors_editing_at_once_the_second_is_refused_and_keeps_input(
    client, case, hagen_counsellor, hagen_colleague
):
    """GIVEN both counsellors opened the edit form at version 1
    WHEN the first saves and then the second saves
    THEN the second save is refused with a message, her input is still in the form,
    and the first one's change is kept."""
    url = reverse("cases:update", args=[case.pk])
    first, second = client, type(client)()
    first.force_login(hagen_counsellor)
    second.force_login(hagen_colleague)
    version = case.version
    common = {"target_group": "young_refugee", "opened_on": case.opened_on.isoformat()}
    saved = first.post(
        url, {**common, "counsellor": hagen_counsellor.pk, "notes": "Termin BA", "version": version}
    )
    assert saved.status_code == 302
    refused = second.post(
        url,
        {
            **common,
            "counsellor": hagen_colleague.pk,
            "notes": "Übergabe an Simone",
            "version": version,
        },
    )
    assert refused.status_code == 200
    page = _page(refused)
    assert "Übergabe an Simone" in page and "error-summary" in page
    case.refresh_from_db()
    assert case.notes == "Termin BA" and case.counsellor == hagen_counsellor
    assert case.version == version + 1


def test_hand_over_is_recorded_in_the_history(logged_in, case, hagen_colleague):
    logged_in.post(
        reverse("cases:update", args=[case.pk]),
        {
            "target_group": "young_person",
            "counsellor": hagen_colleague.pk,
            "opened_on": case.opened_on.isoformat(),
            "version": case.version,
        },
    )
    page = _page(logged_in.get(case.get_absolute_url()))
    assert "leitung.hagen" in page or "Simone" in page


def test_recording_a_consultation_with_topics_and_a_next_step(logged_in, case):
    with scopes_disabled():
        topics = list(Topic.objects.filter(name__in=["Berufsorientierung", "Praktikum"]))
    dari = Language.objects.get(code="prs")
    response = logged_in.post(
        reverse("cases:consultation_create", args=[case.pk]),
        {
            "date": TODAY.isoformat(),
            "duration_minutes": 45,
            "channel": "in_person",
            "language": dari.pk,
            "interpreter_present": "on",
            "topics": [t.pk for t in topics],
            "notes": "Praktikum als Bodenleger besprochen",
            "next_step": "Lebenslauf mitbringen",
            "next_step_due_on": (TODAY + datetime.timedelta(days=3)).isoformat(),
        },
    )
    assert response.status_code == 302
    page = _page(logged_in.get(case.get_absolute_url()))
    assert "Praktikum als Bodenleger besprochen" in page
    assert "Lebenslauf mitbringen" in page
    home = _page(logged_in.get(reverse("core:home")))
    assert "Lebenslauf mitbringen" in home  # due within a week: on the worklist


def test_a_consultation_in_the_future_is_refused(logged_in, case):
    response = logged_in.post(
        reverse("cases:consultation_create", args=[case.pk]),
        {
            "date": (TODAY + datetime.timedelta(days=2)).isoformat(),
            "duration_minutes": 30,
            "channel": "phone",
            "notes": "keep me",
        },
    )
    assert response.status_code == 200 and "keep me" in _page(response)
    with scopes_disabled():
        assert not Consultation.objects.exists()


def test_a_parents_consultation_can_concern_the_childs_case(logged_in, hagen, hagen_counsellor):
    link = ParentChildFactory(parent__office=hagen, child__given_names="Karim")
    child_case = CaseFactory(person=link.child, counsellor=hagen_counsellor)
    parent_case = CaseFactory(
        person=link.parent, counsellor=hagen_counsellor, target_group="parent"
    )
    form_page = _page(logged_in.get(reverse("cases:consultation_create", args=[parent_case.pk])))
    assert 'name="about_case"' in form_page
    logged_in.post(
        reverse("cases:consultation_create", args=[parent_case.pk]),
        {
            "date": TODAY.isoformat(),
            "duration_minutes": 30,
            "channel": "phone",
            "about_case": child_case.pk,
            "notes": "Mutter fragt nach Praktikum für Karim",
        },
    )
    child_page = _page(logged_in.get(link.child.get_absolute_url()))
    assert "Mutter fragt" not in child_page  # notes stay in the parent's case
    assert reverse("cases:detail", args=[parent_case.pk]) in child_page  # but the timeline shows it


def test_referral_sharing_data_needs_consent(logged_in, case, hagen):
    agency = InstitutionFactory(office=hagen, name="Agentur für Arbeit Hagen")
    data = {
        "institution": agency.pk,
        "reason": "Berufsberatung",
        "shares_personal_data": "on",
        "shared_information": "Lebenslauf, Zeugnisse",
        "status": "sent",
    }
    refused = logged_in.post(reverse("cases:referral_create", args=[case.pk]), data)
    assert refused.status_code == 200
    page = _page(refused)
    assert "Lebenslauf, Zeugnisse" in page  # input kept
    assert reverse("privacy:consent_create", args=[case.person_id]) in page
    with scopes_disabled():
        assert not Referral.objects.exists()
    ConsentFactory(person=case.person)
    accepted = logged_in.post(reverse("cases:referral_create", args=[case.pk]), data)
    assert accepted.status_code == 302
    with scopes_disabled():
        referral = Referral.objects.get()
    assert referral.consent is not None and referral.sent_on == TODAY


def test_a_withdrawn_consent_no_longer_counts(logged_in, case, hagen):
    consent = ConsentFactory(person=case.person, given_on=TODAY - datetime.timedelta(days=10))
    logged_in.post(reverse("privacy:consent_withdraw", args=[consent.pk]))
    agency = InstitutionFactory(office=hagen)
    response = logged_in.post(
        reverse("cases:referral_create", args=[case.pk]),
        {"institution": agency.pk, "reason": "BB", "shares_personal_data": "on", "status": "sent"},
    )
    assert response.status_code == 200
    with scopes_disabled():
        assert not Referral.objects.exists()


def test_a_minor_needs_a_guardians_consent(logged_in, hagen, hagen_counsellor):
    minor = PersonFactory(office=hagen, birth_year=TODAY.year - 15)
    case = CaseFactory(person=minor, counsellor=hagen_counsellor)
    ConsentFactory(person=minor, given_by="person")
    agency = InstitutionFactory(office=hagen)
    data = {
        "institution": agency.pk,
        "reason": "BB",
        "shares_personal_data": "on",
        "status": "sent",
    }
    refused = logged_in.post(reverse("cases:referral_create", args=[case.pk]), data)
    assert refused.status_code == 200
    ConsentFactory(person=minor, given_by="guardian", guardian_name="Amal Haddad")
    assert logged_in.post(reverse("cases:referral_create", args=[case.pk]), data).status_code == 302


def test_referral_without_personal_data_needs_no_consent(logged_in, case, hagen):
    agency = InstitutionFactory(office=hagen)
    response = logged_in.post(
        reverse("cases:referral_create", args=[case.pk]),
        {"institution": agency.pk, "reason": "Hinweis auf Sprechstunde", "status": "planned"},
    )
    assert response.status_code == 302


def test_feedback_and_impossible_transitions(logged_in, case):
    referral = ReferralFactory(case=case)
    url = reverse("cases:referral_update", args=[referral.pk])
    declined = logged_in.post(url, {"status": "declined"})
    assert declined.status_code == 200  # a reason is needed
    accepted = logged_in.post(url, {"status": "accepted", "feedback": "Termin am 03.12."})
    assert accepted.status_code == 302
    back = logged_in.post(url, {"status": "planned"})
    assert back.status_code == 200
    referral.refresh_from_db()
    assert referral.status == "accepted" and referral.feedback_on == TODAY


def test_worklist_shows_referrals_without_feedback_after_14_days(logged_in, case):
    ReferralFactory(case=case, sent_on=TODAY - datetime.timedelta(days=15), reason="BB alt")
    ReferralFactory(case=case, sent_on=TODAY - datetime.timedelta(days=3), reason="BB neu")
    old = ReferralFactory(case=case, sent_on=TODAY - datetime.timedelta(days=20))
    old.institution.name = "Jobcenter Hagen"
    with scopes_disabled():
        old.institution.save()
    home = _page(logged_in.get(reverse("core:home")))
    assert "Jobcenter Hagen" in home
    assert home.count(reverse("cases:referral_update", args=[old.pk])) == 1


def test_worklist_shows_overdue_steps_only_of_the_counsellor(logged_in, case, hagen_colleague):
    NextStepFactory(
        case=case, description="Zeugnis übersetzen", due_on=TODAY - datetime.timedelta(days=2)
    )
    NextStepFactory(
        case=case, description="Kollegin fragt", assigned_to=hagen_colleague, due_on=TODAY
    )
    home = _page(logged_in.get(reverse("core:home")))
    assert "Zeugnis übersetzen" in home and "Kollegin fragt" not in home


def test_marking_a_step_done_removes_it_from_the_worklist(logged_in, case):
    step = NextStepFactory(case=case, description="Anruf Schule")
    done_url = reverse("cases:next_step_done", args=[step.pk])
    assert done_url in _page(logged_in.get(reverse("core:home")))
    logged_in.post(done_url, {"next": "worklist"})
    assert done_url not in _page(logged_in.get(reverse("core:home")))


def test_closing_needs_an_outcome_or_a_reason(logged_in, case):
    with scope(office=[case.office_id]):
        from lotse.cases.services import ensure_esf_record

        ensure_esf_record(case)
    url = reverse("cases:close", args=[case.pk])
    refused = logged_in.post(url, {"closed_on": TODAY.isoformat(), "version": case.version})
    assert refused.status_code == 200
    logged_in.post(
        reverse("cases:outcome_create", args=[case.pk]),
        {"kind": "eq", "date": TODAY.isoformat(), "occupation": "Bodenleger"},
    )
    closed = logged_in.post(url, {"closed_on": TODAY.isoformat(), "version": case.version})
    assert closed.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED and case.closed_on == TODAY
    with scopes_disabled():
        assert EsfRecord.objects.get(person=case.person).exit_date == TODAY


def test_re_entry_keeps_the_first_entry_data(logged_in, hadi, hagen_counsellor):
    first = CaseFactory(person=hadi, counsellor=hagen_counsellor)
    with scope(office=[hadi.office_id]):
        from lotse.cases.services import close_case, ensure_esf_record

        record = ensure_esf_record(first)
        record.employment_status = "unemployed"
        record.save()
        close_case(first, closed_on=TODAY, reason="Umzug", expected_version=first.version)
    logged_in.post(
        reverse("cases:create", args=[hadi.pk]),
        {"target_group": "young_person", "counsellor": hagen_counsellor.pk, "opened_on": TODAY},
    )
    with scopes_disabled():
        assert EsfRecord.objects.filter(person=hadi).count() == 1
        kept = EsfRecord.objects.get(person=hadi)
    assert kept.employment_status == "unemployed" and kept.first_case_id == first.pk


def test_esf_questionnaire_derives_the_indicators(logged_in, hagen, hagen_counsellor):
    person = PersonFactory(office=hagen, gender="diverse", birth_year=TODAY.year - 20)
    case = CaseFactory(person=person, counsellor=hagen_counsellor, opened_on=TODAY)
    data = {
        "entry_date": TODAY.isoformat(),
        "employment_status": "inactive",
        "school_certificate": "abitur",
        "vocational_certificate": "none",
        "disability": "not_stated",
        "third_country_national": "yes",
        "foreign_background": "yes",
        "minority": "not_stated",
        "homeless": "no",
        "rural": "no",
    }
    assert logged_in.post(reverse("cases:esf", args=[case.pk]), data).status_code == 302
    with scopes_disabled():
        record = EsfRecord.objects.get(person=person)
    assert (record.isced, record.gender) == ("3-4", "non_binary")
    assert record.age_band in {"18-29"}
    assert record.entry_state == "complete"


def test_esf_incomplete_and_late_cases_are_on_the_worklist(logged_in, hagen, hagen_counsellor):
    person = PersonFactory(office=hagen, family_name="Ohnefragebogen")
    case = CaseFactory(
        person=person, counsellor=hagen_counsellor, opened_on=TODAY - datetime.timedelta(days=40)
    )
    with scope(office=[hagen.pk]):
        from lotse.cases.services import ensure_esf_record

        ensure_esf_record(case)
    home = _page(logged_in.get(reverse("core:home")))
    assert "Ohnefragebogen" in home
    assert "badge late" in home


def test_short_contacts_need_no_questionnaire(logged_in, hadi, hagen_counsellor):
    logged_in.post(
        reverse("cases:create", args=[hadi.pk]),
        {
            "target_group": "young_person",
            "counsellor": hagen_counsellor.pk,
            "opened_on": TODAY,
            "short_contact": "on",
        },
    )
    with scopes_disabled():
        assert not EsfRecord.objects.exists()
        case = Case.objects.get()
    assert logged_in.get(reverse("cases:esf", args=[case.pk])).status_code == 404


def test_an_office_without_esf_collects_none(logged_in, hagen, hadi, hagen_counsellor):
    hagen.esf_enabled = False
    hagen.save()
    logged_in.post(
        reverse("cases:create", args=[hadi.pk]),
        {"target_group": "young_person", "counsellor": hagen_counsellor.pk, "opened_on": TODAY},
    )
    with scopes_disabled():
        assert Case.objects.exists() and not EsfRecord.objects.exists()


def test_timeline_newest_first_with_filters(logged_in, case):
    ReferralFactory(case=case, reason="Anerkennungsberatung", created_on=TODAY)
    with scopes_disabled():
        application = Topic.objects.get(name="Bewerbung")
    logged_in.post(
        reverse("cases:consultation_create", args=[case.pk]),
        {
            "date": (TODAY - datetime.timedelta(days=1)).isoformat(),
            "duration_minutes": 20,
            "channel": "phone",
            "topics": [application.pk],
        },
    )
    logged_in.post(
        reverse("cases:outcome_create", args=[case.pk]),
        {
            "kind": "internship",
            "date": (TODAY - datetime.timedelta(days=2)).isoformat(),
            "occupation": "Bodenleger",
        },
    )
    page = _page(logged_in.get(case.person.get_absolute_url()))
    timeline = page[page.index('id="timeline-heading"') :]
    assert (
        timeline.index("Anerkennungsberatung")
        < timeline.index("Bewerbung")
        < timeline.index("Bodenleger")
    )
    only_referrals = _page(logged_in.get(case.person.get_absolute_url(), {"timeline": "referral"}))
    timeline = only_referrals[only_referrals.index('id="timeline-heading"') :]
    assert "Anerkennungsberatung" in timeline
    assert "Bodenleger" not in timeline and "Bewerbung" not in timeline


def test_case_list_filters(logged_in, case, hagen, hagen_colleague):
    other = CaseFactory(
        person__office=hagen, person__family_name="Kollegenfall", counsellor=hagen_colleague
    )
    mine = _page(logged_in.get(reverse("cases:list")))
    assert "Rezaie" in mine and "Kollegenfall" not in mine
    everyone = _page(logged_in.get(reverse("cases:list"), {"mine": "0"}))
    assert "Kollegenfall" in everyone
    assert other.pk


def test_the_guide_sees_no_cases(client, case, hagen_guide):
    client.force_login(hagen_guide)
    assert client.get(reverse("cases:list")).status_code == 403
    assert client.get(case.get_absolute_url()).status_code == 403


def test_the_lead_extends_the_topic_catalogue_for_her_office(
    client, hagen, osnabrueck, hagen_colleague, hagen_counsellor, case
):
    client.force_login(hagen_colleague)
    response = client.post(reverse("cases:topics"), {"name": "Führerschein"})
    assert response.status_code == 302
    duplicate = client.post(reverse("cases:topics"), {"name": "führerschein"})
    assert duplicate.status_code == 200
    client.force_login(hagen_counsellor)
    assert client.get(reverse("cases:topics")).status_code == 403  # only the lead
    form = _page(client.get(reverse("cases:consultation_create", args=[case.pk])))
    assert "Führerschein" in form and "Berufsorientierung" in form
    with scopes_disabled():
        topic = Topic.objects.get(name="Führerschein")
    # Another office does not see it.
    from lotse.factories import MembershipFactory, UserFactory

    osnabrueck_lead = UserFactory(username="leitung.osnabrueck")
    MembershipFactory(user=osnabrueck_lead, office=osnabrueck, role="lead")
    client.force_login(osnabrueck_lead)
    assert "Führerschein" not in _page(client.get(reverse("cases:topics")))
    assert client.post(reverse("cases:topic_toggle", args=[topic.pk])).status_code == 404
    # The lead takes it out of use: it is no longer offered.
    client.force_login(hagen_colleague)
    client.post(reverse("cases:topic_toggle", args=[topic.pk]))
    client.force_login(hagen_counsellor)
    form = _page(client.get(reverse("cases:consultation_create", args=[case.pk])))
    assert "Führerschein" not in form


def test_same_day_entries_show_the_latest_recorded_first(logged_in, case, hagen):
    logged_in.post(
        reverse("cases:consultation_create", args=[case.pk]),
        {"date": TODAY.isoformat(), "duration_minutes": 20, "channel": "phone", "notes": "x"},
    )
    ReferralFactory(case=case, reason="Später erfasst", created_on=TODAY)
    page = _page(logged_in.get(case.person.get_absolute_url()))
    timeline = page[page.index('id="timeline-heading"') :]
    assert timeline.index("Später erfasst") < timeline.index(
        reverse("cases:detail", args=[case.pk])
    )


def test_closed_cases_leave_the_worklist(logged_in, case):
    step = NextStepFactory(case=case, due_on=TODAY - datetime.timedelta(days=1))
    with scope(office=[case.office_id]):
        from lotse.cases.services import close_case

        close_case(case, closed_on=TODAY, reason="Umzug", expected_version=case.version)
    home = _page(logged_in.get(reverse("core:home")))
    assert reverse("cases:next_step_done", args=[step.pk]) not in home


def test_load_reference_data_command(db, capsys):
    from django.core.management import call_command

    call_command("load-reference-data")
    assert "counselling topics" in capsys.readouterr().out
