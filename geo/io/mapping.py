"""Column mappings: which column of a source table gives which field of an incident.

:class:`ColumnMapping` is the mapping (:data:`MAPPING_HELP` explains each field for the form
that shows it); :func:`preset_mapping` gives the mapping of a GTD or ACLED export
(:mod:`geo.io.presets`), :func:`suggest_mapping` guesses one from English, French and Dutch
column names, and :func:`check_mapping` says why a mapping does not fit a table. To teach the
guesser a column name, add it to :data:`_GUESSES` (or the place and area key lists).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import datetime
from types import MappingProxyType
from typing import Any

import shapely

from geo import text, vocab
from geo.errors import MappingError
from geo.i18n import N_, _
from geo.io import crs as crs_
from geo.io.presets import PRESET_SPECS, PRESETS, by_lower, detect_preset
from geo.io.readers.raw import EXTRA_CELLS, GEOMETRY_LAT, GEOMETRY_LON, GEOMETRY_WKT, READ_PROBLEM


@dataclass(frozen=True)
class ColumnMapping:
    """Which column of the source table gives which field of an incident. ``None`` (or ``()``):
    the table has no such column. Only a date source is required: ``date`` or ``year``.

    - ``preset``: ``"gtd"``, ``"acled"`` or ``None`` (hand-made). It decides how the precision
      codes and categories are read (crosswalk source).
    - ``id``: a unique identifier (rows repeating an id are rejected; none: ``row-<n>``).
    - ``date`` (+ optional ``date_format``, a ``strptime`` pattern such as ``"%d/%m/%Y"``), or
      ``year``/``month``/``day`` (0 or blank = unknown). ``date_precision``: a column that can
      make a date coarser (ACLED ``time_precision``; else ``day``/``month``/``year``).
    - ``lat``/``lon`` (WGS84 degrees; a decimal comma is read); or ``x``/``y`` (eastings and
      northings, metres for a projected system) in ``crs`` (``EPSG:31370``, Belgian Lambert 72,
      unless the mapping says otherwise; :mod:`geo.io.crs`); ``geometry`` (WKT: a polygon or
      line is placed in the unit that contains it; a WKT column of a table is in ``crs`` when
      set, else WGS84); ``postcode``, ``address`` (its postal code and municipality are used),
      ``places`` (place names, best first), ``areas`` (province or region names; never finer
      than the region), ``country`` (rows naming another country are not looked up by name or
      postal code), ``location_precision`` (GTD ``specificity``, ACLED ``geo_precision``, else
      ``point``/``municipality``/``region``/``none``).
    - ``kind`` and ``subkind`` (categories, through the crosswalk; the sub-category decides
      first), ``description``, ``weapon``, ``target``: text kept as is. ``categories``: the
      person's own assignments of category values the crosswalk does not know (value → kind).
    - ``killed``, ``injured``: numbers of people killed and injured (empty: not known).
    """

    preset: str | None = None
    id: str | None = None
    date: str | None = None
    date_format: str | None = None
    year: str | None = None
    month: str | None = None
    day: str | None = None
    date_precision: str | None = None
    lat: str | None = None
    lon: str | None = None
    x: str | None = None
    y: str | None = None
    crs: str | None = None
    geometry: str | None = None
    location_precision: str | None = None
    postcode: str | None = None
    address: str | None = None
    places: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    country: str | None = None
    kind: str | None = None
    subkind: str | None = None
    description: str | None = None
    weapon: str | None = None
    target: str | None = None
    killed: str | None = None
    injured: str | None = None
    categories: tuple[tuple[str, str], ...] = ()

    #: Fields that name a column (``date_format``, ``crs``, ``categories`` and ``preset`` do not).
    COLUMN_FIELDS = ("id", "date", "year", "month", "day", "date_precision", "lat", "lon", "x",
                     "y", "geometry", "location_precision", "postcode", "address", "places",
                     "areas", "country", "kind", "subkind", "description", "weapon", "target",
                     "killed", "injured")

    def __post_init__(self) -> None:
        for name in ("places", "areas"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, (value,) if value else ())
            elif not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value or ()))
        pairs = self.categories
        if isinstance(pairs, Mapping):
            pairs = tuple(pairs.items())
        object.__setattr__(self, "categories", tuple((str(k), str(v)) for k, v in pairs or ()))

    def assigned(self) -> dict[str, str]:
        """The person's category assignments, value → kind."""
        return dict(self.categories)

    def columns(self) -> list[str]:
        """Every source column this mapping reads, in field order, without repeats."""
        named: list[str] = []
        for name in self.COLUMN_FIELDS:
            value = getattr(self, name)
            named.extend(value if isinstance(value, tuple) else [value] if value else [])
        return list(dict.fromkeys(named))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (tuples as lists; unset fields left out)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value in (None, ()):
                continue
            if f.name == "categories":
                out[f.name] = dict(value)
                continue
            out[f.name] = list(value) if isinstance(value, tuple) else value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ColumnMapping:
        """The inverse of :meth:`to_dict`; ``places``/``areas`` may be a list or a
        comma-separated string (as a command line gives them). Raises :class:`MappingError`
        for an unknown field."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise MappingError(_("mapping"), _("unknown mapping field(s): {unknown}; known: {known}")
                               .format(unknown=", ".join(unknown), known=", ".join(sorted(known))))
        values: dict[str, Any] = {}
        for key, value in data.items():
            if key in ("places", "areas"):
                if isinstance(value, str):
                    value = [v.strip() for v in value.split(",") if v.strip()]
                values[key] = tuple(str(v) for v in (value or ()))
            elif key == "categories":
                values[key] = tuple(dict(value or {}).items()) if not isinstance(value, (list, tuple)) \
                    else tuple((str(k), str(v)) for k, v in value)
            else:
                values[key] = None if value in (None, "") else str(value)
        return cls(**values)

    def replace(self, **changes: Any) -> ColumnMapping:
        return replace(self, **changes)


#: What each mapping field means, for the form that shows a suggested mapping.
MAPPING_HELP: Mapping[str, str] = MappingProxyType({
    "id": N_("a unique identifier of each incident (optional)"),
    "date": N_("the date of the incident (2016-03-22, 22/03/2016, 22 March 2016, 03/2016, 2016, …)"),
    "date_format": N_("how the date is written, as a strptime pattern (%d/%m/%Y); empty: recognised"),
    "year": N_("the year, when there is no date column"),
    "month": N_("the month (1-12; 0 or empty: unknown)"),
    "day": N_("the day (1-31; 0 or empty: unknown)"),
    "date_precision": N_("how much of the date is known (day, month, year; ACLED time_precision)"),
    "lat": N_("latitude in degrees (WGS84)"),
    "lon": N_("longitude in degrees (WGS84)"),
    "x": N_("x (easting) in the coordinate system below: metres for Belgian Lambert 72"),
    "y": N_("y (northing) in the coordinate system below"),
    "crs": N_("the coordinate system of x/y (and of a WKT geometry column): EPSG:31370 is "
              "Belgian Lambert 72, EPSG:3812 Belgian Lambert 2008"),
    "geometry": N_("a geometry as WKT (a polygon or line is placed in the unit that contains it)"),
    "address": N_("an address; its postal code and municipality place the row "
                  "(Rue de la Loi 16, 1000 Bruxelles)"),
    "location_precision": N_("how well the place is known (point, municipality, region; GTD specificity, ACLED geo_precision)"),
    "postcode": N_("Belgian postal code"),
    "places": N_("place names (municipality, town, section, landmark), best first"),
    "areas": N_("province or region names (never give more than the region)"),
    "country": N_("the country (rows in another country are not looked up by name)"),
    "kind": N_("the category of incident (attack, arrest, plot, …; see the crosswalk)"),
    "subkind": N_("a finer category, which decides first (ACLED sub_event_type)"),
    "description": N_("a description, kept as text"),
    "weapon": N_("the weapon, kept as text"),
    "target": N_("the target, kept as text"),
    "killed": N_("the number of people killed (empty: not known)"),
    "injured": N_("the number of people injured (empty: not known)"),
})


#: Each mapping field's name in the form, in words (translated where shown).
MAPPING_LABELS: Mapping[str, str] = MappingProxyType({
    "id": N_("identifier"), "date": N_("date"), "year": N_("year"), "month": N_("month"), "day": N_("day"),
    "date_precision": N_("date precision"), "lat": N_("latitude"), "lon": N_("longitude"), "x": N_("x"),
    "y": N_("y"), "geometry": N_("geometry (WKT)"), "address": N_("address"),
    "location_precision": N_("location precision"), "postcode": N_("postal code"), "places": N_("place names"),
    "areas": N_("regions or provinces"), "country": N_("country"), "kind": N_("kind"), "subkind": N_("subkind"),
    "description": N_("description"), "weapon": N_("weapon"), "target": N_("target"),
    "killed": N_("people killed"), "injured": N_("people injured"),
})


def _geometry_columns(columns: Iterable[object]) -> tuple[str, str] | None:
    names = by_lower(columns)
    if GEOMETRY_LAT in names and GEOMETRY_LON in names:
        return names[GEOMETRY_LAT], names[GEOMETRY_LON]
    return None


def preset_mapping(preset: str, columns: Iterable[object]) -> ColumnMapping:
    """The mapping of a GTD or ACLED export with these columns (matched case-insensitively).
    A required column the table lacks is named anyway, so the import reports it."""
    if preset not in PRESET_SPECS:
        raise ValueError(f"preset must be one of {PRESETS}, not {preset!r}")
    spec = PRESET_SPECS[preset]
    columns = list(columns)
    names = by_lower(columns)
    values: dict[str, Any] = {"preset": preset}
    for key, column in spec.required.items():
        values[key] = names.get(column, column)
    for key, column in spec.optional.items():
        if column in names:
            values[key] = names[column]
    values["places"] = tuple(names[c] for c in spec.places if c in names)
    values["areas"] = tuple(names[c] for c in spec.areas if c in names)
    geometry = _geometry_columns(columns)
    if geometry:
        values["lat"], values["lon"] = geometry
        if GEOMETRY_WKT in columns:
            values["geometry"] = GEOMETRY_WKT
    return ColumnMapping(**values)


def _key(name: object) -> str:
    return re.sub(r"[^0-9a-z]+", "_", text.fold(name)).strip("_")


# (field, exact keys, tokens that may appear in a longer name); order matters: the first field
# to claim a column keeps it.
_GUESSES: tuple[tuple[str, frozenset[str], frozenset[str]], ...] = tuple(
    (f, frozenset(exact.split()), frozenset(tokens.split())) for f, exact, tokens in (
        ("date_precision", "date_precision time_precision precision_date datum_precisie "
         "precisie_datum precision_de_la_date", ""),
        ("location_precision", "location_precision geo_precision specificity precision_lieu "
         "locatie_precisie precisie_locatie place_precision", ""),
        ("id", "id event_id eventid incident_id event_id_cnty identifier identifiant "
         "identificatie nr no nummer numero ref reference referentie uid uuid", "id"),
        ("date", "date datum event_date incident_date date_of_incident date_incident "
         "datum_incident date_evenement date_de_l_incident when quand wanneer", "date datum"),
        ("year", "year jaar annee jahr iyear yr", "year jaar annee"),
        ("month", "month maand mois monat imonth", "month maand mois"),
        ("day", "day dag jour tag iday", ""),
        ("lat", "lat latitude breedtegraad breedte y_wgs84 latitude_wgs84 lat_wgs84", "latitude"),
        ("lon", "lon lng long longitude lengtegraad lengte x_wgs84 longitude_wgs84 lon_wgs84",
         "longitude"),
        ("x", "x x_lambert lambert_x x_l72 l72_x x_lb72 lb72_x x_31370 coord_x coordx x_coord "
         "xcoord x_coordinate coordinate_x easting x_lambert72 lambert72_x x_lambert_72", ""),
        ("y", "y y_lambert lambert_y y_l72 l72_y y_lb72 lb72_y y_31370 coord_y coordy y_coord "
         "ycoord y_coordinate coordinate_y northing y_lambert72 lambert72_y y_lambert_72", ""),
        ("geometry", "wkt geometry geom the_geom geometrie geometry_wkt wkt_geom", ""),
        ("address", "address adresse adres full_address street_address adresse_complete "
         "volledig_adres address_line adres_volledig", "address adresse adres"),
        ("killed", "killed nkill deaths dead fatalities doden morts tues deces number_killed "
         "n_killed nb_morts aantal_doden nombre_de_morts dodental people_killed",
         "killed doden morts deaths fatalities"),
        ("injured", "injured nwound wounded injuries blesses gewonden gewond number_injured "
         "n_injured nb_blesses aantal_gewonden nombre_de_blesses people_injured",
         "injured wounded gewonden blesses"),
        ("postcode", "postcode postal_code post_code postalcode zip zipcode zip_code code_postal "
         "codepostal cp postnummer plz npa", "postcode postal"),
        ("country", "country land pays country_txt nation", "country"),
        ("subkind", "sub_event_type subtype sub_type subcategory sub_category sous_type "
         "sous_categorie subcategorie", ""),
        ("kind", "kind type category categorie soort aard nature event_type incident_type "
         "type_incident type_of_incident attack_type attacktype1_txt typologie", "category"),
        ("description", "description summary notes note omschrijving beschrijving details detail "
         "comment comments commentaire commentaires opmerking opmerkingen resume samenvatting "
         "text texte tekst", "description omschrijving"),
        ("weapon", "weapon wapen arme weaptype1_txt weapon_type", "weapon"),
        ("target", "target doelwit cible targtype1_txt target_type", "target"),
    ))
# Place-name and province/region columns, best first.
_PLACE_KEYS: tuple[str, ...] = (
    "municipality", "gemeente", "commune", "gemeinde", "city", "ville", "stad", "town", "location",
    "place", "plaats", "lieu", "localite", "locality", "deelgemeente", "section", "sous_commune",
    "address_city", "municipality_name", "gemeentenaam", "nom_commune")
_AREA_KEYS: tuple[str, ...] = (
    "province", "provincie", "provstate", "region", "gewest", "state", "admin1", "admin2",
    "arrondissement", "district")


def _numbers(values: Iterable[object]) -> list[float]:
    out = []
    for v in values:
        try:
            out.append(float(str(v).strip().replace(",", ".")))
        except ValueError:
            out.append(float("nan"))
    return out


def _fit_xy(values: dict[str, Any], sample: Any) -> None:
    """Confirm x/y columns guessed by name with their values' range: degrees become lon/lat
    (when none are mapped), metres name their system in ``crs``; columns whose range fits no
    system stay mapped, with Belgian Lambert 72 proposed for the person to check."""
    if "x" not in values or "y" not in values:
        values.pop("x", None)
        values.pop("y", None)
        return
    system = None
    if sample is not None:
        head = sample.head(2000)
        system = crs_.guess(_numbers(head[values["x"]]), _numbers(head[values["y"]]))
    if system == crs_.WGS84:
        x, y = values.pop("x"), values.pop("y")
        if "lat" not in values:
            values["lon"], values["lat"] = x, y
        return
    values["crs"] = system or crs_.LAMBERT_72


def _wkt_system(cells: Iterable[object]) -> str | None:
    """The projected system of a WKT column, guessed from its geometries' range (None for
    WGS84 degrees or when nothing parses)."""
    geoms = shapely.from_wkt([str(c) if str(c).strip() else None for c in cells], on_invalid="ignore")
    geoms = geoms[~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)]
    if not len(geoms):
        return None
    bounds = shapely.bounds(geoms)
    system = crs_.guess(bounds[:, 0], bounds[:, 1])
    return None if system == crs_.WGS84 else system


def suggest_mapping(columns: Iterable[object], sample: Any = None) -> ColumnMapping:
    """A guess at the mapping, for a person to confirm: the preset's mapping for a GTD or ACLED
    export, else guesses from English, French and Dutch names (``datum``, ``gemeente``,
    ``commune``, ``code postal``, ``adresse``, ``doden``, ``x``/``y``, …). ``sample``: the table
    (or its first rows), whose values confirm x/y columns and name their coordinate system
    (:func:`geo.io.crs.guess`). The geometry columns of a GeoJSON or GeoPackage are preferred
    for the coordinates. Never raises."""
    columns = [str(c) for c in columns]
    preset = detect_preset(columns)
    if preset:
        return preset_mapping(preset, columns)
    candidates = [c for c in columns if c not in (EXTRA_CELLS, READ_PROBLEM)]
    keys = {c: _key(c) for c in candidates}
    taken: set[str] = set()
    values: dict[str, Any] = {}
    for pass_ in ("exact", "token"):
        for fname, exact, tokens in _GUESSES:
            if fname in values:
                continue
            for c in candidates:
                if c in taken:
                    continue
                k = keys[c]
                hit = k in exact if pass_ == "exact" else bool(tokens & set(k.split("_")))
                if hit:
                    values[fname] = c
                    taken.add(c)
                    break
    places = [c for c in candidates if c not in taken and keys[c] in _PLACE_KEYS]
    places.sort(key=lambda c: _PLACE_KEYS.index(keys[c]))
    taken.update(places)
    areas = [c for c in candidates if c not in taken and keys[c] in _AREA_KEYS]
    areas.sort(key=lambda c: _AREA_KEYS.index(keys[c]))
    if "date" in values:
        for part in ("year", "month", "day"):
            values.pop(part, None)
    if ("lat" in values) != ("lon" in values):
        values.pop("lat", None)
        values.pop("lon", None)
    _fit_xy(values, sample)
    geometry = _geometry_columns(columns)
    if geometry:
        values["lat"], values["lon"] = geometry
        if GEOMETRY_WKT in columns:
            values["geometry"] = GEOMETRY_WKT
    elif "geometry" in values and "crs" not in values and sample is not None:
        values["crs"] = _wkt_system(sample[values["geometry"]].head(500))
        if values["crs"] is None:
            del values["crs"]
    return ColumnMapping(places=tuple(places), areas=tuple(areas), **values)


def check_mapping(mapping: ColumnMapping, columns: Sequence[str], filename: str) -> None:
    """Raise :class:`MappingError` when ``mapping`` does not fit a table with these columns: an
    unknown preset, a column the table lacks (for a preset: its required columns, by name), no
    date source, half a coordinate pair, a day without a month, an unusable date format."""
    if mapping.preset is not None and mapping.preset not in PRESETS:
        raise MappingError(filename, _("unknown preset {preset!r}; presets: {presets}").format(
            preset=mapping.preset, presets=", ".join(PRESETS)))
    present = set(columns)
    missing = [c for c in mapping.columns() if c not in present]
    if missing:
        if mapping.preset:
            spec = PRESET_SPECS[mapping.preset]
            required = set(spec.required.values())
            lacking = [c for c in missing if c.lower() in required]
            if lacking and len(lacking) == len(missing):
                raise MappingError(filename, _("looks like {preset} but lacks the required column(s) "
                                               "{columns}").format(
                    preset=_(spec.label), columns=", ".join(map(repr, lacking))), missing=lacking)
        raise MappingError(filename, _("the mapping names column(s) the table does not have: {missing} "
                                       "(columns: {columns})").format(
            missing=", ".join(map(repr, missing)), columns=", ".join(map(repr, columns))),
            missing=missing)
    if mapping.date is None and mapping.year is None:
        raise MappingError(filename, _("no date: map a date column, or a year column (with month "
                                       "and day columns if there are any)"), missing=("date",))
    if (mapping.lat is None) != (mapping.lon is None):
        raise MappingError(filename, _("map both latitude and longitude, or neither"))
    if (mapping.x is None) != (mapping.y is None):
        raise MappingError(filename, _("map both x and y, or neither"))
    if mapping.crs is not None:
        try:
            crs_.parse(mapping.crs)
        except ValueError as exc:
            raise MappingError(filename, str(exc)) from None
    for value, kind in mapping.categories:
        if kind not in vocab.KINDS:
            raise MappingError(filename, _("category {value!r} is assigned to {kind!r}, which is "
                                           "not a kind ({kinds})").format(
                value=value, kind=kind, kinds=", ".join(vocab.KINDS)))
    if mapping.day is not None and mapping.month is None and mapping.date is None:
        raise MappingError(filename, _("a day column needs a month column"))
    if mapping.date_format is not None:
        fmt = mapping.date_format
        if "%Y" not in fmt and "%y" not in fmt:
            raise MappingError(filename, _("date format {format!r} has no year (%Y)").format(format=fmt))
        try:
            datetime.strptime(datetime(2016, 3, 22).strftime(fmt), fmt)
        except ValueError as exc:
            raise MappingError(filename, _("date format {format!r} cannot be used: {error}").format(
                format=fmt, error=exc)) from None
