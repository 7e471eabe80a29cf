"""Documented attacks: the report's four, five sites, each with its citations."""

from __future__ import annotations

from .common import ARREST, ATTACK, BEYOND_DETAIL, BXL_REGION, REPORT, arrest  # noqa: F401

ATTACKS: list[dict[str, str]] = [
    # --- 22 March 2016: one event, two sites (the report coded it "in both places") ----------
    dict(ATTACK, site_id="S-2016-03-22-airport", event_id="E-2016-03-22-attack",
         date="2016-03-22", link="linked", weapon="explosive", target="airport",
         place="Brussels Airport, departure hall (Zaventem)", municipality_nis="23094",
         region_nis="02000", lat="50.8972", lon="4.4847", link_source="press",
         point_source=("https://railroad.wikisort.org/station/fr/Station/"
                       "Gare_de_Bruxelles-Aéroport-Zaventem"),
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
    dict(ATTACK, site_id="S-2016-03-22-maalbeek", event_id="E-2016-03-22-attack",
         date="2016-03-22", link="linked", weapon="explosive", target="transport",
         place="Maalbeek metro station (City of Brussels)", municipality_nis="21004",
         region_nis="04000", lat="50.8439", lon="4.3769", link_source="press",
         point_source="https://it.frwiki.wiki/wiki/Maelbeek_%28m%C3%A9tro_de_Bruxelles%29",
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
    dict(ATTACK, site_id="S-2016-08-06-charleroi", event_id="E-2016-08-06-attack",
         date="2016-08-06", link="inspired", weapon="knife", target="police",
         place="Police headquarters (Tour bleue), boulevard Pierre Mayence, Charleroi",
         municipality_nis="52011", region_nis="03000", lat="", lon="",
         geo_precision="municipality", source_geo_precision="municipality",
         source=(REPORT + ", 'Weapons and Targets' (two knife attacks on police, inspired); "
                 "France 3 Hauts-de-France, 6 Aug 2016, https://france3-regions.francetvinfo.fr/"
                 "hauts-de-france/belgique-deux-policieres-blessees-la-machette-charleroi-"
                 "1061809.html; Wikipedia, '2016 stabbing of Charleroi police officers', "
                 "https://encyclopedia.datana.cloud/content/wikipedia_en_all_mini_2024-04/A/"
                 "2016_stabbing_of_Charleroi_police_officers; the building: RTBF, Oct 2014, "
                 "https://www.rtbf.be/info/regions/detail_charleroi-la-police-demenage-dans-ses-"
                 "nouveaux-batiments?id=8372168 (no page read gives its position)"),
         description=("Machete attack on two police officers at the checkpoint in front of the "
                      "Charleroi police headquarters; the attacker was shot dead. Placed in its "
                      "municipality: no page read gives the building's position.")),
    # --- 5 October 2016: Schaerbeek ----------------------------------------------------------
    dict(ATTACK, site_id="S-2016-10-05-schaerbeek", event_id="E-2016-10-05-attack",
         date="2016-10-05", link="inspired", weapon="knife", target="police",
         place="Boulevard Lambermont, near the Paul Brien hospital, Schaerbeek",
         municipality_nis="21015", region_nis="04000", lat="", lon="",
         geo_precision="municipality", source_geo_precision="municipality",
         source=(REPORT + ", 'Weapons and Targets'; Le Soir, 5 Oct 2016, https://www.lesoir.be/"
                 "art/1334618/article/actualite/regions/bruxelles/2016-10-05/"
                 "policiers-attaques-schaerbeek-piste-terroriste-evoquee-ce-que-l-on-sait-l; "
                 "VRT NWS, 5 Oct 2016, https://www.vrt.be/vrtnws/fr/2016/10/05/"
                 "deux_policiers_poignardesaschaerbeeklapisteterroristeevoquee-1-2786100/"),
         description=("Knife attack on two police officers during a check on boulevard "
                      "Lambermont, near a hospital; the attacker was shot in the leg and "
                      "arrested. Placed in its municipality: the sources name the boulevard, "
                      "not a point on it.")),
    # --- 20 June 2017: Brussels Central Station ----------------------------------------------
    dict(ATTACK, site_id="S-2017-06-20-central", event_id="E-2017-06-20-attack",
         date="2017-06-20", link="inspired", weapon="explosive", target="transport",
         place="Brussels Central Station (City of Brussels)", municipality_nis="21004",
         region_nis="04000", lat="50.8456", lon="4.3569",
         point_source="https://fr.other.wiki/wiki/Brussels-Central_railway_station",
         source=(REPORT + ", 'Weapons and Targets' (explosive attacks on stations and the "
                 "airport); ABC News, 21 Jun 2017, https://www.abc.net.au/news/2017-06-21/"
                 "brussels-central-station-evacuated-following-reports-of-blasts/8636984; "
                 "point: station record 50.84556 N 4.35694 E, https://fr.other.wiki/wiki/"
                 "Brussels-Central_railway_station"),
         description=("A small explosive device went off in Brussels Central Station; soldiers "
                      "shot the attacker dead; no one else was hurt.")),

]
