"""Pages: assessment."""

urlpatterns: list = []
