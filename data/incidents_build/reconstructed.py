"""Reconstructed arrest actions: one line each, at municipality or region precision, allocated so
that the report's figures hold (data/README.md states every assumption)."""

from __future__ import annotations

from collections import Counter

from .common import REPORT, A, B, J, M, O, P, V, W, Z  # noqa: F401

# --------------------------------------------------------------------------------------------
# Reconstructed arrest actions: one line each. Places at municipality or region precision.
# --------------------------------------------------------------------------------------------

#: key: (place text, municipality NIS or "", region NIS, geo_precision, figure served)
PLACES: dict[str, tuple[str, str, str, str, str]] = {
    "brussels": ("Brussels-Capital Region (municipality not known)", "", "04000", "region",
                 "text: 62 incidents in Brussels, 42 of them without municipality detail"),
    "molenbeek": ("Molenbeek-Saint-Jean", "21012", "", "municipality",
                  "text: 20 Brussels incidents with municipality detail, 45% in Molenbeek"),
    "schaerbeek": ("Schaerbeek", "21015", "", "municipality",
                   "text: 20 Brussels incidents with municipality detail, 25% in Schaerbeek"),
    "charleroi": ("Charleroi", "52011", "", "municipality",
                  "text: 13 arrest actions and one attack in Charleroi"),
    "zaventem-airport": ("Brussels Airport (Zaventem)", "23094", "", "municipality",
                         "text: Zaventem (5), four of them at the airport"),
    "verviers": ("Verviers", "63079", "", "municipality", "text: Verviers (4)"),
    "antwerpen": ("Antwerp", "11002", "", "municipality",
                  "text: Antwerp (4), 11 people arrested"),
    "oostende": ("Ostend", "35013", "", "municipality", "text: Ostend (2)"),
    "liege": ("Liège", "62063", "", "municipality", "text: Liège (2)"),
    "flanders": ("Flanders (municipality not known)", "", "02000", "region",
                 "text: no city named; region-precision row (every other city at most one)"),
    "wallonia": ("Wallonia (municipality not known)", "", "03000", "region",
                 "text: no city named; region-precision row (every other city at most one)"),
}
_REGION_OF = {"21": "04000", "23": "02000", "52": "03000", "63": "03000", "11": "02000",
              "35": "02000", "62": "03000"}


L, I = "linked", "inspired"  # noqa: E741
lc, do, bo, uk = "local_cell", "deployed_operative", "both", "unknown"
T, U = "true", "unknown"
SP = "unspecified"

#: One line per reconstructed arrest action:
#: (year, place key, link, connection, networks, plot, n_arrested, traveled, weapon, target)
RECONSTRUCTED: list[tuple] = [
    # --- Brussels-Capital Region, region precision (27) ---------------------------------------
    # Zerkani network (13 links; one action also tied to the Brussels cell).
    (2014, "brussels", L, lc, Z, 0, 1, T, "", ""),
    (2014, "brussels", L, lc, Z, 0, 1, T, "", ""),
    (2014, "brussels", L, lc, Z, 0, 1, T, "", ""),
    (2014, "brussels", L, lc, Z, 0, 1, T, "", ""),
    (2014, "brussels", L, lc, Z, 0, 1, U, "", ""),
    (2015, "brussels", L, lc, Z, 0, 1, T, "", ""),
    (2015, "brussels", L, lc, Z, 0, 1, T, "", ""),
    (2015, "brussels", L, lc, Z, 0, 1, T, "", ""),
    (2015, "brussels", L, lc, Z, 0, 1, T, "", ""),
    (2015, "brussels", L, lc, Z, 0, 1, U, "", ""),
    (2016, "brussels", L, lc, Z, 0, 1, T, "", ""),
    (2016, "brussels", L, lc, Z, 0, 1, T, "", ""),
    (2016, "brussels", L, do, Z + ";" + B, 0, 1, T, "", ""),
    # Paris cell (12 links: all documented).
    # Brussels cell (10 links: 5 documented, 1 on the Zerkani action above, 4 here; the deployed
    # operatives' rows stand for the coordinators' circle of the March 2016 attacks).
    (2016, "brussels", L, do, B, 1, 1, T, SP, SP),
    (2016, "brussels", L, do, B, 1, 1, T, SP, SP),
    (2016, "brussels", L, bo, B, 1, 1, T, "", ""),
    (2016, "brussels", L, do, B, 1, 1, T, "", ""),
    # Verviers cell (6: 3 documented, 1 here, 2 in Verviers below).
    (2015, "brussels", L, do, V, 0, 1, T, "", ""),
    # Jumet cell (4: 2 documented, one in Charleroi and one in Brussels; 2 here).
    (2016, "brussels", L, lc, J, 1, 1, T, "", ""),
    (2016, "brussels", L, lc, J, 0, 1, T, "", ""),
    # Argenteuil cell (3: all documented).
    # No network (6 linked, 1 inspired).
    (2014, "brussels", L, lc, "", 0, 1, T, "", ""),
    (2015, "brussels", L, lc, "", 0, 1, T, "", ""),
    (2015, "brussels", L, lc, "", 0, 1, T, "", ""),
    (2016, "brussels", L, lc, "", 1, 1, T, "", ""),
    (2016, "brussels", L, lc, "", 0, 1, T, "", ""),
    (2016, "brussels", L, lc, "", 0, 1, T, "", ""),
    # Inspired (the Brussels region's; the other Brussels one is in Molenbeek below).
    (2016, "brussels", I, "", "", 0, 2, U, "", ""),
    # --- Brussels with municipality detail (6 of the 20; 14 are documented) -----------------
    (2014, "molenbeek", L, lc, "", 0, 1, T, "", ""),
    (2015, "schaerbeek", L, lc, "", 0, 1, T, "", ""),
    (2016, "molenbeek", I, "", "", 1, 2, U, "", ""),
    (2017, "molenbeek", L, lc, "", 0, 1, U, "", ""),
    (2017, "molenbeek", L, lc, "", 0, 1, U, "", ""),
    (2017, "schaerbeek", L, lc, "", 0, 1, U, "", ""),
    # --- Charleroi (9 of 13 arrest actions; 2 inspired; the arrest at Charleroi airport is
    # documented: 8 March 2015) --------------------------------------------------------------
    (2016, "charleroi", L, lc, "", 0, 1, U, "", ""),
    (2015, "charleroi", I, "", "", 0, 2, T, "", ""),
    (2016, "charleroi", L, lc, "", 1, 1, T, "", ""),
    (2016, "charleroi", L, lc, "", 0, 1, T, "", ""),
    (2016, "charleroi", L, lc, "", 0, 1, T, "", ""),
    (2016, "charleroi", L, lc, "", 0, 1, U, "", ""),
    (2016, "charleroi", L, lc, "", 0, 1, T, "", ""),
    (2017, "charleroi", L, lc, "", 0, 1, T, "", ""),
    (2017, "charleroi", I, "", "", 0, 1, U, "", ""),
    # --- Zaventem (2 of 4 arrest actions, both at the airport; 2 documented) ---------------
    (2014, "zaventem-airport", L, lc, "", 0, 1, U, "", ""),
    (2016, "zaventem-airport", I, "", "", 0, 1, U, "", ""),
    # --- Verviers (3 of 4), Antwerp (2 of 4, 4 of the 11 arrested), Ostend (1), Liège (1 of 2) -
    (2014, "antwerpen", L, lc, "", 0, 2, U, "", ""),
    (2015, "verviers", L, do, V, 0, 1, U, "", ""),
    (2015, "verviers", L, do, V, 0, 1, U, "", ""),
    (2015, "antwerpen", L, lc, "", 0, 2, U, "", ""),
    (2015, "liege", I, "", "", 0, 1, U, "", ""),
    (2016, "verviers", L, do, "", 0, 1, U, "", ""),
    (2016, "oostende", L, lc, O, 0, 1, U, "", ""),
    # --- No city named by the report: Flanders (6), region precision (Wallonia's is documented) -
    (2014, "flanders", L, lc, M, 0, 1, U, "", ""),
    (2015, "flanders", L, lc, M, 0, 1, U, "", ""),
    (2015, "flanders", L, lc, W, 0, 1, U, "", ""),
    (2015, "flanders", L, lc, W, 0, 1, U, "", ""),
    (2016, "flanders", L, lc, O, 0, 1, U, "", ""),
    (2016, "flanders", L, lc, O, 0, 1, U, "", ""),
]

