"""A refused kindcheck leaves a denied event in the client's access report: attempts on a client
are traced even when nothing is recorded."""

import pytest

from ketenzicht.audit.models import AuditEvent, Outcome
from ketenzicht.refusals import Refused
from ketenzicht.signals.childcheck import ChildCheckAnswers, record_child_check
from ketenzicht.signals.models import ChildCheck

from .conftest import LINDA, acting
from .support import person


def test_refused_kindcheck_is_audited(emmen):
    linda = person(LINDA)
    with pytest.raises(Refused):  # positive with concerns, but no concern described
        record_child_check(*acting("ggz"), linda, ChildCheckAnswers(
            children_in_home=True, cares_for_children=False, partner_has_children=False,
            pregnant=False, concerns=True))
    assert not ChildCheck.objects.exists()
    event = AuditEvent.objects.get(object_type="kindcheck")
    assert (event.outcome, event.client_pseudonym) == (Outcome.DENIED, str(linda.uuid))
