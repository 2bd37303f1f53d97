"""JSON shapes of the signals API: Dutch camelCase names, ``uuid`` as the only identifier.

Requests carry the BSN (in a POST body only); answers never do: the person is named by ``uuid``.
The shape of a request is checked here; its content (categories, urgency, an empty observation,
a statement without source) by the domain, so the web form and the API refuse alike with the
same Dutch message and code.

What the signaller reads back is only their own signal, where it went, and the feedback: built
from ``Feedback`` rows, which hold nothing of the desk's file (domain.md §4).
"""

from datetime import UTC, datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ketenzicht.signals.categories import Category, Urgency
from ketenzicht.signals.models import (
    FeedbackMoment,
    Route,
    RouteKind,
    RouteStatus,
    Signal,
    SignalStatus,
)
from ketenzicht.signals.routing import Proposal, Rule
from ketenzicht.signals.services import MAX_FACTS

#: The routing rules by name, as ``regel`` gives them.
RULES = [Rule.ACUTE_ABUSE, Rule.CRISIS_OFFICE_HOURS, Rule.CRISIS_OUT_OF_HOURS,
         Rule.CHILD_CONCERN_TO_REPORTS, Rule.VOLUNTEER, Rule.ADULT_CIRCUMSTANCES,
         Rule.YOUTH_RESIDENCE, Rule.NO_DESK]
#: How many statements of others one signal may carry.
MAX_STATEMENTS = 20
#: A plausible moment; outside it a date cannot be converted safely and is surely a typo.
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)


# --- fields ------------------------------------------------------------------------------------

class TekstField(serializers.CharField):
    """A JSON string and nothing else: DRF's ``CharField`` turns numbers into text, which the
    schema (``type: string``) does not allow."""

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


@extend_schema_field({"type": "string", "enum": Category.values})
class CategorieField(TekstField):
    """A category code; an unknown one gets the domain's Dutch refusal (``categorie-onbekend``)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=40, **kwargs)


@extend_schema_field({"type": "string", "enum": Urgency.values})
class UrgentieField(TekstField):
    """``acuut``, ``spoed`` or ``regulier``; anything else gets the domain's Dutch refusal."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=10, **kwargs)


class TijdstipField(serializers.DateTimeField):
    """ISO 8601 *with* an offset: without one, a moment near the end of office hours, or on the
    night the clocks change, can be judged an hour wrong. Django would silently read a naive
    time as Amsterdam time; here it is refused."""

    default_error_messages = {
        "tijdzone-ontbreekt": _(
            "Geef het tijdstip met de tijdzone erbij, bijvoorbeeld 2026-11-25T10:00:00+01:00: "
            "zonder tijdzone is niet te bepalen of het binnen kantoortijd valt."
        ),
        "tijdstip-onwaarschijnlijk": _("Geef een tijdstip tussen 1900 en 2100."),
    }

    def enforce_timezone(self, value: datetime) -> datetime:
        if timezone.is_naive(value):
            self.fail("tijdzone-ontbreekt")
        value = super().enforce_timezone(value)
        if not EARLIEST <= value < LATEST:
            self.fail("tijdstip-onwaarschijnlijk")
        return value


# --- requests ----------------------------------------------------------------------------------

class RouteringsadviesVerzoekSerializer(serializers.Serializer):
    bsn = TekstField(
        max_length=32, allow_blank=True, trim_whitespace=False,
        help_text="Burgerservicenummer van de persoon over wie de zorg gaat (9 cijfers, elfproef). "
                  "In de body, zodat het nooit in een URL staat; komt nooit terug in een antwoord.",
    )
    categorieen = serializers.ListField(
        child=CategorieField(), max_length=len(Category.values),
        help_text="Een of meer categorieën van zorg.",
    )
    urgentie = UrgentieField(
        help_text="'acuut' (direct gevaar), 'spoed' (binnen enkele dagen) of 'regulier'.",
    )
    tijdstip = TijdstipField(
        help_text="Het moment waarop de routering wordt beoordeeld (kantoortijd, weekend, "
                  "feestdag), ISO 8601 met tijdzone. Zonder tijdzone: 400 'tijdzone-ontbreekt'.",
    )


