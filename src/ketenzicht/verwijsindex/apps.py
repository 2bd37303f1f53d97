from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VerwijsindexConfig(AppConfig):
    name = "ketenzicht.verwijsindex"
    verbose_name = _("Verwijsindex")

    def ready(self) -> None:
        """Follow moves as they happen; ``people`` sends the signal without knowing who listens.
        Tell ``leads`` who is personally involved with a household (the registrants), so they
        hear of a new regisseur."""
        from ketenzicht.leads import hooks
        from ketenzicht.people.events import person_moved

        from .match_actions import registrants_of_household
        from .moves import on_person_moved

        person_moved.connect(on_person_moved, dispatch_uid="verwijsindex-follow-moves")
        hooks.register_involvement(registrants_of_household)
