"""Static-map timings: the national municipality PNG (screen and print) and a yearly GIF.

Uses data/incidents.csv when it loads, else 120 synthetic sites (the timing hardly depends on the
rows: every one of the 581 full-resolution municipalities is drawn either way). Cold = first call
in this process (projects and caches the geometry); warm = median of later calls."""

from __future__ import annotations

import time

from bench._timing import median_time
from geo.maps.model import MapSpec


def _incidents():
    from geo.errors import IncidentDataError
    from geo.incidents import table

    try:
        return table.load_incidents(), "data/incidents.csv"
    except IncidentDataError:
        from geo.admin.boundaries import municipalities

        codes = municipalities()[["nis", "reg_nis"]].iloc[::5].head(120)
        rows = []
        for i, (nis, reg) in enumerate(codes.itertuples(index=False)):
            row = dict.fromkeys(table.COLUMNS, "")
            row.update(site_id=f"S{i}", event_id=f"E{i}", date=f"{2014 + i % 4}-0{1 + i % 9}-01",
                       date_precision="month", kind="arrest_action", plot="false", link="linked",
                       connection="unknown", n_arrested="1", traveled="unknown", place="x",
                       municipality_nis=nis, region_nis=reg, geo_precision="municipality",
                       provenance="reconstructed", source="bench")
            rows.append(row)
        import pandas as pd

        return table.validate_incidents(pd.DataFrame(rows), name="bench"), "synthetic (120 sites)"


def run() -> dict[str, float]:
    from geo.maps.png.animation import render_animation
    from geo.maps.png.choropleth import render_map

    data, _source = _incidents()
    t = time.perf_counter()
    render_map(data, MapSpec(view="belgium", level="municipality"), size="screen", format="png")
    cold = time.perf_counter() - t
    screen = median_time(lambda: render_map(data, MapSpec(view="belgium", level="municipality"), size="screen", format="png"),
                         repeat=5)
    print_ = median_time(lambda: render_map(data, MapSpec(view="belgium", level="municipality"), size="print", format="png"),
                         repeat=5)
    brussels = median_time(lambda: render_map(data, MapSpec(view="brussels"), size="screen", format="png"), repeat=5)
    gif = median_time(lambda: render_animation(data, MapSpec(view="belgium"), period="year", format="gif"), repeat=3)
    return {
        "render: national municipality PNG, screen 1600 px, first call (s)": cold,
        "render: national municipality PNG, screen 1600 px, median of 5 (s)": screen,
        "render: national municipality PNG, print 2250 px at 300 dpi, median of 5 (s)": print_,
        "render: Brussels PNG with labels, screen, median of 5 (s)": brussels,
        "render: national yearly GIF, 1000 px, median of 3 (s)": gif,
    }


if __name__ == "__main__":
    print(run())
