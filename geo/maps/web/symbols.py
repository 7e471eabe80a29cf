"""Map 1's symbols (the web map and the static map share them) and what a symbol-map update
sends to the browser: one circle per place and kind, hollow where every record behind it is
reconstructed, a count box per region for the sites known only to it, and city labels.

Coordinates are EPSG:4326 degrees. Every text is plain text: the browser escapes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from geo import vocab
from geo.admin import boundaries
from geo.i18n import _, clauses, ngettext, number
from geo.incidents import readable
from geo.maps.model import marks

#: A parenthesis that speaks of a column (``n_arrested``…) is a note for maintainers, not readers.


def symbol_category(incidents: pd.DataFrame) -> pd.Series:
    """Each row's Map 1 symbol kind: attack; plot (a plot kind, or an arrest action that revealed
    one); arrest action; other (imported categories)."""
    return pd.Series(np.select(
        [incidents["kind"] == "attack", (incidents["kind"] == "plot") | incidents["plot"].astype(bool),
         incidents["kind"] == "arrest_action"],
        ["attack", "plot", "arrest_action"], default="other"), index=incidents.index)


def symbol_radius_px(count: int, category: str) -> float:
    """A symbol's radius in CSS pixels: 4 + 3.2 √n, attacks a quarter larger, at most 40."""
    return float(min(4 + 3.2 * np.sqrt(count) * vocab.SYMBOLS[category][2], 40))


@dataclass(frozen=True)
class Symbol:
    lat: float
    lon: float
    category: str
    count: int
    #: every record behind the symbol is reconstructed (drawn hollow on the web map)
    reconstructed: bool = False
    #: the web map's tooltip, one line each
    lines: tuple[str, ...] = ()
    #: too many places to draw one by one: the symbol stands for its municipality
    grouped: bool = False




def _lines(cat: str, n: int, where: str, place: str | None, r, grouped: bool, reconstructed: bool) -> tuple[str, ...]:
    kind = _(vocab.SYMBOLS[cat][0])
    lines = [ngettext("{kind}: {n} site", "{kind}: {n} sites", n).format(kind=kind, n=number(n))]
    lines.append(where + (f" · {place}" if place and place != where else ""))
    if grouped:
        lines.append(_("Grouped by municipality"))
    if n == 1:
        when = readable.date_text(r["date"], r["date_precision"])
        if when:
            lines.append(when)
        description = str(r["description"] or "").strip()
        if description:
            lines.append(description)
    if reconstructed:
        lines.append(_("Reconstructed: no more precise than the report's figures"))
    return tuple(lines)


def incident_symbols(incidents: pd.DataFrame, *, max_places: int = 1500, by_provenance: bool = False,
                     place_names: Mapping[str, str] | None = None) -> tuple[list[Symbol], pd.DataFrame]:
    """Map 1's symbols: one per place known to the point or municipality and category (attack;
    arrest action revealing a plot; arrest action; other), sized by the number of sites there.
    With more than ``max_places`` distinct places (large imported datasets), symbols are grouped
    by municipality instead, at its representative point, so the map stays light. Rows known only
    to a region are not drawn as points: they come back as a table (region, count) to show as a
    count on the region. With ``by_provenance``, reconstructed records get symbols of their own
    (``Symbol.reconstructed``), as the web map draws them hollow. ``place_names`` (municipality code →
    name) names the places as the reader asked; without it, their local names."""
    frame = incidents.assign(category=symbol_category(incidents),
                             _recon=incidents["provenance"].eq("reconstructed") if by_provenance else False)
    located = frame[frame["geo_precision"].isin(("point", "municipality")) & frame["lat"].notna()]
    grouped = len(located[["lat", "lon"]].drop_duplicates()) > max_places
    if grouped:
        reps = boundaries.representative_points("municipality")
        located = located.assign(lon=located["municipality_nis"].map(lambda c: reps[c][0]),
                                 lat=located["municipality_nis"].map(lambda c: reps[c][1]))
    stats = located.groupby(["lat", "lon", "category", "_recon"], sort=True).agg(
        n=("site_id", "size"), where=("municipality_name", "first"), code=("municipality_nis", "first"),
        city=("city", "first"),
        places=("place", "nunique"), place=("place", "first"), description=("description", "first"),
        date=("date", "first"), date_precision=("date_precision", "first"))
    symbols = []
    for (lat, lon, cat, recon), r in stats.iterrows():
        n = int(r["n"])
        where = str((place_names or {}).get(r["code"]) or r["where"] or r["city"])
        lines = _lines(cat, n, where, str(r["place"]) if r["places"] == 1 and not grouped else None, r,
                       grouped, bool(recon))
        symbols.append(Symbol(float(lat), float(lon), cat, n, bool(recon), lines, grouped=bool(grouped)))
    regional = (frame[(frame["geo_precision"] == "region") & (frame["region_nis"].fillna("") != "")]
                .groupby(["region_nis", "region_name"]).agg(count=("site_id", "size"),
                                                            lat=("lat", "first"), lon=("lon", "first"))
                .reset_index())
    return symbols, regional




def size_key(max_count: int) -> list[int]:
    """Reference counts for the size key of the web and static symbol maps: 1, a round 1-2-5 count
    between (nearest the geometric middle), and the largest count at one place."""
    if max_count <= 1:
        return [1]
    steps = [m * 10 ** e for e in range(7) for m in (1, 2, 5)]
    between = [v for v in steps if 1 < v < max_count]
    mid = min(between, key=lambda v: abs(np.log(v) - np.log(max_count) / 2)) if between else None
    return [1, *([mid] if mid else []), max_count]


