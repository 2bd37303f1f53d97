"""Adapter for the Haal Centraal BRP Personen Bevragen API (v2).

Every question is a ``POST {url}/personen`` with a JSON body, as the API prescribes, so that a
BSN never appears in a URL and therefore never in a proxy or access log. Co-residents are found
with ``ZoekMetAdresseerbaarObjectIdentificatie`` (the BAG identification of the dwelling), or
with ``ZoekMetPostcodeEnHuisnummer`` when the register gives no identification; their details
are then fetched with ``RaadpleegMetBurgerservicenummer`` (at most 20 BSNs a request).

Errors become a ``RegisterError`` with a Dutch message for the professional. Neither messages
nor log lines contain a BSN: the BRP's own problem details are not passed on verbatim.
"""

import logging
from collections.abc import Sequence
from datetime import date
from typing import Any

import requests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from ketenzicht.organisations.services import normalise_postcode

from .base import (
    RegisterAddress,
    RegisterBase,
    RegisterError,
    RegisterPerson,
    RegisterUnavailable,
)

logger = logging.getLogger(__name__)

API_KEY_HEADER = "X-API-KEY"
#: The API accepts at most 20 BSNs in one RaadpleegMetBurgerservicenummer request.
MAX_BSNS_PER_REQUEST = 20

PERSON_FIELDS = (
    "burgerservicenummer",
    "naam.voornamen",
    "naam.voorvoegsel",
    "naam.geslachtsnaam",
    "geboorte.datum",
    "overlijden.datum",
    "verblijfplaats",
    "ouders.burgerservicenummer",
    "kinderen.burgerservicenummer",
    "partners.burgerservicenummer",
    "partners.ontbindingHuwelijkPartnerschap",
)
SEARCH_FIELDS = ("burgerservicenummer",)

_STATUS_MESSAGES = {
    400: "De basisregistratie personen kon de vraag niet verwerken.",
    401: "Ketenzicht is niet aangemeld bij de basisregistratie personen: controleer de API-sleutel.",
    403: "Ketenzicht is niet bevoegd om deze gegevens op te vragen bij de basisregistratie personen.",
    404: "De basisregistratie personen is niet gevonden op het ingestelde adres.",
    429: "De basisregistratie personen krijgt te veel vragen. Probeer het over een minuut opnieuw.",
}


class HaalCentraalRegister(RegisterBase):
    def __init__(self, url: str, api_key: str, timeout: float = 10,
                 session: requests.Session | None = None):
        if not url:
            raise ImproperlyConfigured("KETENZICHT_BRP_API_URL is leeg: de BRP is niet ingesteld.")
        self.url = url.rstrip("/") + "/personen"
        self.api_key = api_key
        self.timeout = timeout
        self.session = session or requests.Session()

    @classmethod
    def from_settings(cls) -> "HaalCentraalRegister":
        return cls(
            url=settings.KETENZICHT_BRP_API_URL,
            api_key=settings.KETENZICHT_BRP_API_KEY,
            timeout=settings.KETENZICHT_BRP_TIMEOUT_SECONDS,
        )

    # --- RegisterBase primitives -------------------------------------------------------------

    def lookup_many(self, bsns: Sequence[str]) -> list[RegisterPerson]:
        found: list[RegisterPerson] = []
        unique = list(dict.fromkeys(bsns))
        for start in range(0, len(unique), MAX_BSNS_PER_REQUEST):
            body = {
                "type": "RaadpleegMetBurgerservicenummer",
                "burgerservicenummer": unique[start:start + MAX_BSNS_PER_REQUEST],
                "fields": list(PERSON_FIELDS),
            }
            found += [_person(item) for item in self._post(body).get("personen", [])]
        return found

    def residents_at(self, address: RegisterAddress) -> list[str]:
        if address.object_id:
            body: dict[str, Any] = {
                "type": "ZoekMetAdresseerbaarObjectIdentificatie",
                "adresseerbaarObjectIdentificatie": address.object_id,
                "fields": list(SEARCH_FIELDS),
            }
        else:
            body = {
                "type": "ZoekMetPostcodeEnHuisnummer",
                "postcode": address.normalised_postcode,
                "huisnummer": address.house_number,
                "fields": list(SEARCH_FIELDS),
            }
            if address.house_letter:
                body["huisletter"] = address.house_letter
            if address.house_number_addition:
                body["huisnummertoevoeging"] = address.house_number_addition
        return [
            item["burgerservicenummer"]
            for item in self._post(body).get("personen", [])
            if item.get("burgerservicenummer")
        ]

    # --- HTTP ---------------------------------------------------------------------------------

    def _post(self, body: dict[str, Any]) -> dict[str, Any]:
        kind = body["type"]
        try:
            response = self.session.post(
                self.url, json=body, timeout=self.timeout,
                headers={API_KEY_HEADER: self.api_key, "Accept": "application/json"},
            )
        except requests.Timeout as exc:
            logger.warning("BRP %s: geen antwoord binnen %s s", kind, self.timeout)
            raise RegisterUnavailable(
                "De basisregistratie personen reageert niet op tijd. Probeer het later opnieuw."
            ) from exc
        except requests.RequestException as exc:
            logger.warning("BRP %s: niet bereikbaar (%s)", kind, type(exc).__name__)
            raise RegisterUnavailable(
                "De basisregistratie personen is niet bereikbaar. Probeer het later opnieuw."
            ) from exc
        if response.status_code >= 400:
            raise _error(response, kind)
        try:
            data = response.json()
        except ValueError as exc:
            logger.warning("BRP %s: antwoord is geen JSON (HTTP %s)", kind, response.status_code)
            raise RegisterError(
                "De basisregistratie personen gaf een onverwacht antwoord.",
                status=response.status_code,
            ) from exc
        if not isinstance(data, dict):
            raise RegisterError("De basisregistratie personen gaf een onverwacht antwoord.",
                                status=response.status_code)
        return data


