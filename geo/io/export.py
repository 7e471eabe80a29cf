"""Downloads: incident rows and count tables as spreadsheet-safe CSV, incidents as GeoJSON, and
file names that are safe everywhere.

CSV files are UTF-8 with a byte-order mark (so Excel reads accents) and guarded against formula
injection (OWASP): a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return gets a leading ``'``, so a spreadsheet shows it as text instead of running it. Numbers
stay numbers. GeoJSON is RFC 7946 (EPSG:4326 longitude/latitude), one point per site.

Two kinds of CSV: for people (``labelled=True``, what the app's buttons give) in the reader's
language and as that language's spreadsheets read it (French and Dutch: ``;`` between fields
and a decimal comma; English: ``,`` and a point), headers and values in words (kinds,
precisions, provenance, yes/no, region names); for programs (``labelled=False``) field names,
codes (``arrest_action``, ``true``) and ``,`` with a decimal point in every language.
"""

from __future__ import annotations

import io

import geopandas as gpd
import numpy as np
import pandas as pd

from geo import text, vocab
from geo.i18n import _, language, pgettext
from geo.incidents.readable import PROVENANCE_LABELS
from geo.incidents.table import COLUMNS

#: Derived columns exported beside the stored ones.
DERIVED_COLUMNS: tuple[str, ...] = ("year", "month", "city", "municipality_name", "region_name")


def column_labels() -> dict[str, str]:
    """The CSV downloads' column headers in the current language. In English they are the field
    names themselves (as the data card and a re-import know them); French and Dutch readers get
    words. GeoJSON property names are always the field names."""
    return {
        "site_id": pgettext("CSV column", "site_id"), "event_id": pgettext("CSV column", "event_id"), "date": pgettext("CSV column", "date"),
        "date_precision": pgettext("CSV column", "date_precision"),
        "source_date_precision": pgettext("CSV column", "source_date_precision"), "kind": pgettext("CSV column", "kind"),
        "plot": pgettext("CSV column", "plot"), "link": pgettext("CSV column", "link"), "connection": pgettext("CSV column", "connection"),
        "networks": pgettext("CSV column", "networks"), "n_arrested": pgettext("CSV column", "n_arrested"),
        "traveled": pgettext("CSV column", "traveled"), "weapon": pgettext("CSV column", "weapon"), "target": pgettext("CSV column", "target"),
        "place": pgettext("CSV column", "place"), "municipality_nis": pgettext("CSV column", "municipality_nis"),
        "region_nis": pgettext("CSV column", "region_nis"), "lat": pgettext("CSV column", "lat"), "lon": pgettext("CSV column", "lon"),
        "geo_precision": pgettext("CSV column", "geo_precision"), "source_geo_precision": pgettext("CSV column", "source_geo_precision"),
        "provenance": pgettext("CSV column", "provenance"), "source": pgettext("CSV column", "source"),
        "description": pgettext("CSV column", "description"), "year": pgettext("CSV column", "year"), "month": pgettext("CSV column", "month"),
        "city": pgettext("CSV column", "city"), "municipality_name": pgettext("CSV column", "municipality_name"),
        "region_name": pgettext("CSV column", "region_name"), "killed": pgettext("CSV column", "killed"),
        "injured": pgettext("CSV column", "injured"),
        # count tables
        "code": pgettext("CSV column", "code"), "name_nl": pgettext("CSV column", "name_nl"), "name_fr": pgettext("CSV column", "name_fr"),
        "population": pgettext("CSV column", "population"), "count": pgettext("CSV column", "count"),
        "per_100k": pgettext("CSV column", "per_100k"), "small": pgettext("CSV column", "small"),
    }


#: Field separator and decimal mark of a CSV for people, per language (the separator is the list
#: separator a French- or Dutch-language spreadsheet in Belgium expects, since it writes decimal commas).
CSV_DIALECTS = {"en": (",", "."), "fr": (";", ","), "nl": (";", ",")}
#: Columns whose codes a people's CSV writes in words (translated): column → code → words.
VALUE_LABELS = {
    "kind": vocab.KIND_LABELS, "link": vocab.LINK_LABELS, "connection": vocab.CONNECTION_LABELS,
    "date_precision": vocab.DATE_PRECISION_LABELS, "source_date_precision": vocab.DATE_PRECISION_LABELS,
    "geo_precision": vocab.GEO_PRECISION_LABELS, "source_geo_precision": vocab.GEO_PRECISION_LABELS,
    "provenance": PROVENANCE_LABELS, "traveled": vocab.TRAVELED_LABELS,
}
#: Columns a people's CSV leaves out: region codes (02000…) that a spreadsheet reads as the number
#: 2000; ``region_name`` names the region.
MACHINE_ONLY: tuple[str, ...] = ("region_nis",)


def dialect() -> tuple[str, str]:
    """(field separator, decimal mark) of a CSV for people in the current language."""
    return CSV_DIALECTS.get(language(), CSV_DIALECTS["en"])


