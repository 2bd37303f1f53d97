"""Requests as the web and the API receive them, for the request id and request log tests."""

from rest_framework.test import APIClient

from ketenzicht.api.responsible import PROFESSIONAL_HEADER
from ketenzicht.api.tokens import issue_token
from ketenzicht.organisations.models import Professional


def api_client(professional: Professional, claimed: str | None = None) -> tuple[APIClient, str]:
    """A client for the system of ``professional``'s organisation, and its token's prefix.

    The system names ``claimed`` (default: the professional) as responsible for each request.
    """
    issued = issue_token(professional.organisation, "leerlingadministratie")
    client = APIClient()
    header = "HTTP_" + PROFESSIONAL_HEADER.upper().replace("-", "_")
    client.credentials(HTTP_AUTHORIZATION=f"Token {issued.key}",
                       **{header: claimed or professional.user.username})
    return client, issued.token.prefix


def failed_login(client, **extra):
    """A login with a wrong password: an audited request without any session."""
    return client.post("/inloggen/", {"username": "juf", "password": "verkeerd-wachtwoord",
                                      "otp_token": "123456"}, **extra)
