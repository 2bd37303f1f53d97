"""The household plan's work on the worklist (``KETENZICHT_WORKLIST_PROVIDERS``).

- a plan member's own overdue actions (a professional's own, or their organisation's; help that
  has started is not late, even before it is done);
- calls to account (aanspreken) they must answer, and — for a teamleider — those escalated to them;
- the municipality's regievoerder: calls escalated to them.

A member's items name the household (their organisation is a member of its plan); the
regievoerder's name none (they are no member). Each links to a page that checks access and is
audited. Set-based: one query per kind of item.
"""

from collections.abc import Iterator

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ketenzicht.organisations.models import Professional
from ketenzicht.plans import accountability
from ketenzicht.plans.models import ActionHolder, PlanAction, PlanStatus

from ..worklist import WorklistItem


def plan_work(professional: Professional) -> Iterator[WorklistItem]:
    if not professional.works_with_clients:
        return
    today = timezone.localdate()
    kind = _("Gezinsplan")
    overdue = (PlanAction.objects.filter(
        Q(holder_kind=ActionHolder.PROFESSIONAL, professional=professional)
        | Q(holder_kind=ActionHolder.ORGANISATION, organisation_id=professional.organisation_id),
        done_on__isnull=True, due_on__lt=today, plan__members__organisation_id=professional.organisation_id,
        plan__members__ended_at__isnull=True)
        .exclude(plan__status=PlanStatus.CLOSED).exclude(is_help=True, help_started_on__isnull=False)
        .select_related("plan__household").order_by("due_on", "id"))
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
