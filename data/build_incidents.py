"""Build ``data/incidents.csv`` from explicit, auditable tables. Deterministic; no network, no
randomness, standard library only.

    python data/build_incidents.py          # (re)write data/incidents.csv
    python data/build_incidents.py --check  # exit 1 if the committed CSV differs from the build

The report (Van Vlierden, Lewis and Rassler, "Beyond the Caliphate: Islamic State Activity Outside
the Group's Defined Wilayat - Belgium", CTC at West Point, 2018) publishes aggregates, not its
incident list. The table therefore holds:

* ``DOCUMENTED``: events on the public record, written out literally, each with its citations;
* ``RECONSTRUCTED``: one line per remaining arrest action, allocated so that every incident figure
  of the report's text holds. Each line says only what a published figure requires (year, place at
  municipality or region precision, link, connection, networks, plot, and so on); everything the
  report does not fix is left empty or ``unknown``. The data card (``data/README.md``) states every
  assumption and why it fits the text.

``build_rows`` checks the report's figures on what it built (``_check_aggregates``) before anything
is written, so an edit that breaks a published figure fails here, not later.
"""

from __future__ import annotations

import csv
import io
import sys
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parent / "incidents.csv"

COLUMNS = (
    "site_id", "event_id", "date", "date_precision", "kind", "plot", "link", "connection",
    "networks", "n_arrested", "traveled", "weapon", "target", "place", "municipality_nis",
    "region_nis", "lat", "lon", "geo_precision", "provenance", "source", "description",
)

#: The report, as every row cites it (full reference in data/README.md).
REPORT = "CTC report 'Beyond the Caliphate: Belgium' (Van Vlierden, Lewis and Rassler, 2018)"

# --------------------------------------------------------------------------------------------
# Documented rows: real dates and places, each with citations (outlet, date, address).
# Arrest sites are given to the municipality only (lat/lon empty: the loader places them on a
# representative point); only attacks on public places carry a point.
# --------------------------------------------------------------------------------------------

_ATTACK = dict(kind="attack", plot="false", connection="", networks="", n_arrested="0",
               traveled="unknown", provenance="documented", geo_precision="point",
               date_precision="day")
_ARREST = dict(kind="arrest_action", provenance="documented", geo_precision="municipality",
               date_precision="day", lat="", lon="", weapon="", target="")

