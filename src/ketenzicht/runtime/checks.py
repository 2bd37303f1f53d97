"""Deployment checks of the runtime (``ketenzicht check --deploy``)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def rate_limit_shared_between_processes(app_configs, **kwargs) -> list[Warning]:
    """Several server processes without Redis each count the API's rate limit on their own."""
    if settings.KETENZICHT_REDIS_URL or settings.KETENZICHT_WEB_WORKERS <= 1:
        return []
    return [Warning(
        f"KETENZICHT_REDIS_URL is niet gezet, maar de server draait {settings.KETENZICHT_WEB_WORKERS} "
        "processen: elk telt de API-limiet voor zich, zodat een token het veelvoud ervan krijgt.",
        hint="Zet KETENZICHT_REDIS_URL (dezelfde voor elke server), of KETENZICHT_WEB_WORKERS=1.",
        id="ketenzicht.W001",
    )]
