"""Saved datasets in a folder of the machine (the default store: nothing to install).

Where: ``$ATLAS_DATA_DIR``, else ``<repo>/.cache/datasets`` (git-ignored). One folder per
dataset, named by its *slug*::

    <data dir>/<slug>/incidents.parquet   accepted rows (GeoParquet, EPSG:4326 points)
    <data dir>/<slug>/rejected.csv        rejected rows with row, field, reason (the download)
    <data dir>/<slug>/manifest.json       DatasetInfo: name, source file, import time, counts,
                                          the column mapping and preset used

Safe with several sessions and processes of one machine at once: a dataset is written completely
into a hidden temporary folder, then renamed into place with ``os.replace`` (atomic: readers see
all of it or none of it). The slug is chosen and the folder renamed under an exclusive
``fcntl.flock`` on ``<data dir>/.lock``, so two imports of the same name get two slugs (``gtd``,
``gtd-2``) and neither overwrites the other. Deleting renames the folder away first, then removes it.

Any slug given to a reading or deleting function is checked against the slug pattern and must name
a folder directly inside the data directory, so no slug can reach anything outside it
(``../../etc`` is refused). Only data is stored: Parquet, CSV and JSON, never pickles.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from geo import config
from geo.errors import DatasetError, DatasetNotFoundError, Problem
from geo.i18n import _
from geo.io.result import ImportResult
from geo.io.store.common import (
    SLUG,
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

DATA_FILE = "incidents.parquet"
REJECTED_FILE = "rejected.csv"
MANIFEST_FILE = "manifest.json"


@contextlib.contextmanager
def _locked(root: Path) -> Iterator[None]:
    with open(root / ".lock", "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _free_slug(root: Path, base: str) -> str:
    n = 1
    while (root / numbered(base, n)).exists():
        n += 1
    return numbered(base, n)


def _write_json(path: Path, data: dict[str, Any]) -> None:
    part = path.with_name(path.name + ".part")
    part.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(part, path)


def _read_manifest(folder: Path) -> DatasetInfo:
    try:
        data = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
        return DatasetInfo.from_dict(data)
    except FileNotFoundError:
        raise DatasetNotFoundError(_("no saved dataset {name!r}").format(name=folder.name)) from None
    except (OSError, ValueError, TypeError) as exc:
        raise DatasetError(f"dataset {folder.name!r}: its manifest cannot be read ({exc})") from None


def _load(path: Path) -> pd.DataFrame:
    try:
        frame = pd.read_parquet(path)
    except FileNotFoundError:
        raise DatasetNotFoundError(_("no saved dataset {name!r}").format(name=path.parent.name)) from None
    except (OSError, ValueError) as exc:
        raise DatasetError(f"{path.parent.name!r}: the data cannot be read ({exc})") from None
    return typed_frame(frame)


class LocalStore(Store):
    """The folder ``root`` (``None``: :func:`geo.config.data_dir`, read at each call)."""

    def __init__(self, root: Path | None = None, *, read_only: bool = False):
        self._root = root
        self.read_only = read_only
        self.where = f"data folder {root}" if root else "data folder (ATLAS_DATA_DIR)"

    @property
    def source(self) -> str:
        return f"folder {self.root()}"

    def root(self) -> Path:
        if self._root is None:
            return config.data_dir()
        self._root.mkdir(parents=True, exist_ok=True)
        return self._root.resolve()

    def _folder(self, slug: str) -> Path:
        """The folder of a slug, refusing anything that is not a slug or leaves the data dir."""
        check_slug(slug)
        root = self.root()
        path = (root / slug).resolve()
        if path.parent != root:
            raise DatasetNotFoundError(_("{slug!r} is not a dataset name").format(slug=slug))
        return path

    def save_dataset(self, result: ImportResult, *, name: str) -> DatasetInfo:
        self.writable()
        name = clean_name(result, name)
        root = self.root()
        tmp = root / f".tmp-{uuid.uuid4().hex}"
        try:
            tmp.mkdir()
            stored_frame(result.accepted).to_parquet(tmp / DATA_FILE, index=False)
            (tmp / REJECTED_FILE).write_bytes(result.rejected_csv())
            draft = draft_info(result, name)
            with _locked(root):
                slug = _free_slug(root, slugify(name))
                final = DatasetInfo(**{**draft.to_dict(), "slug": slug})
                _write_json(tmp / MANIFEST_FILE, final.to_dict())
                os.replace(tmp, root / slug)
            return final
        except OSError as exc:
            raise DatasetError(f"dataset {name!r} could not be saved: {exc.strerror or exc}") from None
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)

    def list_datasets(self) -> Listing:
        """Folders being written or deleted are left out; a folder whose manifest cannot be read
        is left out and reported (``skipped``)."""
        found: list[DatasetInfo] = []
        skipped: list[Problem] = []
        for folder in self.root().iterdir():
            if folder.name.startswith(".") or not SLUG.fullmatch(folder.name) or not folder.is_dir():
                continue
            try:
                found.append(_read_manifest(folder))
            except DatasetNotFoundError:
                continue  # a folder being written or deleted
            except DatasetError as exc:
                reason = str(exc).removeprefix(f"dataset {folder.name!r}: ")
                skipped.append(Problem(self.where, None, folder.name, reason))
        return Listing(sorted(found, key=lambda d: (d.imported_at, d.slug), reverse=True), skipped)

    def get_dataset(self, slug: str) -> DatasetInfo:
        return _read_manifest(self._folder(slug))

    def load_dataset(self, slug: str) -> pd.DataFrame:
        # Not cached here: the app caches a dataset once, shared by every session (geo.ui.data).
        return _load(self._folder(slug) / DATA_FILE)

    def rejected_csv(self, slug: str) -> bytes:
        path = self._folder(slug) / REJECTED_FILE
        try:
            return path.read_bytes()
        except FileNotFoundError:
            raise DatasetNotFoundError(_("no saved dataset {name!r}").format(name=slug)) from None

    def delete_dataset(self, slug: str) -> None:
        self.writable()
        folder = self._folder(slug)
        root = folder.parent
        trash = root / f".trash-{uuid.uuid4().hex}"
        with _locked(root):
            if not (folder / MANIFEST_FILE).exists():
                raise DatasetNotFoundError(_("no saved dataset {name!r}").format(name=slug))
            os.replace(folder, trash)
        shutil.rmtree(trash, ignore_errors=True)
