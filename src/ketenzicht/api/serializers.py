"""JSON shapes of ``/api/v1/``: Dutch names in camelCase, ``uuid`` as the only identifier.

Never a BSN in an answer: systems that need it already have it, and the answer is then safe to
log or cache on their side.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ketenzicht.people.models import Household, HouseholdMembership, MemberRole, Person
from ketenzicht.people.services import current_household, current_members


class BsnZoekvraagSerializer(serializers.Serializer):
    bsn = serializers.CharField(
        max_length=32, allow_blank=True,
        help_text="Burgerservicenummer (9 cijfers). In de body, zodat het nooit in een URL staat.",
    )


class PersoonKernSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    voornamen = serializers.CharField(source="given_names", read_only=True)
    voorvoegsel = serializers.CharField(source="surname_prefix", read_only=True)
    geslachtsnaam = serializers.CharField(source="surname", read_only=True)
    geboortedatum = serializers.DateField(source="date_of_birth", read_only=True)
    overlijdensdatum = serializers.DateField(source="date_of_death", read_only=True, allow_null=True)


class PersoonSerializer(PersoonKernSerializer):
    huishouden = serializers.SerializerMethodField(
        help_text="Uuid van het huidige huishouden, of null."
    )

    @extend_schema_field(serializers.UUIDField(allow_null=True))
    def get_huishouden(self, person: Person) -> str | None:
        household = current_household(person)
        return str(household.uuid) if household else None


class LidSerializer(serializers.Serializer):
    """A current member of a household: the person and their role in it."""

    uuid = serializers.UUIDField(source="person.uuid", read_only=True)
    voornamen = serializers.CharField(source="person.given_names", read_only=True)
    voorvoegsel = serializers.CharField(source="person.surname_prefix", read_only=True)
    geslachtsnaam = serializers.CharField(source="person.surname", read_only=True)
    geboortedatum = serializers.DateField(source="person.date_of_birth", read_only=True)
    rol = serializers.ChoiceField(source="role", choices=MemberRole.choices, read_only=True)
    sinds = serializers.DateField(source="since", read_only=True)


class AdresSerializer(serializers.Serializer):
    straat = serializers.CharField(source="street", read_only=True)
    huisnummer = serializers.IntegerField(source="house_number", read_only=True)
    huisnummertoevoeging = serializers.CharField(source="house_number_suffix", read_only=True)
    postcode = serializers.CharField(read_only=True)
    woonplaats = serializers.CharField(source="city", read_only=True)


class HuishoudenSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    naam = serializers.CharField(source="name", read_only=True)
    adres = AdresSerializer(source="*", read_only=True)
    gebiedsregio = serializers.CharField(
        source="district.slug", read_only=True, allow_null=True,
        help_text="Gebiedsregio van het adres; bepaalt het bevoegde CJG-Jeugdteam.",
    )
    leden = serializers.SerializerMethodField(help_text="Huidige bewoners.")

    @extend_schema_field(LidSerializer(many=True))
    def get_leden(self, household: Household) -> list[dict]:
        members: list[HouseholdMembership] = list(current_members(household))
        return LidSerializer(members, many=True).data


class ZoekresultaatSerializer(serializers.Serializer):
    persoon = PersoonSerializer(read_only=True)
    huishouden = HuishoudenSerializer(read_only=True, allow_null=True)
