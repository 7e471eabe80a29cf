"""Belgian units: the boundaries (one :class:`~geo.admin.boundaries.Boundaries` per file), point
lookup, the gazetteer, postal codes and geocoding."""
