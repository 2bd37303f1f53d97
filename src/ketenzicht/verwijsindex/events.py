"""Events of the verwijsindex that apps above it listen to (Django signals), so ``verwijsindex``
never has to import them: ``plans`` opens the household's case when the matchregisseur takes a
match up.

``match_taken_up`` is sent inside the transaction of ``match_actions.record_contact``.
Arguments: ``match``, ``professional`` (the matchregisseur's professional), ``actor``, ``now``.
"""

from django.dispatch import Signal

match_taken_up = Signal()
