from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeadsConfig(AppConfig):
    name = "ketenzicht.leads"
    verbose_name = _("Regisseur van het huishouden")

    def ready(self) -> None:
        """A professional whose account is deactivated hands the regie they carry to their
        teamleider (``leavers``), in the deactivation's transaction, or it is refused."""
        from ketenzicht.organisations.events import professional_deactivated

        from .leavers import regie_of_deactivated

        professional_deactivated.connect(regie_of_deactivated, dispatch_uid="leads-regie-of-deactivated")
