"""Reading deployment values from the environment, with the types settings need."""

import os


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
