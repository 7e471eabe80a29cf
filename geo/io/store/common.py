"""What every store of saved datasets shares: the manifest (:class:`DatasetInfo`), the slug rules,
the stored columns and how a stored table becomes a typed incident table again, and the interface a
backend implements (:class:`Store`)."""

from __future__ import annotations

import abc
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from geo import text
from geo.errors import DatasetNotFoundError, DatasetPermissionError, Problem
from geo.i18n import _
from geo.incidents.table import COLUMNS, derive
from geo.io.result import COUNT_COLUMNS, EXTRA_COLUMNS, ImportResult

SLUG_MAX = 60
MANIFEST_VERSION = 1
SLUG = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?")
#: The columns a store keeps (the derived ones are derived again on load).
STORED_COLUMNS = (*COLUMNS, *EXTRA_COLUMNS)
TEXT_COLUMNS = tuple(c for c in STORED_COLUMNS
                     if c not in ("date", "plot", "n_arrested", "lat", "lon", "source_row", *COUNT_COLUMNS))


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
        """The manifest ``data`` (unknown keys ignored); :class:`ValueError` saying what is wrong
        when it is not one (not an object, a field missing, a count that is not a number)."""
        if not isinstance(data, dict):
            raise ValueError(f"the manifest is not an object but {type(data).__name__}")
        known = set(cls.__dataclass_fields__)
        missing = [f for f in _REQUIRED if f not in data]
        if missing:
            raise ValueError(f"the manifest lacks {', '.join(missing)}")
        if not isinstance(data["slug"], str) or not SLUG.fullmatch(data["slug"]):
            raise ValueError(f"the manifest's slug {data['slug']!r} is not one")
        wrong = [f for f in _COUNTS if not isinstance(data[f], int) or isinstance(data[f], bool)]
        if wrong:
            raise ValueError(f"the manifest's {', '.join(wrong)} is not a whole number")
        return cls(**{k: v for k, v in data.items() if k in known})


_REQUIRED = ("name", "slug", "source_file", "imported_at", "rows_in", "accepted", "rejected", "not_located")
_COUNTS = ("rows_in", "accepted", "rejected", "not_located")


class Listing(list):
    """Every saved dataset a store could read (:class:`DatasetInfo`, newest first), and
    ``skipped``: one :class:`geo.errors.Problem` per manifest it could not read. A bad manifest is
    left out and reported; it never makes the listing fail for everyone."""

    def __init__(self, infos: Iterable[DatasetInfo] = (), skipped: Iterable[Problem] = ()):
        super().__init__(infos)
        self.skipped: tuple[Problem, ...] = tuple(skipped)


def slugify(name: str) -> str:
    """The slug of a dataset name (:func:`geo.text.slug`, at most :data:`SLUG_MAX` characters)."""
    return text.slug(name, max_length=SLUG_MAX)


def check_slug(slug: object) -> str:
    """``slug`` if it is one (``[a-z0-9-]``, at most 60); else :class:`DatasetNotFoundError`."""
    if not isinstance(slug, str) or not SLUG.fullmatch(slug):
        raise DatasetNotFoundError(_("{slug!r} is not a dataset name (lower-case letters, digits "
                                     "and '-', at most 60)").format(slug=slug))
    return slug


def numbered(base: str, n: int) -> str:
    """The ``n``-th slug for ``base`` (``gtd``, ``gtd-2``, …), at most :data:`SLUG_MAX` long."""
    if n < 2:
        return base
    suffix = f"-{n}"
    return base[: SLUG_MAX - len(suffix)].rstrip("-") + suffix


def clean_name(result: ImportResult, name: str | None) -> str:
    return " ".join(str(name or "").split())[:200] or Path(result.filename).stem or "dataset"


def draft_info(result: ImportResult, name: str) -> DatasetInfo:
    """The manifest of an import about to be saved (its slug is chosen by the store)."""
    info = result.info
    return DatasetInfo(
        name=name, slug="", source_file=Path(result.filename).name,
        imported_at=datetime.now(UTC).isoformat(timespec="seconds"),
        rows_in=int(result.summary["rows_in"]), accepted=int(result.summary["accepted"]),
        rejected=int(result.summary["rejected"]), not_located=int(result.summary["not_located"]),
        preset=result.mapping.preset, mapping=result.mapping.to_dict(),
        encoding=info.encoding if info else None, delimiter=info.delimiter if info else None,
        sheet=info.sheet if info else None, format=info.format if info else None,
    )


def stored_frame(accepted: pd.DataFrame) -> gpd.GeoDataFrame:
    """The stored columns (no derived ones: they are derived again on load) with point geometry."""
    columns = [c for c in STORED_COLUMNS if c in accepted.columns]
    frame = accepted[columns].copy()
    has_point = frame["lat"].notna() & frame["lon"].notna()
    geometry = gpd.GeoSeries.from_xy(frame["lon"].where(has_point), frame["lat"].where(has_point),
                                     crs="EPSG:4326")
    geometry[~has_point] = None
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


