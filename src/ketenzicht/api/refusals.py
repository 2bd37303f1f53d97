"""A refusal of a chain service as a problem: the domain's Dutch message and code, the HTTP status
of its kind, the field in ``invalidParams``, and the existing registration on a duplicate."""

from typing import Any

from rest_framework import status

from ketenzicht.refusals import RefusalKind, Refused

from .problems import ProblemError, problem_body

STATUS: dict[RefusalKind, int] = {
    RefusalKind.INVALID: status.HTTP_400_BAD_REQUEST,
    RefusalKind.FORBIDDEN: status.HTTP_403_FORBIDDEN,
    RefusalKind.CONFLICT: status.HTTP_409_CONFLICT,
    RefusalKind.UNAVAILABLE: status.HTTP_503_SERVICE_UNAVAILABLE,
}

#: Extension member naming the caller's active registration that a new one would duplicate.
EXISTING = "bestaandeMelding"


def _parts(refusal: Refused) -> dict[str, Any]:
    invalid = None
    if refusal.kind is RefusalKind.INVALID:
        invalid = [{"name": refusal.field or "nonFieldErrors", "code": refusal.code,
                    "reason": refusal.message}]
    extra = {EXISTING: refusal.existing_uuid} if refusal.existing_uuid else {}
    return {"invalid": invalid, "extra": extra}


def refusal_problem(refusal: Refused) -> ProblemError:
    """Raise this from a view: answered as problem+json. The service already rolled its own
    writes back; the request's transaction is kept so the audit event of the refusal stays."""
    problem = ProblemError(refusal.message, refusal.code, status_code=STATUS[refusal.kind],
                           **_parts(refusal))
    problem.keep_transaction = True
    return problem


def refusal_body(refusal: Refused) -> dict[str, Any]:
    """The same problem as an object, for one item of a bulk answer."""
    parts = _parts(refusal)
    return problem_body(STATUS[refusal.kind], refusal.message, code=refusal.code,
                        invalid_params=parts["invalid"], extra=parts["extra"])
