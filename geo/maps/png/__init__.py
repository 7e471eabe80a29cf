"""Static maps for print and sharing: choropleths, the symbol map of Map 1 and animations, with
no browser.

The maps show exactly what the web maps show: the units of a view (:func:`geo.maps.views.view_units`,
full-resolution geometry), counts from :func:`geo.incidents.aggregate.count_by_unit`, and classes and
colours from :func:`geo.maps.classify.classify`; the symbol map draws the symbols of
:func:`geo.maps.web.incident_symbols` in the web map's colours and sizes, and the sites known only to
a region as a count box on it, never as points. Every image carries its honesty lines (DESIGN.md §4):
the filters, how many reconstructed records it includes, what could not be placed on its level,
and the credits.

One renderer per map, the output format a parameter: :func:`choropleth.render_map` and
:func:`symbols.render_symbols` (``format="png"``), :func:`animation.render_animation`
(``format="gif"``); each returns an :class:`output.Rendered` whose ``data`` holds the file.
Beneath them: ``layout`` (sizes), ``geometry`` (drawing CRS, a view's paths), ``captions`` (the
words), ``labels`` (label placement), ``canvas`` (the figure), ``output`` (formats and results).

Matplotlib is used through its object-oriented API with the Agg canvas: no pyplot, no global
backend switch, no figure left open.
"""
