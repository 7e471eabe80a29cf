"""Saved datasets in PostgreSQL with PostGIS, shared by every app process and machine that reaches
the database (``ATLAS_DATABASE_URL``).

Three tables, created on the first save (or by :meth:`PostgisStore.setup`), with GeoAlchemy2:

- ``atlas_datasets``: one row per dataset: ``slug`` (primary key), ``name``, ``imported_at`` and
  the whole manifest (:class:`DatasetInfo`) as JSON, with the column names of its rejected rows;
- ``atlas_incidents``: the accepted rows of every dataset (``dataset``, ``position``, the stored
  columns and a ``geometry(Point, 4326)``, written with geopandas ``to_postgis`` and read with
  ``read_postgis``): a GIS tool can open it as it is;
- ``atlas_rejected``: the rejected rows (``row``, ``field``, ``reason`` and the original cells, as a
  JSON array in the order of the file's columns), rebuilt into the same CSV download.

Rows of ``atlas_incidents`` and ``atlas_rejected`` belong to their dataset (``ON DELETE CASCADE``).
A save is one transaction: the manifest, the rows and the rejected rows are committed together or
not at all. The slug is claimed by inserting the manifest row with ``ON CONFLICT DO NOTHING``: a
second save of the same name waits for the first to commit, then takes the next slug (``gtd-2``),
so concurrent saves in several processes never overwrite each other and never fail. Nothing is
written to the local data folder.

Readers' sessions use another login (``ATLAS_READER_DATABASE_URL``) that :meth:`setup` granted
``SELECT`` only: the database itself refuses their writes (:class:`DatasetPermissionError`).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import sqlalchemy as sa
from geoalchemy2 import Geometry
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects import postgresql

from geo.errors import DatasetError, DatasetNotFoundError, DatasetPermissionError, Problem, SettingsError
from geo.i18n import _
from geo.io.result import COUNT_COLUMNS, ImportResult
from geo.io.result import rejected_csv as rejected_bytes
from geo.io.store.common import (
    STORED_COLUMNS,
    DatasetInfo,
    Listing,
    Store,
    check_slug,
    clean_name,
    draft_info,
    numbered,
    slugify,
    stored_frame,
    typed_frame,
)

_TYPES: dict[str, Any] = {"date": sa.DateTime(), "plot": sa.Boolean(), "n_arrested": sa.BigInteger(),
                          "lat": sa.Float(53), "lon": sa.Float(53), "source_row": sa.BigInteger(),
                          **{c: sa.BigInteger() for c in COUNT_COLUMNS}}
METADATA = sa.MetaData()
DATASETS = sa.Table(
    "atlas_datasets", METADATA,
    sa.Column("slug", sa.Text, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("imported_at", sa.Text, nullable=False),
    sa.Column("manifest", postgresql.JSON, nullable=False),
    sa.Column("rejected_columns", postgresql.JSON, nullable=False),
)
INCIDENTS = sa.Table(
    "atlas_incidents", METADATA,
    sa.Column("dataset", sa.Text, sa.ForeignKey("atlas_datasets.slug", ondelete="CASCADE"), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    *[sa.Column(c, _TYPES.get(c, sa.Text())) for c in STORED_COLUMNS],
    sa.Column("geometry", Geometry("POINT", srid=4326, spatial_index=True)),
)
REJECTED = sa.Table(
    "atlas_rejected", METADATA,
    sa.Column("dataset", sa.Text, sa.ForeignKey("atlas_datasets.slug", ondelete="CASCADE"), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("cells", postgresql.JSON, nullable=False),
)
TABLES = (DATASETS, INCIDENTS, REJECTED)
_SCHEMA_LOCK = 0x61746C6173  # pg_advisory_xact_lock key while the tables are created ("atlas")


def engine_url(url: str) -> sa.URL:
    """``postgresql://…`` (or ``postgres://``) as SQLAlchemy's URL for the psycopg 3 driver."""
    try:
        parsed = sa.make_url(url)
    except sa_exc.ArgumentError:
        raise SettingsError("the database URL is not a URL (postgresql://user@host/database)") from None
    if parsed.drivername in ("postgresql", "postgres", "postgresql+psycopg"):
        return parsed.set(drivername="postgresql+psycopg")
    raise SettingsError(f"the database URL must start with postgresql://, not {parsed.drivername}://")


@lru_cache(maxsize=8)
def _engine(url: str) -> sa.Engine:
    """One connection pool per database URL and process (SQLAlchemy engines are thread-safe)."""
    return sa.create_engine(engine_url(url), pool_pre_ping=True, pool_size=5, max_overflow=10,
                            json_serializer=_dumps)


