"""Report check: every figure the report publishes beside the one computed from the data, with
how much of each rests on documented rows."""

import streamlit as st

from geo.i18n import _, language
from geo.report import check
from geo.ui import display, sidebar, state

sel = sidebar.selection()
st.title(_("Report check"))
st.caption(_("Computed from all records, whatever the sidebar filters. Whole percents in the report match a "
             "computed share that rounds or truncates to them."))
if state.dataset_slug() != state.REPORT:
    st.info(_("The figures below are the report's: they are checked on the report's dataset, not on the "
              "dataset picked in the sidebar."))
table = check.check_report()
ok, total = check.summary(table)
(st.success if ok == total else st.error)(_("{ok} of {total} published figures match the data.").format(ok=ok, total=total))
st.markdown("\n\n".join(check.explanation(table)))
only = st.toggle(_("Only the figures that rest on reconstructed rows alone"), key="check_only_reconstructed")
words = _("The report's words")  # quoted in English: the header says so for a French or Dutch reader
quoted = display.in_english(words) if language() != "en" else words
st.dataframe(check.people_table(table, only_reconstructed=only).rename(columns={words: quoted}), hide_index=True,
             width="stretch", height=600, column_config={
    quoted: st.column_config.TextColumn(width=320),
    _("Published"): st.column_config.TextColumn(width=130),
    _("Computed"): st.column_config.TextColumn(width=200),
    _("Documented support"): st.column_config.ProgressColumn(
        min_value=0, max_value=100, format="%d%%", width=150,
        help=_("The share of what the figure counts that rests on documented rows; empty for a statement "
               "that rests on no particular rows.")),
    _("Matches"): st.column_config.CheckboxColumn(width=75),
    _("Rests on"): st.column_config.TextColumn(width=320),
})