class UitspraakVerzoekSerializer(serializers.Serializer):
    bron = TekstField(max_length=200, allow_blank=True, trim_whitespace=False,
                      help_text="Wie zei het (bijvoorbeeld: 'Emma, zus van Daan'). Verplicht.")
    inhoud = TekstField(max_length=MAX_FACTS, allow_blank=True, trim_whitespace=False,
                        help_text="Wat er is gezegd.")


# Routing takes the moment of recording (the server's clock), not the observation's.
class SignaalVerzoekSerializer(RouteringsadviesVerzoekSerializer):

    tijdstip = TijdstipField(
        required=False,
        help_text="Het moment van de waarneming, als waargenomenOp ontbreekt (ISO 8601 met "
                  "tijdzone). Het voorstel van de route geldt voor het moment van vastleggen: "
                  "de klok van Ketenzicht.",
    )
    waarneming = TekstField(
        max_length=MAX_FACTS, allow_blank=True, trim_whitespace=False,
        error_messages={
            "required": _("Beschrijf wat u zelf heeft waargenomen (feiten)."),
            "max_length": _("Beschrijf de waarneming in ten hoogste {max_length} tekens."),
        },
        help_text="Wat de professional zelf heeft waargenomen: feiten, gescheiden van wat anderen "
                  "zeiden.",
    )
    uitsprakenVanAnderen = UitspraakVerzoekSerializer(
        many=True, required=False, max_length=MAX_STATEMENTS,
        help_text="Wat anderen zeiden, elk met de bron. Wordt apart van de waarneming bewaard.",
    )
    waargenomenOp = TijdstipField(
        required=False,
        help_text="Wanneer het is waargenomen (ISO 8601 met tijdzone); niet in de toekomst. Gaat "
                  "voor 'tijdstip'; zonder beide geldt het moment van vastleggen.",
    )


# --- answers -----------------------------------------------------------------------------------

# Serialises a ``routing.Proposal``; members that do not apply are left out. (Comments, not
# docstrings, on answer shapes: a docstring would become the English description in the schema.)
class RouteSerializer(serializers.Serializer):

    organisatie = serializers.CharField(
        allow_null=True,
        help_text="Slug van het voorgestelde loket; null als geen loket van deze keten de persoon "
                  "bedient (regel geen-loket: de persoon woont buiten de gebiedsregio's).")
    soort = serializers.ChoiceField(choices=RouteKind.choices,
                                    help_text="Als wat het loket het signaal ontvangt.")
    reden = serializers.CharField(help_text="Waarom dit loket, in het Nederlands.")
    regel = serializers.ChoiceField(
        choices=RULES, help_text="Naam van de routeringsregel die besliste.",
    )
    overdrachtNaar = serializers.CharField(
        required=False,
        help_text="Alleen bij een crisis buiten kantoortijd: slug van het CJG-Jeugdteam dat van "
                  "de crisisdienst overneemt.",
    )
    overdrachtUiterlijk = serializers.DateTimeField(
        required=False,
        help_text="Alleen bij een crisis buiten kantoortijd: uiterlijk moment van die overdracht "
                  "(12:00 op de eerstvolgende werkdag).",
    )
    alternatieven = serializers.ListField(
        child=serializers.CharField(), required=False,
        help_text="Alleen als de regels een ander loket toestaan: slugs daarvan (het CJG 12+ "
                  "team voor een minderjarige leerling van een school voor voortgezet onderwijs).",
    )

    def to_representation(self, proposal: Proposal) -> dict[str, Any]:
        data: dict[str, Any] = {
            "organisatie": proposal.desk.slug, "soort": str(proposal.kind),
            "reden": proposal.reason, "regel": proposal.outcome.rule,
        }
        if proposal.handover_to is not None:
            data["overdrachtNaar"] = proposal.handover_to.slug
            data["overdrachtUiterlijk"] = serializers.DateTimeField().to_representation(
                proposal.outcome.handover_due)
        if proposal.alternatives:
            data["alternatieven"] = [desk.slug for desk in proposal.alternatives]
        return data


def stored_route(signal: Signal) -> dict[str, Any]:
    """The proposal as the signal stored it when it was recorded (the handover and alternatives
    of that moment are in ``routes`` once the signal is shared)."""
    return {"organisatie": signal.proposed_desk.slug if signal.proposed_desk else None,
            "soort": signal.proposed_kind,
            "reden": signal.proposed_reason, "regel": signal.proposed_rule}


