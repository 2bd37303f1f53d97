from django.urls import include, path

from ketenzicht.web.health import health

urlpatterns = [
    path("health/", health, name="health"),
    path("api/v1/", include("ketenzicht.api.urls")),
    path("", include("ketenzicht.web.urls")),
]
