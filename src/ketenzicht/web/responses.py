"""Answers that must look the same whatever the reason behind them.

A person or household the professional may not see gets exactly the page a missing one gets,
so the response never tells whether someone exists. The views *return* these responses rather
than raising ``Http404``: with ``ATOMIC_REQUESTS`` an exception would roll back the audit event
of the denied attempt.
"""

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The one 404 page: for unknown URLs, missing objects and objects without a basis."""
    return HttpResponse(render_to_string("404.html", request=request), status=404)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """A feature the user's role does not include (never used to hide client data)."""
    return HttpResponse(render_to_string("403.html", request=request), status=403)
