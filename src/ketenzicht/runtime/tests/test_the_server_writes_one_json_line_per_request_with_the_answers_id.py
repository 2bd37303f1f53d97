"""``ketenzicht serve`` under production settings: gunicorn's and Django's lines are one JSON stream.

The real server on its own SQLite database, behind a (pretended) TLS load balancer that passes
its own request id: the answer carries Ketenzicht's own id, the request line names both, gunicorn
writes its boot lines as JSON and no access line of its own (which would hold the query string).
"""

import json
import re

import pytest

from .processes import BEHIND_TLS_LOAD_BALANCER, production_environment, run_ketenzicht, running_server

PRODUCTION = "ketenzicht.conf.production"
LOAD_BALANCER_ID = "0af7651916cd43dd8448eb211c80319c"


@pytest.mark.embedded_only  # the server runs on an SQLite file of its own
def test_the_server_logs_json_lines_leading_from_the_load_balancers_id_to_its_own(tmp_path):
    environment = {
        **production_environment(tmp_path / "var", database_url=f"sqlite:///{tmp_path / 'db.sqlite3'}"),
        "KETENZICHT_TRUSTED_PROXY_COUNT": "1",
    }
    run_ketenzicht("migrate", "--noinput", env=environment)
    run_ketenzicht("collectstatic", "--noinput", env=environment)

    with running_server(PRODUCTION, environment, tmp_path, workers=1,
                        headers=BEHIND_TLS_LOAD_BALANCER) as server:
        answer = server.get("/inloggen/?volgende=geheime-zoekterm",
                            headers={"X-Request-ID": LOAD_BALANCER_ID, "X-Forwarded-For": "192.0.2.7"})
    output = server.log()

    lines = [json.loads(text) for text in output.splitlines()]
    assert answer.status_code == 200
    request_id = answer.headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    (line,) = [line for line in lines if line.get("upstream_request_id") == LOAD_BALANCER_ID]
    assert (line["logger"], line["request_id"], line["method"], line["path"], line["status"]) == (
        "ketenzicht.request", request_id, "GET", "/inloggen/", 200)
    assert any(line["logger"] == "gunicorn.error" and line["message"].startswith("Booting worker")
               for line in lines)
    assert "geheime-zoekterm" not in output
