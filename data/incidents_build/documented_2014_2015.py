"""Documented arrest actions of 2014 and 2015."""

from __future__ import annotations

from .common import ARREST, ATTACK, BEYOND_DETAIL, BXL_REGION, REPORT, arrest  # noqa: F401

ARRESTS_2014_2015: list[dict[str, str]] = [
    arrest(site_id="S-2015-01-15-verviers", event_id="E-2015-01-15-verviers",
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
    arrest(site_id="S-2015-01-15-brussels", event_id="E-2015-01-15-brussels",
            date="2015-01-15", plot="true", link="linked", connection="unknown",
            networks="Verviers cell", n_arrested="1",
            place="Brussels-Capital Region (the sources name Laeken, City of Brussels"
                  + BEYOND_DETAIL, **BXL_REGION,
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
    arrest(site_id="S-2015-01-molenbeek-police", event_id="E-2015-01-molenbeek-police",
            date="2015-01-01", date_precision="month", source_date_precision="month",
            link="linked", connection="unknown", networks="Verviers cell", n_arrested="1",
            place="Brussels-Capital Region (the sources name the Molenbeek-Saint-Jean police, "
                  "where the man presented himself" + BEYOND_DETAIL, **BXL_REGION,
            source=(REPORT + ", Table 1 (Verviers cell); Le Vif (Belga), Jan 2015, http://www."
                    "levif.be/actualite/belgique/le-suspect-recherche-en-espagne-etait-en-fait-"
                    "chez-lui-en-belgique/article-normal-362471.html; ANP (fok.nl), Jan 2015, "
                    "https://frontpage.fok.nl/nieuws/686110/1/1/50/jihadverdachten-verviers-"
                    "langer-vast.html; VRT (deredactie, FR), Apr 2015, http://deredactie.be/cm/"
                    "vrtnieuws.francais/Soci%25C3%25A9t%25C3%25A9/1.2308281; Connaître la "
                    "Wallonie, '15 janvier 2015', https://connaitrelawallonie.wallonie.be/fr/"
                    "node/9423"),
            description=("A young man sought in the Verviers cell inquiry, thought to have fled "
                         "to Spain after the raid, was in fact at home under electronic "
                         "monitoring; on the Tuesday after the raid he presented himself at the "
                         "Molenbeek-Saint-Jean police and was placed under arrest warrant for "
                         "possible terrorist offences, a warrant the Brussels court confirmed in "
                         "April. At the trial the federal prosecutor described the Verviers cell "
                         "as the first cell commissioned by the Islamic State. The pages give a "
                         "weekday, not a date of their own, so the row is dated to the month.")),
    arrest(site_id="S-2015-01-30-maaseik", event_id="E-2015-01-30-maaseik",
            date="2015-01-30", link="linked", connection="local_cell",
            networks="Maaseik network", n_arrested="4", link_source="press",
            place="Maaseik (22 searches in Limburg, Antwerp and Molenbeek)",
            municipality_nis="72021", region_nis="02000",
            source=(REPORT + ", Table 1 (Maaseik network); DH, 30 Jan 2015, https://www.dhnet.be/"
                    "actu/faits/2015/01/30/anti-terrorisme-les-4-suspects-places-sous-mandat-"
                    "darret-GDOWD6BWB5HXFHZCXM6MBBP6KY/; RTBF, 30 Jan 2015, https://www.rtbf.be/"
                    "info/societe/detail_anti-terrorisme-22-mandats-de-perquisition-et-4-"
                    "personnes-privees-de-liberte?id=8877346; Brussels Times, 30 Jan 2015, "
                    "https://www.brusselstimes.com/news/belgium-all-news/31316/terrorist-threat-"
                    "11-raids-in-maaseik/; Het Nieuwsblad, 3 Dec 2018 (the trial), https://www."
                    "nieuwsblad.be/cnt/dmf20181203_04006242"),
            description=("Federal police searched 22 addresses, eleven of them in Maaseik, "
                         "against a network suspected of recruiting fighters for Syria and "
                         "receiving them on their return; four people from Limburg were charged "
                         "with taking part in a terrorist group and held; no attack was "
                         "planned. The 2015 pages name no armed group; at the trial (nine "
                         "convicted in 2018) the prosecution said the network had pushed young "
                         "people to join the Islamic State and other jihadist groups.")),
    arrest(site_id="S-2015-brussels-recruiters", event_id="E-2015-brussels-recruiters",
            date="2015-01-01", date_precision="year", source_date_precision="year",
            source_geo_precision="region", link="linked", connection="local_cell",
            n_arrested="2", place="Brussels-Capital Region (municipality not given)",
            **BXL_REGION,
            source=("Le Vif, 2015, http://www.levif.be/actualite/belgique/arrestation-de-deux-"
                    "bruxellois-suspectes-de-recruter-des-djihadistes/article-normal-370191."
                    "html"),
            description=("Two Brussels men suspected of recruiting fighters for the Islamic "
                         "State were arrested in the Brussels region and charged with taking "
                         "part in a terrorist group; the source gives only a weekday, in the "
                         "weeks after the Verviers raid, so the row is dated to the year.")),
    arrest(site_id="S-2015-03-08-charleroi-airport", event_id="E-2015-03-08-charleroi-airport",
           date="2015-03-08", link="linked", connection="unknown", n_arrested="1",
           traveled="true",
           place="Brussels South Charleroi Airport, Gosselies (Charleroi), on arrival from Turkey",
           municipality_nis="52011", region_nis="03000",
           source=("VRT NWS (DE), 8 Mar 2015, https://www.vrt.be/vrtnws/de/2015/03/08/junge_frau_"
                   "kehrtaussyrienzurueckfestnahme-1-2263495/; VRT NWS (DE), 9 Mar 2015, https://"
                   "www.vrt.be/vrtnws/de/2015/03/09/syrien-heimkehrerinstehtunterterrorverdacht-"
                   "1-2264461/; La Presse (AFP), 8 Mar 2015, http://www.lapresse.ca/international/"
                   "europe/201503/08/01-4850387-interpellation-dune-jeune-belge-de-retour-de-"
                   "syrie.php; RTBF, undated (the judgment), https://www.rtbf.be/info/regions/"
                   "hainaut/detail_charleroi-sursis-pour-un-couple-parti-en-syrie-rejoindre-l-"
                   "etat-islamique?id=9249562"),
           description=("A young woman from the Charleroi area who had left for Syria in 2014 "
                        "with her small son and a new partner, and had been stopped by the "
                        "Turkish authorities on leaving Syria and sent back, was detained by "
                        "the Charleroi judicial police on her arrival at Charleroi airport on "
                        "Sunday 8 March 2015 and questioned on her eight months in Syria; she "
                        "was released under strict conditions the next day, being pregnant. "
                        "The judgment in the case says the couple had joined the Islamic State "
                        "and were charged in Belgium with taking part in a terrorist "
                        "organisation (suspended sentences). The partner's own arrest, after "
                        "his return, is not placed by the pages read.")),
    arrest(site_id="S-2015-06-08-oostende", event_id="E-2015-06-08-oostende",
            date="2015-06-08", link="linked", connection="local_cell",
            networks="Ostend Chechen network", n_arrested="2", link_source="report",
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
                         "warrant. The press ties the network to other armed groups in Syria; "
                         "the Islamic State link is the report's (Table 1).")),
    arrest(site_id="S-2015-06-charleroi-area", event_id="E-2015-06-charleroi-area",
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
    arrest(site_id="S-2015-10-charleroi", event_id="E-2015-10-charleroi",
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
    arrest(site_id="S-2015-10-farciennes", event_id="E-2015-10-farciennes",
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
    arrest(site_id="S-2015-11-14-molenbeek", event_id="E-2015-11-14-molenbeek",
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
    arrest(site_id="S-2015-11-19-brussels", event_id="E-2015-11-19-brussels",
            date="2015-11-19", link="linked", connection="unknown", networks="Paris cell",
            n_arrested="1",
            place="Brussels-Capital Region (the sources name Laeken, City of Brussels"
                  + BEYOND_DETAIL, **BXL_REGION,
            source=("Le Quotidien (AFP), 19 Nov 2015, https://lequotidien.lu/actualites/six-"
                    "perquisitions-en-cours-dans-la-region-de-bruxelles; CNews (AFP), 20 Nov "
                    "2015, https://cnews.fr/france/2015-11-20/attentats-de-paris-un-suspect-"
                    "inculpe-pour-terrorisme-en-belgique-716320; 20 Minutes, 23 Nov 2015, "
                    "http://20minutes.fr/societe/1735995-20151123-attentats-paris-sms-troublant-"
                    "envoye-troisieme-suspect-arrete-belgique"),
            description=("During a search in Laeken in the Paris attacks inquiry a man was "
                         "detained in his car, where a handgun was found; he was charged with "
                         "terrorist offences the next day.")),
    arrest(site_id="S-2015-11-22-brussels", event_id="E-2015-11-22-brussels",
           date="2015-11-22", link="linked", connection="unknown", networks="Paris cell",
           n_arrested="1", source_geo_precision="region",
           place="Brussels-Capital Region (19 searches in the region and 3 in Charleroi; the "
                 "arrest's municipality not given)", **BXL_REGION,
           source=("Radio 1 Tahiti (AFP), 23 Nov 2015, https://radio1.pf/un-nouveau-suspect-"
                   "inculpe-en-belgique-pour-participation-aux-attentats-de-paris/amp; Tendance "
                   "Ouest (AFP), 23 Nov 2015, https://www.tendanceouest.com/actualite-122865-"
                   "bruxelles-afp-un-nouveau-suspect-inculpe-en-belgique-pour-participation-aux-"
                   "attentats-de-paris"),
           description=("On the Sunday evening of the Brussels lockdown police made 19 searches "
                        "in the Brussels region (and three in Charleroi) and detained 16 people; "
                        "one was charged the next day with taking part in the Paris attacks and "
                        "in a terrorist group, the fourth person charged in Belgium in that "
                        "case; the others were released.")),
    arrest(site_id="S-2015-11-26-brussels", event_id="E-2015-11-26-brussels",
            date="2015-11-26", source_geo_precision="region", link="linked",
            connection="unknown", networks="Paris cell", n_arrested="1",
            place="Brussels-Capital Region (municipality not given)", **BXL_REGION,
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
    arrest(site_id="S-2015-11-29-airport", event_id="E-2015-11-29-airport",
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
    arrest(site_id="S-2015-11-29-molenbeek", event_id="E-2015-11-29-molenbeek",
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
    arrest(site_id="S-2015-11-30-flanders", event_id="E-2015-11-30-flanders",
           date="2015-11-30", link="linked", connection="unknown", n_arrested="1",
           source_geo_precision="region", municipality_nis="", region_nis="02000",
           geo_precision="region",
           place=("Flanders (the sources name the man's flat in Kortrijk, not the place of "
                  "arrest)"),
           source=("VRT NWS (deredactie, DE), Jul 2017, http://deredactie.be/permalink/1."
                   "3033662; VRT NWS (deredactie), Jul 2017, http://deredactie.be/cm/"
                   "vrtnieuws/binnenland/1.3033497; BRF, Jul 2017, https://brf.be/national/"
                   "1102517"),
           description=("The brother of a Kortrijk man who had gone to Syria to fight for the "
                        "Islamic State (in 2014, by the July 2017 pages) was arrested on 30 "
                        "November 2015 and held for three months: his bugged flat in Kortrijk "
                        "showed regular calls with his brother, money sent to Syria, online "
                        "accounts opened for him and attempts to recruit others with Islamic "
                        "State videos. Convicted in July 2017 of taking part in the group's "
                        "activities (four years, half suspended). A remark in an intercepted "
                        "call about an attack in Bruges is not coded as a plot; the pages read "
                        "do not say where he was arrested.")),
    arrest(site_id="S-2015-12-brussels", event_id="E-2015-12-brussels",
           date="2015-12-01", date_precision="month", source_date_precision="month",
           link="linked", connection="unknown", networks="Paris cell", n_arrested="1",
           source_geo_precision="region",
           place="Brussels-Capital Region (the source says 'in Brussels')", **BXL_REGION,
           source=("Atlasinfo (after La Dernière Heure), Dec 2015, https://dev.atlasinfo.fr/?p="
                   "78350; 20 Minutes, 31 Dec 2015, https://20minutes.fr/monde/1758003-"
                   "20151231-attentats-paris-dix-personnes-inculpees-belgique"),
           description=("The ninth person charged in Belgium in the Paris attacks case, said to "
                        "have been contacted by a relative of the attacks' coordinator in the "
                        "days after them, was arrested during a search in Brussels and placed "
                        "under arrest warrant the same day (a Tuesday in December; the page "
                        "gives no date of its own, so the row is dated to the month).")),
    arrest(site_id="S-2015-12-27-anderlecht", event_id="E-2015-12-27-anderlecht",
           date="2015-12-27", plot="true", link="linked", link_source="report",
           connection="local_cell", networks="Kamikaze Riders", n_arrested="2", target="police",
           place="Anderlecht (searches in the Brussels region, Flemish Brabant and the Liège "
                 "region)", municipality_nis="21001", region_nis="04000",
           source=(REPORT + ", Table 1 (Kamikaze Riders, one action); DH, Dec 2015, "
                   "http://www.dhnet.be/actu/faits/le-gang-des-kamikaze-riders-soupconne-d-"
                   "avoir-prepare-un-attentat-a-bruxelles-5682ec8d3570b38a57df0bfb; Le Courrier "
                   "du Vietnam, Dec 2015, https://lecourrier.vn/belgique-arrestation-de-deux-"
                   "personnes-soupconnees-de-preparer-des-attentats/210100.html; VRT NWS (FR), "
                   "31 Dec 2015, https://www.vrt.be/vrtnws/fr/2015/12/31/sept_perquisitions"
                   "etsixinterpellationsabruxelles-1-2535895/; RTBF, Dec 2015, https://www."
                   "rtbf.be/info/belgique/detail_kamikaze-riders-amoureux-de-moto-trompe-la-mort-"
                   "ou-bikers-musulmans-radicalises?id=9174566; La Libre, 31 Dec 2015, https://"
                   "www.lalibre.be/belgique/2015/12/31/kamikaze-riders-samourais-du-bitume-ou-"
                   "radicalises-SLUTCJ3PEBAQPNYDN6U3I3YGMY/"),
           description=("Searches on 27 and 28 December over a suspected New Year's Eve attack "
                        "on soldiers on the Grand-Place and on the central police station; two "
                        "members of a Brussels motorcycle club, the first arrested in Anderlecht "
                        "on 27 December and the second the next day, were placed under arrest "
                        "warrant on 29 December for threatening attacks and taking part in a "
                        "terrorist group. Military-style clothing and Islamic State propaganda "
                        "were seized, but the press left the group's tie to the Islamic State "
                        "open; the link is the report's (Table 1).")),
    arrest(site_id="S-2015-12-30-molenbeek", event_id="E-2015-12-30-molenbeek",
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

]
