"""Why the chain refuses an action, with a specific Dutch message and a machine code.

Shared by every chain app (verwijsindex, signals, ...) so the faces translate one type: the API
maps ``kind`` to its HTTP status (invalid → 400, forbidden → 403, conflict → 409, unavailable →
503) and a web form shows ``message`` next to ``field``.
"""

from dataclasses import dataclass
from enum import Enum


class RefusalKind(Enum):
    INVALID = "invalid"
    FORBIDDEN = "forbidden"
    CONFLICT = "conflict"
    UNAVAILABLE = "unavailable"


@dataclass
class Refused(Exception):
    kind: RefusalKind
    code: str
    message: str
    field: str = ""
    #: For a duplicate: the existing object to use instead (e.g. a registration to extend).
    existing_uuid: str = ""

    def __str__(self) -> str:
        return self.message
