"""Django settings. Secure by default; everything written lives under CTIP_HOME.

Environment:
- ``CTIP_HOME``: data folder (default ``./var``).
- ``DATABASE_URL``: e.g. ``postgres://ctip:ctip@127.0.0.1:5432/ctip``; default the embedded SQLite file.
- ``CTIP_DEBUG=1``: debug pages (development only; never in production).
- ``CTIP_ALLOWED_HOSTS``: comma-separated host names (default ``127.0.0.1,localhost``).
- ``CTIP_SECURE_COOKIES=1``: mark cookies Secure and send HSTS (set when served over HTTPS).
- ``CTIP_TWO_FACTOR``: ``required`` (default: every person's account enrols an authenticator at its next
  sign-in) or ``optional`` (people may enrol from their account page); see docs/security.md.
- ``CTIP_SESSION_IDLE_MINUTES``: a session unused this long ends (default 30); 8 hours is the absolute limit.
- ``CTIP_TEMPORARY_PASSWORD_DAYS``: a password issued by an administrator works this many days (default 3), and
  only to choose one's own.
- ``CTIP_TRUSTED_PROXIES``: how many reverse proxies in front of ctip append to ``X-Forwarded-For``
  (default 0: the client address is the TCP peer's); used for the sign-in lockout and the audit log.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url

from ctip import config

BASE_DIR = Path(__file__).resolve().parent.parent  # src/ctip


def _secret_key() -> str:
    """Read the secret key from CTIP_HOME/keys, generating it on first run (never committed)."""
    if os.environ.get("CTIP_SECRET_KEY"):
        return os.environ["CTIP_SECRET_KEY"]
    path = config.keys_dir() / "django_secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(64))
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("CTIP_DEBUG") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("CTIP_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    # first: Django runs the management command of the first app that has it, so ctip.accounts' own
    # changepassword (a temporary, audited password) and axes_reset... (audited unlocks) replace Django's and axes'
    "ctip.accounts",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",  # sign-in lockout (ctip.accounts.lockout)
    "django_otp",  # second factor (ctip.accounts.twofactor)
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",  # one-time recovery codes
    "ctip.web",
    "ctip.cases",
    "ctip.datahub",
    "ctip.dashboard",
    "ctip.publishing",
    "ctip.workbench",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "ctip.web.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "ctip.accounts.middleware.SessionLimitsMiddleware",
    "ctip.accounts.middleware.SignInStepsMiddleware",  # code, own password, enrolment: before any page
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks: turns a lockout into ctip's page
]

ROOT_URLCONF = "ctip.web.urls"
WSGI_APPLICATION = "ctip.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ctip.web.nav.navigation",
                "ctip.accounts.context_processors.session_limits",  # the idle-session warning
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{config.sqlite_path()}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {"transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "ctip.accounts.lockout.LockoutBackend",  # first: refuses a locked-out user name + address before any check
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("mn", "Монгол")]

USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = config.home() / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True  # serve straight from the package: no collectstatic step needed
WHITENOISE_AUTOREFRESH = DEBUG

# Secure defaults.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 3600  # absolute limit, counted from sign-in (ctip.accounts.middleware)
SESSION_IDLE_SECONDS = 60 * int(os.environ.get("CTIP_SESSION_IDLE_MINUTES", "30"))
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if os.environ.get("CTIP_SECURE_COOKIES") == "1":
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Signing in (docs/security.md, "Signing in"): lockout by django-axes, second factor by django-otp.
CTIP_TWO_FACTOR = os.environ.get("CTIP_TWO_FACTOR", "required")
if CTIP_TWO_FACTOR not in ("required", "optional"):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(f"CTIP_TWO_FACTOR={CTIP_TWO_FACTOR!r}: expected 'required' or 'optional'")
CTIP_TRUSTED_PROXIES = int(os.environ.get("CTIP_TRUSTED_PROXIES", "0"))
CTIP_TEMPORARY_PASSWORD_DAYS = int(os.environ.get("CTIP_TEMPORARY_PASSWORD_DAYS", "3"))
if CTIP_TEMPORARY_PASSWORD_DAYS < 1:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(f"CTIP_TEMPORARY_PASSWORD_DAYS={CTIP_TEMPORARY_PASSWORD_DAYS}: expected 1 or more")
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]  # a stranger elsewhere cannot lock a person out
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # 15 minutes from the lockout, not from the last try
AXES_DISABLE_ACCESS_LOG = True  # successful sign-ins go to ctip's audit log instead
AXES_CLIENT_IP_CALLABLE = "ctip.accounts.lockout.client_address"
AXES_LOCKOUT_CALLABLE = "ctip.accounts.lockout.lockout_response"
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code"]
AXES_ENABLE_ADMIN = False
OTP_TOTP_ISSUER = "ctip"

DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Logs carry no personal data: no request bodies, no query strings with names; only
# method, path and status from Django's own loggers, and our own messages by id.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("CTIP_LOG_LEVEL", "WARNING")},
}
