"""The demo starts with work left lying in the chain — a Meldcode step overdue, a report past
Veilig Thuis's 5 working days, a match without contact for 10 working days — recorded through
the chain's own services at moments in the past, so that the worker's first run reminds,
flags and escalates by itself. The example households are left as the walkthrough needs."""

import io
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from ketenzicht.audit.models import AuditEvent
from ketenzicht.demo.dataset import EXAMPLE_BSNS
from ketenzicht.demo.loader import load_demo
from ketenzicht.notify.models import Notice
from ketenzicht.people.services import find_person_by_bsn
from ketenzicht.runtime.runner import run_due
from ketenzicht.signals.models import Signal
from ketenzicht.verwijsindex.models import IndexRegistration

#: A Wednesday in office hours.
DEMO_DAY = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


def _titles() -> set[tuple[str, str]]:
    return set(Notice.objects.values_list("recipient__user__username", "title"))


@pytest.fixture
def demo_with_history(db, settings):
    settings.DEMO_MODE = True
    with time_machine.travel(DEMO_DAY, tick=False):
        return load_demo(households=20, history=True)


def test_the_workers_first_run_reminds_flags_and_escalates_by_itself(demo_with_history):
    assert demo_with_history.history.lying_signal and demo_with_history.history.overdue_report
    assert demo_with_history.history.match_without_contact
    before, mark = _titles(), AuditEvent.objects.order_by("-id").values_list("id", flat=True).first()
    with time_machine.travel(DEMO_DAY, tick=False):
        run_due("demo-worker")
    # The escalation is audited as the system's, under the id of the job run that made it.
    (escalation,) = AuditEvent.objects.filter(id__gt=mark, purpose__startswith="opgeschaald")
    assert escalation.user_id == "system" and re.fullmatch("[0-9a-f]{32}", escalation.request_id)
    assert _titles() - before >= {
        ("leerkracht", "Meldcode: een signaal blijft liggen"),
        ("aandacht-kristalla", "Meldcode: een signaal blijft liggen"),
        ("veiligthuis", "Veiligheidsbeoordeling niet binnen de termijn afgerond"),
        ("regievoerder", "Match zonder contact opgeschaald"),
    }


def test_the_items_are_recorded_in_the_past_with_the_services_own_clocks(demo_with_history):
    """Step 2 of the signal was due before the demo day; both registrations were made before it."""
    signal = Signal.objects.get(signaller__user__username="leerkracht")
    assert signal.step_due < DEMO_DAY.date()
    assert IndexRegistration.objects.filter(registered_at__lt=DEMO_DAY).count() == 2


def test_the_example_households_keep_their_walkthrough_state(demo_with_history):
    """The walkthrough builds De Vries, Bakker and Smit from nothing (Jansen and Yilmaz have their
    fixed states: ``test_demo_casework_…``)."""
    examples = [find_person_by_bsn(bsn) for key, bsn in EXAMPLE_BSNS.items()
                if key in {"daan", "emma", "anja", "marco", "noah", "linda", "kevin", "jeroen"}]
    assert not Signal.objects.filter(person__in=examples).exists()
    assert not IndexRegistration.objects.filter(person__in=examples).exists()


def test_loaddemo_says_what_the_worker_will_pick_up(db, settings):
    settings.DEMO_MODE = True
    out = io.StringIO()
    with time_machine.travel(DEMO_DAY, tick=False):
        call_command("loaddemo", households=20, stdout=out)
    assert "Voorgeschiedenis, die de worker vanzelf oppakt:" in out.getvalue()
    assert "(opgeschaald naar `regievoerder`)" in out.getvalue()
    assert not Notice.objects.filter(emailed_at__isnull=True).exists()  # sent back then
