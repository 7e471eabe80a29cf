"""The report check: each figure the report prints (:data:`geo.report.figures.FIGURES`) beside the
same figure computed from an incident table, with how much of it rests on documented rows and how
much on reconstructed ones.

Reconstructed rows were allocated so that the report's figures hold: a figure that rests on them
matches **by construction**. The ``documented`` and ``reconstructed`` columns say, per figure, how
many of the rows it counts (or, for sums such as people arrested, how much of the sum) come from
each; for a share, the split of its numerator (``support`` spells out the denominator too).

``python -m geo check-report`` prints :func:`format_check` and exits 1 on any mismatch.
"""

from __future__ import annotations

import pandas as pd

from geo.i18n import N_, _, ngettext
from geo.incidents.table import load_incidents
from geo.report.facts import Facts, Value
from geo.report.figures import FIGURES

COLUMNS = ["figure", "wording", "published", "computed", "rule", "matches", "documented", "reconstructed", "support"]
PROVENANCES = ("documented", "reconstructed")


def _split(rows: pd.DataFrame | None, weight: str | None) -> dict[str, int]:
    """How much of ``rows`` (rows, or the sum of ``weight``) is documented and reconstructed."""
    if rows is None or not len(rows):
        return dict.fromkeys(PROVENANCES, 0)
    amounts = rows[weight].astype("int64") if weight else pd.Series(1, index=rows.index)
    by = amounts.groupby(rows["provenance"].to_numpy()).sum()
    return {p: int(by.get(p, 0)) for p in PROVENANCES}


def _words(split: dict[str, int]) -> str:
    return _("{documented} documented, {reconstructed} reconstructed").format(**split)


def support_of(value: Value) -> tuple[dict[str, int], str]:
    """(the split of what ``value`` counts, a sentence saying what it rests on)."""
    split = _split(value.basis, value.weight)
    if value.basis is None:
        return split, _("rests on no particular rows")
    total = sum(split.values())
    if value.weight == "n_arrested":
        text = ngettext("{n} person arrested: {split}", "{n} people arrested: {split}", total)
    elif value.weight:
        text = "{n} " + value.weight.replace("_", " ") + ": {split}"
    else:
        text = ngettext("{n} row: {split}", "{n} rows: {split}", total)
    text = text.format(n=total, split=_words(split))
    if value.base is not None:
        whole = _split(value.base, None)
        text += _("; out of {n}: {split}").format(n=sum(whole.values()), split=_words(whole))
    return split, text


