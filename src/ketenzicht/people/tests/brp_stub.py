"""A local stand-in for the Haal Centraal BRP Personen Bevragen API, for adapter tests.

A real HTTP server on 127.0.0.1 (random port) in a thread: the adapter's requests go over a
socket exactly as in production, and the stub records what it received so tests can assert on
the URL, headers and body.
"""

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

BASE_PATH = "/haalcentraal/api/brp"


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> dict[str, Any]:
        return json.loads(self.body)


@dataclass
class Reply:
    status: int = 200
    body: Any = None
    content_type: str = "application/json"
    delay: float = 0.0


@dataclass
class BrpStub:
    url: str = ""
    persons: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: list[RecordedRequest] = field(default_factory=list)
    #: Replace the default answers, e.g. with an error for every request.
    responder: Callable[[RecordedRequest], Reply] | None = None

    def add(self, *persons: dict[str, Any]) -> None:
        for person in persons:
            self.persons[person["burgerservicenummer"]] = person

    def answer(self, request: RecordedRequest) -> Reply:
        if self.responder is not None:
            return self.responder(request)
        if request.path != f"{BASE_PATH}/personen":
            return Reply(404, {"title": "Niet gevonden", "status": 404, "code": "notFound"},
                         "application/problem+json")
        query = request.json
        kind = query["type"]
        if kind == "RaadpleegMetBurgerservicenummer":
            found = [self.persons[b] for b in query["burgerservicenummer"] if b in self.persons]
        elif kind == "ZoekMetAdresseerbaarObjectIdentificatie":
            found = [
                {"burgerservicenummer": p["burgerservicenummer"]} for p in self.persons.values()
                if p.get("verblijfplaats", {}).get("adresseerbaarObjectIdentificatie")
                == query["adresseerbaarObjectIdentificatie"]
            ]
        elif kind == "ZoekMetPostcodeEnHuisnummer":
            found = [
                {"burgerservicenummer": p["burgerservicenummer"]} for p in self.persons.values()
                if (adres := p.get("verblijfplaats", {}).get("verblijfadres", {}))
                and adres.get("postcode") == query["postcode"]
                and adres.get("huisnummer") == query["huisnummer"]
            ]
        else:
            return Reply(400, {"title": "Onbekend zoektype", "status": 400, "code": "unknownType"},
                         "application/problem+json")
        return Reply(200, {"type": kind, "personen": found})


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        request = RecordedRequest("POST", self.path, dict(self.headers.items()), self.rfile.read(length))
        self.server.stub.requests.append(request)
        reply = self.server.stub.answer(request)
        if reply.delay:
            time.sleep(reply.delay)
        payload = reply.body if isinstance(reply.body, bytes) else json.dumps(reply.body).encode()
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout tests)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: test output stays readable."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    stub: BrpStub


def start() -> tuple[_Server, BrpStub]:
    server = _Server(("127.0.0.1", 0), _Handler)
    stub = BrpStub(url=f"http://127.0.0.1:{server.server_port}{BASE_PATH}")
    server.stub = stub
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server, stub


def brp_person(bsn: str, voornamen: str, geslachtsnaam: str, geboren: str, *, voorvoegsel: str = "",
               adres: dict[str, Any] | None = None, object_id: str = "", ouders=(), kinderen=(),
               partners=()) -> dict[str, Any]:
    """A person as RaadpleegMetBurgerservicenummer returns them (only the fields we ask)."""
    naam = {"voornamen": voornamen, "geslachtsnaam": geslachtsnaam}
    if voorvoegsel:
        naam["voorvoegsel"] = voorvoegsel
    person: dict[str, Any] = {
        "burgerservicenummer": bsn,
        "naam": naam,
        "geboorte": {"datum": {"type": "Datum", "datum": geboren, "langFormaat": geboren}},
        "ouders": [{"burgerservicenummer": b, "ouderAanduiding": str(i + 1)} for i, b in enumerate(ouders)],
        "kinderen": [{"burgerservicenummer": b} for b in kinderen],
        "partners": [p if isinstance(p, dict) else {"burgerservicenummer": p} for p in partners],
    }
    if adres is not None:
        person["verblijfplaats"] = {
            "type": "Adres",
            "adresseerbaarObjectIdentificatie": object_id,
            "datumVan": {"type": "Datum", "datum": "2019-04-01", "langFormaat": "1 april 2019"},
            "verblijfadres": adres,
        }
    return person
