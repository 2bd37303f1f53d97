"""'Wie heeft mijn gegevens ingezien': every access to one client in a period, itself audited."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ketenzicht.audit.models import AuditEvent, EventType, Outcome
from ketenzicht.audit.reports import DEFAULT_LIMIT, access_report
from ketenzicht.audit.services import Actor, Subject, record

pytestmark = pytest.mark.django_db

CLIENT = "0b6f3c1e-5d2a-4c1b-9a47-2f1e8d9c7b10"
OTHER_CLIENT = "7d0e9a44-1b3c-4f5e-8a6b-9c0d1e2f3a4b"
JUF = Actor(user_id="u-juf", user_name="Juf Ans", organisation="kristalla", role="professional")
PRIVACY_OFFICER = Actor(user_id="u-fg", user_name="Fatima Gül", organisation="gemeente-emmen",
                        role="functioneel-beheerder")
MARCH = datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 4, 1, tzinfo=UTC)


def access(moment: datetime, client: str = CLIENT, **kwargs) -> None:
    with time_machine.travel(moment, tick=False):
        record(JUF, kwargs.pop("event_type", EventType.READ),
               Subject(client_pseudonym=client, object_type="persoon", object_id=client),
               purpose="cliënt van de organisatie", **kwargs)


def test_access_report_lists_accesses_to_the_client_in_the_period():
    access(datetime(2026, 2, 28, 23, 59, tzinfo=UTC))  # before the period
    access(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    access(datetime(2026, 3, 12, 9, 0, tzinfo=UTC), outcome=Outcome.DENIED)
    access(datetime(2026, 3, 15, 9, 0, tzinfo=UTC), client=OTHER_CLIENT)
    access(datetime(2026, 4, 1, 0, 0, tzinfo=UTC))  # the end is not part of the period

    rows = access_report(PRIVACY_OFFICER, CLIENT, *MARCH, export=False)

    assert [(r.occurred_at.day, r.outcome) for r in rows] == [(10, "Geslaagd"), (12, "Geweigerd")]
    first = rows[0]
    assert (first.user_name, first.organisation, first.role) == ("Juf Ans", "kristalla", "professional")
    assert (first.event_type, first.object_type) == ("Inzien", "persoon")
    assert first.purpose == "cliënt van de organisatie"


def test_access_report_shows_dutch_local_time():
    access(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))  # winter time: UTC+1
    access(datetime(2026, 3, 30, 9, 0, tzinfo=UTC))  # summer time: UTC+2

    rows = access_report(PRIVACY_OFFICER, CLIENT, *MARCH, export=False)

    assert [(r.occurred_at.hour, r.occurred_at.tzname()) for r in rows] == [(10, "CET"), (11, "CEST")]


def test_reading_the_access_report_is_itself_audited():
    access(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))

    with time_machine.travel(datetime(2026, 3, 20, 12, 0, tzinfo=UTC), tick=False):
        first = access_report(PRIVACY_OFFICER, CLIENT, *MARCH, export=False)
        second = access_report(PRIVACY_OFFICER, CLIENT, *MARCH, export=True)

    events = AuditEvent.objects.filter(object_type="auditrapport")
    assert [(e.event_type, e.outcome, e.client_pseudonym, e.user_id) for e in events] == [
        (EventType.READ, Outcome.SUCCESS, CLIENT, "u-fg"),
        (EventType.EXPORT, Outcome.SUCCESS, CLIENT, "u-fg"),
    ]
    assert events[0].detail == {"van": "2026-03-01T00:00:00+00:00", "tot": "2026-04-01T00:00:00+00:00"}
    # A report never lists its own request, but does list earlier ones: reading who looked at
    # the client is looking at the client.
    assert [r.object_type for r in first] == ["persoon"]
    assert [(r.object_type, r.event_type, r.user_name) for r in second] == [
        ("persoon", "Inzien", "Juf Ans"),
        ("auditrapport", "Inzien", "Fatima Gül"),
    ]


def test_access_report_needs_a_client_and_an_aware_period():
    with pytest.raises(ValueError, match="pseudoniem"):
        access_report(PRIVACY_OFFICER, "", *MARCH, export=False)
    with pytest.raises(ValueError, match="tijdzone"):
        access_report(PRIVACY_OFFICER, CLIENT, datetime(2026, 3, 1), datetime(2026, 4, 1), export=False)
    assert not AuditEvent.objects.exists()


def test_access_report_filters_organisation_in_sql():
    domesta = Actor(user_id="u-d", user_name="Dirk", organisation="domesta", role="professional")
    access(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    with time_machine.travel(datetime(2026, 3, 11, 9, 0, tzinfo=UTC), tick=False):
        record(domesta, EventType.READ, Subject(client_pseudonym=CLIENT, object_type="persoon"))

    with CaptureQueriesContext(connection) as queries:
        rows = access_report(PRIVACY_OFFICER, CLIENT, *MARCH, organisation="kristalla")

    assert [(r.user_name, r.organisation) for r in rows] == [("Juf Ans", "kristalla")]
    report_query = next(q["sql"] for q in queries.captured_queries
                        if "client_pseudonym" in q["sql"] and q["sql"].lstrip().startswith("SELECT"))
    assert '"audit_auditevent"."organisation" = ' in report_query
    event = AuditEvent.objects.get(object_type="auditrapport")
    assert event.detail["organisatie"] == "kristalla"  # the trail shows what was asked for


def test_access_report_is_capped():
    for day in (2, 3, 4, 5, 6):
        access(datetime(2026, 3, day, 9, 0, tzinfo=UTC))

    capped = access_report(PRIVACY_OFFICER, CLIENT, *MARCH, limit=3)
    whole = access_report(PRIVACY_OFFICER, CLIENT, *MARCH, limit=5)

    assert [r.occurred_at.day for r in capped] == [2, 3, 4]  # the oldest of the period
    assert capped.truncated is True
    assert isinstance(capped, list)  # callers that treat the report as a list keep working
    assert [r.occurred_at.day for r in whole] == [2, 3, 4, 5, 6]
    assert whole.truncated is False
    first_request, second_request = AuditEvent.objects.filter(object_type="auditrapport")
    assert first_request.detail["afgekapt_na"] == 3
    assert "afgekapt_na" not in second_request.detail


def test_access_report_limits_in_sql_by_default():
    access(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    with CaptureQueriesContext(connection) as queries:
        report = access_report(PRIVACY_OFFICER, CLIENT, *MARCH)
    assert report.truncated is False
    assert any(f"LIMIT {DEFAULT_LIMIT + 1}" in q["sql"] for q in queries.captured_queries)
    with pytest.raises(ValueError, match="minstens één"):
        access_report(PRIVACY_OFFICER, CLIENT, *MARCH, limit=0)
