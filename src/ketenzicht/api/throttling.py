from rest_framework.throttling import SimpleRateThrottle


class OrganisationRateThrottle(SimpleRateThrottle):
    scope = "organisation"

    def get_cache_key(self, request, view):
        return None
