"""What the pages show: the headline figures, what the events rest on (documented, reconstructed,
imported) and the not-counted notes, the page title of the picked dataset, the incident table in
people's words, a clicked unit's incidents and the metric choice (the maps are
:mod:`geo.ui.mapview`'s)."""

from __future__ import annotations

import html
from datetime import datetime
from types import MappingProxyType

import pandas as pd
import streamlit as st

from geo import vocab
from geo.errors import DatasetNotFoundError
from geo.i18n import N_, _, month_year, ngettext, number
from geo.i18n import language as language_code
from geo.incidents import aggregate, readable
from geo.incidents.aggregate import Counted
from geo.maps.model.captions import LEVEL_SINGULAR
from geo.report import figures
from geo.ui import language, session, state

MAX_TABLE_ROWS = 5_000
#: the Belgium, Brussels and Charleroi pages' metrics (``?metric=`` in the URL)
METRIC_LABELS = MappingProxyType({"count": N_("Incidents (sites)"), "per_100k": N_("Per 100,000 residents")})


def headline(rows: pd.DataFrame, *, of: pd.DataFrame | None = None) -> None:
    """The headline figures, for the rows in Belgium only (a row outside Belgium, or with no
    place found, is never a Belgian event: :func:`provenance_summary` says how many are left
    out). A figure the dataset ``of`` does not record (no one arrested, no plot in any row, as in
    an imported file) is left out rather than shown as 0. The figures wrap on a narrow screen."""
    h = aggregate.headline(rows)
    of = rows if of is None else of
    figures = [(_("Events"), h["events"]), (_("Sites"), h["sites"]), (_("Attacks"), h["attacks"]),
               (_("Arrest actions"), h["arrest_actions"])]
    if int(of["n_arrested"].sum()):
        figures.append((_("People arrested"), h["arrested"]))
    if bool(of["plot"].astype(bool).any()):
        figures.append((_("Plots revealed"), h["plots"]))
    with st.container(horizontal=True, gap="medium"):
        for label, value in figures:
            st.metric(label, number(value), width=max(120, 8 * len(label)))  # "Actions d'arrestation" whole


def provenance_summary(rows: pd.DataFrame) -> None:
    """What the events shown rest on, in plain words, in the main area: how many are documented
    and what that means, how many reconstructed and what that means (or where imported rows come
    from), and how many rows are left out because they are not placed in Belgium."""
    belgian = aggregate.in_belgium(rows)
    source = None
    if state.dataset_slug() != state.REPORT:
        try:
            info = session.request().store.get_dataset(state.dataset_slug())
            source = f"`{_code_safe(info.source_file)}`"  # a name: readable writes it into a whole sentence
        except DatasetNotFoundError:
            source = None
    lines = readable.provenance_sentences(rows[belgian], source_name=source)
    outside = readable.not_in_belgium_sentence(int((~belgian).sum()))
    if int((rows.loc[belgian, "provenance"] == "reconstructed").sum()):
        lines.append(_("*Include reconstructed records* in the sidebar leaves them out."))
    with st.container(border=True):
        st.markdown("  \n".join(lines))
        if outside:
            st.markdown(outside)


def _code_safe(text: str) -> str:
    """``text`` to show inside a Markdown code span (no backtick can close it)."""
    return str(text).replace("`", "'")


def provenance_note(rows: pd.DataFrame) -> None:
    """Every view says how many reconstructed records it includes (a dataset with none, such as an
    imported one, says where its records come from instead)."""
    n = int((rows["provenance"] == "reconstructed").sum())
    if n:
        st.caption(_("Includes **{n} reconstructed** of {total} records (sites): they make the report's "
                     "aggregates hold, with no more precision than the report gives. Switch them off in the "
                     "sidebar.").format(n=number(n), total=number(len(rows))))
    elif len(rows) and (rows["provenance"] == "imported").all():
        st.caption(ngettext("{n} imported record.", "{n} records, all imported.", len(rows)).format(
            n=number(len(rows))))
    else:
        kinds = ", ".join(f"{number(c)} {_(readable.PROVENANCE_LABELS.get(p, p)).lower()}"
                          for p, c in rows["provenance"].value_counts().items())
        st.caption(_("Includes no reconstructed records ({kinds}).").format(kinds=kinds or _("no records")))


def report_period() -> str:
    """The report's period ("Jun 2014-Oct 2017", quoted from geo.report) in the reader's language:
    "Jun 2014 – Oct 2017", "juin 2014 – oct. 2017", "jun 2014 – okt 2017"."""
    text = figures.published("period")
    try:
        first, last = (datetime.strptime(part.strip(), "%b %Y").date() for part in text.split("-"))
    except ValueError:
        return text.replace("-", " – ")
    return f"{month_year(first)} – {month_year(last)}"


