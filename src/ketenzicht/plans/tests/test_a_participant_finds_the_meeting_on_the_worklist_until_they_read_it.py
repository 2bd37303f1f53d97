"""A professional who took part in a meeting someone else recorded is told (a notice whose title
names no family: titles are mailed) and finds it on the worklist — "U bent deelnemer aan het MDO
over huishouden De Vries" — until they open its record."""

import pytest
import time_machine

from ketenzicht.notify.models import Notice
from ketenzicht.web.tests.vir_login import logged_in
from ketenzicht.web.worklist import worklist_for

from .conftest import WEDNESDAY, professional
from .meeting_support import partner, recorded_mdo

pytestmark = pytest.mark.usefixtures("emmen")

TITLE = "U bent deelnemer aan het MDO over huishouden De Vries"


def _titles(username: str) -> list[str]:
    return [item.title for item in worklist_for(professional(username))]


def test_the_invited_professional_is_told_without_the_family_name_and_has_a_worklist_item():
    meeting = recorded_mdo(participants=(partner("jgz"),))
    notice = Notice.objects.get(recipient=professional("jgz"), kind="overleg")
    assert notice.title == "U bent deelnemer aan een MDO" and "Vries" not in notice.title + notice.body
    assert notice.link == f"/overleggen/{meeting.uuid}/"
    assert TITLE in _titles("jgz")
    assert TITLE not in _titles("cjg-demonden")  # who recorded it has nothing to read
    assert TITLE not in _titles("wijkagent")


def test_the_item_leaves_the_worklist_once_the_record_is_read():
    with time_machine.travel(WEDNESDAY, tick=False):
        meeting = recorded_mdo(participants=(partner("jgz"),))
        assert logged_in("jgz").get(f"/overleggen/{meeting.uuid}/").status_code == 200
    assert TITLE not in _titles("jgz")


def test_a_consultation_says_the_participant_was_consulted():
    recorded_mdo(kind="consultatie", participants=(partner("jgz"),))
    assert "U bent geraadpleegd in een collegiale consultatie over huishouden De Vries" in _titles("jgz")
    assert TITLE not in _titles("jgz")
