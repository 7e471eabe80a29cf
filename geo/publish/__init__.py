"""Publish a view as a self-contained interactive map that anyone can host: ``index.html``, its
data (``data.js``) and assets (Leaflet from the ``xstatic-leaflet`` package, the page's script and
stylesheet), with nothing fetched from another host. It opens from a file (``file://``) and from
any static web host, with no server behind it: a year control recolours the choropleth in the
browser, tooltips name each unit and its count, and the legend, credits and provenance note follow
the year.

:func:`build` returns the files (path → bytes), :func:`build_model` those of an analysis (hot
spots, steady rates, two measures and their scatter); :func:`write` puts them in a folder and
:func:`zip_bytes` in a zip (the pages' "Interactive map (HTML)" download); :func:`embed_snippet`
is the ``<iframe>`` to paste into an article.
"""

from geo.publish.site import ASSET_DIR, Published, build, build_model, embed_snippet, write, zip_bytes

__all__ = ["ASSET_DIR", "Published", "build", "build_model", "embed_snippet", "write", "zip_bytes"]
