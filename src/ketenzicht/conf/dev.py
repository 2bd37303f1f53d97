"""Settings for the embedded demo on a developer's machine (``make demo``, ``ketenzicht``).

Keys here are public demo keys: they protect nothing and production settings never use them.
"""

from ketenzicht.runtime.logs import logging_config

from .base import *  # noqa: F403
from .base import KETENZICHT_LOG_LEVEL
from .env import env, env_bool, env_int, env_keyring

DEBUG = env_bool("KETENZICHT_DEBUG", True)
DEMO_MODE = env_bool("KETENZICHT_DEMO_MODE", True)
SECRET_KEY = env("KETENZICHT_SECRET_KEY", "demo-only-secret-key-not-for-production-use-0123456789")
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]

# Plain http on localhost: cookies cannot be marked Secure there.
SESSION_COOKIE_SECURE = env_bool("KETENZICHT_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

KETENZICHT_BSN_ENCRYPTION_KEYS = env_keyring(
    "KETENZICHT_BSN_ENCRYPTION_KEYS", "1:ZGVtby1ic24tZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM="
)
KETENZICHT_BSN_HMAC_KEYS = env_keyring(
    "KETENZICHT_BSN_HMAC_KEYS", "1:ZGVtby1ic24taG1hYy1rZXktbm90LWZvci1wcm9kdWN0aW9u"
)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


# The demo answers population-register questions from its own generated Emmen.
KETENZICHT_POPULATION_REGISTER = env("KETENZICHT_POPULATION_REGISTER", "demo")
KETENZICHT_DEMO_HOUSEHOLDS = env_int("KETENZICHT_DEMO_HOUSEHOLDS", 2000)

# The demo prints e-mail to the console instead of sending it.
EMAIL_BACKEND = env("KETENZICHT_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

# A developer reads the log in a terminal: readable lines unless asked for JSON.
KETENZICHT_LOG_FORMAT = env("KETENZICHT_LOG_FORMAT", "text")
LOGGING = logging_config(KETENZICHT_LOG_FORMAT, KETENZICHT_LOG_LEVEL)
