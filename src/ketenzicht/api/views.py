"""Persons and households over the API. Every read goes through ``access.audited``: it checks
need-to-know and writes the NEN 7513 event; a view only translates to and from JSON."""

from uuid import UUID

from drf_spectacular.utils import OpenApiExample, extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularJSONAPIView
from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from ketenzicht.access.audited import open_household, open_person, search_by_bsn
from ketenzicht.people.services import current_household

from .base import ApiConventionsMixin, ClientDataView
from .problems import ClientNotFound
from .serializers import (
    BsnZoekvraagSerializer,
    HuishoudenSerializer,
    PersoonSerializer,
    ZoekresultaatSerializer,
)


class PersonSearchView(ClientDataView):
    """Find a person by BSN.

    POST only so that the BSN travels in the body, never in a URL (where proxies and logs keep
    it). A search changes nothing, so it is safe to repeat and takes no ``Idempotency-Key``.
    """

    @extend_schema(
        operation_id="personenZoeken",
        summary="Persoon zoeken op BSN",
        description=(
            "Geeft de persoon en het huidige huishouden, alleen als de organisatie een grondslag "
            "heeft. Zonder grondslag is het antwoord 404, precies als voor een onbekend BSN. "
            "Elke zoekvraag staat in de auditlog, zonder het BSN."
        ),
        request=BsnZoekvraagSerializer,
        responses={200: ZoekresultaatSerializer},
        examples=[OpenApiExample("Zoekvraag", value={"bsn": "999990019"}, request_only=True)],
    )
    def post(self, request: Request) -> Response:
        query = BsnZoekvraagSerializer(data=request.data)
        query.is_valid(raise_exception=True)
        result = search_by_bsn(self.professional, self.actor, query.validated_data["bsn"])
        if result.error is not None:
            raise ValidationError({"bsn": [
                ErrorDetail(str(message), code=result.error.code or "invalid")
                for message in result.error.messages
            ]})
        if result.person is None:
            raise ClientNotFound()
        household = current_household(result.person)
        if household is not None:
            # Showing the household is a read of the household: audited as such.
            household = open_household(self.professional, self.actor, household.uuid)
        return Response(ZoekresultaatSerializer({"persoon": result.person, "huishouden": household}).data)


class PersonView(ClientDataView):
    @extend_schema(
        operation_id="persoonLezen",
        summary="Persoon inzien",
        description="404 als de persoon niet bestaat of de organisatie geen grondslag heeft.",
        responses={200: PersoonSerializer},
    )
    def get(self, request: Request, uuid: UUID) -> Response:
        person = open_person(self.professional, self.actor, uuid)
        if person is None:
            raise ClientNotFound()
        return Response(PersoonSerializer(person).data)


class HouseholdView(ClientDataView):
    @extend_schema(
        operation_id="huishoudenLezen",
        summary="Huishouden inzien, met de huidige bewoners",
        description="404 als het huishouden niet bestaat of de organisatie geen grondslag heeft.",
        responses={200: HuishoudenSerializer},
    )
    def get(self, request: Request, uuid: UUID) -> Response:
        household = open_household(self.professional, self.actor, uuid)
        if household is None:
            raise ClientNotFound()
        return Response(HuishoudenSerializer(household).data)


class SchemaView(ApiConventionsMixin, SpectacularAPIView):
    """The OpenAPI document is public: it describes the API and holds no personal data."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes: list = []


class SchemaJsonView(ApiConventionsMixin, SpectacularJSONAPIView):
    """The same document as JSON at ``openapi.json`` (Logius API-51)."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes: list = []
