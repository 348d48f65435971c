"""Fixtures for every Python test of the repository (pytest.ini lists them)."""

from txclass_stack import database, ml_api  # noqa: F401 (fixtures)
