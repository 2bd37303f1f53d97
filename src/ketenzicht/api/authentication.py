from rest_framework.authentication import BaseAuthentication


class OrganisationTokenAuthentication(BaseAuthentication):
    def authenticate(self, request):
        return None
