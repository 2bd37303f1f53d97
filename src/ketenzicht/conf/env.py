"""Reading deployment values from the environment, with the types settings need."""

import os

from django.core.exceptions import ImproperlyConfigured


def env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ja"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return default if value is None or value == "" else int(value)


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int_map(name: str, default: str = "", minimum: int = 1) -> dict[str, int]:
    """Parse ``"name=number,other=number"`` into a mapping, e.g. job intervals in seconds.

    A value that is no whole number of at least ``minimum`` stops the start with a message that
    names the variable (an interval of 0 would make the worker spin).
    """
    mapping: dict[str, int] = {}
    for item in os.environ.get(name, default).split(","):
        if not item.strip():
            continue
        key, _, value = item.partition("=")
        if not key.strip() or not value.strip().isdigit() or int(value) < minimum:
            raise ImproperlyConfigured(
                f"{name}: '{item.strip()}' is geen naam=getal met een getal van minstens {minimum}."
            )
        mapping[key.strip()] = int(value)
    return mapping


def env_keyring(name: str, default: str | None = None) -> dict[int, str]:
    """Parse a versioned key ring such as ``"1:base64key,2:base64key"``.

    Keys are versioned so that they can be rotated without losing access to older data.
    """
    raw = os.environ.get(name, default) or ""
    ring: dict[int, str] = {}
    for item in raw.split(","):
        if not item.strip():
            continue
        version, _, key = item.strip().partition(":")
        ring[int(version)] = key
    return ring
