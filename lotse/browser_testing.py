"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Loaded as a pytest plugin from lotse/conftest.py. It gives tests

* `browser`: one Chromium for the whole test session (missing Chromium fails, never skips),
* `page`: a fresh browser context per test, German, 1280×800,
* `page_360`: the same on a 360 px wide phone,
* `live_site`: the live server with the reference data the migrations load,
* `login()`, `assert_no_axe_violations()` and `assert_stylesheet_loaded()`.

Mark browser tests with `@pytest.mark.browser`.
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.urls import reverse

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}
# The password lotse.factories.UserFactory gives every user.
TEST_PASSWORD = "lotse-test-password"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# A failing step should fail within seconds, not after Playwright's default 30 s.
TIMEOUT_MS = 10_000


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    # Keep each phase's report on the test, so `page` can tell whether the test failed.
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser() -> Iterator:
    if not CHROMIUM.exists():
        pytest.fail(
            f"Browser tests need Debian's Chromium at {CHROMIUM}: "
            "run `apt-get install chromium` (or `make test`, which installs it).",
            pytrace=False,
        )
    # Playwright's sync API runs an event loop in the test thread; Django's ORM would
    # refuse to run there (fixtures, the flush after each test) without this.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()

    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _open_page(browser, request, tmp_path, viewport) -> Iterator:
    context = browser.new_context(
        locale="de-DE", timezone_id="Europe/Berlin", viewport=viewport, service_workers="block"
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page_errors = []
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        # What the browser showed when the test failed, for whoever reads the CI log.
        page.screenshot(path=tmp_path / "failure.png", full_page=True)
        (tmp_path / "failure.html").write_text(page.content(), encoding="utf-8")
        print(f"Browser at {page.url}; screenshot and HTML in {tmp_path}")
    context.close()
    assert not page_errors, f"JavaScript errors on the page: {page_errors}"


@pytest.fixture
def page(browser, request, tmp_path) -> Iterator:
    """A new browser context per test: German, desktop size (1280×800)."""
    yield from _open_page(browser, request, tmp_path, DESKTOP)


@pytest.fixture
def page_360(browser, request, tmp_path) -> Iterator:
    """A new browser context per test: German, 360 px wide like a small phone."""
    yield from _open_page(browser, request, tmp_path, PHONE)


@pytest.fixture
def live_site(live_server):
    """The live server, with the languages and counselling topics the migrations load.

    A live-server test runs in a transactional database that is emptied after each
    test, which also removes the rows the migrations inserted; load them again.
    """
    from lotse.cases.reference import load_topics
    from lotse.core.reference import load_languages

    load_languages()
    load_topics()
    return live_server


def login(page, live_server, username: str, password: str = TEST_PASSWORD) -> None:
    """Log in through the real login form and land on the start page."""
    page.goto(live_server.url + reverse("accounts:login"))
    submit_login_form(page, username, password)


def submit_login_form(page, username: str, password: str = TEST_PASSWORD) -> None:
    """Fill in and send the login form already shown in PAGE; fail if it is shown again."""
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.locator("form:has(#id_password) [type=submit]").click()
    if page.locator("#id_password").count():
        summary = page.locator("#error-summary")
        problem = summary.inner_text() if summary.count() else page.title()
        pytest.fail(f"Login as {username!r} failed: {problem}", pytrace=False)


def assert_no_axe_violations(page, context: str | dict | None = None) -> None:
    """Run axe-core with the WCAG 2.1 A and AA rules; fail listing every violation."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(_axe_source())
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    results = page.evaluate(
        "([context, options]) => axe.run(context || document, options)", [context, options]
    )
    if results["violations"]:
        # Raised, not asserted: pytest would append the whole result list to the message.
        raise AssertionError(_describe_violations(page.url, results["violations"]))


def assert_stylesheet_loaded(page, href: str = "/static/lotse/lotse.css") -> None:
    """The page's stylesheet arrived and was parsed (not a 404 page or an empty file)."""
    loaded = page.evaluate(
        """href => [...document.styleSheets].some(
            sheet => sheet.href && new URL(sheet.href).pathname === href
                && sheet.cssRules.length > 0)""",
        href,
    )
    assert loaded, f"{href} did not load on {page.url}"


def _axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text("utf-8")


def _describe_violations(url: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} axe violation(s) (WCAG 2.1 A/AA) on {url}:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
            f" <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            # "Fix any of the following:\n  reason\n  reason" on one line
            heading, *reasons = (node.get("failureSummary") or "").splitlines() or [""]
            summary = "; ".join(reason.strip() for reason in reasons if reason.strip())
            lines.append(f"    {target}: {heading} {summary}")
            lines.append(f"      {node['html'][:200]}")
    return "\n".join(lines)
