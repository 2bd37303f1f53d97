"""``ketenzicht serve`` under production settings answers pages, the API, /health/ and static files.

The server is a real gunicorn process on the test's PostgreSQL database behind a (pretended)
TLS load balancer; the data the test writes is committed, and the server reads the BSN the
test protected because both use the same keys.
"""

import pytest

from ketenzicht.api.tokens import issue_token
from ketenzicht.people.services import reveal_bsn

from .processes import (
    BEHIND_TLS_LOAD_BALANCER,
    production_environment,
    run_ketenzicht,
    running_server,
)

PRODUCTION = "ketenzicht.conf.production"


@pytest.mark.postgres_only
def test_production_server_answers_a_page_the_api_health_and_static_files(transactional_db, parties,
                                                                          tmp_path):
    environment = production_environment(tmp_path / "var")
    run_ketenzicht("collectstatic", "--noinput", env=environment)
    key = issue_token(parties.involved_organisation, "leerlingvolgsysteem").key

    with running_server(PRODUCTION, environment, tmp_path, headers=BEHIND_TLS_LOAD_BALANCER) as server:
        login = server.get("/inloggen/")
        found = server.post("/api/v1/personen/zoeken", json={"bsn": reveal_bsn(parties.child)}, headers={
            "Authorization": f"Token {key}", "Verantwoordelijke-Professional": "juf"})
        health = server.get("/health/")
        stylesheet = server.get("/static/web/ketenzicht.css", headers={"Accept-Encoding": "gzip"})
        plain_http = server.get("/inloggen/", headers={"X-Forwarded-Proto": "http"}, allow_redirects=False)
        probe = server.get("/health/", headers={"X-Forwarded-Proto": "http"}, allow_redirects=False)

    assert login.status_code == 200
    assert '<html lang="nl"' in login.text
    assert "Inloggen" in login.text
    assert found.status_code == 200, found.text
    assert found.json()["persoon"]["voornamen"] == "Daan"
    assert health.status_code == 200
    assert health.json()["database"] == "ok"
    assert health.json()["engine"] == "postgresql"
    # WhiteNoise serves what collectstatic compressed.
    assert stylesheet.status_code == 200
    assert stylesheet.headers["Content-Type"].startswith("text/css")
    assert stylesheet.headers["Content-Encoding"] == "gzip"
    assert ".kz-header" in stylesheet.text
    # Production settings are in force: plain http is sent to https.
    assert plain_http.status_code == 301
    assert plain_http.headers["Location"].startswith("https://")
    # ... except the load balancer's plain-http health probe, which must not see a redirect.
    assert probe.status_code == 200


def test_serve_refuses_to_start_without_collectstatic(tmp_path):
    unused_database = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    environment = production_environment(tmp_path / "var", database_url=unused_database)

    refused = run_ketenzicht("serve", "--bind", "127.0.0.1:0", env=environment, timeout=60, check=False)

    assert refused.returncode == 1
    assert "De statische bestanden ontbreken" in refused.stderr
    assert "ketenzicht collectstatic --noinput" in refused.stderr


def test_serve_with_the_demo_settings_listens_on_this_machine_only(tmp_path):
    """Debug pages and the demo's published logins never go on the network by a forgotten setting."""
    environment = {"DJANGO_SETTINGS_MODULE": "ketenzicht.conf.dev", "KETENZICHT_VAR_DIR": str(tmp_path)}

    refused = run_ketenzicht("serve", "--bind", "0.0.0.0:0", env=environment, timeout=60, check=False)

    assert refused.returncode == 1
    assert "luistert de server alleen op dit apparaat (127.0.0.1), niet op 0.0.0.0" in refused.stderr
