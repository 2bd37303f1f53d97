"""The household's current members as the members table shows them
(``web/includes/household_members.html``, on the household page and the case page)."""

from datetime import date

from ketenzicht.people.models import Household
from ketenzicht.people.services import current_members


def member_rows(household: Household, today: date) -> list[dict]:
    """Each current member with their membership and their age today, children first."""
    return [{"membership": membership, "person": membership.person, "age": membership.person.age_on(today)}
            for membership in current_members(household)]
