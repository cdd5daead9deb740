# SPDX-License-Identifier: MPL-2.0
"""Django settings, read from the environment.

- ``DATABASE_URL`` (``postgresql://user@host:5432/name``): the production database. Without
  it gevinst runs as a demo on SQLite in the data directory.
- ``GEVINST_DATA_DIR``: the data directory (default ``$XDG_DATA_HOME/gevinst``, that is
  ``~/.local/share/gevinst``): the demo database and the secret key.
- ``GEVINST_SECRET_KEY``: required with ``DATABASE_URL``; the demo makes one and keeps it
  in the data directory, readable by the user alone.
- ``GEVINST_DEBUG=1``: Django's debug pages (never in production).
- ``GEVINST_ALLOWED_HOSTS``: comma-separated host names (default: this machine only).
- ``GEVINST_TRUSTED_ORIGINS``: comma-separated origins a form may be posted from, as the
  browser names them (``https://gevinst.kk.dk``), where a proxy in front ends HTTPS.
- ``GEVINST_EMAIL_BACKEND``: Django's e-mail backend for notifications (default: the
  console, standard output); with ``django.core.mail.backends.smtp.EmailBackend`` the server
  ``GEVINST_EMAIL_HOST`` (localhost), ``GEVINST_EMAIL_PORT`` (25), ``GEVINST_EMAIL_TLS=1`` and
  the sender ``GEVINST_EMAIL_FROM``.
- ``GEVINST_BEHIND_PROXY=1``: the proxy in front says with ``X-Forwarded-Proto`` whether the
  browser's connection is HTTPS (set it only behind such a proxy).

In production (``DATABASE_URL`` set) the cookies are sent over HTTPS alone and browsers are
told to use HTTPS for a year (HSTS); errors are written to standard error.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def data_dir() -> Path:
    explicit = os.environ.get("GEVINST_DATA_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "gevinst"


def _secret_key(demo: bool) -> str:
    key = os.environ.get("GEVINST_SECRET_KEY")
    if key:
        return key
    if not demo:
        raise ImproperlyConfigured("GEVINST_SECRET_KEY skal være sat, når DATABASE_URL er sat")
    path = DATA_DIR / "secret-key"
    if not path.exists():
        # the demo's database (users, confidential proposals) lives here too: the user's alone
        DATA_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
        # created readable by the user alone before the key is written into it
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(secrets.token_urlsafe(50))
    return path.read_text(encoding="utf-8").strip()


DATA_DIR = data_dir()
DATABASE_URL = os.environ.get("DATABASE_URL", "")
# the demo: SQLite, demo users, the shipped catalog loaded
DEMO = not DATABASE_URL

DEBUG = os.environ.get("GEVINST_DEBUG") == "1"
SECRET_KEY = _secret_key(DEMO)
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("GEVINST_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if h.strip()
]

DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)
    if DATABASE_URL
    else {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "gevinst.sqlite3",
        # a transaction takes SQLite's write lock when it begins, so two saves queue instead of
        # failing with "database is locked" when both try to write
        "OPTIONS": {"transaction_mode": "IMMEDIATE"},
    }
}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "gevinst.web.apps.GevinstConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "gevinst.web.login.SignInRequired",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "gevinst.web.errors.GevinstErrorMiddleware",
]

ROOT_URLCONF = "gevinst.web.urls"
WSGI_APPLICATION = "gevinst.web.wsgi.application"

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
                "gevinst.web.notify.unread",
            ],
        },
    },
]

# who may read and edit what is one rule in the core (gevinst.core.access), asked by the
# services for the web application and the command line alike; Django only signs users in
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
LOGIN_URL = "/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/login/"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk"), ("en", "English")]
LOCALE_PATHS = [Path(__file__).parent / "locale"]
# the header's language switch: the choice kept a year, not only until the browser closes
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# WhiteNoise serves the static files from the apps themselves: no collectstatic step, the same
# in the demo and behind a production WSGI server
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEMO
CSRF_COOKIE_SECURE = not DEMO
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = not DEMO
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("GEVINST_TRUSTED_ORIGINS", "").split(",") if o.strip()
]
if os.environ.get("GEVINST_BEHIND_PROXY") == "1":
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 0 if DEMO else 365 * 24 * 60 * 60
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# notifications by e-mail: printed to standard output unless a server is named
EMAIL_BACKEND = os.environ.get(
    "GEVINST_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("GEVINST_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("GEVINST_EMAIL_PORT", "25"))
EMAIL_USE_TLS = os.environ.get("GEVINST_EMAIL_TLS") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("GEVINST_EMAIL_FROM", "gevinst@localhost")

# a server error's traceback goes to the log (standard error, collected by the service's
# manager), never to the user
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"stderr": {"class": "logging.StreamHandler"}},
    "loggers": {
        "django.request": {"handlers": ["stderr"], "level": "ERROR"},
        # a notification's e-mail that the mail server refused
        "gevinst": {"handlers": ["stderr"], "level": "WARNING"},
    },
}
