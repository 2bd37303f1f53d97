"""Endpoints for signals (zorgsignalen) for organisations' systems.

Every rule is the domain's (``ketenzicht.signals``): a view parses the JSON, calls the service
with the responsible professional and the NEN 7513 actor, and turns a refusal into a problem.
The BSN travels only in POST bodies, which is why even the routing advice, which stores nothing,
is a POST. Recording a signal is a write with an ``Idempotency-Key``.
"""

from dataclasses import replace
from typing import Any
from uuid import UUID

from django.db.models import prefetch_related_objects
from django.urls import reverse
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from ketenzicht.refusals import Refused
from ketenzicht.signals.access import open_signal
from ketenzicht.signals.feedback import feedback_for
from ketenzicht.signals.models import Source
from ketenzicht.signals.services import (
    SignalRequest,
    StatementData,
    advise_route,
    proposal_for,
    record_signal,
)

from ..base import ClientDataView
from ..idempotency import idempotent
from ..problems import PROBLEM_CONTENT_TYPE, ClientNotFound
from ..refusals import refusal_problem
from ..schema import FoutSerializer
from .serializers import (
    RouteringsadviesSerializer,
    RouteringsadviesVerzoekSerializer,
    SignaalAangemaaktSerializer,
    SignaalSerializer,
    SignaalVerzoekSerializer,
)

ADVICE_EXAMPLE = {
    "bsn": "999990019",
    "categorieen": ["emotionele-verwaarlozing", "schoolverzuim"],
    "urgentie": "regulier",
    "tijdstip": "2026-11-25T10:00:00+01:00",
}
SIGNAL_EXAMPLE = {
    **ADVICE_EXAMPLE,
    "waarneming": "Daan komt al een week zonder jas en zonder ontbijt op school en valt in slaap "
                  "in de klas.",
    "uitsprakenVanAnderen": [{"bron": "Emma, zus van Daan",
                              "inhoud": "Mama is 's ochtends vaak nog in bed."}],
    "waargenomenOp": "2026-11-24T08:45:00+01:00",
}
ROUTE_EXAMPLE = {
    "organisatie": "cjg-de-monden", "soort": "signaal",
    "reden": "Het CJG-Jeugdteam van de gebiedsregio waar de jeugdige woont (niet die van de "
             "school).",
    "regel": "woonplaats-jeugdige",
}
CRISIS_EXAMPLE = {
    "organisatie": "spoed4jeugd", "soort": "crisis",
    "reden": "Crisis buiten kantoortijd: de crisisdienst. Die draagt over aan het CJG-Jeugdteam "
             "van de gebiedsregio waar de jeugdige woont, uiterlijk de volgende werkdag om 12:00.",
    "regel": "crisis-buiten-kantoortijd",
    "overdrachtNaar": "cjg-de-monden", "overdrachtUiterlijk": "2026-11-30T12:00:00+01:00",
}
REFUSALS = (
    "Weigeringen: 400 (ongeldig BSN, onbekende persoon, geen of een onbekende categorie, "
    "onbekende urgentie, tijdstip zonder tijdzone, geen loket voor de woonplaats), 403 (de "
    "professional werkt niet met cliënten), 503 (routering voor de gemeente niet ingesteld)."
)
#: Domain field names that the API spells otherwise.
API_FIELDS = {"uitspraken": "uitsprakenVanAnderen"}


def unavailable() -> dict:
    answer = OpenApiResponse(FoutSerializer, description="Niet beschikbaar.")
    return {(503, PROBLEM_CONTENT_TYPE): answer}


def signal_location(signal_uuid: UUID | str) -> str:
    return reverse("api:signaal", kwargs={"uuid": signal_uuid})


def in_api_terms(refusal: Refused, observed_field: str) -> Refused:
    """The refusal with the field named as the request named it."""
    head, dot, rest = refusal.field.partition(".")
    field = API_FIELDS.get(head, head) + dot + rest
    if field == "tijdstip":
        field = observed_field
    return replace(refusal, field=field)


class RoutingAdviceView(ClientDataView):
    """Asks, stores nothing. POST only so that the BSN stays out of the URL; safe to repeat, so
    it takes no ``Idempotency-Key``."""

    @extend_schema(
        operation_id="routeringsadviesVragen",
        summary="Routeringsadvies: naar welk loket gaat dit signaal?",
        description=(
            "Het loket dat Ketenzicht voorstelt voor deze persoon, zorg en urgentie op het "
            "gegeven tijdstip, vanuit de organisatie van de verantwoordelijke professional (zorg "
            "over een kind vanuit de politie wordt bijvoorbeeld een melding bij Veilig Thuis, en "
            "een signaal van vrijwilligers gaat naar het sociaal gebiedsteam, behalve acuut geweld "
            "en een crisis). "
            "Slaat niets op; het opzoeken van de persoon staat wel in de auditlog (zonder BSN). "
            "Bij een crisis buiten kantoortijd ook naar wie de crisisdienst overdraagt en "
            "uiterlijk wanneer. " + REFUSALS
        ),
        request=RouteringsadviesVerzoekSerializer,
        responses={200: RouteringsadviesSerializer, **unavailable()},
        examples=[
            OpenApiExample("Vraag", value=ADVICE_EXAMPLE, request_only=True),
            OpenApiExample("Advies", value={"route": ROUTE_EXAMPLE}, response_only=True),
            OpenApiExample("Crisis in het weekend", value={"route": CRISIS_EXAMPLE},
                           response_only=True),
        ],
    )
    def post(self, request: Request) -> Response:
        query = RouteringsadviesVerzoekSerializer(data=request.data)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        try:
            proposal = advise_route(self.professional, self.actor, data["bsn"],
                                    tuple(data["categorieen"]), data["urgentie"], data["tijdstip"])
        except Refused as refusal:
            raise refusal_problem(refusal) from None
        return Response(RouteringsadviesSerializer(proposal).data)


