"""A handover is due by 12:00 on the next working day (domain.md §1 Spoed4Jeugd, §4 warm handover;
the time is ``SignalSettings.handover_time``), skipping weekends and Dutch public holidays.

The crisis service's handover of a call counts from the call itself (a night call is due that
morning's noon); a desk's handover during the day counts from the next day (``not_today``).
Both are ``organisations.calendar.next_working_day_at``."""

from datetime import datetime, time

import pytest
from django.utils import timezone

from ketenzicht.organisations.calendar import next_working_day_at

NOON = time(12)


def at(day: str, clock: str) -> datetime:
    """A moment in the chain's time zone (Europe/Amsterdam)."""
    return timezone.make_aware(datetime.fromisoformat(f"{day}T{clock}"))


@pytest.mark.parametrize(("moment", "due"), [
    pytest.param(at("2026-11-23", "03:00"), at("2026-11-23", "12:00"), id="maandagnacht-zelfde-dag"),
    pytest.param(at("2026-11-23", "11:59"), at("2026-11-23", "12:00"), id="net-voor-12-uur"),
    pytest.param(at("2026-11-23", "12:00"), at("2026-11-24", "12:00"), id="om-12-uur-volgende-dag"),
    pytest.param(at("2026-11-23", "12:01"), at("2026-11-24", "12:00"), id="net-na-12-uur"),
    pytest.param(at("2026-11-20", "19:30"), at("2026-11-23", "12:00"), id="vrijdagavond-maandag"),
    pytest.param(at("2026-11-21", "10:00"), at("2026-11-23", "12:00"), id="zaterdag-maandag"),
    pytest.param(at("2026-11-22", "23:00"), at("2026-11-23", "12:00"), id="zondagavond-maandag"),
    pytest.param(at("2026-04-24", "19:30"), at("2026-04-28", "12:00"), id="voor-koningsdag-dinsdag"),
    pytest.param(at("2026-04-02", "19:30"), at("2026-04-07", "12:00"),
                 id="witte-donderdag-goede-vrijdag-en-pasen-over"),
    pytest.param(at("2026-05-14", "09:00"), at("2026-05-15", "12:00"), id="op-hemelvaart"),
    pytest.param(at("2026-03-28", "22:00"), at("2026-03-30", "12:00"), id="over-de-zomertijd-heen"),
])
def test_crisis_handover_is_due_by_noon_of_the_first_working_day_still_ahead(moment, due):
    assert next_working_day_at(moment, NOON) == due


@pytest.mark.parametrize(("moment", "due"), [
    pytest.param(at("2026-11-23", "03:00"), at("2026-11-24", "12:00"), id="maandagnacht-dinsdag"),
    pytest.param(at("2026-11-23", "11:59"), at("2026-11-24", "12:00"), id="net-voor-12-uur-dinsdag"),
    pytest.param(at("2026-11-23", "12:01"), at("2026-11-24", "12:00"), id="net-na-12-uur-dinsdag"),
    pytest.param(at("2026-11-20", "19:30"), at("2026-11-23", "12:00"), id="vrijdagavond-maandag"),
    pytest.param(at("2026-11-21", "10:00"), at("2026-11-23", "12:00"), id="zaterdag-maandag"),
    pytest.param(at("2026-04-24", "10:00"), at("2026-04-28", "12:00"), id="vrijdag-voor-koningsdag"),
    pytest.param(at("2026-05-13", "10:00"), at("2026-05-15", "12:00"), id="dag-voor-hemelvaart"),
])
def test_desk_handover_leaves_the_receiver_until_noon_of_the_next_working_day(moment, due):
    assert next_working_day_at(moment, NOON, not_today=True) == due


def test_the_handover_time_is_the_municipality_s_choice():
    assert next_working_day_at(at("2026-11-20", "19:30"), time(10)) == at("2026-11-23", "10:00")
    assert next_working_day_at(at("2026-11-23", "09:00"), time(10), not_today=True) \
        == at("2026-11-24", "10:00")
