"""Everything Streamlit; the only package of ``geo`` that imports streamlit. Pages import the
modules they use (``from geo.ui import sidebar, display, downloads``):

- ``state``: session keys, the picked dataset, the filters, URL query-parameter sync, ``page_choice``
- ``data``: cached loaders (the report's and saved datasets, view units, the dataset's choices)
- ``sidebar``: the shared filters and dataset picker (app.py draws them), ``selection()``
- ``session``: this run's request (``geo.request.Request``: language, role, store, dataset, filters)
- ``access``: who may change saved datasets (the proxy's headers, the single-user setting)
- ``display``: headline, notes, legends, tables, maps (``show_map``, ``clicked_code``), the period player
- ``downloads``: the download buttons (PNG, CSV, GeoJSON, GIF)
- ``importing``: the import wizard (upload, column mapping, results, save)
- ``datasets``: the saved-datasets panel, with a confirmed delete

State lives in ``st.session_state`` (one per browser session) and in the URL's query parameters;
nothing here keeps module-level mutable state.
"""
