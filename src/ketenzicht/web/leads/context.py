"""What a page shows of the household's regisseur, for the one include that shows it
(``web/includes/household_lead.html``) on the person, household, match and signal pages.

Everyone whose organisation has a basis on any member of the household, or recorded a signal
about one, sees who the regisseur is and how to reach them (1Gezin1Plan, domain.md §4; issue 9
§7; ``leads.hooks.knows_the_regisseur``); for everyone else the include shows nothing. The page
that shows it has audited its own opening; the regisseur's details are a professional's work
contact. The family's preference is not shown here: it is on the plan page, for plan members.
"""

from dataclasses import dataclass

from ketenzicht.access.services import may_see_clients
from ketenzicht.leads.hooks import knows_the_regisseur
from ketenzicht.leads.models import LeadHandover
from ketenzicht.leads.services import (
    LeadContact,
    current_lead,
    lead_contact,
    may_answer,
    may_change,
    pending_change,
)
from ketenzicht.organisations.models import Professional
from ketenzicht.people.models import Household


@dataclass(frozen=True)
class LeadView:
    household: Household
    contact: LeadContact | None
    pending: LeadHandover | None
    may_change: bool
    may_answer: bool


def household_lead_view(professional: Professional, household: Household | None, *,
                        involved: bool | None = None) -> LeadView | None:
    """The regisseur as this professional may see it, or None when they may not (or there is
    no household). ``involved=True`` when the page's own basis counts as involvement (a
    verwijsindex match shown to its participants and matchregisseur)."""
    if household is None or not may_see_clients(professional):
        return None
    if involved is None:
        involved = knows_the_regisseur(professional.organisation, household)
    if not involved:
        return None
    lead = current_lead(household)
    pending = pending_change(household) if lead is not None else None
    return LeadView(
        household=household, contact=lead_contact(lead) if lead is not None else None,
        pending=pending,
        may_change=lead is not None and pending is None and may_change(professional, lead),
        may_answer=pending is not None and may_answer(professional, pending),
    )