DOCUMENTED: list[dict[str, str]] = [
    # --- 22 March 2016: one event, two sites (the report coded it "in both places") ----------
    dict(_ATTACK, site_id="S-2016-03-22-airport", event_id="E-2016-03-22-attack",
         date="2016-03-22", link="linked", weapon="explosive", target="airport",
         place="Brussels Airport, departure hall (Zaventem)", municipality_nis="23094",
         region_nis="02000", lat="50.8972", lon="4.4847",
         source=(REPORT + ", footnote 6 (attack coded in both places) and 'Weapons and Targets' "
                 "(TATP); VRT NWS, 22 Mar 2021, https://www.vrt.be/vrtnws/en/2021/03/22/"
                 "king-filip-leads-nation-in-remembrance-of-the-brussels-attacks/; aviation24.be, "
                 "23 Mar 2016, https://www.aviation24.be/airports/brussels-airport-bru/"
                 "explosions-brussels-airport/; point: the airport railway station under the "
                 "departure hall, 50 53 50 N 4 29 05 E, https://railroad.wikisort.org/station/fr/"
                 "Station/Gare_de_Bruxelles-Aéroport-Zaventem"),
         description=("Two suicide bombs exploded in the departure hall of Brussels Airport "
                      "(a third did not go off); first site of the 22 March 2016 attack.")),
    dict(_ATTACK, site_id="S-2016-03-22-maalbeek", event_id="E-2016-03-22-attack",
         date="2016-03-22", link="linked", weapon="explosive", target="transport",
         place="Maalbeek metro station (City of Brussels)", municipality_nis="21004",
         region_nis="04000", lat="50.8439", lon="4.3769",
         source=(REPORT + ", footnote 6; VRT NWS, 22 Mar 2021, https://www.vrt.be/vrtnws/en/"
                 "2021/03/22/king-filip-leads-nation-in-remembrance-of-the-brussels-attacks/; "
                 "aviation24.be, 23 Mar 2016, https://www.aviation24.be/airports/"
                 "brussels-airport-bru/explosions-brussels-airport/; point: station record "
                 "50 50 38 N 4 22 37 E, https://it.frwiki.wiki/wiki/"
                 "Maelbeek_%28m%C3%A9tro_de_Bruxelles%29"),
         description=("A bomb exploded in a metro train at Maalbeek station in the European "
                      "quarter; second site of the 22 March 2016 attack.")),
    # --- 6 August 2016: Charleroi ------------------------------------------------------------
    dict(_ATTACK, site_id="S-2016-08-06-charleroi", event_id="E-2016-08-06-attack",
         date="2016-08-06", link="inspired", weapon="knife", target="police",
         place="Police headquarters (Tour bleue), boulevard Pierre Mayence, Charleroi",
         municipality_nis="52011", region_nis="03000", lat="50.4157", lon="4.4492",
         source=(REPORT + ", 'Weapons and Targets' (two knife attacks on police, inspired); "
                 "France 3 Hauts-de-France, 6 Aug 2016, https://france3-regions.francetvinfo.fr/"
                 "hauts-de-france/belgique-deux-policieres-blessees-la-machette-charleroi-"
                 "1061809.html; Wikipedia, '2016 stabbing of Charleroi police officers', "
                 "https://encyclopedia.datana.cloud/content/wikipedia_en_all_mini_2024-04/A/"
                 "2016_stabbing_of_Charleroi_police_officers; point (approximate): the Defeld "
                 "site beside the tower, http://portail.wallonie.museum/en/map.php?id=48&long="
                 "4.44921&lat=50.4157"),
         description=("Machete attack on two police officers at the checkpoint in front of the "
                      "Charleroi police headquarters; the attacker was shot dead.")),
    # --- 5 October 2016: Schaerbeek ----------------------------------------------------------
    dict(_ATTACK, site_id="S-2016-10-05-schaerbeek", event_id="E-2016-10-05-attack",
         date="2016-10-05", link="inspired", weapon="knife", target="police",
         place="Boulevard Lambermont, Schaerbeek", municipality_nis="21015", region_nis="04000",
         lat="50.8715", lon="4.3815",
         source=(REPORT + ", 'Weapons and Targets'; Le Soir, 5 Oct 2016, https://www.lesoir.be/"
                 "art/1334618/article/actualite/regions/bruxelles/2016-10-05/"
                 "policiers-attaques-schaerbeek-piste-terroriste-evoquee-ce-que-l-on-sait-l; "
                 "VRT NWS, 5 Oct 2016, https://www.vrt.be/vrtnws/fr/2016/10/05/"
                 "deux_policiers_poignardesaschaerbeeklapisteterroristeevoquee-1-2786100/; "
                 "point (approximate): boulevard Lambermont near the Paul Brien hospital, as "
                 "both reports place it"),
         description=("Knife attack on two police officers during a check on boulevard "
                      "Lambermont; the attacker was shot in the leg and arrested (attacks carry "
                      "n_arrested 0 by convention).")),
    # --- 20 June 2017: Brussels Central Station ----------------------------------------------
    dict(_ATTACK, site_id="S-2017-06-20-central", event_id="E-2017-06-20-attack",
         date="2017-06-20", link="inspired", weapon="explosive", target="transport",
         place="Brussels Central Station (City of Brussels)", municipality_nis="21004",
         region_nis="04000", lat="50.8456", lon="4.3569",
         source=(REPORT + ", 'Weapons and Targets' (explosive attacks on stations and the "
                 "airport); ABC News, 21 Jun 2017, https://www.abc.net.au/news/2017-06-21/"
                 "brussels-central-station-evacuated-following-reports-of-blasts/8636984; "
                 "point: station record 50.84556 N 4.35694 E, https://fr.other.wiki/wiki/"
                 "Brussels-Central_railway_station"),
         description=("A small explosive device went off in Brussels Central Station; soldiers "
                      "shot the attacker dead; no one else was hurt.")),
    # --- Documented arrest actions -----------------------------------------------------------
    dict(_ARREST, site_id="S-2015-01-15-verviers", event_id="E-2015-01-15-verviers",
         date="2015-01-15", plot="true", link="linked", connection="deployed_operative",
         networks="Verviers cell", n_arrested="1", traveled="unknown", weapon="explosive",
         target="police", place="Verviers", municipality_nis="63079", region_nis="03000",
         source=(REPORT + ", 'Weapons and Targets' (TATP found in Verviers in mid-January 2015; "
                 "cell in direct connection with the Paris and Brussels attacks' planner) and "
                 "Table 1 (Verviers cell); Wikipedia, '2015 Verviers police raid', "
                 "https://en.wikipedia.org/wiki/2015_Verviers_police_raid; The Daily Beast, "
                 "15 Jan 2015, http://blog.thedailybeast.com/belgian-terrorists-had-police-"
                 "uniforms"),
         description=("Police raid on an armed cell of men back from Syria near Verviers railway "
                      "station: two men killed, one wounded and arrested; assault rifles, "
                      "explosives and police uniforms found; police buildings named as the "
                      "target.")),
    dict(_ARREST, site_id="S-2016-03-15-forest", event_id="E-2016-03-15-forest",
         date="2016-03-15", plot="false", link="linked", connection="deployed_operative",
         networks="Paris cell", n_arrested="0", traveled="unknown", weapon="firearm",
         place="Forest", municipality_nis="21007", region_nis="04000",
         source=("Wikipedia, '2016 Brussels police raids', https://en.wikipedia.org/wiki/"
                 "2016_Brussels_police_raids; France 2 Brussels bureau (francetvinfo), "
                 "16 Mar 2016, https://blog.francetvinfo.fr/bureau-bruxelles-france2/2016/03/16/"
                 "bruxelles-une-fusillade-lors-dune-perquisition-liee-aux-attentats-de-paris."
                 "html; VRT NWS (deredactie.be), http://deredactie.be/cm/vrtnieuws/binnenland/"
                 "1.3048657"),
         description=("A Franco-Belgian police search of a flat in the Paris attacks "
                      "investigation was met with gunfire; one gunman was killed, two men "
                      "escaped; no arrest on the spot (an arrest action counts an arrest or a "
                      "death).")),
    dict(_ARREST, site_id="S-2016-03-18-molenbeek", event_id="E-2016-03-18-molenbeek",
         date="2016-03-18", plot="false", link="linked", connection="both",
         networks="Paris cell", n_arrested="3", traveled="unknown",
         place="Molenbeek-Saint-Jean", municipality_nis="21012", region_nis="04000",
         source=(REPORT + " (text: 'the March 18 arrest'); BBC News, 18 Mar 2016 (archived "
                 "copy), https://megalodon.jp/ref/2016-0319-0555-05/www.bbc.com/news/world-"
                 "europe-35846954; Times Record (Fort Smith), 18 Mar 2016, https://www.swtimes."
                 "com/story/news/nation-world/2016/03/18/key-suspect-in-paris-attacks/"
                 "26309306007/"),
         description=("Police raids in Molenbeek-Saint-Jean: the main surviving suspect of the "
                      "November 2015 Paris attacks was wounded and arrested; the Belgian prime "
                      "minister reported two other men arrested.")),
    dict(_ARREST, site_id="S-2016-03-25-schaerbeek", event_id="E-2016-03-25-schaerbeek",
         date="2016-03-25", plot="true", link="linked", connection="unknown",
         networks="Argenteuil cell", n_arrested="1", traveled="unknown",
         place="Schaerbeek (tram stop near place Meiser)", municipality_nis="21015",
         region_nis="04000",
         source=(REPORT + ", Table 1 (Argenteuil cell) and text on the plot foiled in "
                 "Argenteuil; Le Soir, 26 Mar 2016, https://www.lesoir.be/art/1163426/article/"
                 "actualite/belgique/2016-03-26/mandat-d-arret-prolonge-pour-l-homme-arrete-et-"
                 "blesse-schaerbeek; The Times of Israel, 25 Mar 2016, https://www."
                 "timesofisrael.com/brussels-police-nab-terror-suspect-at-tram-stop-bomb-squad-"
                 "dispatched/"),
         description=("A man was shot in the leg and arrested at a tram stop near place Meiser, "
                      "in the investigation of the attack plot foiled in Argenteuil (France).")),
    dict(_ARREST, site_id="S-2016-04-08-anderlecht", event_id="E-2016-04-08-anderlecht",
         date="2016-04-08", plot="false", link="linked", connection="both",
         networks="Brussels cell", n_arrested="3", traveled="true",
         place="Anderlecht", municipality_nis="21001", region_nis="04000",
         source=("Flanders Today, Apr 2016, http://www.flanderstoday.eu/current-affairs/"
                 "police-arrest-third-airport-terrorist-suspect; lidtime.com (agency copy), "
                 "Apr 2016, https://lidtime.com/?p=380921"),
         description=("Arrest in Anderlecht of the third suspect of the 22 March 2016 airport "
                      "bombing, also sought for the Paris attacks and reported to have travelled "
                      "to Syria, with two other men.")),
]

