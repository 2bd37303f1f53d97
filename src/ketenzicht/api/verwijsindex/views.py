"""Endpoints of the verwijsindex for organisations' systems.

Every rule is the domain's (``ketenzicht.verwijsindex``): a view parses the JSON, calls the
service with the responsible professional and the NEN 7513 actor, and turns a refusal into a
problem. Registering, extending and ending are writes with an ``Idempotency-Key``.
"""

from typing import Any
from uuid import UUID

from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

from ketenzicht.audit.models import EventType
from ketenzicht.audit.services import Subject, record
from ketenzicht.verwijsindex import lifecycle
from ketenzicht.verwijsindex.errors import RegistrationRefused
from ketenzicht.verwijsindex.match_actions import (
    MATCH_OBJECT,
    PURPOSE_MATCH_COORDINATOR,
    PURPOSE_PARTICIPANT,
    attach_household_leads,
    matches_of,
)
from ketenzicht.verwijsindex.models import (
    EndReason,
    Match,
    MatchKind,
    MatchParticipation,
)
from ketenzicht.verwijsindex.services import (
    Contact,
    RegistrationRequest,
    RegistrationResult,
    check_may_register,
    register,
)

from ..base import ClientDataView
from ..idempotency import idempotent
from ..problems import PROBLEM_CONTENT_TYPE, ClientNotFound
from ..refusals import refusal_problem
from .serializers import (
    BeeindigenVerzoekSerializer,
    FoutMeldingSerializer,
    MatchSerializer,
    MeldingMetMatchesSerializer,
    MeldingSerializer,
    MeldingVerzoekSerializer,
)

EXAMPLE = {
    "bsn": "999990019",
    "risicocategorieen": ["e"],
    "redelijkVermoeden": True,
    "contactpersoon": {"naam": "Ingrid Hofstede", "telefoon": "0591 123456",
                       "email": "i.hofstede@kristalla.example"},
}


def refused(status_code: int, description: str) -> dict:
    """A documented refusal: problem+json with ``bestaandeMelding`` where it applies."""
    answer = OpenApiResponse(FoutMeldingSerializer, description=description)
    return {(status_code, PROBLEM_CONTENT_TYPE): answer}


def registration_request(data: dict[str, Any]) -> RegistrationRequest:
    """The domain's request from a validated ``MeldingVerzoekSerializer``."""
    contact = data["contactpersoon"]
    return RegistrationRequest(
        bsn=data["bsn"], alternative_id=data["alternatiefKenmerk"],
        risk_categories=tuple(data["risicocategorieen"]),
        suspicion_confirmed=data["redelijkVermoeden"],
        contact=Contact(name=contact["naam"], phone=contact["telefoon"], email=contact["email"]),
    )


def _participants() -> Prefetch:
    return Prefetch(
        "participations",
        queryset=MatchParticipation.objects.select_related(
            "registration__organisation", "registration__person"
        ).order_by("joined_at", "id"),
    )


def with_participants(matches: QuerySet[Match]) -> QuerySet[Match]:
    """Matches with everything their answer shows, in a fixed number of queries."""
    return matches.select_related("match_coordinator", "person").prefetch_related(_participants())


def registration_answer(result: RegistrationResult, view: ClientDataView) -> dict[str, Any]:
    """The answer to a registration, with the matches ``register`` returned: their participants
    in one query for all of them (the coordinator and key person are usually loaded already)."""
    matches = [m for m in (result.client_match, *result.family_matches) if m is not None]
    prefetch_related_objects(matches, "match_coordinator", "person", _participants())
    attach_household_leads(matches)
    return MeldingMetMatchesSerializer(
        result, context={"organisation": view.professional.organisation}
    ).data


def registration_location(registration_uuid: UUID | str) -> str:
    return reverse("api:melding", kwargs={"uuid": registration_uuid})


class RegistrantView(ClientDataView):
    """Views that register: the professional must (still) be allowed to.

    Checked in ``initial``, before the handler and so before ``@idempotent`` could replay a
    stored answer (which holds contact details): a professional who has left the organisation
    (``responsible_professional``) or whose organisation may no longer register gets a 403, not
    the answer of yesterday.
    """

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        try:
            check_may_register(self.professional)
        except RegistrationRefused as refusal:
            raise refusal_problem(refusal) from None


