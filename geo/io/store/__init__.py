"""Saved datasets: imported incident tables kept across restarts, for every session.

Two backends behind one interface (:class:`Store`, in :mod:`geo.io.store.common`):

- :mod:`geo.io.store.local` (the default, nothing to install): a folder of the machine
  (``ATLAS_DATA_DIR``), GeoParquet plus a JSON manifest per dataset;
- :mod:`geo.io.store.postgis` when ``ATLAS_DATABASE_URL`` is set: PostgreSQL with PostGIS, shared by
  every app process and machine (then nothing is written to the local folder).

There is no "current" store: whoever reads or writes saved datasets is handed a :class:`Store`
explicitly. The app makes one per script run, inside its :class:`geo.request.Request`
(:func:`for_session`: a reader's is read-only and goes through the readers' login); the command line
acts for the person who runs it (:func:`configured`). A thread or dialog uses the store of the
request it was given; nothing falls back to the configured (editors') store.
"""

from __future__ import annotations

from geo import config
from geo.io.store.common import SLUG as _SLUG  # noqa: F401 (the slug pattern, for tests)
from geo.io.store.common import DatasetInfo, Store, slugify
from geo.io.store.local import LocalStore


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


__all__ = ["DatasetInfo", "LocalStore", "Store", "configured", "for_session", "slugify"]
