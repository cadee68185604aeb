from django.db import migrations


def load(apps, schema_editor):
    from lotse.matching.reference import load_occupations

    load_occupations(apps.get_model("matching", "Occupation"))


class Migration(migrations.Migration):
    dependencies = [("matching", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
