from django.db import migrations


def load(apps, schema_editor):
    from lotse.core.geo import load_postcodes

    load_postcodes(apps.get_model("core", "Postcode"))


class Migration(migrations.Migration):
    dependencies = [("core", "0004_postcode")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
