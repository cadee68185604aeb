"""Two people ask for the last seat at the same moment: exactly one gets it.

Runs on whichever database the suite runs on (SQLite file with IMMEDIATE
transactions, or PostgreSQL with SELECT … FOR UPDATE); `make test` runs both.
The seat count is slowed down so that both requests are inside the critical
section together if nothing serialises them.
"""

import threading
import time

import pytest
from django.db import connection
from django_scopes import scope, scopes_disabled

from lotse.events import services
from lotse.events.models import Registration, RegistrationStatus
from lotse.factories import EventFactory, OfficeFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _race(event, names, *, action):
    barrier = threading.Barrier(len(names))
    errors = []

    def worker(name):
        try:
            with scope(office=[event.office_id], network=[event.office_id], guide=None):
                barrier.wait(timeout=10)
                action(name)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(name,)) for name in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors


@pytest.fixture
def slow_seat_count(monkeypatch):
    original = services.seats_taken

    def slow(event):
        taken = original(event)
        time.sleep(0.3)
        return taken

    monkeypatch.setattr(services, "seats_taken", slow)


def test_last_seat_goes_to_exactly_one_of_two(slow_seat_count):
    office = OfficeFactory(slug="race")
    event = EventFactory(office=office, capacity=1)

    _race(
        event,
        ["Amina", "Bashir"],
        action=lambda name: services.register(event, name=name, email=f"{name}@example.org"),
    )

    with scopes_disabled():
        statuses = sorted(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses == [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED]


def test_two_cancellations_move_up_two_people_once_each(slow_seat_count):
    office = OfficeFactory(slug="race2")
    event = EventFactory(office=office, capacity=2)
    with scope(office=[office.pk], network=[office.pk], guide=None):
        first = services.register(event, name="Erste")
        second = services.register(event, name="Zweite")
        waiting = [services.register(event, name=f"Wartend {i}") for i in range(3)]
    assert [r.status for r in waiting] == [RegistrationStatus.WAITLISTED] * 3

    registrations = {"Erste": first, "Zweite": second}
    _race(event, list(registrations), action=lambda name: services.cancel(registrations[name]))

    with scope(office=[office.pk], network=[office.pk], guide=None):
        confirmed = list(
            event.registrations.confirmed().order_by("registered_at").values_list("name", flat=True)
        )
    # The two who waited longest moved up, nobody twice, the seats are exactly full.
    assert confirmed == ["Wartend 0", "Wartend 1"]
