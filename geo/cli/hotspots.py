"""``python -m geo hotspots``: Getis-Ord Gi* or local Moran's I per municipality or arrondissement,
as a CSV (one row per unit) and a text file beside it that says how it was computed
(``FILE.txt``: method, weights, permutations, seed, correction, events, what was not counted).

The CSV is for programs: ``,`` between fields, a decimal point, codes for the classes
(``hot``, ``cold``, ``high_high``, … ``not_significant``); text cells are spreadsheet-guarded.
"""

from __future__ import annotations

import argparse

from geo import config, i18n
from geo.cli import common
from geo.errors import UsageError

CSV_COLUMNS = ("code", "name", "value", "statistic", "z", "p_sim", "p_value", "q_fdr", "cluster", "count",
               "population")


def csv_bytes(result) -> bytes:
    """The result's table as the command writes it (UTF-8, spreadsheet-guarded text cells)."""
    from geo import text
    from geo.admin import names

    frame = result.table.assign(level=result.level)
    frame["name"] = names.names_of_units(frame, language=i18n.language(), mode=i18n.names_mode())
    out = frame[list(CSV_COLUMNS)].copy()
    for column in ("code", "name", "cluster"):
        out[column] = out[column].map(text.guard_cell)
    return out.to_csv(index=False, lineterminator="\n").encode("utf-8")


def about_bytes(result) -> bytes:
    from geo.stats import describe

    lines = describe.lines(result) + [describe.columns()]
    significant = result.significant()
    names = describe.unit_names(result)
    lines += [f"{row.code} {names[row.code]}: {row.cluster} (q = {row.q_fdr:.4f})" for row in significant.itertuples()]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _cmd_hotspots(args: argparse.Namespace) -> int:
    i18n.use(args.lang, names=args.names)
    from geo.stats import describe
    from geo.stats.hotspots import hotspots

    data, filters, _years = common.selection(args)
    selected = filters.apply(data)
    try:
        result = hotspots(selected, level=args.level, statistic=args.statistic, metric=args.metric,
                          permutations=args.permutations, seed=args.seed, alpha=args.alpha)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    name = f"hotspots-{args.level}-{args.statistic}-{args.metric}.csv"
    path = common.out_file(args.out, name, ".csv")
    common.write(path, csv_bytes(result))
    common.write(path.with_suffix(".txt"), about_bytes(result))
    print(describe.outcome(result))
    return 0


def register(sub) -> None:
    p = sub.add_parser("hotspots", help="Getis-Ord Gi* or local Moran's I per unit with conditional "
                       "permutation and a false-discovery-rate correction, as CSV (+ a .txt that says how)")
    p.add_argument("--level", default="municipality", choices=("municipality", "arrondissement"))
    p.add_argument("--statistic", default="gi", choices=("gi", "moran"))
    p.add_argument("--metric", default="count", choices=("count", "per_100k"))
    p.add_argument("--permutations", type=int, default=config.HOTSPOT_PERMUTATIONS)
    p.add_argument("--seed", type=int, default=config.HOTSPOT_SEED)
    p.add_argument("--alpha", type=float, default=config.HOTSPOT_ALPHA, help="false discovery rate")
    p.add_argument("--years", help="YYYY or YYYY-YYYY (inclusive)")
    p.add_argument("--kinds", help="comma-separated: attack, arrest_action")
    p.add_argument("--links", help="comma-separated: linked, inspired")
    p.add_argument("--plots-only", action="store_true", help="only arrest actions that revealed a plot")
    p.add_argument("--documented-only", action="store_true", help="leave out reconstructed records")
    p.add_argument("--data", help="incident CSV (default: the report's data/incidents.csv)")
    common.add_dataset_option(p)
    p.add_argument("--lang", default=i18n.DEFAULT, choices=i18n.LANGUAGES)
    p.add_argument("--names", default="local", choices=i18n.NAME_MODES)
    p.add_argument("--out", required=True, help="a .csv file or a folder")
    p.set_defaults(func=_cmd_hotspots, view="belgium", cities=None)
