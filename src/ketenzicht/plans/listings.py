"""The team's caseload (werkvoorraad): its open cases, who holds each, and what is due."""

from datetime import date

from django.db.models import Exists, F, OuterRef, Prefetch, QuerySet, TextChoices
from django.utils.translation import gettext_lazy as _

from ketenzicht.organisations.models import Professional, Role

from .cases import holds_cases
from .models import Arrival, Case, CaseHandover, CaseStatus

PENDING = {"accepted_at__isnull": True, "declined_at__isnull": True}


class Show(TextChoices):
    """The caseload's filters (the query parameter ``toon``)."""

    ALL = "alle", _("Alle open casussen")
    MINE = "mijn", _("Mijn casussen")
    UNASSIGNED = "toe-te-wijzen", _("Nog toe te wijzen")
    OVERDUE = "te-laat", _("Te laat")


def caseload(professional: Professional) -> QuerySet[Case]:
    """The open cases of the professional's team, the earliest deadline first.

    The whole team sees its caseload (colleagues take over each other's work); another team, or
    someone without client work, sees none. A teamleider's own unassigned cases are first.
    """
    team = professional.organisation
    if not professional.works_with_clients or not holds_cases(team):
        return Case.objects.none()
    pending = CaseHandover.objects.filter(case=OuterRef("pk"), **PENDING)
    return (Case.objects.filter(team=team, status=CaseStatus.OPEN)
            .select_related("household", "responsible__user")
            .annotate(handover_pending=Exists(pending))
            .order_by(F("next_due").asc(nulls_last=True), "opened_at", "id"))


def shown(professional: Professional, show: str, today: date) -> QuerySet[Case]:
    """The caseload through one of its filters (``Show``): the professional's own cases, those a
    teamleider still has to assign, or those whose deadline passed."""
    cases = caseload(professional)
    if show == Show.MINE:
        return cases.filter(responsible=professional)
    if show == Show.UNASSIGNED:
        return cases.filter(assigned=False).order_by("opened_at", "id")
    if show == Show.OVERDUE:
        return cases.filter(next_due__lt=today)
    return cases


def with_details(cases: QuerySet[Case]) -> QuerySet[Case]:
    """What a row names, in two more queries whatever the number of cases: who each arrival was
    about (``about``) and the handover that waits (``waiting``, at most one)."""
    return cases.prefetch_related(
        Prefetch("arrivals", queryset=Arrival.objects.select_related("person").order_by("arrived_at", "id"),
                 to_attr="arrival_list"),
        Prefetch("handovers", queryset=CaseHandover.objects.filter(**PENDING)
                 .select_related("to_professional__user"), to_attr="waiting_list"),
    )


def about(case: Case) -> list:
    """The persons the case's arrivals are about (a signal's child, the applicant's child, …),
    each once, in the order they arrived; needs ``with_details``."""
    return list({arrival.person_id: arrival.person for arrival in case.arrival_list}.values())


def to_assign(professional: Professional) -> QuerySet[Case]:
    """A teamleider's cases still to assign to a professional, oldest first."""
    if professional.role != Role.TEAM_LEAD:
        return Case.objects.none()
    return caseload(professional).filter(responsible=professional, assigned=False).order_by("opened_at", "id")


def held_by(professional: Professional) -> QuerySet[Case]:
    """The open cases the professional holds (the worklist's next steps), the earliest deadline first."""
    if not professional.works_with_clients:
        return Case.objects.none()
    return (Case.objects.filter(responsible=professional, status=CaseStatus.OPEN)
            .order_by(F("next_due").asc(nulls_last=True), "opened_at", "id"))


def handovers_to(professional: Professional) -> QuerySet[CaseHandover]:
    """Handovers of a case to the professional that wait for their answer, oldest first."""
    return (CaseHandover.objects.filter(to_professional=professional, case__status=CaseStatus.OPEN, **PENDING)
            .select_related("case", "from_professional__user").order_by("requested_at", "id"))