def region_box_lines(region_name: str, count: int) -> list[str]:
    return [region_name, ngettext("{n} site with no municipality detail", "{n} sites with no municipality detail",
                                  count).format(n=number(count))]


def city_labels(view: str = "belgium", names: Mapping[str, str] | None = None) -> list[list]:
    """[lat, lon, name, side] of the cities the report names (Brussels at the City of Brussels), at a
    point inside each municipality. ``names`` (the report's city → its name for the reader); without
    it, the report's English names in the current language."""
    if view != "belgium":
        return []
    reps = boundaries.representative_points("municipality")
    cities = {vocab.BRUSSELS_CITY: vocab.CITY_OF_BRUSSELS, **vocab.REPORT_CITIES}
    # beside the symbols: Brussels to the left of its crowd, Zaventem to its right
    side = {vocab.CITY_OF_BRUSSELS: "left"}
    return [[round(reps[code][1], 4), round(reps[code][0], 4), (names or {}).get(name) or _(name), side.get(code, "")]
            for name, code in cities.items() if code in reps]


def payload(incidents: pd.DataFrame, *, view: str = "belgium", title: str = "",
            place_names: Mapping[str, str] | None = None, city_names: Mapping[str, str] | None = None) -> dict:
    """The data of a symbol-map update (geometry, assets and size are added by the caller);
    ``place_names`` and ``city_names`` name municipalities and the report's cities for the reader."""
    symbols, regional = incident_symbols(incidents, by_provenance=True, place_names=place_names)
    cats = [c for c in vocab.SYMBOL_ORDER if c != "other" or any(s.category == "other" for s in symbols)]
    index = {c: i for i, c in enumerate(cats)}
    ordered = sorted(symbols, key=lambda s: (vocab.SYMBOL_ORDER.index(s.category), -s.count))
    rows = [[round(s.lat, 5), round(s.lon, 5), index[s.category], round(symbol_radius_px(s.count, s.category), 1),
             int(s.reconstructed), list(s.lines)] for s in ordered]
    boxes = [[float(r.lat), float(r.lon), region_box_lines(_(r.region_name), int(r.count))]
             for r in regional.itertuples() if pd.notna(r.lat) and pd.notna(r.lon)]
    shown_cats = [c for c in ("attack", "plot", "arrest_action", "other") if c in index]
    items = [["circle", vocab.SYMBOLS[c][1], _(vocab.SYMBOLS[c][0]), symbol_radius_px(1, c)] for c in shown_cats]
    if any(s.reconstructed for s in symbols):
        items.append(["hollow", "#555555", marks.words(marks.HOLLOW), symbol_radius_px(1, "arrest_action")])
    if symbols:
        largest = max(s.count for s in symbols)
        for n in size_key(largest):
            items.append(["size", "#8c8c8c", ngettext("{n} site at one place", "{n} sites at one place", n).format(
                n=number(n)), symbol_radius_px(n, "arrest_action")])
    notes = [_("Symbol size grows with the number of sites at that place; attacks are drawn a quarter larger.")]
    boxed = int(regional["count"].sum()) if len(regional) else 0
    if boxed:
        notes.append(ngettext("{n} site known only to its region is counted in a box, never drawn as a point.",
                              "{n} sites known only to their region are counted in boxes, never drawn as points.",
                              boxed).format(n=number(boxed)))
    return {
        "kind": "symbols",
        "categories": [[_(vocab.SYMBOLS[c][0]), vocab.SYMBOLS[c][1]] for c in cats],
        "symbols": rows,
        "boxes": boxes,
        "cities": city_labels(view, city_names),
        "opacity": vocab.SYMBOL_OPACITY,
        "land": [vocab.LAND_COLOR, vocab.LAND_EDGE],
        "legend": {"title": title, "items": items, "notes": notes},
    }


def summary(incidents: pd.DataFrame, *, place_names: Mapping[str, str] | None = None) -> str:
    """A short text beside the symbol map: the places with the most sites, and what is not drawn."""
    symbols, regional = incident_symbols(incidents, place_names=place_names)
    if not symbols and regional.empty:
        return _("No incident on this map.")
    per_place: dict[str, int] = {}
    for s in symbols:
        where = s.lines[1] if len(s.lines) > 1 else ""
        key = where.split(" · ")[0] if where else _(vocab.SYMBOLS[s.category][0])
        per_place[key] = per_place.get(key, 0) + s.count
    top = sorted(per_place.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    text = (_("Most sites: {list}.").format(list=clauses(f"{name} ({number(n)})" for name, n in top)) if top
            else _("No symbol on this map."))
    boxed = int(regional["count"].sum()) if len(regional) else 0
    if boxed:
        text += " " + ngettext("{n} site known only to its region is in a count box, not a symbol.",
                               "{n} sites known only to their region are in count boxes, not symbols.",
                               boxed).format(n=number(boxed))
    missing = len(incidents) - sum(s.count for s in symbols) - boxed
    if missing > 0:
        text += " " + ngettext("Not shown: {n} site with no known place in Belgium.",
                               "Not shown: {n} sites with no known place in Belgium.", missing).format(n=number(missing))
    return text.strip()
