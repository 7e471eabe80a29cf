"""The import wizard of the Data page: upload a file, confirm the suggested column mapping, see
what was accepted, rejected and not located (and why), and save the result as a dataset.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo import text
from geo.errors import DatasetError, ImportFileError
from geo.io import crosswalk, store
from geo.io.mapping import MAPPING_HELP, ColumnMapping, preset_mapping, suggest_mapping
from geo.io.pipeline import import_table
from geo.io.presets import detect_preset
from geo.io.readers.formats import list_sheets, read_table
from geo.ui import access, state

_NONE = "—"


def _mapping_form(raw: pd.DataFrame, suggested, *, key: str):
    """Show the suggested column mapping for the user to confirm or correct; return the
    confirmed mapping when the form is submitted, else None."""
    columns = [str(c) for c in raw.columns]
    choices = [_NONE] + columns
    values: dict = {"preset": suggested.preset}
    with st.form(f"{key}_mapping"):
        st.markdown("**Which column gives what?** Check the suggestion, correct it, then import.")
        cols = st.columns(3)
        single = [f for f in ColumnMapping.COLUMN_FIELDS if f not in ("places", "areas")]
        for i, name in enumerate(single):
            current = getattr(suggested, name)
            values[name] = cols[i % 3].selectbox(
                name.replace("_", " "), choices, index=choices.index(current) if current in choices else 0,
                help=MAPPING_HELP.get(name), key=f"{key}_{name}")
        for name in ("places", "areas"):
            values[name] = st.multiselect(name, columns, default=[c for c in getattr(suggested, name) if c in columns],
                                          help=MAPPING_HELP.get(name), key=f"{key}_{name}")
        values["date_format"] = st.text_input("date format (optional)", value=suggested.date_format or "",
                                              help=MAPPING_HELP.get("date_format"), key=f"{key}_fmt")
        submitted = st.form_submit_button("Import with this mapping", type="primary")
    if not submitted:
        return None
    cleaned = {k: (None if v == _NONE else v) for k, v in values.items()}
    return ColumnMapping.from_dict({k: v for k, v in cleaned.items() if v not in (None, "", [])})


def panel() -> None:
    """Upload a file, confirm the column mapping, see what was accepted and rejected (and why),
    and save the result as a dataset every page can show."""
    if not access.editors_only():  # readers browse; only editors import (deploy/)
        return
    upload = st.file_uploader(
        "Import incidents: CSV (any delimiter; UTF-8 or Latin-1), Excel, GeoJSON or GeoPackage. "
        "GTD and ACLED exports are recognised.",
        type=["csv", "txt", "tsv", "xlsx", "geojson", "json", "gpkg"], key="import_upload")
    with st.expander("How source categories map onto our kinds (crosswalk)"):
        st.dataframe(crosswalk.crosswalk_table(), hide_index=True, width="stretch")
    if upload is None:
        return
    data = upload.getvalue()
    key = "import_" + text.safe_filename(f"{upload.name}-{len(data)}")
    try:
        sheets = list_sheets(data, filename=upload.name)
        sheet = st.selectbox("Sheet or layer", sheets, key=f"{key}_sheet") if len(sheets) > 1 else None
        raw, info = read_table(data, filename=upload.name, sheet=sheet)
    except ImportFileError as exc:
        st.error(str(exc))
        return
    preset = detect_preset(raw.columns)
    suggested = preset_mapping(preset, raw.columns) if preset else suggest_mapping(raw.columns)
    st.caption(f"{upload.name}: {len(raw):,} rows read ({info.format}"
               + (f", {info.encoding}" if info.encoding else "")
               + (f", delimiter {info.delimiter!r}" if info.delimiter else "") + ")"
               + (f"; recognised as a {preset.upper()} export" if preset else "; no preset recognised"))
    mapping = _mapping_form(raw, suggested, key=key)
    if mapping is not None:
        try:
            st.session_state[f"{key}_result"] = import_table(raw, mapping=mapping, filename=upload.name,
                                                              info=info)
        except ImportFileError as exc:
            st.error(str(exc))
            return
    result = st.session_state.get(f"{key}_result")
    if result is None:
        return
    summary = result.summary
    cols = st.columns(4)
    cols[0].metric("Rows in the file", f"{summary['rows_in']:,}")
    cols[1].metric("Accepted", f"{summary['accepted']:,}")
    cols[2].metric("Rejected", f"{summary['rejected']:,}")
    cols[3].metric("Not located (kept, not mapped)", f"{summary['not_located']:,}")
    if len(result.rejected):
        st.warning(f"{len(result.rejected):,} row(s) rejected: each with its row number, field and reason.")
        st.dataframe(result.rejected, hide_index=True, width="stretch", height=240)
        st.download_button("Rejected rows (CSV)", data=result.rejected_csv(), file_name="rejected.csv",
                           mime="text/csv", on_click="ignore", key=f"{key}_rejected")
    if len(result.not_located):
        with st.expander(f"{len(result.not_located):,} accepted row(s) could not be placed in Belgium"):
            st.dataframe(result.not_located[["source_row", "place", "geocode_note"]], hide_index=True, width="stretch")
    if summary["accepted"]:
        name = st.text_input("Dataset name", value=upload.name.rsplit(".", 1)[0], key=f"{key}_name")
        if st.button("Save as a dataset", type="primary", key=f"{key}_save"):
            try:
                info = store.save_dataset(result, name=name)
            except DatasetError as exc:
                st.error(str(exc))
                return
            st.session_state[state.PENDING_DATASET] = info.slug
            st.session_state.pop(f"{key}_result", None)
            st.rerun()
