import pytest


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    """Tests render templates without running collectstatic first."""
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}


@pytest.fixture(autouse=True)
def empty_cache():
    """Pages and exports keep results per data version; a test's fresh database can repeat another's version."""
    from django.core.cache import cache

    cache.clear()
