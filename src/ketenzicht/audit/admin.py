"""A read-only view of the audit trail for functional administrators and auditors.

Nobody adds, changes or deletes events here (superusers included), and every page read is
itself an audit event: reading the trail is reading client data.

The search box is a GET form, so a search term ends up in the URL, the browser history and
proxy and access logs. A term with a BSN-like number is refused before anything is searched,
shown or audited.
"""

import re

from django.contrib import admin, messages
from django.contrib.admin.views.main import SEARCH_VAR
from django.http import HttpRequest, HttpResponseRedirect

from .models import AuditEvent, EventType
from .services import Actor, Subject, record

#: A client pseudonym is a person's uuid, written as uuids are; only such a search term is kept
#: in the audit event.
_PSEUDONYM = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE)
#: Eight or more digits in a row: a BSN (nine digits, or eight with the leading zero dropped)
#: or another personal number.
_LONG_NUMBER = re.compile(r"[0-9]{8,}")
#: Written between the digits of a number ("999 09 0008", "999.09.0008"), ignored when looking
#: for one.
_NUMBER_SEPARATORS = re.compile(r"[\s.\-]")
REFUSED_SEARCH = (
    "Zoek niet op BSN of een ander lang nummer: de zoekterm komt in de adresbalk en in "
    "logbestanden terecht. Zoek op het pseudoniem van de cliënt, een gebruiker of een object."
)
# The admin is not a domain screen: its users are recorded by account, with this role.
ADMIN_ROLE = "beheer-audittrail"


def is_bsn_like(term: str) -> bool:
    """Whether a search term may hold a BSN: eight or more digits in a row, spaces, dots and
    hyphens between them ignored.

    A pseudonym written as a uuid is exempt: about one in twelve uuids has such a run of digits
    by chance (in its first or last group), and refusing those would make those clients'
    events unfindable. A term of exactly a uuid's shape is a pasted pseudonym, not a typed BSN.
    """
    if _PSEUDONYM.match(term.strip()):
        return False
    return bool(_LONG_NUMBER.search(_NUMBER_SEPARATORS.sub("", term)))


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
        "chain", "sequence", "occurred_at", "event_type", "outcome", "user_name", "organisation", "role",
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
        if is_bsn_like(request.GET.get(SEARCH_VAR, "")):
            return self._refuse_search(request)
        response = super().changelist_view(request, extra_context)
        if response.status_code == 200:
            record(admin_actor(request), EventType.SEARCH, self._list_subject(request))
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        event = response.status_code == 200 and self.get_object(request, object_id)
        if event:
            # The primary key: a sequence number alone no longer names one event (one per chain).
            record(admin_actor(request), EventType.READ, Subject(
                client_pseudonym=event.client_pseudonym, object_type="auditgebeurtenis",
                object_id=str(event.pk),
            ))
        return response

    def get_search_results(self, request, queryset, search_term):
        """Never search on a BSN-like term, whichever view asks (e.g. autocomplete)."""
        if is_bsn_like(search_term):
            return queryset.none(), False
        return super().get_search_results(request, queryset, search_term)

    @staticmethod
    def _refuse_search(request: HttpRequest) -> HttpResponseRedirect:
        """Back to the list without the term (filters kept), with the reason as a message.

        Nothing is searched, so nothing is audited; the term is not echoed in the page, the
        search box or the redirect, so it does not spread beyond the request that carried it.
        """
        messages.error(request, REFUSED_SEARCH)
        query = request.GET.copy()
        query.pop(SEARCH_VAR, None)
        query.pop("p", None)
        return HttpResponseRedirect(f"{request.path}?{query.urlencode()}" if query else request.path)

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
