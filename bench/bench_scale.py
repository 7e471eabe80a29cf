"""Scale: the point lookup, counting a million incidents, and the national map's payload.

Each figure with a baseline is a ratio measured in the same run, on the same data, with the
runs of the two sides interleaved (this machine is shared: medians, never single runs).

- **lookup vs spatial join**: 1,000,000 (and 100,000) seeded random points over Belgium's
  bounding box. Baseline: ``geopandas.sjoin(points, municipalities, predicate="within",
  how="left")`` on a point frame built beforehand (not timed: the strict comparison); the detail
  also gives the baseline with ``points_from_xy`` timed, since :meth:`geo.admin.lookup.PointIndex.codes_at`
  starts from the coordinate arrays. Ours: the grid (built once per process: the first call
  pays for it, shown as its own row, with the baseline of the same run). Answers must be
  identical point for point for every method (a random point on a border has probability zero;
  the border rule is tested in ``tests/admin/test_lookup.py``). The STRtree path (``method="tree"``) is
  in the detail.
- **counting 1,000,000 incidents**: a synthetic incident table (see
  :func:`synthetic_incidents`), already in memory; ``count_by_unit`` (municipalities, sites)
  and ``count_by_unit_and_period`` (municipality × month), median of 5 after a warm-up. The
  detail gives ``unit="events"`` and the same table with plain ``object`` strings instead of
  pandas' string dtype (what a hand-built frame has).
- **national map payload vs explore()**: what the app's map needs for /belgium, the geometry file
  (fetched once) plus one update's values (``bench_app.map_payload``), against the HTML of
  the one-liner ``units.merge(counts).explore(column="count")`` for the same counts.

Runs in about a minute or two on 2 busy cores.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

N_LARGE = 1_000_000
N_SMALL = 100_000
SEED = 20160322


# ----------------------------------------------------------------------------- data
def random_points(n: int, *, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """``n`` uniform random points over the municipalities' bounding box (EPSG:4326)."""
    from geo.admin import boundaries

    minx, miny, maxx, maxy = boundaries.units("municipality").total_bounds
    rng = np.random.default_rng(seed)
    return rng.uniform(minx, maxx, n), rng.uniform(miny, maxy, n)


def synthetic_incidents(n: int, *, seed: int = 7) -> pd.DataFrame:
    """An incident table of ``n`` sites with the columns :mod:`geo.incidents.aggregate` uses, shaped like
    ``incidents.load_incidents()`` (pandas string columns, derived ``year`` and ``month``).

    Sites are uniform random points in Belgium, located with the boundaries' point index
    (:meth:`geo.admin.lookup.PointIndex.codes_at`).
    About 10 % of events have two sites; 90 % of rows are at ``point`` precision, 5 % at
    ``municipality`` and 5 % known only to the region (no municipality code); 5 % of rows are
    dated only to the year (``month`` empty), the rest to the day, 2014–2017."""
    from geo.admin import boundaries

    rng = np.random.default_rng(seed)
    lon, lat = random_points(int(n * 2.3) + 1000, seed=seed)
    codes = boundaries.current().index("municipality").codes_at(lon, lat)
    keep = np.flatnonzero(codes != None)[:n]  # noqa: E711 (elementwise)
    if len(keep) < n:
        raise RuntimeError("not enough random points fell in Belgium")
    lon, lat, codes = lon[keep], lat[keep], codes[keep].astype(str)
    region = boundaries.municipalities().set_index("nis")["reg_nis"].reindex(codes).to_numpy(dtype=str)
    draw = rng.random(n)
    precision = np.where(draw < 0.90, "point", np.where(draw < 0.95, "municipality", "region"))
    nis = np.where(precision == "region", "", codes)
    second_site = rng.random(n) < 0.1
    second_site[0] = False
    event_number = np.cumsum(~second_site)  # a second site shares the previous row's event
    date = pd.Timestamp("2014-01-01") + pd.to_timedelta(rng.integers(0, 4 * 365, n), unit="D")
    date_precision = np.where(rng.random(n) < 0.05, "year", "day")
    kind = np.where(rng.random(n) < 0.05, "attack", "arrest_action")
    frame = pd.DataFrame({
        "site_id": np.char.add("S", np.arange(n).astype(str)),
        "event_id": np.char.add("E", event_number.astype(str)),
        "date": date,
        "date_precision": date_precision,
        "kind": kind,
        "place": np.char.add("synthetic ", codes),
        "municipality_nis": nis,
        "region_nis": region,
        "lat": lat,
        "lon": lon,
        "geo_precision": precision,
        "provenance": np.where(rng.random(n) < 0.2, "reconstructed", "documented"),
    })
    frame["year"] = frame["date"].dt.year.astype("int64")
    frame["month"] = np.where(date_precision == "year", "", frame["date"].dt.strftime("%Y-%m"))
    text = [c for c in frame.columns if frame[c].dtype == object or c == "month"]
    return frame.astype({c: "str" for c in text})