def _in_words(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with coded values in the reader's words: kinds, links, precisions, provenance,
    ``traveled`` and booleans (yes/no), region names by code. Other cells unchanged."""
    out = frame.copy()
    yes_no = {True: _("yes"), False: _("no")}
    for col in out.columns:
        s = out[col]
        if col in VALUE_LABELS:
            words = {code: _(label) for code, label in VALUE_LABELS[col].items()}
            out[col] = s.map(lambda v, words=words: words.get(v, v) if isinstance(v, str) else v)
        elif pd.api.types.is_bool_dtype(s):
            out[col] = s.map(yes_no)
    if "region_name" in out and "region_nis" in frame:
        regions = {code: _(name) for code, name in vocab.REGION_NAMES_EN.items()}
        out["region_name"] = frame["region_nis"].map(regions).fillna(out["region_name"])
    return out.drop(columns=[c for c in MACHINE_ONLY if c in out.columns])


def _labelled(frame: pd.DataFrame) -> pd.DataFrame:
    labels = column_labels()
    return frame.rename(columns={c: labels.get(c, c) for c in frame.columns})


def export_columns(frame: pd.DataFrame) -> list[str]:
    """The stored columns (in the data file's order), then the derived ones the frame has."""
    return [c for c in (*COLUMNS, *DERIVED_COLUMNS) if c in frame.columns]


def _as_text_table(frame: pd.DataFrame, *, bool_text: bool = True) -> pd.DataFrame:
    """Dates as YYYY-MM-DD, booleans as true/false (as stored; kept boolean unless
    ``bool_text``), lists joined with ';'."""
    out = pd.DataFrame(index=frame.index)
    for col in frame.columns:
        s = frame[col]
        if pd.api.types.is_datetime64_any_dtype(s):
            out[col] = s.dt.strftime("%Y-%m-%d").fillna("")
        elif pd.api.types.is_bool_dtype(s) and bool_text:
            out[col] = s.map({True: "true", False: "false"})
        elif s.dtype == object and s.map(lambda v: isinstance(v, (list, tuple))).any():
            out[col] = s.map(lambda v: ";".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
        else:
            out[col] = s
    return out


def _guarded_table(frame: pd.DataFrame) -> pd.DataFrame:
    table = _as_text_table(frame)
    for col in table.columns:
        if not pd.api.types.is_numeric_dtype(table[col]):
            table[col] = table[col].map(text.guard_cell)
    return table


def _csv_bytes(table: pd.DataFrame, *, sep: str = ",", decimal: str = ".") -> bytes:
    buf = io.StringIO()
    table.to_csv(buf, index=False, lineterminator="\r\n", sep=sep, decimal=decimal)
    return buf.getvalue().encode("utf-8-sig")


def _for_people(table: pd.DataFrame) -> bytes:
    """A table (codes, booleans still boolean) as a people's CSV in the current language."""
    sep, decimal = dialect()
    return _csv_bytes(_labelled(_guarded_table(_in_words(table))), sep=sep, decimal=decimal)


def incidents_csv(frame: pd.DataFrame, *, labelled: bool = False) -> bytes:
    """The incident rows as CSV: the stored columns and the derived ``year``, ``month``, ``city``
    (and municipality/region names), UTF-8 with BOM, formula cells guarded. ``labelled``: for
    people in the current language (headers from :func:`column_labels`, values in words, the
    language's separator and decimal mark; no ``region_nis``); else for programs (field names,
    codes, ``,`` and ``.``)."""
    table = frame[export_columns(frame)].reset_index(drop=True)
    return _for_people(table) if labelled else _csv_bytes(_guarded_table(table))


def counts_csv(counted_table: pd.DataFrame, *, labelled: bool = False) -> bytes:
    """A count table (e.g. ``Counted.table``) as CSV; rates rounded to 3 decimals; formula cells
    guarded; UTF-8 with BOM. ``labelled``: for people in the current language (headers, yes/no,
    separator and decimal mark), else for programs."""
    table = counted_table.copy().reset_index(drop=True)
    if "per_100k" in table:
        table["per_100k"] = table["per_100k"].round(3)
    return _for_people(table) if labelled else _csv_bytes(_guarded_table(table))


def incidents_geojson(frame: pd.DataFrame) -> bytes:
    """The incident rows as a GeoJSON FeatureCollection of points (``lon``/``lat``, EPSG:4326):
    every stored column and the derived ones, dates as YYYY-MM-DD text. ``geo_precision`` says
    whether a point is the site itself or a representative point of its municipality or region.
    Reads back with ``geopandas.read_file``."""
    cols = export_columns(frame)
    props = _as_text_table(frame[cols].reset_index(drop=True), bool_text=False)
    lon = pd.to_numeric(frame["lon"], errors="coerce").to_numpy(float)
    lat = pd.to_numeric(frame["lat"], errors="coerce").to_numpy(float)
    geometry = gpd.points_from_xy(lon, lat, crs="EPSG:4326")
    geometry[np.isnan(lon) | np.isnan(lat)] = None
    gdf = gpd.GeoDataFrame(props, geometry=geometry, crs="EPSG:4326")
    return gdf.to_json(na="null", drop_id=True, to_wgs84=False).encode("utf-8")

