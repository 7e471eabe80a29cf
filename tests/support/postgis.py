"""A real PostgreSQL with PostGIS for the tests (:class:`deploy.postgres.PostgresServer`): started
in a temporary folder, listening only on a unix socket there, durability off, stopped and removed at
the end of the run. Never a mock.

- :func:`postgis_server` (session fixture): one server for the whole test run; skipped when
  PostgreSQL or PostGIS is missing (``make postgis`` installs them), except under CI, where a
  missing server is a failure: CI runs these tests for real.
- :func:`postgis_url` (fixture): the editors' URL of a database emptied of the atlas tables.
"""

from __future__ import annotations

import os

import pytest

from deploy.postgres import ADMIN, DATABASE, EDITOR, READER, PostgresServer, find_bindir

__all__ = ["ADMIN", "DATABASE", "EDITOR", "READER", "PostgresServer", "find_bindir", "postgis_server", "postgis_url"]


@pytest.fixture(scope="session")
def postgis_server():
    """One PostgreSQL + PostGIS for the test run (see the module's docstring)."""
    if find_bindir() is None:
        message = "PostgreSQL with PostGIS is missing (run `make postgis`)"
        if os.environ.get("CI"):
            pytest.fail(message + ": CI must run the PostGIS store tests")
        pytest.skip(message)
    with PostgresServer() as server:
        yield server


@pytest.fixture
def postgis_url(postgis_server) -> str:
    """The editors' URL of the test database, emptied of the atlas tables first."""
    postgis_server.reset()
    return postgis_server.url()
