"""Events other apps listen to (Django signals), so ``people`` never has to import them.

Named ``events`` rather than ``signals`` so it is not mistaken for the ``signals`` app (zorgsignalen).

``person_moved`` is sent when a person's current household changes (a move), or when the
population register moved people. Apps whose work follows a person's residence (the
verwijsindex passes a youth's registrations to the team of the new district) connect a
receiver; ``people`` stays at the bottom of the dependency graph.

Arguments: ``persons`` — the ids of the persons that moved; ``actor`` — the audit ``Actor``
on whose behalf the move happened, or None when the caller has none (then the receiver acts
as the system).
"""

from django.dispatch import Signal

person_moved = Signal()
