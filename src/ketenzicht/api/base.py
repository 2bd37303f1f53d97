"""Base views for ``/api/v1/``: Dutch errors, the ``API-Version`` header, and the
responsible professional for client data."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils import translation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ketenzicht.audit.services import Actor
from ketenzicht.organisations.models import Professional

from .problems import PROBLEM_CONTENT_TYPE, ClientNotFound, TooManyRequests
from .responsible import api_actor, responsible_professional

API_VERSION_HEADER = "API-Version"


def api_version() -> str:
    return settings.SPECTACULAR_SETTINGS["VERSION"]


class ApiConventionsMixin:
    """What every API response shares, whatever view class it comes from.

    Messages are Dutch whatever the client's Accept-Language: the chain's working language, and
    the issue asks for Dutch messages (Logius API-57 asks for the full version in a header).
    """

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        with translation.override("nl"):
            return super().dispatch(request, *args, **kwargs)

    def finalize_response(self, request: Request, response: Response, *args: Any, **kwargs: Any):
        response = super().finalize_response(request, response, *args, **kwargs)
        if getattr(response, "content_type", None) == PROBLEM_CONTENT_TYPE:
            # Problems are JSON even where the view renders something else (the YAML schema),
            # and even when content negotiation failed (406).
            response.accepted_renderer = JSONRenderer()
            response.accepted_media_type = "application/json"
        response[API_VERSION_HEADER] = api_version()
        return response


class ApiView(ApiConventionsMixin, APIView):
    """Deny by default (token, throttling from settings); no OPTIONS metadata to reveal."""

    metadata_class = None

    def throttled(self, request: Request, wait: float | None) -> None:
        raise TooManyRequests(wait)


class ClientDataView(ApiView):
    """A view that reads or writes client data: it names a responsible professional.

    ``self.professional`` and ``self.actor`` are set before the handler runs, after the token,
    the permission and the rate limit have been checked.
    """

    professional: Professional
    actor: Actor

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        self.professional = responsible_professional(request)
        self.actor = api_actor(request, self.professional)


class UnknownUrlView(ApiView):
    """Any other URL under ``/api/v1/``: a problem+json 404 instead of Django's HTML page."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes: list = []
    schema = None

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        raise ClientNotFound("Deze URL bestaat niet in de API.")
