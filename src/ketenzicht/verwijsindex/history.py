"""Looking up a youth's verwijsindex history from the person page (issue 3, domain.md §2).

The history (archived registrations of every organisation) is for a professional whose own
organisation has an active registration on the youth: a shared concern, not curiosity. The
look-up itself is ``lifecycle.history_of``, which checks that again and writes the audit event;
``may_see_history`` only decides whether the person page offers the button.
"""

from django.utils import timezone

from ketenzicht.access.services import may_see_clients
from ketenzicht.organisations.models import Professional
from ketenzicht.people.models import Person

from .lifecycle import history_of
from .models import IndexRegistration, RegistrationStatus

__all__ = ["history_of", "may_see_history"]


def may_see_history(professional: Professional, person: Person) -> bool:
    """Whether the professional's organisation has an active registration on this youth."""
    if not may_see_clients(professional):
        return False
    return IndexRegistration.objects.filter(
        organisation_id=professional.organisation_id, person=person,
        status=RegistrationStatus.ACTIVE, active_until__gte=timezone.localdate(),
    ).exists()
