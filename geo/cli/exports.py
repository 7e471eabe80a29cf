"""Export commands: static maps and animations of a view, with the sidebar's filters as options."""

from __future__ import annotations

import argparse
from pathlib import Path

from geo import text
from geo.cli import common
from geo.errors import UsageError


def _cmd_export_png(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from geo.maps.png import captions, choropleth

    data, filters, all_years = common.selection(args)
    total_reconstructed = int((data["provenance"] == "reconstructed").sum())
    stem = f"{args.view}-{args.level}-{args.metric}"

    def draw(f, title_suffix: str = "") -> bytes:
        title = captions.default_title(args.view, args.level, args.metric) + title_suffix
        return choropleth.render_map(
            f.apply(data), view=args.view, level=args.level, metric=args.metric, filters=f,
            title=title, size=args.size, format="png", scheme=args.scheme, k=args.k,
            total_reconstructed=total_reconstructed, all_years=all_years).data

    if args.per is None:
        name = stem
        if filters.years is not None:
            a, b = filters.years
            name += f"-{a}" if a == b else f"-{a}-{b}"
        common.write(common.out_file(args.out, text.safe_filename(name + ".png"), ".png"), draw(filters))
        return 0
    folder = Path(args.out)
    if folder.suffix.lower() == ".png":
        raise UsageError(f"with --per {args.per}, --out is a folder, not {args.out!r}")
    common.check_folder(folder, create=True)
    if args.per == "year":
        lo, hi = filters.years or all_years
        lo, hi = max(lo, all_years[0]), min(hi, all_years[1])
        for year in range(lo, hi + 1):
            f = replace(filters, years=(year, year))
            common.write(folder / text.safe_filename(f"{stem}-{year}.png"), draw(f, f", {year}"))
    else:
        cities = filters.cities or tuple(sorted(c for c in data["city"].dropna().unique() if c))
        for city in cities:
            f = replace(filters, cities=(city,))
            common.write(folder / text.safe_filename(f"{stem}-{city}.png".lower()), draw(f, f", {city}"))
    return 0


def _cmd_export_animation(args: argparse.Namespace) -> int:
    from geo.maps.png import animation

    if args.frame_seconds <= 0:
        raise UsageError("--frame-seconds must be positive")
    data, filters, all_years = common.selection(args)
    name = f"{args.view}-{args.level}-{args.period}{'-cumulative' if args.cumulative else ''}.gif"
    path = common.out_file(args.out, name, ".gif")
    selected = filters.apply(data)
    if selected.empty:
        raise UsageError("no incidents pass these filters: nothing to animate")
    try:
        gif = animation.render_animation(
            selected, view=args.view, level=args.level, period=args.period,
            cumulative=args.cumulative, filters=filters, size=args.size, format="gif",
            frame_seconds=args.frame_seconds,
            total_reconstructed=int((data["provenance"] == "reconstructed").sum()), all_years=all_years).data
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    common.write(path, gif)
    return 0


def register(sub) -> None:
    png = sub.add_parser("export-png", help="choropleth PNG(s) of a view, with filters; --per year "
                         "or city writes one image each into the --out folder")
    common.add_map_options(png)
    png.add_argument("--metric", default="count", choices=("count", "per_100k"))
    png.add_argument("--per", choices=("year", "city"))
    png.add_argument("--scheme", default="FisherJenks",
                     choices=("FisherJenks", "Quantiles", "EqualInterval", "NaturalBreaks"))
    png.add_argument("--k", type=int, default=5, help="number of classes (default 5)")
    png.set_defaults(func=_cmd_export_png)
    gif = sub.add_parser("export-animation", help="animated GIF of a view, one frame per year or month")
    common.add_map_options(gif)
    gif.add_argument("--period", default="year", choices=("year", "month"))
    gif.add_argument("--cumulative", action="store_true", help="each frame adds up all earlier ones")
    gif.add_argument("--frame-seconds", type=float, default=1.0)
    gif.set_defaults(func=_cmd_export_animation)
