"""The caseload's work on the worklist (``KETENZICHT_WORKLIST_PROVIDERS``).

- whoever holds a case: its next step (first contact, intake, risk assessment, plan, review) with
  its deadline, overdue ones marked; a teamleider's case not yet assigned: assign it;
- the receiver of a handover: accept it or decline it with a reason.

Items name no household and no person (the worklist is no audited read): the link leads to the
case page, which checks access and is audited. Two queries whatever the number of items.
Other parts of ``plans`` add no item for a case's next step: this one is it.
"""

from collections.abc import Iterator

from django.utils import timezone
from django.utils.translation import gettext as _

from ketenzicht.organisations.models import Professional
from ketenzicht.plans.cases import case_link
from ketenzicht.plans.listings import handovers_to, held_by
from ketenzicht.plans.models import Milestone

from ..worklist import WorklistItem


def _step(milestone: str) -> str:
    label = str(Milestone(milestone).label)
    return label[:1].lower() + label[1:]


def caseload_work(professional: Professional) -> Iterator[WorklistItem]:
    if not professional.works_with_clients:
        return
    today = timezone.localdate()
    kind = _("Werkvoorraad")
    for handover in handovers_to(professional):
        yield WorklistItem(
            title=_("Overdracht van een casus aannemen of weigeren"), url=case_link(handover.case),
            kind=kind,
            detail=_("Van %(name)s, gevraagd op %(day)s. Tot u aanneemt, blijft %(name)s "
                     "verantwoordelijk.") % {
                "name": handover.from_professional.display_name,
                "day": f"{timezone.localtime(handover.requested_at):%d-%m-%Y %H:%M}"},
        )
    for case in held_by(professional):
        opened = _("Casus geopend op %(day)s.") % {"day": f"{timezone.localdate(case.opened_at):%d-%m-%Y}"}
        late = case.next_due is not None and case.next_due < today
        detail = f"{opened} {_('De termijn is verstreken.')}" if late else opened
        if not case.assigned:
            title = _("Casus toewijzen aan een professional van het team")
            if case.next_milestone:
                detail = _("%(detail)s Volgende stap: %(step)s.") % {"detail": detail,
                                                                   "step": _step(case.next_milestone)}
        elif case.next_milestone:
            title = _("Casus: %(step)s") % {"step": _step(case.next_milestone)}
        else:
            continue
        yield WorklistItem(title=title, url=case_link(case), kind=kind, due=case.next_due, detail=detail)