def region_detail_note(rows: pd.DataFrame, *, quote_report: bool) -> None:
    """How many sites of ``rows`` lie in the Brussels-Capital Region, how many are known to their
    municipality (on the map) and how many only to the region (never spread over its
    municipalities); with ``quote_report``, the report's own figure with the period it describes
    (all its years, whatever the filters)."""
    in_region = rows[rows["region_nis"] == vocab.BRUSSELS_REGION]
    detail = int((aggregate.level_codes(in_region, "municipality") != "").sum())
    only_region = len(in_region) - detail
    lines = [
        ngettext("**{n}** incident site in the Brussels-Capital Region.",
                 "**{n}** incident sites in the Brussels-Capital Region.", len(in_region)).format(n=number(len(in_region))),
        ngettext("**{n}** is known to its municipality and drawn above.",
                 "**{n}** are known to their municipality and drawn above.", detail).format(n=number(detail)),
        ngettext("**{n}** is known only to the region and is not spread over its municipalities.",
                 "**{n}** are known only to the region and are not spread over its municipalities.",
                 only_region).format(n=number(only_region)),
    ]
    if quote_report:  # the report's own figures, quoted from geo.report, with their period
        total = int(figures.published("brussels-62"))
        lines.append(_("The report, for all of {period}: {n} of its {total} incidents in Brussels are known only "
                       "to the region.").format(period=report_period(),
                                                n=number(total - int(figures.published("brussels-detail-20"))),
                                                total=number(total)))
    st.markdown(" ".join(lines))


def network_name(name: str) -> str:
    """A network of the report in the reader's language (as written for any other network)."""
    return _(vocab.NETWORK_LABELS[name]) if name in vocab.NETWORK_LABELS else name


def dataset_title(default: str) -> str:
    """The page title: ``default`` for the report's dataset, else the imported dataset's name."""
    slug = state.dataset_slug()
    if slug == state.REPORT:
        return default
    try:
        return _("Incidents: {name}").format(name=session.request().store.get_dataset(slug).name)
    except DatasetNotFoundError:
        return default


def reason_text(reason: str) -> str:
    """A not-counted reason of :mod:`geo.incidents.aggregate` (English, compared by the code) in
    the reader's language."""
    column, _sep, rest = str(reason).partition(": ")
    if rest == "not known":
        return _("{column}: not known").format(column=_(vocab.PEOPLE_COUNT_LABELS.get(column, column)))
    return _(reason)


def not_counted_note(counted: Counted, *, level: str) -> None:
    """Why some sites are not on the map of ``level``: known only to their region (never spread
    over its municipalities), or not placed in Belgium."""
    what = _(LEVEL_SINGULAR.get(level, level))
    reasons = counted.not_counted["reason"].value_counts() if len(counted.not_counted) else {}
    for reason, n in dict(reasons).items():
        n = int(n)
        if reason.startswith("known only to the region"):
            st.info(ngettext("{n} site is not on this {what} map: it is known only to its region and is never "
                             "spread over its municipalities.",
                             "{n} sites are not on this {what} map: they are known only to their region and are "
                             "never spread over its municipalities.", n).format(n=number(n), what=what))
        elif reason == aggregate.NOT_IN_BELGIUM:
            st.warning(ngettext("{n} record is not on any map: it is not placed in Belgium (see the Data page).",
                                "{n} records are not on any map: they are not placed in Belgium (see the Data "
                                "page).", n).format(n=number(n)))
        else:
            st.warning(ngettext("{n} site is not on any map: {reason} (see the Data page).",
                                "{n} sites are not on any map: {reason} (see the Data page).", n).format(
                n=number(n), reason=reason_text(reason)))


def city_names(rows: pd.DataFrame) -> dict[str, str]:
    """The report's cities of ``rows`` as this session names places (Bruxelles / Brussel, Antwerpen…)."""
    if "city" not in rows or not len(rows):
        return {}
    pairs = rows[["city", "municipality_nis"]].drop_duplicates("city")
    return language.city_labels(dict(pairs.itertuples(index=False, name=None)))


