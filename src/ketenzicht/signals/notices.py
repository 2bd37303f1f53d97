"""What the signal flow tells professionals, through ``notify`` (in the app, e-mailed as "there
is something to read"). Texts name no person and no content: the link leads to a page that checks
access and is audited.
"""

from collections.abc import Iterable

from ketenzicht.notify.services import Message, notify
from ketenzicht.organisations.models import CLIENT_ROLES, Organisation, Professional, Role

from .models import Route, RouteKind, Signal

#: The web pages the notices link to (``web`` serves them at these paths).
SIGNAL_PATH = "/signalen/{uuid}/"
ROUTE_PATH = "/loket/{uuid}/"

_DESK_TITLES = {
    RouteKind.SIGNAL: "Nieuw signaal voor uw team",
    RouteKind.REPORT: "Nieuwe melding voor Veilig Thuis",
    RouteKind.ADVICE: "Nieuwe adviesvraag voor Veilig Thuis",
    RouteKind.CRISIS: "Crisis: nieuw signaal voor uw team",
}


def signal_link(signal: Signal) -> str:
    return SIGNAL_PATH.format(uuid=signal.uuid)


def route_link(route: Route) -> str:
    return ROUTE_PATH.format(uuid=route.uuid)


def desk_leads(organisation: Organisation | int) -> list[Professional]:
    """Who hears of new work and missed deadlines at a desk: its teamleiders (the inbox shows
    everyone the rest). A desk without a teamleider (Veilig Thuis in the demo) would hear
    nothing at all, so there everyone who works with clients hears it."""
    staff = Professional.objects.filter(organisation=organisation, organisation__is_active=True)
    return list(staff.filter(role=Role.TEAM_LEAD)) or list(staff.filter(role__in=CLIENT_ROLES))


def safeguarding_leads(organisation_id: int) -> Iterable[Professional]:
    return Professional.objects.filter(organisation_id=organisation_id,
                                       role=Role.SAFEGUARDING_LEAD)


def tell_desk(route: Route) -> None:
    notify(desk_leads(route.desk), Message(
        kind="signaal-loket", title=_DESK_TITLES[RouteKind(route.kind)],
        body="Er staat een nieuw signaal in het postvak van uw team.",
        link=route_link(route), subject_key=f"{route.uuid}:nieuw",
    ))


def tell_signaller(signal: Signal, key: str, title: str) -> None:
    """Feedback reaches the signaller (never anyone else's content: see ``feedback``)."""
    notify([signal.signaller], Message(
        kind="terugkoppeling", title=title,
        body="Er is terugkoppeling op een signaal dat u heeft afgegeven.",
        link=signal_link(signal), subject_key=key,
    ))
