from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "ketenzicht.plans"
    verbose_name = _("Duiden en plan")

    def ready(self) -> None:
        """A route accepted or a match taken up arrives at the team's case of the household; a
        route released closes a case that only routes kept; a professional whose account is
        deactivated gives their open cases back to the teamleider."""
        from ketenzicht.organisations.events import professional_deactivated
        from ketenzicht.signals.events import route_accepted, route_released
        from ketenzicht.verwijsindex.events import match_taken_up

        from .receivers import (
            close_case_for_released_route,
            open_case_for_match,
            open_case_for_route,
            return_cases_of_deactivated,
        )

        route_accepted.connect(open_case_for_route, dispatch_uid="plans-case-for-route")
        route_released.connect(close_case_for_released_route, dispatch_uid="plans-close-for-route")
        match_taken_up.connect(open_case_for_match, dispatch_uid="plans-case-for-match")
        professional_deactivated.connect(return_cases_of_deactivated,
                                         dispatch_uid="plans-cases-of-deactivated")
        # Their open plan actions and plan memberships pass to their organisation (``leavers``).
        from .leavers import plan_work_of_deactivated

        professional_deactivated.connect(plan_work_of_deactivated,
                                         dispatch_uid="plans-plan-work-of-deactivated")

        # An open household plan keeps its regisseur; its members hear of a new one.
        from ketenzicht.leads import hooks

        from .household_plan import (
            needs_regisseur,
            plan_professionals,
            regisseur_candidates,
            regisseur_started,
        )

        hooks.register_need(needs_regisseur)
        hooks.register_involvement(plan_professionals)
        # Who is offered as regisseur (the plan's members, the municipality's case-holding teams),
        # and the new regisseur's organisation takes part in the plan once a change is accepted.
        hooks.register_candidates(regisseur_candidates)
        hooks.register_lead_started(regisseur_started)