class RegistrationsView(RegistrantView):
    @extend_schema(
        operation_id="meldingAanmaken",
        summary="Registreren in de verwijsindex (melding)",
        description=(
            "Registreert dat de organisatie betrokken is bij een jeugdige (tot de 23e verjaardag). "
            "Alleen meldbevoegde organisaties, via een professional die met jeugdigen werkt. "
            "Opgeslagen wordt alleen het feit van betrokkenheid met de contactpersoon: nooit de "
            "reden, de risicocategorieën of gegevens van de ouders. Heeft een andere organisatie "
            "de jeugdige ook actief geregistreerd, dan ontstaat een cliëntmatch (of sluit deze "
            "registratie aan bij de bestaande) en staat die in 'match'. Weigeringen: 400 "
            "(ongeldig BSN, onbekende persoon, 23 jaar of ouder, overleden, geen risicocategorie, "
            "geen bevestigd redelijk vermoeden, contactgegevens), 403 (organisatie niet "
            "meldbevoegd), 409 (al actief geregistreerd door deze organisatie: zie "
            "'bestaandeMelding' en verleng die), 503 (basisregistratie personen onbereikbaar)."
        ),
        request=MeldingVerzoekSerializer,
        responses={
            201: MeldingMetMatchesSerializer,
            **refused(403, "Niet meldbevoegd."),
            **refused(409, "Al actief geregistreerd."),
            **refused(503, "BRP niet bereikbaar."),
        },
        examples=[OpenApiExample("Melding", value=EXAMPLE, request_only=True)],
    )
    @idempotent
    def post(self, request: Request) -> Response:
        query = MeldingVerzoekSerializer(data=request.data)
        query.is_valid(raise_exception=True)
        try:
            result = register(self.professional, self.actor, registration_request(query.validated_data))
        except RegistrationRefused as refusal:
            raise refusal_problem(refusal) from None
        return Response(
            registration_answer(result, self), status=status.HTTP_201_CREATED,
            headers={"Location": registration_location(result.registration.uuid)},
        )



#: ``lifecycle``'s refusal for a registration that is missing or another organisation's.
NOT_OURS = "registratie-onbekend"


def _lifecycle_problem(refusal: RegistrationRefused) -> Exception:
    """"Not ours" is a 404, the same answer as a registration that does not exist."""
    if refusal.code == NOT_OURS:
        return ClientNotFound()
    return refusal_problem(refusal)


class RegistrationView(ClientDataView):
    @extend_schema(
        operation_id="meldingLezen",
        summary="Eigen registratie inzien",
        description=(
            "Alleen registraties van de eigen organisatie (actief of in het archief). Een "
            "registratie van een andere organisatie geeft 404, net als een die niet bestaat. "
            "Het inzien staat in de auditlog."
        ),
        responses={200: MeldingSerializer},
    )
    def get(self, request: Request, uuid: UUID) -> Response:
        # Audited either way; a refused look is in that youth's access report, and the answer
        # is the same 404 as for a registration that does not exist.
        registration = lifecycle.open_registration(self.professional, self.actor, uuid)
        if registration is None:
            raise ClientNotFound()
        return Response(MeldingSerializer(registration).data)


class EndRegistrationView(ClientDataView):
    """Ending reduces what is stored, so an organisation that may no longer register still may."""

    @extend_schema(
        operation_id="meldingBeeindigen",
        summary="Eigen registratie beëindigen",
        description=(
            "'risico-weg': de registratie eindigt en gaat vijf jaar naar het historisch archief; "
            "antwoord 200 met de beëindigde registratie. 'onterecht': de registratie wordt "
            "vernietigd, ook uit het archief; antwoord 204 zonder inhoud. Een match sluit als "
            "haar laatste actieve registratie eindigt. 404 voor een registratie van een andere "
            "organisatie; 409 als de registratie al beëindigd is."
        ),
        request=BeeindigenVerzoekSerializer,
        responses={
            200: MeldingSerializer,
            204: OpenApiResponse(description="Onterechte registratie vernietigd."),
            **refused(409, "Al beëindigd."),
        },
        examples=[OpenApiExample("Risico weg", value={"reden": "risico-weg"}, request_only=True)],
    )
    @idempotent
    def post(self, request: Request, uuid: UUID) -> Response:
        query = BeeindigenVerzoekSerializer(data=request.data)
        query.is_valid(raise_exception=True)
        try:
            kept = lifecycle.end_registration(self.professional, self.actor, uuid,
                                              EndReason(query.validated_data["reden"]))
        except RegistrationRefused as refusal:
            raise _lifecycle_problem(refusal) from None
        if kept is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        return Response(MeldingSerializer(kept).data)


class ExtendRegistrationView(RegistrantView):
    @extend_schema(
        operation_id="meldingVerlengen",
        summary="Eigen registratie verlengen",
        description=(
            "Verlengt de actieve termijn met de termijn van de gemeente (standaard 12 maanden) "
            "vanaf vandaag, maar nooit verder dan 24 maanden na het registreren. 409 als de "
            "registratie niet meer actief is of niet verder verlengd kan worden; 404 voor een "
            "registratie van een andere organisatie."
        ),
        request=None,
        responses={
            200: MeldingSerializer,
            **refused(409, "Niet (verder) te verlengen."),
        },
    )
    @idempotent
    def post(self, request: Request, uuid: UUID) -> Response:
        try:
            extended = lifecycle.extend_registration(self.professional, self.actor, uuid)
        except RegistrationRefused as refusal:
            raise _lifecycle_problem(refusal) from None
        return Response(MeldingSerializer(extended).data)


