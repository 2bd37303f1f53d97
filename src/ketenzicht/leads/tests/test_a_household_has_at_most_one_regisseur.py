"""One household, one regisseur: a second appointment is refused (use a warm handover), and the
database itself holds at most one current regisseur per household."""

import pytest
from django.db import IntegrityError, transaction

from ketenzicht.leads.models import HouseholdLead
from ketenzicht.leads.services import LeadChoice, Source, appoint, current_lead
from ketenzicht.refusals import RefusalKind, Refused

from .conftest import WEDNESDAY, acting, appoint_cjg, de_vries, professional


def test_the_first_regisseur_is_recorded_with_the_familys_preference_and_source(emmen):
    lead = appoint_cjg()
    current = current_lead(de_vries())
    assert current == lead
    assert (current.professional.user.username, current.organisation.slug, current.kind) == (
        "cjg-demonden", "cjg-de-monden", "professional")
    assert current.family_preference == "Moeder wil één vast aanspreekpunt bij het CJG."
    assert (current.agreed_via, current.started_at, current.ended_at) == ("gezinsplan", WEDNESDAY, None)


def test_a_second_regisseur_is_refused_and_points_at_the_current_one(emmen):
    lead = appoint_cjg()
    by, actor = acting("jgz")
    with pytest.raises(Refused) as refused:
        appoint(by, actor, de_vries(), LeadChoice(professional=by, family_preference="Liever de JGZ."),
                Source("verwijsindex-match"))
    assert refused.value.kind == RefusalKind.CONFLICT
    assert refused.value.code == "regisseur-bestaat"
    assert refused.value.existing_uuid == str(lead.uuid)
    assert professional("cjg-demonden").display_name in refused.value.message
    assert HouseholdLead.objects.filter(household=de_vries()).count() == 1


def test_the_database_refuses_a_second_current_regisseur(emmen):
    lead = appoint_cjg()
    with pytest.raises(IntegrityError), transaction.atomic():
        HouseholdLead.objects.create(household=lead.household, kind="professional",
                                     professional=professional("jgz"),
                                     organisation=professional("jgz").organisation,
                                     started_at=WEDNESDAY)


def test_the_regisseur_is_chosen_with_the_family(emmen):
    by, actor = acting("cjg-demonden")
    with pytest.raises(Refused) as refused:
        appoint(by, actor, de_vries(), LeadChoice(professional=by), Source("gezinsplan"))
    assert (refused.value.code, refused.value.field) == ("voorkeur-gezin-ontbreekt", "family_preference")
    assert current_lead(de_vries()) is None


def test_only_a_professional_of_an_involved_organisation_becomes_regisseur(emmen):
    by, actor = acting("cjg-demonden")
    with pytest.raises(Refused) as refused:
        appoint(by, actor, de_vries(), LeadChoice(professional=professional("ggz"),
                                                  family_preference="Vader noemde de GGZ."),
                Source("gezinsplan"))
    assert refused.value.code == "regisseur-niet-betrokken"
    assert professional("ggz").organisation.name in refused.value.message
    # the JGZ is involved (it registered Emma) and can take responsibility for help: its nurse
    # may be the regisseur
    lead = appoint(by, actor, de_vries(), LeadChoice(professional=professional("jgz"),
                                                     family_preference="Moeder vertrouwt de JGZ."),
                   Source("gezinsplan"))
    assert lead.organisation.slug == "ggd-drenthe"
