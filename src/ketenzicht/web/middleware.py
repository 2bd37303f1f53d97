"""Session limits and caching rules that Django's settings alone do not give.

The idle timeout (30 minutes) is Django's own: ``SESSION_COOKIE_AGE`` renewed on every request;
the absolute maximum of 12 hours is ``AbsoluteSessionTimeoutMiddleware``. ``NoStoreMiddleware``
keeps client data out of browser, proxy and shared caches.
"""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control

SESSION_STARTED = "ketenzicht_session_started"
API_PREFIX = "/api/v1/"
#: The published API description holds no client data and may be cached like any document.
PUBLIC_API_VIEWS = frozenset({"api:schema", "api:openapi-json"})


class AbsoluteSessionTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            started = request.session.setdefault(SESSION_STARTED, time.time())
            if time.time() - started > settings.KETENZICHT_SESSION_ABSOLUTE_SECONDS:
                logout(request)
                return redirect(reverse(settings.LOGIN_URL) + "?verlopen=1")
        return self.get_response(request)


class NoStoreMiddleware:
    """``Cache-Control: no-store`` on every page of a logged-in user and every API answer.

    A person page left in the disk cache of a shared municipal PC, or kept by a caching proxy,
    is client data outside the audit trail. Which pages hold client data changes with every
    feature, so the rule is by audience, not by page: anything a logged-in user or an API
    client receives is not stored. ``Pragma`` covers HTTP/1.0 caches. Static files never get
    here (WhiteNoise answers them earlier) and stay cacheable.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Asked before and after the view: logging out must not make its own answer cacheable,
        # and logging in makes the next answers private. (DRF sets ``user`` to None.)
        authenticated = _logged_in(request)
        response = self.get_response(request)
        if authenticated or _logged_in(request) or self._is_private_api(request):
            patch_cache_control(response, no_store=True)
            response["Pragma"] = "no-cache"
        return response

    @staticmethod
    def _is_private_api(request: HttpRequest) -> bool:
        if not request.path.startswith(API_PREFIX):
            return False
        match = request.resolver_match
        return match is None or match.view_name not in PUBLIC_API_VIEWS


def _logged_in(request: HttpRequest) -> bool:
    return bool(getattr(getattr(request, "user", None), "is_authenticated", False))
