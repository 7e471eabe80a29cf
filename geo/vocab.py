"""The atlas's shared words: the values a column may hold, their order, labels and colours, the
regions and the report's cities. One home for each, so a label or a colour never drifts between
the web map, the static map, the charts and the filters.

Codes are REFNIS (2019) 5-character strings.
"""

from __future__ import annotations

from types import MappingProxyType

from geo.i18n import N_

# ------------------------------------------------------------------------- kinds of incident
#: The report's kinds (the incident table's ``kind``).
REPORT_KINDS: tuple[str, ...] = ("attack", "arrest_action")
#: Every kind a dataset may hold: imported data also knows foiled plots and other incidents.
KINDS: tuple[str, ...] = ("attack", "arrest_action", "plot", "other")
#: Labels are English; translate them where shown (``_(KIND_LABELS[k])``): they are marked with ``N_``.
KIND_LABELS = MappingProxyType({"attack": N_("Attack"), "arrest_action": N_("Arrest action"), "plot": N_("Plot"),
                                "other": N_("Other")})

#: Map 1's symbol categories: (label, fill colour, radius scale). ``plot`` is an arrest action
#: that revealed a plot (or an imported plot); drawn in this order, attacks on top.
SYMBOLS = MappingProxyType({
    "attack": (N_("Attack"), "#b2182b", 1.25),
    "plot": (N_("Arrest action revealing a plot"), "#f4a11d", 1.0),
    "arrest_action": (N_("Arrest action"), "#2166ac", 1.0),
    "other": (N_("Other incident (imported data)"), "#6f6f6f", 1.0),
})
SYMBOL_ORDER: tuple[str, ...] = ("other", "arrest_action", "plot", "attack")
#: Colours of the kinds in charts (the symbols' colours).
KIND_COLORS = MappingProxyType({kind: SYMBOLS[kind][1] for kind in ("attack", "arrest_action")})

# ------------------------------------------------------------------------- link and connection
LINKS: tuple[str, ...] = ("linked", "inspired")
LINK_LABELS = MappingProxyType({"linked": N_("Linked"), "inspired": N_("Inspired")})
CONNECTIONS: tuple[str, ...] = ("local_cell", "deployed_operative", "both", "unknown", "")
CONNECTION_LABELS = MappingProxyType({"local_cell": N_("local cell"), "deployed_operative": N_("deployed operative"),
                                     "both": N_("local cell and deployed operative"), "unknown": N_("not known")})
#: ``traveled`` (true, false, unknown) in words.
TRAVELED_LABELS = MappingProxyType({"true": N_("yes"), "false": N_("no"), "unknown": N_("not known")})

#: The report's networks (its Table 1, English names as the data holds them) in words (translated
#: where shown); a network no one has named here is shown as written.
NETWORK_LABELS = MappingProxyType({
    "Zerkani network": N_("Zerkani network"), "Paris cell": N_("Paris cell"), "Brussels cell": N_("Brussels cell"),
    "Verviers cell": N_("Verviers cell"), "Jumet cell": N_("Jumet cell"),
    "Ostend Chechen network": N_("Ostend Chechen network"), "Maaseik network": N_("Maaseik network"),
    "Argenteuil cell": N_("Argenteuil cell"), "The Way of Life": N_("The Way of Life"),
    "Kamikaze Riders": N_("Kamikaze Riders"),
})

# ------------------------------------------------------------------------- precision
#: How much of a date is known, coarsest first (the rank is the position).
DATE_PRECISIONS: tuple[str, ...] = ("year", "month", "day")
DATE_RANK = MappingProxyType({p: i for i, p in enumerate(DATE_PRECISIONS)})
#: How much of a place is known, coarsest first; ``none``: not located (imported rows only).
GEO_PRECISIONS: tuple[str, ...] = ("none", "region", "municipality", "point")
GEO_RANK = MappingProxyType({p: i for i, p in enumerate(GEO_PRECISIONS)})
#: The precisions and the ways a row was placed, in words (translated where shown).
DATE_PRECISION_LABELS = MappingProxyType({"year": N_("year"), "month": N_("month"), "day": N_("day")})
GEO_PRECISION_LABELS = MappingProxyType({"none": N_("not placed"), "region": N_("region"),
                                         "municipality": N_("municipality"), "point": N_("point")})
GEOCODE_METHOD_LABELS = MappingProxyType({"coordinates": N_("coordinates"), "place_name": N_("place name"),
                                          "postal_code": N_("postal code"), "geometry": N_("geometry"),
                                          "none": N_("nothing to place it")})
#: The precisions at which a row counts for its municipality (and the units above it).
MUNICIPALITY_KNOWN: tuple[str, ...] = ("point", "municipality")

# ------------------------------------------------------------------------- provenance
PROVENANCES: tuple[str, ...] = ("documented", "reconstructed", "imported")

# ------------------------------------------------------------------------- regions and cities
FLANDERS, WALLONIA, BRUSSELS_REGION = "02000", "03000", "04000"
REGIONS: tuple[str, ...] = (FLANDERS, WALLONIA, BRUSSELS_REGION)
#: Official names of the regions: code → (Dutch, French).
REGION_NAMES = MappingProxyType({
    FLANDERS: ("Vlaams Gewest", "Région flamande"),
    WALLONIA: ("Waals Gewest", "Région wallonne"),
    BRUSSELS_REGION: ("Brussels Hoofdstedelijk Gewest", "Région de Bruxelles-Capitale"),
})
#: English names of the regions, as the report uses them.
REGION_NAMES_EN = MappingProxyType({
    FLANDERS: N_("Flanders"), WALLONIA: N_("Wallonia"), BRUSSELS_REGION: N_("Brussels-Capital Region"),
})
#: How a place known only to its region is named inside a sentence.
REGION_IN_SENTENCE = MappingProxyType({
    FLANDERS: N_("Flanders"), WALLONIA: N_("Wallonia"), BRUSSELS_REGION: N_("the Brussels-Capital Region"),
})

#: The report's city grouping: every site in the Brussels-Capital Region is "Brussels".
BRUSSELS_CITY = "Brussels"
CITY_OF_BRUSSELS = "21004"
CHARLEROI = "52011"
ZAVENTEM = "23094"
#: Cities the report names outside Brussels (its English names) → municipality code.
REPORT_CITIES = MappingProxyType({
    "Charleroi": CHARLEROI, "Zaventem": ZAVENTEM, "Verviers": "63079", "Antwerp": "11002",
    "Ostend": "35013", "Liège": "62063",
})

# ------------------------------------------------------------------------- counts
#: Below this many incidents a rate per 100,000 residents is flagged as unreliable.
SMALL_COUNT = 3

# ------------------------------------------------------------------------- Map 1's look
#: Map 1's title, its symbols' fill opacity and the land drawn under them (fill, outline): the
#: same on the web map and the static map.
MAP1_TITLE = N_("Map 1 · Attacks, plots and arrest actions")
SYMBOL_OPACITY = 0.9
LAND_COLOR, LAND_EDGE = "#f7f7f5", "#9a9a9a"

# ------------------------------------------------------------------------- people counted
#: Columns of imported datasets that count people (not known: <NA>, never 0), offered as map metrics.
PEOPLE_COUNTS: tuple[str, ...] = ("killed", "injured")
#: Their names in a table or a sentence (translated where shown).
PEOPLE_COUNT_LABELS = MappingProxyType({"killed": N_("killed"), "injured": N_("injured")})
