"""What the report's figures are computed from: the sites and events of an incident table, with the
groupings the figures need, and the computed :class:`Value` of a figure together with the rows it
rests on (its *basis*), so that the check can say how much of each figure rests on documented
rows and how much on reconstructed ones.

Counting (DESIGN.md §3): totals count **events** (distinct ``event_id``); places count **sites**
(the March 2016 attack has a site in Zaventem and one in Brussels). A row counts for a
municipality only at municipality or point precision; "Brussels" is the whole Brussels-Capital
Region (every site in region 04000).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from typing import Any

import pandas as pd

from geo import vocab


@dataclass(frozen=True)
class Value:
    """A computed value, how to show it, and the rows it rests on.

    ``basis``: the rows (sites or events) the value counts, or the rows a statement is about;
    ``weight``: the column summed instead of counting rows (e.g. ``n_arrested``); ``base``: the
    denominator's rows of a share. ``None`` when a value rests on no particular rows."""

    value: Any
    shown: str
    basis: pd.DataFrame | None = None
    weight: str | None = None
    base: pd.DataFrame | None = None


def count_of(rows: pd.DataFrame) -> Value:
    """How many rows: a count that rests on exactly those rows."""
    return Value(int(len(rows)), str(int(len(rows))), basis=rows)


def sum_of(rows: pd.DataFrame, column: str) -> Value:
    """The sum of ``column`` over ``rows``."""
    total = int(rows[column].sum())
    return Value(total, str(total), basis=rows, weight=column)


def share_of(part: pd.DataFrame, whole: pd.DataFrame) -> Value:
    """``len(part) / len(whole)`` as an exact fraction, resting on ``part`` (and ``whole``)."""
    num, den = len(part), len(whole)
    if den == 0:
        return Value(None, f"{num}/0", basis=part, base=whole)
    return Value(Fraction(num, den), f"{num}/{den} = {100 * num / den:.1f}%", basis=part, base=whole)


def statement(ok: bool, shown: str, about: pd.DataFrame | None) -> Value:
    """A statement that holds or not, about the rows ``about``."""
    return Value(bool(ok), shown, basis=about)


class Facts:
    """Sites and events of one incident table, with the groupings the figures need."""

    def __init__(self, incidents: pd.DataFrame):
        sites = incidents.copy()
        for col in ("city", "municipality_nis", "networks", "weapon", "target", "place"):
            sites[col] = sites[col].fillna("").astype(str)
        if "network_list" not in sites:
            sites["network_list"] = sites["networks"].map(lambda s: [n.strip() for n in s.split(";") if n.strip()])
        if "year" not in sites:
            sites["year"] = pd.to_datetime(sites["date"]).dt.year
        self.sites = sites
        self.events = sites.drop_duplicates("event_id").set_index("event_id", drop=False)

    @cached_property
    def aa(self) -> pd.DataFrame:
        """Arrest-action events."""
        return self.events[self.events["kind"] == "arrest_action"]

    @cached_property
    def attacks(self) -> pd.DataFrame:
        return self.events[self.events["kind"] == "attack"]

    @cached_property
    def linked_aa(self) -> pd.DataFrame:
        return self.aa[self.aa["link"] == "linked"]

    @cached_property
    def inspired_aa(self) -> pd.DataFrame:
        return self.aa[self.aa["link"] == "inspired"]

    def city_sites(self, city: str) -> pd.DataFrame:
        """Sites counted for a city of the report ("Brussels" = the region)."""
        if city == vocab.BRUSSELS_CITY:
            return self.sites[self.sites["city"] == vocab.BRUSSELS_CITY]
        return self.sites[self.sites["municipality_nis"] == vocab.REPORT_CITIES[city]]

    def events_in(self, *cities: str) -> pd.DataFrame:
        """Events with a site in any of ``cities``."""
        ids: set[str] = set()
        for city in cities:
            ids |= set(self.city_sites(city)["event_id"])
        return self.events[self.events.index.isin(ids)]

    def events_of(self, event_ids: Iterable[str]) -> pd.DataFrame:
        return self.events[self.events.index.isin(set(event_ids))]

    @cached_property
    def brussels_detail(self) -> pd.DataFrame:
        bxl = self.city_sites(vocab.BRUSSELS_CITY)
        return bxl[bxl["geo_precision"].isin(vocab.MUNICIPALITY_KNOWN)]

    @cached_property
    def named_city_sites(self) -> pd.DataFrame:
        """Sites that belong to a city (rows known only to Flanders or Wallonia belong to none)."""
        return self.sites[self.sites["city"] != ""]

    @cached_property
    def city_counts(self) -> pd.Series:
        """Sites per city, the report's grouping, largest first."""
        return self.named_city_sites.groupby("city").size().sort_values(ascending=False, kind="stable")

    def per_year(self, frame: pd.DataFrame) -> dict[int, int]:
        return {int(y): int(n) for y, n in frame.groupby("year").size().items()}

    def in_years(self, frame: pd.DataFrame, *years: int) -> pd.DataFrame:
        return frame[frame["year"].isin(years)]

    @cached_property
    def network_links(self) -> dict[str, int]:
        links: dict[str, int] = {}
        for names in self.aa["network_list"]:
            for name in names:
                links[name] = links.get(name, 0) + 1
        return links

    @cached_property
    def networked_aa(self) -> pd.DataFrame:
        """Arrest actions tied to at least one network."""
        return self.aa[self.aa["network_list"].map(bool)]

    def event_targets(self, event_ids: Iterable[str]) -> set[str]:
        sub = self.sites[self.sites["event_id"].isin(set(event_ids))]
        return {t for t in sub["target"] if t}

    def with_connection(self, *kinds: str) -> pd.DataFrame:
        """Linked arrest actions whose connection is one of ``kinds``."""
        return self.linked_aa[self.linked_aa["connection"].isin(kinds)]

    def with_field(self, field: str) -> pd.DataFrame:
        """Events with a value in ``field`` on any of their sites."""
        return self.events_of(self.sites.loc[self.sites[field] != "", "event_id"])

    @cached_property
    def knife_police(self) -> pd.DataFrame:
        att = self.attacks
        return att[(att["weapon"] == "knife") & att.index.map(lambda e: "police" in self.event_targets([e])).astype(bool)]

    @cached_property
    def explosive_attacks(self) -> pd.DataFrame:
        return self.attacks[self.attacks["weapon"] == "explosive"]