# --------------------------------------------------------------------------------------------
# Reconstructed arrest actions: one line each. Places at municipality or region precision.
# --------------------------------------------------------------------------------------------

#: key: (place text, municipality NIS or "", region NIS, geo_precision, label for ids, figure served)
PLACES: dict[str, tuple[str, str, str, str, str]] = {
    "brussels": ("Brussels-Capital Region (municipality not known)", "", "04000", "region",
                 "text: 62 incidents in Brussels, 42 of them without municipality detail"),
    "molenbeek": ("Molenbeek-Saint-Jean", "21012", "", "municipality",
                  "text: 20 Brussels incidents with municipality detail, 45% in Molenbeek"),
    "schaerbeek": ("Schaerbeek", "21015", "", "municipality",
                   "text: 20 Brussels incidents with municipality detail, 25% in Schaerbeek"),
    "saint-gilles": ("Saint-Gilles", "21013", "", "municipality",
                     "text: 20 Brussels incidents with municipality detail"),
    "jette": ("Jette", "21010", "", "municipality",
              "text: 20 Brussels incidents with municipality detail"),
    "charleroi": ("Charleroi", "52011", "", "municipality",
                  "text: 13 arrest actions and one attack in Charleroi"),
    "charleroi-airport": ("Brussels South Charleroi Airport, Gosselies (Charleroi)", "52011", "",
                          "municipality", "text: one individual arrested at Charleroi airport"),
    "zaventem": ("Zaventem", "23094", "", "municipality",
                 "text: Zaventem (5), four of them at the airport"),
    "zaventem-airport": ("Brussels Airport (Zaventem)", "23094", "", "municipality",
                         "text: Zaventem (5), four of them at the airport"),
    "verviers": ("Verviers", "63079", "", "municipality", "text: Verviers (4)"),
    "antwerpen": ("Antwerp", "11002", "", "municipality",
                  "text: Antwerp (4), 11 people arrested"),
    "oostende": ("Ostend", "35013", "", "municipality", "text: Ostend (2)"),
    "liege": ("Liège", "62063", "", "municipality", "text: Liège (2)"),
    "flanders": ("Flanders (municipality not known)", "", "02000", "region",
                 "text: no city named; region-precision row (every other city at most one)"),
    "wallonia": ("Wallonia (municipality not known)", "", "03000", "region",
                 "text: no city named; region-precision row (every other city at most one)"),
}
_REGION_OF = {"21": "04000", "23": "02000", "52": "03000", "63": "03000", "11": "02000",
              "35": "02000", "62": "03000"}

