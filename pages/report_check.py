"""Report check: every figure the report publishes beside the one computed from the data."""

import streamlit as st

from geo import report, ui

sel = ui.selection()
st.title("Report check")
st.caption("Computed from all records, whatever the sidebar filters. Whole percents in the report match a "
           "computed share that rounds or truncates to them.")
table = report.check_report(sel.all)
ok, total = report.summary(table)
(st.success if ok == total else st.error)(f"{ok} of {total} published figures match the data.")
st.dataframe(table, hide_index=True, width="stretch")
