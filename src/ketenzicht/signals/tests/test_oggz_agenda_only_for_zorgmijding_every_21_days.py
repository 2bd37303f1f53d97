"""Bemoeizorg for a care-avoiding family goes on the agenda of the OGGZ meeting, which meets every
three weeks (21 days) from the municipality's first meeting date."""

from datetime import date, datetime

import pytest

from ketenzicht.refusals import RefusalKind, Refused
from ketenzicht.signals.models import SignalSettings
from ketenzicht.signals.oggz import next_meeting, put_on_agenda

from .conftest import AMSTERDAM, acting, signal_as

FIRST = date(2026, 1, 6)  # the demo's first meeting, a Tuesday


@pytest.mark.parametrize(("today", "meeting"), [
    pytest.param(date(2025, 12, 1), FIRST, id="voor-het-eerste-overleg"),
    pytest.param(FIRST, FIRST, id="op-de-dag-zelf"),
    pytest.param(date(2026, 1, 7), date(2026, 1, 27), id="dag-erna-drie-weken-later"),
    pytest.param(date(2026, 1, 27), date(2026, 1, 27), id="tweede-overleg"),
    pytest.param(date(2026, 1, 28), date(2026, 2, 17), id="derde-overleg"),
    pytest.param(date(2026, 11, 25), date(2026, 12, 8), id="november"),
])
def test_next_meeting_every_21_days_from_the_first(today, meeting):
    assert next_meeting(SignalSettings(oggz_first_meeting=FIRST), today) == meeting


def test_the_interval_is_configurable():
    settings = SignalSettings(oggz_first_meeting=FIRST, oggz_interval_days=14)
    assert next_meeting(settings, date(2026, 1, 7)) == date(2026, 1, 20)


def test_no_schedule_no_meeting():
    assert next_meeting(SignalSettings(), date(2026, 1, 7)) is None


def test_care_avoidance_goes_on_the_next_meeting_once(emmen):
    now = datetime(2026, 11, 25, 10, tzinfo=AMSTERDAM)
    signal = signal_as("jgz", categories=("zorgmijding", "lichamelijke-verwaarlozing"), now=now)
    who, actor = acting("jgz")
    item = put_on_agenda(who, actor, signal, now)
    assert (item.meeting_on, item.added_by) == (date(2026, 12, 8), who)
    with pytest.raises(Refused) as refused:
        put_on_agenda(who, actor, signal, now)
    assert (refused.value.code, refused.value.kind) == ("al-geagendeerd", RefusalKind.CONFLICT)
    assert signal.oggz_items.count() == 1


def test_only_signals_of_care_avoidance(emmen):
    signal = signal_as("jgz", categories=("lichamelijke-verwaarlozing",))
    with pytest.raises(Refused) as refused:
        put_on_agenda(*acting("jgz"), signal)
    assert refused.value.code == "geen-zorgmijding"
    assert not signal.oggz_items.exists()


def test_without_a_schedule_nothing_is_put_on_the_agenda(emmen):
    SignalSettings.objects.update(oggz_first_meeting=None)
    signal = signal_as("jgz", categories=("zorgmijding",))
    with pytest.raises(Refused) as refused:
        put_on_agenda(*acting("jgz"), signal)
    assert (refused.value.code, refused.value.kind) == ("oggz-niet-ingesteld", RefusalKind.UNAVAILABLE)


@pytest.mark.parametrize("username", ["cjg-demonden", "leerkracht"], ids=["loket", "vreemde"])
def test_only_the_signaller_side_puts_it_on_the_agenda(emmen, username):
    signal = signal_as("jgz", categories=("zorgmijding",))
    with pytest.raises(Refused) as refused:
        put_on_agenda(*acting(username), signal)
    assert (refused.value.code, refused.value.kind) == ("geen-melder", RefusalKind.FORBIDDEN)
    assert not signal.oggz_items.exists()
