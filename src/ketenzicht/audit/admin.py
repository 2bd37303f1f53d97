"""A read-only view of the audit trail for functional administrators and auditors.

Nobody adds, changes or deletes events here (superusers included), and every page read is
itself an audit event: reading the trail is reading client data.
"""

import re

from django.contrib import admin
from django.http import HttpRequest

from .models import AuditEvent, EventType
from .services import Actor, Subject, record

#: A client pseudonym is a person's uuid; only such a search term is kept in the audit event.
_PSEUDONYM = re.compile(r"^[0-9a-fA-F-]{32,36}$")
# The admin is not a domain screen: its users are recorded by account, with this role.
ADMIN_ROLE = "beheer-audittrail"


def admin_actor(request: HttpRequest) -> Actor:
    user = request.user
    return Actor(
        user_id=f"account:{user.pk}",
        user_name=user.get_full_name() or user.get_username(),
        role=ADMIN_ROLE,
        access_point=request.META.get("REMOTE_ADDR", ""),
    )


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = (
        "sequence", "occurred_at", "event_type", "outcome", "user_name", "organisation", "role",
        "client_pseudonym", "object_type", "purpose",
    )
    list_filter = ("event_type", "outcome", "object_type", "occurred_at")
    # Exact matches only: the trail is large, and a pseudonym or user id is looked up whole.
    search_fields = ("=client_pseudonym", "=user_id", "=object_id")
    date_hierarchy = "occurred_at"
    show_full_result_count = False
    list_per_page = 100

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        if response.status_code == 200:
            record(admin_actor(request), EventType.SEARCH, self._list_subject(request))
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        event = response.status_code == 200 and self.get_object(request, object_id)
        if event:
            record(admin_actor(request), EventType.READ, Subject(
                client_pseudonym=event.client_pseudonym, object_type="auditgebeurtenis",
                object_id=str(event.sequence),
            ))
        return response

    @staticmethod
    def _list_subject(request: HttpRequest) -> Subject:
        """What a list page showed: the client if searched by pseudonym, and which filters.

        Only filter *names* and a pseudonym-shaped search term are kept, so a BSN typed into the
        search box never reaches the trail.
        """
        term = request.GET.get("q", "").strip()
        filters = sorted(name for name in request.GET if name not in ("q", "p", "o"))
        return Subject(
            client_pseudonym=term if _PSEUDONYM.match(term) else "",
            object_type="audittrail",
            detail={"filters": filters, "gezocht": bool(term)},
        )
