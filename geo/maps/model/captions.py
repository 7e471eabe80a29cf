"""The words on every static map (DESIGN.md §4): the default titles (they say the years) and
subtitles (the other filters), legend titles, the lines under the map (filters, reconstructed
records, the person's note, the source line) and the side panel's notes (what could not be placed
on the map's level, what lies outside the view), and the file names of exports (view, level,
metric and years). Pure functions of the rows.

A person may replace the title, subtitle, note and source line; the filter and reconstructed-
record lines are always there."""

from __future__ import annotations

from collections.abc import Sequence
from types import MappingProxyType
from typing import Literal

import geopandas as gpd
import pandas as pd

from geo import text, vocab
from geo.admin.boundaries import Level
from geo.i18n import N_, _, clauses, ngettext, number
from geo.incidents import aggregate
from geo.incidents.filters import Filters
from geo.maps.views import VIEW_SPECS, ViewName

Metric = Literal["count", "per_100k"]

#: The default source line (English; :func:`credits` gives it in the current language).
CREDITS = N_(
    "Data: CTC, Beyond the Caliphate: Belgium (2018), reconstructed where marked; "
    "boundaries: Statbel via bmesuere/belgium-topojson (CC0)"
)
#: A level's name, singular and plural (translated where shown).
LEVEL_SINGULAR = MappingProxyType({
    "municipality": N_("municipality"),
    "arrondissement": N_("arrondissement"),
    "province": N_("province"),
    "region": N_("region"),
})
LEVEL_PLURAL = MappingProxyType({
    "municipality": N_("municipalities"),
    "arrondissement": N_("arrondissements"),
    "province": N_("provinces"),
    "region": N_("regions"),
})


def credits() -> str:
    """The default source line in the current language."""
    return _(CREDITS)


def metric_label(metric: Metric, level: Level, unit: str = "sites", *, cumulative: bool = False) -> str:
    what = _("Incident sites") if unit == "sites" else _("Incidents (events)")
    where = _(LEVEL_SINGULAR.get(level, level))
    if metric == "per_100k":
        text = _("{what} per 100,000 residents, by {level}").format(what=what, level=where)
    else:
        text = _("{what} per {level}").format(what=what, level=where)
    return _("{label}, cumulative").format(label=text) if cumulative else text


def years_text(years: tuple[int, int] | None) -> str:
    """"2016" or "2014–2017" ("" when unknown)."""
    if not years:
        return ""
    a, b = years
    return str(a) if a == b else f"{a}–{b}"


