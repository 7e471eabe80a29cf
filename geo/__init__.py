"""The Belgian incident atlas's domain package: boundaries, incidents, geocoding, counts, maps.

Plain Python (pandas, geopandas, shapely, folium, matplotlib). Only ``geo.ui`` imports streamlit.
"""

from geo.errors import (
    AliasFileError,
    AtlasError,
    BoundaryFileError,
    GeocodeError,
    IncidentDataError,
    Problem,
)

__all__ = ["AliasFileError", "AtlasError", "BoundaryFileError", "GeocodeError", "IncidentDataError", "Problem"]
