"""Every incident figure printed in the report, beside the same figure computed from the table.

The report is Van Vlierden, Lewis and Rassler, "Beyond the Caliphate: Islamic State Activity
Outside the Group's Defined Wilayat - Belgium" (CTC at West Point, 2018). Its figures are listed
once, declaratively, in :data:`FIGURES`: an id, the report's own words, the value as printed, a
function of the incident table, and the rule used to compare them. :func:`check_report` evaluates
them all; ``python -m geo check-report`` prints :func:`format_check` and exits 1 on any mismatch.

Counting (DESIGN.md §3): totals count **events** (distinct ``event_id``: 107 = 4 attacks + 103
arrest actions); places count **sites** (the March 2016 attack has a site in Zaventem and one in
Brussels). A row counts for a municipality only at municipality or point precision; "Brussels"
is the whole Brussels-Capital Region (every site in region 04000).

Comparison rules:

* ``count``: the computed number equals the printed one.
* ``percent``: the report prints whole percents. A computed share matches when it **rounds half
  up or truncates** to the printed number: the report does both (62/107 = 57.9% is printed "57%",
  27/62 = 43.5% is printed "44%"). Each figure states its numerator and denominator.
* ``percent (1 decimal)``: the same with one decimal ("85.7%").
* ``range``: wording such as "a little more than 18%" or "almost 80%" is checked against the
  interval stated in the figure's rule, which says how the words were read.
* ``holds``: a statement (a peak, a set of cities, a date) that is true or false of the table.

Denominators were checked, not assumed: "57% in Brussels" holds with the 107 events (57.9%,
truncated) and with the 108 sites (57.4%, rounded), but "71% in Brussels and Charleroi" holds
only with the 107 events (76/107 = 71.0%; 76/108 = 70.4%), so both use events.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from typing import Any

import pandas as pd

from geo import vocab

#: Table 1: network associations of arrest actions (number of links per network).
TABLE_1: dict[str, int] = {
    "Zerkani network": 13, "Paris cell": 12, "Brussels cell": 10, "Verviers cell": 6,
    "Jumet cell": 4, "Ostend Chechen network": 4, "Maaseik network": 3, "Argenteuil cell": 3,
    "The Way of Life": 2, "Kamikaze Riders": 1,
}
#: "five of these entities ... can be considered as parts of a whole"
FIVE_NETWORKS = ("Zerkani network", "Paris cell", "Brussels cell", "Verviers cell",
                 "Argenteuil cell")


# ---------------------------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Rule:
    """How a computed value is compared with the printed one."""

    kind: str                      # count, percent, percent (1 decimal), range, holds, at least
    target: Any = None             # the printed number (or None for holds)
    low: Fraction | None = None    # range: low <= share < high (strictness in ``text``)
    high: Fraction | None = None
    low_strict: bool = False
    text: str = ""

    def matches(self, value: Any) -> bool:
        if value is None:
            return False
        if self.kind == "count":
            return value == self.target
        if self.kind == "at least":
            return value >= self.target
        if self.kind == "holds":
            return value is True
        if self.kind in ("percent", "percent (1 decimal)"):
            scale = 1 if self.kind == "percent" else 10
            pct = Fraction(value) * 100 * scale
            rounded, truncated = math.floor(pct + Fraction(1, 2)), math.floor(pct)
            want = round(Fraction(str(self.target)) * scale)
            return want in (rounded, truncated)
        if self.kind == "range":
            v = Fraction(value)
            above = v > self.low if self.low_strict else v >= self.low
            return above and v < self.high
        raise ValueError(f"unknown rule {self.kind!r}")

    def describe(self) -> str:
        base = {
            "count": "count: equal",
            "at least": f"count: at least {self.target}",
            "holds": "holds",
            "percent": "percent: rounds half up or truncates to the printed whole number",
            "percent (1 decimal)": "percent: rounds half up or truncates to one decimal",
            "range": "range",
        }[self.kind]
        return f"{base}; {self.text}" if self.text else base


def count(n: int, text: str = "") -> Rule:
    return Rule("count", n, text=text)


def at_least(n: int, text: str = "") -> Rule:
    return Rule("at least", n, text=text)


def percent(p: int | float, text: str) -> Rule:
    return Rule("percent" if float(p).is_integer() else "percent (1 decimal)", p, text=text)


def share_range(low: float, high: float, text: str, *, low_strict: bool = False) -> Rule:
    return Rule("range", low=Fraction(str(low)), high=Fraction(str(high)), low_strict=low_strict,
                text=text)


def holds(text: str) -> Rule:
    return Rule("holds", text=text)


# ---------------------------------------------------------------------------------------------
# What the figures are computed from
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Value:
    """A computed value and how to show it."""

    value: Any
    shown: str


def _share(num: int, den: int) -> Value:
    if den == 0:
        return Value(None, f"{num}/0")
    return Value(Fraction(num, den), f"{num}/{den} = {100 * num / den:.1f}%")


def _n(x: int) -> Value:
    return Value(int(x), str(int(x)))


class Facts:
    """Sites and events of one incident table, with the groupings the figures need."""

    def __init__(self, incidents: pd.DataFrame):
        sites = incidents.copy()
        for col in ("city", "municipality_nis", "networks", "weapon", "target", "place"):
            sites[col] = sites[col].fillna("").astype(str)
        if "network_list" not in sites:
            sites["network_list"] = sites["networks"].map(
                lambda s: [n.strip() for n in s.split(";") if n.strip()])
        if "year" not in sites:
            sites["year"] = pd.to_datetime(sites["date"]).dt.year
        self.sites = sites
        self.events = sites.drop_duplicates("event_id").set_index("event_id", drop=False)

    @cached_property
    def aa(self) -> pd.DataFrame:
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

    def events_in(self, *cities: str) -> set[str]:
        ids: set[str] = set()
        for city in cities:
            ids |= set(self.city_sites(city)["event_id"])
        return ids

    @cached_property
    def brussels_detail(self) -> pd.DataFrame:
        bxl = self.city_sites(vocab.BRUSSELS_CITY)
        return bxl[bxl["geo_precision"].isin(["municipality", "point"])]

    @cached_property
    def city_counts(self) -> pd.Series:
        """Sites per city, the report's grouping; rows with no city (region precision outside
        Brussels) count for none."""
        named = self.sites[self.sites["city"] != ""]
        return named.groupby("city").size().sort_values(ascending=False, kind="stable")

    def per_year(self, frame: pd.DataFrame) -> dict[int, int]:
        return {int(y): int(n) for y, n in frame.groupby("year").size().items()}

    @cached_property
    def network_links(self) -> dict[str, int]:
        links: dict[str, int] = {}
        for names in self.aa["network_list"]:
            for name in names:
                links[name] = links.get(name, 0) + 1
        return links

    def event_targets(self, event_ids) -> set[str]:
        sub = self.sites[self.sites["event_id"].isin(set(event_ids))]
        return {t for t in sub["target"] if t}


# ---------------------------------------------------------------------------------------------
# Figure functions (each takes Facts, returns Value)
# ---------------------------------------------------------------------------------------------

def _connection(f: Facts, *kinds: str) -> int:
    return int(f.linked_aa["connection"].isin(kinds).sum())


def _traveled_share(f: Facts, city: str) -> Value:
    sub = f.city_sites(city)
    return _share(int((sub["traveled"] == "true").sum()), len(sub))


def _muni_share(f: Facts, nis: str) -> Value:
    d = f.brussels_detail
    return _share(int((d["municipality_nis"] == nis).sum()), len(d))


def _march_2016(f: Facts) -> Value:
    att = f.attacks[f.attacks["date"].astype(str).str.startswith("2016-03-22")]
    if len(att) != 1:
        return Value(False, f"{len(att)} attack events on 2016-03-22")
    sites = f.sites[f.sites["event_id"] == att.index[0]]
    cities = sorted(sites["city"])
    ok = cities == [vocab.BRUSSELS_CITY, "Zaventem"]
    return Value(ok, f"{len(sites)} sites: {', '.join(cities)}")


def _march_linked(f: Facts) -> Value:
    linked = f.attacks[f.attacks["link"] == "linked"]
    dates = [str(d)[:10] for d in linked["date"]]
    return Value(dates == ["2016-03-22"], f"{len(linked)} linked: {', '.join(dates) or 'none'}")


def _figure2(f: Facts) -> Value:
    expected = {vocab.BRUSSELS_CITY} | set(vocab.REPORT_CITIES)
    counts = f.city_counts
    names = {vocab.BRUSSELS_CITY: vocab.BRUSSELS_CITY} | {
        f.sites.loc[f.sites["municipality_nis"] == nis, "city"].iloc[0]: name
        for name, nis in vocab.REPORT_CITIES.items() if (f.sites["municipality_nis"] == nis).any()}
    above = {names.get(c, c) for c, n in counts.items() if n > 1}
    others = counts[[names.get(c, c) not in expected for c in counts.index]]
    shown = f"{len(above)} cities above 1; largest other: {int(others.max()) if len(others) else 0}"
    return Value(above == expected, shown)


def _other_cities_max(f: Facts) -> Value:
    nis = set(vocab.REPORT_CITIES.values())
    other = f.sites[(f.sites["city"] != "") & (f.sites["city"] != vocab.BRUSSELS_CITY)
                    & ~f.sites["municipality_nis"].isin(nis)]
    top = int(other.groupby("city").size().max()) if len(other) else 0
    return Value(top <= 1, f"largest other city: {top}")


def _charleroi_rank(f: Facts) -> Value:
    counts = f.city_counts
    name = f.sites.loc[f.sites["municipality_nis"] == vocab.REPORT_CITIES["Charleroi"], "city"]
    if name.empty:
        return Value(None, "no Charleroi site")
    rank = list(counts.index).index(name.iloc[0]) + 1
    second = counts.iloc[1] if len(counts) > 1 else 0
    tie = (counts == counts.iloc[rank - 1]).sum() > 1
    return Value(None if tie else rank, f"rank {rank} ({int(second)} sites)" + (" tied" if tie else ""))


def _charleroi_airport(f: Facts) -> Value:
    sub = f.city_sites("Charleroi")
    at_airport = sub[sub["place"].str.contains("Charleroi Airport", case=False)
                     & (sub["kind"] == "arrest_action")]
    return Value(int(at_airport["n_arrested"].sum()),
                 f"{int(at_airport['n_arrested'].sum())} arrested in {len(at_airport)} action(s)")


def _zaventem_airport(f: Facts) -> Value:
    sub = f.city_sites("Zaventem")
    n = int(sub["place"].str.contains("Brussels Airport", case=False).sum())
    return Value(n, f"{n} of {len(sub)}")


def _years(f: Facts, frame: pd.DataFrame) -> str:
    return ", ".join(f"{y}: {n}" for y, n in sorted(f.per_year(frame).items()))


def _rise_2014_2015(f: Facts) -> Value:
    y = f.per_year(f.aa)
    a, b = y.get(2014, 0), y.get(2015, 0)
    return Value(a > 0 and b >= Fraction(3, 2) * a, f"2014: {a}, 2015: {b}")


def _peak_2016(f: Facts) -> Value:
    aa, ev = f.per_year(f.aa), f.per_year(f.events)
    ok = bool(aa) and max(aa, key=aa.get) == 2016 and max(ev, key=ev.get) == 2016 \
        and sorted(aa.values())[-1] > sorted(aa.values())[-2]
    return Value(ok, "arrest actions " + _years(f, f.aa))


def _first_attack_year(f: Facts) -> Value:
    if f.attacks.empty:
        return Value(None, "no attack")
    return _n(int(f.attacks["year"].min()))


def _annualised_drop(f: Facts) -> Value:
    y = f.per_year(f.events)
    e16, e17 = y.get(2016, 0), y.get(2017, 0)
    if not e16:
        return Value(None, "no 2016 events")
    drop = 1 - Fraction(e17 * 12, 10) / e16
    return Value(drop, f"1 - ({e17} x 12/10) / {e16} = {100 * float(drop):.1f}%")


def _back_to_2014(f: Facts) -> Value:
    y = f.per_year(f.events)
    e14, e17 = y.get(2014, 0), y.get(2017, 0)
    return Value(e14 > 0 and abs(e17 - e14) <= Fraction(e14, 5), f"2014: {e14}, 2017: {e17}")


def _period(f: Facts) -> Value:
    s = f.sites
    fine = s[s["date_precision"] != "year"]
    dates = pd.to_datetime(fine["date"])
    ok_fine = bool(((dates >= "2014-06-01") & (dates < "2017-11-01")).all())
    ok_years = bool(s["year"].between(2014, 2017).all())
    shown = (f"{str(dates.min())[:10]} to {str(dates.max())[:10]}; years "
             f"{int(s['year'].min())}-{int(s['year'].max())}") if len(s) else "empty"
    return Value(ok_fine and ok_years, shown)


def _five_networks(f: Facts) -> Value:
    tied = f.linked_aa[f.linked_aa["network_list"].map(bool)]
    five = tied["network_list"].map(lambda names: any(n in FIVE_NETWORKS for n in names))
    links_five = sum(f.network_links.get(n, 0) for n in FIVE_NETWORKS)
    links_all = sum(f.network_links.values())
    v = _share(int(five.sum()), len(tied))
    extra = f"; links {links_five}/{links_all}" + (
        f" = {100 * links_five / links_all:.1f}%" if links_all else "")
    return Value(v.value, v.shown + extra)


def _network_actions(f: Facts) -> Value:
    tied = int(f.linked_aa["network_list"].map(bool).sum())
    outside = int(f.events[f.events["link"] != "linked"]["network_list"].map(bool).sum())
    return Value(tied if outside == 0 else None, f"{tied} of {len(f.linked_aa)} linked"
                 + (f" ({outside} outside linked)" if outside else ""))


def _network_names(f: Facts) -> Value:
    names = set(f.network_links)
    unknown = names - set(TABLE_1)
    return Value(len(names) if not unknown else None,
                 f"{len(names)} names" + (f"; not in Table 1: {sorted(unknown)}" if unknown else ""))


def _dual(f: Facts, a: str, b: str) -> Value:
    n = int(f.aa["network_list"].map(lambda names: set(names) == {a, b}).sum())
    return _n(n)


def _links_and_duals(f: Facts) -> Value:
    links = sum(f.network_links.values())
    multi = int(f.aa["network_list"].map(lambda names: len(names) > 1).sum())
    return Value((links, multi), f"{links} links; {multi} actions with 2+ networks")


def _with_field(f: Facts, field: str) -> Value:
    ids = set(f.sites.loc[f.sites[field] != "", "event_id"])
    return _n(len(ids))


def _attacks_complete(f: Facts) -> Value:
    ok = all(f.attacks.index.map(lambda e: bool(f.event_targets([e])))) and \
        bool((f.attacks["weapon"] != "").all())
    return Value(bool(ok) and len(f.attacks) > 0,
                 f"{len(f.attacks)} attacks, weapon and target on every one: {ok}")


def _knife_police(f: Facts) -> pd.DataFrame:
    att = f.attacks
    return att[(att["weapon"] == "knife")
               & att.index.map(lambda e: "police" in f.event_targets([e])).astype(bool)]


def _explosive_attacks(f: Facts) -> pd.DataFrame:
    return f.attacks[f.attacks["weapon"] == "explosive"]


def _explosive_targets(f: Facts) -> Value:
    targets = f.event_targets(_explosive_attacks(f).index)
    return Value({"transport", "airport"} <= targets, ", ".join(sorted(targets)) or "none")


def _tatp_verviers(f: Facts) -> Value:
    ex = f.aa[f.aa["weapon"] == "explosive"]
    if len(ex) != 1:
        return Value(False, f"{len(ex)} arrest actions with explosives")
    row = ex.iloc[0]
    date = pd.Timestamp(row["date"])
    ok = (row["municipality_nis"] == vocab.REPORT_CITIES["Verviers"] and row["date_precision"] == "day"
          and pd.Timestamp("2015-01-10") <= date <= pd.Timestamp("2015-01-20"))
    return Value(bool(ok), f"1 arrest action with explosives: {row['place']}, {str(date)[:10]}")


# ---------------------------------------------------------------------------------------------
# The published figures
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Figure:
    id: str
    wording: str                       # the report's own words (short quote)
    published: str                     # as printed
    compute: Callable[[Facts], Value]  # of the incident table
    rule: Rule


def _table1_figures() -> list[Figure]:
    return [Figure(f"table1-{name.lower().replace(' ', '-')}",
                   f"Table 1: {name}, number of arrest actions", str(n),
                   lambda f, name=name: _n(f.network_links.get(name, 0)),
                   count(n, "links per network over arrest actions (an action tied to two "
                            "networks counts for both)"))
            for name, n in TABLE_1.items()]


FIGURES: list[Figure] = [
    # --- Totals -------------------------------------------------------------------------------
    Figure("events-107", "four attacks and 103 arrest actions", "107",
           lambda f: _n(len(f.events)), count(107, "distinct events (event_id)")),
    Figure("attacks-4", "The dataset consists of four attacks", "4",
           lambda f: _n(len(f.attacks)), count(4, "attack events")),
    Figure("arrest-actions-103", "and 103 arrest actions", "103",
           lambda f: _n(len(f.aa)), count(103, "arrest-action events")),
    Figure("arrested-135", "A total of 135 individuals were arrested as a result of the 103 "
           "arrest actions", "135", lambda f: _n(f.aa["n_arrested"].sum()),
           count(135, "sum of n_arrested over arrest actions (attacks carry 0 by convention)")),
    Figure("march-2016-two-sites", "That event was coded as having occurred in both places",
           "Zaventem and Brussels", _march_2016,
           holds("the 2016-03-22 attack is one event with one site in Zaventem and one in "
                 "Brussels")),
    Figure("sites-108", "(derived) 107 incidents, one of them coded in two places", "108",
           lambda f: _n(len(f.sites)), count(108, "rows (sites)")),
    Figure("period", "between June 2014 and October 2017", "Jun 2014-Oct 2017", _period,
           holds("day/month-dated sites fall in Jun 2014-Oct 2017; year-dated rows in "
                 "2014-2017")),
    # --- Figure 1 and the trend ---------------------------------------------------------------
    Figure("fig1-rise-2014-2015", "the number of arrest actions rose considerably from 2014 to "
           "2015", "rose considerably", _rise_2014_2015,
           holds("arrest actions 2015 >= 1.5 x 2014 (our reading of 'considerably')")),
    Figure("fig1-peak-2016", "and reached its peak in 2016", "peak 2016", _peak_2016,
           holds("2016 has strictly the most arrest actions and the most events")),
    Figure("fig1-attacks-first-2016", "the same year that attacks also first appear in our "
           "dataset", "2016", _first_attack_year, count(2016, "year of the earliest attack")),
    Figure("fig1-drop-2017", "When the data we have for 2017 (until the end of October) is "
           "annualized, a 70% decrease", "70%", _annualised_drop,
           percent(70, "events, 2017 x 12/10 against 2016")),
    Figure("fig1-2017-at-2014-level", "the data clearly shows a reduction to 2014 incidents "
           "levels", "2014 level", _back_to_2014,
           holds("events 2017 within 20% of events 2014 (our reading of 'level')")),
    # --- Places -------------------------------------------------------------------------------
    Figure("brussels-62", "Sixty-two incidents (57%) occurred in Brussels", "62",
           lambda f: _n(len(f.events_in(vocab.BRUSSELS_CITY))),
           count(62, "events with a site in the Brussels-Capital Region (= its sites here)")),
    Figure("brussels-57pct", "Sixty-two incidents (57%) occurred in Brussels", "57%",
           lambda f: _share(len(f.events_in(vocab.BRUSSELS_CITY)), len(f.events)),
           percent(57, "events in Brussels / all 107 events (57.9% truncated; see module "
                       "docstring)")),
    Figure("brussels-attacks-3", "including three of the four attacks", "3",
           lambda f: _n(len(f.events_in(vocab.BRUSSELS_CITY) & set(f.attacks.index))),
           count(3, "attack events with a site in Brussels")),
    Figure("brussels-charleroi-71pct", "71% of all incidents (arrest actions and attacks) "
           "occurred in Brussels and Charleroi", "71%",
           lambda f: _share(len(f.events_in(vocab.BRUSSELS_CITY, "Charleroi")), len(f.events)),
           percent(71, "events with a site in Brussels or Charleroi / all events")),
    Figure("brussels-detail-20", "This level of detail was available for 20 incidents (out of "
           "62 total incidents in Brussels)", "20", lambda f: _n(len(f.brussels_detail)),
           count(20, "Brussels sites at municipality or point precision")),
    Figure("molenbeek-45pct", "45% and 25% of all incidents occurring in the municipalities of "
           "Molenbeek and Schaerbeek", "45%", lambda f: _muni_share(f, "21012"),
           percent(45, "Molenbeek sites / the 20 Brussels sites with municipality detail")),
    Figure("schaerbeek-25pct", "45% and 25% ... Molenbeek and Schaerbeek, respectively", "25%",
           lambda f: _muni_share(f, "21015"),
           percent(25, "Schaerbeek sites / the 20 Brussels sites with municipality detail")),
    Figure("charleroi-second", "The Belgian city with the second-highest number of incidents "
           "was Charleroi", "2nd", _charleroi_rank, count(2, "rank of Charleroi by sites")),
    Figure("charleroi-aa-13", "Charleroi, where 13 arrest actions and one attack took place",
           "13", lambda f: _n((f.city_sites("Charleroi")["kind"] == "arrest_action").sum()),
           count(13, "arrest-action sites in Charleroi")),
    Figure("charleroi-attack-1", "where 13 arrest actions and one attack took place", "1",
           lambda f: _n((f.city_sites("Charleroi")["kind"] == "attack").sum()),
           count(1, "attack sites in Charleroi")),
    Figure("charleroi-14", "Charleroi is the second-most important hotspot with 14 incidents",
           "14", lambda f: _n(len(f.city_sites("Charleroi"))), count(14, "sites in Charleroi")),
    Figure("zaventem-5", "Zaventem (5)", "5", lambda f: _n(len(f.city_sites("Zaventem"))),
           count(5, "sites in Zaventem (includes the March 2016 airport site)")),
    Figure("zaventem-airport-4", "where four out of five of these incidents occurred", "4",
           _zaventem_airport, count(4, "Zaventem sites whose place is Brussels Airport")),
    Figure("verviers-4", "Verviers (4)", "4", lambda f: _n(len(f.city_sites("Verviers"))),
           count(4, "sites in Verviers")),
    Figure("antwerp-4", "the low number of incidents (4) in Antwerp", "4",
           lambda f: _n(len(f.city_sites("Antwerp"))), count(4, "sites in Antwerp")),
    Figure("antwerp-arrested-11", "which resulted in a total of 11 people being arrested", "11",
           lambda f: _n(f.city_sites("Antwerp")["n_arrested"].sum()),
           count(11, "sum of n_arrested over Antwerp sites")),
    Figure("ostend-2", "Ostend (2)", "2", lambda f: _n(len(f.city_sites("Ostend"))),
           count(2, "sites in Ostend")),
    Figure("liege-2", "and Liège (2)", "2", lambda f: _n(len(f.city_sites("Liège"))),
           count(2, "sites in Liège")),
    Figure("figure2-cities", "Figure 2: Number of Incidents in Belgian Cities with More than "
           "One Incident", "7 cities", _figure2,
           holds("the cities with more than one site are exactly Brussels, Charleroi, "
                 "Zaventem, Verviers, Antwerp, Ostend and Liège")),
    Figure("other-cities-max-1", "The following cities also had more than one arrest action "
           "occur", "others <= 1", _other_cities_max,
           holds("every other city has at most one site; region-precision rows count for no "
                 "city")),
    Figure("charleroi-airport-1", "only one individual in the dataset was arrested at that "
           "airport", "1", _charleroi_airport,
           count(1, "n_arrested of arrest actions placed at Brussels South Charleroi Airport")),
    Figure("charleroi-traveled-50pct", "In 50% of the 14 incidents that occurred in Charleroi, "
           "at least one of the individuals arrested had previously traveled", "50%",
           lambda f: _traveled_share(f, "Charleroi"),
           percent(50, "Charleroi sites with traveled=true / all Charleroi sites")),
    Figure("brussels-traveled-44pct", "an even higher share than the 44% in the much larger "
           "sample size of Brussels", "44%", lambda f: _traveled_share(f, vocab.BRUSSELS_CITY),
           percent(44, "Brussels sites with traveled=true / all 62 Brussels sites")),
    # --- Linked and inspired ------------------------------------------------------------------
    Figure("linked-aa-94", "94 of the 103 arrest actions ... had some form of direct link",
           "94", lambda f: _n(len(f.linked_aa)), count(94, "linked arrest actions")),
    Figure("linked-aa-91pct", "Ninety-one percent of all arrest actions had some form of "
           "direct link", "91%", lambda f: _share(len(f.linked_aa), len(f.aa)),
           percent(91, "linked arrest actions / arrest actions")),
    Figure("inspired-aa-9", "only nine arrest actions ... were coded as 'inspired'", "9",
           lambda f: _n(len(f.inspired_aa)), count(9, "inspired arrest actions")),
    Figure("inspired-arrested-14", "which resulted in 14 people being arrested", "14",
           lambda f: _n(f.inspired_aa["n_arrested"].sum()),
           count(14, "sum of n_arrested over inspired arrest actions")),
    Figure("inspired-attacks-75pct", "three out of the four attacks (75%) were perpetrated by "
           "inspired individuals", "75%",
           lambda f: _share(int((f.attacks["link"] == "inspired").sum()), len(f.attacks)),
           percent(75, "inspired attacks / attacks (3 of 4)")),
    Figure("linked-attack-march-2016", "the one that was directly connected to the Islamic "
           "State ... the March 2016 attack", "1 (March 2016)", _march_linked,
           holds("exactly one linked attack, dated 2016-03-22")),
    Figure("inspired-incidents-attacks-25pct", "25% of all the incidents coded as inspired "
           "were attacks", "25%",
           lambda f: _share(int((f.attacks["link"] == "inspired").sum()),
                            int((f.events["link"] == "inspired").sum())),
           percent(25, "inspired attacks / inspired events (attacks + arrest actions)")),
    Figure("linked-incidents-attacks-1pct", "versus 1% of all linked incidents", "1%",
           lambda f: _share(int((f.attacks["link"] == "linked").sum()),
                            int((f.events["link"] == "linked").sum())),
           percent(1, "linked attacks / linked events (attacks + arrest actions)")),
    # --- Connection ---------------------------------------------------------------------------
    Figure("connection-known-70", "70 of the 94 linked arrest actions had enough details",
           "70", lambda f: _n(_connection(f, "local_cell", "deployed_operative", "both")),
           count(70, "linked arrest actions with connection other than unknown")),
    Figure("local-cell-60", "Sixty arrest actions ... were connected to the Islamic State "
           "through a local cell", "60", lambda f: _n(_connection(f, "local_cell", "both")),
           count(60, "connection local_cell or both")),
    Figure("local-cell-85.7pct", "Sixty arrest actions (85.7% of the total)", "85.7%",
           lambda f: _share(_connection(f, "local_cell", "both"),
                            _connection(f, "local_cell", "deployed_operative", "both")),
           percent(85.7, "local cell (incl. both) / the 70 with known connection")),
    Figure("deployed-13", "13 arrest actions ... had a connection to a deployed operative",
           "13", lambda f: _n(_connection(f, "deployed_operative", "both")),
           count(13, "connection deployed_operative or both (60 + 13 - 70 = 3 are both)")),
    Figure("deployed-18pct", "13 arrest actions (a little more than 18%)", "> 18%",
           lambda f: _share(_connection(f, "deployed_operative", "both"),
                            _connection(f, "local_cell", "deployed_operative", "both")),
           share_range(0.18, 0.19, "deployed (incl. both) / the 70 known; 'a little more than "
                       "18%' read as 18% < share < 19%", low_strict=True)),
    # --- Networks -----------------------------------------------------------------------------
    Figure("networks-at-least-10", "there are at least 10 named Islamic State network "
           "clusters in Belgium", "at least 10", _network_names,
           at_least(10, "distinct network names, all of them from Table 1")),
    Figure("network-actions-56", "coders were able to associate or tie 56 of the 94 Islamic "
           "State-linked arrest action cases", "56", _network_actions,
           count(56, "linked arrest actions with at least one network; none outside linked")),
    Figure("network-actions-more-than-half", "more than half of the applicable data",
           "> 50%", lambda f: _share(int(f.linked_aa["network_list"].map(bool).sum()),
                                     len(f.linked_aa)),
           share_range(0.5, 1.01, "tied / linked arrest actions; more than half",
                       low_strict=True)),
    *_table1_figures(),
    Figure("table1-dual-zerkani-brussels", "One arrest action was connected to both the Zerkani "
           "network and the Brussels cell", "1",
           lambda f: _dual(f, "Zerkani network", "Brussels cell"),
           count(1, "arrest actions with exactly these two networks")),
    Figure("table1-dual-paris-brussels", "One arrest action was also connected to both the "
           "Paris and Brussels cells", "1", lambda f: _dual(f, "Paris cell", "Brussels cell"),
           count(1, "arrest actions with exactly these two networks")),
    Figure("table1-links-58", "The numbers above reflect the total number of links for each "
           "network", "58 links, 2 dual", _links_and_duals,
           count((58, 2), "(links, actions with two or more networks): 58 links over 56 "
                          "actions, so only the two dual actions carry two networks")),
    Figure("five-networks-almost-80pct", "these five networks account for almost 80% of all "
           "the incidents that could be tied to an identified network", "almost 80%",
           _five_networks,
           share_range(0.70, 0.80, "actions tied to Zerkani, Paris, Brussels, Verviers or "
                       "Argenteuil / actions tied to any network; 'almost 80%' read as 70% <= "
                       "share < 80%. Table 1 fixes it at 42/56 = 75.0% (44/58 links = 75.9%): "
                       "the report's wording is generous")),
    # --- Plots --------------------------------------------------------------------------------
    Figure("plots-18", "There were 18 plots disrupted over the time period studied", "18",
           lambda f: _n(f.aa["plot"].sum()), count(18, "arrest actions with plot=true")),
    Figure("plots-17pct", "17% of all arrest actions resulted in the disruption of a plot",
           "17%", lambda f: _share(int(f.aa["plot"].sum()), len(f.aa)),
           percent(17, "plots / arrest actions")),
    Figure("plots-2016-72pct", "The overwhelming majority of these plots, 72%, were disrupted "
           "in 2016", "72%",
           lambda f: _share(int(f.aa.loc[f.aa["year"] == 2016, "plot"].sum()),
                            int(f.aa["plot"].sum())),
           percent(72, "plots in 2016 / plots")),
    # --- Weapons and targets ------------------------------------------------------------------
    Figure("weapons-8", "Only eight incidents provided data regarding a weapon used or "
           "recovered", "8", lambda f: _with_field(f, "weapon"),
           count(8, "events with a weapon on any site")),
    Figure("targets-9", "and nine provided actual or potential target locations", "9",
           lambda f: _with_field(f, "target"), count(9, "events with a target on any site")),
    Figure("weapons-targets-attacks", "These figures include information from the four terror "
           "attacks", "4 attacks", _attacks_complete,
           holds("every attack has a weapon and a target")),
    Figure("knife-attacks-police-2", "two of the four attacks in the dataset were knife attacks "
           "that targeted police officers", "2", lambda f: _n(len(_knife_police(f))),
           count(2, "attacks with weapon knife and target police")),
    Figure("knife-attacks-inspired", "those two attacks were conducted by individuals inspired",
           "inspired", lambda f: Value(
               len(_knife_police(f)) > 0 and bool((_knife_police(f)["link"] == "inspired").all()),
               ", ".join(_knife_police(f)["link"]) or "none"),
           holds("both knife attacks on police are inspired")),
    Figure("explosive-attacks-2", "Explosive devices were used in the other two attacks", "2",
           lambda f: _n(len(_explosive_attacks(f))), count(2, "attacks with weapon explosive")),
    Figure("explosive-targets", "which targeted train stations and the Brussels airport",
           "stations, airport", _explosive_targets,
           holds("the explosive attacks' site targets include transport and airport")),
    Figure("tatp-verviers", "the only other time TATP appears in the dataset is when it was "
           "found in Verviers ... in mid-January 2015", "Verviers, mid-Jan 2015",
           _tatp_verviers,
           holds("exactly one arrest action has weapon explosive: Verviers, dated 10-20 January "
                 "2015")),
]


# ---------------------------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------------------------

def check_report(incidents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each published figure beside the computed one.

    ``incidents``: the typed table of :func:`geo.incidents.table.load_incidents` (default: the
    project's). Returns one row per figure with columns ``figure``, ``wording``, ``published``,
    ``computed``, ``rule``, ``matches``."""
    if incidents is None:
        from geo.incidents.table import load_incidents

        incidents = load_incidents()
    facts = Facts(incidents)
    rows = []
    for fig in FIGURES:
        try:
            value = fig.compute(facts)
            ok = bool(fig.rule.matches(value.value))
            shown = value.shown
        except (KeyError, IndexError, ValueError, TypeError, ZeroDivisionError) as exc:
            ok, shown = False, f"error: {exc}"
        rows.append({"figure": fig.id, "wording": fig.wording, "published": fig.published,
                     "computed": shown, "rule": fig.rule.describe(), "matches": ok})
    return pd.DataFrame(rows, columns=["figure", "wording", "published", "computed", "rule",
                                       "matches"])


