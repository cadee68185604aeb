"""Named people for tests (see STYLE.md): who works where, and who must see nothing.

* `hagen_counsellor` and `hagen_colleague` (lead) work in Hagen,
* `osnabrueck_counsellor` works in Osnabrück and must get 404 on every Hagen record,
* `hagen_guide` is a volunteer guide of Hagen and sees no people records,
* `programme_user` reads figures across offices and sees no personal data.
"""

import pytest
from django_scopes import scope, scopes_disabled

from lotse.accounts.models import Office, Role
from lotse.factories import MembershipFactory, OfficeFactory, UserFactory

pytest_plugins = ["lotse.browser_testing"]


@pytest.fixture
def hagen(db) -> Office:
    return OfficeFactory(
        name="KAUSA Servicestelle Hagen", slug="hagen", town="Hagen", land=Office.Land.NW
    )


@pytest.fixture
def osnabrueck(db) -> Office:
    return OfficeFactory(
        name="KAUSA Servicestelle Osnabrück",
        slug="osnabrueck",
        town="Osnabrück",
        land=Office.Land.NI,
    )


def _member(username, office, role, **extra):
    user = UserFactory(username=username, first_name=extra.pop("first_name", ""), **extra)
    MembershipFactory(user=user, office=office, role=role)
    return user


@pytest.fixture
def hagen_counsellor(hagen):
    return _member("beratung.hagen", hagen, Role.COUNSELLOR, first_name="Selin")


@pytest.fixture
def hagen_colleague(hagen):
    return _member("leitung.hagen", hagen, Role.LEAD, first_name="Simone")


@pytest.fixture
def osnabrueck_counsellor(osnabrueck):
    return _member("beratung.osnabrueck", osnabrueck, Role.COUNSELLOR, first_name="Jana")


@pytest.fixture
def hagen_guide(hagen):
    return _member("lotse.hagen", hagen, Role.GUIDE, first_name="Hamid")


@pytest.fixture
def programme_user(hagen, osnabrueck):
    user = _member("programm", hagen, Role.PROGRAMME)
    MembershipFactory(user=user, office=osnabrueck, role=Role.PROGRAMME)
    return user


@pytest.fixture
def in_hagen(hagen):
    """Run a block of test code inside Hagen's office scope."""
    return scope(office=[hagen.pk], network=[hagen.pk], guide=None)


@pytest.fixture
def no_scope():
    return scopes_disabled()
