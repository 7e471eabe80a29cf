"""One unit over time: its incidents per year and per month (documented and reconstructed apart),
its rank among the units of its level, and its share of the national total, honest about
precision (DESIGN.md §4).

- A row counts for the unit only when it is known to the unit's level
  (:func:`geo.incidents.aggregate.level_codes`): a Brussels incident known only to the region
  counts for no Brussels municipality; ``unplaced_in_region`` says how many such rows the unit's
  region has.
- In monthly counts, rows dated only to the year are not placed in a month: they are counted
  apart, per year (``year_only``), never spread over the months.
- Counts are distinct events (``unit="events"``) unless asked for sites.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from geo.admin import boundaries
from geo.admin.boundaries import Level
from geo.incidents import aggregate

PROVENANCES = ("documented", "reconstructed")


@dataclass(frozen=True)
class Trend:
    """``yearly``: ``period`` (every year of the data), ``documented``, ``reconstructed``,
    ``count``. ``monthly``: the same per ``YYYY-MM`` (every month of the data's span), rows
    dated to the month or day only. ``year_only``: per year, the unit's rows dated only to the
    year (``documented``, ``reconstructed``, ``count``), which the monthly table leaves out.
    ``rank``: 1 for the unit with the most incidents (ties share the best rank) among
    ``units`` units; ``share``: ``count`` / ``national`` (incidents in Belgium, whatever their
    precision)."""

    code: str
    level: str
    name_nl: str
    name_fr: str
    unit: str
    count: int
    yearly: pd.DataFrame
    monthly: pd.DataFrame
    year_only: pd.DataFrame
    rank: int
    units: int
    units_with_events: int
    national: int
    unplaced_in_region: int

    @property
    def share(self) -> float:
        return self.count / self.national if self.national else 0.0

    @property
    def reconstructed(self) -> int:
        return int(self.yearly["reconstructed"].sum())


def _by_provenance(rows: pd.DataFrame, keys: pd.Series, periods: list[str], unit: aggregate.Unit) -> pd.DataFrame:
    frame = pd.DataFrame({"period": keys.to_numpy(), "provenance": rows["provenance"].to_numpy(),
                          "event_id": rows["event_id"].to_numpy()})
    grouped = frame.groupby(["period", "provenance"])["event_id"]
    sizes = (grouped.nunique() if unit == "events" else grouped.size()).unstack(fill_value=0)
    out = sizes.reindex(index=periods, columns=list(PROVENANCES), fill_value=0)
    out = out.rename_axis(index="period", columns=None).reset_index()
    totals = frame.groupby("period")["event_id"]
    count = totals.nunique() if unit == "events" else totals.size()
    out["count"] = out["period"].map(count).fillna(0).astype("int64")
    return out


def trend(incidents: pd.DataFrame, code: str, *, level: Level = "municipality",
          unit: aggregate.Unit = "events") -> Trend:
    """The trend of the unit ``code`` of ``level`` in ``incidents`` (rows in Belgium)."""
    units = boundaries.units(level).set_index("code")
    if code not in units.index:
        raise ValueError(f"no {level} has the code {code!r}")
    belgian = incidents[aggregate.in_belgium(incidents)]
    codes = aggregate.level_codes(belgian, level)
    mine = belgian[codes == code]
    years = belgian["year"].astype(int)
    all_years = [str(y) for y in range(years.min(), years.max() + 1)] if len(belgian) else []
    months = (list(pd.period_range(f"{all_years[0]}-01", f"{all_years[-1]}-12", freq="M").strftime("%Y-%m"))
              if all_years else [])
    yearly = _by_provenance(mine, mine["year"].astype(str), all_years, unit)
    dated = mine["month"].fillna("") != ""
    monthly = _by_provenance(mine[dated], mine.loc[dated, "month"], months, unit)
    year_only = _by_provenance(mine[~dated], mine.loc[~dated, "year"].astype(str), all_years, unit)
    counted = aggregate.count_by_unit(belgian, level=level, unit=unit).table
    ranks = counted.set_index("code")["count"].rank(method="min", ascending=False).astype(int)
    count = int(counted.set_index("code").loc[code, "count"])
    region = units.loc[code, "reg_nis"]
    unplaced = int(((codes == "") & (belgian["region_nis"] == region)).sum())
    national = int(belgian["event_id"].nunique()) if unit == "events" else len(belgian)
    return Trend(code, level, str(units.loc[code, "name_nl"]), str(units.loc[code, "name_fr"]), unit, count,
                 yearly, monthly, year_only, int(ranks[code]), len(counted), int((counted["count"] > 0).sum()),
                 national, unplaced)



def summary(t: Trend, name: str) -> list[str]:
    """The trend in sentences, in the current language: count, rank and share, then what the
    counts leave out (the region's rows known to no unit; rows dated to the year only)."""
    from geo.i18n import _, number

    lines = [_("{name}: {count} of the {national} incidents in Belgium ({share}); rank {rank} of {units} "
               "units, {with_events} of which have any.").format(
        name=name, count=number(t.count), national=number(t.national), share=_("{percent}%").format(percent=number(t.share * 100, 1)),
        rank=number(t.rank), units=number(t.units), with_events=number(t.units_with_events))]
    if t.reconstructed:
        lines.append(_("Reconstructed records among them: {n}.").format(n=number(t.reconstructed)))
    if t.unplaced_in_region and t.level == "municipality":
        lines.append(_("Incidents of its region known only to the region, counted for no municipality: "
                       "{n}.").format(n=number(t.unplaced_in_region)))
    year_only = int(t.year_only["count"].sum())
    if year_only:
        lines.append(_("Dated to the year only, so not in the monthly counts: {n}.").format(n=number(year_only)))
    return lines
