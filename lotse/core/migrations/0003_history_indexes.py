"""Indexes on django-auditlog's table for reading one record's history quickly.

auditlog indexes object_id and action on their own; the history of a record and
the deleted links of a record are looked up by content type together with them.
"""

from django.db import migrations

INDEXES = {
    "lotse_logentry_object": "(content_type_id, object_id)",
    "lotse_logentry_type_action": "(content_type_id, action)",
}


class Migration(migrations.Migration):
    dependencies = [("core", "0002_load_languages"), ("auditlog", "0017_add_actor_email")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {name} ON auditlog_logentry {columns}",
            f"DROP INDEX IF EXISTS {name}",
        )
        for name, columns in INDEXES.items()
    ]
