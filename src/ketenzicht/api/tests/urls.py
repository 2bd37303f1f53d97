"""Test-only URLs: a small write endpoint to exercise ``@idempotent`` and a crashing view.

These are never part of the real API; tests select this urlconf with ``@pytest.mark.urls``.
"""

import time

from django.urls import include, path
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from ketenzicht.api.base import ApiView, ClientDataView
from ketenzicht.api.idempotency import idempotent
from ketenzicht.people.services import AddressData, create_household


class TestHouseholdsView(ClientDataView):
    """Creates a household per call: without idempotency a retry would make a duplicate."""

    @idempotent
    def post(self, request: Request) -> Response:
        time.sleep(float(request.data.get("wachtSeconden", 0)))
        if request.data.get("mislukt"):
            raise RuntimeError("simulated failure")
        household = create_household(
            request.data["naam"],
            AddressData(street="Hoofdstraat", house_number=1, postcode="7881AB", city="Emmen"),
        )
        return Response(
            {"uuid": str(household.uuid), "naam": household.name},
            status=status.HTTP_201_CREATED,
            headers={"Location": f"/api/v1/huishoudens/{household.uuid}"},
        )


class CrashView(ApiView):
    def get(self, request: Request) -> Response:
        raise RuntimeError("simulated crash")


urlpatterns = [
    path("api/v1/proef/huishoudens", TestHouseholdsView.as_view()),
    path("api/v1/proef/crash", CrashView.as_view()),
    path("api/v1/", include("ketenzicht.api.urls")),
]