def check_report(incidents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each published figure beside the computed one.

    ``incidents``: the typed table of :func:`geo.incidents.table.load_incidents` (default: the
    project's). One row per figure: ``figure``, ``wording``, ``published``, ``computed``, ``rule``,
    ``matches``, and its support: ``documented`` and ``reconstructed`` (how much of what it counts
    comes from each) and ``support`` (the same in words, with the denominator of a share)."""
    if incidents is None:
        incidents = load_incidents()
    facts = Facts(incidents)
    rows = []
    for fig in FIGURES:
        try:
            value = fig.compute(facts)
            ok = bool(fig.rule.matches(value.value))
            shown = value.shown
            split, support = support_of(value)
        except (KeyError, IndexError, ValueError, TypeError, ZeroDivisionError) as exc:
            ok, shown, split, support = False, f"error: {exc}", dict.fromkeys(PROVENANCES, 0), ""
        rows.append({"figure": fig.id, "wording": fig.wording, "published": fig.published, "computed": shown,
                     "rule": fig.rule.describe(), "matches": ok, **split, "support": support})
    return pd.DataFrame(rows, columns=COLUMNS)


def summary(table: pd.DataFrame) -> tuple[int, int]:
    """(figures that match, figures checked)."""
    return int(table["matches"].sum()), int(len(table))


def by_construction(table: pd.DataFrame) -> dict[str, int]:
    """How many figures rest only on documented rows, on both, or only on reconstructed rows
    (figures that rest on no particular rows are left out)."""
    doc, rec = table["documented"] > 0, table["reconstructed"] > 0
    return {"documented only": int((doc & ~rec).sum()), "both": int((doc & rec).sum()),
            "reconstructed only": int((~doc & rec).sum())}


def _cut(text: str, width: int) -> str:
    text = str(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def format_check(table: pd.DataFrame, *, rules: bool = False, support: bool = False) -> str:
    """A fixed-width table (one line per figure; with ``rules``, the comparison rule under each;
    with ``support``, what it rests on) and a summary line "N of M figures match"."""
    widths = {"figure": 34, "published": 22, "computed": 40, "ok": 3}
    header = (f"{'figure':<{widths['figure']}} {'published':<{widths['published']}} "
              f"{'computed':<{widths['computed']}} {'ok':<{widths['ok']}} report's words")
    lines = [header, "-" * len(header)]
    for r in table.itertuples(index=False):
        lines.append(
            f"{_cut(r.figure, widths['figure']):<{widths['figure']}} "
            f"{_cut(r.published, widths['published']):<{widths['published']}} "
            f"{_cut(r.computed, widths['computed']):<{widths['computed']}} "
            f"{'yes' if r.matches else 'NO':<{widths['ok']}} {_cut(r.wording, 70)}")
        if rules:
            lines.append(" " * 4 + "rule: " + str(r.rule))
        if support:
            lines.append(" " * 4 + "rests on: " + str(r.support))
    ok, total = summary(table)
    lines.append("")
    failing = [str(f) for f, m in zip(table["figure"], table["matches"]) if not m]
    tail = f" (not matching: {', '.join(failing)})" if failing else ""
    lines.append(f"{ok} of {total} figures match{tail}")
    return "\n".join(lines)


def support_markdown(table: pd.DataFrame) -> str:
    """The data card's table: each figure, as printed, and what it rests on."""
    lines = ["| figure | published | documented | reconstructed | rests on |", "|---|---|---:|---:|---|"]
    for r in table.itertuples(index=False):
        lines.append(f"| `{r.figure}` | {r.published} | {r.documented} | {r.reconstructed} | {r.support} |")
    counts = by_construction(table)
    lines.append("")
    lines.append(f"{counts['documented only']} figures rest only on documented rows, {counts['both']} on both, and "
                 f"{counts['reconstructed only']} only on reconstructed rows (they match by construction).")
    return "\n".join(lines)


# ------------------------------------------------------------------------- for people (the app)
#: The check's columns as people read them (labels translated where shown).
PEOPLE_COLUMNS = {"wording": N_("The report's words"), "published": N_("Published"), "computed": N_("Computed"),
                  "share": N_("Documented support"), "matches": N_("Matches"), "documented": N_("Documented"),
                  "reconstructed": N_("Reconstructed"), "support": N_("Rests on"), "rule": N_("How it is compared"),
                  "figure": N_("Figure")}


def people_table(table: pd.DataFrame, *, only_reconstructed: bool = False) -> pd.DataFrame:
    """:func:`check_report`'s table for people: the report's words first, then published and
    computed, the documented support of each figure (``share``: the percentage of what it counts
    that is documented; empty for a figure resting on no particular rows) and whether they match,
    with labelled columns (translated). ``only_reconstructed``: only the figures that rest on
    reconstructed rows alone."""
    if only_reconstructed:
        table = table[(table["documented"] == 0) & (table["reconstructed"] > 0)]
    counted = table["documented"] + table["reconstructed"]
    out = table.assign(share=(100 * table["documented"] / counted.where(counted > 0)).round(0))
    out = out[list(PEOPLE_COLUMNS)]
    return out.rename(columns={k: _(v) for k, v in PEOPLE_COLUMNS.items()})


def explanation(table: pd.DataFrame) -> list[str]:
    """Why the figures match, in plain words (Markdown), with how many rest only on documented
    rows, on both, and only on reconstructed rows."""
    counts = by_construction(table)
    resting = sum(counts.values())
    return [
        _("The report publishes its totals, not its list of incidents. The reconstructed rows were allocated "
          "to make its figures hold: a figure that rests on them matches **by construction**, and its match "
          "shows only that the data is consistent with the report, not that those events were checked."),
        _("**Documented support** shows how much of each figure rests on documented rows (events on the public "
          "record, with a citation)."),
        _("Of the {n} figures that rest on rows, {doc} rest only on documented rows, {both} on documented and "
          "reconstructed rows, and **{rec} only on reconstructed rows**.").format(
            n=resting, doc=counts["documented only"], both=counts["both"], rec=counts["reconstructed only"]),
    ]
