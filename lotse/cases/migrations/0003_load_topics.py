from django.db import migrations


def load(apps, schema_editor):
    from lotse.cases.reference import load_topics

    load_topics(apps.get_model("cases", "Topic"))


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