def typed_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A stored table as a typed incident table: the columns of
    :func:`geo.incidents.table.load_incidents` (same types, with the derived columns), then
    :data:`geo.io.result.EXTRA_COLUMNS`."""
    frame = frame.drop(columns=[c for c in ("geometry",) if c in frame.columns])
    for column in COLUMNS:  # a dataset saved before a column was added reads it as empty
        if column not in frame.columns:
            frame[column] = ""
    for column in TEXT_COLUMNS:
        if column in frame.columns:
            frame[column] = frame[column].fillna("").astype(str)
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[us]")
    frame["plot"] = frame["plot"].astype(bool)
    frame["n_arrested"] = frame["n_arrested"].astype("int64")
    frame["lat"] = frame["lat"].astype("float64")
    frame["lon"] = frame["lon"].astype("float64")
    if "source_row" in frame.columns:
        frame["source_row"] = frame["source_row"].astype("int64")
    for column in COUNT_COLUMNS:  # counts of people: <NA> when not known
        if column in frame.columns:
            frame[column] = frame[column].astype("Int64")
    out = derive(frame.reset_index(drop=True))
    derived = [c for c in out.columns if c not in COLUMNS and c not in EXTRA_COLUMNS]
    return out[[*COLUMNS, *derived, *[c for c in EXTRA_COLUMNS if c in out.columns]]]


class Store(abc.ABC):
    """A place where saved datasets live. Every backend keeps the same promises:

    - a save is all or nothing: other sessions and processes see the whole dataset or none of it;
    - two saves under one name, at the same moment in two processes, get two slugs
      (``gtd``, ``gtd-2``) and neither overwrites the other;
    - a slug that is not one (``../../etc``) names no dataset: :class:`DatasetNotFoundError`;
    - a read-only store (``read_only``: a reader's session) refuses to save or delete with
      :class:`DatasetPermissionError` before it touches anything.
    """

    #: What the store is, for people: "folder …" or "PostGIS database …" (never a password).
    where: str = ""
    read_only: bool = False

    @property
    @abc.abstractmethod
    def source(self) -> str:
        """Where the data lives, whoever reads it (a folder, a database without its login): the
        key of a cache that any login of this store may share."""

    def writable(self) -> None:
        if self.read_only:
            raise DatasetPermissionError(_("this session may read saved datasets, not change them "
                                           "(only editors import, save and delete)"))

    @abc.abstractmethod
    def save_dataset(self, result: ImportResult, *, name: str) -> DatasetInfo:
        """Store an import under ``name``; its :class:`DatasetInfo` with the slug chosen."""

    @abc.abstractmethod
    def list_datasets(self) -> Listing:
        """Every saved dataset, newest first; a manifest that cannot be read is skipped and
        reported in the listing's ``skipped``."""

    @abc.abstractmethod
    def get_dataset(self, slug: str) -> DatasetInfo:
        """The manifest of one dataset; :class:`DatasetNotFoundError` if none."""

    @abc.abstractmethod
    def load_dataset(self, slug: str) -> pd.DataFrame:
        """A saved dataset as a typed incident table (see :func:`typed_frame`), a fresh copy."""

    @abc.abstractmethod
    def rejected_csv(self, slug: str) -> bytes:
        """The rejected rows as the CSV download (``row``, ``field``, ``reason``, the cells)."""

    @abc.abstractmethod
    def delete_dataset(self, slug: str) -> None:
        """Remove a saved dataset; :class:`DatasetNotFoundError` if there is none by that slug."""

    def find(self, name: str) -> DatasetInfo:
        """A dataset by slug, or by its name when exactly one dataset has it (case-insensitive);
        :class:`DatasetNotFoundError` naming the choices otherwise."""
        wanted = str(name).strip()
        if SLUG.fullmatch(wanted):
            try:
                return self.get_dataset(wanted)
            except DatasetNotFoundError:
                pass
        infos = self.list_datasets()
        hits = [i for i in infos if i.name.casefold() == wanted.casefold()]
        if len(hits) == 1:
            return hits[0]
        choices = ", ".join(i.slug for i in infos) or _("none saved yet")
        if hits:
            raise DatasetNotFoundError(_("{n} saved datasets are named {name!r}: give the slug "
                                         "({slugs})").format(
                n=len(hits), name=wanted, slugs=", ".join(i.slug for i in hits)))
        raise DatasetNotFoundError(_("no saved dataset {name!r}; saved: {choices}").format(
            name=wanted, choices=choices))
