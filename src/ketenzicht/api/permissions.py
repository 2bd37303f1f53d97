from typing import TYPE_CHECKING

from rest_framework.permissions import BasePermission

from .models import ApiToken

if TYPE_CHECKING:  # DRF imports this module while importing its views: no cycle at runtime
    from rest_framework.request import Request
    from rest_framework.views import APIView


class IsOrganisationSystem(BasePermission):
    """Deny by default: only a request with an active organisation token gets through."""

    def has_permission(self, request: "Request", view: "APIView") -> bool:
        return isinstance(request.auth, ApiToken)
