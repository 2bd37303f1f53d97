"""``POST /api/v1/aanmeldingen``: a team's own system (e.g. the CJG's telephone desk) records a
family's own application with the answers to the municipality's risk questions.

Every rule is the domain's (``plans.applications``): the view parses the JSON, calls the service
with the responsible professional and the NEN 7513 actor, and turns a refusal into a problem, with
every problem in ``invalidParams`` (each unanswered or unknown risk question by its index). A
person new to Ketenzicht is fetched from the BRP with the household, as the other APIs do. A
second application for a household with an open case joins it: 200 with the same case. A write
with an ``Idempotency-Key``.
"""

from dataclasses import replace

from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from ketenzicht.plans.applications import ApplicationRequest, joined_open_case, record_application
from ketenzicht.plans.refusals import all_of
from ketenzicht.refusals import RefusalKind, Refused

from ..base import ClientDataView
from ..idempotency import idempotent
from ..problems import PROBLEM_CONTENT_TYPE, ProblemError
from ..refusals import STATUS, refusal_problem
from ..schema import FoutSerializer
from .serializers import AanmeldingSerializer, AanmeldingVerzoekSerializer

EXAMPLE = {
    "bsn": "999990019",
    "vraag": "Moeder belt: Daan slaapt slecht en is thuis vaak boos; ze weet niet meer wat ze moet doen.",
    "risicovragen": ["nee", "ja", "onbekend"],
}
ANSWER = {
    "uuid": "0b7c2f0e-5a7e-4c3e-9f39-2f1d6b4b9a11",
    "huishouden": "7d2d0a1c-93f4-4d55-8a4e-6c8f6f0a2b3c",
    "verantwoordelijke": {"naam": "Hilde Boelens", "organisatie": "cjg-de-monden", "rol": "teamleider",
                          "telefoon": "0591 685 500", "email": "h.boelens@cjg-demonden.example"},
    "toegewezen": False,
    "risicotaxatieUiterlijk": "2026-12-09",
}
#: Domain field names that the API spells otherwise (``risicovragen.<index>`` stays as it is).
API_FIELDS = {"aanmelder": "aanmelder", "kanaal": "kanaal", "vraag": "vraag", "bsn": "bsn"}


def _problem(refusal: Refused) -> ProblemError:
    """One problem with every invalid parameter of the refusal (all at once)."""
    problems = all_of(refusal)
    if refusal.kind is not RefusalKind.INVALID or len(problems) == 1:
        return refusal_problem(refusal)
    problem = ProblemError(refusal.message, refusal.code, status_code=STATUS[refusal.kind], invalid=[
        {"name": one.field or "nonFieldErrors", "code": one.code, "reason": one.message} for one in problems])
    problem.keep_transaction = True
    return problem


class ApplicationsView(ClientDataView):
    @extend_schema(
        operation_id="aanmeldingVastleggen",
        summary="Een aanmelding door het gezin of de jeugdige zelf vastleggen",
        description=(
            "Een ouder (of een jeugdige van 16 jaar of ouder) meldt zich zelf aan bij het team van "
            "de verantwoordelijke professional, per telefoon, inloop of e-mail. Met de antwoorden op "
            "de risicovragen van de gemeente (één per vraag, in hun volgorde: ja, nee of onbekend). "
            "Opent de casus van het huishouden bij het team (201), of komt bij de casus die al open "
            "is (200, dezelfde casus). Een ja of onbekend maakt een risicotaxatie nodig: "
            "risicotaxatieUiterlijk geeft de datum. Een persoon die nog niet in Ketenzicht staat wordt "
            "met het huishouden opgezocht in de basisregistratie personen. Het team legt alleen een "
            "aanmelding vast van een huishouden dat het mag aannemen: een CJG-Jeugdteam in de eigen "
            "gebiedsregio's, een team zonder gebiedsregio's (CJG 12+, Veilig Thuis) in de eigen "
            "gemeente, en elk team bij een huishouden waarbij het al een eigen grondslag heeft; voor "
            "elk ander huishouden is het antwoord precies dat van een onbekende persoon. "
            "Weigeringen: 400 (ongeldig "
            "BSN, onbekende persoon, ontbrekende vraag, een ontbrekend of onbekend antwoord op een "
            "risicovraag — in invalidParams als risicovragen.<index>, alle tegelijk —, een jeugdige "
            "onder 16 alleen), 403 (het team houdt geen casussen of de professional werkt niet met "
            "cliënten), 503 (basisregistratie onbereikbaar)."
        ),
        request=AanmeldingVerzoekSerializer,
        responses={
            201: AanmeldingSerializer,
            200: OpenApiResponse(AanmeldingSerializer, description="Bij de casus die al open was."),
            (503, PROBLEM_CONTENT_TYPE): OpenApiResponse(FoutSerializer, description="Niet beschikbaar."),
        },
        examples=[
            OpenApiExample("Aanmelding", value=EXAMPLE, request_only=True),
            OpenApiExample("Casus geopend", value=ANSWER, response_only=True, status_codes=["201"]),
        ],
    )
    @idempotent
    def post(self, request: Request) -> Response:
        query = AanmeldingVerzoekSerializer(data=request.data)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        try:
            case = record_application(self.professional, self.actor, ApplicationRequest(
                bsn=data["bsn"], applicant=data["aanmelder"], channel=data["kanaal"], question=data["vraag"],
                risk_answers=tuple(data.get("risicovragen") or ())))
        except Refused as refusal:
            raise _problem(replace(refusal, field=API_FIELDS.get(refusal.field, refusal.field))) from None
        joined = joined_open_case(case)
        return Response(AanmeldingSerializer(case).data,
                        status=status.HTTP_200_OK if joined else status.HTTP_201_CREATED)
