"""JSON shapes of the verwijsindex API: Dutch camelCase names, ``uuid`` as the only identifier.

A registration answer never holds a BSN, a reason or risk categories: only what the index stores
(domain.md §2). A match shows the *other* organisations with an active registration in it and how
to reach them; the youth only by ``uuid``, and a family match's shared parent never.
"""

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ketenzicht.leads.services import lead_contact
from ketenzicht.verwijsindex.match_actions import attach_household_leads
from ketenzicht.verwijsindex.models import (
    EndReason,
    IndexRegistration,
    Match,
    MatchKind,
    MatchStatus,
    RegistrationStatus,
)
from ketenzicht.verwijsindex.rules import RISK_CATEGORIES
from ketenzicht.verwijsindex.services import RegistrationResult

from ..regie.serializers import RegisseurSerializer
from ..schema import FoutSerializer

#: How many registrations one bulk request may carry.
BULK_MAX_ITEMS = 5000
#: The status an item of a bulk request can get: what it would have got on its own.
BULK_ITEM_STATUSES = [(201, "201"), (400, "400"), (403, "403"), (409, "409"), (503, "503")]


# --- requests -------------------------------------------------------------------------------

class ContactpersoonVerzoekSerializer(serializers.Serializer):
    """Shape only; the domain checks the content (phone digits, e-mail) with Dutch messages."""

    naam = serializers.CharField(max_length=200, allow_blank=True, trim_whitespace=False)
    telefoon = serializers.CharField(max_length=30, allow_blank=True, trim_whitespace=False)
    email = serializers.CharField(max_length=254, allow_blank=True, trim_whitespace=False,
                                  help_text="E-mailadres van de contactpersoon.")


