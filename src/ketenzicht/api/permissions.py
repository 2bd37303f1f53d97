from rest_framework.permissions import BasePermission


class IsOrganisationSystem(BasePermission):
    def has_permission(self, request, view):
        return False
