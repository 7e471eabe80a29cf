"""Report check: every figure the report publishes beside the one computed from the data."""

import streamlit as st

from geo.report import check
from geo.ui import sidebar, state

sel = sidebar.selection()
st.title("Report check")
st.caption("Computed from all records, whatever the sidebar filters. Whole percents in the report match a "
           "computed share that rounds or truncates to them.")
if state.dataset_slug() != state.REPORT:
    st.info("The figures below are the report's: they are checked on the report's dataset, not on the "
            "dataset picked in the sidebar.")
table = check.check_report()
ok, total = check.summary(table)
(st.success if ok == total else st.error)(f"{ok} of {total} published figures match the data.")
st.dataframe(table, hide_index=True, width="stretch")