def _dumps(value: Any) -> str:
    """JSON of a manifest or of a rejected row's cells (a date cell as its text, as in the CSV)."""
    return json.dumps(value, ensure_ascii=False, default=str)


def _cell(value: Any) -> Any:
    return value.item() if isinstance(value, np.generic) else value


def _is(exc: sa_exc.DBAPIError, name: str) -> bool:
    return type(exc.orig).__name__ == name


class PostgisStore(Store):
    """The PostGIS database at ``url``; ``read_only``: refuse to save or delete before asking it."""

    def __init__(self, url: str, *, read_only: bool = False):
        self.url = url
        self.read_only = read_only
        parsed = engine_url(url)
        self.where = f"PostGIS database {parsed.database or ''!s} (login {parsed.username or 'default'})"

    @property
    def source(self) -> str:
        parsed = engine_url(self.url)
        host = parsed.host or parsed.query.get("host") or ""
        return f"postgis {host}:{parsed.port or ''}/{parsed.database or ''}"

    @property
    def engine(self) -> sa.Engine:
        return _engine(self.url)

    @contextlib.contextmanager
    def _errors(self, what: str) -> Iterator[None]:
        """Database errors as :class:`DatasetError` with a message a person can act on."""
        try:
            yield
        except sa_exc.DBAPIError as exc:
            detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            if _is(exc, "InsufficientPrivilege"):
                raise DatasetPermissionError(f"{what}: the {self.where} may only read saved datasets "
                                             f"({detail})") from None
            if isinstance(exc, sa_exc.OperationalError):
                raise DatasetError(f"{what}: the {self.where} cannot be reached ({detail})") from None
            raise DatasetError(f"{what}: {detail}") from None

    # ------------------------------------------------------------------ schema
    def setup(self, *, reader: str | None = None) -> None:
        """Create the tables (if missing), then grant ``reader`` (an existing role) ``SELECT`` on
        them and nothing else."""
        self.writable()
        with self._errors("the tables cannot be created"), self.engine.begin() as conn:
            self._create_tables(conn)
            if reader:
                role = conn.dialect.identifier_preparer.quote(reader)
                schema = conn.dialect.identifier_preparer.quote(conn.scalar(sa.text("SELECT current_schema()")))
                conn.execute(sa.text(f"GRANT USAGE ON SCHEMA {schema} TO {role}"))
                for table in TABLES:
                    conn.execute(sa.text(f"GRANT SELECT ON {table.name} TO {role}"))

    @staticmethod
    def _create_tables(conn: sa.Connection) -> None:
        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_SCHEMA_LOCK)))  # two first saves at once
        METADATA.create_all(conn, checkfirst=True)
        present = {c["name"] for c in sa.inspect(conn).get_columns(INCIDENTS.name)}
        for column in INCIDENTS.columns:  # a column added to the import since the table was made
            if column.name not in present:
                kind = column.type.compile(dialect=conn.dialect)
                conn.execute(sa.text(f'ALTER TABLE {INCIDENTS.name} ADD COLUMN "{column.name}" {kind}'))

    # ------------------------------------------------------------------ writing
    def save_dataset(self, result: ImportResult, *, name: str) -> DatasetInfo:
        self.writable()
        name = clean_name(result, name)
        draft = draft_info(result, name)
        rejected = result.rejected
        with self._errors(f"dataset {name!r} could not be saved"):
            with self.engine.begin() as conn:
                self._create_tables(conn)
            with self.engine.begin() as conn:  # one transaction: all of it or nothing
                info = self._claim(conn, draft, slugify(name), [str(c) for c in rejected.columns])
                accepted = stored_frame(result.accepted)
                if len(accepted):
                    accepted.insert(0, "dataset", info.slug)
                    accepted.insert(1, "position", np.arange(len(accepted), dtype="int64"))
                    accepted.to_postgis(INCIDENTS.name, conn, if_exists="append", index=False, chunksize=20_000)
                if len(rejected):
                    rows = [{"dataset": info.slug, "position": i, "cells": [_cell(v) for v in values]}
                            for i, values in enumerate(rejected.itertuples(index=False, name=None))]
                    conn.execute(sa.insert(REJECTED), rows)
        return info

    @staticmethod
    def _claim(conn: sa.Connection, draft: DatasetInfo, base: str, rejected_columns: list[str]) -> DatasetInfo:
        """Insert the manifest under the first free slug. A slug another transaction is inserting
        makes this wait for it; once it commits, the next slug is tried."""
        taken = set(conn.scalars(sa.select(DATASETS.c.slug)))
        n = 1
        while True:
            slug = numbered(base, n)
            n += 1
            if slug in taken:
                continue
            info = DatasetInfo(**{**draft.to_dict(), "slug": slug})
            stmt = postgresql.insert(DATASETS).values(
                slug=slug, name=info.name, imported_at=info.imported_at, manifest=info.to_dict(),
                rejected_columns=rejected_columns,
            ).on_conflict_do_nothing(index_elements=["slug"]).returning(DATASETS.c.slug)
            if conn.execute(stmt).first() is not None:
                return info

    def delete_dataset(self, slug: str) -> None:
        self.writable()
        check_slug(slug)
        with self._errors(f"dataset {slug!r} could not be deleted"), self.engine.begin() as conn:
            try:
                deleted = conn.execute(sa.delete(DATASETS).where(DATASETS.c.slug == slug)).rowcount
            except sa_exc.ProgrammingError as exc:
                if _is(exc, "UndefinedTable"):
                    deleted = 0
                else:
                    raise
        if not deleted:
            raise DatasetNotFoundError(_("no saved dataset {name!r}").format(name=slug))

    # ------------------------------------------------------------------ reading
    @contextlib.contextmanager
    def _reading(self, what: str) -> Iterator[sa.Connection]:
        """A connection in one snapshot (REPEATABLE READ); no tables yet reads as no dataset."""
        with self._errors(what):
            try:
                with self.engine.connect() as conn:
                    conn = conn.execution_options(isolation_level="REPEATABLE READ")
                    with conn.begin():
                        yield conn
            except sa_exc.ProgrammingError as exc:
                if _is(exc, "UndefinedTable"):
                    raise DatasetNotFoundError(f"{what}: no dataset has been saved yet") from None
                raise

    def _manifest(self, conn: sa.Connection, slug: str) -> sa.Row:
        row = conn.execute(sa.select(DATASETS.c.manifest, DATASETS.c.rejected_columns)
                           .where(DATASETS.c.slug == check_slug(slug))).first()
        if row is None:
            raise DatasetNotFoundError(_("no saved dataset {name!r}").format(name=slug))
        return row

    def list_datasets(self) -> Listing:
        """A manifest row that is not one (edited by hand, written by another version) is left out
        and reported (``skipped``), as the folder store does."""
        try:
            with self._reading("the saved datasets cannot be listed") as conn:
                rows = conn.execute(sa.select(DATASETS.c.slug, DATASETS.c.manifest)
                                    .order_by(DATASETS.c.imported_at.desc(), DATASETS.c.slug.desc())).all()
        except DatasetNotFoundError:
            return Listing()
        found: list[DatasetInfo] = []
        skipped: list[Problem] = []
        for slug, manifest in rows:
            try:
                found.append(DatasetInfo.from_dict(manifest))
            except (TypeError, ValueError) as exc:
                skipped.append(Problem(self.where, None, slug, f"its manifest cannot be read ({exc})"))
        return Listing(found, skipped)

    def get_dataset(self, slug: str) -> DatasetInfo:
        check_slug(slug)
        with self._reading(f"dataset {slug!r}") as conn:
            return DatasetInfo.from_dict(self._manifest(conn, slug).manifest)

    def load_dataset(self, slug: str) -> pd.DataFrame:
        check_slug(slug)
        query = sa.text(f"SELECT * FROM {INCIDENTS.name} WHERE dataset = :slug ORDER BY position")
        with self._reading(f"dataset {slug!r}") as conn:
            self._manifest(conn, slug)
            frame = gpd.read_postgis(query, conn, geom_col="geometry", params={"slug": slug})
        return typed_frame(pd.DataFrame(frame).drop(columns=["dataset", "position"]))

    def rejected_csv(self, slug: str) -> bytes:
        check_slug(slug)
        with self._reading(f"dataset {slug!r}") as conn:
            columns = self._manifest(conn, slug).rejected_columns
            cells = conn.scalars(sa.select(REJECTED.c.cells).where(REJECTED.c.dataset == slug)
                                 .order_by(REJECTED.c.position)).all()
        frame = pd.DataFrame(cells, columns=columns) if cells else pd.DataFrame(columns=columns)
        if "row" in frame.columns:
            frame["row"] = frame["row"].astype("int64")
        return rejected_bytes(frame)