Z, P, B, V = "Zerkani network", "Paris cell", "Brussels cell", "Verviers cell"
J, O, M, A = "Jumet cell", "Ostend Chechen network", "Maaseik network", "Argenteuil cell"  # noqa: E741
W, K = "The Way of Life", "Kamikaze Riders"
L, I = "linked", "inspired"  # noqa: E741
lc, do, bo, uk = "local_cell", "deployed_operative", "both", "unknown"
T, U = "true", "unknown"
SP = "unspecified"

#: One line per reconstructed arrest action:
#: (year, place key, link, connection, networks, plot, n_arrested, traveled, weapon, target)
RECONSTRUCTED: list[tuple] = [
    # Zerkani network (13 links; one action also tied to the Brussels cell), Brussels region.
    (2014, "brussels", L, lc, Z, 0, 2, T, "", ""),
    (2014, "brussels", L, lc, Z, 0, 2, T, "", ""),
    (2014, "brussels", L, lc, Z, 0, 2, T, "", ""),
    (2014, "brussels", L, lc, Z, 0, 2, T, "", ""),
    (2014, "brussels", L, lc, Z, 0, 2, T, "", ""),
    (2014, "brussels", L, lc, Z, 0, 2, U, "", ""),
    (2015, "brussels", L, lc, Z, 0, 2, T, "", ""),
    (2015, "brussels", L, lc, Z, 0, 2, T, "", ""),
    (2015, "brussels", L, lc, Z, 0, 2, T, "", ""),
    (2015, "brussels", L, lc, Z, 0, 2, T, "", ""),
    (2015, "brussels", L, lc, Z, 0, 2, U, "", ""),
    (2016, "brussels", L, lc, Z, 0, 2, T, "", ""),
    (2016, "brussels", L, lc, Z + ";" + B, 0, 2, U, "", ""),
    # Paris cell (12 links: 2 documented, 10 here, one also tied to the Brussels cell).
    (2015, "brussels", L, do, P, 1, 2, T, "", ""),
    (2015, "brussels", L, do, P, 1, 2, T, "", ""),
    (2015, "brussels", L, do, P, 0, 2, T, "", ""),
    (2015, "brussels", L, do, P, 0, 2, T, "", ""),
    (2015, "brussels", L, lc, P, 0, 1, U, "", ""),
    (2016, "brussels", L, bo, P + ";" + B, 1, 1, T, "", ""),
    (2016, "brussels", L, lc, P, 1, 1, T, "", ""),
    (2016, "brussels", L, lc, P, 0, 1, U, "", ""),
    (2016, "brussels", L, lc, P, 0, 1, U, "", ""),
    (2016, "brussels", L, lc, P, 0, 1, U, "", ""),
    # Brussels cell (10 links: 2 on the dual actions above, 1 documented, 7 here).
    (2016, "brussels", L, do, B, 1, 1, T, SP, SP),
    (2016, "brussels", L, do, B, 1, 1, T, SP, ""),
    (2016, "brussels", L, lc, B, 1, 1, T, "", ""),
    (2016, "brussels", L, lc, B, 1, 1, U, "", ""),
    (2016, "brussels", L, lc, B, 0, 1, U, "", ""),
    (2016, "brussels", L, lc, B, 0, 1, U, "", ""),
    (2017, "brussels", L, lc, B, 0, 1, U, "", ""),
    # Argenteuil cell (3: 1 documented, 2 here), plots.
    (2016, "brussels", L, lc, A, 1, 1, U, "", SP),
    (2016, "brussels", L, lc, A, 1, 1, U, "", ""),
    # Kamikaze Riders (1): the New Year's Eve 2015 plot; reconstructed (see the data card).
    (2015, "brussels", L, lc, K, 1, 1, U, "", SP),
    # Verviers cell (6: 1 documented, 3 in Brussels, 2 in Verviers).
    (2015, "brussels", L, lc, V, 0, 1, T, "", ""),
    (2015, "brussels", L, lc, V, 0, 1, T, "", ""),
    (2015, "brussels", L, lc, V, 0, 1, U, "", ""),
    (2015, "verviers", L, do, V, 0, 1, U, "", ""),
    (2015, "verviers", L, do, V, 0, 1, U, "", ""),
    # Jumet cell (4): placed in Charleroi (Jumet is a section of Charleroi).
    (2016, "charleroi", L, lc, J, 1, 1, T, "", SP),
    (2016, "charleroi", L, lc, J, 1, 1, T, "", ""),
    (2016, "charleroi", L, lc, J, 0, 1, T, "", ""),
    (2016, "charleroi", L, lc, J, 0, 1, U, "", ""),
    # Ostend Chechen network (4): 2 in Ostend, 2 elsewhere in Flanders.
    (2016, "oostende", L, lc, O, 1, 1, U, "", ""),
    (2016, "oostende", L, lc, O, 0, 1, U, "", ""),
    (2017, "flanders", L, lc, O, 0, 1, U, "", ""),
    (2017, "flanders", L, lc, O, 0, 1, U, "", ""),
    # Maaseik network (3) and The Way of Life (2): Flanders, region precision.
    (2014, "flanders", L, lc, M, 0, 1, U, "", ""),
    (2014, "flanders", L, lc, M, 0, 1, U, "", ""),
    (2015, "flanders", L, lc, M, 0, 1, U, "", ""),
    (2015, "flanders", L, lc, W, 0, 1, U, "", ""),
    (2015, "flanders", L, lc, W, 0, 1, U, "", ""),
    # Brussels, no network: 13 with municipality detail, 6 region only (3 inspired).
    (2014, "molenbeek", L, lc, "", 0, 1, T, "", ""),
    (2015, "molenbeek", L, lc, "", 0, 1, T, "", ""),
    (2015, "molenbeek", L, uk, "", 0, 1, U, "", ""),
    (2016, "molenbeek", L, lc, "", 0, 1, T, "", ""),
    (2016, "molenbeek", L, uk, "", 0, 1, U, "", ""),
    (2016, "molenbeek", L, uk, "", 0, 1, U, "", ""),
    (2016, "molenbeek", I, "", "", 1, 2, U, "", ""),
    (2017, "molenbeek", L, uk, "", 0, 1, U, "", ""),
    (2015, "schaerbeek", L, lc, "", 0, 1, T, "", ""),
    (2016, "schaerbeek", L, uk, "", 0, 1, U, "", ""),
    (2017, "schaerbeek", I, "", "", 1, 1, U, "", ""),
    (2016, "saint-gilles", L, uk, "", 0, 1, U, "", ""),
    (2016, "jette", L, uk, "", 0, 1, U, "", ""),
    (2014, "brussels", L, lc, "", 0, 1, T, "", ""),
    (2015, "brussels", L, uk, "", 0, 1, U, "", ""),
    (2016, "brussels", L, lc, "", 0, 1, U, "", ""),
    (2016, "brussels", I, "", "", 0, 2, U, "", ""),
    (2016, "brussels", L, uk, "", 0, 1, U, "", ""),
    (2017, "brussels", L, uk, "", 0, 1, U, "", ""),
    # Charleroi, no network: 9 (2 inspired; one arrest at Charleroi airport).
    (2015, "charleroi", L, lc, "", 0, 1, T, "", ""),
    (2015, "charleroi", I, "", "", 0, 2, T, "", ""),
    (2016, "charleroi", L, lc, "", 0, 1, T, "", ""),
    (2016, "charleroi", L, lc, "", 0, 1, U, "", ""),
    (2016, "charleroi", L, uk, "", 0, 1, U, "", ""),
    (2016, "charleroi-airport", L, uk, "", 0, 1, U, "", ""),
    (2017, "charleroi", L, uk, "", 0, 1, T, "", ""),
    (2017, "charleroi", I, "", "", 0, 1, U, "", ""),
    (2017, "charleroi", L, uk, "", 0, 1, U, "", ""),
    # Zaventem (4 arrest actions, 3 of them at the airport).
    (2015, "zaventem-airport", L, lc, "", 0, 1, U, "", ""),
    (2016, "zaventem-airport", L, uk, "", 0, 1, U, "", ""),
    (2016, "zaventem-airport", L, uk, "", 0, 1, U, "", ""),
    (2017, "zaventem", I, "", "", 0, 2, U, "", ""),
    # Verviers (1 more), Antwerp (4, 11 arrested), Liège (2).
    (2016, "verviers", L, uk, "", 0, 1, U, "", ""),
    (2014, "antwerpen", L, lc, "", 0, 3, U, "", ""),
    (2015, "antwerpen", L, lc, "", 0, 3, U, "", ""),
    (2016, "antwerpen", L, lc, "", 0, 3, U, "", ""),
    (2017, "antwerpen", L, uk, "", 0, 2, U, "", ""),
    (2015, "liege", I, "", "", 0, 1, U, "", ""),
    (2016, "liege", L, uk, "", 0, 1, U, "", ""),
    # No city named by the report: Flanders (4, 1 inspired) and Wallonia (4, 1 inspired).
    (2014, "flanders", L, lc, "", 0, 1, U, "", ""),
    (2016, "flanders", L, uk, "", 0, 1, U, "", ""),
    (2016, "flanders", I, "", "", 0, 2, U, "", ""),
    (2017, "flanders", L, uk, "", 0, 1, U, "", ""),
    (2015, "wallonia", L, lc, "", 0, 1, U, "", ""),
    (2016, "wallonia", L, uk, "", 0, 1, U, "", ""),
    (2016, "wallonia", L, uk, "", 0, 1, U, "", ""),
    (2016, "wallonia", I, "", "", 0, 1, U, "", ""),
]

