"""The team's caseload (werkvoorraad): its open cases, who holds each, and what is due."""

from django.db.models import Exists, F, OuterRef, QuerySet

from ketenzicht.organisations.models import Professional, Role

from .cases import holds_cases
from .models import Case, CaseHandover, CaseStatus


def caseload(professional: Professional) -> QuerySet[Case]:
    """The open cases of the professional's team, the earliest deadline first.

    The whole team sees its caseload (colleagues take over each other's work); another team, or
    someone without client work, sees none. A teamleider's own unassigned cases are first.
    """
    team = professional.organisation
    if not professional.works_with_clients or not holds_cases(team):
        return Case.objects.none()
    pending = CaseHandover.objects.filter(case=OuterRef("pk"), accepted_at__isnull=True,
                                          declined_at__isnull=True)
    return (Case.objects.filter(team=team, status=CaseStatus.OPEN)
            .select_related("household", "responsible__user")
            .annotate(handover_pending=Exists(pending))
            .order_by(F("next_due").asc(nulls_last=True), "opened_at", "id"))


def to_assign(professional: Professional) -> QuerySet[Case]:
    """A teamleider's cases still to assign to a professional, oldest first."""
    if professional.role != Role.TEAM_LEAD:
        return Case.objects.none()
    return caseload(professional).filter(responsible=professional, assigned=False).order_by("opened_at", "id")
