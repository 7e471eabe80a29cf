"""Import timings: 100,000 generated incidents with coordinates across Belgium.

The rows are made here with a seeded random generator (nothing downloaded): points drawn in
Belgium's bounding box and kept when they fall in a municipality, dates over 2014-2017 in the
three precisions, GTD-like categories. Timed: ``import_table`` on the raw text table (validation,
geocoding by coordinates, crosswalk, derived columns), and ``import_file`` on the same table
written as CSV (reading, sniffing and decoding included). Target: under 10 s.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd

N_ROWS = 100_000
TARGET_S = 10.0
SEED = 20160322


def make_table(n: int = N_ROWS, *, seed: int = SEED) -> pd.DataFrame:
    """A raw text table as :func:`geo.io.readers.formats.read_table` would return it (index ``row``)."""
    import shapely

    from geo.admin import boundaries

    rng = np.random.default_rng(seed)
    lats: list[np.ndarray] = []
    lons: list[np.ndarray] = []
    have = 0
    while have < n:
        lat = rng.uniform(49.49, 51.51, n)
        lon = rng.uniform(2.54, 6.41, n)
        inside = np.array([c is not None for c in boundaries.units_containing(shapely.points(lon, lat))])
        lats.append(lat[inside])
        lons.append(lon[inside])
        have += int(inside.sum())
    lat = np.concatenate(lats)[:n]
    lon = np.concatenate(lons)[:n]
    days = pd.Timestamp("2014-01-01") + pd.to_timedelta(rng.integers(0, 4 * 365, n), unit="D")
    form = rng.choice(["day", "month", "year"], size=n, p=[0.8, 0.15, 0.05])
    dates = np.where(form == "day", days.strftime("%Y-%m-%d"),
                     np.where(form == "month", days.strftime("%m/%Y"), days.strftime("%Y")))
    kinds = rng.choice(["Bombing/Explosion", "Armed Assault", "arrest", "complot", "Riots", ""], size=n)
    raw = pd.DataFrame({
        "id": [f"B{i:06d}" for i in range(n)],
        "date": dates,
        "latitude": np.round(lat, 5).astype(str),
        "longitude": np.round(lon, 5).astype(str),
        "type": kinds,
        "description": [f"Generated incident {i}" for i in range(n)],
    }, dtype=object)
    raw.index = pd.Index(np.arange(n) + 2, name="row")
    return raw


def run() -> dict[str, float]:
    from geo.admin import boundaries
    from geo.io.mapping import suggest_mapping
    from geo.io.pipeline import import_file, import_table

    boundaries.municipalities()  # warm: reading the boundary file is timed elsewhere
    raw = make_table()
    mapping = suggest_mapping(raw.columns)
    import_table(raw.head(50), mapping=mapping, filename="warm.csv")  # warm lookups

    t = time.perf_counter()
    result = import_table(raw, mapping=mapping, filename="bench.csv")
    table_s = time.perf_counter() - t
    assert result.summary["rows_in"] == result.summary["accepted"] + result.summary["rejected"]
    assert result.summary["accepted"] == len(raw), result.summary

    data = raw.to_csv(index=False).encode("utf-8")
    t = time.perf_counter()
    from_file = import_file(data, filename="bench.csv", mapping=mapping)
    file_s = time.perf_counter() - t
    assert from_file.summary["accepted"] == len(raw)
    return {
        f"import: import_table, {len(raw):,} rows geocoded by coordinates": {
            "value": table_s, "unit": "s", "target": f"< {TARGET_S:.0f} s", "ok": table_s < TARGET_S,
            "note": "validation (pandera), geocoding, crosswalk, derived columns"},
        f"import: import_file, the same rows as a {len(data) / 1e6:.1f} MB CSV": {
            "value": file_s, "unit": "s", "target": f"< {TARGET_S:.0f} s", "ok": file_s < TARGET_S,
            "note": "decoding, delimiter sniffing and reading included"},
        "import: rows per second (import_table)": int(len(raw) / table_s),
    }


if __name__ == "__main__":
    for name, value in run().items():
        if isinstance(value, dict):
            print(f"{name}: {value['value']:.2f} {value['unit']} (target {value['target']})")
        else:
            print(f"{name}: {value:,}")
