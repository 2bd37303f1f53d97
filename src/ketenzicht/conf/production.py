"""Production settings: every secret comes from the environment, and demo mode is refused."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    DEMO_MODE,
    KETENZICHT_BSN_ENCRYPTION_KEYS,
    KETENZICHT_BSN_HMAC_KEYS,
    KETENZICHT_POPULATION_REGISTER,
    SECRET_KEY,
)
from .env import env, env_bool, env_int

if DEMO_MODE:
    raise ImproperlyConfigured("Demo mode is not allowed under production settings.")
if KETENZICHT_POPULATION_REGISTER == "demo":
    raise ImproperlyConfigured("The demo population register is not allowed under production settings.")
if not env("DATABASE_URL"):
    raise ImproperlyConfigured(
        "Zet DATABASE_URL (PostgreSQL) onder de productie-instellingen: zonder wordt stilzwijgend "
        "het ingebedde SQLite-bestand gebruikt."
    )
if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("KETENZICHT_SECRET_KEY must be set (at least 50 characters).")
if not KETENZICHT_BSN_ENCRYPTION_KEYS or not KETENZICHT_BSN_HMAC_KEYS:
    raise ImproperlyConfigured(
        "KETENZICHT_BSN_ENCRYPTION_KEYS and KETENZICHT_BSN_HMAC_KEYS must be set."
    )

DEBUG = False
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = env_bool("KETENZICHT_SSL_REDIRECT", True)
# A load balancer probes /health/ over plain http on the inside, without X-Forwarded-Proto: a
# redirect to https would look like a dead server. The answer holds no client data.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("KETENZICHT_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
