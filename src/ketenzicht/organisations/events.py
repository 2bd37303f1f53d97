"""Events other apps listen to (Django signals), so ``organisations`` never has to import them.

``professional_deactivated`` is sent when a professional's account is made inactive (the admin's
"actief" box, ``accounts.deactivate``, or any other save of the user with ``is_active`` turned
off), inside that change's transaction and before the account is saved. Apps that hold work in a
professional's name connect a receiver: ``plans`` gives the professional's open cases back to
the team's teamleider and passes their plan actions to their organisation
(``plans.leavers``); ``leads`` hands the regie they carry to their teamleider
(``leads.leavers``). A receiver may refuse with ``ketenzicht.refusals.Refused``; the
deactivation is then not saved and the account stays active.

Arguments: ``professional`` — whose account it is; ``by`` — the ``Professional`` who deactivates
it, or None when nobody in the chain does (then the receiver acts as the system); ``now``.
"""

from django.dispatch import Signal

professional_deactivated = Signal()
