"""The household plan's work on the worklist (``KETENZICHT_WORKLIST_PROVIDERS``).

- a plan member's own overdue actions (``household_plan.overdue_actions``);
- calls to account (aanspreken) they must answer, and — for a teamleider — those escalated to them;
- the municipality's regievoerder: calls escalated to them.

A member's items name the household (their organisation is a member of its plan); the
regievoerder's name none (they are no member). Each links to a page that checks access and is
audited. Set-based: one query per kind of item.
"""

from collections.abc import Iterator

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ketenzicht.organisations.models import Professional
from ketenzicht.plans import accountability, household_plan

from ..worklist import WorklistItem


def plan_work(professional: Professional) -> Iterator[WorklistItem]:
    if not professional.works_with_clients:
        return
    kind = _("Gezinsplan")
    overdue = household_plan.overdue_actions(professional, timezone.localdate())
    for action in overdue:
        yield WorklistItem(
            title=_("Actie te laat in het gezinsplan van huishouden %(name)s") % {
                "name": action.plan.household.name},
            url=reverse("web:plan_action", kwargs={"household_uuid": action.plan.household.uuid,
                                                   "action_uuid": action.uuid}),
            kind=kind, due=action.due_on, detail=action.what[:120])
    for item in accountability.open_for(professional):
        yield WorklistItem(
            title=_("De regisseur spreekt u aan (huishouden %(name)s)") % {
                "name": item.action.plan.household.name},
            url=reverse("web:accountability", kwargs={"accountability_uuid": item.uuid}),
            kind=kind, due=item.due_on, detail=item.get_stage_display())
    for item in accountability.escalated_to_director(professional):
        yield WorklistItem(
            title=_("Doorzettingsmacht: aanspreken niet beantwoord"),
            url=reverse("web:accountability", kwargs={"accountability_uuid": item.uuid}),
            kind=kind, detail=_("Ook de teamleider zorgde niet voor antwoord."))
