"""``/api/v1/``: plural Dutch nouns, no trailing slashes, and problem+json for any other URL."""

from django.urls import path, re_path

from .aanmeldingen.views import ApplicationsView
from .base import UnknownUrlView
from .clienten.views import ClientsView, EndClientView
from .gezinsplannen.views import HouseholdPlanView
from .regie.views import LeadSearchView
from .signalen.views import RoutingAdviceView, SignalsView, SignalView
from .verwijsindex.bulk import BulkRegistrationsView
from .verwijsindex.views import (
    EndRegistrationView,
    ExtendRegistrationView,
    MatchesView,
    RegistrationsView,
    RegistrationView,
)
from .views import HouseholdView, PersonSearchView, PersonView, SchemaJsonView, SchemaView

app_name = "api"
urlpatterns = [
    path("personen/zoeken", PersonSearchView.as_view(), name="personen-zoeken"),
    path("personen/<uuid:uuid>", PersonView.as_view(), name="persoon"),
    path("huishoudens/<uuid:uuid>", HouseholdView.as_view(), name="huishouden"),
    path("huishoudens/<uuid:uuid>/plan", HouseholdPlanView.as_view(), name="gezinsplan"),
    path("verwijsindex/meldingen", RegistrationsView.as_view(), name="meldingen"),
    path("verwijsindex/meldingen/bulk", BulkRegistrationsView.as_view(), name="meldingen-bulk"),
    path("verwijsindex/meldingen/<uuid:uuid>", RegistrationView.as_view(), name="melding"),
    path("verwijsindex/meldingen/<uuid:uuid>/beeindigen", EndRegistrationView.as_view(),
         name="melding-beeindigen"),
    path("verwijsindex/meldingen/<uuid:uuid>/verlengen", ExtendRegistrationView.as_view(),
         name="melding-verlengen"),
    path("verwijsindex/matches", MatchesView.as_view(), name="matches"),
    path("clienten", ClientsView.as_view(), name="clienten"),
    path("clienten/<uuid:uuid>/beeindigen", EndClientView.as_view(), name="client-beeindigen"),
    path("regie/zoeken", LeadSearchView.as_view(), name="regie-zoeken"),
    path("routeringsadvies", RoutingAdviceView.as_view(), name="routeringsadvies"),
    path("aanmeldingen", ApplicationsView.as_view(), name="aanmeldingen"),
    path("signalen", SignalsView.as_view(), name="signalen"),
    path("signalen/<uuid:uuid>", SignalView.as_view(), name="signaal"),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("openapi.json", SchemaJsonView.as_view(), name="openapi-json"),
    re_path(r"^", UnknownUrlView.as_view(), name="onbekend"),
]
