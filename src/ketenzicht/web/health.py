"""``GET /health/``: is the application up and can it reach its database?

The view opts out of ``ATOMIC_REQUESTS``: that would open a transaction, and so a database
connection, before the view runs, and an unreachable database would then end in the generic
500 page instead of the 503 answer a load balancer can act on.
"""

from django.db import connection, transaction
from django.db.utils import DatabaseError
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET


@transaction.non_atomic_requests
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except DatabaseError:
        database = "onbereikbaar"
    status = 200 if database == "ok" else 503
    return JsonResponse({"status": "ok" if status == 200 else "fout", "database": database,
                         "engine": connection.vendor}, status=status)
