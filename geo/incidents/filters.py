"""The shared filters of every page, as plain data: apply them to a table, and write or read them
as URL query parameters (so a view can be shared by link). No streamlit here: ``geo.ui`` wires
these to widgets."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import pandas as pd

from geo import vocab
from geo.admin.search import places_named
from geo.i18n import _, clauses
from geo.incidents.aggregate import rows_in_period


@dataclass(frozen=True)
class Filters:
    """What the sidebar selects. Empty tuples mean "all"; ``years`` is an inclusive range."""

    years: tuple[int, int] | None = None
    cities: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    plots_only: bool = False
    include_reconstructed: bool = True

    def apply(self, incidents: pd.DataFrame) -> pd.DataFrame:
        """The rows that pass every filter (a new frame: changing it never changes ``incidents``)."""
        keep = pd.Series(True, index=incidents.index)
        if self.years is not None:
            keep &= incidents["year"].between(self.years[0], self.years[1])
        if self.cities:
            keep &= incidents["city"].isin(self.cities)
        if self.kinds:
            keep &= incidents["kind"].isin(self.kinds)
        if self.links:
            keep &= incidents["link"].isin(self.links)
        if self.plots_only:
            keep &= incidents["plot"].astype(bool)
        if not self.include_reconstructed:
            keep &= incidents["provenance"] != "reconstructed"
        # pandas copy-on-write: the result never changes ``incidents``, and costs no copy when
        # nothing is filtered out
        return incidents.copy(deep=False) if bool(keep.all()) else incidents[keep]

    def phrases(self, *, say_all: bool = False) -> list[str]:
        """The filters other than the years, in words: those that narrow the rows, and with
        ``say_all`` also "cities: all" and "kinds: all" where they do not."""
        parts = []
        if self.cities:
            parts.append(_("cities: {names}").format(names=", ".join(self.cities)))
        elif say_all:
            parts.append(_("cities: all"))
        if self.kinds:
            parts.append(_("kinds: {names}").format(names=", ".join(_(vocab.KIND_LABELS.get(k, k)) for k in self.kinds)))
        elif say_all:
            parts.append(_("kinds: all"))
        if self.links:
            parts.append(_("link: {names}").format(names=", ".join(_(vocab.LINK_LABELS.get(k, k)) for k in self.links)))
        if self.plots_only:
            parts.append(_("plots only"))
        if not self.include_reconstructed:
            parts.append(_("documented records only"))
        return parts

    def describe(self, *, all_years: tuple[int, int] | None = None) -> str:
        """One line naming the filters, for captions and exported images."""
        parts = []
        if self.years is not None and self.years != all_years:
            a, b = self.years
            parts.append(_("years {year}").format(year=a) if a == b else _("years {first}–{last}").format(first=a, last=b))
        elif all_years is not None:
            parts.append(_("years {first}–{last}").format(first=all_years[0], last=all_years[1]))
        return clauses(parts + self.phrases(say_all=True))

    def to_query(self) -> dict[str, str]:
        """Query parameters for the non-default filters (lists comma-separated)."""
        out: dict[str, str] = {}
        if self.years is not None:
            out["years"] = f"{self.years[0]}-{self.years[1]}"
        for name in ("cities", "kinds", "links"):
            if getattr(self, name):
                out[name] = ",".join(getattr(self, name))
        if self.plots_only:
            out["plots"] = "1"
        if not self.include_reconstructed:
            out["reconstructed"] = "0"
        return out

    @classmethod
    def from_query(cls, params: Mapping[str, str], *, allowed: Mapping[str, tuple] | None = None) -> Filters:
        """Read filters back from query parameters. Unknown or malformed values are ignored (a
        shared link never breaks the page); ``allowed`` restricts list values, e.g.
        ``{"cities": ("Brussels", …), "years": (2014, 2017)}``."""
        allowed = allowed or {}
        result = cls()
        years = params.get("years", "")
        try:
            a, b = (int(x) for x in years.split("-", 1))
            lo, hi = allowed.get("years", (a, b))
            a, b = max(min(a, b), lo), min(max(a, b), hi)
            if a <= b:
                result = replace(result, years=(a, b))
        except ValueError:
            pass
        for f in ("cities", "kinds", "links"):
            raw = params.get(f, "")
            values = tuple(v for v in (s.strip() for s in raw.split(",")) if v)
            if f in allowed:
                values = tuple(v for v in values if v in allowed[f])
            if values:
                result = replace(result, **{f: values})
        result = replace(result, plots_only=params.get("plots") == "1",
                         include_reconstructed=params.get("reconstructed") != "0")
        return result


SEARCH_COLUMNS = ("place", "description", "networks", "source", "city")


def in_place(incidents: pd.DataFrame, query: str) -> pd.Series | None:
    """Which rows lie in the place ``query`` names (any official or alias name of a municipality,
    in Dutch, French, German or English, a section, or a postal code; "Brussels" is the region),
    or ``None`` when it names no place."""
    places = places_named(query)
    if places is None:
        return None
    hit = incidents["municipality_nis"].isin(places.municipalities)
    if places.regions:
        hit |= incidents["region_nis"].isin(places.regions)
    return hit


def search(incidents: pd.DataFrame, text: str, *, columns: tuple[str, ...] = SEARCH_COLUMNS) -> pd.DataFrame:
    """Rows whose text columns contain ``text`` (case-insensitive, literal: no pattern syntax), or
    that lie in the place it names, whatever its spelling ("Schaarbeek", "Luik", "1080")."""
    text = text.strip()
    if not text:
        return incidents
    hit = pd.Series(False, index=incidents.index)
    for column in columns:
        if column in incidents:
            hit |= incidents[column].astype(str).str.contains(text, case=False, regex=False, na=False)
    place = in_place(incidents, text)
    if place is not None:
        hit |= place
    return incidents[hit]


@dataclass(frozen=True)
class Narrow:
    """How a page narrows the filtered rows further: one network, a text search, a place, one
    period (or up to it). Plain data, so a download made later can rebuild the rows instead of keeping a
    copy of them in every session."""

    network: str | None = None
    search: str = ""
    place: str = ""  # a place in any spelling, or a postal code (see in_place)
    period: str | None = None  # "year" or "month"
    value: str | None = None  # the period shown, e.g. "2016" or "2016-03"
    cumulative: bool = False

    def apply(self, rows: pd.DataFrame) -> pd.DataFrame:
        if self.network:
            rows = rows[rows["network_list"].map(lambda names: self.network in names)]
        if self.search:
            rows = search(rows, self.search)
        if self.place.strip():
            hit = in_place(rows, self.place)
            rows = rows[hit] if hit is not None else rows.iloc[0:0]
        if self.period and self.value:
            rows = rows_in_period(rows, period=self.period, value=self.value, cumulative=self.cumulative)
        return rows
