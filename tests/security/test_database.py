"""Issue 23, item 6, against the deployment's real PostgreSQL: no login without its password
(nothing is trusted), the superuser is locked once setup is done, the readers' login cannot write,
and the editors' login can change the atlas's rows and nothing else (no role, no table, no
schema). Each refusal has its control: the same login does what it is allowed to."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from deploy.postgres import ADMIN, EDITOR, READER, TABLES
from geo.io.store.postgis import TABLES as STORE_TABLES

pytestmark = [pytest.mark.postgis, pytest.mark.security]
ROW = "INSERT INTO atlas_datasets VALUES ('probe', 'Probe', '2024-01-01', '{}', '[]')"


def refused(db, sql: str, **login) -> str:
    with pytest.raises(subprocess.CalledProcessError) as error:
        db.psql(sql, **login)
    return error.value.stderr


def test_the_tables_granted_are_the_stores():
    assert tuple(t.name for t in STORE_TABLES) == TABLES


def test_no_login_without_its_password(deployment):
    db = deployment.database
    hba = (db.folder / "data" / "pg_hba.conf").read_text()
    assert "trust" not in hba and "peer" not in hba and "scram-sha-256" in hba
    for role in (ADMIN, EDITOR, READER):
        for password in ("", "wrong-password-123456"):
            said = refused(db, "SELECT 1", user=role, password=password)
            assert "password" in said, said
    assert db.psql("SELECT current_user", user=EDITOR).strip() == EDITOR  # the control: with its password


def test_the_superuser_is_locked_after_setup(deployment):
    db = deployment.database
    assert ADMIN not in db.passwords
    assert ADMIN not in " ".join(deployment.app_env().values())
    for app in deployment.apps:
        environ = Path(f"/proc/{app.proc.pid}/environ").read_bytes().decode(errors="replace")
        assert f"{ADMIN}:" not in environ and f"{ADMIN}@" not in environ
    # No password of this run is written anywhere in the deployment's folder.
    for path in deployment.folder.rglob("*"):
        if path.is_file() and path.stat().st_size < 5_000_000 and "postgres/data/base" not in str(path):
            text = path.read_bytes()
            assert all(pw.encode() not in text for pw in db.passwords.values()), path


def test_the_readers_login_cannot_write(deployment):
    db = deployment.database
    for sql in (ROW, "UPDATE atlas_datasets SET name = 'x'", "DELETE FROM atlas_incidents",
                "CREATE TABLE atlas_mine (a int)", "DROP TABLE atlas_rejected", "CREATE ROLE intruder LOGIN"):
        said = refused(db, sql, user=READER)
        assert "permission denied" in said or "must be owner" in said, (sql, said)
    assert db.psql("SELECT count(*) FROM atlas_datasets", user=READER).strip().isdigit()  # the control


def test_the_editors_login_changes_rows_and_nothing_else(deployment):
    db = deployment.database
    for sql in ("CREATE ROLE intruder LOGIN SUPERUSER", "CREATE ROLE intruder LOGIN",
                f"ALTER ROLE {EDITOR} SUPERUSER", f"ALTER ROLE {READER} PASSWORD 'x1234567890abcdefg'",
                "CREATE TABLE atlas_mine (a int)", "DROP TABLE atlas_rejected",
                "ALTER TABLE atlas_datasets ADD COLUMN evil text", "CREATE SCHEMA evil", "CREATE DATABASE evil",
                "COPY atlas_datasets TO PROGRAM 'id'"):
        said = refused(db, sql, user=EDITOR)
        assert "permission denied" in said or "must be" in said, (sql, said)
    db.psql(ROW, user=EDITOR)  # the control: its rows it may change
    db.psql("DELETE FROM atlas_datasets WHERE slug = 'probe'", user=EDITOR)
