"""Saved datasets: imported incident tables kept across restarts, in a folder of the machine.

Where: ``$ATLAS_DATA_DIR``, else ``<repo>/.cache/datasets`` (git-ignored). One folder per
dataset, named by its *slug*::

    <data dir>/<slug>/incidents.parquet   accepted rows (GeoParquet, EPSG:4326 points)
    <data dir>/<slug>/rejected.csv        rejected rows with row, field, reason (the download)
    <data dir>/<slug>/manifest.json       DatasetInfo: name, source file, import time, counts,
                                          the column mapping and preset used

Safe with several sessions at once: a dataset is written completely into a hidden temporary
folder, then renamed into place with ``os.replace`` (atomic: readers see all of it or none of
it). The slug is chosen and the folder renamed under an exclusive ``fcntl.flock`` on
``<data dir>/.lock``, so two imports of the same name get two slugs (``gtd``, ``gtd-2``) and
neither overwrites the other. Deleting renames the folder away first, then removes it.

Slugs are ASCII ``[a-z0-9-]``, at most 60 characters, made from the name; any slug given to
:func:`load_dataset`, :func:`delete_dataset` or :func:`rejected_csv` is checked against that
pattern and must name a folder directly inside the data directory, so no slug can reach
anything outside it (``../../etc`` is refused). Only data is stored: Parquet, CSV and JSON,
never pickles.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from geo import config, text
from geo.errors import DatasetError, DatasetNotFoundError
from geo.incidents.table import COLUMNS, derive
from geo.io.result import EXTRA_COLUMNS, ImportResult

SLUG_MAX = 60
DATA_FILE = "incidents.parquet"
REJECTED_FILE = "rejected.csv"
MANIFEST_FILE = "manifest.json"
MANIFEST_VERSION = 1
_SLUG = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?")
_TEXT_COLUMNS = tuple(c for c in (*COLUMNS, *EXTRA_COLUMNS)
                      if c not in ("date", "plot", "n_arrested", "lat", "lon", "source_row"))


@dataclass(frozen=True)
class DatasetInfo:
    """What the manifest of a saved dataset says. ``imported_at``: UTC, ISO 8601."""

    name: str
    slug: str
    source_file: str
    imported_at: str
    rows_in: int
    accepted: int
    rejected: int
    not_located: int
    preset: str | None = None
    mapping: dict[str, Any] = field(default_factory=dict)
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    format: str | None = None
    version: int = MANIFEST_VERSION

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DatasetInfo:
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})


def slugify(name: str) -> str:
    """The slug of a dataset name (:func:`geo.text.slug`, at most :data:`SLUG_MAX` characters)."""
    return text.slug(name, max_length=SLUG_MAX)


def _folder(slug: str) -> Path:
    """The folder of a slug, refusing anything that is not a slug or leaves the data dir."""
    if not isinstance(slug, str) or not _SLUG.fullmatch(slug):
        raise DatasetNotFoundError(f"{slug!r} is not a dataset name (lower-case letters, digits "
                                   "and '-', at most 60)")
    root = config.data_dir()
    path = (root / slug).resolve()
    if path.parent != root:
        raise DatasetNotFoundError(f"{slug!r} is not a dataset name")
    return path


@contextlib.contextmanager
def _locked(root: Path) -> Iterator[None]:
    with open(root / ".lock", "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _free_slug(root: Path, base: str) -> str:
    if not (root / base).exists():
        return base
    n = 2
    while True:
        suffix = f"-{n}"
        candidate = base[: SLUG_MAX - len(suffix)].rstrip("-") + suffix
        if not (root / candidate).exists():
            return candidate
        n += 1


def _stored_frame(accepted: pd.DataFrame) -> gpd.GeoDataFrame:
    """The stored columns (no derived ones: they are derived again on load) with point geometry."""
    columns = [c for c in (*COLUMNS, *EXTRA_COLUMNS) if c in accepted.columns]
    frame = accepted[columns].copy()
    has_point = frame["lat"].notna() & frame["lon"].notna()
    geometry = gpd.GeoSeries.from_xy(frame["lon"].where(has_point), frame["lat"].where(has_point),
                                     crs="EPSG:4326")
    geometry[~has_point] = None
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


def save_dataset(result: ImportResult, *, name: str) -> DatasetInfo:
    """Store an import under ``name``; returns its :class:`DatasetInfo` (with the slug chosen,
    unique in the data directory). Raises :class:`DatasetError` if it cannot be written."""
    name = " ".join(str(name or "").split())[:200] or Path(result.filename).stem or "dataset"
    root = config.data_dir()
    tmp = root / f".tmp-{uuid.uuid4().hex}"
    try:
        tmp.mkdir()
        _stored_frame(result.accepted).to_parquet(tmp / DATA_FILE, index=False)
        (tmp / REJECTED_FILE).write_bytes(result.rejected_csv())
        info = result.info
        draft = DatasetInfo(
            name=name, slug="", source_file=Path(result.filename).name,
            imported_at=datetime.now(UTC).isoformat(timespec="seconds"),
            rows_in=int(result.summary["rows_in"]), accepted=int(result.summary["accepted"]),
            rejected=int(result.summary["rejected"]), not_located=int(result.summary["not_located"]),
            preset=result.mapping.preset, mapping=result.mapping.to_dict(),
            encoding=info.encoding if info else None, delimiter=info.delimiter if info else None,
            sheet=info.sheet if info else None, format=info.format if info else None,
        )
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


def _write_json(path: Path, data: dict[str, Any]) -> None:
    part = path.with_name(path.name + ".part")
    part.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(part, path)


def _read_manifest(folder: Path) -> DatasetInfo:
    try:
        data = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
        return DatasetInfo.from_dict(data)
    except FileNotFoundError:
        raise DatasetNotFoundError(f"no saved dataset {folder.name!r}") from None
    except (OSError, ValueError, TypeError) as exc:
        raise DatasetError(f"dataset {folder.name!r}: its manifest cannot be read ({exc})") from None


def list_datasets() -> list[DatasetInfo]:
    """Every saved dataset, newest first. Folders being written or deleted, and folders with an
    unreadable manifest, are left out."""
    root = config.data_dir()
    found: list[DatasetInfo] = []
    for folder in root.iterdir():
        if folder.name.startswith(".") or not _SLUG.fullmatch(folder.name) or not folder.is_dir():
            continue
        try:
            found.append(_read_manifest(folder))
        except DatasetError:
            continue
    return sorted(found, key=lambda d: (d.imported_at, d.slug), reverse=True)


def get_dataset(slug: str) -> DatasetInfo:
    """The :class:`DatasetInfo` of one saved dataset; :class:`DatasetNotFoundError` if none."""
    return _read_manifest(_folder(slug))


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime_ns: int) -> pd.DataFrame:
    del mtime_ns  # part of the cache key only
    try:
        frame = pd.read_parquet(path)
    except (OSError, ValueError) as exc:
        raise DatasetError(f"{Path(path).parent.name!r}: the data cannot be read ({exc})") from None
    frame = frame.drop(columns=[c for c in ("geometry",) if c in frame.columns])
    for column in COLUMNS:  # a dataset saved before a column was added reads it as empty
        if column not in frame.columns:
            frame[column] = ""
    for column in _TEXT_COLUMNS:
        if column in frame.columns:
            frame[column] = frame[column].fillna("").astype(str)
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[us]")
    frame["plot"] = frame["plot"].astype(bool)
    frame["n_arrested"] = frame["n_arrested"].astype("int64")
    frame["lat"] = frame["lat"].astype("float64")
    frame["lon"] = frame["lon"].astype("float64")
    if "source_row" in frame.columns:
        frame["source_row"] = frame["source_row"].astype("int64")
    out = derive(frame)
    derived = [c for c in out.columns if c not in COLUMNS and c not in EXTRA_COLUMNS]
    return out[[*COLUMNS, *derived, *[c for c in EXTRA_COLUMNS if c in out.columns]]]


def load_dataset(slug: str) -> pd.DataFrame:
    """A saved dataset as a typed incident table: the columns of
    :func:`geo.incidents.table.load_incidents` (same types, with the derived columns), then
    :data:`geo.io.result.EXTRA_COLUMNS`. A fresh copy each call."""
    path = _folder(slug) / DATA_FILE
    try:
        mtime = path.stat().st_mtime_ns
    except FileNotFoundError:
        raise DatasetNotFoundError(f"no saved dataset {slug!r}") from None
    return _load_cached(str(path), mtime).copy()


def rejected_csv(slug: str) -> bytes:
    """The rejected rows of a saved dataset, as the CSV download (``row``, ``field``,
    ``reason`` and the original cells)."""
    path = _folder(slug) / REJECTED_FILE
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise DatasetNotFoundError(f"no saved dataset {slug!r}") from None


def delete_dataset(slug: str) -> None:
    """Remove a saved dataset; :class:`DatasetNotFoundError` if there is none by that slug."""
    folder = _folder(slug)
    root = folder.parent
    trash = root / f".trash-{uuid.uuid4().hex}"
    with _locked(root):
        if not (folder / MANIFEST_FILE).exists():
            raise DatasetNotFoundError(f"no saved dataset {slug!r}")
        os.replace(folder, trash)
    shutil.rmtree(trash, ignore_errors=True)


__all__ = ["DatasetInfo", "delete_dataset",
           "get_dataset", "list_datasets", "load_dataset", "rejected_csv", "save_dataset", "slugify"]
