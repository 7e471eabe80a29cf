"""Every incident figure printed in the report, listed once, declaratively: an id, the report's own
words, the value as printed, a function of the incident table (:class:`~geo.report.facts.Facts`)
and the rule used to compare them (:mod:`geo.report.rules`).

The report is Van Vlierden, Lewis and Rassler, "Beyond the Caliphate: Islamic State Activity
Outside the Group's Defined Wilayat - Belgium" (CTC at West Point, 2018).

Denominators were checked, not assumed: "57% in Brussels" holds with the 107 events (57.9%,
truncated) and with the 108 sites (57.4%, rounded), but "71% in Brussels and Charleroi" holds
only with the 107 events (76/107 = 71.0%; 76/108 = 70.4%), so both use events.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

import pandas as pd

from geo import vocab
from geo.i18n import N_, _
from geo.report.facts import Facts, Value, count_of, share_of, statement, sum_of
from geo.report.rules import Rule, at_least, count, holds, percent, share_range

#: Table 1: network associations of arrest actions (number of links per network).
TABLE_1: dict[str, int] = {
    "Zerkani network": 13, "Paris cell": 12, "Brussels cell": 10, "Verviers cell": 6,
    "Jumet cell": 4, "Ostend Chechen network": 4, "Maaseik network": 3, "Argenteuil cell": 3,
    "The Way of Life": 2, "Kamikaze Riders": 1,
}
#: "five of these entities ... can be considered as parts of a whole"
FIVE_NETWORKS = ("Zerkani network", "Paris cell", "Brussels cell", "Verviers cell", "Argenteuil cell")
BXL = vocab.BRUSSELS_CITY


@dataclass(frozen=True)
class Figure:
    id: str
    wording: str                       # the report's own words (short quote)
    published: str                     # as printed
    compute: Callable[[Facts], Value]  # of the incident table
    rule: Rule


# ------------------------------------------------------------------------- statements and shares
def _muni_share(f: Facts, nis: str) -> Value:
    d = f.brussels_detail
    return share_of(d[d["municipality_nis"] == nis], d)


def _traveled_share(f: Facts, city: str) -> Value:
    sub = f.city_sites(city)
    return share_of(sub[sub["traveled"] == "true"], sub)


def _march_2016(f: Facts) -> Value:
    att = f.attacks[f.attacks["date"].astype(str).str.startswith("2016-03-22")]
    if len(att) != 1:
        return statement(False, _("{n} attack events on 2016-03-22").format(n=len(att)), att)
    sites = f.sites[f.sites["event_id"] == att.index[0]]
    cities = sorted(sites["city"])
    return statement(cities == [BXL, "Zaventem"], _("{n} sites: {cities}").format(n=len(sites), cities=", ".join(cities)), sites)


def _march_linked(f: Facts) -> Value:
    linked = f.attacks[f.attacks["link"] == "linked"]
    dates = [str(d)[:10] for d in linked["date"]]
    return statement(dates == ["2016-03-22"], _("{n} linked: {dates}").format(n=len(linked), dates=", ".join(dates) or _("none")), linked)


def _figure2(f: Facts) -> Value:
    expected = {BXL} | set(vocab.REPORT_CITIES)
    counts = f.city_counts
    names = {BXL: BXL} | {
        f.sites.loc[f.sites["municipality_nis"] == nis, "city"].iloc[0]: name
        for name, nis in vocab.REPORT_CITIES.items() if (f.sites["municipality_nis"] == nis).any()}
    above = {names.get(c, c) for c, n in counts.items() if n > 1}
    others = counts[[names.get(c, c) not in expected for c in counts.index]]
    shown = _("{n} cities above 1; largest other: {top}").format(n=len(above), top=int(others.max()) if len(others) else 0)
    return statement(above == expected, shown, f.named_city_sites)


def _other_cities_max(f: Facts) -> Value:
    nis = set(vocab.REPORT_CITIES.values())
    other = f.named_city_sites[(f.named_city_sites["city"] != BXL) & ~f.named_city_sites["municipality_nis"].isin(nis)]
    top = int(other.groupby("city").size().max()) if len(other) else 0
    return statement(top <= 1, _("largest other city: {n}").format(n=top), other)


def _charleroi_rank(f: Facts) -> Value:
    counts = f.city_counts
    here = f.city_sites("Charleroi")
    if here.empty:
        return Value(None, _("no Charleroi site"))
    rank = list(counts.index).index(here["city"].iloc[0]) + 1
    second = counts.iloc[1] if len(counts) > 1 else 0
    tie = (counts == counts.iloc[rank - 1]).sum() > 1
    return Value(None if tie else rank, (_("rank {rank} ({n} sites), tied") if tie else _("rank {rank} ({n} sites)")).format(rank=rank, n=int(second)), basis=here)


def _charleroi_airport(f: Facts) -> Value:
    sub = f.city_sites("Charleroi")
    at_airport = sub[sub["place"].str.contains("Charleroi Airport", case=False) & (sub["kind"] == "arrest_action")]
    n = int(at_airport["n_arrested"].sum())
    return Value(n, _("{n} arrested in {k} action(s)").format(n=n, k=len(at_airport)), basis=at_airport, weight="n_arrested")


def _zaventem_airport(f: Facts) -> Value:
    sub = f.city_sites("Zaventem")
    airport = sub[sub["place"].str.contains("Brussels Airport", case=False)]
    return Value(len(airport), _("{n} of {total}").format(n=len(airport), total=len(sub)), basis=airport)


def _years(f: Facts, frame: pd.DataFrame) -> str:
    return ", ".join(f"{y}: {n}" for y, n in sorted(f.per_year(frame).items()))


def _rise_2014_2015(f: Facts) -> Value:
    y = f.per_year(f.aa)
    a, b = y.get(2014, 0), y.get(2015, 0)
    return statement(a > 0 and b >= Fraction(3, 2) * a, f"2014: {a}, 2015: {b}", f.in_years(f.aa, 2014, 2015))


def _peak_2016(f: Facts) -> Value:
    aa, ev = f.per_year(f.aa), f.per_year(f.events)
    ok = bool(aa) and max(aa, key=aa.get) == 2016 and max(ev, key=ev.get) == 2016 \
        and sorted(aa.values())[-1] > sorted(aa.values())[-2]
    return statement(ok, _("arrest actions {years}").format(years=_years(f, f.aa)), f.events)


def _first_attack_year(f: Facts) -> Value:
    if f.attacks.empty:
        return Value(None, _("no attack"))
    first = int(f.attacks["year"].min())
    return Value(first, str(first), basis=f.attacks[f.attacks["year"] == first])


def _annualised_drop(f: Facts) -> Value:
    y = f.per_year(f.events)
    e16, e17 = y.get(2016, 0), y.get(2017, 0)
    if not e16:
        return Value(None, _("no 2016 events"))
    drop = 1 - Fraction(e17 * 12, 10) / e16
    return Value(drop, f"1 - ({e17} x 12/10) / {e16} = {100 * float(drop):.1f}%",
                 basis=f.in_years(f.events, 2016, 2017))


def _back_to_2014(f: Facts) -> Value:
    y = f.per_year(f.events)
    e14, e17 = y.get(2014, 0), y.get(2017, 0)
    return statement(e14 > 0 and abs(e17 - e14) <= Fraction(e14, 5), f"2014: {e14}, 2017: {e17}",
                     f.in_years(f.events, 2014, 2017))


def _period(f: Facts) -> Value:
    s = f.sites
    fine = s[s["date_precision"] != "year"]
    dates = pd.to_datetime(fine["date"])
    ok_fine = bool(((dates >= "2014-06-01") & (dates < "2017-11-01")).all())
    ok_years = bool(s["year"].between(2014, 2017).all())
    shown = _("{first} to {last}; years {a}-{b}").format(
        first=str(dates.min())[:10], last=str(dates.max())[:10], a=int(s["year"].min()),
        b=int(s["year"].max())) if len(s) else _("empty")
    return statement(ok_fine and ok_years, shown, s)


def _five_networks(f: Facts) -> Value:
    tied = f.linked_aa[f.linked_aa["network_list"].map(bool)]
    five = tied[tied["network_list"].map(lambda names: any(n in FIVE_NETWORKS for n in names))]
    links_five = sum(f.network_links.get(n, 0) for n in FIVE_NETWORKS)
    links_all = sum(f.network_links.values())
    v = share_of(five, tied)
    extra = _("; links {n}/{total}").format(n=links_five, total=links_all) + (f" = {100 * links_five / links_all:.1f}%" if links_all else "")
    return Value(v.value, v.shown + extra, basis=five, base=tied)


def _network_actions(f: Facts) -> Value:
    tied = f.linked_aa[f.linked_aa["network_list"].map(bool)]
    outside = int(f.events[f.events["link"] != "linked"]["network_list"].map(bool).sum())
    return Value(len(tied) if outside == 0 else None, _("{n} of {total} linked").format(n=len(tied), total=len(f.linked_aa))
                 + (_(" ({n} outside linked)").format(n=outside) if outside else ""), basis=tied)


def _network_names(f: Facts) -> Value:
    names = set(f.network_links)
    unknown = names - set(TABLE_1)
    return Value(len(names) if not unknown else None,
                 _("{n} names").format(n=len(names)) + (_("; not in Table 1: {names}").format(names=sorted(unknown)) if unknown else ""),
                 basis=f.networked_aa)


def _network(f: Facts, name: str) -> Value:
    return count_of(f.aa[f.aa["network_list"].map(lambda names: name in names)])


def _dual(f: Facts, a: str, b: str) -> Value:
    return count_of(f.aa[f.aa["network_list"].map(lambda names: set(names) == {a, b})])


def _links_and_duals(f: Facts) -> Value:
    links = sum(f.network_links.values())
    multi = int(f.aa["network_list"].map(lambda names: len(names) > 1).sum())
    return Value((links, multi), _("{n} links; {k} actions with 2+ networks").format(n=links, k=multi), basis=f.networked_aa)


def _attacks_complete(f: Facts) -> Value:
    ok = all(f.attacks.index.map(lambda e: bool(f.event_targets([e])))) and bool((f.attacks["weapon"] != "").all())
    return statement(bool(ok) and len(f.attacks) > 0, _("{n} attacks, weapon and target on every one: {ok}").format(n=len(f.attacks), ok=_("yes") if ok else _("no")),
                     f.attacks)


def _knife_inspired(f: Facts) -> Value:
    knife = f.knife_police
    return statement(len(knife) > 0 and bool((knife["link"] == "inspired").all()), ", ".join(_(vocab.LINK_LABELS.get(k, k)).lower() for k in knife["link"]) or _("none"),
                     knife)


def _explosive_targets(f: Facts) -> Value:
    targets = f.event_targets(f.explosive_attacks.index)
    return statement({"transport", "airport"} <= targets, ", ".join(sorted(targets)) or _("none"), f.explosive_attacks)


def _tatp_verviers(f: Facts) -> Value:
    ex = f.aa[f.aa["weapon"] == "explosive"]
    if len(ex) != 1:
        return statement(False, _("{n} arrest actions with explosives").format(n=len(ex)), ex)
    row = ex.iloc[0]
    date = pd.Timestamp(row["date"])
    ok = (row["municipality_nis"] == vocab.REPORT_CITIES["Verviers"] and row["date_precision"] == "day"
          and pd.Timestamp("2015-01-10") <= date <= pd.Timestamp("2015-01-20"))
    return statement(bool(ok), _("1 arrest action with explosives: {place}, {date}").format(place=row["place"], date=str(date)[:10]), ex)


def _kind_at(f: Facts, city: str, kind: str) -> pd.DataFrame:
    sub = f.city_sites(city)
    return sub[sub["kind"] == kind]


def _plots(f: Facts) -> pd.DataFrame:
    return f.aa[f.aa["plot"].astype(bool)]


def _attacks_linked_as(f: Facts, link: str) -> pd.DataFrame:
    return f.attacks[f.attacks["link"] == link]


def _table1_figures() -> list[Figure]:
    return [Figure(f"table1-{name.lower().replace(' ', '-')}", f"Table 1: {name}, number of arrest actions", str(n),
                   lambda f, name=name: _network(f, name),
                   count(n, N_("links per network over arrest actions (an action tied to two networks counts for both)")))
            for name, n in TABLE_1.items()]


FIGURES: list[Figure] = [
    # --- Totals -------------------------------------------------------------------------------
    Figure("events-107", "four attacks and 103 arrest actions", "107",
           lambda f: count_of(f.events), count(107, N_("distinct events (the sites of one event count once)"))),
    Figure("attacks-4", "The dataset consists of four attacks", "4",
           lambda f: count_of(f.attacks), count(4, N_("attack events"))),
    Figure("arrest-actions-103", "and 103 arrest actions", "103",
           lambda f: count_of(f.aa), count(103, N_("arrest-action events"))),
    Figure("arrested-135", "A total of 135 individuals were arrested as a result of the 103 arrest actions", "135",
           lambda f: sum_of(f.aa, "n_arrested"),
           count(135, N_("people arrested, summed over arrest actions (an attack counts none)"))),
    Figure("march-2016-two-sites", "That event was coded as having occurred in both places", "Zaventem and Brussels",
           _march_2016, holds(N_("the 2016-03-22 attack is one event with one site in Zaventem and one in Brussels"))),
    Figure("sites-108", "(derived) 107 incidents, one of them coded in two places", "108",
           lambda f: count_of(f.sites), count(108, N_("rows (sites)"))),
    Figure("period", "between June 2014 and October 2017", "Jun 2014-Oct 2017", _period,
           holds(N_("day/month-dated sites fall in Jun 2014-Oct 2017; year-dated rows in 2014-2017"))),
    # --- Figure 1 and the trend ---------------------------------------------------------------
    Figure("fig1-rise-2014-2015", "the number of arrest actions rose considerably from 2014 to 2015",
           "rose considerably", _rise_2014_2015,
           holds(N_("arrest actions 2015 >= 1.5 x 2014 (our reading of 'considerably')"))),
    Figure("fig1-peak-2016", "and reached its peak in 2016", "peak 2016", _peak_2016,
           holds(N_("2016 has strictly the most arrest actions and the most events"))),
    Figure("fig1-attacks-first-2016", "the same year that attacks also first appear in our dataset", "2016",
           _first_attack_year, count(2016, N_("year of the earliest attack"))),
    Figure("fig1-drop-2017", "When the data we have for 2017 (until the end of October) is annualized, a 70% "
           "decrease", "70%", _annualised_drop, percent(70, N_("events, 2017 x 12/10 against 2016"))),
    Figure("fig1-2017-at-2014-level", "the data clearly shows a reduction to 2014 incidents levels", "2014 level",
           _back_to_2014, holds(N_("events 2017 within 20 percent of events 2014 (our reading of 'level')"))),
    # --- Places -------------------------------------------------------------------------------
    Figure("brussels-62", "Sixty-two incidents (57%) occurred in Brussels", "62",
           lambda f: count_of(f.events_in(BXL)),
           count(62, N_("events with a site in the Brussels-Capital Region (= its sites here)"))),
    Figure("brussels-57pct", "Sixty-two incidents (57%) occurred in Brussels", "57%",
           lambda f: share_of(f.events_in(BXL), f.events),
           percent(57, N_("events in Brussels / all 107 events (57.9% truncated; see module docstring)"))),
    Figure("brussels-attacks-3", "including three of the four attacks", "3",
           lambda f: count_of(f.events_in(BXL).loc[lambda e: e["kind"] == "attack"]),
           count(3, N_("attack events with a site in Brussels"))),
    Figure("brussels-charleroi-71pct", "71% of all incidents (arrest actions and attacks) occurred in Brussels and "
           "Charleroi", "71%", lambda f: share_of(f.events_in(BXL, "Charleroi"), f.events),
           percent(71, N_("events with a site in Brussels or Charleroi / all events"))),
    Figure("brussels-detail-20", "This level of detail was available for 20 incidents (out of 62 total incidents in "
           "Brussels)", "20", lambda f: count_of(f.brussels_detail),
           count(20, N_("Brussels sites at municipality or point precision"))),
    Figure("molenbeek-45pct", "45% and 25% of all incidents occurring in the municipalities of Molenbeek and "
           "Schaerbeek", "45%", lambda f: _muni_share(f, "21012"),
           percent(45, N_("Molenbeek sites / the 20 Brussels sites with municipality detail"))),
    Figure("schaerbeek-25pct", "45% and 25% ... Molenbeek and Schaerbeek, respectively", "25%",
           lambda f: _muni_share(f, "21015"),
           percent(25, N_("Schaerbeek sites / the 20 Brussels sites with municipality detail"))),
    Figure("charleroi-second", "The Belgian city with the second-highest number of incidents was Charleroi", "2nd",
           _charleroi_rank, count(2, N_("rank of Charleroi by sites"))),
    Figure("charleroi-aa-13", "Charleroi, where 13 arrest actions and one attack took place", "13",
           lambda f: count_of(_kind_at(f, "Charleroi", "arrest_action")), count(13, N_("arrest-action sites in Charleroi"))),
    Figure("charleroi-attack-1", "where 13 arrest actions and one attack took place", "1",
           lambda f: count_of(_kind_at(f, "Charleroi", "attack")), count(1, N_("attack sites in Charleroi"))),
    Figure("charleroi-14", "Charleroi is the second-most important hotspot with 14 incidents", "14",
           lambda f: count_of(f.city_sites("Charleroi")), count(14, N_("sites in Charleroi"))),
    Figure("zaventem-5", "Zaventem (5)", "5", lambda f: count_of(f.city_sites("Zaventem")),
           count(5, N_("sites in Zaventem (includes the March 2016 airport site)"))),
    Figure("zaventem-airport-4", "where four out of five of these incidents occurred", "4",
           _zaventem_airport, count(4, N_("Zaventem sites whose place is Brussels Airport"))),
    Figure("verviers-4", "Verviers (4)", "4", lambda f: count_of(f.city_sites("Verviers")),
           count(4, N_("sites in Verviers"))),
    Figure("antwerp-4", "the low number of incidents (4) in Antwerp", "4",
           lambda f: count_of(f.city_sites("Antwerp")), count(4, N_("sites in Antwerp"))),
    Figure("antwerp-arrested-11", "which resulted in a total of 11 people being arrested", "11",
           lambda f: sum_of(f.city_sites("Antwerp"), "n_arrested"), count(11, N_("people arrested, summed over Antwerp sites"))),
    Figure("ostend-2", "Ostend (2)", "2", lambda f: count_of(f.city_sites("Ostend")), count(2, N_("sites in Ostend"))),
    Figure("liege-2", "and Liège (2)", "2", lambda f: count_of(f.city_sites("Liège")), count(2, N_("sites in Liège"))),
    Figure("figure2-cities", "Figure 2: Number of Incidents in Belgian Cities with More than One Incident",
           "7 cities", _figure2,
           holds(N_("the cities with more than one site are exactly Brussels, Charleroi, Zaventem, Verviers, Antwerp, "
                 "Ostend and Liège"))),
    Figure("other-cities-max-1", "The following cities also had more than one arrest action occur", "others <= 1",
           _other_cities_max,
           holds(N_("every other city has at most one site; region-precision rows count for no city"))),
    Figure("charleroi-airport-1", "only one individual in the dataset was arrested at that airport", "1",
           _charleroi_airport, count(1, N_("people arrested in arrest actions placed at Brussels South Charleroi Airport"))),
    Figure("charleroi-traveled-50pct", "In 50% of the 14 incidents that occurred in Charleroi, at least one of the "
           "individuals arrested had previously traveled", "50%", lambda f: _traveled_share(f, "Charleroi"),
           percent(50, N_("Charleroi sites where someone arrested had travelled (or tried to) / all Charleroi sites"))),
    Figure("brussels-traveled-44pct", "an even higher share than the 44% in the much larger sample size of Brussels",
           "44%", lambda f: _traveled_share(f, BXL),
           percent(44, N_("Brussels sites where someone arrested had travelled (or tried to) / all 62 Brussels sites"))),
    # --- Linked and inspired ------------------------------------------------------------------
    Figure("linked-aa-94", "94 of the 103 arrest actions ... had some form of direct link", "94",
           lambda f: count_of(f.linked_aa), count(94, N_("linked arrest actions"))),
    Figure("linked-aa-91pct", "Ninety-one percent of all arrest actions had some form of direct link", "91%",
           lambda f: share_of(f.linked_aa, f.aa), percent(91, N_("linked arrest actions / arrest actions"))),
    Figure("inspired-aa-9", "only nine arrest actions ... were coded as 'inspired'", "9",
           lambda f: count_of(f.inspired_aa), count(9, N_("inspired arrest actions"))),
    Figure("inspired-arrested-14", "which resulted in 14 people being arrested", "14",
           lambda f: sum_of(f.inspired_aa, "n_arrested"), count(14, N_("people arrested, summed over inspired arrest actions"))),
    Figure("inspired-attacks-75pct", "three out of the four attacks (75%) were perpetrated by inspired individuals",
           "75%", lambda f: share_of(_attacks_linked_as(f, "inspired"), f.attacks),
           percent(75, N_("inspired attacks / attacks (3 of 4)"))),
    Figure("linked-attack-march-2016", "the one that was directly connected to the Islamic State ... the March 2016 "
           "attack", "1 (March 2016)", _march_linked, holds(N_("exactly one linked attack, dated 2016-03-22"))),
    Figure("inspired-incidents-attacks-25pct", "25% of all the incidents coded as inspired were attacks", "25%",
           lambda f: share_of(_attacks_linked_as(f, "inspired"), f.events[f.events["link"] == "inspired"]),
           percent(25, N_("inspired attacks / inspired events (attacks + arrest actions)"))),
    Figure("linked-incidents-attacks-1pct", "versus 1% of all linked incidents", "1%",
           lambda f: share_of(_attacks_linked_as(f, "linked"), f.events[f.events["link"] == "linked"]),
           percent(1, N_("linked attacks / linked events (attacks + arrest actions)"))),
    # --- Connection ---------------------------------------------------------------------------
    Figure("connection-known-70", "70 of the 94 linked arrest actions had enough details", "70",
           lambda f: count_of(f.with_connection("local_cell", "deployed_operative", "both")),
           count(70, N_("linked arrest actions with connection other than unknown"))),
    Figure("local-cell-60", "Sixty arrest actions ... were connected to the Islamic State through a local cell",
           "60", lambda f: count_of(f.with_connection("local_cell", "both")), count(60, N_("linked actions connected through a local cell (or both ways)"))),
    Figure("local-cell-85.7pct", "Sixty arrest actions (85.7% of the total)", "85.7%",
           lambda f: share_of(f.with_connection("local_cell", "both"),
                              f.with_connection("local_cell", "deployed_operative", "both")),
           percent(85.7, N_("local cell (incl. both) / the 70 with known connection"))),
    Figure("deployed-13", "13 arrest actions ... had a connection to a deployed operative", "13",
           lambda f: count_of(f.with_connection("deployed_operative", "both")),
           count(13, N_("linked actions connected through a deployed operative (or both ways; 60 + 13 - 70 = 3 are both)"))),
    Figure("deployed-18pct", "13 arrest actions (a little more than 18%)", "> 18%",
           lambda f: share_of(f.with_connection("deployed_operative", "both"),
                              f.with_connection("local_cell", "deployed_operative", "both")),
           share_range(0.18, 0.19, N_("deployed (incl. both) / the 70 known; 'a little more than 18%' read as "
                       "18% < share < 19%"), low_strict=True)),
    # --- Networks -----------------------------------------------------------------------------
    Figure("networks-at-least-10", "there are at least 10 named Islamic State network clusters in Belgium",
           "at least 10", _network_names, at_least(10, N_("distinct network names, all of them from Table 1"))),
    Figure("network-actions-56", "coders were able to associate or tie 56 of the 94 Islamic State-linked arrest "
           "action cases", "56", _network_actions,
           count(56, N_("linked arrest actions with at least one network; none outside linked"))),
    Figure("network-actions-more-than-half", "more than half of the applicable data", "> 50%",
           lambda f: share_of(f.linked_aa[f.linked_aa["network_list"].map(bool)], f.linked_aa),
           share_range(0.5, 1.01, N_("tied / linked arrest actions; more than half"), low_strict=True)),
    *_table1_figures(),
    Figure("table1-dual-zerkani-brussels", "One arrest action was connected to both the Zerkani network and the "
           "Brussels cell", "1", lambda f: _dual(f, "Zerkani network", "Brussels cell"),
           count(1, N_("arrest actions with exactly these two networks"))),
    Figure("table1-dual-paris-brussels", "One arrest action was also connected to both the Paris and Brussels cells",
           "1", lambda f: _dual(f, "Paris cell", "Brussels cell"),
           count(1, N_("arrest actions with exactly these two networks"))),
    Figure("table1-links-58", "The numbers above reflect the total number of links for each network",
           "58 links, 2 dual", _links_and_duals,
           count((58, 2), N_("(links, actions with two or more networks): 58 links over 56 actions, so only the two "
                          "dual actions carry two networks"))),
    Figure("five-networks-almost-80pct", "these five networks account for almost 80% of all the incidents that "
           "could be tied to an identified network", "almost 80%", _five_networks,
           share_range(0.70, 0.80, N_("actions tied to Zerkani, Paris, Brussels, Verviers or Argenteuil / actions tied "
                       "to any network; 'almost 80%' read as 70% <= share < 80%. Table 1 fixes it at 42/56 = 75.0% "
                       "(44/58 links = 75.9%): the report's wording is generous"))),
    # --- Plots --------------------------------------------------------------------------------
    Figure("plots-18", "There were 18 plots disrupted over the time period studied", "18",
           lambda f: count_of(_plots(f)), count(18, N_("arrest actions that revealed a plot"))),
    Figure("plots-17pct", "17% of all arrest actions resulted in the disruption of a plot", "17%",
           lambda f: share_of(_plots(f), f.aa), percent(17, N_("plots / arrest actions"))),
    Figure("plots-2016-72pct", "The overwhelming majority of these plots, 72%, were disrupted in 2016", "72%",
           lambda f: share_of(f.in_years(_plots(f), 2016), _plots(f)), percent(72, N_("plots in 2016 / plots"))),
    # --- Weapons and targets ------------------------------------------------------------------
    Figure("weapons-8", "Only eight incidents provided data regarding a weapon used or recovered", "8",
           lambda f: count_of(f.with_field("weapon")), count(8, N_("events with a weapon on any site"))),
    Figure("targets-9", "and nine provided actual or potential target locations", "9",
           lambda f: count_of(f.with_field("target")), count(9, N_("events with a target on any site"))),
    Figure("weapons-targets-attacks", "These figures include information from the four terror attacks", "4 attacks",
           _attacks_complete, holds(N_("every attack has a weapon and a target"))),
    Figure("knife-attacks-police-2", "two of the four attacks in the dataset were knife attacks that targeted police "
           "officers", "2", lambda f: count_of(f.knife_police), count(2, N_("attacks with weapon knife and target police"))),
    Figure("knife-attacks-inspired", "those two attacks were conducted by individuals inspired", "inspired",
           _knife_inspired, holds(N_("both knife attacks on police are inspired"))),
    Figure("explosive-attacks-2", "Explosive devices were used in the other two attacks", "2",
           lambda f: count_of(f.explosive_attacks), count(2, N_("attacks with weapon explosive"))),
    Figure("explosive-targets", "which targeted train stations and the Brussels airport", "stations, airport",
           _explosive_targets, holds(N_("the explosive attacks' site targets include transport and airport"))),
    Figure("tatp-verviers", "the only other time TATP appears in the dataset is when it was found in Verviers ... in "
           "mid-January 2015", "Verviers, mid-Jan 2015", _tatp_verviers,
           holds(N_("exactly one arrest action has weapon explosive: Verviers, dated 10-20 January 2015"))),
]


def published(figure_id: str) -> str:
    """A figure as the report prints it (``"62"`` for ``brussels-62``), for pages that quote the
    report: the quote comes from this table, never written into a page. Raises KeyError for an
    unknown id."""
    for fig in FIGURES:
        if fig.id == figure_id:
            return fig.published
    raise KeyError(figure_id)
