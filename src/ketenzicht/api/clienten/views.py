"""Endpoints for adult care's own systems: registering a client and ending the relation.

Every rule is the domain's (``ketenzicht.signals.clients``): a view parses the JSON, calls the
service with the responsible professional and the NEN 7513 actor, and turns a refusal into a
problem. Registering is idempotent by nature (a second time answers 200 with the same person),
so an ``Idempotency-Key`` is welcome but not required; ending is a POST on the relation, as the
verwijsindex ends a registration.
"""

from uuid import UUID

from django.urls import reverse
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from ketenzicht.refusals import Refused
from ketenzicht.signals.clients import NOT_A_CLIENT, end_client, register_client

from ..base import ClientDataView
from ..idempotency import idempotent
from ..problems import PROBLEM_CONTENT_TYPE, ClientNotFound
from ..refusals import refusal_problem
from ..schema import FoutSerializer
from .serializers import ClientSerializer, ClientVerzoekSerializer


def _refused(status_code: int, description: str) -> dict:
    return {(status_code, PROBLEM_CONTENT_TYPE): OpenApiResponse(FoutSerializer,
                                                                 description=description)}


def _answer(person, organisation_slug: str) -> dict:
    data = ClientSerializer(person).data
    data["organisatie"] = organisation_slug
    return data


class ClientsView(ClientDataView):
    @extend_schema(
        operation_id="clientInschrijven",
        summary="Een volwassene inschrijven als cliënt (voor de kindcheck)",
        description=(
            "De volwassenenzorg (volwassen-GGZ, verslavingszorg, ziekenhuis, schuldhulp) schrijft "
            "bij de intake een volwassene in als cliënt. Dat geeft de organisatie de grondslag "
            "op de cliënt en diens huishouden, zodat de kindcheck kan worden gedaan. Een persoon "
            "die Ketenzicht nog niet kent, wordt met het huishouden opgevraagd bij de "
            "basisregistratie personen. 201 bij een nieuwe cliënt, 200 als de persoon al cliënt "
            "was (er verandert niets). Het inschrijven staat in de auditlog. Weigeringen: 400 "
            "(ongeldig BSN, onbekend in de BRP, jonger dan 18, overleden), 403 (het "
            "organisatietype doet geen kindcheck, of de professional werkt niet met cliënten), "
            "503 (BRP niet bereikbaar)."
        ),
        request=ClientVerzoekSerializer,
        responses={
            201: ClientSerializer,
            200: OpenApiResponse(ClientSerializer, description="Was al cliënt."),
            **_refused(403, "Dit organisatietype schrijft geen cliënten in."),
            **_refused(503, "BRP niet bereikbaar."),
        },
        examples=[OpenApiExample("Inschrijving", value={"bsn": "999990068"}, request_only=True)],
    )
    @idempotent(required=False)
    def post(self, request: Request) -> Response:
        query = ClientVerzoekSerializer(data=request.data)
        query.is_valid(raise_exception=True)
        try:
            registration = register_client(self.professional, self.actor,
                                           query.validated_data["bsn"])
        except Refused as refusal:
            raise refusal_problem(refusal) from None
        person = registration.person
        return Response(
            _answer(person, self.professional.organisation.slug),
            status=status.HTTP_201_CREATED if registration.created else status.HTTP_200_OK,
            headers={"Location": reverse("api:persoon", kwargs={"uuid": person.uuid})},
        )


class EndClientView(ClientDataView):
    @extend_schema(
        operation_id="clientrelatieBeeindigen",
        summary="De cliëntrelatie beëindigen",
        description=(
            "Beëindigt de grondslag van de organisatie op de cliënt: daarna ziet de organisatie "
            "de persoon en het huishouden niet meer. 204 zonder inhoud. 404 als de persoon geen "
            "cliënt (meer) is van de organisatie, net als voor een persoon die niet bestaat; 403 "
            "voor een organisatietype dat geen cliënten inschrijft. Staat in de auditlog."
        ),
        request=None,
        responses={
            204: OpenApiResponse(description="Cliëntrelatie beëindigd."),
            **_refused(403, "Dit organisatietype schrijft geen cliënten in."),
        },
    )
    @idempotent(required=False)
    def post(self, request: Request, uuid: UUID) -> Response:
        try:
            end_client(self.professional, self.actor, uuid)
        except Refused as refusal:
            if refusal.code == NOT_A_CLIENT:  # the refused attempt's audit event is kept
                raise ClientNotFound() from None
            raise refusal_problem(refusal) from None
        return Response(status=status.HTTP_204_NO_CONTENT)