_REGION_WORDS = {"04000": "the Brussels-Capital Region", "02000": "Flanders", "03000": "Wallonia"}


def served(year: int, key: str, link: str, connection: str, networks: str, plot: int,
            traveled: str, weapon: str, target: str) -> str:
    """The report figures a reconstructed row serves, in words (its ``source``)."""
    parts = [f"Figure 1 ({year})", PLACES[key][4]]
    if networks:
        parts.append("Table 1 (" + ", ".join(networks.split(";")) + ")")
    if link == "inspired":
        parts.append("text: 9 inspired arrest actions, 14 arrested")
    else:
        parts.append({"local_cell": "text: 60 of 70 linked actions via a local cell",
                      "deployed_operative": "text: 13 of 70 linked actions with a deployed "
                                            "operative",
                      "both": "text: local cell (60) and deployed operative (13) overlap",
                      "unknown": "text: 24 of 94 linked actions without connection detail"}
                     [connection])
    if plot:
        parts.append("text: 18 plots, 72% of them in 2016")
    if traveled == "true":
        parts.append("text: traveller shares (Brussels 44%, Charleroi 50%)")
    if weapon:
        parts.append("text: weapons known for 8 incidents")
    if target:
        parts.append("text: targets known for 9 incidents")
    return REPORT + ": " + "; ".join(parts)


def reconstructed_rows() -> list[dict[str, str]]:
    rows, seq = [], Counter()
    for year, key, link, connection, networks, plot, n_arrested, traveled, weapon, target \
            in RECONSTRUCTED:
        place, nis, region, precision, _ = PLACES[key]
        region = region if region in _REGION_WORDS else _REGION_OF[nis[:2]]
        seq[(year, key)] += 1
        stem = f"R{year}-{key}-{seq[(year, key)]:02d}"
        where = (f"in {place}" if precision == "municipality"
                 else f"in {_REGION_WORDS[region]} (municipality not known)")
        note = ""
        if networks and "Jumet cell" in networks:
            note = (" A Jumet cell action whose arrest place is not on the record: placed in the"
                    " Brussels region, where most of the cell's defendants lived (assumption).")
        rows.append({
            "site_id": "S-" + stem, "event_id": "E-" + stem,
            "date": f"{year}-01-01", "date_precision": "year", "source_date_precision": "",
            "kind": "arrest_action",
            "plot": "true" if plot else "false", "link": link, "link_source": "report",
            "connection": connection,
            "networks": networks, "n_arrested": str(n_arrested), "traveled": traveled,
            "weapon": weapon, "target": target, "place": place, "municipality_nis": nis,
            "region_nis": region, "lat": "", "lon": "", "point_source": "",
            "geo_precision": precision,
            "source_geo_precision": "", "provenance": "reconstructed",
            "source": served(year, key, link, connection, networks, plot, traveled, weapon,
                              target),
            "description": (f"Arrest action {where}, reconstructed from the report's aggregates;"
                            f" not a specific documented event.{note}"),
        })
    return rows


