"""Incidents as people read them: dates at their precision, values and column names in words,
sources as links, and what the rows of a selection rest on, in plain sentences. No streamlit here:
:mod:`geo.ui.display` shows what these return.

``date_text`` is the one place that writes a date for a reader: ``"2016"`` for a date known to the
year, the month in the reader's language to the month (``"March 2016"``, ``"mars 2016"``,
``"maart 2016"``, Babel's CLDR data), ``"2016-03-22"`` to the day. Files written for programs (CSV,
GeoJSON) keep the ISO date and the ``date_precision`` column instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

import pandas as pd
from babel.dates import format_date

from geo import vocab
from geo.i18n import N_, _, language, ngettext

#: strftime pattern of a date known to each precision.
DATE_FORMATS = MappingProxyType({"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"})


def date_text(date: object, precision: str = "day") -> str:
    """``date`` as a reader sees it, no more precise than ``precision``: ``"2016"``,
    ``"2016-03"`` or ``"2016-03-22"``; ``""`` for a missing date."""
    if date is None or (not isinstance(date, str) and pd.isna(date)):
        return ""
    stamp = pd.Timestamp(date)
    if precision == "month":
        return month_text(stamp)
    return stamp.strftime(DATE_FORMATS.get(precision, DATE_FORMATS["day"]))


def period_text(period: str) -> str:
    """A period of the timeline as a reader says it: a month (``"2015-08"``) in words
    (:func:`month_text`), a year as it is."""
    if re.fullmatch(r"\d{4}-\d{2}", str(period)):
        return month_text(pd.Timestamp(f"{period}-01"))
    return str(period)


def month_text(stamp: pd.Timestamp) -> str:
    """A month and its year as the reader's language writes them standing alone: "August 2015",
    "août 2015", "augustus 2015"."""
    return format_date(stamp.date(), "LLLL y", locale=language())


def date_texts(rows: pd.DataFrame) -> pd.Series:
    """:func:`date_text` of every row (columns ``date`` and ``date_precision``)."""
    dates = pd.to_datetime(rows["date"])
    precision = rows["date_precision"].fillna("day") if "date_precision" in rows else "day"
    out = pd.Series("", index=rows.index, dtype=object)
    for name, pattern in DATE_FORMATS.items():
        mask = (precision == name) if isinstance(precision, pd.Series) else pd.Series(name == precision,
                                                                                       index=rows.index)
        mask &= dates.notna()
        if mask.any():
            out[mask] = (dates[mask].map(month_text) if name == "month" else dates[mask].dt.strftime(pattern))
    rest = dates.notna() & (out == "")  # an unknown precision: the whole date
    out[rest] = dates[rest].dt.strftime(DATE_FORMATS["day"])
    return out


# ------------------------------------------------------------------------- words for values
#: How precisely a place is known, as a reader says it.
PLACE_KNOWN = MappingProxyType({"point": N_("the site"), "municipality": N_("the municipality"),
                                "region": N_("the region"), "none": N_("not located")})
#: Where a row comes from.
PROVENANCE_LABELS = MappingProxyType({"documented": N_("Documented"), "reconstructed": N_("Reconstructed"),
                                      "imported": N_("Imported")})
#: The mark before it in a table: hollow for reconstructed records, as on the maps.
PROVENANCE_MARKS = MappingProxyType({"documented": "●", "reconstructed": "○", "imported": "●"})

#: Where a row's link to the Islamic State comes from (``link_source``, the report's table only).
LINK_SOURCE_LABELS = MappingProxyType({"press": N_("the press"), "court": N_("a court"),
                                       "report": N_("the report")})

#: The people's table: column label (translated where shown) → how it is made.
TABLE_COLUMNS: tuple[str, ...] = (
    N_("Record"), N_("Date"), N_("Kind"), N_("Place"), N_("Description"), N_("Source link"), N_("City"),
    N_("Link to the Islamic State"), N_("Link according to"), N_("Revealed a plot"), N_("People arrested"), N_("Place known to"),
    N_("Networks"), N_("Source"),
)
#: The column holding a web address (shown as a link).
LINK_COLUMN = "Source link"
URL = re.compile(r"https?://[^\s,;<>\"')\]]+")


def urls(text: object) -> list[str]:
    """The web addresses (http or https) written in ``text``, in order, each once."""
    found = URL.findall(str(text or ""))
    return list(dict.fromkeys(u.rstrip(".") for u in found))


_HOST = re.compile(r"https?://(?:www\.)?([A-Za-z0-9.-]+)")


def link_label(url: str) -> str:
    """The host of ``url`` (``wikipedia.org``…), letters, digits, dots and hyphens only: a safe
    text for a link."""
    match = _HOST.match(url)
    return match.group(1) if match else _("link")


def _labels(values: pd.Series, labels: Mapping[str, str]) -> pd.Series:
    words = {k: _(v) for k, v in labels.items()}
    return values.fillna("").astype(str).map(lambda v: words.get(v, v))


def people_table(rows: pd.DataFrame, *, city_names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The rows in people's words: the columns of :data:`TABLE_COLUMNS` (labels translated),
    dates at their precision, kinds, links and precisions in words, the first web address of the
    source in ``Source link``. Reconstructed rows say so in ``Record``, the first column, with a hollow
    mark (○) as on the maps. ``city_names`` names the report's cities as the reader asked (local
    names or the reader's language); without it, the cities as stored."""
    out = pd.DataFrame(index=rows.index)
    marks = rows["provenance"].map(PROVENANCE_MARKS).fillna("")
    out["Record"] = (marks + " " + _labels(rows["provenance"], PROVENANCE_LABELS)).str.strip()
    out["Date"] = date_texts(rows)
    out["Kind"] = _labels(rows["kind"], vocab.KIND_LABELS)
    out["Place"] = rows["place"].fillna("").astype(str)
    out["City"] = rows["city"].fillna("").astype(str) if "city" in rows else ""
    if city_names and "city" in rows:
        out["City"] = out["City"].map(lambda c: city_names.get(c, c))
    out["Description"] = rows["description"].fillna("").astype(str)
    out["Source"] = rows["source"].fillna("").astype(str)
    out[LINK_COLUMN] = out["Source"].map(lambda s: (urls(s) or [None])[0])
    link = rows["link"] if "link" in rows else pd.Series("", index=rows.index)
    out["Link to the Islamic State"] = _labels(link, vocab.LINK_LABELS)
    link_source = rows["link_source"] if "link_source" in rows else pd.Series("", index=rows.index)
    out["Link according to"] = _labels(link_source, LINK_SOURCE_LABELS)
    plot = rows["plot"].astype(bool) if "plot" in rows else pd.Series(False, index=rows.index)
    out["Revealed a plot"] = plot.map({True: _("yes"), False: ""})
    arrested = rows["n_arrested"] if "n_arrested" in rows else pd.Series(0, index=rows.index)
    out["People arrested"] = arrested.where(rows["kind"] != "attack").astype("Int64")
    out["Place known to"] = _labels(rows["geo_precision"], PLACE_KNOWN)
    out["Networks"] = rows["networks"].fillna("").astype(str).str.replace(";", "; ") if "networks" in rows else ""
    return out[list(TABLE_COLUMNS)].rename(columns={c: _(c) for c in TABLE_COLUMNS}).reset_index(drop=True)


