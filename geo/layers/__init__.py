"""Second layers: sourced figures mapped beside the incidents, at the precision they have.

The first is the foreign-fighter layer (``data/foreign_fighters.csv``, its card
``data/foreign_fighters.md``): published counts of people who left, or tried to leave, for Syria and
Iraq, by municipality, province or region. :mod:`geo.layers.foreign_fighters` is its entry point
(``load``, ``series_summary``, ``by_unit``); :mod:`~geo.layers.schema` holds its rules,
:mod:`~geo.layers.names` the no-person rule, :mod:`~geo.layers.load` reads and validates,
:mod:`~geo.layers.aggregate` places figures on map units without spreading or summing them.
"""
