"""The plans pages' URLs, each part's own list (``web/urls.py`` adds them to the one namespace)."""

from . import assessment, caseload, household_plan, intake, meetings

urlpatterns = [
    *caseload.urlpatterns,
    *intake.urlpatterns,
    *assessment.urlpatterns,
    *meetings.urlpatterns,
    *household_plan.urlpatterns,
]
