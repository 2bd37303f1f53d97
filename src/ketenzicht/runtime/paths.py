"""The path of a request as the log names it: its route, never the child or household it is about.

Every page and API resource about a child or household has its UUID in the path. Logged as it
is, the log store would record "professional X opened child Y" beside the audit trail, without
its controls (who may read it, how long it is kept, the hash chain). So the log gives the route
pattern Django matched (``/personen/<uuid:person_uuid>/``), which names the page and not the
person. A path that matched no route, or was answered with a 404 (a catch-all route such as the
API's would name only its prefix), is given as asked with every UUID-like part replaced by
``<uuid>``.
"""

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.http import HttpRequest

#: A UUID with or without its dashes, not part of a longer run of hex digits.
UUID_LIKE = re.compile(r"(?<![0-9a-f])[0-9a-f]{8}(?:-?[0-9a-f]{4}){3}-?[0-9a-f]{12}(?![0-9a-f])",
                       re.IGNORECASE)
NOT_FOUND = 404


def logged_path(request: "HttpRequest", status: int | None) -> str:
    """The route pattern the request matched, or its path with UUIDs masked (see the module)."""
    match = getattr(request, "resolver_match", None)
    if match is not None and status != NOT_FOUND:
        return "/" + match.route
    return UUID_LIKE.sub("<uuid>", request.path)
