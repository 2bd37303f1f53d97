"""Issuing, checking and revoking API tokens for organisations' systems."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from ketenzicht.organisations.models import Organisation

from .models import ApiToken

#: Recognisable start of every key, so secret scanners and people can spot a leaked one.
TOKEN_MARK = "kz"  # noqa: S105 - a label, not a secret
#: How often ``last_used_at`` is written at most: a busy system should not cause a write per call.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def hash_key(key: str) -> str:
    # A plain SHA-256 suffices: the key holds 256 random bits, so it cannot be guessed from it.
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    key: str


def issue_token(organisation: Organisation, name: str) -> IssuedToken:
    """Create a token; the returned key is shown once and never stored."""
    prefix = secrets.token_hex(4)
    key = f"{TOKEN_MARK}.{prefix}.{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(
        organisation=organisation, name=name, prefix=prefix, key_hash=hash_key(key)
    )
    return IssuedToken(token=token, key=key)


def token_for_key(key: str) -> ApiToken | None:
    """The active token with this key, or None (unknown, revoked, or organisation inactive)."""
    token = (
        ApiToken.objects.select_related("organisation")
        .filter(key_hash=hash_key(key), revoked_at__isnull=True, organisation__is_active=True)
        .first()
    )
    if token is not None:
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
    return token


def revoke_token(token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
