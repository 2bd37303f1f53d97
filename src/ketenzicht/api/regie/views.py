"""Who is the household's regisseur, for an involved organisation's own system.

POST so that the BSN travels in the body, never in a URL. Every look-up is audited (the refused
ones too, without the BSN); an organisation without a basis on any member of the household gets
the same 404 as for a BSN nobody has.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from ketenzicht.leads.lookup import find_lead_by_bsn
from ketenzicht.leads.services import lead_contact

from ..base import ClientDataView
from ..problems import ClientNotFound
from ..serializers import BsnZoekvraagSerializer
from .serializers import RegieSerializer

ANSWER_EXAMPLE = {
    "huishouden": "6f1c2a8e-3d55-4a5b-9a0e-2f0c9d7b1e42",
    "regisseur": {"naam": "Ilse Kuipers", "organisatie": "cjg-de-monden",
                  "telefoon": "0591 685 000", "email": "i.kuipers@cjg-demonden.example"},
    "oudersVoerenRegie": False,
    "sinds": "2026-11-25",
}


class LeadSearchView(ClientDataView):
    @extend_schema(
        operation_id="regieZoeken",
        summary="Regisseur van het huishouden zoeken op BSN",
        description=(
            "Wie de regisseur is van het huidige huishouden van de persoon en hoe die te bereiken "
            "is (één huishouden, één plan, één regisseur). Alleen voor een organisatie met een "
            "grondslag op een lid van het huishouden (een signaal, route, registratie of match in "
            "de verwijsindex, casus, plan of cliëntrelatie); anders 404, precies als voor een "
            "onbekend BSN. Voeren de ouders zelf regie, dan is `regisseur` de achtervang. Elke "
            "zoekvraag staat in de auditlog, zonder het BSN."
        ),
        request=BsnZoekvraagSerializer,
        responses={200: RegieSerializer},
        examples=[OpenApiExample("Zoekvraag", value={"bsn": "999990019"}, request_only=True),
                  OpenApiExample("Antwoord", value=ANSWER_EXAMPLE, response_only=True)],
    )
    def post(self, request: Request) -> Response:
        query = BsnZoekvraagSerializer(data=request.data)
        query.is_valid(raise_exception=True)
        try:
            found = find_lead_by_bsn(self.professional, self.actor, query.validated_data["bsn"])
        except DjangoValidationError as error:
            raise ValidationError({"bsn": [ErrorDetail(str(message), code=error.code or "invalid")
                                           for message in error.messages]}) from None
        if found is None:
            raise ClientNotFound()
        contact = lead_contact(found.lead) if found.lead is not None else None
        return Response(RegieSerializer({
            "huishouden": found.household.uuid,
            "regisseur": {"naam": contact.name, "organisatie": contact.organisation_slug,
                          "telefoon": contact.phone, "email": contact.email} if contact else None,
            "oudersVoerenRegie": bool(contact and contact.parents_keep_regie),
            "sinds": contact.since if contact else None,
        }).data)

