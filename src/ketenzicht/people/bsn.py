"""The burgerservicenummer (BSN): validation, encryption at rest and keyed look-up.

A BSN is never stored in plain text, never logged and never put in a URL. It is stored
encrypted (AES-GCM) for display to those entitled to it, and found again through a keyed HMAC
so the database itself cannot be searched for a BSN without the key. Both keys are versioned.
"""

import base64
import hashlib
import hmac
import os
import re
from dataclasses import dataclass

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength
from stdnum.nl import bsn as stdnum_bsn


def validate_bsn(value: str) -> str:
    """Return the normalised BSN, or raise a ValidationError with a specific Dutch message."""
    # Not stdnum's compact(): it left-pads eight digits to nine, and we refuse wrong lengths.
    compact = re.sub(r"[\s.\-]", "", "" if value is None else str(value))
    if not compact:
        raise ValidationError(_("Vul een BSN in."), code="required")
    if not compact.isdigit():
        raise ValidationError(_("Een BSN bestaat alleen uit cijfers."), code="bsn_not_digits")
    if len(compact) != 9:
        raise ValidationError(_("Een BSN heeft 9 cijfers."), code="bsn_length")
    if int(compact) == 0:
        raise ValidationError(_("000000000 is geen geldig BSN."), code="bsn_zero")
    try:
        return stdnum_bsn.validate(compact)
    except InvalidChecksum as exc:
        raise ValidationError(
            _("Dit BSN klopt niet: het voldoet niet aan de elfproef."), code="bsn_checksum"
        ) from exc
    except (InvalidFormat, InvalidLength) as exc:
        raise ValidationError(_("Dit is geen geldig BSN."), code="bsn_invalid") from exc


def _key_ring(setting: str) -> dict[int, bytes]:
    ring = getattr(settings, setting, {}) or {}
    if not ring:
        raise ImproperlyConfigured(f"{setting} is empty: BSNs cannot be protected.")
    return {int(version): base64.b64decode(key) for version, key in ring.items()}


def _current(ring: dict[int, bytes]) -> tuple[int, bytes]:
    version = max(ring)
    return version, ring[version]


@dataclass(frozen=True)
class ProtectedBsn:
    """What is stored for a BSN: ciphertext and keyed hash, each with its key version."""

    ciphertext: str
    lookup_hash: str
    key_version: int


def lookup_hashes(bsn: str) -> list[str]:
    """The keyed hashes of a BSN under every HMAC key version, for look-ups during rotation."""
    ring = _key_ring("KETENZICHT_BSN_HMAC_KEYS")
    return [hmac.new(key, bsn.encode(), hashlib.sha256).hexdigest() for key in ring.values()]


def protect(bsn: str) -> ProtectedBsn:
    """Encrypt and hash a validated BSN with the current keys."""
    enc_version, enc_key = _current(_key_ring("KETENZICHT_BSN_ENCRYPTION_KEYS"))
    hmac_version, hmac_key = _current(_key_ring("KETENZICHT_BSN_HMAC_KEYS"))
    nonce = os.urandom(12)
    sealed = AESGCM(_aes_key(enc_key)).encrypt(nonce, bsn.encode(), None)
    ciphertext = f"{enc_version}:{base64.b64encode(nonce + sealed).decode()}"
    lookup = hmac.new(hmac_key, bsn.encode(), hashlib.sha256).hexdigest()
    return ProtectedBsn(ciphertext=ciphertext, lookup_hash=lookup, key_version=hmac_version)


def reveal(ciphertext: str) -> str:
    """Decrypt a stored BSN; only for showing it to someone entitled to see it."""
    version, _sep, payload = ciphertext.partition(":")
    key = _key_ring("KETENZICHT_BSN_ENCRYPTION_KEYS")[int(version)]
    blob = base64.b64decode(payload)
    return AESGCM(_aes_key(key)).decrypt(blob[:12], blob[12:], None).decode()


def _aes_key(material: bytes) -> bytes:
    """Derive a 256-bit AES key, so operators may supply key material of any length."""
    return hashlib.sha256(b"ketenzicht-bsn-aes|" + material).digest()
