"""Inzage: "wie heeft mijn gegevens ingezien" for a client, and who may ask for it.

A client asks an organisation who looked at their data (AVG art. 15, NEN 7513). The audit app
builds and audits the report; this module holds the chain's rules around it:

- **who may ask**: a functioneel beheerder, and nobody else;
- **which rows**: the system operator's (the municipality's) administrator answers for the
  whole chain and sees every organisation's rows; any other organisation's administrator
  answers for their own organisation only;
- **what the answer reveals**: the report starts from a typed BSN, without any basis on the
  person, so it must not become a way to learn whether a BSN belongs to someone in
  Ketenzicht, or whose it is. Only the system operator's administrator is told that (and the
  person's name). Every other administrator gets their own organisation's rows only when
  that organisation has itself had access to the client at some time, so it already knew the
  client; otherwise the same neutral answer as for a BSN nobody has. Without that condition
  the organisation's *refused* attempts (which are in the client's trail) or an earlier
  report request would show that the BSN exists;
- **the audit of the look-up**: a report that shows the client's trail is audited by the
  audit app under the client's pseudonym; a look-up that shows nothing is audited as a failed
  search without a pseudonym, identical for "unknown" and "not yours to see", because an
  event under the pseudonym would show up in that organisation's next report.
"""

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.reports import AccessReportRow, access_report, access_report_csv
from ketenzicht.audit.services import Actor, Subject, events_for_client, record
from ketenzicht.organisations.models import Organisation, Professional, Role
from ketenzicht.people.models import Person
from ketenzicht.people.services import find_person_by_bsn

PURPOSE = "inzageverzoek cliënt (wie heeft mijn gegevens ingezien)"
#: At most this many rows on one page or in one export; a longer trail asks for a shorter period.
REPORT_LIMIT = 2000
#: Since when an organisation's own access counts as knowing the client: the whole trail.
_TRAIL_START = datetime(2000, 1, 1, tzinfo=UTC)


def may_request(professional: Professional) -> bool:
    """Only a functioneel beheerder handles inzageverzoeken."""
    return professional.role == Role.FUNCTIONAL_ADMIN


def sees_all_organisations(professional: Professional) -> bool:
    """The system operator's (the municipality's) administrators answer for the whole chain."""
    return (may_request(professional)
            and professional.organisation.type.slug in settings.KETENZICHT_SYSTEM_OPERATOR_TYPES)


@dataclass(frozen=True)
class InzageResult:
    """What the administrator gets to see.

    ``person_name`` is only ever filled for the system operator's administrator; for everyone
    else a missing BSN and someone else's client give equal results.
    """

    all_organisations: bool
    found: bool
    person_name: str
    rows: list[AccessReportRow]
    truncated: bool = False
    #: The CSV download, when one was asked for and there is a complete report to download.
    csv: str | None = None


def period_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """Whole local days, ``end`` inclusive, as the half-open interval the audit app expects."""
    zone = timezone.get_current_timezone()
    return (datetime.combine(start, time.min, tzinfo=zone),
            datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone))


def client_report(
    professional: Professional, actor: Actor, bsn: str, start: date, end: date,
    *, export: bool = False,
) -> InzageResult:
    """The report this administrator may see for the client with ``bsn``; always audited."""
    if not may_request(professional):
        raise PermissionDenied("Alleen een functioneel beheerder kan een inzageverzoek behandelen.")
    all_organisations = sees_all_organisations(professional)
    organisation = None if all_organisations else professional.organisation.slug
    person = find_person_by_bsn(bsn)
    first, last = period_bounds(start, end)
    if person is None or (organisation is not None
                          and not _has_had_access(organisation, person)):
        record(actor, EventType.SEARCH, Subject(object_type="persoon"), outcome=Outcome.FAILURE,
               purpose=PURPOSE)
        return InzageResult(all_organisations=all_organisations, found=False, person_name="",
                            rows=[])
    report = access_report(actor, str(person.uuid), first, last, export, purpose=PURPOSE,
                           organisation=organisation, limit=REPORT_LIMIT)
    rows, truncated = _readable(report), report.truncated
    return InzageResult(
        all_organisations=all_organisations,
        found=True,
        person_name=person.full_name if all_organisations else "",
        rows=rows,
        truncated=truncated,
        # An incomplete export would be a wrong answer to the client: the page says so instead.
        csv=access_report_csv(rows) if export and not truncated else None,
    )


def _has_had_access(organisation: str, person: Person) -> bool:
    """Did the organisation ever open this client's data with success? Then it knows them."""
    events = events_for_client(str(person.uuid), _TRAIL_START, timezone.now() + timedelta(days=1),
                               organisation)
    return events.filter(outcome=Outcome.SUCCESS).exists()


def _readable(rows: list[AccessReportRow]) -> list[AccessReportRow]:
    """Organisation names instead of slugs and role labels instead of codes."""
    names = dict(Organisation.objects.filter(slug__in={r.organisation for r in rows})
                 .values_list("slug", "name"))
    roles = dict(Role.choices)
    return [replace(row, organisation=names.get(row.organisation, row.organisation),
                    role=str(roles.get(row.role, row.role))) for row in rows]
