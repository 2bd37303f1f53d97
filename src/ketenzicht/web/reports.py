"""The access report ("wie heeft mijn gegevens ingezien") as the web UI offers it.

The audit app builds and audits the report; this module adds what only the chain knows: who
may see which organisations' rows, and readable names for organisation slugs and roles.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.reports import AccessReportRow, access_report, access_report_csv
from ketenzicht.audit.services import Actor, Subject, record
from ketenzicht.organisations.models import Organisation, Professional, Role
from ketenzicht.people.models import Person
from ketenzicht.people.services import find_person_by_bsn

PURPOSE = "inzageverzoek cliënt (wie heeft mijn gegevens ingezien)"


def sees_all_organisations(professional: Professional) -> bool:
    """The system operator's (the municipality's) administrators see every organisation's rows.

    Any other organisation's administrator answers for their own organisation only.
    """
    return professional.organisation.type.slug in settings.KETENZICHT_SYSTEM_OPERATOR_TYPES


@dataclass(frozen=True)
class ReportResult:
    person: Person | None
    rows: list[AccessReportRow]


def period_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """Whole local days, ``end`` inclusive, as the half-open interval the audit app expects."""
    zone = timezone.get_current_timezone()
    return (datetime.combine(start, time.min, tzinfo=zone),
            datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone))


def client_report(
    professional: Professional, actor: Actor, bsn: str, start: date, end: date,
    *, export: bool = False,
) -> ReportResult:
    """The report rows this administrator may see, with names instead of slugs.

    Finding the client needs no client basis (the client asked), but it is audited: a found
    client through the report's own event, a BSN without a person as a failed search.
    """
    person = find_person_by_bsn(bsn)
    if person is None:
        record(actor, EventType.SEARCH, Subject(object_type="persoon"), outcome=Outcome.FAILURE,
               purpose=PURPOSE)
        return ReportResult(person=None, rows=[])
    first, last = period_bounds(start, end)
    rows = access_report(actor, str(person.uuid), first, last, export, purpose=PURPOSE)
    if not sees_all_organisations(professional):
        rows = [row for row in rows if row.organisation == professional.organisation.slug]
    return ReportResult(person=person, rows=_readable(rows))


def _readable(rows: list[AccessReportRow]) -> list[AccessReportRow]:
    names = dict(Organisation.objects.filter(slug__in={r.organisation for r in rows})
                 .values_list("slug", "name"))
    roles = dict(Role.choices)
    return [replace(row, organisation=names.get(row.organisation, row.organisation),
                    role=str(roles.get(row.role, row.role))) for row in rows]


def report_csv(rows: list[AccessReportRow]) -> str:
    return access_report_csv(rows)
