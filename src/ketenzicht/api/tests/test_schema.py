"""The OpenAPI document is generated, committed, served, and never drifts from the code."""

from pathlib import Path

import yaml
from django.core.management import call_command
from rest_framework.test import APIClient

COMMITTED = Path(__file__).resolve().parent.parent / "openapi.yaml"


def test_schema_matches_committed_openapi(tmp_path, db):
    generated = tmp_path / "openapi.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", file=str(generated))
    assert generated.read_text() == COMMITTED.read_text(), (
        "The API changed but src/ketenzicht/api/openapi.yaml did not: run `make schema` "
        "and commit the result."
    )


def test_schema_is_served_without_token(db):
    response = APIClient().get("/api/v1/schema/")
    assert response.status_code == 200
    assert response["API-Version"] == "1.0.0"
    served = yaml.safe_load(response.content)
    assert served == yaml.safe_load(COMMITTED.read_text())


def test_schema_is_also_served_as_json(db):
    response = APIClient().get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "Ketenzicht API"


def test_schema_names_the_conventions(db):
    schema = yaml.safe_load(COMMITTED.read_text())
    search = schema["paths"]["/api/v1/personen/zoeken"]["post"]
    headers = {p["name"] for p in search["parameters"] if p["in"] == "header"}
    assert "Verantwoordelijke-Professional" in headers
    assert "application/problem+json" in search["responses"]["404"]["content"]
    assert not any("{bsn}" in path for path in schema["paths"])
