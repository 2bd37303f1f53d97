from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "ketenzicht.api"
    verbose_name = "api"
