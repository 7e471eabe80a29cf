"""Shared fixtures: tiny hand-made geometries and incident rows, plus the real boundary file."""

from __future__ import annotations

import os

import matplotlib

matplotlib.use("Agg")
# The app under test is one local user's (as `make run`): editors only by this explicit setting.
# Tests of readers and of the proxy unset it or set ATLAS_PROXY_SECRET (which wins).
os.environ.setdefault("ATLAS_SINGLE_USER", "1")

import geopandas as gpd  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from shapely.geometry import box  # noqa: E402

from geo.incidents.table import COLUMNS, validate_incidents  # noqa: E402
from tests.support.postgis import postgis_server, postgis_url  # noqa: E402,F401  (the PostGIS store tests)
from tests.support.server import browser, server, streamlit_server  # noqa: E402,F401  (shared by the browser tests)


@pytest.fixture
def three_squares() -> gpd.GeoDataFrame:
    """Three 1°x1° municipalities side by side (codes A, B, C), EPSG:4326."""
    return gpd.GeoDataFrame(
        {
            "code": ["00001", "00002", "00003"],
            "name_nl": ["Aa", "Bee", "Cee"],
            "name_fr": ["Aa", "Bé", "Cé"],
            "reg_nis": ["02000", "02000", "03000"],
            "population": [100_000, 50_000, 1_000],
        },
        geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1), box(2, 0, 3, 1)],
        crs="EPSG:4326",
    )


def make_row(**overrides: str) -> dict[str, str]:
    """One valid documented arrest action in Molenbeek, as text; override any field.

    A documented row's sources are taken to give the day and the point (the finest), so that any
    precision a test sets is allowed; a row made ``reconstructed`` records no source precision
    unless the test sets one."""
    row = dict.fromkeys(COLUMNS, "")
    row.update(
        site_id="S1", event_id="E1", date="2016-03-18", date_precision="day", kind="arrest_action",
        plot="false", link="linked", connection="unknown", networks="", n_arrested="1",
        traveled="unknown", place="Molenbeek", municipality_nis="21012", region_nis="04000",
        geo_precision="municipality", provenance="documented", source="Test source, 2016",
        description="Arrest action", source_date_precision="day", source_geo_precision="point",
    )
    row.update(overrides)
    if row["provenance"] != "documented":
        for field in ("source_date_precision", "source_geo_precision"):
            if field not in overrides:
                row[field] = ""
    return row


def table(*rows: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=list(COLUMNS))


@pytest.fixture
def tiny_incidents() -> pd.DataFrame:
    """Six sites of five events, validated through the real loader."""
    rows = [
        make_row(site_id="S1", event_id="E1"),
        make_row(site_id="S2", event_id="E2", date="2016-01-01", date_precision="year",
                 municipality_nis="", geo_precision="region", place="Brussels",
                 provenance="reconstructed", source="report"),
        make_row(site_id="S3", event_id="E3", kind="attack", link="inspired", connection="",
                 n_arrested="0", date="2016-08-06", place="Charleroi", municipality_nis="52011",
                 region_nis="03000", geo_precision="point", lat="50.4086", lon="4.4467"),
        make_row(site_id="S4a", event_id="E4", kind="attack", date="2016-03-22", n_arrested="0",
                 place="Brussels Airport", municipality_nis="23094", region_nis="02000",
                 geo_precision="point", lat="50.8977", lon="4.4844"),
        make_row(site_id="S4b", event_id="E4", kind="attack", date="2016-03-22", n_arrested="0",
                 place="Maalbeek", municipality_nis="21004", region_nis="04000",
                 geo_precision="point", lat="50.8434", lon="4.3772"),
        make_row(site_id="S5", event_id="E5", date="2015-01-01", date_precision="year", plot="true",
                 n_arrested="3", municipality_nis="21012", provenance="reconstructed", source="report"),
    ]
    return validate_incidents(table(*rows), name="tiny.csv")
