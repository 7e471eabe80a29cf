"""Rows and counts: the incident table (schema, loading, derived columns), the shared filters and
precision-aware aggregation."""
