import factory
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

from ketenzicht.organisations.models import (
    District,
    Municipality,
    Organisation,
    OrganisationType,
    PostcodeArea,
    Professional,
    Role,
)


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ["slug"]

    slug = "emmen"
    name = "Emmen"
    cbs_code = "0114"


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ["municipality", "slug"]

    municipality = factory.SubFactory(MunicipalityFactory)
    slug = factory.Sequence(lambda n: f"gebied-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").title())


class PostcodeAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PostcodeArea

    district = factory.SubFactory(DistrictFactory)
    prefix = factory.Sequence(lambda n: f"{7800 + n}")


class OrganisationTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationType
        django_get_or_create = ["slug"]

    slug = "school"
    name = "School"
    may_register_in_index = True


class CjgTypeFactory(OrganisationTypeFactory):
    slug = "cjg-jeugdteam"
    name = "CJG-Jeugdteam"
    may_register_in_index = True
    may_coordinate_match = True
    receives_signals = True
    grants_district_basis = True


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"organisatie-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").title())
    type = factory.SubFactory(OrganisationTypeFactory)
    municipality = factory.SubFactory(MunicipalityFactory)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Gebruiker {n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("correct-paard-batterij-niet")


class ProfessionalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Professional

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.PROFESSIONAL


class TOTPDeviceFactory(factory.django.DjangoModelFactory):
    """A confirmed TOTP device; tests compute codes from its key with ``totp_code``."""

    class Meta:
        model = TOTPDevice

    user = factory.SubFactory(UserFactory)
    name = "authenticator"
    confirmed = True
