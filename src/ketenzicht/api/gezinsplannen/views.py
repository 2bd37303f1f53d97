"""``GET /api/v1/huishoudens/{uuid}/plan``: the household plan for a plan member's organisation.

The plan is opened through ``plans.household_plan.open_plan``: audited per member of the
household (refused attempts too), and the same 404 problem+json for a missing household, a
household without a plan and every organisation that is no member of it — an organisation
involved with the family included (it may know who the regisseur is, ``/regie/zoeken``, not the
plan's content).
"""

from uuid import UUID

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from ketenzicht.leads.services import current_lead, lead_contact
from ketenzicht.plans.household_plan import holder_label, open_plan

from ..base import ClientDataView
from ..problems import ClientNotFound
from .serializers import GezinsplanSerializer


class HouseholdPlanView(ClientDataView):
    @extend_schema(
        operation_id="gezinsplanLezen",
        summary="Het gezinsplan van een huishouden",
        description=(
            "Het gezinsplan (1Gezin1Plan) met de vraag en visie van het gezin, krachten en netwerk, "
            "zorgen per leefgebied, doelen, acties (wie, wat, uiterlijk wanneer, gedaan, hulp "
            "gestart), veiligheidsafspraken, deelnemers met contactgegevens, de regisseur en de "
            "evaluatie. Alleen voor een organisatie die deelneemt aan het plan; voor elke andere "
            "organisatie — ook een die bij het gezin betrokken is — 404, precies als voor een "
            "onbekend huishouden. Elke inzage staat in de auditlog."
        ),
        responses={200: GezinsplanSerializer},
    )
    def get(self, request: Request, uuid: UUID) -> Response:
        plan = open_plan(self.professional, self.actor, uuid)
        if plan is None:
            raise ClientNotFound()
        actions = list(plan.actions.select_related("professional__user", "professional__organisation",
                                                   "organisation", "meeting"))
        for action in actions:
            action.holder = holder_label(action)
        lead = current_lead(plan.household)
        plan.concern_list = list(plan.concerns.all())
        plan.goal_list = list(plan.goals.select_related("member"))
        plan.action_list = actions
        plan.member_list = list(plan.members.filter(ended_at__isnull=True)
                                .select_related("organisation", "professional__user")
                                .order_by("added_at", "id"))
        plan.lead = lead_contact(lead) if lead else None
        return Response(GezinsplanSerializer(plan).data)
