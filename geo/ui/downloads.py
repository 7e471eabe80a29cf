"""The download buttons under a page's map or table: the map as PNG, the counts per unit and the
incidents as CSV and GeoJSON, the timeline as GIF. Files are made only when a button is clicked.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo import text
from geo.incidents.aggregate import Counted
from geo.incidents.filters import Narrow
from geo.io import export
from geo.maps import views
from geo.ui import data, state
from geo.ui.sidebar import Selection


def buttons(sel: Selection, *, key: str, view: views.ViewName | None = None, level: str = "municipality",
            metric: str = "count", scheme: str = "FisherJenks", narrow: Narrow | None = None,
            counted: Counted | None = None, title: str | None = None, animation: dict | None = None,
            symbols: bool = False) -> None:
    """Download buttons for what the page shows: the map as PNG (exactly this view, rendered
    without a browser: the choropleth, or with ``symbols`` the incident symbols of Map 1), the
    counts per unit and the incidents as CSV (spreadsheet-safe) and GeoJSON, and the timeline as
    GIF. Files are made only when a button is clicked, from the shared dataset, the filters and
    ``narrow`` (how the page narrows the rows; none by default): no session keeps a copy of the
    rows for them."""
    # Imported here, after the page's map has gone out: the renderer brings matplotlib (~0.4 s on
    # a process's first page).
    from geo.maps.png.animation import render_animation
    from geo.maps.png.choropleth import render_map
    from geo.maps.png.symbols import render_symbols

    if narrow is None:
        narrow = Narrow()
    slug, filters, all_years = state.dataset_slug(), sel.filters, sel.all_years

    def filtered() -> pd.DataFrame:
        return filters.apply(data.frame_for(slug))

    def rows() -> pd.DataFrame:
        return narrow.apply(filtered())

    def n_recon(frame: pd.DataFrame) -> int:
        return int((frame["provenance"] == "reconstructed").sum())

    recon_all = n_recon(sel.all)
    # The map's "the filters leave out K other reconstructed records" counts what the filters leave
    # out, not what the page narrows further (one network, one period).
    recon_map = recon_all - n_recon(sel.rows) + n_recon(narrow.apply(sel.rows))
    if symbols:
        stem = text.safe_filename(title or f"{view or 'belgium'}-incident-symbols")
    else:
        stem = text.safe_filename("-".join(p for p in (view or "incidents", level if view else "", metric if view else "") if p))
    with st.container(border=True):
        cols = st.columns([1.2, 1, 1, 1, 1])
        if view is not None:
            size = cols[0].radio("PNG size", ["screen", "print"], key=f"{key}_size", horizontal=True,
                                 format_func={"screen": "Screen (1600 px)", "print": "Print (300 dpi)"}.get)
            if symbols:
                def map_png() -> bytes:
                    return render_symbols(rows(), view=view, filters=filters, size=size, format="png", title=title,
                                          total_reconstructed=recon_map, all_years=all_years).data
            else:
                def map_png() -> bytes:
                    return render_map(
                        rows(), view=view, level=level, metric=metric, scheme=scheme, filters=filters, size=size,
                        format="png", title=title, total_reconstructed=recon_map, all_years=all_years).data
            cols[1].download_button(
                "Map PNG", data=map_png,
                file_name=f"{stem}.png", mime="image/png", on_click="ignore", icon=":material/image:",
                key=f"{key}_png")
        if counted is not None:
            table = counted.table  # one row per unit: small
            cols[2].download_button("Counts CSV", data=lambda: export.counts_csv(table),
                                    file_name=f"{stem}-counts.csv", mime="text/csv", on_click="ignore",
                                    icon=":material/download:", key=f"{key}_counts")
        cols[3].download_button("Incidents CSV", data=lambda: export.incidents_csv(rows()),
                                file_name="incidents.csv", mime="text/csv", on_click="ignore",
                                icon=":material/download:", key=f"{key}_csv")
        cols[4].download_button("GeoJSON", data=lambda: export.incidents_geojson(rows()),
                                file_name="incidents.geojson", mime="application/geo+json", on_click="ignore",
                                icon=":material/download:", key=f"{key}_geojson")
        if animation is not None:
            st.download_button(
                "Animated timeline (GIF)", data=lambda: render_animation(
                    filtered(), filters=filters, format="gif", total_reconstructed=recon_all, all_years=all_years,
                    **animation).data,
                file_name=f"timeline-{animation.get('period', 'year')}.gif", mime="image/gif", on_click="ignore",
                icon=":material/animation:", key=f"{key}_gif")
