"""Logging in (password plus authenticator code) and out, each written to the audit trail."""

import time

from django.conf import settings
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from ketenzicht.audit.models import EventType
from ketenzicht.audit.services import Subject, record
from ketenzicht.organisations.services import professional_for_user

from ..demo_logins import demo_logins
from ..forms import LoginForm
from ..guards import is_two_factor_verified, web_actor
from ..middleware import SESSION_STARTED


def _next_url(request: HttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return wanted
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@sensitive_post_parameters("password", "otp_token")
@never_cache
def login(request: HttpRequest) -> HttpResponse:
    if is_two_factor_verified(request):
        return redirect(_next_url(request))
    form = LoginForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        auth_login(request, user)
        otp_login(request, form.otp_device)
        request.session[SESSION_STARTED] = time.time()
        record(web_actor(request, professional_for_user(user)), EventType.LOGIN, Subject())
        return redirect(_next_url(request))
    return render(request, "web/login.html", {
        "form": form,
        "next": _next_url(request) if (request.POST.get("next") or request.GET.get("next")) else "",
        "expired": request.GET.get("verlopen") == "1",
        "demo": demo_logins(),
        "title": _("Inloggen"),
    })


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    professional = professional_for_user(request.user)
    if professional is not None:
        record(web_actor(request, professional), EventType.LOGOUT, Subject())
    auth_logout(request)
    return redirect(settings.LOGOUT_REDIRECT_URL)
