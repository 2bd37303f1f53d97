"""When the parents keep regie themselves, the agreements are recorded and a named professional
is their back-up; without agreements it is refused (also by the database)."""

import pytest
from django.db import IntegrityError, transaction

from ketenzicht.leads.models import HouseholdLead
from ketenzicht.leads.services import LeadChoice, Source, appoint, current_lead, lead_contact
from ketenzicht.refusals import Refused

from .conftest import WEDNESDAY, acting, de_vries, professional


def test_parents_keep_regie_with_agreements_and_the_backup_named(emmen):
    by, actor = acting("cjg-demonden")
    appoint(by, actor, de_vries(), LeadChoice(
        professional=professional("jgz"), parents_keep_regie=True,
        agreements="Moeder belt de jeugdverpleegkundige elke maand; bij zorgen belt die het CJG."),
        Source("verwijsindex-match"), now=WEDNESDAY)
    lead = current_lead(de_vries())
    assert lead.parents_keep_regie and lead.professional.user.username == "jgz"
    contact = lead_contact(lead)
    assert contact.parents_keep_regie and contact.has_agreements
    assert (contact.organisation_slug, contact.since.isoformat()) == ("ggd-drenthe", "2026-11-25")


def test_parents_keeping_regie_without_agreements_is_refused(emmen):
    by, actor = acting("cjg-demonden")
    with pytest.raises(Refused) as refused:
        appoint(by, actor, de_vries(), LeadChoice(professional=by, parents_keep_regie=True,
                                                  agreements="  "), Source("gezinsplan"))
    assert (refused.value.code, refused.value.field) == ("afspraken-ontbreken", "agreements")
    assert current_lead(de_vries()) is None
    with pytest.raises(IntegrityError), transaction.atomic():
        HouseholdLead.objects.create(household=de_vries(), kind="ouders", professional=by,
                                     organisation=by.organisation, started_at=WEDNESDAY)
