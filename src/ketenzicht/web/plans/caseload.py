"""Pages: caseload."""

urlpatterns: list = []