_REGION_WORDS = {"04000": "the Brussels-Capital Region", "02000": "Flanders", "03000": "Wallonia"}


def _served(year: int, key: str, link: str, connection: str, networks: str, plot: int,
            traveled: str, weapon: str, target: str) -> str:
    """The report figures a reconstructed row serves, in words (its ``source``)."""
    parts = [f"Figure 1 ({year})", PLACES[key][4]]
    if networks:
        parts.append("Table 1 (" + ", ".join(networks.split(";")) + ")")
    if link == "inspired":
        parts.append("text: 9 inspired arrest actions, 14 arrested")
    else:
        parts.append({"local_cell": "text: 60 of 70 linked actions via a local cell",
                      "deployed_operative": "text: 13 of 70 linked actions with a deployed "
                                            "operative",
                      "both": "text: local cell (60) and deployed operative (13) overlap",
                      "unknown": "text: 24 of 94 linked actions without connection detail"}
                     [connection])
    if plot:
        parts.append("text: 18 plots, 72% of them in 2016")
    if traveled == "true":
        parts.append("text: traveller shares (Brussels 44%, Charleroi 50%)")
    if weapon:
        parts.append("text: weapons known for 8 incidents")
    if target:
        parts.append("text: targets known for 9 incidents")
    return REPORT + ": " + "; ".join(parts)


