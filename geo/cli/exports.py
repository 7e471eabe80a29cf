"""Export commands: static maps (PNG, SVG, PDF; one map, one per year or city, or small
multiples), animations (GIF, MP4) and the self-contained interactive map (``publish``), with the
sidebar's filters, your own title, subtitle, note and source line, and your own classes and
palette as options. File names say the view, level, metric and years."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from geo import i18n, text
from geo.cli import common
from geo.errors import UsageError

# The same as geo.maps.classify.SCHEMES / PALETTES (a test keeps them equal), spelled out so that
# building the parser does not import matplotlib.
SCHEME_CHOICES = ("FisherJenks", "Quantiles", "EqualInterval", "NaturalBreaks")
PALETTE_CHOICES = ("YlOrRd", "OrRd", "Reds", "PuRd", "RdPu", "Blues", "PuBu", "YlGnBu", "BuPu", "Purples")


def _class_options(args: argparse.Namespace) -> dict:
    """scheme, k, palette and breaks, checked."""
    from geo.maps.classify import max_classes, parse_breaks

    breaks = None
    if args.breaks:
        try:
            breaks = parse_breaks(args.breaks)
        except ValueError as exc:
            raise UsageError(f"--breaks {args.breaks!r}: {exc}") from None
    most = max_classes(args.palette)
    if breaks and len(breaks) + 1 > most:
        raise UsageError(f"--breaks: at most {most - 1} breaks with the {args.palette} palette (it colours "
                         f"{most} classes, one more above the last break)")
    if not breaks and not 1 <= args.k <= most:
        raise UsageError(f"--k: the {args.palette} palette gives 1 to {most} classes, not {args.k}")
    return {"scheme": args.scheme, "k": args.k, "palette": args.palette, "breaks": breaks}


def _spec(args: argparse.Namespace, data, filters, all_years, **more):
    """The map request of the command's options (a MapSpec; imported here, with the renderers)."""
    from geo.maps.model import MapSpec

    return MapSpec(view=args.view, level=args.level, metric=getattr(args, "metric", "count"), filters=filters,
                   all_years=all_years, total_reconstructed=int((data["provenance"] == "reconstructed").sum()),
                   title=args.title, subtitle=args.subtitle, note=args.note, source=args.source,
                   language=args.lang, names=args.names, **_class_options(args), **more)


def _years_of(filters, all_years) -> tuple[int, int]:
    lo, hi = filters.years or all_years
    return max(lo, all_years[0]), min(hi, all_years[1])


def _render(call, *args, **kwargs):
    try:
        return call(*args, **kwargs)
    except ValueError as exc:  # e.g. no incident to draw, a grid with too many panels
        raise UsageError(str(exc)) from None


def _cmd_export_png(args: argparse.Namespace) -> int:
    i18n.use(args.lang, names=args.names)
    from geo.maps.model import captions
    from geo.maps.png import choropleth, grid

    data, filters, all_years = common.selection(args)
    spec = _spec(args, data, filters, all_years)
    fmt = args.format

    def draw(f, suffix: str = "") -> bytes:
        title = args.title + suffix if args.title else None
        return _render(choropleth.render_map, f.apply(data), spec.with_(filters=f, title=title), size=args.size,
                       format=fmt).data

    years = _years_of(filters, all_years)
    if args.grid:
        if args.per:
            raise UsageError("--grid and --per do not go together: a grid is one image")
        name = captions.file_stem(args.view, args.level, args.metric, years, f"grid-{args.grid}") + f".{fmt}"
        rendered = _render(grid.render_grid, filters.apply(data), spec, by=args.grid, size=args.size, format=fmt)
        common.write(common.out_file(args.out, name, f".{fmt}"), rendered.data)
        return 0
    if args.per is None:
        name = captions.file_stem(args.view, args.level, args.metric, years) + f".{fmt}"
        common.write(common.out_file(args.out, name, f".{fmt}"), draw(filters))
        return 0
    folder = Path(args.out)
    if folder.suffix.lower() in (".png", ".svg", ".pdf"):
        raise UsageError(f"with --per {args.per}, --out is a folder, not {args.out!r}")
    common.check_folder(folder, create=True)
    if args.per == "year":
        for year in range(years[0], years[1] + 1):
            f = replace(filters, years=(year, year))
            stem = captions.file_stem(args.view, args.level, args.metric, (year, year))
            common.write(folder / f"{stem}.{fmt}", draw(f, f", {year}"))
    else:
        cities = filters.cities or tuple(sorted(c for c in data["city"].dropna().unique() if c))
        for city in cities:
            f = replace(filters, cities=(city,))
            stem = captions.file_stem(args.view, args.level, args.metric, years, text.slug(city))
            common.write(folder / f"{stem}.{fmt}", draw(f, f", {city}"))
    return 0


