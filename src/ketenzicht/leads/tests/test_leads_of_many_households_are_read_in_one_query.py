"""List pages read the regisseur of many households at once: one query, whatever the number."""

from ketenzicht.leads.services import lead_contact, leads_for_households
from ketenzicht.people.models import Household

from .conftest import appoint_cjg, de_vries


def test_leads_of_many_households_are_read_in_one_query(emmen, django_assert_num_queries):
    appoint_cjg()
    ids = list(Household.objects.values_list("id", flat=True))
    assert len(ids) > 3
    with django_assert_num_queries(1):
        leads = leads_for_households(ids)
        contacts = {household_id: lead_contact(lead) for household_id, lead in leads.items()}
    assert list(contacts) == [de_vries().pk]
    assert contacts[de_vries().pk].organisation_slug == "cjg-de-monden"