class RouteringsadviesSerializer(serializers.Serializer):
    route = RouteSerializer(source="*")


# Needs ``context["proposal"]``: the route proposed when the signal was recorded.
class SignaalAangemaaktSerializer(serializers.Serializer):

    uuid = serializers.UUIDField()
    persoon = serializers.UUIDField(source="person.uuid", help_text="Uuid van de persoon.")
    status = serializers.ChoiceField(choices=SignalStatus.choices)
    meldcode = serializers.BooleanField(
        source="meldcode_applies",
        help_text="Of de meldcode huiselijk geweld en kindermishandeling voor dit signaal geldt. "
                  "Onwaar bij een signaal alleen over de omstandigheden van een volwassene "
                  "(armoede, schulden, huisvesting) zonder zorg over een kind: dan zijn er geen "
                  "stappen en geen termijnen, en gaat het signaal naar het sociaal gebiedsteam.",
    )
    route = serializers.SerializerMethodField(help_text="Het voorgestelde loket.")

    @extend_schema_field(RouteSerializer)
    def get_route(self, signal: Signal) -> dict[str, Any]:
        proposal = self.context.get("proposal")
        return RouteSerializer(proposal).data if proposal is not None else stored_route(signal)


class LoketRouteSerializer(serializers.Serializer):
    organisatie = serializers.CharField(source="desk.slug", help_text="Slug van het loket.")
    soort = serializers.ChoiceField(source="kind", choices=RouteKind.choices)
    status = serializers.ChoiceField(choices=RouteStatus.choices)
    gedeeldOp = serializers.DateTimeField(source="shared_at")


# Only the privacy-safe fields of ``Feedback``: never the content of the desk's file.
class TerugkoppelingSerializer(serializers.Serializer):

    moment = serializers.ChoiceField(choices=FeedbackMoment.choices,
                                     help_text="Na welke stap van het loket.")
    op = serializers.DateTimeField(source="created_at")
    loket = serializers.CharField(source="desk.slug", help_text="Slug van het loket.")
    routeGestart = serializers.BooleanField(
        source="route_started", allow_null=True,
        help_text="Of er een route (hulp of een vervolg) is gestart; null als dat nog niet "
                  "bekend is.",
    )
    met = serializers.CharField(source="with_organisation.slug", allow_null=True,
                                help_text="Slug van de organisatie waarmee, of null.")
    veiligheidsvoorwaarden = serializers.CharField(
        source="safety_conditions",
        help_text="De afgesproken veiligheidsvoorwaarden, alleen als de melder een rol houdt; "
                  "anders leeg.",
    )
    regisseur = serializers.CharField(
        source="regisseur_name", default="",
        help_text="Bij moment plan-en-regisseur: de naam van de regisseur van het gezin (bij de "
                  "organisatie in 'met'); anders leeg. Nooit de inhoud van het plan.",
    )


# The signaller's view. Needs ``context["proposal"]``, ``["routes"]`` and ``["feedback"]``
# (each loaded in one query).
class SignaalSerializer(SignaalAangemaaktSerializer):

    categorieen = serializers.SerializerMethodField()
    urgentie = UrgentieField(source="urgency")
    waargenomenOp = serializers.DateTimeField(source="observed_at")
    vastgelegdOp = serializers.DateTimeField(source="created_at")
    routes = serializers.SerializerMethodField(
        help_text="Met welke loketten het signaal is gedeeld, en hoe ver elk is.")
    terugkoppeling = serializers.SerializerMethodField(
        help_text="De terugkoppeling van de loketten tot nu toe, oudste eerst.")

    @extend_schema_field(serializers.ListField(child=CategorieField()))
    def get_categorieen(self, signal: Signal) -> list[str]:
        return sorted(c.category for c in signal.categories.all())

    @extend_schema_field(LoketRouteSerializer(many=True))
    def get_routes(self, signal: Signal) -> list[dict]:
        routes: list[Route] = self.context["routes"]
        return LoketRouteSerializer(routes, many=True).data

    @extend_schema_field(TerugkoppelingSerializer(many=True))
    def get_terugkoppeling(self, signal: Signal) -> list[dict]:
        return TerugkoppelingSerializer(self.context["feedback"], many=True).data
