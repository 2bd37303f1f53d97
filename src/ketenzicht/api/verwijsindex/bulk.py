"""Nightly synchronisation: many registrations in one request, one result per item.

Each item is handled exactly as a single ``POST /verwijsindex/meldingen`` would be (the same
validation, the same ``register`` with its locks and audit events), inside its own savepoint, so
a refused item rolls back alone and the valid ones are kept. The request as a whole takes one
``Idempotency-Key``: a retried synchronisation gets the same per-item answers and registers
nothing twice. An item that duplicates an active registration of the caller is a 409 with
``bestaandeMelding``, so a sync that re-sends everything can map its existing registrations.

An unexpected error in any item (a bug, the database gone) fails the whole request (500, rolled
back, not remembered by the key), so a retry starts clean.
"""

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from ketenzicht.verwijsindex.errors import RegistrationRefused
from ketenzicht.verwijsindex.services import register

from ..idempotency import idempotent
from ..problems import invalid_params, problem_body
from ..refusals import refusal_body
from .serializers import (
    BULK_MAX_ITEMS,
    BulkEnvelopSerializer,
    BulkResultaatSerializer,
    BulkVerzoekSerializer,
    MeldingVerzoekSerializer,
)
from .views import EXAMPLE, RegistrantView, registration_answer, registration_request


class BulkRegistrationsView(RegistrantView):
    @extend_schema(
        operation_id="meldingenBulkAanmaken",
        summary="Veel registraties tegelijk (nachtelijke synchronisatie)",
        description=(
            f"Ten hoogste {BULK_MAX_ITEMS} registraties per verzoek. Elk item wordt afzonderlijk "
            "verwerkt, precies als een los verzoek op /verwijsindex/meldingen: geldige items "
            "blijven bewaard als andere worden geweigerd. Het antwoord is altijd 200 met per item, "
            "in volgorde, 'index', 'status' (201, 400, 403, 409 of 503) en 'melding' of "
            "'probleem'. Een item dat een actieve registratie van de eigen organisatie herhaalt "
            "krijgt 409 met 'bestaandeMelding'. Het hele verzoek is idempotent met één "
            "Idempotency-Key."
        ),
        request=BulkVerzoekSerializer,
        responses={200: BulkResultaatSerializer},
        examples=[OpenApiExample("Synchronisatie", value={"meldingen": [EXAMPLE]}, request_only=True)],
    )
    @idempotent
    def post(self, request: Request) -> Response:
        envelope = BulkEnvelopSerializer(data=request.data)
        envelope.is_valid(raise_exception=True)
        results = [self._item(index, item) for index, item in enumerate(envelope.validated_data["meldingen"])]
        registered = sum(1 for result in results if result["status"] == 201)
        return Response({
            "aantalGeregistreerd": registered,
            "aantalGeweigerd": len(results) - registered,
            "resultaten": results,
        })

    def _item(self, index: int, item: Any) -> dict[str, Any]:
        query = MeldingVerzoekSerializer(data=item)
        if not query.is_valid():
            return {"index": index, "status": 400, "probleem": problem_body(
                400, _("Een of meer gegevens in het verzoek zijn ongeldig."),
                invalid_params=list(invalid_params(query.errors)),
            )}
        try:
            # ``register`` runs in its own savepoint: a refusal undoes only this item, and the
            # refusal's audit event (written after that savepoint) stays.
            result = register(self.professional, self.actor, registration_request(query.validated_data))
        except RegistrationRefused as refusal:
            body = refusal_body(refusal)
            return {"index": index, "status": body["status"], "probleem": body}
        return {"index": index, "status": 201, "melding": registration_answer(result, self)}
