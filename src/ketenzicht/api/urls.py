"""``/api/v1/``: plural Dutch nouns, no trailing slashes, and problem+json for any other URL."""

from django.urls import path, re_path

from .base import UnknownUrlView
from .views import HouseholdView, PersonSearchView, PersonView, SchemaJsonView, SchemaView

app_name = "api"
urlpatterns = [
    path("personen/zoeken", PersonSearchView.as_view(), name="personen-zoeken"),
    path("personen/<uuid:uuid>", PersonView.as_view(), name="persoon"),
    path("huishoudens/<uuid:uuid>", HouseholdView.as_view(), name="huishouden"),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("openapi.json", SchemaJsonView.as_view(), name="openapi-json"),
    re_path(r"^", UnknownUrlView.as_view(), name="onbekend"),
]
