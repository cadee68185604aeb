import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("cases", "0003_load_topics")]

    operations = [
        migrations.AddField(
            model_name="outcome",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, default=django.utils.timezone.now),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="referral",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, default=django.utils.timezone.now),
            preserve_default=False,
        ),
    ]
