"""Presets: the exports of other datasets the importer knows (GTD, ACLED), recognised by their
column names, and the precision codes of every source (the presets' and a hand-made table's).

GTD exports (``eventid``, ``iyear``/``imonth``/``iday``, …) and ACLED exports
(``event_id_cnty``, ``event_date``, …) are recognised when at least three of their distinctive
column names are present (:func:`detect_preset`); any other table goes through a
:class:`geo.io.mapping.ColumnMapping` (:func:`geo.io.mapping.suggest_mapping`).

**Dates.** GTD ``iday`` 0 → month precision; ``imonth`` 0 → year precision (see
:mod:`geo.io.dates`). ACLED ``time_precision`` (:data:`ACLED_TIME_PRECISION`): 1 → day; 2 (a
week, a weekend or a few days: the date ACLED coded is near the middle) → month, the month of
the coded date; 3 (the month) → month. A code never makes a date finer than its text.

**Locations** (see :mod:`geo.io.geocoding`). GTD ``specificity`` (:data:`GTD_SPECIFICITY`):
1 → point; 2 (city centroid) → municipality; 3 (centroid of a smaller administrative region) and
4 (of a larger one) → region (our finest unit above the municipality); 5 (no administrative
region identified) → the coordinates are not used and place names give at most the region.
ACLED ``geo_precision`` (:data:`ACLED_GEO_PRECISION`): 1 → point (ACLED's 1 is the named town
or the exact place, so the point may be a town centre); 2 (near a town / part of a region) →
municipality; 3 → region. A hand-made table: a column with ``point``, ``municipality``,
``region`` or ``none`` (:data:`WORD_LOCATION_PRECISIONS`), and ``day``/``month``/``year``
(:data:`WORD_DATE_PRECISIONS`).

To add a preset: a :class:`PresetSpec` in :data:`PRESET_SPECS`, its crosswalk rows in
``data/crosswalk.csv`` (and its source in :mod:`geo.io.crosswalk`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from geo.i18n import N_

#: Date precision of ACLED ``time_precision`` codes (see the module docstring).
ACLED_TIME_PRECISION: Mapping[str, str] = MappingProxyType({"1": "day", "2": "month", "3": "month"})
#: Location precision of GTD ``specificity`` codes; 5 also means "do not use the coordinates".
GTD_SPECIFICITY: Mapping[str, str] = MappingProxyType(
    {"1": "point", "2": "municipality", "3": "region", "4": "region", "5": "region"})
#: Location precision of ACLED ``geo_precision`` codes.
ACLED_GEO_PRECISION: Mapping[str, str] = MappingProxyType({"1": "point", "2": "municipality", "3": "region"})
#: Date precision words of a hand-made table (English, Dutch, French; folded to lower case).
WORD_DATE_PRECISIONS: Mapping[str, str] = MappingProxyType({
    "day": "day", "dag": "day", "jour": "day", "exact": "day",
    "month": "month", "maand": "month", "mois": "month",
    "year": "year", "jaar": "year", "annee": "year",
})
#: Location precision words of a hand-made table.
WORD_LOCATION_PRECISIONS: Mapping[str, str] = MappingProxyType({
    "point": "point", "exact": "point", "punt": "point", "coordinates": "point",
    "municipality": "municipality", "gemeente": "municipality", "commune": "municipality",
    "city": "municipality", "town": "municipality",
    "region": "region", "gewest": "region", "province": "region", "provincie": "region",
    "none": "none", "unknown": "none", "onbekend": "none", "inconnu": "none",
})
#: Category fields of a hand-made table: (mapping field, crosswalk ``source_field``), most
#: specific first.
GENERIC_CATEGORIES: tuple[tuple[str, str], ...] = (("subkind", "kind"), ("kind", "kind"))


@dataclass(frozen=True)
class PresetSpec:
    """What the importer knows of one source's exports.

    ``required``/``optional``: mapping field → the source's column (a required column the table
    lacks is still named, so the import reports it). ``places``/``areas``: place-name and
    province/region columns, best first. ``signature``: distinctive column names that recognise
    an export. ``categories``: (mapping field, crosswalk ``source_field``), most specific first.
    ``date_codes``/``location_codes``: what the source's precision codes mean (``None``: the
    hand-made words). ``label`` names an export in messages (marked with ``N_``: show it with
    ``_()``), ``location_label`` its location precision code."""

    label: str
    required: Mapping[str, str]
    optional: Mapping[str, str]
    places: tuple[str, ...]
    areas: tuple[str, ...]
    signature: tuple[str, ...]
    categories: tuple[tuple[str, str], ...]
    location_label: str
    date_codes: Mapping[str, str] | None = None
    location_codes: Mapping[str, str] | None = None


_GTD = PresetSpec(
    label=N_("a GTD export"),
    required=MappingProxyType({"id": "eventid", "year": "iyear", "month": "imonth", "day": "iday"}),
    optional=MappingProxyType({
        "lat": "latitude", "lon": "longitude", "location_precision": "specificity",
        "country": "country_txt", "kind": "attacktype1_txt", "description": "summary",
        "weapon": "weaptype1_txt", "target": "targtype1_txt", "killed": "nkill",
        "injured": "nwound"}),
    places=("city",),
    areas=("provstate",),
    signature=("eventid", "iyear", "imonth", "iday", "approxdate", "extended", "country_txt",
               "region_txt", "provstate", "specificity", "vicinity", "doubtterr",
               "attacktype1_txt", "targtype1_txt", "weaptype1_txt", "gname", "nkill",
               "nwound", "success", "suicide", "natlty1_txt", "property"),
    categories=(("kind", "attacktype1_txt"),),
    location_label="GTD specificity",
    location_codes=GTD_SPECIFICITY,
)
_ACLED = PresetSpec(
    label=N_("an ACLED export"),
    required=MappingProxyType({"id": "event_id_cnty", "date": "event_date"}),
    optional=MappingProxyType({
        "date_precision": "time_precision", "lat": "latitude", "lon": "longitude",
        "location_precision": "geo_precision", "country": "country",
        "kind": "event_type", "subkind": "sub_event_type", "description": "notes",
        "killed": "fatalities"}),
    places=("location", "admin3"),
    areas=("admin2", "admin1"),
    signature=("event_id_cnty", "event_date", "time_precision", "disorder_type", "event_type",
               "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "inter2",
               "interaction", "civilian_targeting", "iso", "admin1", "admin2", "admin3",
               "geo_precision", "source_scale", "fatalities", "tags", "timestamp"),
    categories=(("subkind", "sub_event_type"), ("kind", "event_type")),
    location_label="ACLED geo_precision",
    date_codes=ACLED_TIME_PRECISION,
    location_codes=ACLED_GEO_PRECISION,
)
#: The presets, by name (the crosswalk's ``source``).
PRESET_SPECS: Mapping[str, PresetSpec] = MappingProxyType({"gtd": _GTD, "acled": _ACLED})
PRESETS: tuple[str, ...] = tuple(PRESET_SPECS)


def by_lower(columns: Iterable[object]) -> dict[str, str]:
    """Column names by their stripped lower-case form (the first of equal forms wins)."""
    out: dict[str, str] = {}
    for c in columns:
        out.setdefault(str(c).strip().lower(), str(c))
    return out


def detect_preset(columns: Iterable[object]) -> str | None:
    """``"gtd"`` or ``"acled"`` when the column names are those of a GTD or ACLED export (at
    least three of the source's distinctive names, case-insensitively), else ``None``."""
    names = set(by_lower(columns))
    scores = {p: len(names & set(spec.signature)) for p, spec in PRESET_SPECS.items()}
    best = max(scores, key=scores.get)
    if scores[best] < 3 or list(scores.values()).count(scores[best]) > 1:
        return None
    return best


def date_precision_codes(preset: str | None) -> Mapping[str, str]:
    """What the date precision column's values mean for this source."""
    spec = PRESET_SPECS.get(preset or "")
    return spec.date_codes if spec and spec.date_codes is not None else WORD_DATE_PRECISIONS


def location_precision_codes(preset: str | None) -> Mapping[str, str]:
    """What the location precision column's values mean for this source."""
    spec = PRESET_SPECS.get(preset or "")
    return spec.location_codes if spec and spec.location_codes is not None else WORD_LOCATION_PRECISIONS


def location_precision_label(preset: str | None) -> str:
    """The location precision column as a note names it (``GTD specificity``)."""
    spec = PRESET_SPECS.get(preset or "")
    return spec.location_label if spec else "location precision"


def category_fields(preset: str | None) -> tuple[tuple[str, str], ...]:
    """(mapping field, crosswalk ``source_field``) of the category columns, most specific first."""
    spec = PRESET_SPECS.get(preset or "")
    return spec.categories if spec else GENERIC_CATEGORIES