def _reconstructed_rows() -> list[dict[str, str]]:
    rows, seq = [], Counter()
    for year, key, link, connection, networks, plot, n_arrested, traveled, weapon, target \
            in RECONSTRUCTED:
        place, nis, region, precision, _ = PLACES[key]
        region = region if region in _REGION_WORDS else _REGION_OF[nis[:2]]
        seq[(year, key)] += 1
        stem = f"R{year}-{key}-{seq[(year, key)]:02d}"
        where = (f"in {place}" if precision == "municipality"
                 else f"in {_REGION_WORDS[region]} (municipality not known)")
        note = ""
        if networks and "Jumet cell" in networks:
            note = " Placed in Charleroi because Jumet is a section of Charleroi (assumption)."
        if key == "charleroi-airport":
            note = " The one individual arrested at Charleroi airport (report's map note)."
        rows.append({
            "site_id": "S-" + stem, "event_id": "E-" + stem,
            "date": f"{year}-01-01", "date_precision": "year", "kind": "arrest_action",
            "plot": "true" if plot else "false", "link": link, "connection": connection,
            "networks": networks, "n_arrested": str(n_arrested), "traveled": traveled,
            "weapon": weapon, "target": target, "place": place, "municipality_nis": nis,
            "region_nis": region, "lat": "", "lon": "", "geo_precision": precision,
            "provenance": "reconstructed",
            "source": _served(year, key, link, connection, networks, plot, traveled, weapon,
                              target),
            "description": (f"Arrest action {where}, reconstructed from the report's aggregates;"
                            f" not a specific documented event.{note}"),
        })
    return rows


