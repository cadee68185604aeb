"""The application profile in a real browser (Chromium, axe-core).

* Ayse fills in the whole profile in Easy German on a 360 px phone with the keyboard
  only, and it arrives with all her answers.
* Mohammed fills it in in Arabic (right to left) and downloads the PDF: his name is in
  it in Arabic letters and in Latin letters.
* Olena stops after two steps, comes back with her link in another browser, finds her
  answers and changes the language without losing what she typed; a wrong e-mail
  address is announced in Turkish and what she typed stays.
* Selin (counsellor) finds a sent profile on her start page, sees the person who may
  be the same, and creates a new person with a case and the German self-assessment.

Every page visited passes axe (WCAG 2.1 A/AA) in the language it is shown in.
"""

import io
import unicodedata

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_scopes import scopes_disabled
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from pypdf import PdfReader

from lotse.browser_testing import (
    PHONE,
    TIMEOUT_MS,
    assert_no_axe_violations,
    assert_stylesheet_loaded,
    login,
)
from lotse.factories import PersonFactory
from lotse.matching.models import Occupation
from lotse.matching.reference import load_occupations
from lotse.people.models import LanguageSkill, Person, SkillSource
from lotse.profiles import services
from lotse.profiles.models import STEPS, ApplicationProfile, ProfileStatus

pytestmark = pytest.mark.browser

ARABIC_NAME = "محمد الحسن"
GERMAN_LEVELS = {
    "listening": "B1",
    "reading": "A2",
    "spoken_interaction": "B1",
    "spoken_production": "A2",
    "writing": "A1",
}


def in_language(lang: str, message: str) -> str:
    """MESSAGE as the page in LANG shows it (the catalogue may still be untranslated)."""
    with translation.override(lang):
        return gettext(message)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def occupations(db):
    """The occupations the migrations load (emptied by earlier live-server tests: load again)."""
    load_occupations()
    with scopes_disabled():
        named = {occupation.name: occupation for occupation in Occupation.objects.all()}
    return {
        "mechatronics": named["Mechatroniker"],
        "cook": named["Koch"],
        "hairdresser": named["Friseur"],
    }


def start_url(live_site, lang: str) -> str:
    return live_site.url + reverse("public_profiles:start", args=["hagen", lang])


def the_profile() -> ApplicationProfile:
    with scopes_disabled():
        return ApplicationProfile.objects.get()


def check_page(page, width: int | None = None) -> None:
    """Styled, axe-clean, and (on a phone) nothing to scroll sideways."""
    assert_stylesheet_loaded(page)
    assert_stylesheet_loaded(page, "/static/profiles/profile.css")
    assert_no_axe_violations(page)
    if width is not None:
        scroll_width = page.evaluate("document.scrollingElement.scrollWidth")
        assert scroll_width <= width, f"{page.url} scrolls sideways: {scroll_width} px"


def heading(page) -> str:
    return page.get_by_role("heading", level=1).inner_text().strip()


def on_step(page, step: str) -> None:
    assert page.url.rstrip("/").endswith(f"/{step}"), page.url
    assert page.locator('.profile-steps [aria-current="step"]').count() == 1


# Keyboard only ---------------------------------------------------------------------------


def is_focused(page, selector: str) -> bool:
    return page.evaluate(
        "s => !!document.activeElement && document.activeElement.matches(s)", selector
    )


