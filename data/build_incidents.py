"""Build ``data/incidents.csv`` from explicit, auditable tables. Deterministic; no network, no
randomness, standard library only.

    python data/build_incidents.py          # (re)write data/incidents.csv
    python data/build_incidents.py --check  # exit 1 if the committed CSV differs from the build

The report (Van Vlierden, Lewis and Rassler, "Beyond the Caliphate: Islamic State Activity Outside
the Group's Defined Wilayat - Belgium", CTC at West Point, 2018) publishes aggregates, not its
incident list. The table therefore holds:

* ``DOCUMENTED``: events on the public record, written out literally, each with its citations and
  what those give (``source_date_precision``, ``source_geo_precision``: no row claims more);
* ``RECONSTRUCTED``: one line per remaining arrest action, allocated so that every incident figure
  of the report's text holds. Each line says only what a published figure requires (year, place at
  municipality or region precision, link, connection, networks, plot, and so on); everything the
  report does not fix is left empty or ``unknown``. The data card (``data/README.md``) states every
  assumption and why it fits the text.

``build_rows`` checks the report's figures on what it built (``_check_aggregates``) and the
precision rule (``_check_precision``) before anything is written, so an edit that breaks a published
figure or claims more than a source gives fails here, not later.
"""

from __future__ import annotations

import csv
import io
import sys
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parent / "incidents.csv"

COLUMNS = (
    "site_id", "event_id", "date", "date_precision", "source_date_precision", "kind", "plot",
    "link", "connection", "networks", "n_arrested", "traveled", "weapon", "target", "place",
    "municipality_nis", "region_nis", "lat", "lon", "geo_precision", "source_geo_precision",
    "provenance", "source", "description",
)

#: The report, as every row cites it (full reference in data/README.md).
REPORT = "CTC report 'Beyond the Caliphate: Belgium' (Van Vlierden, Lewis and Rassler, 2018)"

# --------------------------------------------------------------------------------------------
# Documented rows: real dates and places, each with citations (outlet, date, address).
# Arrest sites are given to the municipality at most (lat/lon empty: the loader places them on a
# representative point); only attacks on public places carry a point. ``source_date_precision``
# and ``source_geo_precision`` record what the cited sources give; a row never claims more
# (``date_precision`` and ``geo_precision`` may be coarser, never finer: see _check_precision).
# n_arrested of a documented arrest action counts the people the sources say were charged or
# placed under arrest warrant in it (the report counted only people indicted).
# No cited address contains the name of a person; no description names one (tested).
# --------------------------------------------------------------------------------------------

_ATTACK = dict(kind="attack", plot="false", connection="", networks="", n_arrested="0",
               traveled="unknown", provenance="documented", geo_precision="point",
               date_precision="day", source_date_precision="day", source_geo_precision="point")
_ARREST = dict(kind="arrest_action", provenance="documented", geo_precision="municipality",
               date_precision="day", source_date_precision="day",
               source_geo_precision="municipality", lat="", lon="", weapon="", target="",
               networks="", plot="false", traveled="unknown", municipality_nis="")
_BXL_REGION = dict(region_nis="04000", municipality_nis="", geo_precision="region")


def _arrest(**fields: str) -> dict[str, str]:
    return dict(_ARREST, **fields)


#: Brussels incidents with municipality detail are 20 of 62 in the report (Molenbeek 9,
#: Schaerbeek 5, six elsewhere). Documented Brussels arrests beyond those six, whose sources name
#: a municipality (Laeken in the City of Brussels, twice, and the prosecutor's office), keep the
#: report's split: they are given at region precision and their place names what the source says.
_BEYOND_DETAIL = "; kept at region precision, see the data card)"

