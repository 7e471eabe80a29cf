"""The checks run on the built rows before anything is written: the precision rule and the
report's figures, recomputed in pure Python (independent of ``geo``)."""

from __future__ import annotations

import re
from collections import Counter

from .common import A, B, J, K, M, O, P, V, W, Z

_DATE_RANK = {"year": 0, "month": 1, "day": 2}
_GEO_RANK = {"region": 1, "municipality": 2, "point": 3}


def check_precision(rows: list[dict[str, str]]) -> None:
    """No documented row claims more than its sources give; reconstructed rows record no
    source precision (geo.incidents.table checks the same rule when the table is loaded)."""
    wrong = []
    for r in rows:
        sd, sg = r["source_date_precision"], r["source_geo_precision"]
        if r["provenance"] == "documented":
            if sd not in _DATE_RANK or sg not in _GEO_RANK:
                wrong.append(f"{r['site_id']}: source precision missing")
            elif (_DATE_RANK[r["date_precision"]] > _DATE_RANK[sd]
                  or _GEO_RANK[r["geo_precision"]] > _GEO_RANK[sg]):
                wrong.append(f"{r['site_id']}: more precise than its sources")
        elif sd or sg:
            wrong.append(f"{r['site_id']}: a reconstructed row has no source precision")
    if wrong:
        raise AssertionError("; ".join(wrong))


LINK_SOURCES = ("report", "press", "court")
_URL = re.compile(r"https?://\S+")


def check_sources(rows: list[dict[str, str]]) -> None:
    """Every documented row cites at least one address and says where its link comes from; a
    point row names the page that gives its point (``point_source``, an address also cited in
    ``source``); no other row has one. Reconstructed rows take their link from the report."""
    wrong = []
    for r in rows:
        sid, point = r["site_id"], r["point_source"]
        if r["provenance"] == "documented":
            if not _URL.search(r["source"]):
                wrong.append(f"{sid}: cites no address")
            if r["link_source"] not in LINK_SOURCES:
                wrong.append(f"{sid}: link_source must be one of {', '.join(LINK_SOURCES)}")
        elif r["link_source"] != "report":
            wrong.append(f"{sid}: a reconstructed row's link comes from the report")
        if r["geo_precision"] == "point":
            if not _URL.fullmatch(point):
                wrong.append(f"{sid}: point precision without a point_source address")
            elif point not in r["source"]:
                wrong.append(f"{sid}: point_source is not among the row's citations")
        elif point:
            wrong.append(f"{sid}: point_source on a row that is not at point precision")
    if wrong:
        raise AssertionError("; ".join(wrong))


def check_aggregates(rows: list[dict[str, str]]) -> None:
    """The report's figures, recomputed on the rows (pure Python, independent of ``geo``)."""
    events: dict[str, dict] = {}
    for r in rows:
        events.setdefault(r["event_id"], r)
    ev = list(events.values())
    aa = [e for e in ev if e["kind"] == "arrest_action"]
    at = [e for e in ev if e["kind"] == "attack"]
    linked = [e for e in aa if e["link"] == "linked"]
    inspired = [e for e in aa if e["link"] == "inspired"]
    bxl = [r for r in rows if r["region_nis"] == "04000"]
    bxl_detail = [r for r in bxl if r["geo_precision"] != "region"]
    cities = Counter(("Brussels" if r["region_nis"] == "04000" else r["municipality_nis"])
                     for r in rows if r["region_nis"] == "04000" or r["municipality_nis"])
    links = Counter(n for e in aa for n in e["networks"].split(";") if n)
    by_year = Counter(e["date"][:4] for e in ev)
    conn = Counter(e["connection"] for e in linked)
    plots = [e for e in aa if e["plot"] == "true"]
    charleroi = [r for r in rows if r["municipality_nis"] == "52011"]
    expect = {
        "events": (len(ev), 107), "attacks": (len(at), 4), "arrest actions": (len(aa), 103),
        "sites": (len(rows), 108), "arrested": (sum(int(e["n_arrested"]) for e in aa), 135),
        "brussels sites": (len(bxl), 62), "brussels detail": (len(bxl_detail), 20),
        "molenbeek": (sum(r["municipality_nis"] == "21012" for r in bxl_detail), 9),
        "schaerbeek": (sum(r["municipality_nis"] == "21015" for r in bxl_detail), 5),
        "charleroi": (cities["52011"], 14), "zaventem": (cities["23094"], 5),
        "verviers": (cities["63079"], 4), "antwerp": (cities["11002"], 4),
        "ostend": (cities["35013"], 2), "liege": (cities["62063"], 2),
        "every other city at most 1": (max((v for k, v in cities.items() if k not in {
            "Brussels", "52011", "23094", "63079", "11002", "35013", "62063"}), default=0) <= 1,
            True),
        "antwerp arrested": (sum(int(r["n_arrested"]) for r in rows
                                 if r["municipality_nis"] == "11002"), 11),
        "linked": (len(linked), 94), "inspired": (len(inspired), 9),
        "inspired arrested": (sum(int(e["n_arrested"]) for e in inspired), 14),
        "inspired attacks": (sum(e["link"] == "inspired" for e in at), 3),
        "local cell": (conn["local_cell"] + conn["both"], 60),
        "deployed": (conn["deployed_operative"] + conn["both"], 13),
        "connection known": (len(linked) - conn["unknown"] - conn[""], 70),
        "network actions": (sum(bool(e["networks"]) for e in linked), 56),
        "plots": (len(plots), 18), "plots 2016": (sum(e["date"][:4] == "2016" for e in plots), 13),
        "2014": (by_year["2014"], 10), "2015": (by_year["2015"], 37),
        "2016": (by_year["2016"], 48), "2017": (by_year["2017"], 12),
        "charleroi traveled": (sum(r["traveled"] == "true" for r in charleroi), 7),
        "brussels traveled": (sum(r["traveled"] == "true" for r in bxl), 27),
        "weapons": (sum(bool(e["weapon"]) for e in ev), 8),
        "targets": (sum(any(r["target"] for r in rows if r["event_id"] == e["event_id"])
                        for e in ev), 9),
        "zaventem airport": (sum(r["municipality_nis"] == "23094" and "Airport" in r["place"]
                                 for r in rows), 4),
    }
    table1 = {Z: 13, P: 12, B: 10, V: 6, J: 4, O: 4, M: 3, A: 3, W: 2, K: 1}
    for name, n in table1.items():
        expect[f"Table 1: {name}"] = (links[name], n)
    expect["Table 1 names"] = (sorted(links), sorted(table1))
    wrong = {k: v for k, v in expect.items() if v[0] != v[1]}
    if wrong:
        raise AssertionError("published figures not met: " + "; ".join(
            f"{k}: built {got}, report {want}" for k, (got, want) in wrong.items()))


