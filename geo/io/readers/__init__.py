"""One module per file format family (delimited text, Excel, GeoJSON/GeoPackage), the raw table
they all return (:mod:`geo.io.readers.raw`), and :mod:`geo.io.readers.formats`, which picks the
reader of a file."""
