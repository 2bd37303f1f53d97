"""Two ``ketenzicht serve`` processes on one PostgreSQL and one Redis behave as one server.

Behind a load balancer any request may reach either server (and either of its gunicorn workers),
so nothing that limits or remembers may live in one process's memory: the API budget is counted
in Redis, login failures and lockouts are rows in the database (django-axes), and a remembered
``Idempotency-Key`` is a database row under a unique constraint.

Both servers run the production settings, two workers of two threads each, with the same
``KETENZICHT_REDIS_URL`` and a key prefix of this test run's own.
"""

import re
import threading
import uuid
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass

import pytest
import requests
from django_otp.plugins.otp_totp.models import TOTPDevice

from ketenzicht.api.tokens import issue_token
from ketenzicht.conftest import totp_code
from ketenzicht.demo.accounts import DEMO_PASSWORD
from ketenzicht.demo.loader import load_demo
from ketenzicht.organisations.models import Professional
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.verwijsindex.models import IndexRegistration

from .processes import (
    BEHIND_TLS_LOAD_BALANCER,
    ServerProcess,
    production_environment,
    run_ketenzicht,
    running_server,
)
from .redis_support import delete_keys_under, keys_under, redis_url_for_tests, unique_prefix

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]

PRODUCTION = "ketenzicht.conf.production"
RATE = 5
DAAN, EMMA = "999990019", "999990020"
MELDINGEN = "/api/v1/verwijsindex/meldingen"
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Cluster:
    servers: tuple[ServerProcess, ServerProcess]
    redis_url: str
    key_prefix: str


@pytest.fixture(scope="module")
def cluster(django_db_setup, tmp_path_factory) -> Iterator[Cluster]:
    """Servers A and B, started once for this module, on the test database and one Redis."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("vereist PostgreSQL")
    redis_url, prefix = redis_url_for_tests(), unique_prefix()
    var_dir = tmp_path_factory.mktemp("var")
    environment = {
        **production_environment(var_dir),
        "KETENZICHT_REDIS_URL": redis_url,
        "KETENZICHT_CACHE_KEY_PREFIX": prefix,
        "KETENZICHT_API_RATE": f"{RATE}/minute",
    }
    run_ketenzicht("collectstatic", "--noinput", env=environment)
    logs = tmp_path_factory.mktemp("logs")
    try:
        with ExitStack() as stack:
            servers = tuple(stack.enter_context(
                running_server(PRODUCTION, environment, logs, headers=BEHIND_TLS_LOAD_BALANCER)
            ) for _ in range(2))
            yield Cluster(servers, redis_url, prefix)
    finally:
        delete_keys_under(redis_url, prefix)


@pytest.fixture
def emmen(cluster, settings):
    """The demo's Emmen, committed, and a rate-limit budget that starts from nothing."""
    delete_keys_under(cluster.redis_url, cluster.key_prefix)
    settings.DEMO_MODE = True
    load_demo(households=3)


def api_headers(username: str) -> dict[str, str]:
    """A fresh token of ``username``'s organisation's system, naming ``username``."""
    professional = Professional.objects.select_related("organisation").get(user__username=username)
    token = issue_token(professional.organisation, "leerlingvolgsysteem").key
    return {"Authorization": f"Token {token}", "Verantwoordelijke-Professional": username}


def at_once(calls: list) -> list:
    """Run the calls in threads released together; their results in the same order."""
    start = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index: int) -> None:
        start.wait()
        results[index] = calls[index]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


# --- throttling ------------------------------------------------------------------------------

def test_throttling_holds_across_two_servers(cluster, emmen):
    a, b = cluster.servers
    headers = api_headers("leerkracht")
    daan = f"/api/v1/personen/{find_person_by_bsn(DAAN).uuid}"

    alternating = [(a, b)[i % 2].get(daan, headers=headers) for i in range(RATE + 1)]
    on_a_too = a.get(daan, headers=headers)

    assert [r.status_code for r in alternating[:RATE]] == [200] * RATE
    sixth = alternating[RATE]  # it went to B, which itself served only two of the five
    assert sixth.status_code == 429
    assert sixth.headers["Content-Type"] == "application/problem+json"
    assert int(sixth.headers["Retry-After"]) >= 1
    assert on_a_too.status_code == 429
    # The counters are in the shared Redis, under this run's prefix only.
    assert keys_under(cluster.redis_url, cluster.key_prefix)