# ------------------------------------------------------------------------- what rows rest on
def provenance_events(rows: pd.DataFrame) -> dict[str, int]:
    """Distinct events per provenance (an event's sites share it)."""
    events = rows.drop_duplicates("event_id")
    counts = events["provenance"].value_counts()
    return {p: int(counts.get(p, 0)) for p in vocab.PROVENANCES}


def provenance_sentences(rows: pd.DataFrame, *, source_name: str | None = None) -> list[str]:
    """What the events of ``rows`` (in Belgium) rest on, in plain words (Markdown, no user text
    but ``source_name``, which the caller escapes): how many are documented and what that means,
    how many reconstructed and what that means, or where imported rows come from (``source_name``:
    the file's name, written into a whole sentence: "come from the file x.csv")."""
    counts = provenance_events(rows)
    total = sum(counts.values())
    doc, rec, imp = counts["documented"], counts["reconstructed"], counts["imported"]
    out: list[str] = []
    if total == 0:
        return [_("No event matches the filters.")]
    if doc or rec:
        if doc:
            out.append(ngettext(
                "**{n} of these {total} events is documented**: it is on the public record, with its date, "
                "its place and a citation.",
                "**{n} of these {total} events are documented**: they are on the public record, each with its "
                "date, its place and a citation.", doc).format(n=doc, total=total))
        if rec:
            out.append(ngettext(
                "**{n} is reconstructed**: the report publishes totals, not its list of incidents, so this "
                "row was allocated to make the report's published figures hold. It is not a particular "
                "event and says no more than the report (the year, the region or municipality).",
                "**{n} are reconstructed**: the report publishes totals, not its list of incidents, so these "
                "rows were allocated to make the report's published figures hold. They are not particular "
                "events and say no more than the report (the year, the region or municipality).",
                rec).format(n=rec))
        else:
            out.append(_("None is reconstructed."))
    if imp and source_name:
        out.append(ngettext("**{n} event** comes from the file {file}, as imported: the atlas has not checked it "
                            "against other sources.",
                            "**{n} events** come from the file {file}, as imported: the atlas has not checked them "
                            "against other sources.", imp).format(n=imp, file=source_name))
    elif imp:
        out.append(ngettext("**{n} event** comes from an imported file: the atlas has not checked it against "
                            "other sources.",
                            "**{n} events** come from an imported file: the atlas has not checked them against "
                            "other sources.", imp).format(n=imp))
    return out


def not_in_belgium_sentence(n: int) -> str:
    """Why ``n`` rows are left out of every Belgian count ("" when none is)."""
    if not n:
        return ""
    return ngettext(
        "{n} record is not placed in Belgium (it lies outside Belgium, or no place was found for it): it "
        "is not counted here. The Data page lists it.",
        "{n} records are not placed in Belgium (they lie outside Belgium, or no place was found for them): "
        "they are not counted here. The Data page lists them.", n).format(n=n)


def record_kinds(rows: pd.DataFrame) -> list[str]:
    """What each kind of record in ``rows`` is (Markdown), only for the kinds it holds."""
    present = set(rows["provenance"])
    words = {
        "documented": _("**Documented**: an event on the public record, with its real date and place and a "
                        "citation."),
        "reconstructed": _("**Reconstructed**: a row allocated to make the report's published figures hold. The "
                           "report gives no incident list, so these rows carry no more precision than the report "
                           "(the region or the municipality, the year or month), never a name. See the data card "
                           "(`data/README.md`)."),
        "imported": _("**Imported**: a row of a file you imported; its Source names the file and its row. The "
                      "atlas has not checked it against other sources."),
    }
    return [text for kind, text in words.items() if kind in present]
