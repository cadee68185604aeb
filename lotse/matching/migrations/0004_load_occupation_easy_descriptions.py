from django.db import migrations


def load(apps, schema_editor):
    # 0002 loaded the occupations with a model that had no easy_description yet;
    # loading the shipped file again fills it (and changes nothing else).
    from lotse.matching.reference import load_occupations

    load_occupations(apps.get_model("matching", "Occupation"))


class Migration(migrations.Migration):
    dependencies = [("matching", "0003_occupation_easy_description")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
