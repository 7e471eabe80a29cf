"""The import wizard of the Data page: upload a file, confirm the suggested column mapping (with
the coordinate system of x/y columns), then, before anything is saved, see everything the import
found: rows in, accepted and rejected (with reasons), outside Belgium apart from not placed, every
reader and geocoder note, the first rows as they will be stored, and the category values the
crosswalk does not know, which can be given a kind here. Then save the result as a dataset.

User text (cells, notes quoting cells) is shown in tables or as plain text, never as Markdown.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo import text, vocab
from geo.errors import DatasetError, ImportFileError
from geo.i18n import _, number
from geo.io import crosswalk
from geo.io import crs as crs_
from geo.io import note_words as note_words_mod
from geo.io.mapping import MAPPING_HELP, MAPPING_LABELS, ColumnMapping, suggest_mapping
from geo.io.pipeline import import_table
from geo.io.readers.formats import list_sheets, read_table
from geo.io.readers.raw import READ_PROBLEM
from geo.ui import access, session, state

_NONE = "—"
#: Unknown category values offered for assignment at once.
MAX_ASSIGN = 40
_KEEP = "other (leave)"


def _help(field: str) -> str | None:
    """The mapping form's help for ``field`` in the reader's language."""
    text = MAPPING_HELP.get(field)
    return _(text) if text else None


def _label(field: str) -> str:
    """The mapping form's name for ``field`` in the reader's language."""
    return _(MAPPING_LABELS.get(field, field.replace("_", " ")))


def _crs_choices(current: str | None) -> list[str]:
    choices = [_NONE, *crs_.KNOWN]
    if current and current not in choices:
        choices.insert(1, current)
    return choices


def _mapping_form(raw: pd.DataFrame, suggested: ColumnMapping, *, key: str) -> ColumnMapping | None:
    """Show the suggested column mapping for the user to confirm or correct; return the
    confirmed mapping when the form is submitted, else None."""
    columns = [str(c) for c in raw.columns]
    choices = [_NONE] + columns
    values: dict = {"preset": suggested.preset}
    with st.form(f"{key}_mapping"):
        st.markdown(_("**Which column gives what?** Check the suggestion, correct it, then import."))
        single = [f for f in ColumnMapping.COLUMN_FIELDS if f not in ("places", "areas")]
        for i, name in enumerate(single):
            if i % 3 == 0:  # a row of three: on a phone the fields stack in reading order
                cols = st.columns(3)
            current = getattr(suggested, name)
            values[name] = cols[i % 3].selectbox(
                _label(name), choices, index=choices.index(current) if current in choices else 0,
                help=_help(name), key=f"{key}_{name}")
        for name in ("places", "areas"):
            values[name] = st.multiselect(_label(name), columns,
                                          default=[c for c in getattr(suggested, name) if c in columns],
                                          placeholder=_("Choose columns"), help=_help(name), key=f"{key}_{name}")
        c1, c2 = st.columns(2)
        systems = _crs_choices(suggested.crs)
        values["crs"] = c1.selectbox(
            _("coordinate system of x/y (and of a WKT column)"), systems,
            index=systems.index(suggested.crs) if suggested.crs in systems else 0,
            format_func=lambda c: f"{c} — {crs_.KNOWN[c]}" if c in crs_.KNOWN else (
                _("— (no x/y columns)") if c == _NONE else c),
            help=_help("crs"), key=f"{key}_crs")
        if suggested.x:
            c1.caption(_("x/y recognised: {crs}. Check it before importing.").format(
                crs=crs_.label(suggested.crs or crs_.LAMBERT_72)))
        values["date_format"] = c2.text_input(_("date format (optional)"), value=suggested.date_format or "",
                                              help=_help("date_format"), key=f"{key}_fmt")
        submitted = st.form_submit_button(_("Check the file with this mapping"), type="primary")
    if not submitted:
        return None
    cleaned = {k: (None if v == _NONE else v) for k, v in values.items()}
    if not (cleaned.get("x") or (cleaned.get("geometry") and cleaned["geometry"] != "geometry_wkt")):
        cleaned["crs"] = None
    return ColumnMapping.from_dict({k: v for k, v in cleaned.items() if v not in (None, "", [])})


def _plain_list(lines: list[str]) -> None:
    """Notes as plain text (they quote cells of the file: never Markdown)."""
    st.text("\n".join(f"• {line}" for line in lines))


def _assign_form(result, *, key: str) -> dict[str, str] | None:
    """The category values the crosswalk does not know, each with a kind to choose; the
    assignments when the form is submitted, else None."""
    unknown = result.summary.get("unknown_categories") or {}
    if not unknown:
        return None
    options = [_KEEP, *vocab.KINDS]
    assigned = result.mapping.assigned()
    with st.form(f"{key}_assign"):
        st.markdown(_("**Categories the crosswalk does not know.** They are counted as 'other' "
                      "unless you give them a kind here (kept with the dataset's mapping)."))
        chosen: dict[str, str] = {}
        items = list(unknown.items())[:MAX_ASSIGN]
        cols = st.columns(2)
        for i, (value, rows) in enumerate(items):
            chosen[value] = cols[i % 2].selectbox(
                _("{value} ({n} rows)").format(value=value, n=rows), options,
                index=options.index(assigned.get(value, _KEEP)) if assigned.get(value, _KEEP) in options else 0,
                format_func=lambda k: _("other (leave)") if k == _KEEP else _(vocab.KIND_LABELS.get(k, k)),
                key=f"{key}_assign_{i}")
        if len(unknown) > MAX_ASSIGN:
            st.caption(_("{n} more values: assign these first, or use the command line's --assign.")
                       .format(n=len(unknown) - MAX_ASSIGN))
        submitted = st.form_submit_button(_("Apply these kinds and check again"))
    if not submitted:
        return None
    return assigned | {v: k for v, k in chosen.items() if k != _KEEP}


def _show_result(result, *, key: str) -> None:
    s = result.summary
    cols = st.columns(5)
    cols[0].metric(_("Rows in the file"), number(s['rows_in']))
    cols[1].metric(_("Accepted"), number(s['accepted']))
    cols[2].metric(_("Rejected"), number(s['rejected']))
    cols[3].metric(_("Outside Belgium"), number(s['outside_belgium']),
                   help=_("Accepted rows placed outside Belgium: kept with the dataset, not mapped"))
    cols[4].metric(_("Not placed"), number(s['not_placed']),
                   help=_("Accepted rows not outside Belgium that nothing could place in a Belgian "
                          "unit (their notes say why): kept, not mapped"))
    notes = result.notes()
    if notes:
        st.markdown(_("**What the import noticed**"))
        _plain_list(notes)
    if s["accepted"]:
        st.markdown(_("**The first rows as they will be stored**"))
        st.dataframe(result.preview(20), hide_index=True, width="stretch")
    if len(result.rejected):
        st.warning(_("{n} row(s) rejected: each with its row number, field and reason. They are not "
                     "saved as incidents (the download keeps them).").format(n=len(result.rejected)))
        words = {"row": _("row"), "field": _("field"), "reason": _("reason")}  # unless the file has such a column
        shown = result.rejected.copy()
        if "field" in shown:  # the reader's column for a row it could not read, in words
            shown["field"] = shown["field"].replace(READ_PROBLEM, _(note_words_mod.READ_PROBLEM_LABEL))
        shown = shown.rename(columns={c: w for c, w in words.items() if w not in result.rejected.columns})
        st.dataframe(shown, hide_index=True, width="stretch", height=240)
        st.download_button(_("Rejected rows (CSV)"), data=result.rejected_csv(), file_name="rejected.csv",
                           mime="text/csv", on_click="ignore", key=f"{key}_rejected")
    geocoded = result.geocode_notes()
    if len(geocoded):
        with st.expander(_("How rows were placed: {n} distinct note(s)").format(n=len(geocoded))):
            shown = geocoded.assign(note=geocoded["note"].map(note_words_mod.note_words))
            st.dataframe(shown.rename(columns={"note": _("note"), "rows": _("rows"), "first_rows": _("first rows")}),
                         hide_index=True, width="stretch")


def panel() -> None:
    """Upload a file, confirm the column mapping, see what will be stored and what was rejected
    (and why), assign unknown categories, and save the result as a dataset every page can show."""
    if not access.editors_only(session.request()):  # readers browse; only editors import (deploy/)
        return
    upload = st.file_uploader(
        _("Import incidents: CSV (any delimiter and encoding), Excel, GeoJSON or GeoPackage; "
          "coordinates in WGS84 or Belgian Lambert 72, addresses, polygons. GTD and ACLED exports "
          "are recognised."),
        type=["csv", "txt", "tsv", "xlsx", "geojson", "json", "gpkg"], key="import_upload")
    with st.expander(_("How source categories map onto our kinds (crosswalk)")):
        st.dataframe(crosswalk.crosswalk_table(), hide_index=True, width="stretch")
    if upload is None:
        return
    data = upload.getvalue()
    key = "import_" + text.safe_filename(f"{upload.name}-{len(data)}")
    try:
        sheets = list_sheets(data, filename=upload.name)
        sheet = st.selectbox(_("Sheet or layer"), sheets, key=f"{key}_sheet") if len(sheets) > 1 else None
        raw, info = read_table(data, filename=upload.name, sheet=sheet)
    except ImportFileError as exc:
        st.error(str(exc))
        return
    suggested = suggest_mapping(raw.columns, raw)
    how = [info.format] + [v for v in (info.encoding, info.delimiter and repr(info.delimiter)) if v]
    st.caption(_("{name}: {n} rows read ({how}); {preset}").format(
        name=upload.name, n=number(len(raw)), how=", ".join(how),
        preset=_("recognised as a {p} export").format(p=suggested.preset.upper()) if suggested.preset
        else _("no preset recognised")))
    mapping = _mapping_form(raw, suggested, key=key)
    if mapping is not None:
        st.session_state[f"{key}_confirmed"] = mapping
    mapping = st.session_state.get(f"{key}_confirmed")
    if mapping is None:
        if info.notes:
            _plain_list(list(info.notes))
        return
    result = st.session_state.get(f"{key}_result")
    if result is None or result.mapping != mapping:
        try:
            result = import_table(raw, mapping=mapping, filename=upload.name, info=info)
        except ImportFileError as exc:
            st.error(str(exc))
            return
        st.session_state[f"{key}_result"] = result
    _show_result(result, key=key)
    assigned = _assign_form(result, key=key)
    if assigned is not None and assigned != result.mapping.assigned():
        st.session_state[f"{key}_confirmed"] = mapping.replace(categories=tuple(assigned.items()))
        st.rerun()
    if result.summary["accepted"]:
        st.markdown(_("**Save**"))
        name = st.text_input(_("Dataset name"), value=upload.name.rsplit(".", 1)[0], key=f"{key}_name")
        if st.button(_("Save as a dataset"), type="primary", key=f"{key}_save"):
            try:
                saved = session.request().store.save_dataset(result, name=name)
            except DatasetError as exc:
                st.error(str(exc))
                return
            st.session_state[state.PENDING_DATASET] = saved.slug
            for suffix in ("_result", "_confirmed"):
                st.session_state.pop(f"{key}{suffix}", None)
            st.rerun()
