"""Berichten: what the chain told the professional, newest first; read by a POST."""

from uuid import UUID

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ketenzicht.notify.services import mark_read, notices_for, unread_notices

from ..guards import professional_required
from ..templatetags.ketenzicht_web import internal_link

PAGE_SIZE = 50


@professional_required
def notices(request: HttpRequest) -> HttpResponse:
    page = Paginator(notices_for(request.professional), PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "web/notices.html", {"notices": page, "title": _("Berichten")})


@require_POST
@professional_required
def notice_read(request: HttpRequest, notice_uuid: UUID) -> HttpResponse:
    """Mark one notice read (another's notice is silently left alone), then go on.

    ``openen`` follows the notice's own link (a path inside Ketenzicht) after marking it read.
    """
    professional = request.professional
    mark_read(professional, str(notice_uuid))
    if request.POST.get("openen") == "ja":
        link = notices_for(professional).filter(uuid=notice_uuid).values_list("link", flat=True).first()
        if internal_link(link) and url_has_allowed_host_and_scheme(
                link, allowed_hosts={request.get_host()}):
            return redirect(link)
    return redirect("web:notices")


@require_POST
@professional_required
def notices_all_read(request: HttpRequest) -> HttpResponse:
    professional = request.professional
    for uuid in unread_notices(professional).values_list("uuid", flat=True):
        mark_read(professional, str(uuid))
    return redirect("web:notices")
