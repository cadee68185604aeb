import pytest
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker):
    """The demo, seeded once for a module's tests and rolled back after the module.

    Each test still runs in its own transaction inside this one (the `db` fixture),
    so what a test changes — reseeding included — is undone before the next test.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        call_command("seed-demo", verbosity=0)
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)
