"""A meeting form sent twice records once — but the earlier meeting is the answer only for the same
form again: the same case and the same organiser. Someone else's token (another professional, or
another case) is refused, never answered with a meeting that is not theirs."""

import uuid
from dataclasses import replace

import pytest

from ketenzicht.plans import meetings
from ketenzicht.plans.models import Meeting
from ketenzicht.refusals import RefusalKind, Refused

from .conftest import WEDNESDAY, acting
from .meeting_support import mdo
from .support import application

pytestmark = pytest.mark.usefixtures("emmen")


def test_the_same_form_again_returns_the_meeting_and_another_organisers_token_is_refused():
    case = application()
    request = replace(mdo(), form_token=uuid.uuid4())
    first = meetings.record_meeting(*acting("cjg-demonden"), case, request, WEDNESDAY)
    assert meetings.record_meeting(*acting("cjg-demonden"), case, request, WEDNESDAY) == first
    with pytest.raises(Refused) as refused:
        meetings.record_meeting(*acting("teamleider-demonden"), case, request, WEDNESDAY)
    assert (refused.value.kind, refused.value.code) == (RefusalKind.CONFLICT, "formulier-al-gebruikt")
    assert Meeting.objects.count() == 1


def test_a_token_of_another_case_is_refused():
    case = application()
    other = application("sgt-demonden")
    request = replace(mdo(), form_token=uuid.uuid4())
    meetings.record_meeting(*acting("cjg-demonden"), case, request, WEDNESDAY)
    with pytest.raises(Refused) as refused:
        meetings.record_meeting(*acting("sgt-demonden"), other, request, WEDNESDAY)
    assert refused.value.code == "formulier-al-gebruikt"
    assert Meeting.objects.count() == 1
