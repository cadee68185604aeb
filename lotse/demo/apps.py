from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "lotse.demo"
    verbose_name = "Demo data"
