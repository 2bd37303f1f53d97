"""Which generated household the demo's recorded past uses for each state.

Each state takes a youth of the right district and age from a household no other state has
taken, so the states never land on one family (two applications would join one case) and the
five example households keep the states ``../shared/demo.md`` gives them.
"""

from datetime import date

from ketenzicht.people.ages import age_on

from .dataset import EXAMPLE_BSNS, DemoDataset, DemoPerson


class HouseholdPicker:
    def __init__(self, dataset: DemoDataset, today: date) -> None:
        self.dataset, self.today = dataset, today
        self._taken: set[int] = set()
        self._examples = set(EXAMPLE_BSNS.values())

    def youth(self, district: str, youngest: int, oldest: int) -> DemoPerson | None:
        """A living youth aged ``youngest``–``oldest`` in ``district`` from an untaken household;
        None when the demo has none (a demo loaded with very few households)."""
        for index, household in enumerate(self.dataset.households):
            if index in self._taken or household.district_slug != district:
                continue
            if any(member.person.bsn in self._examples for member in household.members):
                continue
            for member in household.members:
                person = member.person
                age = age_on(person.date_of_birth, self.today)
                if person.date_of_death is None and youngest <= age <= oldest:
                    self._taken.add(index)
                    return person
        return None