def shown_years(incidents: pd.DataFrame, filters: Filters | None,
                all_years: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """The years a map covers: the filter's, within the data's (``all_years``, else the rows')."""
    if all_years is None and len(incidents):
        all_years = (int(incidents["year"].min()), int(incidents["year"].max()))
    years = (filters.years if filters is not None else None) or all_years
    if years and all_years:
        years = (max(years[0], all_years[0]), min(years[1], all_years[1]))
    return years


def default_title(view: ViewName, level: Level, metric: Metric, unit: str = "sites", *,
                  years: tuple[int, int] | None = None, label: str | None = None) -> str:
    """"Incident sites per municipality — Belgium, 2014–2017"."""
    head = f"{label or metric_label(metric, level, unit)} — {_(VIEW_SPECS[view].title)}"
    return f"{head}, {years_text(years)}" if years else head


def symbols_title(view: ViewName, years: tuple[int, int] | None) -> str:
    """Map 1's default title: "Map 1 · Attacks, plots and arrest actions — Belgium, 2014–2017"."""
    head = f"{_(vocab.MAP1_TITLE)} — {_(VIEW_SPECS[view].title)}"
    return f"{head}, {years_text(years)}" if years else head


def filters_phrase(filters: Filters | None) -> str:
    """The filters other than the years, in words ("" when none narrows the rows)."""
    return "" if filters is None else clauses(filters.phrases())


def default_subtitle(filters: Filters | None) -> str:
    """"Only cities: Brussels; kinds: Attack" when the filters narrow more than the years."""
    phrase = filters_phrase(filters)
    return _("Only {filters}").format(filters=phrase) if phrase else ""


def file_stem(view: str, level: str, metric: str, years: tuple[int, int] | None, *extra: str) -> str:
    """A file name without suffix that says what the file shows:
    ``belgium-municipality-count-2014-2017`` (then any ``extra`` parts: grid, cumulative…)."""
    parts = [view, level, metric, years_text(years).replace("–", "-"), *extra]
    return text.safe_filename("-".join(p for p in parts if p).lower())


def not_counted_lines(not_counted: pd.DataFrame, level: Level, unit: str = "sites") -> list[str]:
    """One sentence per region for the rows that could not be placed on ``level``, e.g.
    "42 sites known only to the Brussels-Capital Region are not shown on municipalities"."""
    if not_counted is None or len(not_counted) == 0:
        return []
    counts = []
    for region, rows in not_counted.assign(region_nis=not_counted["region_nis"].fillna("")).groupby(
            "region_nis", sort=True):
        n = int(rows["event_id"].nunique()) if unit == "events" else len(rows)
        counts.append((n, str(region)))
    lines = []
    for n, region in sorted(counts, key=lambda c: (-c[0], c[1])):  # largest first
        if region in ("", "nan", "None"):
            lines.append(ngettext("{n} event not located in Belgium is not shown",
                                  "{n} events not located in Belgium are not shown", n).format(n=n)
                         if unit == "events" else
                         ngettext("{n} site not located in Belgium is not shown",
                                  "{n} sites not located in Belgium are not shown", n).format(n=n))
            continue
        where = (_(vocab.REGION_IN_SENTENCE[region]) if region in vocab.REGION_IN_SENTENCE
                 else _("region {code}").format(code=region))
        on = _(LEVEL_PLURAL[level])
        lines.append(ngettext("{n} event known only to {where} is not shown on {level}",
                              "{n} events known only to {where} are not shown on {level}", n).format(
                         n=n, where=where, level=on)
                     if unit == "events" else
                     ngettext("{n} site known only to {where} is not shown on {level}",
                              "{n} sites known only to {where} are not shown on {level}", n).format(
                         n=n, where=where, level=on))
    return lines


def reconstructed_line(incidents: pd.DataFrame, total_reconstructed: int | None = None) -> str:
    """"Includes N reconstructed records (of M)": N rows of ``incidents`` with provenance
    reconstructed, M rows in all; with ``total_reconstructed`` (in the whole table), says how
    many the filters left out."""
    n = int((incidents["provenance"] == "reconstructed").sum()) if len(incidents) else 0
    m = len(incidents)
    line = ngettext("Includes {n} reconstructed record (of {m})", "Includes {n} reconstructed records (of {m})",
                    n).format(n=number(n), m=number(m))
    if total_reconstructed is not None and total_reconstructed > n:
        k = total_reconstructed - n
        line = clauses([line, ngettext("the filters leave out {k} other reconstructed record",
                                       "the filters leave out {k} other reconstructed records", k).format(k=number(k))])
    return line


def filters_line(incidents: pd.DataFrame, filters: Filters | None,
                 all_years: tuple[int, int] | None = None) -> str:
    """The filters in words. Without ``all_years`` the years are those the rows span."""
    filters = filters or Filters()
    if all_years is None and len(incidents):
        all_years = (int(incidents["year"].min()), int(incidents["year"].max()))
    return _("Filters: {filters}").format(filters=filters.describe(all_years=all_years))


def caption_lines(
    incidents: pd.DataFrame,
    *,
    filters: Filters | None = None,
    all_years: tuple[int, int] | None = None,
    total_reconstructed: int | None = None,
    extra: Sequence[str] = (),
    note: str | None = None,
    source: str | None = None,
) -> list[str]:
    """The lines under every exported map: filters, reconstructed records, any extra notes, the
    person's ``note``, then the source line (``source``, default :data:`CREDITS`)."""
    lines = [filters_line(incidents, filters, all_years), reconstructed_line(incidents, total_reconstructed),
             *extra]
    if note and note.strip():
        lines.append(note.strip())
    lines.append(source.strip() if source and source.strip() else credits())
    return lines


def outside_view_line(incidents: pd.DataFrame, view: ViewName, units: gpd.GeoDataFrame, level: Level) -> str | None:
    """"N sites lie elsewhere in Belgium, outside this view", for a city view whose ``units``
    leave out some of the rows' units at ``level``."""
    if view == "belgium" or len(incidents) == 0:
        return None
    codes = aggregate.level_codes(incidents, level)
    outside = int(((codes != "") & ~codes.isin(set(units["code"]))).sum())
    if not outside:
        return None
    return ngettext("{n} site lies elsewhere in Belgium, outside this view",
                    "{n} sites lie elsewhere in Belgium, outside this view", outside).format(n=outside)


def frame_notes(incidents: pd.DataFrame, view: ViewName, level: Level, unit: str,
                units: gpd.GeoDataFrame, counted: aggregate.Counted) -> list[str]:
    """The side panel's notes of a choropleth: the rows not placed on ``level`` (those of the
    view's regions, in a city view), then the rows outside the view."""
    missing = counted.not_counted
    if view != "belgium" and len(missing):
        missing = missing[missing["region_nis"].isin(set(units["reg_nis"]))]
    notes = not_counted_lines(missing, level, unit)
    outside = outside_view_line(incidents, view, units, level)
    if outside:
        notes.append(outside)
    return notes
