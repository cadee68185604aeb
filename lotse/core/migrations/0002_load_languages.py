from django.db import migrations


def load(apps, schema_editor):
    from lotse.core.reference import load_languages

    load_languages(apps.get_model("core", "Language"))


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
