"""Locating imported rows, which keep their precision: the importer's geocoding step.

Geocoding goes through :func:`geo.admin.geocode.geocode_frame`: coordinates first, else the
postal code, else place names (``places``, in order), then *areas* (province or region names:
``provstate``, ACLED ``admin2``/``admin1``) which never give more than region precision (a
province named like its capital must not become the city). The source's own precision code then
caps the answer (:mod:`geo.io.presets` says what each code means; GTD ``specificity`` 5: the
coordinates are not used).

Only rows at point precision keep their coordinates; the others get the representative point of
their unit from :func:`geo.incidents.table.derive`. A row outside Belgium, or that nothing
locates, is **accepted** with ``geo_precision`` ``none`` and a ``geocode_note`` (with a hint when
latitude and longitude look swapped). Rows whose country column names another country are not
looked up by postal code or place name (a French "Saint-Nicolas" is not the Belgian one); their
coordinates still decide.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

import numpy as np
import pandas as pd
import shapely

from geo import vocab
from geo.admin import boundaries, gazetteer, geocode, tables
from geo.i18n import _
from geo.io import crs as crs_
from geo.io.address import address_columns
from geo.io.cells import Cells
from geo.io.mapping import ColumnMapping
from geo.io.presets import location_precision_codes, location_precision_label
from geo.io.readers.raw import GEOMETRY_WKT
from geo.io.shapes import place_geometries

# Names of Belgium in a country column (normalised as the gazetteer does).
_BELGIUM = frozenset({"belgium", "belgique", "belgie", "belgien", "belgica", "be", "bel", "belgio"})


def _area_names(of: boundaries.Boundaries) -> Mapping[str, str]:
    """Province names (NL/FR/EN, with and without "Provincie"/"Province de") → region code."""
    provinces = of.units("province")
    out: dict[str, str] = {}
    prefixes = re.compile(r"^(provincie|province)( (de|du|d))? ")
    for nl, fr, region in zip(provinces["name_nl"], provinces["name_fr"], provinces["reg_nis"]):
        for name in (nl, fr):
            key = gazetteer.normalize(name)
            out[key] = region
            out[prefixes.sub("", key)] = region
    regions = dict(zip(provinces["code"], provinces["reg_nis"]))
    english = {name: regions[code] for name, code in tables.province_names_en().items()}
    out.update({gazetteer.normalize(k): v for k, v in english.items()})
    return MappingProxyType(out)


# geocode_frame's note for a row with no evidence at all (replaced when an area places the row).
_NOTHING_TO_GO_ON = "no coordinates, postal code or place name"


def _outside_notes(lat: np.ndarray, lon: np.ndarray) -> list[str]:
    """"outside Belgium (lat, lon)", and a hint where latitude and longitude look swapped."""
    notes = [f"{geocode.OUTSIDE_BELGIUM} ({a:.5f}, {b:.5f})" for a, b in zip(lat, lon)]
    swappable = (np.abs(lon) <= 90) & (np.abs(lat) <= 180)
    if swappable.any():
        rows = np.flatnonzero(swappable)
        codes = boundaries.units_containing(shapely.points(lat[rows], lon[rows]))
        munis = boundaries.municipalities().set_index("nis")
        for i, code in zip(rows, codes):
            if code is not None:
                notes[i] += (f"; read as longitude, latitude it would be in "
                             f"{munis.at[code, 'name_nl']} ({code}): are the columns swapped?")
    return notes


def _coordinates(cells: Cells, m: ColumnMapping) -> tuple[pd.Series, pd.Series, pd.Series, pd.Series]:
    """Latitude and longitude (WGS84) of each row, from lat/lon, else x/y in the mapping's
    system, else a point geometry; the non-point geometries (WGS84) to place by containment;
    and a note on where converted coordinates came from."""
    text = cells.text
    lat, lon = pd.Series(np.nan, index=text.index), pd.Series(np.nan, index=text.index)
    if m.lat and m.lon:
        lat, lon = cells.numbers(m.lat).copy(), cells.numbers(m.lon).copy()
    source = pd.Series("", index=text.index, dtype=object)
    system = m.crs or crs_.LAMBERT_72
    if m.x and m.y:
        xs, ys = cells.numbers(m.x), cells.numbers(m.y)
        open_rows = lat.isna() & lon.isna() & xs.notna() & ys.notna()
        if open_rows.any():
            lon_x, lat_x = crs_.to_wgs84(xs[open_rows], ys[open_rows], system)
            lat[open_rows], lon[open_rows] = lat_x, lon_x
            source[open_rows] = _("x/y in {crs}").format(crs=crs_.label(system))
    shapes = pd.Series(None, index=text.index, dtype=object)
    if m.geometry:
        geoms = cells.geometries(m.geometry)
        if m.geometry != GEOMETRY_WKT and m.crs and not crs_.is_wgs84(m.crs):
            geoms = pd.Series(crs_.geometries_to_wgs84(geoms.to_numpy(), m.crs), index=geoms.index)
            source[geoms.notna()] = _("geometry in {crs}").format(crs=crs_.label(m.crs))
        kinds = geoms.map(lambda g: None if g is None else g.geom_type)
        points = (kinds == "Point") & lat.isna() & lon.isna()
        if points.any():
            lon[points] = [g.x for g in geoms[points]]
            lat[points] = [g.y for g in geoms[points]]
        shapes = geoms.where(kinds.notna() & (kinds != "Point"), None)
    return lat, lon, shapes, source


def _join(*parts: str) -> str:
    return "; ".join(dict.fromkeys(p for p in parts if p))


def locate_rows(cells: Cells, m: ColumnMapping) -> pd.DataFrame:
    """Geocode accepted rows: ``municipality_nis``, ``region_nis``, ``geo_precision``,
    ``geocode_method``, ``geocode_note``, ``lat``, ``lon`` (coordinates at point precision only).
    A row placed outside Belgium (coordinates, a geometry, or a country column naming another
    country) has a note that starts with ``outside Belgium``."""
    text = cells.text
    work = pd.DataFrame(index=text.index)
    lat, lon, shapes, source = _coordinates(cells, m)
    codes = cells.codes(m.location_precision) if m.location_precision else pd.Series("", index=text.index)
    table = location_precision_codes(m.preset)
    cap = codes.map(lambda c: table.get(c, "point")).where(codes != "", "point")
    skip_coords = (m.preset == "gtd") & (codes == "5")
    if m.preset != "gtd":
        skip_coords = skip_coords | (cap == "none")
    work["lat"], work["lon"] = lat.where(~skip_coords), lon.where(~skip_coords)
    foreign = pd.Series(False, index=text.index)
    if m.country:
        country = text[m.country].map(gazetteer.normalize)
        foreign = (country != "") & ~country.isin(_BELGIUM)
    names: list[str] = []
    postcode = text[m.postcode] if m.postcode else pd.Series("", index=text.index, dtype=object)
    explicit = (postcode != "").copy()
    for j, column in enumerate(m.places):
        work[f"_place{j}"] = text[column].where(~foreign, "")
        explicit |= text[column] != ""
        names.append(f"_place{j}")
    by_address = pd.Series(False, index=text.index)
    abroad = pd.Series("", index=text.index, dtype=object)
    if m.address:
        parsed = address_columns(text[m.address])
        abroad = parsed["country"].where(~foreign, "")
        foreign = foreign | (abroad != "")
        by_address = ((parsed["postcode"] != "") | (parsed["place"] != "")) & (abroad == "")
        postcode = postcode.where(postcode != "", parsed["postcode"])
        work["_address_place"] = parsed["place"].where(~foreign, "")
        names.append("_address_place")
    work["_postcode"] = postcode.where(~foreign, "")
    found = geocode.geocode_frame(work, lat="lat", lon="lon", postcode="_postcode", places=names)
    nis = found["municipality_nis"].astype(object)
    region = found["region_nis"].astype(object)
    precision = found["geo_precision"].astype(object).copy()
    method = found["geocode_method"].astype(object).copy()
    note = found["geocode_note"].astype(object).copy()
    outside = note.str.startswith(geocode.OUTSIDE_BELGIUM) & (method == "coordinates")
    if outside.any():
        note[outside] = _outside_notes(lat[outside].to_numpy(), lon[outside].to_numpy())
    from_address = by_address & ~explicit & method.isin(["postal_code", "place_name"])
    if from_address.any():
        note[from_address] = [_join(_("from the address {address!r}").format(address=a), n)
                              for a, n in zip(text.loc[from_address, m.address], note[from_address])]
    converted = (source != "") & (method == "coordinates")
    note[converted] = [_join(n, s) for s, n in zip(source[converted], note[converted])]

    # Polygons, lines, groups of points: the unit that contains them.
    has_shape = shapes.notna() & ~skip_coords & lat.isna()
    if has_shape.any():
        placed = place_geometries(shapes[has_shape])
        for i in placed.index:
            p_rank = vocab.GEO_RANK[placed.at[i, "geo_precision"]]
            rank = vocab.GEO_RANK[precision.at[i]]
            if p_rank >= rank or placed.at[i, "geocode_note"].startswith(geocode.OUTSIDE_BELGIUM):
                before = "" if note.at[i].startswith(_NOTHING_TO_GO_ON) else note.at[i]
                nis.at[i], region.at[i] = placed.at[i, "municipality_nis"], placed.at[i, "region_nis"]
                precision.at[i], method.at[i] = placed.at[i, "geo_precision"], "geometry"
                note.at[i] = _join(placed.at[i, "geocode_note"], before)
                outside.at[i] = placed.at[i, "geocode_note"].startswith(geocode.OUTSIDE_BELGIUM)
            else:
                note.at[i] = _join(note.at[i], placed.at[i, "geocode_note"])

    # Areas: province or region names, for rows nothing else placed, at region precision at most.
    if m.areas:
        open_rows = (precision == "none") & ~outside & ~foreign
        if open_rows.any():
            of = boundaries.current()
            provinces = of.derived(("geocoding", "area names"), lambda: _area_names(of))
            seen: dict[str, tuple[str | None, str]] = {}
            for i in np.flatnonzero(open_rows.to_numpy()):
                for column in m.areas:
                    value = text[column].iat[i]
                    if not value:
                        continue
                    if value not in seen:
                        key = gazetteer.normalize(value)
                        if key in provinces:
                            seen[value] = (provinces[key], "")
                        else:
                            hit = geocode.locate_place(value, suggest=False)
                            seen[value] = (hit.region_nis, hit.note)
                    code, _note = seen[value]
                    if code:
                        region.iat[i], nis.iat[i] = code, None
                        precision.iat[i], method.iat[i] = "region", "place_name"
                        before = "" if note.iat[i].startswith(_NOTHING_TO_GO_ON) else note.iat[i]
                        note.iat[i] = "; ".join(x for x in (f"{column} {value!r}: region only",
                                                            before) if x)
                        break
    # The source's own precision caps ours.
    rank = precision.map(vocab.GEO_RANK)
    cap_rank = cap.map(vocab.GEO_RANK)
    lower = rank > cap_rank
    if lower.any():
        label = location_precision_label(m.preset)
        for i in np.flatnonzero(lower.to_numpy()):
            new = cap.iat[i]
            if new == "none":
                nis.iat[i] = region.iat[i] = None
            elif new == "region":
                nis.iat[i] = None
            precision.iat[i] = new
            note.iat[i] = "; ".join(x for x in (note.iat[i], f"{label} {codes.iat[i]}: {new} precision") if x)
    if skip_coords.any():
        gtd5 = skip_coords & (lat.notna() | lon.notna())
        note[gtd5] = note[gtd5].map(lambda s: "; ".join(
            x for x in ("GTD specificity 5: coordinates not used", s) if x))
    foreign_open = foreign & (precision == "none") & ~outside
    if foreign_open.any():
        countries = text[m.country] if m.country else pd.Series("", index=text.index, dtype=object)
        note[foreign_open] = [
            _("{outside}: the address names {country}").format(outside=geocode.OUTSIDE_BELGIUM, country=a)
            if a else
            _("{outside}: country {country!r} is not Belgium (not looked up by place name or "
              "postal code)").format(outside=geocode.OUTSIDE_BELGIUM, country=c)
            for c, a in zip(countries[foreign_open], abroad[foreign_open])]
    point = precision == "point"
    return pd.DataFrame({
        "municipality_nis": nis.fillna("").astype(object),
        "region_nis": region.fillna("").astype(object),
        "geo_precision": precision,
        "geocode_method": method,
        "geocode_note": note.fillna(""),
        "lat": lat.where(point).astype("float64"),
        "lon": lon.where(point).astype("float64"),
    }, index=text.index)
