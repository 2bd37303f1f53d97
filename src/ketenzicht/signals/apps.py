from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignalsConfig(AppConfig):
    name = "ketenzicht.signals"
    verbose_name = _("Signalen en meldcode")

    def ready(self) -> None:
        """Tell ``leads`` that a signal's organisation is involved with the household of the
        person it is about: it may know the regisseur (it still opens no person file)."""
        from ketenzicht.leads import hooks

        from .access import signalling_organisation_ids

        hooks.register_organisation_involvement(signalling_organisation_ids)
