import pytest
from django.conf import settings
from django.urls import reverse

from lotse.factories import MembershipFactory, PersonFactory

PASSWORD = "lotse-test-password"


def _login(client, username, password=PASSWORD):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_login_with_user_name_or_email(client, hagen_counsellor):
    assert _login(client, "beratung.hagen").status_code == 302
    client.post(reverse("accounts:logout"))
    assert _login(client, "BERATUNG.HAGEN@example.org").status_code == 302
    assert client.get(reverse("core:home")).status_code == 200


def test_a_wrong_password_explains_and_keeps_the_user_name(client, hagen_counsellor):
    response = _login(client, "beratung.hagen", "wrong")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="beratung.hagen"' in page
    assert "error-summary" in page


def test_repeated_failures_lock_the_login(client, hagen_counsellor):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "beratung.hagen", "wrong")
    locked = _login(client, "beratung.hagen")  # even the right password is refused now
    assert locked.status_code == 429
    assert client.get(reverse("core:home")).status_code == 302


def test_sessions_expire_after_inactivity_and_activity_extends_them(client, hagen_counsellor):
    from django.contrib.sessions.models import Session

    from lotse.accounts.middleware import SessionActivityMiddleware

    assert settings.SESSION_COOKIE_AGE == 60 * 60
    _login(client, "beratung.hagen")
    client.get(reverse("core:home"))  # the first request after logging in notes the time
    key = client.session.session_key
    first_expiry = Session.objects.get(session_key=key).expire_date
    client.get(reverse("core:home"))
    # Within the refresh interval nothing is written ...
    assert Session.objects.get(session_key=key).expire_date == first_expiry
    session = client.session
    session[SessionActivityMiddleware.KEY] -= SessionActivityMiddleware.REFRESH_SECONDS
    session.save()
    saved_expiry = Session.objects.get(session_key=key).expire_date
    client.get(reverse("core:home"))
    # ... after it, the next request pushes the expiry forward.
    assert Session.objects.get(session_key=key).expire_date > saved_expiry
    # An expired session means logging in again.
    Session.objects.filter(session_key=key).update(expire_date=first_expiry.replace(year=2000))
    assert client.get(reverse("core:home")).status_code == 302


def test_passwords_are_hashed_with_argon2_in_production():
    from lotse import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_switching_office_changes_what_is_seen(client, hagen, osnabrueck, hagen_counsellor):
    MembershipFactory(user=hagen_counsellor, office=osnabrueck)
    PersonFactory(office=hagen, family_name="Hagener")
    PersonFactory(office=osnabrueck, family_name="Osnabrücker")
    client.force_login(hagen_counsellor)
    page = client.get(reverse("people:list")).content.decode()
    assert "Hagener" in page and "Osnabrücker" not in page
    client.post(reverse("accounts:switch_office"), {"office": osnabrueck.pk})
    page = client.get(reverse("people:list")).content.decode()
    assert "Osnabrücker" in page and "Hagener" not in page


def test_one_cannot_switch_into_a_foreign_office(client, hagen, osnabrueck, hagen_counsellor):
    PersonFactory(office=hagen, family_name="Hagener")
    client.force_login(hagen_counsellor)
    client.post(reverse("accounts:switch_office"), {"office": osnabrueck.pk})
    assert "Hagener" in client.get(reverse("people:list")).content.decode()


@pytest.mark.parametrize(
    ("who", "expected"),
    [("hagen_guide", "volunteer guide"), ("programme_user", "aggregated")],
)
def test_home_tells_each_role_what_it_can_do(client, who, expected, request, hagen):
    PersonFactory(office=hagen, family_name="Özdemir")
    client.force_login(request.getfixturevalue(who))
    page = client.get(reverse("core:home"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert expected in page
    assert "Özdemir" not in page
    assert reverse("people:list") not in page


def test_create_api_token_command(hagen_counsellor, capsys):
    from django.core.management import call_command

    call_command("create-api-token", "beratung.hagen", office="hagen")
    key = capsys.readouterr().out.strip()
    assert key.startswith("lotse_")