@extend_schema_field({"type": "string", "enum": list(RISK_CATEGORIES)})
class RisicocategorieField(serializers.CharField):
    """One of the 12 legal categories a–l; an unknown one gets the domain's Dutch refusal."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=8, **kwargs)


class MeldingVerzoekSerializer(serializers.Serializer):
    bsn = serializers.CharField(
        max_length=32, allow_blank=True, required=False, default="",
        help_text="Burgerservicenummer van de jeugdige (9 cijfers, elfproef). Wordt niet opgeslagen "
                  "in de registratie en komt nooit terug in een antwoord. Verplicht, tenzij "
                  "alternatiefKenmerk is gegeven.",
    )
    alternatiefKenmerk = serializers.CharField(
        max_length=64, required=False, default="",
        help_text="Voor een jeugdige zonder BSN: het alternatieve kenmerk waaronder Ketenzicht "
                  "de jeugdige kent. Alleen als bsn ontbreekt.",
    )
    risicocategorieen = serializers.ListField(
        child=RisicocategorieField(), max_length=len(RISK_CATEGORIES) * 2,
        help_text="Een of meer wettelijke risicocategorieën (a–l, Jeugdwet art. 7.1.1.2). Worden "
                  "gecontroleerd, nooit opgeslagen.",
    )
    redelijkVermoeden = serializers.BooleanField(
        required=True,
        help_text="Verplicht, en moet true zijn: de professional bevestigt een redelijk vermoeden "
                  "dat een of meer van deze risico's de gezonde en veilige ontwikkeling van de "
                  "jeugdige bedreigen. Zonder die bevestiging is registreren niet toegestaan; het "
                  "ontbreken ervan telt niet als bevestiging.",
    )
    contactpersoon = ContactpersoonVerzoekSerializer(
        help_text="Wie andere betrokkenen bij een match kunnen bereiken."
    )

    def validate(self, attrs: dict) -> dict:
        if not attrs.get("bsn") and not attrs.get("alternatiefKenmerk"):
            raise serializers.ValidationError(
                {"bsn": "Vul het BSN van de jeugdige in, of een alternatief kenmerk."},
                code="bsn-ontbreekt")
        if attrs.get("bsn") and attrs.get("alternatiefKenmerk"):
            raise serializers.ValidationError(
                {"alternatiefKenmerk": "Geef een BSN of een alternatief kenmerk, niet allebei."},
                code="dubbel-kenmerk")
        return attrs


class BeeindigenVerzoekSerializer(serializers.Serializer):
    reden = serializers.ChoiceField(
        choices=[(EndReason.RISK_GONE.value, EndReason.RISK_GONE.label),
                 (EndReason.UNJUSTIFIED.value, EndReason.UNJUSTIFIED.label)],
        help_text="'risico-weg': het risico is weggenomen; de registratie gaat naar het archief. "
                  "'onterecht': de registratie bleek onterecht en wordt vernietigd (antwoord 204).",
    )


class BulkVerzoekSerializer(serializers.Serializer):
    """For the schema and the outer shape; each item is validated on its own."""

    meldingen = MeldingVerzoekSerializer(
        many=True, max_length=BULK_MAX_ITEMS,
        help_text=f"Ten hoogste {BULK_MAX_ITEMS} registraties; elk wordt afzonderlijk verwerkt.",
    )


class BulkEnvelopSerializer(serializers.Serializer):
    meldingen = serializers.ListField(
        child=serializers.JSONField(), allow_empty=False, max_length=BULK_MAX_ITEMS,
    )


class FoutMeldingSerializer(FoutSerializer):
    """A refused registration: the problem, with the existing registration on a duplicate."""

    bestaandeMelding = serializers.UUIDField(
        required=False,
        help_text="Alleen bij 409 'al-geregistreerd': de actieve registratie van de eigen "
                  "organisatie op deze jeugdige. Verleng die in plaats van een nieuwe te maken.",
    )


# --- answers --------------------------------------------------------------------------------

class ContactpersoonSerializer(serializers.Serializer):
    naam = serializers.CharField(source="contact_name")
    telefoon = serializers.CharField(source="contact_phone")
    email = serializers.CharField(source="contact_email")


class MeldingSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    persoon = serializers.UUIDField(source="person.uuid", help_text="Uuid van de jeugdige.")
    organisatie = serializers.CharField(source="organisation.slug", help_text="Slug van de organisatie.")
    status = serializers.ChoiceField(choices=RegistrationStatus.choices)
    geregistreerdOp = serializers.DateTimeField(source="registered_at")
    actiefTot = serializers.DateField(source="active_until")
    verlengdOp = serializers.DateTimeField(source="extended_at", allow_null=True)
    beeindigdOp = serializers.DateTimeField(source="ended_at", allow_null=True)
    redenBeeindiging = serializers.ChoiceField(
        source="end_reason", choices=[("", ""), *EndReason.choices], allow_blank=True,
        help_text="Leeg zolang de registratie actief is.",
    )
    contactpersoon = ContactpersoonSerializer(source="*")


class OrganisatieSerializer(serializers.Serializer):
    slug = serializers.CharField()
    naam = serializers.CharField(source="name")


class BetrokkeneSerializer(serializers.Serializer):
    """Another organisation with an active registration in the match, and how to reach it."""

    slug = serializers.CharField(source="organisation.slug")
    naam = serializers.CharField(source="organisation.name")
    contactpersoon = ContactpersoonSerializer(source="*")


class MatchSerializer(serializers.Serializer):
    """Needs ``context["organisation"]`` (the caller's) and participations prefetched."""

    uuid = serializers.UUIDField()
    soort = serializers.ChoiceField(source="kind", choices=MatchKind.choices)
    status = serializers.ChoiceField(choices=MatchStatus.choices)
    persoon = serializers.SerializerMethodField(
        help_text="Uuid van de jeugdige bij een cliëntmatch; null bij een gezinsmatch (de "
                  "gedeelde ouder wordt nooit getoond; de eigen jeugdigen staan via "
                  "eigenMeldingen)."
    )
    matchregisseur = OrganisatieSerializer(source="match_coordinator")
    betrokkenen = serializers.SerializerMethodField(
        help_text="De andere organisaties met een actieve registratie in deze match, met hun "
                  "contactpersoon."
    )
    eigenMeldingen = serializers.SerializerMethodField(
        help_text="Uuids van de registraties van de eigen organisatie in deze match."
    )
    ontstaanOp = serializers.DateTimeField(source="created_at")
    contactGelegdOp = serializers.DateTimeField(source="contact_made_at", allow_null=True)
    regisseur = serializers.SerializerMethodField(
        help_text="De regisseur van het huishouden (dezelfde als in het gezinsplan); als de ouders "
                  "zelf regie voeren de achtervang. Null zolang er geen is vastgelegd."
    )
    oudersVoerenRegie = serializers.SerializerMethodField(
        help_text="De ouders voeren zelf regie, met vastgelegde afspraken en een achtervang."
    )

    def _lead(self, match: Match):
        if not hasattr(match, "household_lead"):
            attach_household_leads([match])  # lists attach them for the whole page at once
        return match.household_lead

    @extend_schema_field(RegisseurSerializer(allow_null=True))
    def get_regisseur(self, match: Match) -> dict | None:
        lead = self._lead(match)
        if lead is None:
            return None
        contact = lead_contact(lead)
        return {"naam": contact.name, "organisatie": contact.organisation_slug,
                "telefoon": contact.phone, "email": contact.email}

    @extend_schema_field(serializers.BooleanField())
    def get_oudersVoerenRegie(self, match: Match) -> bool:
        lead = self._lead(match)
        return bool(lead and lead.parents_keep_regie)

    @extend_schema_field(serializers.UUIDField(allow_null=True))
    def get_persoon(self, match: Match) -> str | None:
        if match.kind != MatchKind.CLIENT:
            return None  # a family match is keyed by the shared parent: never disclosed
        return str(match.person.uuid)

    def _registrations(self, match: Match) -> list[IndexRegistration]:
        # ``participations`` is prefetched with registration and organisation (no N+1).
        return [p.registration for p in match.participations.all()]

    @extend_schema_field(BetrokkeneSerializer(many=True))
    def get_betrokkenen(self, match: Match) -> list[dict]:
        own = self.context["organisation"].pk
        others = [r for r in self._registrations(match)
                  if r.organisation_id != own and r.status == RegistrationStatus.ACTIVE]
        return BetrokkeneSerializer(others, many=True).data

    @extend_schema_field(serializers.ListField(child=serializers.UUIDField()))
    def get_eigenMeldingen(self, match: Match) -> list[str]:
        own = self.context["organisation"].pk
        return [str(r.uuid) for r in self._registrations(match) if r.organisation_id == own]


class MeldingMetMatchesSerializer(MeldingSerializer):
    """A new registration, with the matches it made or joined: serialises a ``RegistrationResult``
    and needs ``context["organisation"]``."""

    match = MatchSerializer(
        source="client_match", allow_null=True,
        help_text="De cliëntmatch waarin deze registratie zit, of null.",
    )
    gezinsmatches = MatchSerializer(
        source="family_matches", many=True,
        help_text="Gezinsmatches (registraties op broers of zussen) die ontstonden of waarbij "
                  "deze registratie aansloot.",
    )

    def to_representation(self, result: RegistrationResult) -> dict:
        data = MeldingSerializer(result.registration).data
        context = {"organisation": self.context["organisation"]}
        data["match"] = (MatchSerializer(result.client_match, context=context).data
                         if result.client_match is not None else None)
        data["gezinsmatches"] = MatchSerializer(result.family_matches, many=True, context=context).data
        return data


class BulkItemSerializer(serializers.Serializer):
    """One item's outcome: ``melding`` when registered (201), else ``probleem``."""

    index = serializers.IntegerField(help_text="Positie van het item in het verzoek (vanaf 0).")
    status = serializers.ChoiceField(
        choices=BULK_ITEM_STATUSES,
        help_text="HTTP-status die dit item als los verzoek had gekregen.",
    )
    melding = MeldingMetMatchesSerializer(required=False, help_text="Alleen bij status 201.")
    probleem = FoutMeldingSerializer(
        required=False, help_text="Alleen bij een andere status: het probleem, zoals bij een los verzoek.",
    )


class BulkResultaatSerializer(serializers.Serializer):
    aantalGeregistreerd = serializers.IntegerField()
    aantalGeweigerd = serializers.IntegerField()
    resultaten = BulkItemSerializer(many=True, help_text="Eén resultaat per item, in volgorde.")