def signal_request(data: dict[str, Any]) -> SignalRequest:
    """The domain's request from a validated ``SignaalVerzoekSerializer``."""
    return SignalRequest(
        bsn=data["bsn"], categories=tuple(data["categorieen"]), urgency=data["urgentie"],
        facts=data["waarneming"], observed_at=data.get("waargenomenOp") or data.get("tijdstip"),
        statements=tuple(StatementData(source=s["bron"], content=s["inhoud"])
                         for s in data.get("uitsprakenVanAnderen", [])),
        source=Source.API,
    )


class SignalsView(ClientDataView):
    @extend_schema(
        operation_id="signaalVastleggen",
        summary="Een zorgsignaal vastleggen",
        description=(
            "Legt de zorg vast en start de meldcode: de waarneming (feiten) en wat anderen "
            "zeiden (met bron) zijn samen stap 1. Een persoon die nog niet in Ketenzicht staat, "
            "wordt met het huishouden opgezocht in de basisregistratie personen. Het antwoord "
            "geeft het voorgestelde loket, voor het moment van vastleggen (de klok van "
            "Ketenzicht); delen met het loket gebeurt daarna in de meldcode. " + REFUSALS +
            " Ook 400 zonder waarneming, bij een uitspraak zonder bron of een waarneming in de "
            "toekomst."
        ),
        request=SignaalVerzoekSerializer,
        responses={201: SignaalAangemaaktSerializer, **unavailable()},
        parameters=[OpenApiParameter(
            "Location", str, OpenApiParameter.HEADER, response=[201],
            description="URL van het vastgelegde signaal.",
        )],
        examples=[
            OpenApiExample("Signaal", value=SIGNAL_EXAMPLE, request_only=True),
            OpenApiExample("Vastgelegd", response_only=True, status_codes=["201"], value={
                "uuid": "5b0e7c1e-2f4a-4d43-9a0e-3c8f1d2b6a71",
                "persoon": "0f6a1c2d-8e3b-4b5a-9c7d-1e2f3a4b5c6d",
                "status": "open", "route": ROUTE_EXAMPLE,
            }),
        ],
    )
    @idempotent
    def post(self, request: Request) -> Response:
        query = SignaalVerzoekSerializer(data=request.data)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        try:
            signal = record_signal(self.professional, self.actor, signal_request(data))
        except Refused as refusal:
            observed = "waargenomenOp" if "waargenomenOp" in data else "tijdstip"
            raise refusal_problem(in_api_terms(refusal, observed)) from None
        # The proposal again, for the answer's handover and alternatives: the same facts at the
        # same moment in the same transaction, so it is the proposal the signal stored.
        proposal = proposal_for(signal, signal.created_at) if signal.proposed_desk else None
        answer = SignaalAangemaaktSerializer(signal, context={"proposal": proposal})
        return Response(answer.data, status=status.HTTP_201_CREATED,
                        headers={"Location": signal_location(signal.uuid)})


class SignalView(ClientDataView):
    """For the signaller's side only: a desk reads the signal through its own route."""

    @extend_schema(
        operation_id="signaalLezen",
        summary="Eigen signaal met de terugkoppeling",
        description=(
            "Voor de melder (en de aandachtsfunctionaris of teamleider van diens organisatie): "
            "waar het signaal staat, met welke loketten het is gedeeld, en de terugkoppeling tot "
            "nu toe: of er een route is gestart, met wie, en alleen als de melder een rol houdt "
            "de afgesproken veiligheidsvoorwaarden. Nooit de inhoud van het dossier van het "
            "loket. Ieder ander, ook het loket, krijgt 404, net als voor een signaal dat niet "
            "bestaat; ook die poging staat in de auditlog."
        ),
        responses={200: SignaalSerializer},
    )
    def get(self, request: Request, uuid: UUID) -> Response:
        signal = open_signal(self.professional, self.actor, uuid, signaller_side_only=True)
        if signal is None:
            raise ClientNotFound()
        prefetch_related_objects([signal], "categories")
        context = {
            "routes": list(signal.routes.select_related("desk").order_by("shared_at", "id")),
            "feedback": list(feedback_for(signal)),
        }
        return Response(SignaalSerializer(signal, context=context).data)
