"""What a page shows of the household's regisseur, for the one include that shows it
(``web/includes/household_lead.html``) on the person, household, match and signal pages.

Everyone whose organisation has a basis on any member of the household sees who the regisseur
is and how to reach them (1Gezin1Plan, domain.md §4); for everyone else the include shows
nothing (the page itself already answered 404 to those without any basis). The page that shows
it has audited its own opening; the regisseur's details are a professional's work contact.
"""

from dataclasses import dataclass

from ketenzicht.access.households import is_involved_with_household
from ketenzicht.access.services import may_see_clients
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
        involved = is_involved_with_household(professional.organisation, household)
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
