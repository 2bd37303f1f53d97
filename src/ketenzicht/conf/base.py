"""Settings shared by every deployment. Deployment values come from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from ketenzicht.runtime.logs import logging_config

from .env import env, env_bool, env_int, env_int_map, env_keyring, env_list

PACKAGE_DIR = Path(__file__).resolve().parent.parent
# The checkout root in a source install; ``var/`` there holds the embedded database.
BASE_DIR = PACKAGE_DIR.parent.parent
VAR_DIR = Path(env("KETENZICHT_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env("KETENZICHT_SECRET_KEY")
DEBUG = env_bool("KETENZICHT_DEBUG", False)
ALLOWED_HOSTS = env_list("KETENZICHT_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("KETENZICHT_CSRF_TRUSTED_ORIGINS")

# Demo mode marks every page and shows demo TOTP secrets; production settings refuse it.
DEMO_MODE = env_bool("KETENZICHT_DEMO_MODE", False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "rest_framework",
    "drf_spectacular",
    # Ground: the runtime (server, job runner, request context), organisations, the audit trail.
    "ketenzicht.runtime",
    "ketenzicht.organisations",
    "ketenzicht.audit",
    # Shared services.
    "ketenzicht.people",
    "ketenzicht.access",
    "ketenzicht.leads",
    "ketenzicht.notify",
    # Chain work.
    "ketenzicht.verwijsindex",
    "ketenzicht.signals",
    "ketenzicht.plans",
    # Faces.
    "ketenzicht.api",
    "ketenzicht.web",
    "ketenzicht.demo",
]

MIDDLEWARE = [
    # First, so it sees every request (static files too): the request id and the request's log line.
    "ketenzicht.runtime.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "ketenzicht.web.middleware.AbsoluteSessionTimeoutMiddleware",
    "ketenzicht.web.middleware.NoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ketenzicht.urls"
WSGI_APPLICATION = "ketenzicht.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ketenzicht.web.context_processors.ketenzicht",
            ],
        },
    },
]


def _usable_cores() -> int:
    """The cores this process may run on (a container's CPU set), not the whole host's."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


# The application server (``ketenzicht serve``, gunicorn; ``ketenzicht.runtime.server``). A worker
# process per core plus one, each with a few threads (gthread): a request that waits on the
# database or the BRP then holds up one thread, not a process, and 2 cores serve 3 × 4 requests
# at once. Workers are replaced after a number of requests (with jitter, not all at once), so a
# slow leak cannot grow forever.
KETENZICHT_BIND = env("KETENZICHT_BIND", "127.0.0.1:8000")
KETENZICHT_WEB_WORKERS = env_int("KETENZICHT_WEB_WORKERS", _usable_cores() + 1)
KETENZICHT_WEB_THREADS = env_int("KETENZICHT_WEB_THREADS", 4)
KETENZICHT_WEB_TIMEOUT = env_int("KETENZICHT_WEB_TIMEOUT", 30)
KETENZICHT_WEB_GRACEFUL_TIMEOUT = env_int("KETENZICHT_WEB_GRACEFUL_TIMEOUT", 30)
KETENZICHT_WEB_MAX_REQUESTS = env_int("KETENZICHT_WEB_MAX_REQUESTS", 2000)
# Addresses (or networks) of the load balancer whose X-Forwarded-Proto gunicorn believes for
# ``wsgi.url_scheme``. Django itself decides http or https by SECURE_PROXY_SSL_HEADER (production
# settings) and the client's address by KETENZICHT_TRUSTED_PROXY_COUNT (``audit.network``).
KETENZICHT_FORWARDED_ALLOW_IPS = env("KETENZICHT_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

DATABASES = {
    "default": dj_database_url.parse(env("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'ketenzicht.sqlite3'}")
}
# Every request runs in one transaction, so an action and its audit event commit together.
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DATABASES["default"].setdefault("OPTIONS", {})
# Connection reuse on PostgreSQL. By default Django's psycopg pool: each worker process keeps
# between min_size and max_size connections (max: one per thread) instead of connecting for every
# request. CONN_HEALTH_CHECKS makes Django give the pool psycopg's check, so a connection broken
# by a PostgreSQL restart or failover is found when it is taken from the pool and replaced, not
# handed to a request. A pool needs CONN_MAX_AGE 0. Behind PgBouncer (which pools itself) turn
# the pool off: then persistent connections per thread, checked before reuse.
KETENZICHT_DB_POOL = env_bool("KETENZICHT_DB_POOL", True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    if KETENZICHT_DB_POOL:
        DATABASES["default"]["CONN_MAX_AGE"] = 0
        DATABASES["default"]["OPTIONS"]["pool"] = {
            "min_size": env_int("KETENZICHT_DB_POOL_MIN_SIZE", 2),
            "max_size": env_int("KETENZICHT_DB_POOL_MAX_SIZE", KETENZICHT_WEB_THREADS),
            # Seconds a request waits for a free connection before it fails.
            "timeout": env_int("KETENZICHT_DB_POOL_TIMEOUT", 10),
        }
    else:
        DATABASES["default"]["CONN_MAX_AGE"] = env_int("KETENZICHT_DB_CONN_MAX_AGE", 60)
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database with a server and a worker writing at once: a write-ahead log lets
    # readers go on while one writes; IMMEDIATE takes the write lock when a transaction begins,
    # where the busy timeout can wait for it (a deferred transaction that upgrades later fails at
    # once with "database is locked"); synchronous=FULL syncs the log at every commit, so an audit
    # event once committed survives a power cut too (NORMAL would be faster and could lose it).
    DATABASES["default"]["OPTIONS"].update({
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,  # seconds a writer waits for the write lock
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL",
    })
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# The audit trail is split over this many independent hash chains. An append locks its chain's
# head until the request's transaction commits, so requests only wait for others on the same
# chain. Raising it later is safe (new chains start empty); lowering it leaves the higher
# chains as they are, still verified.
KETENZICHT_AUDIT_CHAINS = env_int("KETENZICHT_AUDIT_CHAINS", 16)

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:worklist"
LOGOUT_REDIRECT_URL = "web:login"

# Language: Dutch first, English second.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Sessions: idle timeout 30 minutes (renewed on every request), absolute limit 12 hours.
SESSION_COOKIE_AGE = env_int("KETENZICHT_SESSION_IDLE_SECONDS", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
KETENZICHT_SESSION_ABSOLUTE_SECONDS = env_int("KETENZICHT_SESSION_ABSOLUTE_SECONDS", 12 * 3600)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("KETENZICHT_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# How many reverse proxies in front of Ketenzicht append to X-Forwarded-For. Only their entries
# are believed; 0 means the peer's own address (REMOTE_ADDR) is the client's. Used for the audit
# trail's network access point and for the lockout (``ketenzicht.audit.network.client_ip``).
KETENZICHT_TRUSTED_PROXY_COUNT = env_int("KETENZICHT_TRUSTED_PROXY_COUNT", 0)

# Brute-force protection (django-axes): lock the account after repeated failures.
AXES_FAILURE_LIMIT = env_int("KETENZICHT_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("KETENZICHT_LOGIN_COOLOFF_MINUTES", 30))
# Per account, not per address: a municipal office or a school board reaches us from one NAT
# address, so an IP lockout would let one person's typos (or one attacker) lock out everyone
# there, while guessing at one account is stopped by the account lockout alone. Hence axes'
# warning that the IP address is not a lockout parameter (axes.W006) is silenced on purpose.
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_CLIENT_IP_CALLABLE = "ketenzicht.audit.network.client_ip"
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "web/locked_out.html"
# Failures and lockouts are rows in the database (axes' default handler, named so nobody swaps in
# the cache handler): every server process sees the same count and the same lockout.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_VERBOSE = False

# Two-factor (django-otp).
OTP_TOTP_ISSUER = "Ketenzicht"

# The web UI: worklist providers (dotted paths to ``callable(professional) -> items``) that the
# chain apps register, and the organisation types whose administrators see every organisation's
# rows in the access report (the system operator).
KETENZICHT_WORKLIST_PROVIDERS: list[str] = [
    "ketenzicht.web.verwijsindex.worklist.verwijsindex_work",
    "ketenzicht.web.signals.worklist.signal_work",
    "ketenzicht.web.plans.worklist.caseload_work",
    "ketenzicht.web.plans.meeting_worklist.meeting_work",
    "ketenzicht.web.plans.plan_worklist.plan_work",
]
KETENZICHT_SYSTEM_OPERATOR_TYPES = env_list("KETENZICHT_SYSTEM_OPERATOR_TYPES", "gemeente")

# Content Security Policy (django-csp 4): nothing inline, nothing from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# BSN protection: encrypted at rest (AES-GCM) and looked up by a keyed HMAC; both key rings are
# versioned ("1:base64key,2:base64key") so keys can be rotated.
KETENZICHT_BSN_ENCRYPTION_KEYS = env_keyring("KETENZICHT_BSN_ENCRYPTION_KEYS")
KETENZICHT_BSN_HMAC_KEYS = env_keyring("KETENZICHT_BSN_HMAC_KEYS")

# Population register (BRP): "haal-centraal" (production) or "demo" (the demo's own register).
KETENZICHT_POPULATION_REGISTER = env("KETENZICHT_POPULATION_REGISTER", "haal-centraal")
KETENZICHT_BRP_API_URL = env("KETENZICHT_BRP_API_URL", "")
KETENZICHT_BRP_API_KEY = env("KETENZICHT_BRP_API_KEY", "")
KETENZICHT_BRP_TIMEOUT_SECONDS = env_int("KETENZICHT_BRP_TIMEOUT_SECONDS", 10)

# OpenID Connect login through an organisation's identity provider (off unless configured).
KETENZICHT_OIDC_ENABLED = env_bool("KETENZICHT_OIDC_ENABLED", False)
# The provider replaces our TOTP check, so its login must prove a second factor: an ``amr``
# method from this list (RFC 8176), or ``acr`` equal to the required level when one is set.
KETENZICHT_OIDC_MFA_AMR = env_list("KETENZICHT_OIDC_MFA_AMR", "mfa,otp,hwk,swk")
KETENZICHT_OIDC_REQUIRED_ACR = env("KETENZICHT_OIDC_REQUIRED_ACR", "")
# Slugs of the organisations whose staff this provider may log in; empty lets nobody in.
KETENZICHT_OIDC_ORGANISATIONS = env_list("KETENZICHT_OIDC_ORGANISATIONS")
if KETENZICHT_OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("ketenzicht.web.oidc.ProfessionalOIDCBackend")
    OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID")
    OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET")
    OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT")
    OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT")
    OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT")
    # Only existing professionals, matched by e-mail address: accounts are never created here.
    OIDC_CREATE_USER = False
    LOGIN_REDIRECT_URL_FAILURE = "web:login"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["ketenzicht.api.authentication.OrganisationTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["ketenzicht.api.permissions.IsOrganisationSystem"],
    "DEFAULT_SCHEMA_CLASS": "ketenzicht.api.schema.ApiAutoSchema",
    "EXCEPTION_HANDLER": "ketenzicht.api.problems.problem_exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["ketenzicht.api.throttling.OrganisationRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "organisation": env("KETENZICHT_API_RATE", "600/minute"),
    },
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Ketenzicht API",
    "DESCRIPTION": "API van Ketenzicht voor de systemen van ketenpartners in de jeugdveiligheidsketen.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "CONTACT": {"name": "Ketenzicht"},
    "LICENSE": {"name": "EUPL-1.2"},
    # Several answers have a "status" or "soort": name each set of values after what it belongs to.
    "ENUM_NAME_OVERRIDES": {
        "MeldingStatusEnum": "ketenzicht.verwijsindex.models.RegistrationStatus",
        "MatchStatusEnum": "ketenzicht.verwijsindex.models.MatchStatus",
        "ItemStatusEnum": "ketenzicht.api.verwijsindex.serializers.BULK_ITEM_STATUSES",
        "SignaalStatusEnum": "ketenzicht.signals.models.SignalStatus",
        "RouteStatusEnum": "ketenzicht.signals.models.RouteStatus",
        "RouteSoortEnum": "ketenzicht.signals.models.RouteKind",
        "MatchSoortEnum": "ketenzicht.verwijsindex.models.MatchKind",
    },
}

# The job runner (``ketenzicht worker``): how long an idle worker sleeps at most before it looks
# for due jobs again, and per-job intervals in seconds that override what the apps declare
# ("signalen-termijnen=30,*=60"; "*" is every job) — for a demo or a test that cannot wait.
KETENZICHT_WORKER_POLL_SECONDS = env_int("KETENZICHT_WORKER_POLL_SECONDS", 5)
KETENZICHT_JOB_INTERVALS = env_int_map("KETENZICHT_JOB_INTERVALS")

# Attachments with a signal (PDF, PNG, JPEG by their first bytes): the largest accepted size.
KETENZICHT_ATTACHMENT_MAX_BYTES = env_int("KETENZICHT_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)

# How long an Idempotency-Key is remembered per organisation (hours).
KETENZICHT_API_IDEMPOTENCY_HOURS = env_int("KETENZICHT_API_IDEMPOTENCY_HOURS", 24)

# E-mail: notices say only that there is something to read in Ketenzicht, with a link.
KETENZICHT_BASE_URL = env("KETENZICHT_BASE_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = env("KETENZICHT_FROM_EMAIL", "Ketenzicht <noreply@ketenzicht.invalid>")
EMAIL_BACKEND = env("KETENZICHT_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("KETENZICHT_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("KETENZICHT_EMAIL_PORT", 25)
EMAIL_USE_TLS = env_bool("KETENZICHT_EMAIL_USE_TLS", False)
# The outbox holds notice rows while it talks to the mail server: never wait on it forever.
EMAIL_TIMEOUT = env_int("KETENZICHT_EMAIL_TIMEOUT", 10)

# The cache holds the API's rate-limit counters, nothing that must survive a restart. Several
# server processes (gunicorn workers, servers behind a load balancer) must share it, or each
# counts only its own requests: then set KETENZICHT_REDIS_URL. Without it the counters stay in
# the process's own memory, which is right for one process. Keys carry KETENZICHT_CACHE_KEY_PREFIX
# so a Redis shared with other systems keeps them apart.
KETENZICHT_REDIS_URL = env("KETENZICHT_REDIS_URL", "")
KETENZICHT_CACHE_KEY_PREFIX = env("KETENZICHT_CACHE_KEY_PREFIX", "ketenzicht")
# A dead or hanging Redis costs at most this long per attempt (to connect, then per answer); the
# API throttle then lets requests pass and logs a warning (ketenzicht.api.throttling).
KETENZICHT_REDIS_TIMEOUT_SECONDS = float(env("KETENZICHT_REDIS_TIMEOUT_SECONDS", "0.5"))
if KETENZICHT_REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": KETENZICHT_REDIS_URL,
            "KEY_PREFIX": KETENZICHT_CACHE_KEY_PREFIX,
            "OPTIONS": {
                "socket_connect_timeout": KETENZICHT_REDIS_TIMEOUT_SECONDS,
                "socket_timeout": KETENZICHT_REDIS_TIMEOUT_SECONDS,
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "KEY_PREFIX": KETENZICHT_CACHE_KEY_PREFIX,
            # Two counters per API token; the default (300) would evict them with 150 systems.
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    }

DEFAULT_EXCEPTION_REPORTER_FILTER = "ketenzicht.people.log_filters.BsnExceptionReporterFilter"

# Logs go to stderr, one JSON object per line ("json", for a log collector) or a readable line
# ("text", the demo's default); every line carries the request id, none a BSN
# (``ketenzicht.runtime.logs``).
KETENZICHT_LOG_FORMAT = env("KETENZICHT_LOG_FORMAT", "json")
KETENZICHT_LOG_LEVEL = env("KETENZICHT_LOG_LEVEL", "INFO")
LOGGING = logging_config(KETENZICHT_LOG_FORMAT, KETENZICHT_LOG_LEVEL)
# Also leads Python's warnings and an uncaught error through the formatters.
LOGGING_CONFIG = "ketenzicht.runtime.logs.configure"
