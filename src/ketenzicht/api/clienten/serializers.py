"""JSON shapes of the clients API: the BSN in the request body only, the person by ``uuid``."""

from rest_framework import serializers

from ..serializers import PersoonKernSerializer
from ..signalen.serializers import TekstField


class ClientVerzoekSerializer(serializers.Serializer):
    bsn = TekstField(
        max_length=32, allow_blank=True,
        help_text="Burgerservicenummer (9 cijfers) van de volwassen cliënt. In de body, zodat het "
                  "nooit in een URL staat.",
    )


class ClientSerializer(PersoonKernSerializer):
    """The person who is now the organisation's client (``uuid`` is the person's)."""

    organisatie = serializers.SlugField(
        read_only=True, help_text="De organisatie waarvan de persoon cliënt is (slug).")
