"""Consultations and MDOs on the worklist (``KETENZICHT_WORKLIST_PROVIDERS``).

A professional with an account who took part in a meeting someone else recorded finds it on the
worklist until they have opened its record: "U bent deelnemer aan het MDO over huishouden …".
Naming the household is fine here: the participant's organisation sees that meeting's record
(and only it). One query whatever the number of items.
"""

from collections.abc import Iterator

from django.utils.translation import gettext as _

from ketenzicht.organisations.models import Professional
from ketenzicht.plans import meetings
from ketenzicht.plans.models import MeetingKind

from ..worklist import WorklistItem


def meeting_work(professional: Professional) -> Iterator[WorklistItem]:
    if not professional.works_with_clients:
        return
    for participation in meetings.unseen_participations(professional):
        meeting = participation.meeting
        name = meeting.household.name
        title = (_("U bent deelnemer aan het MDO over huishouden %(name)s") if meeting.kind == MeetingKind.MDO
                 else _("U bent geraadpleegd in een collegiale consultatie over huishouden %(name)s"))
        yield WorklistItem(
            title=title % {"name": name}, url=meetings.meeting_link(meeting), kind=_("Overleg"),
            detail=_("Gehouden op %(day)s. Lees het verslag en de afgesproken acties.")
            % {"day": meeting.held_on.strftime("%d-%m-%Y")},
        )
