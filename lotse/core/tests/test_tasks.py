import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from lotse.core.models import Language
from lotse.core.tasks import refresh_reference_data


@pytest.mark.django_db(transaction=True)
def test_a_task_is_stored_and_run_by_the_worker():
    Language.objects.filter(code="ti").delete()
    result = refresh_reference_data.enqueue()
    assert DBTaskResult.objects.filter(id=result.id, status="READY").exists()
    call_command("db_worker", batch=True, no_startup_delay=True, interval=0, verbosity=0)
    assert DBTaskResult.objects.get(id=result.id).status == "SUCCESSFUL"
    assert Language.objects.filter(code="ti").exists()
