"""Looking up a household's regisseur by a member's BSN, for an organisation's own system.

Only an organisation involved with the household (an active basis on any current member, or a
signal it recorded about one: ``hooks.knows_the_regisseur``) gets an answer; for everyone else it
is the answer for a BSN nobody has, and the refused attempt is in the person's access report.
The BSN itself is never stored or logged.
"""

from dataclasses import dataclass

from ketenzicht.access.services import may_see_clients
from ketenzicht.audit.models import EventType, Outcome
from ketenzicht.audit.services import Actor, Subject, record
from ketenzicht.organisations.models import Professional
from ketenzicht.people.models import Household
from ketenzicht.people.services import current_household, find_person_by_bsn

from .hooks import knows_the_regisseur
from .models import HouseholdLead
from .services import LEAD_OBJECT, _record, current_lead


@dataclass(frozen=True)
class LeadLookup:
    household: Household
    lead: HouseholdLead | None


def find_lead_by_bsn(professional: Professional, actor: Actor, bsn: str) -> LeadLookup | None:
    """The household of the person with this BSN and its current regisseur, or None.

    Raises ``ValidationError`` for a BSN that is not valid (an input error, not a look-up).
    """
    person = find_person_by_bsn(bsn)
    household = current_household(person) if person is not None else None
    if household is None or not may_see_clients(professional) or not knows_the_regisseur(
            professional.organisation, household):
        record(actor, EventType.SEARCH, Subject(
            client_pseudonym=str(person.uuid) if person else "", object_type=LEAD_OBJECT,
        ), outcome=Outcome.DENIED, purpose="geen grondslag of onbekend")
        return None
    lead = current_lead(household)
    _record(actor, EventType.SEARCH, household, str(lead.uuid) if lead else "",
            "regisseur opgezocht: betrokken bij een lid van het huishouden", {})
    return LeadLookup(household=household, lead=lead)