DOCUMENTED: list[dict[str, str]] = [
    # ===================================== attacks ============================================
    # --- 22 March 2016: one event, two sites (the report coded it "in both places") ----------
    dict(_ATTACK, site_id="S-2016-03-22-airport", event_id="E-2016-03-22-attack",
         date="2016-03-22", link="linked", weapon="explosive", target="airport",
         place="Brussels Airport, departure hall (Zaventem)", municipality_nis="23094",
         region_nis="02000", lat="50.8972", lon="4.4847",
         source=(REPORT + ", footnote 6 (attack coded in both places) and 'Weapons and Targets' "
                 "(TATP); RTBF, Mar 2018, https://www.rtbf.be/info/societe/detail_il-y-a-deux-ans-"
                 "les-attentats-du-22-mars-le-recit-d-une-journee-qui-a-marque-la-belgique?id="
                 "9873499; aviation24.be, "
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
         source=(REPORT + ", footnote 6; RTBF, Mar 2018, https://www.rtbf.be/info/societe/"
                 "detail_il-y-a-deux-ans-les-attentats-du-22-mars-le-recit-d-une-journee-qui-a-"
                 "marque-la-belgique?id=9873499; "
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
                      "Lambermont; the attacker was shot in the leg and arrested.")),
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

    # ================================= arrest actions, 2015 ==================================
    _arrest(site_id="S-2015-01-15-verviers", event_id="E-2015-01-15-verviers",
            date="2015-01-15", plot="true", link="linked", connection="deployed_operative",
            networks="Verviers cell", n_arrested="1", weapon="explosive", target="police",
            place="Verviers", municipality_nis="63079", region_nis="03000",
            source=(REPORT + ", 'Weapons and Targets' (TATP found in Verviers in mid-January "
                    "2015; cell in direct connection with the Paris and Brussels attacks' "
                    "planner) and Table 1 (Verviers cell); Wikipedia, '2015 Verviers police "
                    "raid', https://en.wikipedia.org/wiki/2015_Verviers_police_raid; The Daily "
                    "Beast, 15 Jan 2015, http://blog.thedailybeast.com/belgian-terrorists-had-"
                    "police-uniforms; L'Avenir, 16 Jan 2015, https://www.lavenir.net/cnt/"
                    "dmf20150116_00587219"),
            description=("Police raid on an armed cell of men back from Syria near Verviers "
                         "railway station: two men killed, one arrested and placed under arrest "
                         "warrant; assault rifles, explosives and police uniforms found; police "
                         "buildings named as the target.")),
    _arrest(site_id="S-2015-01-15-brussels", event_id="E-2015-01-15-brussels",
            date="2015-01-15", plot="true", link="linked", connection="unknown",
            networks="Verviers cell", n_arrested="1",
            place="Brussels-Capital Region (the sources name Laeken, City of Brussels"
                  + _BEYOND_DETAIL, **_BXL_REGION,
            source=("Le Vif, Jan 2015, https://www.levif.be/actualite/belgique/action-anti"
                    "terroriste-a-verviers-qui-sont-les-suspects-arretes/article-normal-362741."
                    "html; Le Vif, Jan 2015, https://levif.be/belgique/anti-terrorisme-trois-"
                    "suspects-sous-mandat-darret-deux-relaches-sous-conditions; VRT (deredactie, "
                    "FR), Apr 2015, http://deredactie.be/cm/vrtnieuws.francais/Soci%25C3%25A9t"
                    "%25C3%25A9/1.2308281; RTL info, 2016, https://www.rtl.be/info/belgique/"
                    "faits-divers/voici-les-16-personnes-poursuivies-pour-leur-role-presume-dans-"
                    "la-cellule-terroriste-de-verviers-804023.aspx"),
            description=("On the day of the Verviers raid a man suspected of renting the cell's "
                         "flat and driving its members around was arrested in Laeken; he was "
                         "charged and later sent to trial for preparing the attack.")),
    _arrest(site_id="S-2015-01-30-maaseik", event_id="E-2015-01-30-maaseik",
            date="2015-01-30", link="linked", connection="local_cell",
            networks="Maaseik network", n_arrested="4",
            place="Maaseik (22 searches in Limburg, Antwerp and Molenbeek)",
            municipality_nis="72021", region_nis="02000",
            source=(REPORT + ", Table 1 (Maaseik network); DH, 30 Jan 2015, https://www.dhnet.be/"
                    "actu/faits/2015/01/30/anti-terrorisme-les-4-suspects-places-sous-mandat-"
                    "darret-GDOWD6BWB5HXFHZCXM6MBBP6KY/; RTBF, 30 Jan 2015, https://www.rtbf.be/"
                    "info/societe/detail_anti-terrorisme-22-mandats-de-perquisition-et-4-"
                    "personnes-privees-de-liberte?id=8877346; Brussels Times, 30 Jan 2015, "
                    "https://www.brusselstimes.com/news/belgium-all-news/31316/terrorist-threat-"
                    "11-raids-in-maaseik/"),
            description=("Federal police searched 22 addresses, eleven of them in Maaseik, "
                         "against a network suspected of recruiting fighters for Syria and "
                         "receiving them on their return; four people from Limburg were charged "
                         "with taking part in a terrorist group and held; no attack was "
                         "planned.")),
    _arrest(site_id="S-2015-brussels-recruiters", event_id="E-2015-brussels-recruiters",
            date="2015-01-01", date_precision="year", source_date_precision="year",
            source_geo_precision="region", link="linked", connection="local_cell",
            n_arrested="2", place="Brussels-Capital Region (municipality not given)",
            **_BXL_REGION,
            source=("Le Vif, 2015, http://www.levif.be/actualite/belgique/arrestation-de-deux-"
                    "bruxellois-suspectes-de-recruter-des-djihadistes/article-normal-370191."
                    "html"),
            description=("Two Brussels men suspected of recruiting fighters for the Islamic "
                         "State were arrested in the Brussels region and charged with taking "
                         "part in a terrorist group; the source gives only a weekday, in the "
                         "weeks after the Verviers raid, so the row is dated to the year.")),
    _arrest(site_id="S-2015-06-08-oostende", event_id="E-2015-06-08-oostende",
            date="2015-06-08", link="linked", connection="local_cell",
            networks="Ostend Chechen network", n_arrested="2",
            place="Ostend (searches in Ostend, Bredene and Jabbeke)", municipality_nis="35013",
            region_nis="02000",
            source=(REPORT + ", Table 1 (Ostend Chechen network); VRT NWS (DE), 8 Jun 2015, "
                    "https://www.vrt.be/vrtnws/de/2015/06/08/durchsuchungen_undfestnahmenim"
                    "tschetschenen-milieuinbelgien-1-2362193/; EW magazine, Jun 2015, "
                    "https://ewmagazine.nl/buitenland/article/2015/06/grote-operatie-tegen-"
                    "tsjetsjeense-terreurverdachten-in-belgi-1773504W; Knack (KW), May 2017, "
                    "http://kw.knack.be/west-vlaanderen/nieuws/criminaliteit/vijf-oostendse-"
                    "tsjetsjenen-ontkennen-betrokkenheid-bij-ronselen-syriestrijders/article-"
                    "normal-263845.html"),
            description=("Police searched homes in Ostend, Bredene and Jabbeke in an inquiry "
                         "into a mainly Chechen network sending fighters to Syria through "
                         "Turkey; seventeen people were detained and two placed under arrest "
                         "warrant.")),
    _arrest(site_id="S-2015-06-charleroi-area", event_id="E-2015-06-charleroi-area",
            date="2015-06-01", date_precision="month", source_date_precision="month",
            source_geo_precision="region", link="linked", connection="local_cell",
            n_arrested="2", place="Charleroi area (municipality not given)",
            region_nis="03000", geo_precision="region",
            source=("RTL info, Jul 2015, https://www.rtl.be/info/regions/hainaut/kamikaze-belge-"
                    "l-enquete-sur-le-terroriste-de-l-etat-islamique-mort-en-avril-mene-a-"
                    "charleroi-741216.aspx; L'Avenir, 24 Jul 2015, https://www.lavenir.net/cnt/"
                    "dmf20150724_00680152"),
            description=("Two young men from the Charleroi area were arrested in mid-June and "
                         "placed under arrest warrant on 18 June, suspected of helping a "
                         "Charleroi-born suicide bomber of an Islamic State attack at the "
                         "Iraq-Jordan border in April 2015.")),
    _arrest(site_id="S-2015-10-charleroi", event_id="E-2015-10-charleroi",
            date="2015-10-01", date_precision="month", source_date_precision="month",
            link="linked", connection="local_cell", n_arrested="1",
            place="Marchienne-au-Pont (Charleroi)", municipality_nis="52011", region_nis="03000",
            source=("RTL info, Oct 2015, http://www.rtl.be/info/regions/hainaut/un-recruteur-"
                    "presume-de-l-etat-islamique-arrete-a-marchienne-au-pont-un-fugitif-qui-"
                    "entrainait-ses-recrues-dans-les-bois-de-fleurus--761901.aspx; Le Vif "
                    "(Belga), 22 Jul 2016, http://www.levif.be/actualite/belgique/chambre-du-"
                    "conseil-charleroi-cinq-terroristes-presumes-maintenus-en-detention/"
                    "article-belga-527479.html"),
            description=("A fugitive suspected of recruiting for the Islamic State and of "
                         "training recruits in woods near Fleurus was arrested during a search "
                         "in Marchienne-au-Pont and placed under arrest warrant.")),
    _arrest(site_id="S-2015-10-farciennes", event_id="E-2015-10-farciennes",
            date="2015-10-01", date_precision="month", source_date_precision="month",
            link="linked", connection="local_cell", n_arrested="3",
            place="Farciennes (searches also in Aiseau-Presles)", municipality_nis="52018",
            region_nis="03000",
            source=("VRT NWS (FR), 6 Nov 2015, https://www.vrt.be/vrtnws/fr/2015/11/06/"
                    "trois_arrestationsapresdesperquisitionsdansdeuxmosquees-1-2489937/; RTL "
                    "info, Nov 2015, http://www.rtl.be/info/belgique/societe/perquisitions-et-"
                    "arrestations-a-farciennes-un-reseau-djihadiste-se-cache-t-il-dans-les-"
                    "mosquees--768389.aspx; RTBF, Nov 2015, https://www.rtbf.be/info/regions/"
                    "hainaut/detail_mandat-d-arret-confirme-pour-les-carolos-suspectes-de-"
                    "radicaliser-des-jeunes?id=9132047; RTBF, 2018, https://www.rtbf.be/info/"
                    "regions/hainaut/detail_farciennes-deux-ans-de-prison-pour-deux-recruteurs-de-"
                    "candidats-au-djihad?id=10059715"),
            description=("After searches including two mosques in Farciennes and "
                         "Aiseau-Presles, three men from the Charleroi area were placed under "
                         "arrest warrant, suspected of radicalising two young men who had set "
                         "off for Syria (two were convicted in 2018 as recruiters); the warrants "
                         "are dated late October, the day of the searches is reported "
                         "differently, so the row is dated to the month.")),
    _arrest(site_id="S-2015-11-14-molenbeek", event_id="E-2015-11-14-molenbeek",
            date="2015-11-14", link="linked", connection="unknown", networks="Paris cell",
            n_arrested="2", place="Molenbeek-Saint-Jean", municipality_nis="21012",
            region_nis="04000",
            source=("Le Soir, 14 Nov 2015, https://www.lesoir.be/art/1043363/article/actualite/"
                    "france/2015-11-14/l-une-des-personnes-interpellees-molenbeek-suspectee-d-"
                    "avoir-ete-paris-vendredi; RTBF, 14 Nov 2015, http://www.rtbf.be/info/regions/"
                    "detail_des-perquisitions-sont-en-cours-a-molenbeek-en-lien-avec-les-"
                    "attentats-de-paris?id=9136274; La Libre, 16 Nov 2015, http://www.lalibre.be/"
                    "actu/belgique/attentats-a-paris-deux-individus-places-sous-mandat-d-arret-"
                    "du-chef-d-attentat-terroriste-5649e8843570bccfaf14fd9a"),
            description=("The day after the Paris attacks police searched several addresses in "
                         "Molenbeek-Saint-Jean and detained people from the attackers' circle; "
                         "two men suspected of driving a key suspect back from Paris were "
                         "charged with terrorist offences.")),
    _arrest(site_id="S-2015-11-19-brussels", event_id="E-2015-11-19-brussels",
            date="2015-11-19", link="linked", connection="unknown", networks="Paris cell",
            n_arrested="1",
            place="Brussels-Capital Region (the sources name Laeken, City of Brussels"
                  + _BEYOND_DETAIL, **_BXL_REGION,
            source=("Le Quotidien (AFP), 19 Nov 2015, https://lequotidien.lu/actualites/six-"
                    "perquisitions-en-cours-dans-la-region-de-bruxelles; CNews (AFP), 20 Nov "
                    "2015, https://cnews.fr/france/2015-11-20/attentats-de-paris-un-suspect-"
                    "inculpe-pour-terrorisme-en-belgique-716320; 20 Minutes, 23 Nov 2015, "
                    "http://20minutes.fr/societe/1735995-20151123-attentats-paris-sms-troublant-"
                    "envoye-troisieme-suspect-arrete-belgique"),
            description=("During a search in Laeken in the Paris attacks inquiry a man was "
                         "detained in his car, where a handgun was found; he was charged with "
                         "terrorist offences the next day.")),
    _arrest(site_id="S-2015-11-26-brussels", event_id="E-2015-11-26-brussels",
            date="2015-11-26", source_geo_precision="region", link="linked",
            connection="unknown", networks="Paris cell", n_arrested="1",
            place="Brussels-Capital Region (municipality not given)", **_BXL_REGION,
            source=("Sudinfo, 28 Nov 2015, https://www.sudinfo.be/art/1433329/article/2015-11-28/"
                    "attentats-a-paris-ce-que-l-on-sait-des-personnes-residant-en-belgique-et-"
                    "impliqu; RTL info, Nov 2015, http://www.rtl.be/info/belgique/faits-divers/"
                    "operations-antiterroristes-de-jeudi-un-pere-et-ses-deux-fils-arretes-l-un-"
                    "a-bruxelles-les-autres-a-verviers-774503.aspx; 20 Minutes, 31 Dec 2015, "
                    "https://20minutes.fr/monde/1758003-20151231-attentats-paris-dix-personnes-"
                    "inculpees-belgique"),
            description=("A man sought in the Paris attacks inquiry, tied to a house in Auvelais "
                         "searched the same day as a possible hideout, was arrested in Brussels "
                         "and held in pre-trial detention.")),
    _arrest(site_id="S-2015-11-29-airport", event_id="E-2015-11-29-airport",
            date="2015-11-29", link="linked", connection="unknown", networks="Paris cell",
            n_arrested="1", traveled="true", place="Brussels Airport (Zaventem)",
            municipality_nis="23094", region_nis="02000",
            source=("La Libre, 3 Dec 2015, http://www.lalibre.be/actu/belgique/attentats-de-"
                    "paris-2-nouveaux-suspects-places-en-detention-56602387357031c12af98a6b; "
                    "Le360 (AFP), Dec 2015, https://fr.le360.ma/monde/attentats-de-paris-un-"
                    "neuvieme-suspect-inculpe-en-belgique-60396; VOA Afrique, 3 Dec 2015, "
                    "https://voaafrique.com/amp/attaques-paris-deux-nouveaux-suspects-inculpes-"
                    "belgique/3085839.html"),
            description=("A young Molenbeek resident from the circle of a Stade de France "
                         "suicide bomber, who had twice tried to reach Syria, was arrested at "
                         "Brussels Airport before boarding a flight to Morocco and charged in "
                         "the Paris attacks case.")),
    _arrest(site_id="S-2015-11-29-molenbeek", event_id="E-2015-11-29-molenbeek",
            date="2015-11-29", link="linked", connection="unknown", networks="Paris cell",
            n_arrested="1", place="Molenbeek-Saint-Jean", municipality_nis="21012",
            region_nis="04000",
            source=("La Libre, 3 Dec 2015, http://www.lalibre.be/actu/belgique/attentats-de-"
                    "paris-2-nouveaux-suspects-places-en-detention-56602387357031c12af98a6b; "
                    "Le360 (AFP), Dec 2015, https://fr.le360.ma/monde/attentats-de-paris-un-"
                    "neuvieme-suspect-inculpe-en-belgique-60396; VOA Afrique, 3 Dec 2015, "
                    "https://voaafrique.com/amp/attaques-paris-deux-nouveaux-suspects-inculpes-"
                    "belgique/3085839.html"),
            description=("The same day a man was arrested at his home during searches in "
                         "Molenbeek-Saint-Jean and charged in the Paris attacks case over his "
                         "ties to a Stade de France suicide bomber.")),
    _arrest(site_id="S-2015-12-27-anderlecht", event_id="E-2015-12-27-anderlecht",
            date="2015-12-27", plot="true", link="linked", connection="local_cell",
            networks="Kamikaze Riders", n_arrested="2", target="police",
            place="Anderlecht (searches in the Brussels region, Flemish Brabant and the Liège "
                  "region)", municipality_nis="21001", region_nis="04000",
            source=(REPORT + ", Table 1 (Kamikaze Riders, one action); DH, Dec 2015, "
                    "http://www.dhnet.be/actu/faits/le-gang-des-kamikaze-riders-soupconne-d-"
                    "avoir-prepare-un-attentat-a-bruxelles-5682ec8d3570b38a57df0bfb; Le Courrier "
                    "du Vietnam, Dec 2015, https://lecourrier.vn/belgique-arrestation-de-deux-"
                    "personnes-soupconnees-de-preparer-des-attentats/210100.html; VRT NWS (FR), "
                    "31 Dec 2015, https://www.vrt.be/vrtnws/fr/2015/12/31/sept_perquisitions"
                    "etsixinterpellationsabruxelles-1-2535895/"),
            description=("Searches over a suspected New Year's Eve attack on soldiers on the "
                         "Grand-Place and on the central police station; two members of a "
                         "Brussels motorcycle club, one of them arrested in Anderlecht, were "
                         "charged, and military-style clothing and Islamic State propaganda "
                         "were seized.")),
    _arrest(site_id="S-2015-12-30-molenbeek", event_id="E-2015-12-30-molenbeek",
            date="2015-12-30", link="linked", connection="unknown", networks="Paris cell",
            n_arrested="1", place="Molenbeek-Saint-Jean", municipality_nis="21012",
            region_nis="04000",
            source=("Le Soir, 31 Dec 2015, https://www.lesoir.be/art/1082109/article/actualite/"
                    "belgique/2015-12-31/attentats-paris-nouvelle-inculpation-bruxelles-pour-"
                    "assassinats-terroristes; 20 Minutes, 31 Dec 2015, https://20minutes.fr/"
                    "monde/1758003-20151231-attentats-paris-dix-personnes-inculpees-belgique"),
            description=("A young man was detained in a search at a family address in "
                         "Molenbeek-Saint-Jean and became the tenth person charged in Belgium in "
                         "the Paris attacks inquiry; he was released for lack of evidence in "
                         "January 2016.")),

    # ================================= arrest actions, 2016 ==================================
    _arrest(site_id="S-2016-01-molenbeek", event_id="E-2016-01-molenbeek",
            date="2016-01-01", date_precision="month", source_date_precision="month",
            link="linked", connection="unknown", networks="Paris cell", n_arrested="1",
            place="Molenbeek-Saint-Jean", municipality_nis="21012", region_nis="04000",
            source=("RTBF, 21 Jan 2016, https://www.rtbf.be/info/dossier/attaques-terroristes-a-"
                    "paris/detail_perquisitions-a-molenbeek-deux-personnes-privees-de-liberte?id="
                    "9191760; France 24, 22 Jan 2016, http://www.france24.com/fr/20160122-"
                    "attentats-paris-onze-inculpes-belgique-enquete-molenbeek-bruxelles; "
                    "France-Soir (AFP), 22 Jan 2016, https://www.francesoir.fr/societe-faits-"
                    "divers/attentats-de-paris-un-11e-homme-inculpe-en-belgique"),
            description=("A search in Molenbeek-Saint-Jean in the Paris attacks inquiry led to "
                         "the detention of a man in contact with suspects; he became the "
                         "eleventh person charged in Belgium in that case (the reports differ "
                         "on the day, so the row is dated to the month).")),
    _arrest(site_id="S-2016-01-jumet-centre", event_id="E-2016-01-jumet-centre",
            date="2016-01-01", date_precision="month", source_date_precision="month",
            link="linked", connection="unknown", n_arrested="1",
            place="Reception centre for asylum seekers, Jumet (Charleroi)",
            municipality_nis="52011", region_nis="03000",
            source=("RTL info, Jan 2016, http://rtlinfo.be/info/regions/hainaut/jumet-un-"
                    "terroriste-presume-arrete-au-centre-fedasil-789751.aspx; Sputnik, 27 Jan "
                    "2016, https://fr.sputniknews.africa/20160127/belgique-refugie-daech-"
                    "interpellation-1021270262.html"),
            description=("Federal police detained an Iraqi asylum seeker at the reception "
                         "centre in Jumet after photographs of him in jihadist dress before an "
                         "Islamic State flag came to light; he was placed under arrest warrant "
                         "for taking part in a terrorist organisation. Not part of the Jumet "
                         "cell.")),
    _arrest(site_id="S-2016-01-30-jumet", event_id="E-2016-01-30-jumet",
            date="2016-01-30", link="linked", connection="local_cell", networks="Jumet cell",
            n_arrested="2", place="Jumet (Charleroi)", municipality_nis="52011",
            region_nis="03000",
            source=(REPORT + ", Table 1 (Jumet cell); Le Vif, Feb 2016, http://levif.be/"
                    "actualite/belgique/detention-prolongee-pour-un-candidat-presume-au-djihad/"
                    "article-normal-464021.html; L'Avenir, 3 Feb 2016, https://www.lavenir.net/"
                    "cnt/dmf20160203_00774660/mandat-confirme-pour-le-couple-de-jumetois-"
                    "candidats-djihadistes-presumes; RTL (video), 31 Jan 2016, https://www.rtl."
                    "be/page-videos/belgique/faits-divers/les-3-suspects-arretes-jumet-voulaient-"
                    "aller-faire-le-djihad-en-syrie/2016-01-31/video/49288"),
            description=("Federal judicial police searched a house in Jumet at dawn and "
                         "detained a recently radicalised couple preparing to leave for Syria; "
                         "both were charged with taking part in a terrorist group. The same "
                         "operation made an arrest in Brussels (next row).")),
    _arrest(site_id="S-2016-01-30-brussels", event_id="E-2016-01-30-brussels",
            date="2016-01-30", source_geo_precision="region", link="linked",
            connection="local_cell", networks="Jumet cell", n_arrested="1",
            place="Brussels-Capital Region (municipality not given)", **_BXL_REGION,
            source=(REPORT + ", Table 1 (Jumet cell); RTL info, Jan 2016, https://scontent-rtl."
                    "akamaized.net/info/belgique/faits-divers/trois-individus-inculpes-dans-un-"
                    "dossier-de-terrorisme-l-un-d-eux-avoue-vouloir-partir-en-syrie-pour-des-"
                    "raisons-humanitaires--790797.aspx; HLN, 2017, https://www.hln.be/nieuws/"
                    "binnenland/leden-jihadistencel-jumet-krijgen-ook-in-beroep-tot-acht-jaar-"
                    "cel~ad197be7/; Le Vif (Belga), 22 Jul 2016, http://www.levif.be/actualite/"
                    "belgique/chambre-du-conseil-charleroi-cinq-terroristes-presumes-maintenus-"
                    "en-detention/article-belga-527479.html"),
            description=("In the same operation as the Jumet search a Brussels resident, later "
                         "regarded as the cell's leader, was detained in Brussels; he said he "
                         "wanted to join the Islamic State and was charged with taking part in "
                         "a terrorist group.")),
    _arrest(site_id="S-2016-02-16-brussels", event_id="E-2016-02-16-brussels",
            date="2016-02-16", source_geo_precision="region", link="linked",
            connection="local_cell", n_arrested="3",
            place="Brussels-Capital Region (searches in Molenbeek-Saint-Jean, Koekelberg, "
                  "Schaerbeek and Etterbeek)", **_BXL_REGION,
            source=("La Libre, 16 Feb 2016, http://www.lalibre.be/actu/belgique/terrorisme-3-"
                    "personnes-interpellees-a-bruxelles-placees-sous-mandat-d-arret-56c2ddb83570"
                    "fdebf5f7c9b4; RTBF, 16 Feb 2016, https://www.rtbf.be/info/belgique/detail_"
                    "terrorisme-dix-interpellations-lors-de-perquisitions-en-belgique?id="
                    "9214667; LCI, 16 Feb 2016, https://www.lci.fr/international/belgique-"
                    "arrestation-de-dix-personnes-soupconnees-detre-en-lien-avec-letat-"
                    "islamique-1503972.html"),
            description=("At the request of a Liège investigating judge police searched nine "
                         "homes in four Brussels municipalities in an inquiry into a network "
                         "recruiting for the Islamic State in Syria; ten people were detained "
                         "and three charged and held.")),
    _arrest(site_id="S-2016-03-15-forest", event_id="E-2016-03-15-forest",
            date="2016-03-15", link="linked", connection="deployed_operative",
            networks="Paris cell", n_arrested="0", weapon="firearm", place="Forest",
            municipality_nis="21007", region_nis="04000",
            source=("Wikipedia, '2016 Brussels police raids', https://en.wikipedia.org/wiki/"
                    "2016_Brussels_police_raids; France 2 Brussels bureau (francetvinfo), "
                    "16 Mar 2016, https://blog.francetvinfo.fr/bureau-bruxelles-france2/2016/03/"
                    "16/bruxelles-une-fusillade-lors-dune-perquisition-liee-aux-attentats-de-"
                    "paris.html; VRT NWS, 15 Mar 2016, https://www.vrt.be/vrtnws/fr/2016/03/15/"
                    "action_antiterroristeaforestunsuspecttue-1-2601892/"),
            description=("A Franco-Belgian police search of a flat in the Paris attacks "
                         "investigation was met with gunfire; one gunman was killed, two men "
                         "escaped; no arrest on the spot (an arrest action counts an arrest or a "
                         "death).")),
    _arrest(site_id="S-2016-03-18-molenbeek", event_id="E-2016-03-18-molenbeek",
            date="2016-03-18", link="linked", connection="both", networks="Paris cell",
            n_arrested="3", place="Molenbeek-Saint-Jean", municipality_nis="21012",
            region_nis="04000",
            source=(REPORT + " (text: 'the March 18 arrest'); BBC News, 18 Mar 2016 (archived "
                    "copy), https://megalodon.jp/ref/2016-0319-0555-05/www.bbc.com/news/world-"
                    "europe-35846954; Times Record (Fort Smith), 18 Mar 2016, https://www.swtimes."
                    "com/story/news/nation-world/2016/03/18/key-suspect-in-paris-attacks/"
                    "26309306007/; RTBF, 18 Mar 2016, https://www.rtbf.be/info/regions/detail_des-"
                    "perquisitions-sont-en-cours-en-region-bruxelloise?id=9244482"),
            description=("Special units stormed a flat in Molenbeek-Saint-Jean: the main "
                         "surviving suspect of the November 2015 Paris attacks was wounded and "
                         "arrested with an accomplice, and members of the family hosting them "
                         "were detained; at least three people were charged.")),
    _arrest(site_id="S-2016-03-24-brussels", event_id="E-2016-03-24-brussels",
            date="2016-03-24", link="linked", connection="unknown", networks="Brussels cell",
            n_arrested="2",
            place="Brussels-Capital Region (the sources place one arrest outside the federal "
                  "prosecutor's office, City of Brussels" + _BEYOND_DETAIL, **_BXL_REGION,
            source=("RTBF, Apr 2016, https://www.rtbf.be/info/dossier/explosions-a-brussels-"
                    "airport/detail_attentats-perquisitions-inculpations-et-nouveaux-noms-le-"
                    "point-sur-les-enquetes?id=9253030; Reuters (Boursorama), 25 Mar 2016, "
                    "http://www.boursorama.com/actualites/six-arrestations-a-bruxelles-apres-les-"
                    "attentats-de-mardi-778ed5f4776ffb8c2efc6da7217a7b73; Europe 1, 28 Mar 2016, "
                    "https://europe1.fr/international/belgique-trois-nouvelles-inculpations-pour-"
                    "appartenance-terroriste-2704855"),
            description=("Two days after the Brussels bombings police searched homes in "
                         "Schaerbeek, Jette and central Brussels and detained six people, three "
                         "of them in a car outside the federal prosecutor's office; two were "
                         "charged, one of whom was released four days later for lack of "
                         "evidence.")),
    _arrest(site_id="S-2016-03-25-schaerbeek", event_id="E-2016-03-25-schaerbeek",
            date="2016-03-25", plot="true", link="linked", connection="unknown",
            networks="Argenteuil cell", n_arrested="1",
            place="Schaerbeek (tram stop near place Meiser)", municipality_nis="21015",
            region_nis="04000",
            source=(REPORT + ", Table 1 (Argenteuil cell) and text on the plot foiled in "
                    "Argenteuil; Le Soir, 26 Mar 2016, https://www.lesoir.be/art/1163426/article/"
                    "actualite/belgique/2016-03-26/mandat-d-arret-prolonge-pour-l-homme-arrete-et-"
                    "blesse-schaerbeek; The Times of Israel, 25 Mar 2016, https://www."
                    "timesofisrael.com/brussels-police-nab-terror-suspect-at-tram-stop-bomb-squad-"
                    "dispatched/"),
            description=("A man was shot in the leg and arrested at a tram stop near place "
                         "Meiser, in the investigation of the attack plot foiled in Argenteuil "
                         "(France), and placed under arrest warrant.")),
    _arrest(site_id="S-2016-03-25-saint-gilles", event_id="E-2016-03-25-saint-gilles",
            date="2016-03-25", plot="true", link="linked", connection="unknown",
            networks="Argenteuil cell", n_arrested="1", place="Saint-Gilles",
            municipality_nis="21013", region_nis="04000",
            source=(REPORT + ", Table 1 (Argenteuil cell); RTBF, Apr 2016, https://www.rtbf.be/"
                    "info/dossier/explosions-a-brussels-airport/detail_attentats-perquisitions-"
                    "inculpations-et-nouveaux-noms-le-point-sur-les-enquetes?id=9253030; BFMTV, "
                    "25 Mar 2016, https://www.bfmtv.com/police-justice/terrorisme/argenteuil-"
                    "boulogne-schaerbeek-les-avancees-de-l-enquete-sur-l-attentat-dejoue_AN-"
                    "201603250071.html"),
            description=("The same day a second man linked to the attack plot foiled in "
                         "Argenteuil was arrested in a street in Saint-Gilles and placed under "
                         "arrest warrant.")),
    _arrest(site_id="S-2016-04-08-anderlecht", event_id="E-2016-04-08-anderlecht",
            date="2016-04-08", link="linked", connection="both",
            networks="Paris cell;Brussels cell", n_arrested="1", traveled="true",
            place="Anderlecht", municipality_nis="21001", region_nis="04000",
            source=("Flanders Today, Apr 2016, http://www.flanderstoday.eu/current-affairs/"
                    "police-arrest-third-airport-terrorist-suspect; lidtime.com (agency copy), "
                    "Apr 2016, https://lidtime.com/?p=380921; People's Daily (French), 9 Apr "
                    "2016, http://sn-sn.com/International/n3/2016/0409/c31356-9042168.html"),
            description=("Arrest in Anderlecht of the third suspect of the 22 March 2016 airport "
                         "bombing, also sought for the Paris attacks and reported to have "
                         "travelled to Syria; two men with him were detained (their outcome is "
                         "not reported).")),
    _arrest(site_id="S-2016-05-25-antwerpen", event_id="E-2016-05-25-antwerpen",
            date="2016-05-25", plot="true", link="linked", connection="local_cell",
            n_arrested="4", target="transport",
            place="Antwerp (searches in Antwerp, its district Borgerhout, and Ternat)",
            municipality_nis="11002", region_nis="02000",
            source=("Le Soir, 25 May 2016, https://www.lesoir.be/art/1220971/article/actualite/"
                    "belgique/2016-05-25/terrorisme-arrestations-en-flandre-liees-des-projets-d-"
                    "attentats; RTL info, May 2016, http://www.rtl.be/info/regions/flandre/quatre-"
                    "personnes-inculpees-dans-un-dossier-lie-au-terrorisme-elles-voulaient-"
                    "recruter-des-gens-pour-aller-en-syrie-821333.aspx; RT France, May 2016, "
                    "https://francais.rt.com/international/21137-belgique--quatre-personnes-"
                    "inculpees; VRT (deredactie, FR), May 2016, http://deredactie.be/permalink/"
                    "1.2666189"),
            description=("Antwerp federal police searched eight addresses in Antwerp, "
                         "Borgerhout and Ternat; four young people from Borgerhout and "
                         "elsewhere, some of whom meant to join the Islamic State, were charged "
                         "with taking part in a terrorist group recruiting for Syria and Libya; "
                         "prosecutors said plans for an attack in Belgium had been found, with "
                         "Antwerp central station named as a possible target.")),
    _arrest(site_id="S-2016-06-09-schaerbeek", event_id="E-2016-06-09-schaerbeek",
            date="2016-06-09", link="linked", connection="unknown", networks="Brussels cell",
            n_arrested="1", place="Schaerbeek", municipality_nis="21015", region_nis="04000",
            source=("LaPresse, 10 Jun 2016, https://www.lapresse.it/esteri/bruxelles_un_nuovo_"
                    "arresto_per_gli_attentati_del_22_marzo-239650/news/2016-06-10/; "
                    "Internazionale, 10 Jun 2016, https://internazionale.it/notizie/2016/06/10/"
                    "arrestata-in-belgio-una-persona-legata-agli-attentati-di-bruxelles-2"),
            description=("A man was arrested during a search in Schaerbeek in the inquiry into "
                         "the March 2016 bombings and accused of terrorist murder; he had been "
                         "detained briefly once before, on 24 March.")),
    _arrest(site_id="S-2016-10-18-gent", event_id="E-2016-10-18-gent",
            date="2016-10-18", link="linked", connection="local_cell", n_arrested="4",
            place="Ghent (searches in Ghent, Deinze and Antwerp)", municipality_nis="44021",
            region_nis="02000",
            source=("VRT (deredactie, FR), 18 Oct 2016, http://deredactie.be/permalink/"
                    "1.2796712; Le Soir, 19 Oct 2016, https://www.lesoir.be/64603/article/"
                    "2016-10-19/loperation-antiterroriste-en-flandre-visait-lentourage-dune-"
                    "figure-de-daesh; La Lettre Med, Oct 2016, https://lalettremed.com/12820-coup-"
                    "de-filet-antiterroriste-de-la-police-belge-en-flandre.html"),
            description=("East Flanders federal police searched fifteen homes in Ghent, Deinze "
                         "and Antwerp, largely among relatives of an Antwerp Islamic State "
                         "member in Syria; four people, one of them arrested in Ghent, were "
                         "charged with taking part in and financing a terrorist group that "
                         "recruited for the Islamic State.")),
    _arrest(site_id="S-2016-11-30-charleroi-area", event_id="E-2016-11-30-charleroi-area",
            date="2016-11-30", source_geo_precision="region", link="inspired", connection="",
            n_arrested="3",
            place="Charleroi area (searches in Charleroi, Farciennes, Châtelet and Fleurus)",
            region_nis="03000", geo_precision="region",
            source=("Le Soir, 30 Nov 2016, https://www.lesoir.be/71145/article/2016-11-30/"
                    "attaque-la-machette-charleroi-la-police-perquisitionne-8-habitations; RTBF, "
                    "Nov 2016, https://www.rtbf.be/info/societe/detail_terrorisme-a-charleroi-"
                    "deux-personnes-placees-sous-mandat-d-arret?id=9468956; RTL info, Dec 2016, "
                    "http://rtlinfo.be/info/regions/hainaut/deux-policieres-carolos-attaquees-a-"
                    "la-machette-une-troisieme-personne-placee-sous-mandat-d-arret-871656.aspx"),
            description=("Police searched eight homes in the Charleroi area looking for "
                         "accomplices of the August 2016 machete attacker; three people "
                         "suspected of radicalising him or helping him prepare were charged and "
                         "jailed. Coded inspired, as the report codes the attack itself.")),

    # ================================= arrest actions, 2017 ==================================
    _arrest(site_id="S-2017-09-27-zaventem", event_id="E-2017-09-27-zaventem",
            date="2017-09-27", plot="true", link="linked", connection="local_cell",
            n_arrested="1", traveled="true", place="Zaventem (the suspect's home)",
            municipality_nis="23094", region_nis="02000",
            source=("Europe 1, 27 Sep 2017, https://www.europe1.fr/international/belgique-"
                    "arrestation-dun-espagnol-soupconne-de-recruter-pour-lei-depuis-bruxelles-"
                    "3447944; VRT (deredactie, FR), Sep 2017, http://deredactie.be/cm/vrtnieuws."
                    "francais/Soci%25C3%25A9t%25C3%25A9/1.3074050; BX1, Sep 2017, http://bx1.be/"
                    "zaventem/espagnol-de-26-ans-arrete-a-zaventem-serait-leader-dune-cellule-de-"
                    "letat-islamique/"),
            description=("Police arrested at his home in Zaventem, on a European arrest warrant "
                         "from Spain, a Spanish national accused of leading a cell that "
                         "recruited for the Islamic State in Brussels and drew up a list of "
                         "possible targets, including in Belgium; he had twice tried to reach "
                         "the conflict zone.")),
    _arrest(site_id="S-2017-10-30-molenbeek", event_id="E-2017-10-30-molenbeek",
            date="2017-10-30", link="linked", connection="unknown", n_arrested="2",
            place="Molenbeek-Saint-Jean", municipality_nis="21012", region_nis="04000",
            source=("RTL info, 30 Oct 2017, http://www.rtlinfo.be/info/belgique/faits-divers/"
                    "attentat-manque-du-thalys-la-police-mene-6-perquisitions-ce-matin-en-"
                    "belgique-et-arrete-4-personnes-966323.aspx; DH, 31 Oct 2017, http://www."
                    "dhnet.be/actu/belgique/agression-armee-dans-un-train-thalys-deux-personnes-"
                    "placees-sous-mandat-d-arret-59f8b1d5cd703cdd752f1786; BFMTV, 30 Oct 2017, "
                    "https://www.bfmtv.com/police-justice/terrorisme/attentat-manque-du-thalys-"
                    "des-perquisitions-et-4-interpellations-dans-la-nuit_AN-201710300008.html"),
            description=("In the inquiry into the foiled attack on a Thalys train in August "
                         "2015 police searched homes in Molenbeek-Saint-Jean, Anderlecht, "
                         "Laeken, Andenne and Marche-en-Famenne; four people were detained and "
                         "two, one of them arrested in Molenbeek, were charged with taking part "
                         "in a terrorist group.")),
]

# --------------------------------------------------------------------------------------------
# Reconstructed arrest actions: one line each. Places at municipality or region precision.
# --------------------------------------------------------------------------------------------

#: key: (place text, municipality NIS or "", region NIS, geo_precision, figure served)
PLACES: dict[str, tuple[str, str, str, str, str]] = {
    "brussels": ("Brussels-Capital Region (municipality not known)", "", "04000", "region",
                 "text: 62 incidents in Brussels, 42 of them without municipality detail"),
    "molenbeek": ("Molenbeek-Saint-Jean", "21012", "", "municipality",
                  "text: 20 Brussels incidents with municipality detail, 45% in Molenbeek"),
    "schaerbeek": ("Schaerbeek", "21015", "", "municipality",
                   "text: 20 Brussels incidents with municipality detail, 25% in Schaerbeek"),
    "charleroi": ("Charleroi", "52011", "", "municipality",
                  "text: 13 arrest actions and one attack in Charleroi"),
    "charleroi-airport": ("Brussels South Charleroi Airport, Gosselies (Charleroi)", "52011", "",
                          "municipality", "text: one individual arrested at Charleroi airport"),
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
    # --- Brussels-Capital Region, region precision (35) ---------------------------------------
    # Zerkani network (13 links; one action also tied to the Brussels cell).
    (2014, "brussels", L, lc, Z, 0, 2, T, "", ""),
    (2014, "brussels", L, lc, Z, 0, 1, T, "", ""),
    (2014, "brussels", L, lc, Z, 0, 1, T, "", ""),
    (2014, "brussels", L, lc, Z, 0, 1, T, "", ""),
    (2014, "brussels", L, lc, Z, 0, 1, U, "", ""),
    (2015, "brussels", L, lc, Z, 0, 1, T, "", ""),
    (2015, "brussels", L, lc, Z, 0, 1, T, "", ""),
    (2015, "brussels", L, lc, Z, 0, 1, T, "", ""),
    (2015, "brussels", L, lc, Z, 0, 1, T, "", ""),
    (2015, "brussels", L, lc, Z, 0, 1, U, "", ""),
    (2016, "brussels", L, lc, Z, 0, 1, T, "", ""),
    (2016, "brussels", L, lc, Z, 0, 1, T, "", ""),
    (2016, "brussels", L, lc, Z + ";" + B, 0, 1, T, "", ""),
    # Paris cell (12 links: 10 documented, 2 here).
    (2015, "brussels", L, do, P, 1, 1, T, "", ""),
    (2016, "brussels", L, do, P, 1, 1, T, "", ""),
    # Brussels cell (10 links: 3 documented, 1 on the Zerkani action above, 6 here).
    (2016, "brussels", L, do, B, 1, 1, T, SP, SP),
    (2016, "brussels", L, do, B, 1, 1, T, SP, ""),
    (2016, "brussels", L, bo, B, 1, 1, T, "", ""),
    (2016, "brussels", L, lc, B, 1, 1, U, "", ""),
    (2016, "brussels", L, lc, B, 0, 1, U, "", ""),
    (2017, "brussels", L, lc, B, 0, 1, U, "", ""),
    # Verviers cell (6: 2 documented, 2 here, 2 in Verviers below).
    (2015, "brussels", L, do, V, 0, 1, T, "", ""),
    (2015, "brussels", L, do, V, 0, 1, T, "", ""),
    # Jumet cell (4: 2 documented, one in Charleroi and one in Brussels; 2 here).
    (2016, "brussels", L, lc, J, 1, 1, T, "", ""),
    (2016, "brussels", L, lc, J, 0, 1, T, "", ""),
    # Argenteuil cell (3: 2 documented, 1 here).
    (2016, "brussels", L, lc, A, 1, 1, U, "", SP),
    # No network (9, 1 inspired).
    (2014, "brussels", L, lc, "", 0, 1, T, "", ""),
    (2015, "brussels", L, lc, "", 0, 1, T, "", ""),
    (2015, "brussels", L, uk, "", 0, 1, U, "", ""),
    (2015, "brussels", L, lc, "", 0, 1, U, "", ""),
    (2016, "brussels", L, lc, "", 1, 1, T, "", ""),
    (2016, "brussels", L, lc, "", 0, 1, T, "", ""),
    (2016, "brussels", I, "", "", 0, 2, U, "", ""),
    (2016, "brussels", L, uk, "", 0, 1, U, "", ""),
    (2017, "brussels", L, uk, "", 0, 1, U, "", ""),
    # --- Brussels with municipality detail (5 of the 20; 15 are documented) -----------------
    (2014, "molenbeek", L, lc, "", 0, 1, T, "", ""),
    (2015, "schaerbeek", L, lc, "", 0, 1, T, "", ""),
    (2016, "molenbeek", I, "", "", 1, 2, U, "", ""),
    (2017, "molenbeek", L, uk, "", 0, 1, U, "", ""),
    (2017, "schaerbeek", I, "", "", 0, 1, U, "", ""),
    # --- Charleroi (10 of 13 arrest actions; 2 inspired; one arrest at Charleroi airport) ----
    (2015, "charleroi", L, lc, "", 0, 1, T, "", ""),
    (2015, "charleroi", I, "", "", 0, 2, T, "", ""),
    (2016, "charleroi", L, lc, "", 1, 1, T, "", ""),
    (2016, "charleroi", L, lc, "", 0, 1, T, "", ""),
    (2016, "charleroi", L, uk, "", 0, 1, T, "", ""),
    (2016, "charleroi", L, lc, "", 0, 1, U, "", ""),
    (2016, "charleroi-airport", L, uk, "", 0, 1, U, "", ""),
    (2016, "charleroi", L, lc, "", 0, 1, T, "", ""),
    (2017, "charleroi", L, lc, "", 0, 1, T, "", ""),
    (2017, "charleroi", I, "", "", 0, 1, U, "", ""),
    # --- Zaventem (2 of 4 arrest actions, both at the airport; 2 documented) ---------------
    (2014, "zaventem-airport", L, lc, "", 0, 1, U, "", ""),
    (2016, "zaventem-airport", I, "", "", 0, 1, U, "", ""),
    # --- Verviers (3 of 4), Antwerp (3 of 4, 7 of the 11 arrested), Ostend (1), Liège (2) ---
    (2014, "antwerpen", L, lc, "", 0, 3, U, "", ""),
    (2015, "verviers", L, do, V, 0, 1, U, "", ""),
    (2015, "verviers", L, do, V, 0, 1, U, "", ""),
    (2015, "antwerpen", L, lc, "", 0, 2, U, "", ""),
    (2015, "liege", I, "", "", 0, 1, U, "", ""),
    (2016, "verviers", L, uk, "", 0, 1, U, "", ""),
    (2016, "oostende", L, lc, O, 0, 1, U, "", ""),
    (2016, "liege", L, lc, "", 0, 1, U, "", ""),
    (2017, "antwerpen", L, uk, "", 0, 2, U, "", ""),
    # --- No city named by the report: Flanders (9) and Wallonia (1), region precision -------
    (2014, "flanders", L, lc, M, 0, 1, U, "", ""),
    (2015, "flanders", L, lc, M, 0, 1, U, "", ""),
    (2015, "flanders", L, lc, W, 0, 1, U, "", ""),
    (2015, "flanders", L, lc, W, 0, 1, U, "", ""),
    (2015, "flanders", L, uk, "", 0, 1, U, "", ""),
    (2016, "flanders", L, lc, O, 0, 1, U, "", ""),
    (2016, "flanders", I, "", "", 0, 1, U, "", ""),
    (2016, "wallonia", L, lc, "", 0, 1, U, "", ""),
    (2017, "flanders", L, lc, O, 0, 1, U, "", ""),
    (2017, "flanders", L, uk, "", 0, 1, U, "", ""),
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
            note = (" A Jumet cell action whose arrest place is not on the record: placed in the"
                    " Brussels region, where most of the cell's defendants lived (assumption).")
        if key == "charleroi-airport":
            note = " The one individual arrested at Charleroi airport (report's map note)."
        rows.append({
            "site_id": "S-" + stem, "event_id": "E-" + stem,
            "date": f"{year}-01-01", "date_precision": "year", "source_date_precision": "",
            "kind": "arrest_action",
            "plot": "true" if plot else "false", "link": link, "connection": connection,
            "networks": networks, "n_arrested": str(n_arrested), "traveled": traveled,
            "weapon": weapon, "target": target, "place": place, "municipality_nis": nis,
            "region_nis": region, "lat": "", "lon": "", "geo_precision": precision,
            "source_geo_precision": "", "provenance": "reconstructed",
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
        extra = set(r) - set(COLUMNS)
        if missing or extra:
            raise ValueError(f"{r.get('site_id')}: missing {sorted(missing)}, "
                             f"unknown {sorted(extra)}")
    _check_precision(rows)
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


_DATE_RANK = {"year": 0, "month": 1, "day": 2}
_GEO_RANK = {"region": 1, "municipality": 2, "point": 3}


def _check_precision(rows: list[dict[str, str]]) -> None:
    """No documented row claims more than its sources give; reconstructed rows record no
    source precision (geo.incidents.table checks the same rule when the table is loaded)."""
    wrong = []
    for r in rows:
        sd, sg = r["source_date_precision"], r["source_geo_precision"]
        if r["provenance"] == "documented":
            if sd not in _DATE_RANK or sg not in _GEO_RANK:
                wrong.append(f"{r['site_id']}: source precision missing")
            elif (_DATE_RANK[r["date_precision"]] > _DATE_RANK[sd]
                  or _GEO_RANK[r["geo_precision"]] > _GEO_RANK[sg]):
                wrong.append(f"{r['site_id']}: more precise than its sources")
        elif sd or sg:
            wrong.append(f"{r['site_id']}: a reconstructed row has no source precision")
    if wrong:
        raise AssertionError("; ".join(wrong))


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
        "2014": (by_year["2014"], 10), "2015": (by_year["2015"], 37),
        "2016": (by_year["2016"], 48), "2017": (by_year["2017"], 12),
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
