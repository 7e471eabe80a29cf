"""Saved datasets: imported incident tables kept across restarts, for every session.

Two backends behind one interface (:class:`Store`, in :mod:`geo.io.store.common`):

- :mod:`geo.io.store.local` (the default, nothing to install): a folder of the machine
  (``ATLAS_DATA_DIR``), GeoParquet plus a JSON manifest per dataset;
- :mod:`geo.io.store.postgis` when ``ATLAS_DATABASE_URL`` is set: PostgreSQL with PostGIS, shared by
  every app process and machine (then nothing is written to the local folder).

The rest of the app calls the functions below (:func:`save_dataset`, :func:`list_datasets`, …),
which go to the store of the current context: :func:`use` binds one for a script run (the app binds
a reader's session to a read-only store, see :mod:`geo.ui.access`); unbound, it is
:func:`configured` (the command line binds that), read-only when the app is deployed behind a
proxy (``ATLAS_PROXY_SECRET``), so that a run which never said who it serves cannot write.
"""

from __future__ import annotations

from contextvars import ContextVar

import pandas as pd

from geo import config
from geo.io.result import ImportResult
from geo.io.store.common import SLUG as _SLUG  # noqa: F401 (the slug pattern, for tests)
from geo.io.store.common import DatasetInfo, Store, slugify
from geo.io.store.local import LocalStore

_bound: ContextVar[Store | None] = ContextVar("atlas_store", default=None)


def configured(*, read_only: bool = False) -> Store:
    """The store the settings name: PostGIS at ``ATLAS_DATABASE_URL``, else the data folder."""
    url = config.database_url()
    if url:
        from geo.io.store.postgis import PostgisStore  # only a deployment needs the database drivers

        return PostgisStore(url, read_only=read_only)
    return LocalStore(read_only=read_only)


def for_session(*, editor: bool) -> Store:
    """The store of a session: an editor's writes; a reader's only reads, through the readers'
    login (``ATLAS_READER_DATABASE_URL``) when there is one, which the database lets read only."""
    if editor:
        return configured()
    reader_url = config.reader_database_url()
    if reader_url and config.database_url():
        from geo.io.store.postgis import PostgisStore

        return PostgisStore(reader_url, read_only=True)
    return configured(read_only=True)


def use(store: Store | None) -> None:
    """Make ``store`` the store of this context (a script run, a command); ``None`` unbinds."""
    _bound.set(store)


def current() -> Store:
    """The store of this context (see the module's docstring)."""
    bound = _bound.get()
    if bound is not None:
        return bound
    return configured(read_only=config.proxy_secret() is not None)


def save_dataset(result: ImportResult, *, name: str) -> DatasetInfo:
    """Store an import under ``name``; returns its :class:`DatasetInfo` (with the slug chosen,
    unique in the store). Raises :class:`DatasetError` if it cannot be written and
    :class:`DatasetPermissionError` for a reader."""
    return current().save_dataset(result, name=name)


def list_datasets() -> list[DatasetInfo]:
    """Every saved dataset, newest first."""
    return current().list_datasets()


def get_dataset(slug: str) -> DatasetInfo:
    """The :class:`DatasetInfo` of one saved dataset; :class:`DatasetNotFoundError` if none."""
    return current().get_dataset(slug)


def find_dataset(name: str) -> DatasetInfo:
    """A saved dataset by slug or by its (unique) name."""
    return current().find(name)


def load_dataset(slug: str) -> pd.DataFrame:
    """A saved dataset as a typed incident table: the columns of
    :func:`geo.incidents.table.load_incidents` (same types, with the derived columns), then
    :data:`geo.io.result.EXTRA_COLUMNS`. A fresh copy each call."""
    return current().load_dataset(slug)


def rejected_csv(slug: str) -> bytes:
    """The rejected rows of a saved dataset, as the CSV download (``row``, ``field``,
    ``reason`` and the original cells)."""
    return current().rejected_csv(slug)


def delete_dataset(slug: str) -> None:
    """Remove a saved dataset (the callers ask first); :class:`DatasetNotFoundError` if there is
    none by that slug, :class:`DatasetPermissionError` for a reader."""
    current().delete_dataset(slug)


__all__ = ["DatasetInfo", "Store", "configured", "current", "delete_dataset", "find_dataset", "for_session",
           "get_dataset", "list_datasets", "load_dataset", "rejected_csv", "save_dataset", "slugify", "use"]
