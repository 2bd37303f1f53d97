"""OpenAPI conventions applied to every operation, so views cannot forget them.

- the ``Verantwoordelijke-Professional`` header on every client-data operation;
- the ``Idempotency-Key`` header on every handler decorated with ``@idempotent``;
- the problem+json answers each kind of operation can give;
- the ``API-Version`` response header (Logius API-57);
- token authentication as security scheme.
"""

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers

from .base import API_VERSION_HEADER, ClientDataView
from .idempotency import IDEMPOTENCY_HEADER, REPLAYED_HEADER
from .problems import PROBLEM_CONTENT_TYPE, TITLES
from .responsible import PROFESSIONAL_HEADER


class OngeldigeParameterSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="Naam van het veld of de header (met punten genest).")
    code = serializers.CharField(help_text="Stabiele foutcode, voor systemen.")
    reason = serializers.CharField(help_text="Uitleg in het Nederlands, voor mensen.")


class FoutSerializer(serializers.Serializer):
    """Problem Details (RFC 9457), ``application/problem+json``."""

    type = serializers.CharField(help_text="URN van de soort fout.")
    code = serializers.CharField(help_text="Laatste deel van ``type``.")
    title = serializers.CharField(help_text="Korte Nederlandse omschrijving van de soort fout.")
    status = serializers.IntegerField(help_text="HTTP-statuscode.")
    detail = serializers.CharField(help_text="Nederlandse uitleg bij deze fout.")
    instance = serializers.CharField(help_text="Uniek kenmerk (urn:uuid) van dit voorval.")
    invalidParams = OngeldigeParameterSerializer(
        many=True, required=False, help_text="Alleen bij validatiefouten (400)."
    )


def _problem(status: int) -> OpenApiResponse:
    return OpenApiResponse(FoutSerializer, description=str(TITLES[status][1]))


class ApiAutoSchema(AutoSchema):
    def _handler(self) -> Any:
        return getattr(self.view, self.method.lower(), None)

    def get_override_parameters(self) -> list:
        parameters = list(super().get_override_parameters())
        if isinstance(self.view, ClientDataView):
            parameters.append(OpenApiParameter(
                PROFESSIONAL_HEADER, str, OpenApiParameter.HEADER, required=True,
                description=(
                    "Gebruikersnaam van de professional van de organisatie van het token die "
                    "verantwoordelijk is voor dit verzoek; staat als gebruiker in de auditlog."
                ),
            ))
        idempotency = getattr(self._handler(), "idempotency", None)
        if idempotency is not None:
            parameters.append(OpenApiParameter(
                IDEMPOTENCY_HEADER, str, OpenApiParameter.HEADER,
                required=idempotency["required"],
                description=(
                    "Unieke sleutel per bedoelde handeling (bijvoorbeeld een UUID). Hetzelfde "
                    "verzoek met dezelfde sleutel geeft hetzelfde antwoord en doet niets dubbel."
                ),
            ))
            parameters.append(OpenApiParameter(
                REPLAYED_HEADER, str, OpenApiParameter.HEADER, response=True,
                description="'true' als dit een eerder gegeven antwoord is.",
            ))
        parameters.append(OpenApiParameter(
            API_VERSION_HEADER, str, OpenApiParameter.HEADER, response=True,
            description="Volledige versie van de API.",
        ))
        return parameters

    def _get_response_bodies(self, direction: str = "response") -> dict:
        # Hooked here, not in get_response_serializers: @extend_schema(responses=...) replaces
        # that method, and the problems must be added whatever a view declares.
        responses = super()._get_response_bodies(direction)
        statuses = {401, 429, 500}
        if isinstance(self.view, ClientDataView):
            statuses |= {400, 403, 404}
        if self.method in ("POST", "PUT", "PATCH"):
            statuses |= {400, 415}
        if getattr(self._handler(), "idempotency", None) is not None:
            statuses |= {409, 422}
        for status in sorted(statuses):
            if str(status) not in responses:
                responses[str(status)] = self._get_response_for_code(
                    _problem(status), str(status), [PROBLEM_CONTENT_TYPE], direction
                )
        return responses


class OrganisationTokenScheme(OpenApiAuthenticationExtension):
    target_class = "ketenzicht.api.authentication.OrganisationTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: AutoSchema) -> dict:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": (
                "'Token <sleutel>'. Een beheerder maakt het token aan met "
                "'ketenzicht createapitoken <organisatie-slug>'."
            ),
        }
