"""The population register (BRP) port, and the adapter chosen by settings.

``settings.KETENZICHT_POPULATION_REGISTER`` names the adapter: ``"demo"`` (the synthetic Emmen
population) or ``"haal-centraal"`` (BRP Personen Bevragen). Adapters are imported by dotted path,
so ``people`` does not depend on the demo app.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from .base import (
    PersonNotInRegister,
    PopulationRegister,
    RegisterAddress,
    RegisterError,
    RegisterHousehold,
    RegisterPerson,
    RegisterUnavailable,
)

ADAPTERS = {
    "demo": "ketenzicht.demo.register.DemoRegister",
    "haal-centraal": "ketenzicht.people.register.haal_centraal.HaalCentraalRegister.from_settings",
}


def get_register() -> PopulationRegister:
    """The configured population register."""
    choice = settings.KETENZICHT_POPULATION_REGISTER
    if choice not in ADAPTERS:
        raise ImproperlyConfigured(
            f"KETENZICHT_POPULATION_REGISTER={choice!r} is onbekend; kies uit {', '.join(ADAPTERS)}."
        )
    path = ADAPTERS[choice]
    if path.endswith(".from_settings"):
        return import_string(path.removesuffix(".from_settings")).from_settings()
    return import_string(path)()


__all__ = [
    "PersonNotInRegister",
    "PopulationRegister",
    "RegisterAddress",
    "RegisterError",
    "RegisterHousehold",
    "RegisterPerson",
    "RegisterUnavailable",
    "get_register",
]
