"""Why a registration is refused: the chain's ``Refused`` (see ``ketenzicht.refusals``)."""

from ketenzicht.refusals import RefusalKind, Refused


class RegistrationRefused(Refused):
    """A refusal of the verwijsindex; ``existing_uuid`` names the registration to extend."""


__all__ = ["RefusalKind", "RegistrationRefused"]
