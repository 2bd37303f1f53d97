"""A registration neither informed nor postponed after the term reminds its registrant, once."""

from datetime import date

import pytest

from ketenzicht.verwijsindex.informing import postpone_informing, record_informed

from .conftest import DAAN, EMMA, NOAH
from .lifetimes import acting, on, registered_on
from .match_helpers import deadline_jobs_at, notices_to

pytestmark = pytest.mark.usefixtures("emmen")


def test_overdue_informing_reminds_registrant():
    registration = registered_on(date(2025, 9, 1), "leerkracht", DAAN)
    assert deadline_jobs_at(date(2025, 9, 15))["informing_reminded"] == 0
    assert deadline_jobs_at(date(2025, 9, 16))["informing_reminded"] == 1
    registration.refresh_from_db()
    assert registration.informing_reminded_at.date() == date(2025, 9, 16)
    (notice,) = notices_to("leerkracht", "verwijsindex-informeren")
    assert notice.link == f"/verwijsindex/registraties/{registration.uuid}/"

    assert deadline_jobs_at(date(2025, 9, 17))["informing_reminded"] == 0  # once
    assert len(notices_to("leerkracht", "verwijsindex-informeren")) == 1


def test_informed_or_postponed_registrations_are_not_reminded():
    informed = registered_on(date(2025, 9, 1), "jgz", EMMA)
    postponed = registered_on(date(2025, 9, 1), "jgz", NOAH)
    with on(date(2025, 9, 5)):
        record_informed(*acting("jgz"), informed.uuid, "beiden", date(2025, 9, 4))
        postpone_informing(*acting("jgz"), postponed.uuid, "hulpverlening")
    assert deadline_jobs_at(date(2025, 10, 1))["informing_reminded"] == 0
    assert not notices_to("jgz", "verwijsindex-informeren")
