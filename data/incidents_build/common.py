"""What every part of the build shares: the columns, the report's citation, the network names
and the templates of documented rows."""

from __future__ import annotations

COLUMNS = (
    "site_id", "event_id", "date", "date_precision", "source_date_precision", "kind", "plot",
    "link", "link_source", "connection", "networks", "n_arrested", "traveled", "weapon", "target",
    "place", "municipality_nis", "region_nis", "lat", "lon", "point_source", "geo_precision",
    "source_geo_precision", "provenance", "source", "description",
)

#: The report, as every row cites it (full reference in data/README.md).
REPORT = "CTC report 'Beyond the Caliphate: Belgium' (Van Vlierden, Lewis and Rassler, 2018)"

# --------------------------------------------------------------------------------------------
# Documented rows: real dates and places, each with citations (outlet, date, address).
# Arrest sites are given to the municipality at most (lat/lon empty: the loader places them on a
# representative point); only attacks on public places carry a point. ``source_date_precision``
# and ``source_geo_precision`` record what the cited sources give; a row never claims more
# (``date_precision`` and ``geo_precision`` may be coarser, never finer: see checks.py).
# n_arrested of a documented arrest action counts the people the sources say were charged or
# placed under arrest warrant in it (the report counted only people indicted).
# ``link_source`` says where the row's link (linked or inspired) comes from: ``press`` where the
# cited pages tie the people or the action to the Islamic State, ``court`` where a cited judgment
# does, ``report`` where it rests on the report alone (its Table 1 or its text). ``point_source``
# is the address of a page that gives a point row's position; every other row leaves it empty.
# No cited address contains the name of a person; no description names one (tested).
# --------------------------------------------------------------------------------------------

ATTACK = dict(kind="attack", plot="false", connection="", networks="", n_arrested="0",
              traveled="unknown", provenance="documented", geo_precision="point",
              date_precision="day", source_date_precision="day", source_geo_precision="point",
              link_source="report", point_source="")
ARREST = dict(kind="arrest_action", provenance="documented", geo_precision="municipality",
              date_precision="day", source_date_precision="day",
              source_geo_precision="municipality", lat="", lon="", weapon="", target="",
              networks="", plot="false", traveled="unknown", municipality_nis="",
              link_source="press", point_source="")
BXL_REGION = dict(region_nis="04000", municipality_nis="", geo_precision="region")


def arrest(**fields: str) -> dict[str, str]:
    return dict(ARREST, **fields)


#: Brussels incidents with municipality detail are 20 of 62 in the report (Molenbeek 9,
#: Schaerbeek 5, six elsewhere). Documented Brussels arrests beyond those six, whose sources name
#: a municipality (Laeken in the City of Brussels, twice, and the prosecutor's office), keep the
#: report's split: they are given at region precision and their place names what the source says.
BEYOND_DETAIL = "; kept at region precision, see the data card)"

Z, P, B, V = "Zerkani network", "Paris cell", "Brussels cell", "Verviers cell"
J, O, M, A = "Jumet cell", "Ostend Chechen network", "Maaseik network", "Argenteuil cell"  # noqa: E741
W, K = "The Way of Life", "Kamikaze Riders"
L, I = "linked", "inspired"  # noqa: E741
lc, do, bo, uk = "local_cell", "deployed_operative", "both", "unknown"
T, U = "true", "unknown"
SP = "unspecified"