def tab_to(page, selector: str, *, backwards: bool = False, limit: int = 160) -> None:
    """Press Tab (or Shift+Tab) until the element SELECTOR has the focus."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        if is_focused(page, selector):
            return
        page.keyboard.press(key)
    pytest.fail(f"{selector} never got the focus with {key} on {page.url}", pytrace=False)


def type_into(page, selector: str, text: str) -> None:
    tab_to(page, selector)
    page.keyboard.type(text)


def type_date(page, selector: str, day: int, month: int, year: int) -> None:
    """A date field, typed like a person reads it: in the order the browser shows.

    Chromium shows the day, month and year boxes in the order of its own locale (not the
    page's); a first try tells the order, Shift+Tab goes back through the boxes.
    """
    type_into(page, selector, "01022003")
    day_first = page.input_value(selector) == "2003-02-01"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert is_focused(page, selector)
    first, second = (day, month) if day_first else (month, day)
    page.keyboard.type(f"{first:02d}{second:02d}{year:04d}")
    assert page.input_value(selector) == f"{year:04d}-{month:02d}-{day:02d}"


def choose_radio(page, name: str, value: str) -> None:
    """Tab into the radio group, Space checks the first choice, arrows move the choice."""
    tab_to(page, f'input[type=radio][name="{name}"]')
    page.keyboard.press("Space")
    wanted = f'input[type=radio][name="{name}"][value="{value}"]'
    for _ in range(10):
        if is_focused(page, wanted):
            break
        page.keyboard.press("ArrowDown")
    assert page.is_checked(wanted), f"{wanted} is not chosen"


def tick(page, selector: str) -> None:
    tab_to(page, selector)
    page.keyboard.press("Space")
    assert page.is_checked(selector)


def choose_option(page, selector: str, value: str) -> None:
    """A closed <select>: the arrow keys change the choice."""
    tab_to(page, selector)
    for _ in range(12):
        if page.input_value(selector) == value:
            return
        page.keyboard.press("ArrowDown")
    pytest.fail(f"{value!r} could not be chosen in {selector}", pytrace=False)


def press_enter_and_wait(page) -> None:
    with page.expect_navigation():
        page.keyboard.press("Enter")


def go_on_with_keyboard(page) -> None:
    """Tab to the visible "Save and go on" (or "Send") button and press Enter."""
    tab_to(page, ".profile-actions button[value=next]")
    press_enter_and_wait(page)


def test_easy_german_on_a_phone_with_the_keyboard_only(page_360, live_site, hagen, occupations):
    page = page_360
    width = PHONE["width"]
    page.goto(start_url(live_site, "de-x-ls"))
    assert page.locator("html").get_attribute("lang") == "de"
    assert heading(page) == in_language("de-x-ls", "My application profile")
    check_page(page, width)
    tab_to(page, "main form button[type=submit]")
    press_enter_and_wait(page)

    # 1 About me. Enter in a text field saves the step and goes on.
    on_step(page, "about")
    check_page(page, width)
    type_into(page, "#id_given_names", "Ayşe")
    type_into(page, "#id_family_name", "Yılmaz")
    type_date(page, "#id_birth_date", 14, 3, 2008)
    type_into(page, "#id_phone", "0176 1234567")
    type_into(page, "#id_email", "ayse@example.org")
    type_into(page, "#id_street", "Elberfelder Str. 12")
    type_into(page, "#id_postcode", "58059")
    type_into(page, "#id_town", "Hagen")
    # A typo in the postcode: back with Shift+Tab and write it again.
    tab_to(page, "#id_postcode", backwards=True)
    page.keyboard.press("Control+A")
    page.keyboard.type("58095")
    press_enter_and_wait(page)

    # 2 Languages, with the German self-assessment.
    on_step(page, "languages")
    check_page(page, width)
    tick(page, 'input[name=languages][value="tr"]')
    tick(page, 'input[name=languages][value="en"]')
    for skill, level in GERMAN_LEVELS.items():
        choose_radio(page, f"german_{skill}", level)
    go_on_with_keyboard(page)

    # 3 School.
    on_step(page, "school")
    check_page(page, width)
    type_into(page, "#id_school-0-country", "Türkei")
    type_into(page, "#id_school-0-from_year", "2014")
    type_into(page, "#id_school-0-to_year", "2022")
    type_into(page, "#id_school-0-certificate", "Ortaokul diploması")
    choose_option(page, "#id_school-0-german_equivalent", "hauptschule")
    go_on_with_keyboard(page)

    # 4 Work and internships.
    on_step(page, "work")
    check_page(page, width)
    type_into(page, "#id_work-0-what", "Praktikum im Friseursalon")
    type_into(page, "#id_work-0-where", "Salon Schön, Hagen")
    type_into(page, "#id_work-0-from_year", "2024")
    press_enter_and_wait(page)

    # 5 Interests: Enter in a text area is a new line, not "send".
    on_step(page, "interests")
    check_page(page, width)
    type_into(page, "#id_likes", "Musik")
    page.keyboard.press("Enter")
    page.keyboard.type("Haare schneiden")
    type_into(page, "#id_skills", "Ich kann gut mit Menschen reden.")
    go_on_with_keyboard(page)

    # 6 Occupations: search the list, Tab lands on what was found.
    on_step(page, "occupations")
    check_page(page, width)
    listed = page.locator(".occupation-list li:visible")
    assert listed.count() > 200
    type_into(page, "#occupation-filter", "friseur")
    with pytest.raises(PlaywrightTimeoutError), page.expect_navigation(timeout=700):
        page.keyboard.press("Enter")  # in the search field: must not send the step
    on_step(page, "occupations")
    assert 1 <= listed.count() < 5
    tick(page, f'input[name=occupations][value="{occupations["hairdresser"].pk}"]')
    tab_to(page, "#occupation-filter", backwards=True)
    page.keyboard.press("Control+A")
    page.keyboard.type("koch")
    assert 2 <= listed.count() < 10  # what matches, and the occupation already ticked
    assert listed.filter(has=page.locator(":checked")).count() == 1
    tick(page, f'input[name=occupations][value="{occupations["cook"].pk}"]')
    check_page(page, width)
    go_on_with_keyboard(page)

    # 7 When I can start.
    on_step(page, "start")
    check_page(page, width)
    choose_radio(page, "when", "date")
    type_date(page, "#id_available_from", 1, 8, 2027)
    press_enter_and_wait(page)

    # 8 Photo: skipped.
    on_step(page, "photo")
    check_page(page, width)
    go_on_with_keyboard(page)

    # 9 Consent, then send.
    on_step(page, "consent")
    check_page(page, width)
    assert page.locator(".notice button[name=go_to]").count() == 0  # no step left open
    choose_radio(page, "consent_service_point", "yes")
    choose_radio(page, "consent_applications", "no")
    go_on_with_keyboard(page)

    assert heading(page) == in_language("de-x-ls", "Thank you")
    assert in_language("de-x-ls", "Your profile is sent.") in page.inner_text("main")
    check_page(page, width)

    profile = the_profile()
    assert profile.status == ProfileStatus.SUBMITTED
    assert profile.language == "de-x-ls"
    assert profile.consent_service_point is True and profile.consent_applications is False
    assert profile.completed_steps == list(STEPS)  # the skipped photo counts as answered
    assert profile.answers["about"] == {
        "given_names": "Ayşe",
        "family_name": "Yılmaz",
        "name_original": "",
        "birth_date": "2008-03-14",
        "phone": "0176 1234567",
        "email": "ayse@example.org",
        "street": "Elberfelder Str. 12",
        "postcode": "58095",
        "town": "Hagen",
    }
    assert sorted(profile.answers["languages"]["languages"]) == ["en", "tr"]
    assert profile.answers["languages"]["german"] == GERMAN_LEVELS
    assert profile.answers["school"]["entries"] == [
        {
            "country": "Türkei",
            "from_year": 2014,
            "to_year": 2022,
            "certificate": "Ortaokul diploması",
            "german_equivalent": "hauptschule",
        }
    ]
    assert profile.answers["work"]["entries"] == [
        {
            "what": "Praktikum im Friseursalon",
            "where": "Salon Schön, Hagen",
            "from_year": 2024,
            "to_year": None,
        }
    ]
    assert profile.answers["interests"]["likes"].splitlines() == ["Musik", "Haare schneiden"]
    assert profile.answers["interests"]["skills"] == "Ich kann gut mit Menschen reden."
    assert sorted(profile.answers["occupations"]["occupations"]) == sorted(
        [occupations["hairdresser"].pk, occupations["cook"].pk]
    )
    assert profile.answers["start"] == {"available_from": "2027-08-01"}
    assert not profile.photo


# Arabic -----------------------------------------------------------------------------------


def assert_right_to_left(page) -> None:
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"


def save_and_go_on(page) -> None:
    with page.expect_navigation():
        page.locator(".profile-actions button[value=next]").click()


def pdf_text(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    # Shaped Arabic may come back as presentation forms: back to the letters.
    return unicodedata.normalize("NFKC", text)


def test_arabic_right_to_left_and_the_pdf(page, live_site, hagen, occupations):
    page.goto(start_url(live_site, "ar"))
    assert_right_to_left(page)
    check_page(page)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()

    on_step(page, "about")
    assert_right_to_left(page)
    assert heading(page) == in_language("ar", "About me")
    check_page(page)
    page.fill("#id_given_names", "Mohammed")
    page.fill("#id_family_name", "Al-Hassan")
    page.fill("#id_name_original", ARABIC_NAME)
    page.fill("#id_birth_date", "2008-03-14")
    page.fill("#id_phone", "0176 7654321")
    save_and_go_on(page)

    on_step(page, "languages")
    assert_right_to_left(page)
    check_page(page)
    page.check('input[name=languages][value="ar"]')
    page.check('input[name=german_listening][value="A2"]')
    page.check('input[name=german_writing][value="A1"]')
    save_and_go_on(page)

    for step in ("school", "work", "interests"):
        on_step(page, step)
        assert_right_to_left(page)
        check_page(page)
        if step == "interests":
            page.fill("#id_likes", "كرة القدم")
        save_and_go_on(page)

    on_step(page, "occupations")
    assert_right_to_left(page)
    check_page(page)
    page.check(f'input[name=occupations][value="{occupations["mechatronics"].pk}"]')
    save_and_go_on(page)

    on_step(page, "start")
    check_page(page)
    page.check('input[name=when][value="now"]')
    save_and_go_on(page)
    on_step(page, "photo")
    check_page(page)
    save_and_go_on(page)

    on_step(page, "consent")
    assert_right_to_left(page)
    check_page(page)
    page.check('input[name=consent_service_point][value="yes"]')
    page.check('input[name=consent_applications][value="yes"]')
    save_and_go_on(page)

    assert heading(page) == in_language("ar", "Thank you")
    assert_right_to_left(page)
    check_page(page)
    profile = the_profile()
    assert profile.status == ProfileStatus.SUBMITTED and profile.language == "ar"
    assert profile.answers["about"]["name_original"] == ARABIC_NAME
    assert profile.answers["languages"]["german"]["listening"] == "A2"

    pdf_link = page.locator(f'main a[href$="{profile.token}/profile.pdf"]')
    assert pdf_link.inner_text().strip() == in_language("ar", "Download my profile (PDF)")
    with page.expect_download() as download_info:
        pdf_link.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as downloaded:
        text = pdf_text(downloaded.read())
    assert ARABIC_NAME in text
    assert "Mohammed" in text and "Al-Hassan" in text


# Interrupt and resume --------------------------------------------------------------------


def test_stop_after_two_steps_and_resume_in_another_browser(page, browser, live_site, hagen):
    page.goto(start_url(live_site, "en"))
    check_page(page)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    on_step(page, "about")
    page.fill("#id_given_names", "Olena")
    page.fill("#id_family_name", "Kovalenko")
    page.fill("#id_email", "olena@example.org")
    page.fill("#id_town", "Hagen")
    save_and_go_on(page)
    on_step(page, "languages")
    page.check('input[name=languages][value="uk"]')
    page.check('input[name=german_reading][value="B1"]')
    save_and_go_on(page)
    on_step(page, "school")
    resume = page.input_value("#resume-address")
    profile = the_profile()
    assert resume == live_site.url + reverse(
        "public_profiles:resume", args=["hagen", "en", profile.token]
    )
    assert profile.completed_steps == ["about", "languages"]
    page.goto("about:blank")

    # Later, on another device: only the link.
    context = browser.new_context(
        locale="uk-UA", timezone_id="Europe/Berlin", viewport={"width": 1280, "height": 800}
    )
    context.set_default_timeout(TIMEOUT_MS)
    try:
        again = context.new_page()
        errors = []
        again.on("pageerror", lambda error: errors.append(str(error)))
        again.goto(resume)
        on_step(again, "school")  # the first step not yet answered
        assert again.input_value("#resume-address") == resume
        check_page(again)

        with again.expect_navigation():
            again.locator(".profile-actions button[value=back]").click()
        on_step(again, "languages")
        assert again.is_checked('input[name=languages][value="uk"]')
        assert again.is_checked('input[name=german_reading][value="B1"]')
        assert not again.is_checked('input[name=german_writing][value="A1"]')
        check_page(again)

        with again.expect_navigation():
            again.locator('.profile-steps button[name=go_to][value="about"]').click()
        on_step(again, "about")
        assert again.input_value("#id_given_names") == "Olena"
        assert again.input_value("#id_family_name") == "Kovalenko"

        # Typed, not saved yet — then she switches to Ukrainian: nothing is lost.
        again.fill("#id_street", "Bergstraße 5")
        with again.expect_navigation():
            again.locator('.profile-languages button[name=switch_to][value="uk"]').click()
        assert again.url.endswith(f"/uk/{profile.token}/about/")
        assert again.locator("html").get_attribute("lang") == "uk"
        assert heading(again) == in_language("uk", "About me")
        assert again.input_value("#id_street") == "Bergstraße 5"
        assert again.input_value("#id_given_names") == "Olena"
        check_page(again)

        # In Turkish, an e-mail address without @: the message is announced, the input stays.
        again.fill("#id_email", "olena.example.org")
        again.fill("#id_phone", "0176 5555")
        with again.expect_navigation():
            again.locator('.profile-languages button[name=switch_to][value="tr"]').click()
        assert again.locator("html").get_attribute("lang") == "tr"
        assert_bad_email_is_announced(again, "tr", "olena.example.org")
        assert again.input_value("#id_phone") == "0176 5555"
        check_page(again)
        with again.expect_navigation():
            again.locator(".profile-actions button[value=next]").click()
        assert_bad_email_is_announced(again, "tr", "olena.example.org")
        check_page(again)

        again.fill("#id_email", "olena@example.org")
        save_and_go_on(again)
        on_step(again, "languages")
        assert not errors, errors
    finally:
        context.close()

    profile = the_profile()
    assert profile.language == "tr"
    assert profile.answers["about"]["street"] == "Bergstraße 5"
    assert profile.answers["about"]["email"] == "olena@example.org"
    assert profile.answers["about"]["phone"] == "0176 5555"


def assert_bad_email_is_announced(page, lang: str, typed: str) -> None:
    message = in_language(lang, "An e-mail address needs an @. Like this: name@example.org.")
    summary = page.locator("#error-summary")
    assert summary.get_attribute("role") == "alert"
    assert is_focused(page, "#error-summary")  # read out first
    assert message in summary.inner_text()
    field = page.locator("#id_email")
    assert field.input_value() == typed
    assert field.get_attribute("aria-invalid") == "true"
    described = (field.get_attribute("aria-describedby") or "").split()
    assert "id_email_error" in described
    assert page.locator("#id_email_error").inner_text().strip() == message
    # The link in the summary leads to the field.
    assert summary.locator('a[href="#id_email"]').count() == 1


# The counsellor takes it over ------------------------------------------------------------


def sent_profile(office, mechatronics) -> ApplicationProfile:
    with scopes_disabled():
        profile = services.start_profile(office, language="ar")
        answers = {
            "about": {
                "given_names": "Mohammed",
                "family_name": "Al-Hassan",
                "name_original": ARABIC_NAME,
                "birth_date": "2008-03-14",
                "phone": "0176 1234567",
                "email": "mohammed@example.org",
                "street": "Elberfelder Str. 1",
                "postcode": "58095",
                "town": "Hagen",
            },
            "languages": {"languages": ["ar"], "german": {"listening": "B1", "writing": "A2"}},
            "school": {"entries": []},
            "work": {"entries": []},
            "interests": {"likes": "Autos", "skills": ""},
            "occupations": {"occupations": [mechatronics.pk]},
            "start": {"available_from": ""},
        }
        for step, values in answers.items():
            profile = services.save_step(profile, step, values)
        return services.submit(profile, consent_service_point=True, consent_applications=False)


def test_the_counsellor_creates_a_person_from_a_sent_profile(
    page, live_site, hagen, hagen_counsellor, occupations
):
    profile = sent_profile(hagen, occupations["mechatronics"])
    known = PersonFactory(office=hagen, given_names="Muhammad", family_name="Al Hasan")

    login(page, live_site, "beratung.hagen")
    assert in_language("de", "New application profiles") in page.inner_text("main")
    detail_url = reverse("profiles:detail", args=[profile.pk])
    worklist_link = page.locator(f'main a[href="{detail_url}"]')
    assert worklist_link.inner_text().strip() == "Mohammed Al-Hassan"
    check_page_staff(page)

    with page.expect_navigation():
        worklist_link.click()
    check_page_staff(page)
    candidates = page.locator("table", has=page.locator(f'a[href="{known.get_absolute_url()}"]'))
    assert "Al Hasan, Muhammad" in candidates.inner_text()
    link_form = f'form[action="{reverse("profiles:link", args=[profile.pk, known.pk])}"]'
    assert page.locator(link_form).count() == 1

    with page.expect_navigation():
        page.locator(
            f'form[action="{reverse("profiles:import", args=[profile.pk])}"] button'
        ).click()

    with scopes_disabled():
        profile.refresh_from_db()
        person = profile.person
        assert person is not None and person.pk != known.pk
        assert Person.objects.count() == 2
        skills = {
            (skill.skill, skill.level, skill.source)
            for skill in LanguageSkill.objects.filter(person=person)
        }
    assert page.url == live_site.url + person.get_absolute_url()
    assert profile.status == ProfileStatus.IMPORTED and profile.case is not None
    assert skills == {
        ("listening", "B1", SkillSource.SELF_ASSESSMENT),
        ("writing", "A2", SkillSource.SELF_ASSESSMENT),
    }
    main = page.inner_text("main")
    self_assessment = in_language("de", "self-assessment")
    assert main.count(self_assessment) >= 2, main
    assert "B1" in main and "A2" in main
    check_page_staff(page)


def check_page_staff(page) -> None:
    assert_stylesheet_loaded(page)
    assert_no_axe_violations(page)


@pytest.mark.browser
def test_every_language_of_the_form_passes_axe(page_360, live_site, hagen, occupations):
    """Each of the seven languages: the welcome page, every step and an error message."""
    from lotse.profiles.forms import PROFILE_LANGUAGES

    with scopes_disabled():
        profile = services.start_profile(hagen)
    page = page_360
    for lang in PROFILE_LANGUAGES:
        page.goto(live_site.url + reverse("public_profiles:start", args=["hagen", lang]))
        assert page.locator("html").get_attribute("dir") == (
            "rtl" if lang in {"ar", "fa"} else "ltr"
        )
        assert_no_axe_violations(page)
        for step in STEPS:
            page.goto(
                live_site.url
                + reverse("public_profiles:step", args=["hagen", lang, profile.token, step])
            )
            assert_no_axe_violations(page)
        # A page with an error: the about step sent empty.
        page.goto(
            live_site.url
            + reverse("public_profiles:step", args=["hagen", lang, profile.token, "about"])
        )
        with page.expect_navigation():
            page.locator("#id_given_names").press("Enter")
        assert page.locator("[role=alert]").count() >= 1
        assert_no_axe_violations(page)
