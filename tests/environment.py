"""Loaded by pytest before Django starts (see `-p tests.environment` in pyproject.toml)."""

import os

os.environ.setdefault("DEBUG", "1")
