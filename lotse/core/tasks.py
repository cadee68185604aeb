"""Background tasks of the core app (Django's tasks framework, database backend).

A worker runs them: `lotse db_worker`.
"""

from django.core.management import call_command
from django.tasks import task


@task
def refresh_reference_data() -> str:
    """Re-load the shipped reference data, e.g. after an update of the package."""
    call_command("load-reference-data", verbosity=0)
    return "ok"
