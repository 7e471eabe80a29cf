"""The team deployment as ``make deploy`` starts it (deploy/run.py: PostGIS, N app processes and
nginx), in a temporary folder on loopback, for the tests that drive it (tests/deploy, tests/security)."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from deploy.postgres import find_bindir
from tests.support.server import free_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


@contextlib.contextmanager
def running(prefix: str, *, apps: int) -> Iterator:
    """A started ``deploy.run.Deployment`` with ``apps`` app processes (skips the test when PostgreSQL
    with PostGIS or nginx is missing); everything stopped and its folder removed afterwards."""
    if find_bindir() is None or not Path(NGINX).exists():
        pytest.skip("PostgreSQL + PostGIS or nginx is missing (run `make postgis nginx`)")
    from deploy.run import Deployment

    folder = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        with Deployment(folder, temporary_database=True) as d:
            d.start_database()
            d.start_apps(apps)
            d.start_proxy(free_port())
            yield d
    finally:
        shutil.rmtree(folder, ignore_errors=True)