def test_parallel_requests_to_two_servers_never_exceed_the_budget(cluster, emmen):
    a, b = cluster.servers
    headers = api_headers("leerkracht")
    daan = f"/api/v1/personen/{find_person_by_bsn(DAAN).uuid}"

    answers = at_once([lambda server=server: server.get(daan, headers=headers) for server in (a, b) * 8])

    statuses = sorted(r.status_code for r in answers)
    assert statuses == [200] * RATE + [429] * (16 - RATE)


# --- lockout ---------------------------------------------------------------------------------

class BrowserBehindTheLoadBalancer(requests.Session):
    """A browser's session as the server sees it through the TLS-ending load balancer.

    The browser speaks https, so it sends back the Secure cookies (session, CSRF); this test
    speaks plain http to the server itself, where requests would withhold them.
    """

    def request(self, *args, **kwargs) -> requests.Response:
        response = super().request(*args, **kwargs)
        for cookie in self.cookies:
            cookie.secure = False
        return response


def browser_for(server: ServerProcess) -> requests.Session:
    """A browser of its own per server, arriving over https through the load balancer."""
    browser = BrowserBehindTheLoadBalancer()
    browser.headers.update({**server.headers, "Origin": server.url.replace("http://", "https://")})
    return browser


def log_in(browser: requests.Session, server: ServerProcess, password: str, code: str) -> requests.Response:
    form = browser.get(f"{server.url}/inloggen/", timeout=30)
    token = CSRF_FIELD.search(form.text).group(1)
    return browser.post(f"{server.url}/inloggen/", timeout=30, allow_redirects=False, data={
        "csrfmiddlewaretoken": token, "username": "leerkracht", "password": password, "otp_token": code,
    })


def test_lockout_holds_across_two_servers(cluster, emmen, settings):
    a, b = cluster.servers
    browsers = {a.url: browser_for(a), b.url: browser_for(b)}
    device = TOTPDevice.objects.get(user__username="leerkracht")

    failures = [log_in(browsers[server.url], server, "geraden-wachtwoord", "000000")
                for server in [(a, b)[i % 2] for i in range(settings.AXES_FAILURE_LIMIT)]]
    right_on_b = log_in(browsers[b.url], b, DEMO_PASSWORD, totp_code(device))
    right_on_a = log_in(browsers[a.url], a, DEMO_PASSWORD, totp_code(device))

    assert all(r.status_code == 200 and "klopt niet" in r.text for r in failures[:-1])
    # The last failure went to A, which itself had seen only half of them.
    assert failures[-1].status_code in (403, 429)
    assert "Account tijdelijk geblokkeerd" in failures[-1].text
    for locked in (right_on_b, right_on_a):
        assert locked.status_code in (403, 429)
        assert "Account tijdelijk geblokkeerd" in locked.text


# --- idempotency -----------------------------------------------------------------------------

def melding(bsn: str) -> dict:
    return {"bsn": bsn, "risicocategorieen": ["e"], "redelijkVermoeden": True,
            "contactpersoon": {"naam": "Ingrid Hofstede", "telefoon": "0591 123456",
                               "email": "i.hofstede@kristalla.example"}}


def registrations_of(bsn: str) -> int:
    return IndexRegistration.objects.filter(person=find_person_by_bsn(bsn)).count()


def test_a_retry_on_the_other_server_replays_the_answer(cluster, emmen):
    a, b = cluster.servers
    headers = {**api_headers("leerkracht"), "Idempotency-Key": str(uuid.uuid4())}

    first = a.post(MELDINGEN, json=melding(DAAN), headers=headers)
    retry = b.post(MELDINGEN, json=melding(DAAN), headers=headers)

    assert first.status_code == 201, first.text
    assert retry.status_code == 201, retry.text
    assert retry.headers["Idempotency-Replayed"] == "true"
    assert retry.json() == first.json()
    assert retry.headers["Location"] == first.headers["Location"]
    assert registrations_of(DAAN) == 1


def test_the_same_request_to_both_servers_at_once_writes_once(cluster, emmen):
    a, b = cluster.servers
    headers = {**api_headers("leerkracht"), "Idempotency-Key": str(uuid.uuid4())}

    answers = at_once([lambda server=server: server.post(MELDINGEN, json=melding(EMMA), headers=headers)
                       for server in (a, b)])

    # Without the shared key the second would be refused as a duplicate registration (409).
    assert [r.status_code for r in answers] == [201, 201], [r.text for r in answers]
    assert answers[0].json() == answers[1].json()
    assert sorted(r.headers.get("Idempotency-Replayed", "") for r in answers) == ["", "true"]
    assert registrations_of(EMMA) == 1
