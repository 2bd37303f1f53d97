from django.urls import path

from .views import auth, clients, reports

app_name = "web"
urlpatterns = [
    path("inloggen/", auth.login, name="login"),
    path("uitloggen/", auth.logout, name="logout"),
    path("", clients.worklist, name="worklist"),
    path("zoeken/", clients.search, name="search"),
    path("personen/<uuid:person_uuid>/", clients.person, name="person"),
    path("personen/<uuid:person_uuid>/huishouden-bijwerken/", clients.person_household_refresh,
         name="person_household_refresh"),
    path("huishoudens/<uuid:household_uuid>/", clients.household, name="household"),
    path("inzage/", reports.access_report, name="access_report"),
]
