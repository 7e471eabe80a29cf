"""Documented arrest actions of 2016 and 2017."""

from __future__ import annotations

from .common import ARREST, ATTACK, BEYOND_DETAIL, BXL_REGION, REPORT, arrest  # noqa: F401

ARRESTS_2016_2017: list[dict[str, str]] = [
    arrest(site_id="S-2016-01-charleroi-area", event_id="E-2016-01-charleroi-area",
           date="2016-01-01", date_precision="month", source_date_precision="month",
           source_geo_precision="region", link="linked", connection="local_cell",
           n_arrested="1", place="Charleroi area (municipality not given)", region_nis="03000",
           geo_precision="region",
           source=("L'Avenir (Belga), 13 Jan 2016, https://www.lavenir.net/cnt/dmf20160113_"
                   "00762969/le-neveu-d-un-recruteur-presume-de-daesh-maintenu-en-detention"),
           description=("A young man from the Charleroi area, a relative of the Islamic State "
                        "recruiter arrested in Marchienne-au-Pont in October 2015, was placed "
                        "under arrest warrant early in January 2016 for taking part in a "
                        "terrorist organisation, suspected of posting jihadist videos and of "
                        "sending money to a relative jailed in Morocco for trying to reach "
                        "Syria.")),
    arrest(site_id="S-2016-01-20-molenbeek", event_id="E-2016-01-20-molenbeek",
           date="2016-01-20", link="linked", connection="unknown", networks="Paris cell",
           n_arrested="1", place="Molenbeek-Saint-Jean (chaussée de Gand)",
           municipality_nis="21012", region_nis="04000",
           source=("RTBF, 21 Jan 2016, https://www.rtbf.be/info/dossier/attaques-terroristes-a-"
                   "paris/detail_perquisitions-a-molenbeek-deux-personnes-privees-de-liberte?id="
                   "9191760; RFI, 21 Jan 2016, https://articles.rfi.fr/fr/europe/20160121-"
                   "belgique-arrestations-moelenbeck-attentats-paris; France 24, 22 Jan 2016, "
                   "http://www.france24.com/fr/20160122-attentats-paris-onze-inculpes-belgique-"
                   "enquete-molenbeek-bruxelles; France-Soir (AFP), 22 Jan 2016, https://www."
                   "francesoir.fr/societe-faits-divers/attentats-de-paris-un-11e-homme-inculpe-"
                   "en-belgique"),
           description=("A search in Molenbeek-Saint-Jean in the Paris attacks inquiry on the "
                        "evening of 20 January led to the detention of a man in contact with "
                        "suspects; he became the eleventh person charged in Belgium in that "
                        "case, on 22 January (a second man detained in Molenbeek the next day "
                        "is not counted here).")),
    arrest(site_id="S-2016-01-jumet-centre", event_id="E-2016-01-jumet-centre",
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
    arrest(site_id="S-2016-01-30-jumet", event_id="E-2016-01-30-jumet",
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
    arrest(site_id="S-2016-01-30-brussels", event_id="E-2016-01-30-brussels",
            date="2016-01-30", source_geo_precision="region", link="linked",
            connection="local_cell", networks="Jumet cell", n_arrested="1",
            place="Brussels-Capital Region (municipality not given)", **BXL_REGION,
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
    arrest(site_id="S-2016-02-16-brussels", event_id="E-2016-02-16-brussels",
            date="2016-02-16", source_geo_precision="region", link="linked",
            connection="local_cell", n_arrested="3",
            place="Brussels-Capital Region (searches in Molenbeek-Saint-Jean, Koekelberg, "
                  "Schaerbeek and Etterbeek)", **BXL_REGION,
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
    arrest(site_id="S-2016-03-15-forest", event_id="E-2016-03-15-forest",
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
    arrest(site_id="S-2016-03-18-molenbeek", event_id="E-2016-03-18-molenbeek",
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
    arrest(site_id="S-2016-03-24-brussels", event_id="E-2016-03-24-brussels",
            date="2016-03-24", link="linked", connection="unknown", networks="Brussels cell",
            n_arrested="2",
            place="Brussels-Capital Region (the sources place one arrest outside the federal "
                  "prosecutor's office, City of Brussels" + BEYOND_DETAIL, **BXL_REGION,
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
    arrest(site_id="S-2016-03-25-schaerbeek", event_id="E-2016-03-25-schaerbeek",
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
    arrest(site_id="S-2016-03-25-saint-gilles", event_id="E-2016-03-25-saint-gilles",
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
    arrest(site_id="S-2016-04-01-brussels", event_id="E-2016-04-01-brussels",
           date="2016-04-01", plot="true", link="linked", connection="unknown",
           networks="Argenteuil cell", n_arrested="1", source_geo_precision="region",
           place="Brussels-Capital Region (the source says 'in Brussels')", **BXL_REGION,
           source=(REPORT + ", Table 1 (Argenteuil cell, 3 actions); RTBF, Apr 2016, https://www."
                   "rtbf.be/info/dossier/explosions-a-brussels-airport/detail_attentats-"
                   "perquisitions-inculpations-et-nouveaux-noms-le-point-sur-les-enquetes?id="
                   "9253030"),
           description=("A man was detained in Brussels on Friday 1 April 2016 and became the "
                        "third person charged in the inquiry into the attack plot foiled in "
                        "Argenteuil (France), after the two arrests of 25 March.")),
    arrest(site_id="S-2016-04-08-anderlecht", event_id="E-2016-04-08-anderlecht",
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
    arrest(site_id="S-2016-04-09-brussels", event_id="E-2016-04-09-brussels",
           date="2016-04-09", link="linked", connection="unknown", networks="Brussels cell",
           n_arrested="2",
           place="Brussels-Capital Region (VRT NWS puts the arrests in the raid in Etterbeek"
                 + BEYOND_DETAIL, **BXL_REGION,
           source=("VRT NWS (DE), 12 Apr 2016, https://www.vrt.be/vrtnws/de/2016/04/12/"
                   "belgische_polizeinimmterneutzweiterrorverdaechtigefest-1-2627055/; euronews "
                   "(DE), 12 Apr 2016, https://de.euronews.com/2016/04/12/brussel-anschlage-"
                   "zwei-weitere-terrorverdachtige-in-haft-genommen; DW (copy), 12 Apr 2016, https://"
                   "tiue.org/dw/en/belgium-files-terror-charges-against-two-brussels-suspects/"
                   "a-19180080"),
           description=("Two brothers linked to the rental of the flat in Etterbeek from which "
                        "the metro bomber and his companion set out on 22 March were detained "
                        "during the police raid on that flat on the Saturday, according to VRT "
                        "NWS, and were placed under arrest warrant, charged with taking part in "
                        "a terrorist group and with terrorist murders (another page says the "
                        "day of arrest was not made public).")),
    arrest(site_id="S-2016-05-25-antwerpen", event_id="E-2016-05-25-antwerpen",
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
    arrest(site_id="S-2016-06-09-schaerbeek", event_id="E-2016-06-09-schaerbeek",
            date="2016-06-09", link="linked", connection="unknown", networks="Brussels cell",
            n_arrested="1", place="Schaerbeek", municipality_nis="21015", region_nis="04000",
            source=("LaPresse, 10 Jun 2016, https://www.lapresse.it/esteri/bruxelles_un_nuovo_"
                    "arresto_per_gli_attentati_del_22_marzo-239650/news/2016-06-10/; "
                    "Internazionale, 10 Jun 2016, https://internazionale.it/notizie/2016/06/10/"
                    "arrestata-in-belgio-una-persona-legata-agli-attentati-di-bruxelles-2"),
            description=("A man was arrested during a search in Schaerbeek in the inquiry into "
                         "the March 2016 bombings and accused of terrorist murder; he had been "
                         "detained briefly once before, on 24 March.")),
    arrest(site_id="S-2016-07-29-liege", event_id="E-2016-07-29-liege",
           date="2016-07-29", plot="true", link="linked", connection="local_cell",
           n_arrested="1", place="Liège (seven more searches in Mons)",
           municipality_nis="62063", region_nis="03000",
           source=("RTL (video), 30 Jul 2016, https://www.rtl.be/page-videos/belgique/faits-"
                   "divers/menace-terroriste-7-perquisitions-mons-et-une-liege-debouchent-sur-"
                   "2/2016-07-30/video/53543; VRT NWS (DE), 31 Jul 2016, https://www.vrt.be/"
                   "vrtnws/de/2016/07/31/anklage_wegen_planungeinesterrormordes-1-2726008/; "
                   "GrenzEcho (Belga/dpa), Jul 2016, http://www.grenzecho.net/region/inland/"
                   "anti-terror-einsaetze-in-der-wallonie-zwei-festnahmen"),
           description=("On the Friday evening federal police searched seven addresses in Mons "
                        "and one in Liège for the Liège terrorism judge and detained two "
                        "brothers in Liège; the next day one was placed under arrest warrant "
                        "for taking part in a terrorist group and preparing a murder, the "
                        "prosecutor saying the first findings pointed to a planned attack in "
                        "Belgium, and the other was released. According to RTBF, as the Belga "
                        "copy reports, he had helped young people travel to the Islamic State's "
                        "combat zones in Syria.")),
    arrest(site_id="S-2016-10-05-brussels", event_id="E-2016-10-05-brussels",
           date="2016-10-05", link="inspired", link_source="report", connection="",
           n_arrested="1", source_geo_precision="region",
           place="Brussels-Capital Region (the Brussels police, after the knife attack in "
                 "Schaerbeek; arrest place not given further)",
           **BXL_REGION,
           source=(REPORT + ", the Schaerbeek knife attack coded inspired; VRT NWS (DE), 7 Oct "
                   "2016, https://www.vrt.be/vrtnws/de/2016/10/07/schaarbeek_2_verhaftungnach"
                   "messerattacke-1-2787422/; HLN (Belga), 6 Oct 2016, http://www.hln.be/hln/nl/"
                   "957/Binnenland/article/detail/2904505/2016/10/06/Broer-van-man-die-agenten-"
                   "neerstak-ook-aangehouden.dhtml; Le Matin (AFP), 7 Oct 2016, https://www."
                   "lematin.ch/story/le-frere-de-l-agresseur-inculpe-a-bruxelles-687071812838"),
           description=("On the afternoon of the knife attack on two police officers in "
                        "Schaerbeek, the Brussels police also detained the attacker's older "
                        "brother; two days later the investigating judge placed him under arrest "
                        "warrant, charged with taking part in the activities of a terrorist "
                        "group. Coded inspired, as the report codes the attack itself; the "
                        "pages say only that the Brussels police made the arrest, so the row is "
                        "at region precision.")),
    arrest(site_id="S-2016-10-18-gent", event_id="E-2016-10-18-gent",
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
    arrest(site_id="S-2016-11-30-charleroi-area", event_id="E-2016-11-30-charleroi-area",
            date="2016-11-30", source_geo_precision="municipality", link="inspired", connection="",
            n_arrested="3",
            place="Charleroi area (searches in Farciennes (4 of 8), Charleroi, Châtelet and "
                  "Fleurus)",
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
                         "jailed. Coded inspired, as the report codes the attack itself. Four of "
                         "the eight searches were in Farciennes; the row stays at region "
                         "precision because Farciennes already has the report's one incident "
                         "(see the data card).")),

    # ================================= arrest actions, 2017 ==================================
    arrest(site_id="S-2017-03-08-wevelgem", event_id="E-2017-03-08-wevelgem",
           date="2017-03-08", link="linked", connection="unknown", n_arrested="1",
           place="Wevelgem (a search at the woman's home)", municipality_nis="34041",
           region_nis="02000",
           source=("De Standaard, 9 Mar 2017, http://www.standaard.be/cnt/dmf20170309_02771227; "
                   "Het Nieuwsblad, 9 Mar 2017, http://www.nieuwsblad.be/cnt/dmf20170309_"
                   "02772597; DH (Belga), Sep 2017, http://www.dhnet.be/actu/faits/attentat-"
                   "manque-a-notre-dame-de-paris-une-habitante-de-wevelgem-maintenue-en-"
                   "detention-59b7deaccd70fc627d7b5e01; RT France, Mar 2017, https://francais."
                   "rt.com/international/35023-belge-suspectee-planifier-attentat-arretee-"
                   "flandre/amp"),
           description=("In the night of 7 to 8 March 2017 the federal judicial police searched "
                        "the home of a 24-year-old woman in Wevelgem at the request of a West "
                        "Flanders investigating judge specialised in terrorism and took her in "
                        "for questioning; she was placed under arrest warrant and charged with "
                        "taking part in the activities of a terrorist group, suspected of having "
                        "helped people who meant to commit an attack in Europe. The press tied "
                        "her through online chats to the three women of the failed gas-cylinder "
                        "attack near Notre-Dame in Paris (September 2016), whom an Islamic State "
                        "fighter was suspected of having directed. No weapon or explosive was "
                        "found; no plot in Belgium is reported.")),
    arrest(site_id="S-2017-06-12-sint-truiden", event_id="E-2017-06-12-sint-truiden",
           date="2017-06-12", plot="true", link="inspired", connection="", n_arrested="1",
           place="Sint-Truiden (a psychiatric centre where the man was being treated)",
           municipality_nis="71053", region_nis="02000",
           source=("HLN (Belga), 14 Jun 2017, http://www.hln.be/hln/nl/957/Binnenland/article/"
                   "detail/3182685/2017/06/14/Man-in-de-cel-op-verdenking-van-beramen-"
                   "terroristische-aanslag.dhtml; VRT NWS (FR), 12 Jul 2017, https://www.vrt.be/"
                   "vrtnws/fr/2017/07/12/deux_patients_psychiatriquessoupconnesdepreparerun"
                   "attentat-1-3022554/; RTL info, Jul 2017, https://www.rtl.be/info/regions/"
                   "flandre/deux-jeunes-patients-psychiatriques-interpelles-en-flandre-pour-projet-"
                   "d-attentat--934998.aspx"),
           description=("A 20-year-old man from Hasselt was arrested on the Monday at the "
                        "psychiatric centre in Sint-Truiden where he was being treated, and the "
                        "Hasselt investigating judge jailed him on suspicion of plotting a "
                        "terrorist attack; he had told a doctor he sympathised with the Islamic "
                        "State and had searched the internet for how to make a bomb. The federal "
                        "prosecutor spoke of serious indications that an attack had been "
                        "planned. Coded inspired (no contact with the group is reported). A "
                        "second patient, arrested in July, is not counted here: the pages do "
                        "not say where.")),
    arrest(site_id="S-2017-07-antwerpen", event_id="E-2017-07-antwerpen",
           date="2017-07-01", date_precision="month", source_date_precision="month",
           link="linked", connection="unknown", n_arrested="3",
           place="Antwerp (searches in Antwerp and its districts Berchem and Deurne, in Ghent and "
                 "in Lokeren)", municipality_nis="11002", region_nis="02000",
           source=("Het Nieuwsblad (after HLN), 8 Jul 2017, http://www.nieuwsblad.be/cnt/"
                   "dmf20170708_02963237"),
           description=("In a night of searches in Antwerp, Berchem, Deurne, Ghent and Lokeren "
                        "early in July 2017 three men were detained; the Antwerp investigating "
                        "judge charged them with membership of a terrorist organisation for "
                        "sending money through an informal transfer network to Islamic State "
                        "fighters in Mosul and Raqqa. No attack was planned. The page gives a "
                        "weekday night, so the row is dated to the month.")),
    arrest(site_id="S-2017-09-27-zaventem", event_id="E-2017-09-27-zaventem",
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
                         "the conflict zone. Held for surrender to Spain, with no Belgian case: "
                         "counted because the arrest was made in Belgium (the data card's rule "
                         "for arrests on foreign warrants).")),
    arrest(site_id="S-2017-10-09-brussels", event_id="E-2017-10-09-brussels",
           date="2017-10-09", link="linked", connection="unknown", networks="Brussels cell",
           n_arrested="1", source_geo_precision="region",
           place="Brussels-Capital Region (searches in Brussels, Schaerbeek, Anderlecht and "
                 "Jette; arrest place not given)",
           **BXL_REGION,
           source=("Le Vif (Belga), Oct 2017, http://www.levif.be/actualite/belgique/attentats-"
                   "de-bruxelles-nouvelles-perquisitions-un-suspect-sous-mandat-d-arret/article-"
                   "normal-736941.html; L'Avenir (AFP), 11 Oct 2017, https://www.lavenir.net/"
                   "regions/2017/10/11/un-suspect-inculpe-dans-le-cadre-des-attentats-de-mars-"
                   "2016-a-bruxelles-64DTTNDVJFDYZHALOSA3YHW2HI/; HLN, Oct 2017, https://www."
                   "hln.be/nieuws/uitbater-brusselse-doe-het-zelfzaak-waar-terroristen-22-03-"
                   "bommenmateriaal-kochten-aangehouden~a4e9f14f/; DH, 11 Oct 2017, http://www."
                   "dhnet.be/actu/belgique/il-avait-vendu-l-explosif-des-attentats-de-bruxelles-"
                   "il-est-inculpe-de-participation-aux-activites-d-un-groupe-terroriste-"
                   "59de6432cd70461d268d8f35"),
           description=("In the inquiry into the March 2016 Brussels bombings police searched "
                        "some ten addresses in Brussels, Schaerbeek, Anderlecht and Jette on the "
                        "Monday, among them a DIY shop near the Gare du Midi where investigators "
                        "suspected material for the bombs had been bought; four people were "
                        "taken in for questioning and the next day one of them was placed under "
                        "arrest warrant, charged with taking part in a terrorist group and with "
                        "terrorist murders. The sources do not say where he was detained, so "
                        "the row is at region precision.")),
    arrest(site_id="S-2017-10-30-brussels", event_id="E-2017-10-30-brussels",
           date="2017-10-30", link="linked", connection="unknown", n_arrested="2",
           source_geo_precision="region",
           place="Brussels-Capital Region (searches in Molenbeek-Saint-Jean (2), Anderlecht and "
                 "Laeken, and in two prisons in Wallonia; arrest places not given)",
           **BXL_REGION,
           source=("RTL info, 30 Oct 2017, http://www.rtlinfo.be/info/belgique/faits-divers/"
                   "attentat-manque-du-thalys-la-police-mene-6-perquisitions-ce-matin-en-"
                   "belgique-et-arrete-4-personnes-966323.aspx; DH, 31 Oct 2017, http://www."
                   "dhnet.be/actu/belgique/agression-armee-dans-un-train-thalys-deux-personnes-"
                   "placees-sous-mandat-d-arret-59f8b1d5cd703cdd752f1786; BFMTV, 30 Oct 2017, "
                   "https://www.bfmtv.com/police-justice/terrorisme/attentat-manque-du-thalys-"
                   "des-perquisitions-et-4-interpellations-dans-la-nuit_AN-201710300008.html; "
                   "BX1, 30 Oct 2017, https://staging.bx1.be/?p=239768"),
           description=("In the inquiry into the foiled attack on a Thalys train in August "
                        "2015 police made six searches, two in Molenbeek-Saint-Jean, one each in "
                        "Anderlecht and Laeken, and two in prisons in Andenne and "
                        "Marche-en-Famenne; four people were taken in for questioning and two "
                        "were charged with taking part in a terrorist group. The sources do not "
                        "say where the four were detained, so the row is at region precision "
                        "(four of the six searches were in the Brussels region).")),
]
