"""The web maps: what the browser fetches once (:mod:`.assets`: Leaflet, the map component, the
geometry of each view and level as content-hashed static files) and what each update sends
(:mod:`.choropleth`: values per unit; :mod:`.symbols`: Map 1's symbols, boxes and labels).
``geo.ui.mapview`` shows them through the component in ``geo/ui/components/atlas_map/``.
"""

from geo.maps.web.assets import STATIC_DIR, STATIC_URL, leaflet_assets, publish, publish_geometry
from geo.maps.web.symbols import Symbol, incident_symbols, symbol_category, symbol_radius_px

__all__ = ["STATIC_DIR", "STATIC_URL", "Symbol", "incident_symbols", "leaflet_assets", "publish",
           "publish_geometry", "symbol_category", "symbol_radius_px"]