def build_rows() -> list[dict[str, str]]:
    """Every row of the table, documented first, in a fixed order; checked before return."""
    rows = [dict(r) for r in DOCUMENTED] + _reconstructed_rows()
    for r in rows:
        missing = set(COLUMNS) - set(r)
        if missing:
            raise ValueError(f"{r.get('site_id')}: missing {sorted(missing)}")
    _check_aggregates(rows)
    return rows


def render_csv(rows: list[dict[str, str]] | None = None) -> str:
    rows = build_rows() if rows is None else rows
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow({c: r[c] for c in COLUMNS})
    return buf.getvalue()


def _check_aggregates(rows: list[dict[str, str]]) -> None:
    """The report's figures, recomputed on the rows (pure Python, independent of ``geo``)."""
    events: dict[str, dict] = {}
    for r in rows:
        events.setdefault(r["event_id"], r)
    ev = list(events.values())
    aa = [e for e in ev if e["kind"] == "arrest_action"]
    at = [e for e in ev if e["kind"] == "attack"]
    linked = [e for e in aa if e["link"] == "linked"]
    inspired = [e for e in aa if e["link"] == "inspired"]
    bxl = [r for r in rows if r["region_nis"] == "04000"]
    bxl_detail = [r for r in bxl if r["geo_precision"] != "region"]
    cities = Counter(("Brussels" if r["region_nis"] == "04000" else r["municipality_nis"])
                     for r in rows if r["region_nis"] == "04000" or r["municipality_nis"])
    links = Counter(n for e in aa for n in e["networks"].split(";") if n)
    by_year = Counter(e["date"][:4] for e in ev)
    conn = Counter(e["connection"] for e in linked)
    plots = [e for e in aa if e["plot"] == "true"]
    charleroi = [r for r in rows if r["municipality_nis"] == "52011"]
    expect = {
        "events": (len(ev), 107), "attacks": (len(at), 4), "arrest actions": (len(aa), 103),
        "sites": (len(rows), 108), "arrested": (sum(int(e["n_arrested"]) for e in aa), 135),
        "brussels sites": (len(bxl), 62), "brussels detail": (len(bxl_detail), 20),
        "molenbeek": (sum(r["municipality_nis"] == "21012" for r in bxl_detail), 9),
        "schaerbeek": (sum(r["municipality_nis"] == "21015" for r in bxl_detail), 5),
        "charleroi": (cities["52011"], 14), "zaventem": (cities["23094"], 5),
        "verviers": (cities["63079"], 4), "antwerp": (cities["11002"], 4),
        "ostend": (cities["35013"], 2), "liege": (cities["62063"], 2),
        "every other city at most 1": (max((v for k, v in cities.items() if k not in {
            "Brussels", "52011", "23094", "63079", "11002", "35013", "62063"}), default=0) <= 1,
            True),
        "antwerp arrested": (sum(int(r["n_arrested"]) for r in rows
                                 if r["municipality_nis"] == "11002"), 11),
        "linked": (len(linked), 94), "inspired": (len(inspired), 9),
        "inspired arrested": (sum(int(e["n_arrested"]) for e in inspired), 14),
        "inspired attacks": (sum(e["link"] == "inspired" for e in at), 3),
        "local cell": (conn["local_cell"] + conn["both"], 60),
        "deployed": (conn["deployed_operative"] + conn["both"], 13),
        "connection known": (len(linked) - conn["unknown"] - conn[""], 70),
        "network actions": (sum(bool(e["networks"]) for e in linked), 56),
        "plots": (len(plots), 18), "plots 2016": (sum(e["date"][:4] == "2016" for e in plots), 13),
        "2014": (by_year["2014"], 12), "2015": (by_year["2015"], 30),
        "2016": (by_year["2016"], 52), "2017": (by_year["2017"], 13),
        "charleroi traveled": (sum(r["traveled"] == "true" for r in charleroi), 7),
        "brussels traveled": (sum(r["traveled"] == "true" for r in bxl), 27),
        "weapons": (sum(bool(e["weapon"]) for e in ev), 8),
        "targets": (sum(any(r["target"] for r in rows if r["event_id"] == e["event_id"])
                        for e in ev), 9),
        "zaventem airport": (sum(r["municipality_nis"] == "23094" and "Airport" in r["place"]
                                 for r in rows), 4),
    }
    table1 = {Z: 13, P: 12, B: 10, V: 6, J: 4, O: 4, M: 3, A: 3, W: 2, K: 1}
    for name, n in table1.items():
        expect[f"Table 1: {name}"] = (links[name], n)
    expect["Table 1 names"] = (sorted(links), sorted(table1))
    wrong = {k: v for k, v in expect.items() if v[0] != v[1]}
    if wrong:
        raise AssertionError("published figures not met: " + "; ".join(
            f"{k}: built {got}, report {want}" for k, (got, want) in wrong.items()))


def main(argv: list[str]) -> int:
    text = render_csv()
    if "--check" in argv:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT.name} differs from what build_incidents.py builds; run it to rebuild.",
                  file=sys.stderr)
            return 1
        print(f"{OUT.name} is up to date ({text.count(chr(10)) - 1} rows).")
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.name}: {text.count(chr(10)) - 1} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
