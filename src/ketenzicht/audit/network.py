"""Where a request came from: the client's IP address, also behind trusted reverse proxies.

The audit trail (NEN 7513 "netwerktoegangspunt") and the login lockout need the address of the
professional's machine, not that of the load balancer in front of Ketenzicht. Behind proxies
that address is only in ``X-Forwarded-For``, a header anyone can also send themselves. So the
header is trusted exactly as far as the deployment says: ``KETENZICHT_TRUSTED_PROXY_COUNT``
proxies each append the address they received the request from, and the entry that many
places from the right is the first one written by a proxy we trust. Everything further left
may be forged by the client and is ignored.

The web UI, the API and django-axes (``AXES_CLIENT_IP_CALLABLE``) all use ``client_ip``, so the
trail and the lockout agree on one address.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest

FORWARDED_FOR = "HTTP_X_FORWARDED_FOR"


def client_ip(request: HttpRequest | None) -> str:
    """The client's address; ``REMOTE_ADDR`` when no proxy is trusted or the header is unusable.

    A header with fewer entries than trusted proxies did not pass through all of them (or was
    stripped), and a malformed entry cannot be an address a proxy wrote: in both cases the
    directly connected peer is the only address nobody could have forged.
    """
    if request is None:
        return ""
    remote = request.META.get("REMOTE_ADDR") or ""
    count = settings.KETENZICHT_TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    entries = [entry.strip() for entry in request.META.get(FORWARDED_FOR, "").split(",")]
    entries = [entry for entry in entries if entry]
    if len(entries) < count:
        return remote
    candidate = entries[-count]
    return candidate if _is_ip_address(candidate) else remote


def _is_ip_address(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True
