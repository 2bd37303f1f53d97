"""URLs for the audit admin tests: the audit ModelAdmin on a plain admin site.

The project's admin site asks for an authenticator code (OTPAdminSite, see ketenzicht.urls);
these tests are about the audit trail's admin, not about logging in, so they use a plain site.
"""

from django.contrib.admin import AdminSite
from django.http import HttpRequest, HttpResponseForbidden
from django.urls import path

from ketenzicht.audit.admin import AuditEventAdmin
from ketenzicht.audit.models import AuditEvent

site = AdminSite(name="audit-test-admin")
site.register(AuditEvent, AuditEventAdmin)

urlpatterns = [path("beheer/", site.urls)]


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponseForbidden:
    """A bare 403: the project's error page needs the web app's URLs, which are not mounted here."""
    return HttpResponseForbidden()


handler403 = forbidden
