# The family's regisseur moves out of the match into the household's one regisseur
# (``leads.HouseholdLead``), the record the household plan uses too (issue 9, point 6).
#
# Data: every match that is not closed and records a family regisseur (an organisation) or that
# the parents keep regie becomes the household's current regisseur, for the current household of
# the match's key person (the youth; for a family match the shared parent, who lives with the
# children). The most recent agreement wins when several matches name one household. A regisseur
# is now always a named professional; the match only knew an organisation, so:
# - a regisseur organisation → the registrant of its active registration in the match (the
#   contact person the others already knew), else the organisation's first active professional
#   with client work (lowest id);
# - parents keep regie → back-up: the first active professional of the matchregisseur, with the
#   agreements marked as "not recorded before this change".
# A match whose household is unknown, or whose organisation has no active professional, gets no
# regisseur (its page then says none is recorded); closed matches are left out. Reversible: the
# reverse writes the current regisseurs that came from a match back onto their match.

from django.db import migrations
from django.db.models import Q

CLIENT_ROLES = ['professional', 'aandachtsfunctionaris', 'teamleider', 'regievoerder']
PREFERENCE = 'Niet vastgelegd (overgenomen uit de verwijsindex-match).'
AGREEMENTS = ('Overgenomen uit de verwijsindex-match: de ouders voeren zelf regie. De afspraken '
              'waren daar niet vastgelegd; leg ze vast bij de eerstvolgende afstemming.')


def _first_professional(Professional, organisation_id):
    return (Professional.objects.filter(organisation_id=organisation_id, role__in=CLIENT_ROLES,
                                        user__is_active=True, organisation__is_active=True)
            .order_by('id').first())


def to_household_leads(apps, schema_editor):
    Match = apps.get_model('verwijsindex', 'Match')
    IndexRegistration = apps.get_model('verwijsindex', 'IndexRegistration')
    HouseholdLead = apps.get_model('leads', 'HouseholdLead')
    Membership = apps.get_model('people', 'HouseholdMembership')
    Professional = apps.get_model('organisations', 'Professional')
    matches = (Match.objects.exclude(status='gesloten')
               .filter(Q(family_coordinator__isnull=False) | Q(parents_keep_regie=True))
               .order_by('-coordinated_at', '-id'))
    for match in matches.iterator():
        membership = Membership.objects.filter(person_id=match.person_id, until__isnull=True).first()
        if membership is None or HouseholdLead.objects.filter(
                household_id=membership.household_id, ended_at__isnull=True).exists():
            continue
        if match.parents_keep_regie:
            professional = _first_professional(Professional, match.match_coordinator_id)
        else:
            registration = (IndexRegistration.objects.filter(
                participations__match=match, organisation_id=match.family_coordinator_id,
                status='actief', registrant__user__is_active=True).order_by('registered_at', 'id')
                .first())
            professional = (Professional.objects.get(pk=registration.registrant_id) if registration
                            else _first_professional(Professional, match.family_coordinator_id))
        if professional is None:
            continue
        HouseholdLead.objects.create(
            household_id=membership.household_id,
            kind='ouders' if match.parents_keep_regie else 'professional',
            professional=professional, organisation_id=professional.organisation_id,
            family_preference='' if match.parents_keep_regie else PREFERENCE,
            agreements=AGREEMENTS if match.parents_keep_regie else '',
            started_at=match.coordinated_at or match.contact_made_at or match.created_at,
            agreed_via='verwijsindex-match', agreed_via_uuid=match.uuid,
        )


def back_to_matches(apps, schema_editor):
    Match = apps.get_model('verwijsindex', 'Match')
    HouseholdLead = apps.get_model('leads', 'HouseholdLead')
    for lead in HouseholdLead.objects.filter(ended_at__isnull=True, agreed_via='verwijsindex-match',
                                             agreed_via_uuid__isnull=False):
        if lead.kind == 'ouders':
            Match.objects.filter(uuid=lead.agreed_via_uuid).update(parents_keep_regie=True,
                                                                   family_coordinator=None)
        else:
            Match.objects.filter(uuid=lead.agreed_via_uuid).update(
                parents_keep_regie=False, family_coordinator_id=lead.organisation_id)


class Migration(migrations.Migration):

    dependencies = [
        ('verwijsindex', '0003_match_coordinator_names'),
        ('leads', '0001_initial'),
    ]

    operations = [
        migrations.RunPython(to_household_leads, back_to_matches),
        migrations.RemoveField(model_name='match', name='family_coordinator'),
        migrations.RemoveField(model_name='match', name='parents_keep_regie'),
    ]