def incident_table(rows: pd.DataFrame, *, height: int | None = None, key: str = "incidents") -> None:
    """A table of incidents in people's words (:func:`geo.incidents.readable.people_table`):
    reconstructed rows flagged in the first column, dates at their precision, the description
    beside the place, the source's first web address as a link. Selecting a row shows it whole
    below: its full description and every web address its source cites, as links. st.dataframe
    shows text as text (no HTML is interpreted). Large tables show their first rows only (the
    downloads hold them all)."""
    if len(rows) > MAX_TABLE_ROWS:
        st.caption(_("Showing the first {n} of {total} rows; the downloads hold them all.").format(
            n=number(MAX_TABLE_ROWS), total=number(len(rows))))
        rows = rows.head(MAX_TABLE_ROWS)
    shown = readable.people_table(rows, city_names=city_names(rows))
    english = _report_english(rows)
    if english:  # the report's descriptions and sources stay in English, and say so
        shown = shown.rename(columns={_(c): in_english(_(c)) for c in ENGLISH_COLUMNS})
    link = _(readable.LINK_COLUMN)
    text = st.column_config.TextColumn
    config = {
        _("Record"): text(width=130, help=_(
            "● Documented: on the public record, with a citation. ○ Reconstructed: allocated to make the report's "
            "published figures hold; not a particular event. ● Imported: from a file you imported.")),
        _("Date"): text(width=95, help=_("As precisely as it is known: a year, a month or a day.")),
        _("Kind"): text(width=120),
        _("Place"): text(width=170),
        _("Description"): text(width=440),
        link: st.column_config.LinkColumn(
            width=150, display_text=r"https?://(?:www\.)?([^/]+)",
            help=_("The first web address the source cites (the Source column has them all).")),
        _("City"): text(width=110),
        _("Link to the Islamic State"): text(width=110),
        _("Revealed a plot"): text(width=80),
        _("People arrested"): st.column_config.NumberColumn(width=90, format="%d"),
        _("Place known to"): text(width=120, help=_(
            "The site itself, or only its municipality or region: a row is never placed more precisely than its "
            "sources.")),
        _("Networks"): text(width=180),
        _("Source"): text(width=480),
    }
    if english:
        config = {(in_english(k) if k in {_(c) for c in ENGLISH_COLUMNS} else k): v for k, v in config.items()}
    # a new table (other rows) starts with no row selected
    stamp = int(pd.util.hash_pandas_object(rows["site_id"], index=False).sum()) if "site_id" in rows else len(rows)
    fits = height is None or len(shown) <= height // 36  # a short table takes only the height it needs
    event = st.dataframe(shown, hide_index=True, width="stretch", height="auto" if fits else height,
                         column_config=config,
                         on_select="rerun", selection_mode="single-row", key=f"{key}_{stamp & 0xFFFFFFFF:x}")
    picked = list(getattr(getattr(event, "selection", None), "rows", None) or [])
    if picked and picked[0] < len(rows):
        _record_card(rows.iloc[picked[0]], shown.iloc[picked[0]], english=english)
    else:
        st.caption(_("Select a row to read it whole, with every source as a link."))


#: Columns of the people's table whose words the report's dataset gives in English.
ENGLISH_COLUMNS: tuple[str, ...] = ("Description", "Source")


def _report_english(rows: pd.DataFrame) -> bool:
    """Whether ``rows`` are the report's (documented or reconstructed: their descriptions and
    sources are written in English) and the reader reads another language."""
    return language_code() != "en" and bool(len(rows)) and bool(
        rows["provenance"].isin(("documented", "reconstructed")).all())


def in_english(label: str) -> str:
    """A label marked as naming English words: "Description (in English)"."""
    return _("{label} (in English)").format(label=label)


def _record_card(row: pd.Series, shown: pd.Series, *, english: bool = False) -> None:
    """One incident, whole: what the table shows in brief, the full description as plain text
    (never Markdown: escaped HTML, marked ``lang="en"`` and "(in English)" when it is the report's
    English for a French or Dutch reader) and every web address of the source as a link."""
    with st.container(border=True):
        st.markdown(f"**{_code_safe(shown[_('Date')])}** · {_code_safe(shown[_('Kind')])} · "
                    f"{_code_safe(shown[_('Record')])}")
        places = [str(v) for v in (row.get("place", ""), row.get("city", "")) if v]
        st.text(" · ".join(dict.fromkeys(places)))
        if str(row.get("description", "")) and english:
            st.html(f'<p lang="en" style="white-space: pre-wrap; margin: 0">{html.escape(str(row["description"]))}</p>')
            st.caption(_("(in English)"))
        elif str(row.get("description", "")):
            st.text(str(row["description"]))
        links = readable.urls(row.get("source", ""))
        st.text(_("Source: {source}").format(source=row.get("source", "")))
        if links:
            st.markdown(_("Links: {links}").format(
                links=" · ".join(f"[{readable.link_label(u)}]({u})" for u in links)))


def metric_choice() -> str:
    """Counts or rates per 100,000 residents, kept in the URL as ``?metric=``."""
    return state.page_choice(_("Metric"), list(METRIC_LABELS), param="metric",
                             format_func=lambda m: _(METRIC_LABELS[m]))


def unit_incidents(counted: Counted, rows: pd.DataFrame, code: str | None, *, level: str = "municipality",
                   units: pd.DataFrame | None = None) -> bool:
    """The incidents of the unit ``code`` (clicked on the map) under a heading that names the
    unit and its count; nothing when ``code`` is None or not a unit of the view. Returns
    whether a unit was shown."""
    if not code:
        return False
    table = counted.table.set_index("code")
    if code not in table.index:
        return False
    chosen = table.loc[code]
    name = f"{chosen['name_nl']} / {chosen['name_fr']}" if chosen["name_nl"] != chosen["name_fr"] else chosen["name_nl"]
    if units is not None and "reg_nis" in units:
        picked = units[units["code"] == code]
        if len(picked):
            name = language.unit_names(picked).iloc[0]
    n = int(chosen["count"])
    st.subheader(ngettext("{name}: {n} incident site", "{name}: {n} incident sites", n).format(name=name, n=n))
    here = rows[aggregate.level_codes(rows, level) == code]
    if len(here):
        incident_table(here)
    return True
