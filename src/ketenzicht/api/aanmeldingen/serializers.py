"""JSON shapes of an application (aanmelding): Dutch camelCase names, ``uuid`` as identifier.

The request carries the BSN (a POST body only); the answer never does. Only the shape is checked
here; the content (applicant, channel, the family's question, one answer per risk question, each
``ja``, ``nee`` or ``onbekend``) is the domain's (``plans.applications``), so the web form and the
API refuse alike with the same Dutch message and code.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ketenzicht.plans.models import Applicant, Case, Channel, Milestone, RiskAnswer

from ..signalen.serializers import TekstField


@extend_schema_field({"type": "string", "enum": RiskAnswer.values})
class AntwoordField(TekstField):
    """``ja``, ``nee`` or ``onbekend``; anything else gets the domain's Dutch refusal naming the
    question."""

    def __init__(self, **kwargs) -> None:
        super().__init__(max_length=20, allow_blank=True, **kwargs)


class AanmeldingVerzoekSerializer(serializers.Serializer):
    bsn = TekstField(max_length=20, help_text="BSN van de ouder of jeugdige die zich aanmeldt, of van "
                     "het kind om wie het gaat.")
    vraag = TekstField(allow_blank=True, trim_whitespace=False,
                       help_text="De vraag van het gezin, in hun eigen woorden.")
    risicovragen = serializers.ListField(
        child=AntwoordField(), required=False, max_length=20,
        help_text="Eén antwoord per risicovraag van de gemeente, in hun volgorde: ja, nee of onbekend.",
    )
    aanmelder = TekstField(required=False, default=Applicant.PARENT, max_length=20,
                           help_text="ouder (standaard) of jeugdige (16 jaar of ouder).")
    kanaal = TekstField(required=False, default=Channel.PHONE, max_length=20,
                        help_text="telefoon (standaard), inloop of e-mail.")


class VerantwoordelijkeSerializer(serializers.Serializer):
    naam = serializers.CharField(source="display_name")
    organisatie = serializers.CharField(source="organisation.slug")
    rol = serializers.CharField(source="role", help_text="professional, of teamleider zolang die de "
                                "casus nog niet heeft toegewezen.")
    telefoon = serializers.CharField(source="phone")
    email = serializers.CharField(source="user.email")


class AanmeldingSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(help_text="De casus van het huishouden bij het team.")
    huishouden = serializers.UUIDField(source="household.uuid")
    verantwoordelijke = VerantwoordelijkeSerializer(
        source="responsible", help_text="De casusverantwoordelijke; de teamleider zolang die de casus "
        "nog niet heeft toegewezen.")
    toegewezen = serializers.BooleanField(source="assigned")
    risicotaxatieUiterlijk = serializers.SerializerMethodField(
        help_text="Uiterlijke datum van de risicotaxatie als een risicovraag met ja of onbekend is "
        "beantwoord (ook eerder, bij deze open casus); anders null.")

    @extend_schema_field({"type": "string", "format": "date", "nullable": True})
    def get_risicotaxatieUiterlijk(self, case: Case) -> str | None:
        if case.next_milestone == Milestone.ASSESSMENT and case.next_due is not None:
            return case.next_due.isoformat()
        return None