def _error(response: requests.Response, kind: str) -> RegisterError:
    """A typed error from an HTTP error response (RFC 7807 problem+json from the BRP)."""
    status = response.status_code
    code = ""
    try:
        problem = response.json()
        if isinstance(problem, dict):
            code = str(problem.get("code") or "")[:25]
    except ValueError:
        pass
    # Only the status and the BRP's short error code are logged: the problem's detail and
    # invalidParams may repeat what was asked, BSNs included.
    logger.warning("BRP %s: HTTP %s %s", kind, status, code)
    if status >= 500:
        return RegisterUnavailable(
            f"De basisregistratie personen heeft een storing (HTTP {status}). "
            "Probeer het later opnieuw.",
            status=status, code=code,
        )
    message = _STATUS_MESSAGES.get(
        status, f"De basisregistratie personen weigerde de vraag (HTTP {status})."
    )
    return RegisterError(message, status=status, code=code)


# --- Translating BRP JSON ---------------------------------------------------------------------


def _date(value: dict[str, Any] | None) -> date | None:
    """A BRP date object; only complete dates (``type: Datum``) are usable as dates."""
    if not value:
        return None
    if value.get("type") == "Datum" and value.get("datum"):
        return date.fromisoformat(value["datum"])
    if value.get("type") == "JaarMaandDatum":
        return date(int(value["jaar"]), int(value["maand"]), 1)
    if value.get("type") == "JaarDatum":
        return date(int(value["jaar"]), 1, 1)
    return None


def _address(verblijfplaats: dict[str, Any] | None) -> RegisterAddress | None:
    if not verblijfplaats or verblijfplaats.get("type", "Adres") != "Adres":
        return None
    adres = verblijfplaats.get("verblijfadres") or {}
    if not adres.get("huisnummer") or not adres.get("postcode"):
        return None
    return RegisterAddress(
        street=adres.get("officieleStraatnaam") or adres.get("korteStraatnaam") or "",
        house_number=int(adres["huisnummer"]),
        house_letter=adres.get("huisletter") or "",
        house_number_addition=adres.get("huisnummertoevoeging") or "",
        postcode=normalise_postcode(str(adres["postcode"])),
        city=adres.get("woonplaats") or "",
        object_id=verblijfplaats.get("adresseerbaarObjectIdentificatie") or "",
    )


def _bsns(items: list[dict[str, Any]] | None) -> tuple[str, ...]:
    return tuple(item["burgerservicenummer"] for item in items or [] if item.get("burgerservicenummer"))


def _person(item: dict[str, Any]) -> RegisterPerson:
    naam = item.get("naam") or {}
    born = _date((item.get("geboorte") or {}).get("datum"))
    if born is None:
        # Ketenzicht needs a date of birth (age rules); an unknown one is the 1st of January of
        # an unknown year in the BRP, which we cannot use.
        raise RegisterError("De basisregistratie personen geeft geen bruikbare geboortedatum.")
    verblijfplaats = item.get("verblijfplaats")
    return RegisterPerson(
        bsn=item["burgerservicenummer"],
        given_names=naam.get("voornamen", ""),
        surname_prefix=naam.get("voorvoegsel", ""),
        surname=naam.get("geslachtsnaam", ""),
        date_of_birth=born,
        date_of_death=_date((item.get("overlijden") or {}).get("datum")),
        address=_address(verblijfplaats),
        living_since=_date((verblijfplaats or {}).get("datumVan")),
        parents=_bsns(item.get("ouders")),
        children=_bsns(item.get("kinderen")),
        # The BRP also gives the last dissolved partner; only a current partner is a relation.
        partners=_bsns(
            [p for p in item.get("partners") or [] if not p.get("ontbindingHuwelijkPartnerschap")]
        ),
    )