def summary(table: pd.DataFrame) -> tuple[int, int]:
    """(figures that match, figures checked)."""
    return int(table["matches"].sum()), int(len(table))


def _cut(text: str, width: int) -> str:
    text = str(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def format_check(table: pd.DataFrame, *, rules: bool = False) -> str:
    """A fixed-width table (one line per figure; with ``rules``, the comparison rule under
    each) and a summary line "N of M figures match"."""
    widths = {"figure": 34, "published": 22, "computed": 40, "ok": 3}
    header = (f"{'figure':<{widths['figure']}} {'published':<{widths['published']}} "
              f"{'computed':<{widths['computed']}} {'ok':<{widths['ok']}} report's words")
    lines = [header, "-" * len(header)]
    for r in table.itertuples(index=False):
        lines.append(
            f"{_cut(r.figure, widths['figure']):<{widths['figure']}} "
            f"{_cut(r.published, widths['published']):<{widths['published']}} "
            f"{_cut(r.computed, widths['computed']):<{widths['computed']}} "
            f"{'yes' if r.matches else 'NO':<{widths['ok']}} {_cut(r.wording, 70)}")
        if rules:
            lines.append(" " * 4 + "rule: " + str(r.rule))
    ok, total = summary(table)
    lines.append("")
    failing = [str(f) for f, m in zip(table["figure"], table["matches"]) if not m]
    tail = f" (not matching: {', '.join(failing)})" if failing else ""
    lines.append(f"{ok} of {total} figures match{tail}")
    return "\n".join(lines)
