"""Background tasks of the events app (run by `lotse db_worker`)."""

from django.tasks import task
from django_scopes import scopes_disabled

from . import services
from .models import Registration


@task
def send_reminder(registration_id: int) -> str:
    """Remind a guest the day before. Queued at registration for that moment.

    If the event was moved later the task queues itself again for the new day;
    a cancelled registration or a moved-up event is skipped.
    """
    with scopes_disabled():
        registration = (
            Registration.objects.select_related("event").filter(pk=registration_id).first()
        )
        if registration is None:
            return "gone"
        result = services.send_reminder(registration)
        if result.reason == "too early":
            remind_at = registration.event.starts_at - services.REMINDER_BEFORE
            send_reminder.using(run_after=remind_at).enqueue(registration_id)
            return "queued again"
    return "sent" if result.sent else result.reason