# ----------------------------------------------------------------------------- timing
def _interleaved(fns: dict[str, Callable[[], object]], repeat: int) -> dict[str, list[float]]:
    """Each function ``repeat`` times, in turns (A B C A B C…), so load from other jobs on the
    machine hits every side alike."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            t = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t)
    return times


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _ratio(value: float, unit: str, target: str, ok: bool | None, note: str) -> dict:
    return {"value": value, "unit": unit, "target": target, "ok": ok, "note": note}


# ----------------------------------------------------------------------------- lookup
def lookup_figures(n: int, *, repeat: int, cold_repeat: int) -> dict:
    import geopandas as gpd

    from geo.admin import boundaries, lookup

    lon, lat = random_points(n)
    munis = boundaries.municipalities()[["nis", "geometry"]]

    def baseline():
        points = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon, lat), crs=boundaries.CRS)
        joined = gpd.sjoin(points, munis, predicate="within", how="left")
        codes = joined["nis"].to_numpy(dtype=object)
        return np.where(pd.isna(codes), None, codes), joined.index.is_unique

    prebuilt = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon, lat), crs=boundaries.CRS)

    def sjoin_only():
        return gpd.sjoin(prebuilt, munis, predicate="within", how="left")

    def cold():  # a new index: prepared geometries, tree and grid built again
        return lookup.PointIndex(boundaries.units("municipality")).codes_at(lon, lat, method="grid")

    index = boundaries.current().index("municipality")
    expected, unique = baseline()
    cold_times = _interleaved({"cold": cold}, cold_repeat)["cold"]
    grid = index.codes_at(lon, lat, method="grid")
    tree = index.codes_at(lon, lat, method="tree")
    auto = index.codes_at(lon, lat)
    mismatches = {name: int((got != expected).sum()) for name, got in
                  (("grid", grid), ("tree", tree), ("auto", auto))}
    times = _interleaved({
        "baseline": baseline,
        "sjoin": sjoin_only,
        "grid": lambda: index.codes_at(lon, lat, method="grid"),
        "tree": lambda: index.codes_at(lon, lat, method="tree"),
    }, repeat)
    med = {k: _median(v) for k, v in times.items()}
    return {
        "n": n,
        "inside": int((expected != None).sum()),  # noqa: E711
        "unique": bool(unique),
        "mismatches": mismatches,
        "median": med,
        "cold": _median(cold_times),
        "repeat": repeat,
        "cold_repeat": cold_repeat,
        "grid_stats": index.grid_stats(),
    }


# ----------------------------------------------------------------------------- counting
def aggregation_figures(n: int = N_LARGE, *, repeat: int = 5) -> dict:
    from geo.incidents import aggregate

    t = time.perf_counter()
    frame = synthetic_incidents(n)
    built = time.perf_counter() - t
    plain = frame.astype({c: object for c in frame.columns if str(frame[c].dtype) == "str"})
    fns = {
        "by_unit": lambda f: aggregate.count_by_unit(f, level="municipality"),
        "by_month": lambda f: aggregate.count_by_unit_and_period(f, level="municipality", period="month"),
        "by_unit_events": lambda f: aggregate.count_by_unit(f, level="municipality", unit="events"),
        "by_month_events": lambda f: aggregate.count_by_unit_and_period(
            f, level="municipality", period="month", unit="events"),
    }
    out: dict = {"n": n, "built": built}
    for label, f in (("str", frame), ("object", plain)):
        for fn in fns.values():
            fn(f)  # warm-up (fills the boundary caches)
        times = _interleaved({name: (lambda fn=fn, f=f: fn(f)) for name, fn in fns.items()}, repeat)
        out[label] = {name: _median(v) for name, v in times.items()}
    # A sanity check that the counts are the counts (the test does it properly).
    counted = aggregate.count_by_unit(frame, level="municipality")
    out["consistent"] = counted.total + len(counted.not_counted) == n
    return out


# ----------------------------------------------------------------------------- payload
def payload_figures() -> dict:
    from bench.bench_app import map_payload
    from geo.admin import boundaries
    from geo.incidents import aggregate, table
    from geo.incidents.filters import Filters
    from geo.maps import views

    page = map_payload()
    rows = Filters().apply(table.load_incidents())
    counted = aggregate.count_by_unit(rows, level="municipality")
    counts = counted.table[["code", "count"]]
    out = {"page": page["total"], "values": page["values"]}
    for label, units in (("full", boundaries.units("municipality")),
                         ("web", views.view_units("belgium", level="municipality", web=True))):
        t = time.perf_counter()
        html = units.merge(counts, on="code").explore(column="count").get_root().render()
        out[f"explore_{label}"] = len(html.encode())
        out[f"explore_{label}_s"] = time.perf_counter() - t
        if label == "full":
            # scripts and stylesheets explore() pulls from other hosts (the page pulls none)
            out["explore_remote"] = len(set(re.findall(r"""(?:src|href)=["'](https?://[^"']+)""", html)))
    return out


# ----------------------------------------------------------------------------- entry
def lookup_cell() -> float:
    from geo.admin import lookup

    return lookup.CELL


def run() -> dict:
    started = time.perf_counter()
    large = lookup_figures(N_LARGE, repeat=5, cold_repeat=3)
    small = lookup_figures(N_SMALL, repeat=9, cold_repeat=5)
    agg = aggregation_figures(N_LARGE)
    pay = payload_figures()
    print(f"bench_scale: {time.perf_counter() - started:.0f} s", file=sys.stderr)

    figures: dict = {}
    for fig in (large, small):
        n, med = fig["n"], fig["median"]
        same = all(v == 0 for v in fig["mismatches"].values()) and fig["unique"]
        answers = "identical answers" if same else f"MISMATCHES {fig['mismatches']}"
        ratio = med["sjoin"] / med["grid"]
        cold_ratio = med["sjoin"] / fig["cold"]
        grid = fig["grid_stats"]
        figures[f"scale: lookup of {n:,} points, speed-up over geopandas sjoin (within)"] = _ratio(
            ratio, "×", "≥ 2×", ratio >= 2 and same,
            f"sjoin {med['sjoin']:.3f} s (points built beforehand, not timed) vs lookup from lon/lat "
            f"{med['grid']:.3f} s (grid built); with points_from_xy timed too, sjoin takes "
            f"{med['baseline']:.3f} s ({med['baseline'] / med['grid']:.0f}×); STRtree path "
            f"{med['tree']:.3f} s; {answers} on all {n:,} points ({fig['inside']:,} in Belgium); "
            f"medians of {fig['repeat']}, interleaved")
        figures[f"scale: lookup of {n:,} points, speed-up over sjoin, first call in a process"] = _ratio(
            cold_ratio, "×", "≥ 2×" if n >= N_LARGE else "–", (cold_ratio >= 2 and same) if n >= N_LARGE else None,
            f"grid build + lookup {fig['cold']:.3f} s (median of {fig['cold_repeat']}) vs sjoin "
            f"{med['sjoin']:.3f} s; grid of {grid['cells']:,} cells of {lookup_cell():g}°: "
            f"{grid['interior']:,} interior, {grid['border']:,} border, {grid['outside']:,} outside")
    s, o = agg["str"], agg["object"]
    n = agg["n"]
    figures[f"scale: count_by_unit, {n:,} incidents, municipalities"] = _ratio(
        s["by_unit"], "s", "< 1 s", s["by_unit"] < 1 and agg["consistent"],
        f"median of 5 after a warm-up; unit=events {s['by_unit_events']:.2f} s; with object strings "
        f"{o['by_unit']:.2f} s (events {o['by_unit_events']:.2f} s)")
    figures[f"scale: count_by_unit_and_period, {n:,} incidents, municipality × month"] = _ratio(
        s["by_month"], "s", "< 1 s", s["by_month"] < 1,
        f"median of 5 after a warm-up; unit=events {s['by_month_events']:.2f} s; with object strings "
        f"{o['by_month']:.2f} s (events {o['by_month_events']:.2f} s); synthetic table built in "
        f"{agg['built']:.1f} s")
    kb = 1024
    smaller = pay["explore_full"] / pay["page"]
    figures["scale: national map payload, how many times smaller than GeoDataFrame.explore()"] = _ratio(
        smaller, "×", "> 1×", smaller > 1,
        f"page {pay['page'] / kb:,.0f} KB of JSON (the geometry file, fetched once, and one update's values, "
        f"{pay['values'] / kb:,.1f} KB) vs units.merge(counts).explore(column='count') "
        f"{pay['explore_full'] / kb:,.0f} KB of HTML (full-resolution units; {pay['explore_web'] / kb:,.0f} KB "
        f"on the page's simplified units); explore() also loads {pay['explore_remote']} scripts and "
        "stylesheets from other hosts, the page none")
    return figures


if __name__ == "__main__":
    for name, fig in run().items():
        verdict = "" if fig["ok"] is None else f", {'met' if fig['ok'] else 'missed'}"
        print(f"{name}: {fig['value']:.3f} {fig['unit']} (target {fig['target']}{verdict}) {fig['note']}")
