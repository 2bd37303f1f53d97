"""The access report exports to a CSV that Dutch Excel opens as it is."""

import csv
from datetime import UTC, datetime

import pytest
import time_machine

from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.reports import CSV_HEADERS, access_report, access_report_csv
from ketenzicht.audit.services import Actor, Subject, record
from ketenzicht.runtime.context import working_on

pytestmark = pytest.mark.django_db

CLIENT = "0b6f3c1e-5d2a-4c1b-9a47-2f1e8d9c7b10"
PRIVACY_OFFICER = Actor(user_id="u-fg", user_name="Fatima Gül", organisation="gemeente-emmen")


def test_access_report_csv_export():
    mallory = Actor(user_id="u-m", user_name="=HYPERLINK(\"http://example.org\")",
                    organisation="domesta", role="professional")
    with time_machine.travel(datetime(2026, 7, 1, 8, 30, 5, tzinfo=UTC), tick=False), \
            working_on("4bf92f3577b34da6a3ce929d0e0e4736"):
        record(mallory, EventType.SEARCH, Subject(client_pseudonym=CLIENT, object_type="persoon"),
               outcome=Outcome.DENIED, purpose="geen grondslag; of onbekend")
    rows = access_report(PRIVACY_OFFICER, CLIENT, datetime(2026, 7, 1, tzinfo=UTC),
                         datetime(2026, 8, 1, tzinfo=UTC), export=True)

    exported = access_report_csv(rows)

    assert exported.startswith("\ufeff")  # so Excel reads UTF-8
    lines = exported.removeprefix("\ufeff").split("\r\n")
    assert lines[0] == ("Tijdstip;Naam gebruiker;Organisatie;Rol;Handeling;Resultaat;Gegevens;Grondslag/doel;"
                        "Verzoek-id")
    assert list(csv.reader(lines[1:], delimiter=";")) == [
        ["01-07-2026 10:30:05 CEST", "'=HYPERLINK(\"http://example.org\")", "domesta", "professional",
         "Zoeken", "Geweigerd", "persoon", "geen grondslag; of onbekend", "4bf92f3577b34da6a3ce929d0e0e4736"],
        [],
    ]


def test_empty_access_report_exports_only_the_headers():
    assert access_report_csv([]) == "\ufeff" + ";".join(CSV_HEADERS) + "\r\n"