def _cmd_export_animation(args: argparse.Namespace) -> int:
    i18n.use(args.lang, names=args.names)
    from geo.maps.model import captions
    from geo.maps.png import animation

    if args.frame_seconds <= 0:
        raise UsageError("--frame-seconds must be positive")
    data, filters, all_years = common.selection(args)
    fmt = args.format
    extra = [args.period] + (["cumulative"] if args.cumulative else [])
    name = captions.file_stem(args.view, args.level, "count", _years_of(filters, all_years), *extra) + f".{fmt}"
    path = common.out_file(args.out, name, f".{fmt}")
    selected = filters.apply(data)
    if selected.empty:
        raise UsageError("no incidents pass these filters: nothing to animate")
    rendered = _render(animation.render_animation, selected, _spec(args, data, filters, all_years), period=args.period,
                       cumulative=args.cumulative, size=args.size, format=fmt, frame_seconds=args.frame_seconds)
    common.write(path, rendered.data)
    return 0


def _cmd_publish(args: argparse.Namespace) -> int:
    i18n.use(args.lang, names=args.names)
    from geo import publish

    data, filters, all_years = common.selection(args)
    folder = Path(args.out)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--out {args.out!r}: give a folder (index.html and its assets go in it)")
    selected = filters.apply(data)
    if selected.empty:
        raise UsageError("no incidents pass these filters: nothing to publish")
    published = _render(publish.build, selected, _spec(args, data, filters, all_years))
    common.check_folder(folder, create=True)
    index = publish.write(published, folder)
    print(index)
    print(f"{len(published.files)} files, {published.size / 1e6:.2f} MB; open {index.name} from the folder or put "
          "the folder on any static web host. To embed it in a page:")
    print(publish.embed_snippet(published.data.title))
    return 0


def _add_words(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", default=i18n.DEFAULT, choices=i18n.LANGUAGES,
                   help="the language of the map's words (default: en)")
    p.add_argument("--names", default="local", choices=i18n.NAME_MODES,
                   help="place names: local (Liège, Antwerpen, Ixelles / Elsene; the default) or in the "
                        "--lang language where a place has a name in it (reader)")
    p.add_argument("--title", help="your own title (default: what, where and the years)")
    p.add_argument("--subtitle", help="your own subtitle (default: the filters other than the years; '' for none)")
    p.add_argument("--note", help="a note under the map")
    p.add_argument("--source", help="your own source line (default: the credits)")


def _add_classes(p: argparse.ArgumentParser) -> None:
    p.add_argument("--scheme", default="FisherJenks", choices=SCHEME_CHOICES)
    p.add_argument("--k", type=int, default=5, help="number of classes (default 5)")
    p.add_argument("--breaks", help="your own class breaks, upper bounds, e.g. '2,5,10' (overrides --scheme)")
    p.add_argument("--palette", default=PALETTE_CHOICES[0], choices=PALETTE_CHOICES,
                   help="ColorBrewer sequential palette (colour-blind safe)")


def register(sub) -> None:
    png = sub.add_parser("export-png", help="map(s) of a view as PNG, SVG or PDF, with filters; --per year or "
                         "city writes one image each into the --out folder; --grid year or city puts small "
                         "multiples in one image")
    common.add_map_options(png)
    png.add_argument("--format", default="png", choices=("png", "svg", "pdf"))
    png.add_argument("--metric", default="count", choices=("count", "per_100k"))
    png.add_argument("--per", choices=("year", "city"))
    png.add_argument("--grid", choices=("year", "city"), help="one image with a map per year or per city")
    _add_classes(png)
    _add_words(png)
    png.set_defaults(func=_cmd_export_png)
    gif = sub.add_parser("export-animation", help="animated GIF or MP4 of a view, one frame per year or month")
    common.add_map_options(gif)
    gif.add_argument("--format", default="gif", choices=("gif", "mp4"))
    gif.add_argument("--period", default="year", choices=("year", "month"))
    gif.add_argument("--cumulative", action="store_true", help="each frame adds up all earlier ones")
    gif.add_argument("--frame-seconds", type=float, default=1.0)
    _add_classes(gif)
    _add_words(gif)
    gif.set_defaults(func=_cmd_export_animation)
    pub = sub.add_parser("publish", help="a self-contained interactive map (index.html and assets) of a view "
                         "with a year control, to open from a file or put on any static web host")
    common.add_map_options(pub)
    pub.add_argument("--metric", default="count", choices=("count", "per_100k"))
    _add_classes(pub)
    _add_words(pub)
    pub.set_defaults(func=_cmd_publish)
