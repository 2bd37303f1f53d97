from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "ketenzicht.organisations"
    verbose_name = _("Organisaties")

    def ready(self) -> None:
        """Every save that makes a professional's account inactive is announced (``accounts``)."""
        from django.db.models.signals import pre_save

        from .accounts import announce_deactivation

        pre_save.connect(announce_deactivation, sender=settings.AUTH_USER_MODEL,
                         dispatch_uid="organisations-announce-deactivation")
