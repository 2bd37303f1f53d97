"""The Haal Centraal BRP client: BSNs only in request bodies, errors in Dutch, never logged."""

import json
import logging
import socket

import pytest

from ketenzicht.people.register import RegisterError, RegisterUnavailable
from ketenzicht.people.register.haal_centraal import API_KEY_HEADER, HaalCentraalRegister

from .brp_stub import BASE_PATH, Reply, brp_person

BSN = "999990019"


def _register(brp, timeout: float = 5) -> HaalCentraalRegister:
    return HaalCentraalRegister(url=brp.url, api_key="demo-sleutel", timeout=timeout)


def test_haal_centraal_client_sends_bsn_only_in_body(brp, caplog):
    caplog.set_level(logging.DEBUG)
    brp.add(brp_person(BSN, "Daan", "Vries", "2017-05-12", voorvoegsel="de",
                       adres={"officieleStraatnaam": "Hoofdkanaal Oost", "huisnummer": 112,
                              "postcode": "7881AG", "woonplaats": "Emmer-Compascuum"}))
    person = _register(brp).lookup(BSN)
    assert (person.given_names, person.surname_prefix, person.surname) == ("Daan", "de", "Vries")
    assert person.address.postcode == "7881AG" and person.address.object_id == ""

    (request,) = brp.requests
    assert request.method == "POST"
    assert request.path == f"{BASE_PATH}/personen"
    assert BSN not in request.path
    assert request.headers[API_KEY_HEADER] == "demo-sleutel"
    assert request.headers["Content-Type"].startswith("application/json")
    assert all(BSN not in value for value in request.headers.values())
    body = request.json
    assert body["type"] == "RaadpleegMetBurgerservicenummer"
    assert body["burgerservicenummer"] == [BSN]
    assert "verblijfplaats" in body["fields"] and "ouders.burgerservicenummer" in body["fields"]
    assert BSN not in caplog.text


def test_haal_centraal_asks_at_most_twenty_bsns_at_a_time(brp):
    bsns = [f"99900{n:04d}" for n in range(45)]
    _register(brp).lookup_many(bsns)
    assert [len(r.json["burgerservicenummer"]) for r in brp.requests] == [20, 20, 5]


def _problem(status: int) -> Reply:
    return Reply(status, {
        "type": "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html",
        "title": "Fout", "status": status, "code": "fout",
        "detail": f"Ongeldige vraag voor burgerservicenummer {BSN}",
        "invalidParams": [{"name": "burgerservicenummer[0]", "reason": BSN}],
    }, "application/problem+json")


@pytest.mark.parametrize(
    ("reply", "error", "message"),
    [
        (_problem(400), RegisterError, "kon de vraag niet verwerken"),
        (_problem(401), RegisterError, "API-sleutel"),
        (_problem(403), RegisterError, "niet bevoegd"),
        (_problem(429), RegisterError, "te veel vragen"),
        (_problem(500), RegisterUnavailable, "storing (HTTP 500)"),
        (_problem(503), RegisterUnavailable, "storing (HTTP 503)"),
        (Reply(200, b"<html>proxy</html>", "text/html"), RegisterError, "onverwacht antwoord"),
        (Reply(200, {"personen": []}, delay=1.0), RegisterUnavailable, "niet op tijd"),
    ],
)
def test_haal_centraal_errors_give_dutch_message(brp, caplog, reply, error, message):
    caplog.set_level(logging.DEBUG)
    brp.responder = lambda request: reply
    with pytest.raises(error) as raised:
        _register(brp, timeout=0.3).lookup(BSN)
    assert message in raised.value.message
    assert BSN not in str(raised.value)
    assert BSN not in caplog.text
    if reply.status >= 400:
        assert raised.value.status == reply.status and raised.value.code == "fout"


def test_haal_centraal_unreachable_gives_dutch_message(caplog):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    register = HaalCentraalRegister(url=f"http://127.0.0.1:{port}/brp", api_key="x", timeout=1)
    with pytest.raises(RegisterUnavailable, match="niet bereikbaar"):
        register.lookup(BSN)
    assert BSN not in caplog.text


def test_problem_details_from_the_brp_are_not_passed_on(brp):
    brp.responder = lambda request: _problem(400)
    with pytest.raises(RegisterError) as raised:
        _register(brp).lookup(BSN)
    assert json.dumps(raised.value.__dict__, default=str).find(BSN) == -1
