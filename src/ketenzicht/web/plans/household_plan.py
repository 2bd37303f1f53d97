"""Pages: household_plan."""

urlpatterns: list = []
