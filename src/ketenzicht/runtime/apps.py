from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RuntimeConfig(AppConfig):
    name = "ketenzicht.runtime"
    verbose_name = _("Uitvoering")

    def ready(self) -> None:
        from . import checks  # noqa: F401 (registers the deployment checks)
