from typing import TYPE_CHECKING

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from .models import ApiToken

if TYPE_CHECKING:  # DRF imports this module while importing its views: no cycle at runtime
    from rest_framework.request import Request
    from rest_framework.views import APIView


class OrganisationRateThrottle(SimpleRateThrottle):
    """A request budget per token (``KETENZICHT_API_RATE``), so one runaway system cannot
    starve the others. Unauthenticated requests never get this far (401 first)."""

    scope = "organisation"

    def get_rate(self) -> str | None:
        # Read per request, not at import: the rate can then be changed without a restart of
        # this class (and tests can override it).
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_cache_key(self, request: "Request", view: "APIView") -> str | None:
        if not isinstance(request.auth, ApiToken):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}
