"""JSON shapes of the regisseur look-up: who carries the regie of a household and how to reach
them; never the family's data beyond the household's uuid."""

from rest_framework import serializers


class RegisseurSerializer(serializers.Serializer):
    naam = serializers.CharField(help_text="Naam van de regisseur (of de achtervang als de ouders "
                                           "zelf regie voeren).")
    organisatie = serializers.CharField(help_text="Slug van de organisatie van de regisseur.")
    telefoon = serializers.CharField(allow_blank=True)
    email = serializers.CharField(allow_blank=True)


class RegieSerializer(serializers.Serializer):
    huishouden = serializers.UUIDField(help_text="Uuid van het huidige huishouden van de persoon.")
    regisseur = RegisseurSerializer(
        allow_null=True,
        help_text="De regisseur; als de ouders zelf regie voeren de professional die achtervang "
                  "is. Null als er (nog) geen regisseur is vastgelegd.",
    )
    oudersVoerenRegie = serializers.BooleanField(
        help_text="De ouders voeren zelf regie, met vastgelegde afspraken en een achtervang.")
    sinds = serializers.DateField(allow_null=True, help_text="Sinds wanneer, of null.")
