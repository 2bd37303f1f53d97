from django.urls import path

from .leads import views as leads
from .plans import urls as plans_urls
from .signals import desk
from .signals import figures as signal_figures
from .signals import views as signals
from .verwijsindex import figures as vir_figures
from .verwijsindex import views as verwijsindex
from .views import auth, clients, notices, reports

app_name = "web"
urlpatterns = [
    path("inloggen/", auth.login, name="login"),
    path("uitloggen/", auth.logout, name="logout"),
    path("", clients.worklist, name="worklist"),
    path("zoeken/", clients.search, name="search"),
    path("zoeken/inwoner/", clients.resident_search, name="resident_search"),
    path("clienten/inschrijven/", clients.client_register, name="client_register"),
    path("personen/<uuid:person_uuid>/client-beeindigen/", clients.client_end, name="client_end"),
    path("personen/<uuid:person_uuid>/", clients.person, name="person"),
    path("personen/<uuid:person_uuid>/huishouden-bijwerken/", clients.person_household_refresh,
         name="person_household_refresh"),
    path("personen/<uuid:person_uuid>/verwijsindex-historie/", clients.person_vir_history,
         name="person_vir_history"),
    path("huishoudens/<uuid:household_uuid>/", clients.household, name="household"),
    path("inzage/", reports.access_report, name="access_report"),
    path("verwijsindex/", verwijsindex.overview, name="vir_overview"),
    path("verwijsindex/melden/", verwijsindex.register_youth, name="vir_register"),
    path("verwijsindex/registraties/<uuid:registration_uuid>/", verwijsindex.registration,
         name="vir_registration"),
    path("verwijsindex/matches/<uuid:match_uuid>/", verwijsindex.match, name="vir_match"),
    path("verwijsindex/regie/", verwijsindex.regie, name="vir_regie"),
    path("verwijsindex/cijfers/", vir_figures.vir_figures, name="vir_figures"),
    path("signalen/cijfers/", signal_figures.signal_figures, name="signal_figures"),
    path("signalen/", signals.signals, name="signals"),
    path("signalen/nieuw/", signals.signal_new, name="signal_new"),
    path("signalen/<uuid:signal_uuid>/", signals.signal, name="signal"),
    path("signalen/<uuid:signal_uuid>/stap/<int:step>/", signals.signal_step, name="signal_step"),
    path("signalen/<uuid:signal_uuid>/advies/", signals.signal_advice, name="signal_advice"),
    path("signalen/<uuid:signal_uuid>/evaluatie/", signals.signal_evaluation,
         name="signal_evaluation"),
    path("signalen/<uuid:signal_uuid>/delen/", signals.signal_share, name="signal_share"),
    path("signalen/<uuid:signal_uuid>/oggz/", signals.signal_oggz, name="signal_oggz"),
    path("signalen/<uuid:signal_uuid>/bijlagen/<uuid:attachment_uuid>/", signals.signal_attachment,
         name="signal_attachment"),
    path("personen/<uuid:person_uuid>/kindcheck/", signals.child_check, name="child_check"),
    path("loket/", desk.desk_inbox, name="desk_inbox"),
    path("loket/<uuid:route_uuid>/", desk.desk_route, name="desk_route"),
    path("loket/<uuid:route_uuid>/aannemen/", desk.desk_accept, name="desk_accept"),
    path("loket/<uuid:route_uuid>/beoordelen/", desk.desk_assess, name="desk_assess"),
    path("loket/<uuid:route_uuid>/hulp-gestart/", desk.desk_help_started,
         name="desk_help_started"),
    path("loket/<uuid:route_uuid>/onderzoek-afronden/", desk.desk_conclude, name="desk_conclude"),
    path("loket/<uuid:route_uuid>/beeindigen/", desk.desk_end, name="desk_end"),
    path("loket/<uuid:route_uuid>/bijlagen/<uuid:attachment_uuid>/", desk.desk_attachment,
         name="desk_attachment"),
    path("berichten/", notices.notices, name="notices"),
    path("berichten/alles-gelezen/", notices.notices_all_read, name="notices_all_read"),
    path("berichten/<uuid:notice_uuid>/gelezen/", notices.notice_read, name="notice_read"),
    path("huishoudens/<uuid:household_uuid>/regisseur/", leads.lead_change, name="lead_change"),
    path("regisseur/wissels/<uuid:handover_uuid>/", leads.lead_handover, name="lead_handover"),
]
urlpatterns += plans_urls.urlpatterns
