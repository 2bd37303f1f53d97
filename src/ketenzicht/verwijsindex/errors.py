"""Why a registration is refused, with a specific Dutch message and a machine code.

The API maps ``kind`` to its HTTP status (invalid → 400, forbidden → 403, conflict → 409,
unavailable → 503); the
web form shows ``message`` next to ``field``.
"""

from dataclasses import dataclass
from enum import Enum


class RefusalKind(Enum):
    INVALID = "invalid"
    FORBIDDEN = "forbidden"
    CONFLICT = "conflict"
    UNAVAILABLE = "unavailable"


@dataclass
class RegistrationRefused(Exception):
    kind: RefusalKind
    code: str
    message: str
    field: str = ""
    #: For a duplicate: the existing active registration, to extend instead.
    existing_uuid: str = ""

    def __str__(self) -> str:
        return self.message
