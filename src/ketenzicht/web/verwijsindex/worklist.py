"""The verwijsindex's work on the worklist (``KETENZICHT_WORKLIST_PROVIDERS``).

- the matchregisseur's professionals: matches to contact (due: the escalation deadline) and to
  coordinate;
- every organisation in a new match: take note of who else is involved;
- the registrant: informing still to record or postpone (overdue ones marked);
- the municipality's regievoerder: escalated matches without contact.

Items name no youth and no BSN: the link leads to a page that checks access and is audited.
"""

from collections.abc import Iterator

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ketenzicht.organisations.models import Professional
from ketenzicht.verwijsindex import listings, match_actions
from ketenzicht.verwijsindex.models import MatchStatus

from ..worklist import WorklistItem


def verwijsindex_work(professional: Professional) -> Iterator[WorklistItem]:
    if not professional.works_with_clients:
        return
    today = timezone.localdate()
    settings = listings.settings_by_municipality()
    kind = _("Verwijsindex")
    for match in listings.matches_to_coordinate(professional):
        url = reverse("web:vir_match", kwargs={"match_uuid": match.uuid})
        if match.status == MatchStatus.NEW:
            yield WorklistItem(
                title=_("%(kind)s: contact leggen als matchregisseur") % {
                    "kind": match.get_kind_display()},
                url=url, kind=kind,
                due=listings.escalation_due(match, settings),
                detail=_("Leg contact met de betrokken organisaties en leg vast wie de regisseur "
                         "van het gezin is."),
            )
        else:
            yield WorklistItem(
                title=_("%(kind)s: afstemming vastleggen als matchregisseur") % {
                    "kind": match.get_kind_display()},
                url=url, kind=kind,
                detail=_("Er is contact gelegd; leg vast wie de regisseur van het gezin is."),
            )
    for match in listings.new_matches_of(professional):
        yield WorklistItem(
            title=_("Nieuwe %(kind)s in de verwijsindex") % {"kind": match.get_kind_display().lower()},
            url=reverse("web:vir_match", kwargs={"match_uuid": match.uuid}), kind=kind,
            detail=_("Ook andere organisaties zijn betrokken. Bekijk wie, en hoe u hen bereikt."),
        )
    for registration in listings.informing_to_do(professional):
        due = listings.informing_due(registration, settings)
        yield WorklistItem(
            title=_("Informeren over een registratie vastleggen"),
            url=reverse("web:vir_registration", kwargs={"registration_uuid": registration.uuid}),
            kind=kind, due=due,
            detail=_("De termijn voor informeren is verstreken.") if today > due else "",
        )
    if match_actions.is_regievoerder_of(professional, professional.organisation.municipality_id):
        for match in listings.escalated_matches(professional.organisation.municipality):
            yield WorklistItem(
                title=_("Opgeschaalde %(kind)s zonder contact") % {
                    "kind": match.get_kind_display().lower()},
                url=reverse("web:vir_match", kwargs={"match_uuid": match.uuid}), kind=kind,
                detail=_("Matchregisseur: %(name)s") % {"name": match.match_coordinator.name},
            )
