"""The client's access report: "wie heeft mijn gegevens ingezien" (AVG art. 15, NEN 7513).

Reading the audit trail is itself an access to the client's data, so ``access_report`` records
one event (``read``, or ``export`` for a download) with object type ``auditrapport`` and the
client's pseudonym, in the same transaction as the query: no report leaves without its event.

What the report contains about report requests: the rows are read *before* the request's own
event is written, so a report never lists its own request (which would only say "you just
asked"). Earlier report requests do appear, as "Inzien"/"Exporteren" of "auditrapport": whoever
read who looked at the client has looked at the client's data too, and the client may know.

Who may ask for a client's report is the caller's decision (the audit app knows no roles); an
organisation that may only see its own users' rows passes ``organisation``, which is filtered in
the database. A report holds at most ``limit`` rows (the oldest of the period) and says so in
``truncated``: a client with a long history otherwise loads everything into one request.
"""

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone, translation

from .models import EventType, Outcome
from .services import Actor, Subject, events_for_client, record

#: Clients read times in Dutch local time, whatever the server's time zone.
DISPLAY_TIMEZONE = ZoneInfo("Europe/Amsterdam")
REPORT_OBJECT_TYPE = "auditrapport"
DEFAULT_PURPOSE = "inzageverzoek cliënt"
DEFAULT_LIMIT = 5000

#: "Verzoek-id" last, so the columns before it keep their place: the id lets the operator who
#: handles a question about one line find that request in the logs (it names no person).
CSV_HEADERS = (
    "Tijdstip", "Naam gebruiker", "Organisatie", "Rol", "Handeling", "Resultaat", "Gegevens",
    "Grondslag/doel", "Verzoek-id",
)
# A cell starting with one of these is a formula to Excel: a name like "=HYPERLINK(...)" must
# stay text (CSV injection).
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class AccessReportRow:
    """One access to the client's data, as the client sees it."""

    occurred_at: datetime  # in Europe/Amsterdam
    user_name: str
    organisation: str
    role: str
    event_type: str  # Dutch label
    outcome: str  # Dutch label
    object_type: str
    purpose: str
    request_id: str = ""


class AccessReport(list[AccessReportRow]):
    """The report's rows, oldest first; ``truncated`` when the period held more than the limit.

    A list, so callers that treat the report as a list of rows keep working.
    """

    truncated: bool

    def __init__(self, rows: Iterable[AccessReportRow] = (), *, truncated: bool = False) -> None:
        super().__init__(rows)
        self.truncated = truncated


#: The columns a report row shows: the rest of the event (hashes, detail) is not loaded.
_ROW_COLUMNS = ("occurred_at", "user_name", "organisation", "role", "event_type", "outcome",
                "object_type", "purpose", "request_id")


def access_report(
    actor: Actor,
    client_pseudonym: str,
    start: datetime,
    end: datetime,
    export: bool = False,
    *,
    purpose: str = DEFAULT_PURPOSE,
    organisation: str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> AccessReport:
    """Accesses to one client's data in ``[start, end)``, at most ``limit``; the request is audited.

    ``organisation`` keeps only the events of that organisation's users (its slug, as in the
    actor). The event of the request records the organisation when one was given, and whether
    the report was cut off, so the trail shows what the reader actually saw.
    """
    if not client_pseudonym:
        raise ValueError("Een toegangsrapport gaat over één cliënt: het pseudoniem ontbreekt.")
    if timezone.is_naive(start) or timezone.is_naive(end):
        raise ValueError("Begin en einde van de periode hebben een tijdzone nodig.")
    if limit < 1:
        raise ValueError("Een toegangsrapport toont minstens één gebeurtenis.")
    with transaction.atomic():
        events = events_for_client(client_pseudonym, start, end, organisation)
        # One row more than shown tells whether there are more, without counting them all.
        found = list(events.values(*_ROW_COLUMNS)[: limit + 1])
        report = AccessReport((_row(event) for event in found[:limit]), truncated=len(found) > limit)
        detail: dict = {"van": start.isoformat(), "tot": end.isoformat()}
        if organisation is not None:
            detail["organisatie"] = organisation
        if report.truncated:
            detail["afgekapt_na"] = limit
        record(
            actor,
            EventType.EXPORT if export else EventType.READ,
            Subject(client_pseudonym=client_pseudonym, object_type=REPORT_OBJECT_TYPE, detail=detail),
            purpose=purpose,
        )
    return report


def _row(event: dict) -> AccessReportRow:
    return AccessReportRow(
        occurred_at=event["occurred_at"].astimezone(DISPLAY_TIMEZONE),
        user_name=event["user_name"],
        organisation=event["organisation"],
        role=event["role"],
        event_type=_label(EventType, event["event_type"]),
        outcome=_label(Outcome, event["outcome"]),
        object_type=event["object_type"],
        purpose=event["purpose"],
        request_id=event["request_id"],
    )


@cache
def _label(choices, value: str) -> str:
    """The Dutch label of a stored choice; the raw value if the choice no longer exists.

    Cached: a report of thousands of rows needs only a handful of distinct labels.
    """
    with translation.override("nl"):
        return str(choices(value).label) if value in choices.values else value


def access_report_csv(rows: Iterable[AccessReportRow]) -> str:
    """The report as CSV for Excel: Dutch headers, ``;`` separated, with a UTF-8 BOM.

    The time carries its zone abbreviation (CET/CEST) so the hour the clocks go back is not
    ambiguous.
    """
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADERS)
    for row in rows:
        writer.writerow([
            row.occurred_at.strftime("%d-%m-%Y %H:%M:%S %Z"),
            *(_cell(value) for value in (
                row.user_name, row.organisation, row.role, row.event_type, row.outcome,
                row.object_type, row.purpose, row.request_id,
            )),
        ])
    return buffer.getvalue()


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_PREFIXES) else value
