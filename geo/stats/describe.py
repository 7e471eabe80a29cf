"""What a hot-spot result says about itself, in the reader's language: the lines a map, a file
or the command line writes beside it (method, weights, permutations, correction, events, what
was not counted, islands, and the power guard's refusal)."""

from __future__ import annotations

from geo import i18n
from geo.admin.names import unit_name
from geo.i18n import _, ngettext, number
from geo.stats.hotspots import Hotspots


def method_name(result: Hotspots) -> str:
    """"Getis-Ord Gi*" or "local Moran's I" in the current language."""
    return _("Getis-Ord Gi*") if result.statistic == "gi" else _("local Moran's I")


def method(result: Hotspots) -> str:
    name = method_name(result)
    what = _("incidents per 100,000 residents") if result.metric == "per_100k" else _("incident counts")
    return _("Method: {method} on {what}, {permutations} conditional permutations (seed {seed}).").format(
        method=name, what=what, permutations=number(result.permutations), seed=result.seed)


def weights(result: Hotspots) -> str:
    if result.statistic == "gi":
        transform = _("binary weights, each unit's own value included")
    else:
        transform = _("row-standardised weights")
    if result.level == "municipality":
        text = _("Weights: queen contiguity between the municipalities of 2019 (shared border or corner; "
                 "{mean} neighbours on average), {transform}.")
    else:
        text = _("Weights: queen contiguity between the arrondissements of 2019 (shared border or corner; "
                 "{mean} neighbours on average), {transform}.")
    return text.format(mean=number(result.mean_neighbours, 1), transform=transform)


def correction(result: Hotspots) -> str:
    return _("Significance: two-sided permutation p-values, ties counted in both tails; "
             "Benjamini-Hochberg false discovery rate at {alpha}.").format(alpha=number(result.alpha, 2))


def events(result: Hotspots) -> str:
    text = _("Events counted: {n}; units with events: {units}.").format(
        n=number(result.events), units=number(result.units_with_events))
    return " ".join([text, *not_counted_lines(len(result.not_counted))])


def not_counted_lines(left: int) -> list[str]:
    """The sentence about incident sites not counted at the level (none when all were)."""
    if not left:
        return []
    return [ngettext(
        "{n} incident site is not counted: known only to a larger area, or not located (never "
        "spread over units).",
        "{n} incident sites are not counted: known only to a larger area, or not located (never "
        "spread over units).",
        left).format(n=number(left))]


def unit_names(result: Hotspots) -> dict[str, str]:
    """Code → the unit's name as the reader asked (local, or in the reader's language)."""
    t = result.table
    return {c: unit_name(nl, fr, reg, language=i18n.language(), mode=i18n.names_mode())
            for c, nl, fr, reg in zip(t["code"], t["name_nl"], t["name_fr"], t["reg_nis"].fillna(""))}


def islands(result: Hotspots) -> str | None:
    if not result.islands:
        return None
    names = unit_names(result)
    listed = ", ".join(f"{names.get(c, c)} ({c})" for c in result.islands)
    return ngettext("Without a neighbour, not tested: {units}.", "Without neighbours, not tested: {units}.",
                    len(result.islands)).format(units=listed)


def outcome(result: Hotspots) -> str:
    if result.refusal:
        return result.refusal
    found = len(result.significant())
    if found:
        return ngettext("{n} unit is significant after the correction.",
                        "{n} units are significant after the correction.", found).format(n=number(found))
    return _("No unit is significant after the correction: at this level the data cannot tell a "
             "cluster from chance.")


def columns() -> str:
    """What the hot-spot CSV's p-value columns hold."""
    return _("Columns: p_sim is esda's pseudo p-value (the nearer tail, a tie counted as larger), "
             "p_value the two-sided p-value each unit is judged by, q_fdr its Benjamini-Hochberg "
             "q-value; a unit is significant when q_fdr is at most the rate.")


def lines(result: Hotspots) -> list[str]:
    """Every line, in order (islands only when there are some)."""
    out = [method(result), weights(result), correction(result), events(result)]
    extra = islands(result)
    return out + ([extra] if extra else []) + [outcome(result)]