class MatchPagination(PageNumberPagination):
    """``page`` (from 1) and ``pageSize`` (default 20, at most 100), as in the VNG ZGW APIs:
    ``{count, next, previous, results}``. Page numbers, not cursors: a list of a few hundred
    matches per organisation, read by people and systems that want to jump to a page.

    Strict where DRF is lenient: a ``page`` or ``pageSize`` that is not a whole number in range
    is a 400 naming the parameter (DRF would silently use the default); a page past the last
    one is a 404.
    """

    page_size = 20
    page_size_query_param = "pageSize"
    max_page_size = 100
    last_page_strings = ()
    invalid_page_message = _("Deze pagina bestaat niet.")

    def paginate_queryset(self, queryset, request, view=None):
        self._number(request, self.page_query_param, 1, None)
        return super().paginate_queryset(queryset, request, view)

    def get_page_size(self, request: Request) -> int:
        return self._number(request, self.page_size_query_param, self.page_size, self.max_page_size)

    @staticmethod
    def _number(request: Request, name: str, default: int, maximum: int | None) -> int:
        raw = request.query_params.get(name)
        if raw is None:
            return default
        if not (raw.isascii() and raw.isdigit()) or int(raw) < 1 or (maximum and int(raw) > maximum):
            reason = (_("Geef een geheel getal van 1 tot en met %(max)s.") % {"max": maximum}
                      if maximum else _("Geef een geheel getal vanaf 1."))
            raise ValidationError({name: [reason]}, code="invalid")
        return int(raw)


class MatchPaginaSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="Aantal matches in totaal.")
    next = serializers.URLField(allow_null=True, help_text="URL van de volgende pagina, of null.")
    previous = serializers.URLField(allow_null=True, help_text="URL van de vorige pagina, of null.")
    results = MatchSerializer(many=True)


class MatchesView(ClientDataView):
    @extend_schema(
        operation_id="matchesLijst",
        summary="Matches van de eigen organisatie",
        description=(
            "De matches waarin de organisatie een registratie heeft of matchregisseur is, open "
            "matches eerst, dan de nieuwste. Per match de andere betrokken organisaties met hun "
            "contactpersoon; de jeugdige alleen als uuid. De zoekvraag en elke getoonde match "
            "(per jeugdige) staan in de auditlog."
        ),
        parameters=[
            OpenApiParameter("page", {"type": "integer", "minimum": 1},
                             description="Paginanummer, vanaf 1 (standaard 1)."),
            OpenApiParameter("pageSize", {"type": "integer", "minimum": 1,
                                          "maximum": MatchPagination.max_page_size},
                             description="Matches per pagina (standaard 20, hoogstens 100)."),
        ],
        responses={200: MatchPaginaSerializer},
    )
    def get(self, request: Request) -> Response:
        paginator = MatchPagination()
        matches = with_participants(matches_of(self.professional))
        page = paginator.paginate_queryset(matches, request, view=self) or []
        organisation = self.professional.organisation
        record(self.actor, EventType.SEARCH, Subject(
            object_type=MATCH_OBJECT,
            detail={"pagina": paginator.page.number, "aantal": len(page)},
        ), purpose="matches van de eigen organisatie")
        for match in page:
            purpose = (PURPOSE_MATCH_COORDINATOR if match.match_coordinator_id == organisation.pk
                       else PURPOSE_PARTICIPANT)
            for pseudonym in _youths(match):
                record(self.actor, EventType.READ, Subject(
                    client_pseudonym=pseudonym, object_type=MATCH_OBJECT, object_id=str(match.uuid),
                ), purpose=purpose)
        attach_household_leads(page)  # the regisseurs of the whole page in one query
        data = MatchSerializer(page, many=True, context={"organisation": organisation}).data
        return paginator.get_paginated_response(data)


def _youths(match: Match) -> list[str]:
    """The pseudonyms of a shown match, as ``match_actions.youth_uuids`` gives them, from the
    prefetched participations: the youth of a client match, each youth of a family match."""
    if match.kind == MatchKind.CLIENT:
        return [str(match.person.uuid)]
    youths = sorted({(p.registration.person_id, str(p.registration.person.uuid))
                     for p in match.participations.all()})
    return [uuid for _id, uuid in youths] or [str(match.person.uuid)]
