"""Seats, waiting list, cancellation, attendance and reminders (services)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from lotse.events import services
from lotse.events.models import Registration, RegistrationSource, RegistrationStatus
from lotse.events.tasks import send_reminder
from lotse.factories import EventFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English (msgids), whatever the default language."""
    with translation.override("en"):
        yield


CONFIRMED = RegistrationStatus.CONFIRMED
WAITLISTED = RegistrationStatus.WAITLISTED


@pytest.fixture
def event(hagen):
    return EventFactory(office=hagen, capacity=3)


def test_seats_are_confirmed_until_full_then_waiting_list(event, in_hagen):
    with in_hagen:
        family = services.register(event, name="Familie Haile", companions=2)
        late = services.register(event, name="Samir")
        assert family.status == CONFIRMED
        assert late.status == WAITLISTED
        assert services.seats_free(event) == 0


def test_cancel_moves_up_in_order_and_skips_a_group_that_does_not_fit(event, in_hagen):
    with in_hagen:
        first = services.register(event, name="Erste", companions=1)
        services.register(event, name="Zweite")
        big = services.register(event, name="Große Familie", companions=3)
        single = services.register(event, name="Einzeln")
        assert [big.status, single.status] == [WAITLISTED, WAITLISTED]

        promoted = services.cancel(first)

        # Two seats freed: the family of four does not fit, the single person does.
        assert [r.name for r in promoted] == ["Einzeln"]
        big.refresh_from_db()
        assert big.status == WAITLISTED
        assert services.seats_free(event) == 1
        # Cancelling again changes nothing.
        assert services.cancel(first) == []


def test_larger_capacity_moves_waiting_people_up(event, in_hagen):
    from django import forms

    class CapacityForm(forms.ModelForm):
        class Meta:
            model = type(event)
            fields = ["capacity"]

    with in_hagen:
        services.register(event, name="A", companions=2)
        waiting = services.register(event, name="B")
        form = CapacityForm({"capacity": 4}, instance=event)
        assert form.is_valid()
        services.save_event(form)
        waiting.refresh_from_db()
        assert waiting.status == CONFIRMED


def test_registration_closed_or_started_is_refused_for_the_public(event, in_hagen):
    with in_hagen:
        event.registration_open = False
        event.save()
        with pytest.raises(ValidationError, match="closed"):
            services.register(event, name="Ayla")
        # Staff may still add someone (e.g. a walk-in).
        added = services.register(event, name="Ayla", source=RegistrationSource.STAFF)
        assert added.status == CONFIRMED

        event.registration_open = True
        event.starts_at = timezone.now() - datetime.timedelta(hours=1)
        event.save()
        with pytest.raises(ValidationError, match="started"):
            services.register(event, name="Bora")


def test_a_person_is_registered_once(event, hagen, in_hagen):
    person = PersonFactory(office=hagen)
    with in_hagen:
        services.register(event, name=person.full_name, person=person, source="staff")
        with pytest.raises(ValidationError):
            services.register(event, name=person.full_name, person=person, source="staff")
        assert Registration.objects.filter(person=person).count() == 1


def test_same_name_and_email_twice_is_refused_with_a_hint(event, in_hagen):
    with in_hagen:
        services.register(event, name="Olena K", email="olena@example.org")
        with pytest.raises(ValidationError, match="already registered"):
            services.register(event, name="olena k", email="OLENA@example.org")


def test_walk_in_is_registered_and_present(event, hagen_counsellor, in_hagen):
    with in_hagen:
        for i in range(3):
            services.register(event, name=f"Gast {i}")
        walk_in = services.add_walk_in(event, name="Spontan", user=hagen_counsellor)
        assert walk_in.attended
        assert walk_in.checked_in_by == hagen_counsellor
        services.undo_check_in(walk_in)
        walk_in.refresh_from_db()
        assert not walk_in.attended


def test_registration_queues_a_reminder_for_the_day_before(
    event, in_hagen, django_capture_on_commit_callbacks
):
    with in_hagen, django_capture_on_commit_callbacks(execute=True):
        registration = services.register(event, name="Hamid", email="hamid@example.org")
    queued = DBTaskResult.objects.get(args_kwargs__args=[registration.pk])
    assert queued.task_path == "lotse.events.tasks.send_reminder"
    assert queued.run_after == event.starts_at - services.REMINDER_BEFORE


def test_reminder_is_sent_once_the_day_before_only(
    event, in_hagen, mailoutbox, django_capture_on_commit_callbacks
):
    day_before = event.starts_at - datetime.timedelta(hours=20)
    week_before = event.starts_at - datetime.timedelta(days=7)
    with in_hagen:
        registration = services.register(event, name="Hamid", email="hamid@example.org")
        with django_capture_on_commit_callbacks(execute=True):
            assert services.send_reminder(registration, now=week_before).reason == "too early"
            assert services.send_reminder(registration, now=day_before).sent
            assert services.send_reminder(registration, now=day_before).reason == "already sent"
    assert [mail.to for mail in mailoutbox] == [["hamid@example.org"]]
    assert mailoutbox[0].attachments[0].mimetype == "text/calendar"


def test_reminder_task_skips_cancelled_registrations(event, in_hagen, mailoutbox):
    with in_hagen:
        registration = services.register(event, name="Hamid", email="hamid@example.org")
        services.cancel(registration)
    event.starts_at = timezone.now() + datetime.timedelta(hours=12)
    event.save()
    mailoutbox.clear()
    assert send_reminder.call(registration.pk) == "not confirmed"
    assert mailoutbox == []


def test_reminder_task_requeues_itself_when_the_event_moved_later(event, in_hagen):
    with in_hagen:
        registration = services.register(event, name="Hamid", email="hamid@example.org")
    DBTaskResult.objects.all().delete()
    assert send_reminder.call(registration.pk) == "queued again"
    queued = DBTaskResult.objects.get()
    assert queued.run_after == event.starts_at - services.REMINDER_BEFORE


def test_due_reminders_lists_tomorrows_confirmed_guests(hagen, in_hagen):
    tomorrow = EventFactory(office=hagen, starts_at=timezone.now() + datetime.timedelta(hours=20))
    later = EventFactory(office=hagen, starts_at=timezone.now() + datetime.timedelta(days=5))
    with in_hagen:
        due = services.register(tomorrow, name="Ja", email="ja@example.org")
        services.register(tomorrow, name="Ohne Mail")
        services.register(later, name="Später", email="spaeter@example.org")
        assert list(services.due_reminders()) == [due]
