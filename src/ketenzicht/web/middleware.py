"""Session limits that Django's settings alone do not give: an absolute maximum of 12 hours.

The idle timeout (30 minutes) is Django's own: ``SESSION_COOKIE_AGE`` renewed on every request.
"""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

SESSION_STARTED = "ketenzicht_session_started"


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
