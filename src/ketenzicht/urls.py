from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django_otp.admin import OTPAdminSite

from ketenzicht.web.health import health

# The admin ("beheer") asks for the authenticator code too: only verified staff get in.
admin.site.__class__ = OTPAdminSite
admin.site.site_header = "Ketenzicht beheer"
admin.site.site_title = "Ketenzicht beheer"

urlpatterns = [
    path("health/", health, name="health"),
    path("api/v1/", include("ketenzicht.api.urls")),
    path("beheer/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("ketenzicht.web.urls")),
]
if settings.KETENZICHT_OIDC_ENABLED:
    urlpatterns.insert(0, path("oidc/", include("mozilla_django_oidc.urls")))

handler403 = "ketenzicht.web.views.errors.handler403"
handler404 = "ketenzicht.web.views.errors.handler404"
