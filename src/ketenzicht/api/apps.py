from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "ketenzicht.api"
    verbose_name = "API"

    def ready(self) -> None:
        # Registers the OpenAPI extension for token authentication.
        from . import schema  # noqa: F401
