"""Events of the signal flow that apps above it listen to (Django signals), so ``signals`` never
has to import them: ``plans`` opens the household's case when a team accepts a route, and closes
it when the team lets the family go the way a route allows (handed over and accepted, or ended
after help started or after the assessment).

Both are sent inside the transaction of the desk's action, so what a receiver does commits or
rolls back with it. ``route_accepted``: ``route``, ``professional`` (who accepted), ``actor``
(the audit ``Actor``), ``now``. ``route_released``: ``route`` (ended or handed over; its desk has
no other open route on the signal), ``actor``.
"""

from django.dispatch import Signal

route_accepted = Signal()
route_released = Signal()
