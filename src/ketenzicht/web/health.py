"""``GET /health/``: is the application up and can it reach its database?"""

from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET


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
