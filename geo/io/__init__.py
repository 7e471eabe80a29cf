"""File formats: reading your own incidents (readers, mapping and presets, dates, validation,
geocoding, the import pipeline), the category crosswalk, the saved-dataset store and exports."""
