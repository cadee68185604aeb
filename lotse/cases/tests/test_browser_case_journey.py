"""A counselling case from first consultation to closing, in a real browser (Chromium).

Selin counsels in Hagen. Hadi Rezaie, a young refugee of 20, comes for advice on a
career. She opens a case, records the consultation, refers him to the vocational
guidance of the Agentur für Arbeit — which Lotse refuses until his consent to pass on
his data is recorded — follows the referral up from her worklist, records his
internship and closes the case. Every page she sees must pass axe-core's WCAG 2.1
A/AA rules.
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from lotse.browser_testing import (
    assert_no_axe_violations,
    assert_stylesheet_loaded,
    login,
    submit_login_form,
)
from lotse.cases.models import (
    Case,
    CaseStatus,
    Channel,
    OutcomeKind,
    Referral,
    ReferralStatus,
    TargetGroup,
    Topic,
)
from lotse.cases.reference import load_topics
from lotse.core.models import Language
from lotse.factories import (
    CaseFactory,
    ConsultationFactory,
    InstitutionFactory,
    NextStepFactory,
    OrganisationFactory,
    PersonFactory,
    ReferralFactory,
)
from lotse.privacy.models import Consent, ConsentPurpose

pytestmark = pytest.mark.browser

AGENCY = "Agentur für Arbeit Hagen – Berufsberatung"
NEXT_STEP = "Lebenslauf überarbeiten und mitbringen"
REASON = "Berufsberatung: Ausbildung im Kfz-Handwerk"
SHARED = "Name, Telefonnummer, Schulabschluss (Iran, Klasse 9)"
# The message lotse.privacy.services.require_consent gives for an adult.
NO_CONSENT = (
    "There is no consent of %(name)s to “%(purpose)s” in force. Record the consent on "
    "the person's page first, or pass on no personal data."
)


@pytest.fixture
def topics(live_site):
    """The shipped counselling topics (the live server's database is emptied after each test)."""
    with scopes_disabled():
        load_topics()


def de(message: str) -> str:
    """MESSAGE as the German interface words it (the English one while untranslated)."""
    with translation.override("de"):
        return translation.gettext(message)


def _iso(day: datetime.date) -> str:
    return day.isoformat()


def _click(page, selector: str) -> None:
    with page.expect_navigation():
        page.locator(selector).first.click()
    assert_no_axe_violations(page)


def _submit(page, form: str = "form.record-form") -> None:
    with page.expect_navigation():
        page.locator(f"main {form} [type=submit]").click()


def _link(url: str) -> str:
    return f'main a[href="{url}"]'


def test_a_case_from_first_consultation_to_referral_outcome_and_closing(
    live_site, topics, page, hagen, hagen_counsellor
):
    today = datetime.date.today()
    person = PersonFactory(
        office=hagen,
        given_names="Hadi",
        family_name="Rezaie",
        birth_year=2006,
        birth_month=3,
        birth_day=14,
        town="Hagen",
    )
    agency = InstitutionFactory(office=hagen, name=AGENCY)
    company = OrganisationFactory(office=hagen, name="Autohaus Lennetal GmbH")
    dari = Language.objects.filter(code="prs").first() or Language.objects.first()
    with scopes_disabled():
        topic_ids = dict(Topic.objects.filter(office=None).values_list("name", "pk"))

    # GIVEN Selin logs in and opens Hadi's page
    page.goto(live_site.url + reverse("core:home"))
    assert_no_axe_violations(page)
    submit_login_form(page, "beratung.hagen")
    assert_no_axe_violations(page)
    page.goto(live_site.url + person.get_absolute_url())
    assert_stylesheet_loaded(page)
    assert_no_axe_violations(page)

    # WHEN she opens a case for him as a young refugee, a month ago
    _click(page, _link(reverse("cases:create", args=[person.pk])))
    page.select_option("#id_target_group", TargetGroup.YOUNG_REFUGEE)
    assert page.input_value("#id_counsellor") == str(hagen_counsellor.pk)
    page.fill("#id_opened_on", _iso(today - datetime.timedelta(days=30)))
    _submit(page)

    # THEN the case page shows the open case
    with scopes_disabled():
        case = Case.objects.get(person=person)
    assert page.url == live_site.url + case.get_absolute_url()
    assert case.target_group == TargetGroup.YOUNG_REFUGEE
    assert case.counsellor == hagen_counsellor
    assert case.opened_on == today - datetime.timedelta(days=30)
    details = page.locator("main .details").first.inner_text()
    assert de(TargetGroup.YOUNG_REFUGEE.label) in details
    assert_no_axe_violations(page)

    # WHEN she records the first consultation with a next step due today
    _click(page, _link(reverse("cases:consultation_create", args=[case.pk])))
    page.fill("#id_date", _iso(today - datetime.timedelta(days=20)))
    page.fill("#id_duration_minutes", "45")
    page.select_option("#id_channel", Channel.IN_PERSON)
    page.select_option("#id_language", str(dari.pk))
    for name in ("Berufsorientierung", "Praktikum"):
        page.check(f"input[name=topics][value='{topic_ids[name]}']")
    page.fill("#id_notes", "Interesse an Kfz-Berufen, Praktikum gewünscht.")
    page.fill("#id_next_step", NEXT_STEP)
    page.fill("#id_next_step_due_on", _iso(today))
    _submit(page)

    # THEN the case page lists it, and the next step
    assert page.url == live_site.url + case.get_absolute_url()
    with scopes_disabled():
        consultation = case.consultations.get()
        assert consultation.channel == Channel.IN_PERSON
        assert consultation.language == dari
        assert sorted(t.name for t in consultation.topics.all()) == [
            "Berufsorientierung",
            "Praktikum",
        ]
        step = case.next_steps.get()
        assert (step.description, step.due_on, step.assigned_to) == (
            NEXT_STEP,
            today,
            hagen_counsellor,
        )
    consultations = page.locator("section[aria-labelledby=consultations-heading]")
    expect(consultations.locator(".badge")).to_have_text(["Berufsorientierung", "Praktikum"])
    expect(page.locator("section[aria-labelledby=steps-heading]")).to_contain_text(NEXT_STEP)
    assert_no_axe_violations(page)

    # WHEN she refers him to the Agentur für Arbeit, passing on his data, without consent
    referral_form_url = reverse("cases:referral_create", args=[case.pk])
    _click(page, _link(referral_form_url))
    consent_url = reverse("privacy:consent_create", args=[person.pk])
    consent_link = page.locator(f'main a[href^="{consent_url}"]')
    expect(consent_link).to_be_visible()
    page.select_option("#id_institution", str(agency.pk))
    page.fill("#id_reason", REASON)
    assert page.is_checked("#id_shares_personal_data")  # passing on data is the default
    page.fill("#id_shared_information", SHARED)
    _submit(page)

    # THEN Lotse refuses, says why, and keeps what she typed
    assert page.url == live_site.url + referral_form_url
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expected = de(NO_CONSENT) % {
        "name": "Hadi Rezaie",
        "purpose": de(ConsentPurpose.SHARE_WITH_INSTITUTIONS.label),
    }
    expect(summary).to_contain_text(expected)
    assert page.input_value("#id_institution") == str(agency.pk)
    assert page.input_value("#id_reason") == REASON
    assert page.input_value("#id_shared_information") == SHARED
    assert page.is_checked("#id_shares_personal_data")
    with scopes_disabled():
        assert not Referral.objects.exists()
    assert_no_axe_violations(page)

    # WHEN she follows the link and records his written consent, given today
    _click(page, f'main a[href="{consent_url}?next={referral_form_url}"]')
    page.select_option("#id_purpose", ConsentPurpose.SHARE_WITH_INSTITUTIONS)
    page.check("input[name=form][value=written]")
    assert page.input_value("#id_given_on") == _iso(today)
    assert page.is_checked("input[name=given_by][value=person]")
    _submit(page)

    # THEN she is back on the referral form, which now shows the consent
    assert page.url == live_site.url + referral_form_url
    with scopes_disabled():
        consent = Consent.objects.get(person=person)
    assert (consent.purpose, consent.form, consent.given_on) == (
        ConsentPurpose.SHARE_WITH_INSTITUTIONS,
        "written",
        today,
    )
    expect(consent_link).to_have_count(0)
    expect(page.locator("main p.card")).to_contain_text(today.strftime("%d.%m.%Y"))
    assert_no_axe_violations(page)

    # WHEN she refers him again
    page.select_option("#id_institution", str(agency.pk))
    page.fill("#id_reason", REASON)
    page.fill("#id_shared_information", SHARED)
    _submit(page)

    # THEN the referral is recorded, sent today under his consent, and on the case page
    assert page.url == live_site.url + case.get_absolute_url()
    with scopes_disabled():
        referral = Referral.objects.get()
    assert referral.case == case
    assert referral.institution == agency
    assert referral.consent == consent
    assert referral.shares_personal_data
    assert (referral.status, referral.sent_on) == (ReferralStatus.SENT, today)
    referral_url = reverse("cases:referral_update", args=[referral.pk])
    referrals = page.locator("section[aria-labelledby=referrals-heading] tbody tr")
    expect(referrals).to_have_count(1)
    expect(referrals.locator(f'a[href="{referral_url}"]')).to_have_text(AGENCY)
    expect(referrals).to_contain_text(de(ReferralStatus.SENT.label))
    assert_no_axe_violations(page)

    # WHEN she goes to the start page
    _click(page, f'nav a[href="{reverse("core:home")}"]')

    # THEN the next step due today is on her worklist, one click from the case,
    # and the referral is not (yet) waiting for feedback
    worklist = page.locator("section.worklist")
    step_row = worklist.locator("li", has_text=NEXT_STEP)
    expect(step_row).to_have_count(1)
    expect(step_row.locator(f'a[href="{case.get_absolute_url()}"]')).to_have_text("Hadi Rezaie")
    expect(step_row.locator(".badge")).to_have_text(de("today"))
    expect(worklist.locator(f'a[href="{referral_url}"]')).to_have_count(0)

    # WHEN two weeks pass without an answer from the Agentur
    sent_on = today - datetime.timedelta(days=15)
    with scopes_disabled():
        Referral.objects.filter(pk=referral.pk).update(sent_on=sent_on, created_on=sent_on)
    page.reload()
    assert_no_axe_violations(page)

    # THEN the referral is on her worklist as waiting for feedback
    waiting = worklist.locator("li", has=page.locator(f'a[href="{referral_url}"]'))
    expect(waiting).to_have_count(1)
    expect(waiting).to_contain_text(sent_on.strftime("%d.%m.%Y"))
    expect(waiting).to_contain_text(f"Hadi Rezaie → {AGENCY}")
    expect(worklist).to_contain_text(de("Referrals without feedback for 14 days"))

    # WHEN she clicks it and records the feedback: accepted
    _click(page, f'section.worklist a[href="{referral_url}"]')
    page.select_option("#id_status", ReferralStatus.ACCEPTED)
    page.fill("#id_feedback", "Termin bei der Berufsberatung am Montag, 9 Uhr.")
    _submit(page)

    # THEN the case page shows the referral accepted, with the feedback
    assert page.url == live_site.url + case.get_absolute_url()
    with scopes_disabled():
        referral.refresh_from_db()
    assert (referral.status, referral.feedback_on) == (ReferralStatus.ACCEPTED, today)
    expect(referrals).to_contain_text(de(ReferralStatus.ACCEPTED.label))
    expect(referrals).to_contain_text("Termin bei der Berufsberatung")
    assert_no_axe_violations(page)

    # and her worklist no longer waits for it; she ticks off the next step there
    _click(page, f'nav a[href="{reverse("core:home")}"]')
    expect(worklist.locator(f'a[href="{referral_url}"]')).to_have_count(0)
    with page.expect_navigation():
        step_row.locator("button[type=submit]").click()
    assert page.url == live_site.url + reverse("core:home")
    expect(step_row).to_have_count(0)
    with scopes_disabled():
        step.refresh_from_db()
    assert step.done_on == today
    assert_no_axe_violations(page)

    # WHEN she finds the case again in her list of open cases
    _click(page, f'nav a[href="{reverse("cases:list")}"]')
    _click(page, _link(case.get_absolute_url()))

    # WHEN she records his internship at a car dealer
    _click(page, _link(reverse("cases:outcome_create", args=[case.pk])))
    page.select_option("#id_kind", OutcomeKind.INTERNSHIP)
    page.fill("#id_date", _iso(today))
    page.select_option("#id_organisation", str(company.pk))
    page.fill("#id_note", "Praktikum in der Kfz-Werkstatt, vier Wochen")
    _submit(page)

    # THEN the outcome is on the case page
    assert page.url == live_site.url + case.get_absolute_url()
    outcomes = page.locator("section[aria-labelledby=outcomes-heading] li")
    expect(outcomes).to_have_count(1)
    expect(outcomes).to_contain_text(de(OutcomeKind.INTERNSHIP.label))
    expect(outcomes.locator(f'a[href="{company.get_absolute_url()}"]')).to_be_visible()
    assert_no_axe_violations(page)

    # WHEN she closes the case (the outcome makes a reason unnecessary)
    _click(page, _link(reverse("cases:close", args=[case.pk])))
    assert page.input_value("#id_closed_on") == _iso(today)
    _submit(page, "form.narrow")

    # THEN the case page shows it closed today, without the actions of an open case
    assert page.url == live_site.url + case.get_absolute_url()
    with scopes_disabled():
        case.refresh_from_db()
    assert (case.status, case.closed_on) == (CaseStatus.CLOSED, today)
    status = page.locator("main .details dd").first
    expect(status).to_have_text(f"{de(CaseStatus.CLOSED.label)} · {today:%d.%m.%Y}")
    for url_name in ("cases:consultation_create", "cases:referral_create", "cases:close"):
        expect(page.locator(_link(reverse(url_name, args=[case.pk])))).to_have_count(0)
    assert_no_axe_violations(page)

    # WHEN she goes back to Hadi's page
    _click(page, _link(person.get_absolute_url()))

    # THEN the timeline shows outcome, referral and consultation, newest first
    timeline = page.locator("section[aria-labelledby=timeline-heading] ol.history > li")
    expect(timeline.locator(".history-head")).to_have_text(
        [
            f"{today:%d.%m.%Y} · {de('Outcome')}",
            f"{sent_on:%d.%m.%Y} · {de('Referral')}",
            f"{consultation.date:%d.%m.%Y} · {de('Consultation')}",
        ]
    )
    expect(timeline.nth(0)).to_contain_text("Autohaus Lennetal GmbH")
    expect(timeline.nth(1)).to_contain_text(AGENCY)
    expect(timeline.nth(2)).to_contain_text("Praktikum")
    cases = page.locator("section[aria-labelledby=cases-heading] li")
    expect(cases).to_contain_text(de(CaseStatus.CLOSED.label))

    # WHEN she filters the timeline to referrals only
    page.uncheck("#tl-consultation")
    page.uncheck("#tl-outcome")
    page.uncheck("#tl-event")
    assert page.is_checked("#tl-referral")
    _submit(page, "form.timeline-filter")

    # THEN only the referral is listed, and the filter shows what was chosen
    expect(page).to_have_url(re.compile(r"\?timeline=referral$"))
    expect(timeline).to_have_count(1)
    expect(timeline.locator(f'a[href="{referral_url}"]')).to_have_text(AGENCY)
    assert not page.is_checked("#tl-consultation")
    assert page.is_checked("#tl-referral")
    assert_no_axe_violations(page)


def test_case_page_and_consultation_form_fit_a_360_px_phone(
    live_site, topics, page_360, hagen, hagen_counsellor
):
    person = PersonFactory(
        office=hagen,
        given_names="Mohammed Abdulrahman",
        family_name="Al-Hassan-Abdelrahim",
        birth_year=2006,
    )
    case = CaseFactory(
        person=person, counsellor=hagen_counsellor, target_group=TargetGroup.YOUNG_REFUGEE
    )
    consultation = ConsultationFactory(case=case, notes="Bewerbungsunterlagen durchgesehen.")
    with scopes_disabled():
        consultation.topics.set(Topic.objects.filter(office=None)[:4])
    NextStepFactory(case=case, description="Anschreiben an die Handwerkskammer fertigstellen")
    ReferralFactory(
        case=case,
        institution=InstitutionFactory(office=hagen, name=AGENCY),
        reason="Berufsberatung und Anerkennung des Schulabschlusses",
    )
    page = page_360
    login(page, live_site, "beratung.hagen")

    for url in (
        case.get_absolute_url(),
        reverse("cases:consultation_create", args=[case.pk]),
    ):
        page.goto(live_site.url + url)
        assert_stylesheet_loaded(page)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{url} is {width} px wide at 360 px"
        assert_no_axe_violations(page)

    # The form's fields and its button are within reach without scrolling sideways.
    for selector in ("#id_date", "#id_channel", "#id_next_step_due_on", "main form [type=submit]"):
        box = page.locator(selector).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360, selector
