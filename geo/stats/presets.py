"""Views of the Compare page that other pages link to, as the URL parameters that open them.
Light on purpose (no statistics imported): the Overview imports it.

:data:`CONTRAST`: the report's Antwerp/Charleroi contrast in one view. No published
foreign-fighter figure exists for the municipality of Charleroi (``data/foreign_fighters.md``); the
one series with a figure for its province, Hainaut, counts returnees (October 2017), so the view
is at province level with that series. :data:`CONTRAST_UNITS`: Antwerp province and Hainaut.
"""

CONTRAST = {"mode": "bivariate", "level": "province", "series": "official-returnees-2017-10"}
CONTRAST_UNITS = ("10000", "50000")
